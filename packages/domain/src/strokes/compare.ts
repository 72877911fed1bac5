/**
 * D3, D4 — 姓氏笔画 collation of personal names, the order of every candidate list, ballot section
 * and announcement.
 *
 * A character sorts by (1) its stroke count, (2) the classes of its strokes compared one by one in
 * writing order (横 < 竖 < 撇 < 点 < 折), (3) its code point, so different characters with the same
 * strokes (土/士, 田/由) never interleave. A name sorts by its surname first, character by
 * character (a compound surname 欧阳 therefore sits among the 8-stroke surnames by 欧, after the
 * plain 欧 surname: practice ranks 复姓 by their first character, not the sum of strokes —
 * 欧阳少东 before 洪少东), then by its given name the same way, a shorter name before a longer one
 * it begins, and finally by the code points of the whole name (deterministic on any input).
 *
 * Characters cnchar-order does not know sort after all known characters in the same position:
 * first other Han characters (rare characters, extension B+, traditional forms) by code point,
 * then anything else (Latin letters, digits) by code point. Whitespace and the middle dots of
 * transliterated minority names (·) are not part of the key.
 */
import { charStrokes } from './chars.ts';
import { strokeClassRank } from './classes.ts';
import { compoundSurnames, splitName } from './surnames.ts';

/**
 * How a one-character given name compares with a two-character one under the same surname:
 * - `as-written` (default; 按姓名笔画, the people's congresses): the name's characters in turn,
 *   田大利 before 田富 (大 has fewer strokes than 富);
 * - `blank-first` (按姓氏笔画 with the single name padded, CPPCC practice): the missing character
 *   counts as a blank before everything, 田富 before 田大利.
 */
export type SingleGivenName = 'as-written' | 'blank-first';

export interface StrokeCollationOptions {
  readonly singleGivenName?: SingleGivenName;
  readonly compoundSurnames?: ReadonlySet<string>;
}

/** 0 known, 1 unknown Han, 2 anything else; −1 is the blank of `blank-first`. */
type Tier = -1 | 0 | 1 | 2;

interface CharKey {
  readonly tier: Tier;
  readonly count: number;
  /** stroke class ranks as digits '1'…'5'; equal counts give equal lengths, so string order is stroke-by-stroke. */
  readonly classes: string;
  readonly codePoint: number;
}

interface NameKey {
  readonly surname: readonly CharKey[];
  readonly given: readonly CharKey[];
  readonly raw: string;
}

const BLANK: CharKey = { tier: -1, count: 0, classes: '', codePoint: -1 };
const HAN = /\p{Script=Han}/u;
const IGNORED = /[\s·・•‧]/gu;

const charKeys = new Map<string, CharKey>();

function charKey(char: string): CharKey {
  const cached = charKeys.get(char);
  if (cached !== undefined) return cached;
  const strokes = charStrokes(char);
  const codePoint = char.codePointAt(0) ?? 0;
  const key: CharKey = strokes.known
    ? { tier: 0, count: strokes.count, classes: strokes.classes.map(strokeClassRank).join(''), codePoint }
    : { tier: HAN.test(char) ? 1 : 2, count: 0, classes: '', codePoint };
  charKeys.set(char, key);
  return key;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareCharKeys(a: CharKey, b: CharKey): number {
  if (a.tier !== b.tier) return compareNumbers(a.tier, b.tier);
  if (a.count !== b.count) return compareNumbers(a.count, b.count);
  if (a.classes !== b.classes) return a.classes < b.classes ? -1 : 1;
  return compareNumbers(a.codePoint, b.codePoint);
}

function compareSequences(a: readonly CharKey[], b: readonly CharKey[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const c = compareCharKeys(a[i] ?? BLANK, b[i] ?? BLANK);
    if (c !== 0) return c;
  }
  return compareNumbers(a.length, b.length);
}

/** Code point order (not UTF-16 unit order, which misplaces astral characters). */
function compareCodePoints(a: string, b: string): number {
  const ca = [...a];
  const cb = [...b];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i += 1) {
    const c = compareNumbers(ca[i]?.codePointAt(0) ?? 0, cb[i]?.codePointAt(0) ?? 0);
    if (c !== 0) return c;
  }
  return compareNumbers(ca.length, cb.length);
}

interface Collator {
  readonly key: (name: string) => NameKey;
  readonly compareKeys: (a: NameKey, b: NameKey) => number;
}

function makeCollator(options: StrokeCollationOptions): Collator {
  const blankFirst = (options.singleGivenName ?? 'as-written') === 'blank-first';
  const compound = options.compoundSurnames ?? compoundSurnames;
  const key = (raw: string): NameKey => {
    const { surname, givenName } = splitName(raw.replace(IGNORED, ''), compound);
    const given = [...givenName].map(charKey);
    return {
      surname: [...surname].map(charKey),
      given: blankFirst && given.length === 1 ? [BLANK, ...given] : given,
      raw,
    };
  };
  const compareKeys = (a: NameKey, b: NameKey): number =>
    compareSequences(a.surname, b.surname) || compareSequences(a.given, b.given) || compareCodePoints(a.raw, b.raw);
  return { key, compareKeys };
}

/** Name keys for repeated comparisons (Array.prototype.sort); cleared when large, it is only a cache. */
const NAME_CACHE_LIMIT = 10_000;

/** D4 — a comparator for the given options (the default is `compareByStrokes`). */
export function createStrokeComparator(options: StrokeCollationOptions = {}): (a: string, b: string) => number {
  const collator = makeCollator(options);
  const names = new Map<string, NameKey>();
  const keyOf = (name: string): NameKey => {
    let k = names.get(name);
    if (k === undefined) {
      if (names.size >= NAME_CACHE_LIMIT) names.clear();
      k = collator.key(name);
      names.set(name, k);
    }
    return k;
  };
  return (a, b) => collator.compareKeys(keyOf(a), keyOf(b));
}

const defaultComparator = createStrokeComparator();

/** D4 — 姓氏笔画 order of two names: negative when `a` comes first, 0 only for identical strings. */
export function compareByStrokes(a: string, b: string): number {
  return defaultComparator(a, b);
}

/** D3, D4 — a new array of the names in 姓氏笔画 order (the input is left untouched). */
export function sortByStrokes(names: readonly string[], options: StrokeCollationOptions = {}): string[] {
  const collator = makeCollator(options);
  return names
    .map((name) => ({ name, key: collator.key(name) }))
    .sort((a, b) => collator.compareKeys(a.key, b.key))
    .map((entry) => entry.name);
}

/** D3, D4 — items in 姓氏笔画 order of the name `nameOf` gives (a new array; equal names keep their order). */
export function sortItemsByStrokes<T>(items: readonly T[], nameOf: (item: T) => string, options: StrokeCollationOptions = {}): T[] {
  const collator = makeCollator(options);
  return items
    .map((item) => ({ item, key: collator.key(nameOf(item)) }))
    .sort((a, b) => collator.compareKeys(a.key, b.key))
    .map((entry) => entry.item);
}
