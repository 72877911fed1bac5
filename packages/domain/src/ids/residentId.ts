/**
 * Resident ID numbers (公民身份号码), GB 11643-1999: 6-digit region code, 8-digit birth date
 * YYYYMMDD, 3-digit sequence (odd = male, even = female) and one check character computed by
 * ISO 7064 MOD 11-2. Rule C2 (VCOL Art. 13) takes a voter's age on election day from this birth date.
 *
 * Parsing returns a value, never throws: a bad number is an expected input error with a zh-CN
 * reason for the per-row import report. The builders (`makeResidentId`, `ageOn`) throw only on
 * programming errors (arguments a caller should have validated).
 */

export type ResidentIdSex = 'M' | 'F';

export type ParsedResidentId =
  | { readonly ok: true; readonly birthDate: string; readonly sex: ResidentIdSex; readonly region: string }
  | { readonly ok: false; readonly reason: string };

// C2 — GB 11643-1999 / ISO 7064 MOD 11-2: weight of position i (1-based from the left) is 2^(18−i) mod 11.
const WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// C2 — remainder 0…10 of the weighted sum → check character.
const CHECK_CHARS = '10X98765432';

const ID_LENGTH = 18;
const LEGACY_LENGTH = 15;
/** The oldest birth year accepted: GB 11643's own example (440524188001010014) is born 1880. */
const MIN_BIRTH_YEAR = 1800;

const DIGITS = /^[0-9]+$/;

/** C2 — GB 11643-1999 check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  if (first17.length !== WEIGHTS.length || !DIGITS.test(first17)) {
    throw new Error(`residentIdCheckChar needs exactly 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → its parts; throws on anything else (a programming error at this layer). */
function parseIsoDateStrict(date: string, what: string): CalendarDate {
  const match = ISO_DATE.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (match === null || !isCalendarDate(year, month, day)) {
    throw new Error(`${what} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return { year, month, day };
}

/**
 * C2 — VCOL Art. 13; GB 11643-1999: validates an 18-character resident ID number and derives the
 * birth date, sex and region. Surrounding spaces are ignored and a lower-case x is read as X.
 */
export function parseResidentId(id: string): ParsedResidentId {
  const value = id.trim().toUpperCase();
  if (value.length === 0) {
    return { ok: false, reason: '身份证号码为空' };
  }
  if (value.length === LEGACY_LENGTH && DIGITS.test(value)) {
    return { ok: false, reason: '15 位旧身份证号码，请换成 18 位号码' };
  }
  const length = [...value].length;
  if (length !== ID_LENGTH) {
    return { ok: false, reason: `长度错误：应为 18 位，实际为 ${length} 位` };
  }
  for (let i = 0; i < ID_LENGTH - 1; i += 1) {
    const ch = value.charAt(i);
    if (!DIGITS.test(ch)) {
      return { ok: false, reason: `第 ${i + 1} 位“${ch}”不是数字，前 17 位只能是数字` };
    }
  }
  const last = value.charAt(ID_LENGTH - 1);
  if (!DIGITS.test(last) && last !== 'X') {
    return { ok: false, reason: `第 18 位“${last}”无效，校验码只能是数字或 X` };
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isCalendarDate(year, month, day)) {
    return { ok: false, reason: `出生日期无效：${year}年${month}月${day}日不存在` };
  }
  if (year < MIN_BIRTH_YEAR) {
    return { ok: false, reason: `出生日期无效：${year} 年不合理` };
  }

  const expected = residentIdCheckChar(value.slice(0, 17));
  if (last !== expected) {
    return { ok: false, reason: `校验码错误，应为 ${expected}` };
  }

  // C2 — GB 11643-1999: the sequence (positions 15–17) is odd for men, even for women.
  const sex: ResidentIdSex = Number(value.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return {
    ok: true,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex,
    region: value.slice(0, 6),
  };
}

/**
 * C2 — GB 11643-1999: builds a valid 18-character ID from a 6-digit region code, an ISO birth date
 * and a sequence 0…999 (odd = male). For fixtures and demo data; throws on bad arguments.
 */
export function makeResidentId(region: string, birthDate: string, sequence: number): string {
  if (region.length !== 6 || !DIGITS.test(region)) {
    throw new Error(`region must be 6 digits, got ${JSON.stringify(region)}`);
  }
  const { year } = parseIsoDateStrict(birthDate, 'birthDate');
  if (year < MIN_BIRTH_YEAR || year > 9999) {
    throw new Error(`birth year out of range: ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new Error(`sequence must be an integer 0…999, got ${sequence}`);
  }
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

/** Masks an ID for display: the first 6 and last 4 characters kept, 8 '*' between (product: IDs masked everywhere). */
export function maskResidentId(id: string): string {
  const value = id.trim().toUpperCase();
  if (value.length <= 10) {
    // Too short to keep 10 characters and still hide anything: hide everything.
    return '*'.repeat(value.length);
  }
  return `${value.slice(0, 6)}********${value.slice(-4)}`;
}

/**
 * C2 — VCOL Art. 13: age in full years on `onDate` (both ISO dates). One turns a year older on the
 * birthday itself; someone born on 29 February does so on 1 March in non-leap years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseIsoDateStrict(birthDate, 'birthDate');
  const on = parseIsoDateStrict(onDate, 'onDate');
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}
