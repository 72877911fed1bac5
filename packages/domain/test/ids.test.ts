import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, makeResidentId, maskResidentId, parseResidentId, residentIdCheckChar } from '../src/index.ts';

/*
 * Check characters worked out by hand (C2 — GB 11643-1999, ISO 7064 MOD 11-2): multiply the 17
 * digits by the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, add, take the remainder mod 11, and
 * map 0…10 → 1 0 X 9 8 7 6 5 4 3 2.
 *
 * 11010519491231002X (the example in GB 11643 itself; born 1949-12-31, sequence 002 → female)
 *   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
 *   = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 = 15·11 + 2 → 'X'
 * 440524188001010014 (the other example in GB 11643; born 1880-01-01, sequence 001 → male)
 *   4·7 + 4·9 + 0·10 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
 *   = 28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 195; 195 = 17·11 + 8 → '4'
 * 510181198503151231 (都江堰市 510181; born 1985-03-15, sequence 123 → male)
 *   5·7 + 1·9 + 0·10 + 1·5 + 8·8 + 1·4 + 1·2 + 9·1 + 8·6 + 5·3 + 0·7 + 3·9 + 1·10 + 5·5 + 1·8 + 2·4 + 3·2
 *   = 35 + 9 + 0 + 5 + 64 + 4 + 2 + 9 + 48 + 15 + 0 + 27 + 10 + 25 + 8 + 8 + 6 = 275; 275 = 25·11 + 0 → '1'
 */
const GB_EXAMPLE_FEMALE = '11010519491231002X';
const GB_EXAMPLE_MALE = '440524188001010014';
const DUJIANGYAN_MALE = '510181198503151231';

/** An 18-character id whose check character is right, so only the part under test is wrong. */
function withCheckChar(first17: string): string {
  return `${first17}${residentIdCheckChar(first17)}`;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

describe('residentIdCheckChar (C2 — GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('gives the hand-computed check characters', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(residentIdCheckChar('51018119850315123')).toBe('1');
  });

  it('rejects anything but 17 digits as a programming error', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow();
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow();
  });
});

describe('parseResidentId (C2 — VCOL Art. 13; GB 11643-1999)', () => {
  it('reads birth date, sex and region from a valid number', () => {
    expect(parseResidentId(GB_EXAMPLE_FEMALE)).toEqual({ ok: true, birthDate: '1949-12-31', sex: 'F', region: '110105' });
    expect(parseResidentId(GB_EXAMPLE_MALE)).toEqual({ ok: true, birthDate: '1880-01-01', sex: 'M', region: '440524' });
    expect(parseResidentId(DUJIANGYAN_MALE)).toEqual({ ok: true, birthDate: '1985-03-15', sex: 'M', region: '510181' });
  });

  it('accepts a lower-case x as the check character X', () => {
    expect(parseResidentId('11010519491231002x')).toEqual(parseResidentId(GB_EXAMPLE_FEMALE));
  });

  it('ignores surrounding spaces, tabs, line breaks and full-width spaces', () => {
    expect(parseResidentId(`  ${DUJIANGYAN_MALE} `)).toEqual(parseResidentId(DUJIANGYAN_MALE));
    expect(parseResidentId(`\t${GB_EXAMPLE_FEMALE}\r\n`)).toEqual(parseResidentId(GB_EXAMPLE_FEMALE));
    expect(parseResidentId(`\u3000${GB_EXAMPLE_MALE}\u3000`)).toEqual(parseResidentId(GB_EXAMPLE_MALE));
  });

  it('accepts a birth date in the future at this layer (eligibility decides later)', () => {
    const id = withCheckChar('51018120300101002');
    expect(parseResidentId(id)).toEqual({ ok: true, birthDate: '2030-01-01', sex: 'F', region: '510181' });
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseResidentId(withCheckChar('51018120000229001'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('rejects an empty value', () => {
    expect(parseResidentId('   ')).toEqual({ ok: false, reason: '身份证号码为空' });
  });

  it('rejects a 15-digit legacy number with its own reason', () => {
    expect(parseResidentId('110105491231002')).toEqual({ ok: false, reason: '15 位旧身份证号码，请换成 18 位号码' });
  });

  it('rejects a number of the wrong length, saying how long it is', () => {
    expect(parseResidentId('51018119850315123')).toEqual({ ok: false, reason: '长度错误：应为 18 位，实际为 17 位' });
    expect(parseResidentId('5101811985031512311')).toEqual({ ok: false, reason: '长度错误：应为 18 位，实际为 19 位' });
    expect(parseResidentId('11010549123100A')).toEqual({ ok: false, reason: '长度错误：应为 18 位，实际为 15 位' });
  });

  it('rejects a non-digit among the first 17 characters, naming its position', () => {
    expect(parseResidentId('5101811985O3151231')).toEqual({
      ok: false,
      reason: '第 11 位“O”不是数字，前 17 位只能是数字',
    });
    expect(parseResidentId('510181 98503151231')).toEqual({
      ok: false,
      reason: '第 7 位“ ”不是数字，前 17 位只能是数字',
    });
    expect(parseResidentId('X10181198503151231')).toMatchObject({ ok: false });
  });

  it('rejects a last character that is neither a digit nor X', () => {
    expect(parseResidentId('51018119850315123Y')).toEqual({ ok: false, reason: '第 18 位“Y”无效，校验码只能是数字或 X' });
  });

  it('rejects impossible birth dates even when the check character is right', () => {
    expect(parseResidentId(withCheckChar('51018120010230001'))).toEqual({
      ok: false,
      reason: '出生日期无效：2001年2月30日不存在',
    });
    expect(parseResidentId(withCheckChar('51018120010229001'))).toEqual({
      ok: false,
      reason: '出生日期无效：2001年2月29日不存在',
    });
    expect(parseResidentId(withCheckChar('51018119001301001'))).toEqual({
      ok: false,
      reason: '出生日期无效：1900年13月1日不存在',
    });
    expect(parseResidentId(withCheckChar('51018119850400001'))).toEqual({
      ok: false,
      reason: '出生日期无效：1985年4月0日不存在',
    });
    expect(parseResidentId(withCheckChar('51018119850431001'))).toEqual({
      ok: false,
      reason: '出生日期无效：1985年4月31日不存在',
    });
  });

  it('rejects a birth year before 1800', () => {
    expect(parseResidentId(withCheckChar('51018117990101001'))).toEqual({ ok: false, reason: '出生日期无效：1799 年不合理' });
  });

  it('rejects a wrong check character and says which one is right', () => {
    expect(parseResidentId('110105194912310021')).toEqual({ ok: false, reason: '校验码错误，应为 X' });
    expect(parseResidentId('51018119850315123X')).toEqual({ ok: false, reason: '校验码错误，应为 1' });
  });

  it('detects every single-digit typo among the first 17 digits (MOD 11-2 property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, shift) => {
        const digit = (Number(DUJIANGYAN_MALE.charAt(position)) + shift) % 10;
        const typo = `${DUJIANGYAN_MALE.slice(0, position)}${digit}${DUJIANGYAN_MALE.slice(position + 1)}`;
        expect(parseResidentId(typo).ok).toBe(false);
      }),
    );
  });

  it('detects every swap of two different adjacent digits among the first 17 (MOD 11-2 property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{6}$/),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 15 }),
        (region, birth, sequence, position) => {
          const id = makeResidentId(region, isoDate(birth), sequence);
          const a = id.charAt(position);
          const b = id.charAt(position + 1);
          fc.pre(a !== b);
          const swapped = `${id.slice(0, position)}${b}${a}${id.slice(position + 2)}`;
          expect(parseResidentId(swapped).ok).toBe(false);
        },
      ),
    );
  });
});

describe('makeResidentId (C2 — GB 11643-1999)', () => {
  it('builds the hand-computed numbers', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe(GB_EXAMPLE_FEMALE);
    expect(makeResidentId('440524', '1880-01-01', 1)).toBe(GB_EXAMPLE_MALE);
    expect(makeResidentId('510181', '1985-03-15', 123)).toBe(DUJIANGYAN_MALE);
  });

  it('always parses back to its region, birth date and sex (odd sequence = male)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{6}$/),
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, birth, sequence) => {
          const birthDate = isoDate(birth);
          const id = makeResidentId(region, birthDate, sequence);
          expect(id).toHaveLength(18);
          expect(parseResidentId(id)).toEqual({ ok: true, birthDate, sex: sequence % 2 === 1 ? 'M' : 'F', region });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses bad arguments as programming errors', () => {
    expect(() => makeResidentId('51018', '1985-03-15', 1)).toThrow();
    expect(() => makeResidentId('510181', '1985-02-30', 1)).toThrow();
    expect(() => makeResidentId('510181', '19850315', 1)).toThrow();
    expect(() => makeResidentId('510181', '1985-03-15', 1000)).toThrow();
    expect(() => makeResidentId('510181', '1985-03-15', -1)).toThrow();
    expect(() => makeResidentId('510181', '1985-03-15', 1.5)).toThrow();
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters with 8 asterisks between', () => {
    expect(maskResidentId(DUJIANGYAN_MALE)).toBe('510181********1231');
    expect(maskResidentId(' 11010519491231002x ')).toBe('110105********002X');
  });

  it('hides a too-short value entirely', () => {
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});

describe('ageOn (C2 — VCOL Art. 13: 18 or older on election day)', () => {
  it('is 17 the day before the 18th birthday and 18 on the birthday itself', () => {
    expect(ageOn('2008-12-20', '2026-12-19')).toBe(17);
    expect(ageOn('2008-12-20', '2026-12-20')).toBe(18);
    expect(ageOn('2008-12-21', '2026-12-20')).toBe(17);
  });

  it('counts full years across a year end', () => {
    expect(ageOn('2009-01-01', '2026-12-31')).toBe(17);
    expect(ageOn('2009-01-01', '2027-01-01')).toBe(18);
    expect(ageOn('1940-06-15', '2026-12-20')).toBe(86);
  });

  it('makes someone born on 29 February a year older on 1 March in non-leap years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is 0 on the day of birth and negative before it', () => {
    expect(ageOn('2026-12-20', '2026-12-20')).toBe(0);
    expect(ageOn('2026-12-20', '2026-12-19')).toBe(-1);
  });

  it('refuses malformed dates as programming errors', () => {
    expect(() => ageOn('2008-02-30', '2026-12-20')).toThrow();
    expect(() => ageOn('2008-12-20', '20261220')).toThrow();
  });
});
