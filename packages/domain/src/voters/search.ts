/** Search keys for a voter: pinyin initials of the name ("zs" finds 张三) and the ID tail. */
import { pinyin } from 'pinyin-pro';

export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed', surname: 'head' }).join('').toLowerCase();
}

/** What a search box string is: digits (and X) → an ID tail; latin letters → pinyin initials; else a name. */
export function classifySearch(raw: string): { readonly kind: 'idTail' | 'initials' | 'name'; readonly value: string } {
  const v = raw.trim();
  if (/^[0-9]{2,17}[0-9Xx]?$/.test(v)) return { kind: 'idTail', value: v.toUpperCase() };
  if (/^[A-Za-z]+$/.test(v)) return { kind: 'initials', value: v.toLowerCase() };
  return { kind: 'name', value: v };
}
