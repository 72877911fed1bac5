/** Dates and numbers the way Chinese documents write them (2026年11月25日, 12,345). */
import type { Lang } from './i18n.tsx';

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day 'YYYY-MM-DD' → '2026年11月25日' (zh) or '25 Nov 2026' (en); anything else as it is. */
export function formatDate(day: string | null | undefined, lang: Lang): string {
  if (!day) return '';
  const m = isoDay.exec(day);
  if (!m) return day;
  const [, y, mo, d] = m;
  if (lang === 'zh-CN') return `${y}年${Number(mo)}月${Number(d)}日`;
  // Formatted in UTC so that no time zone can move the day.
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))),
  );
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US').format(n);
}

/** Display format of date pickers; the second one lets a user type 2026-12-20 in either language. */
export function datePickerFormat(lang: Lang): string[] {
  return lang === 'zh-CN' ? ['YYYY年M月D日', 'YYYY-MM-DD'] : ['YYYY-MM-DD', 'D MMM YYYY'];
}

/** An instant (ISO 8601) in the browser's time zone: '2026年11月25日 14:03' (zh) or '25 Nov 2026, 14:03' (en). */
export function formatDateTime(instant: string | null | undefined, lang: Lang): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (lang === 'zh-CN') return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日 ${time}`;
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(at)}, ${time}`;
}
