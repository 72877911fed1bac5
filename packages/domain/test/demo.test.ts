import { describe, expect, it } from 'vitest';
import { buildDemoTownship, chineseNumeral, createRandom, diffDays, isIsoDate, parseResidentId } from '../src/index.ts';

const township = buildDemoTownship();

describe('buildDemoTownship', () => {
  it('models 玉堂镇 with a 9-digit township code and the 2026 cycle under the sichuan profile', () => {
    expect(township.name).toBe('玉堂镇');
    expect(township.code).toMatch(/^\d{9}$/);
    expect(township.regionCode).toBe(township.code.slice(0, 6));
    expect(township.cycle).toMatchObject({ name: '2026年村（社区）两委换届', year: 2026, profile: 'sichuan' });
  });

  it('has one town-centre residents’ community and fifteen rural village communities', () => {
    const residents = township.communities.filter((c) => c.kind === 'residents');
    const villages = township.communities.filter((c) => c.kind === 'village');
    expect(residents).toHaveLength(1);
    expect(residents[0]).toMatchObject({ area: 'town-centre', name: '白玉社区' });
    expect(villages).toHaveLength(15);
    expect(villages.every((c) => c.area === 'rural')).toBe(true);
  });

  it('names and codes every community uniquely under the township code', () => {
    const codes = township.communities.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(township.communities.map((c) => c.name)).size).toBe(codes.length);
    for (const c of township.communities) {
      expect(c.code).toMatch(/^\d{12}$/);
      expect(c.code.startsWith(township.code)).toBe(true);
      expect(c.name.endsWith('社区')).toBe(true);
    }
  });

  it('gives each community 6–15 groups of 40–120 households and 2.5–3.5 people per household', () => {
    for (const c of township.communities) {
      expect(c.groups.length).toBeGreaterThanOrEqual(6);
      expect(c.groups.length).toBeLessThanOrEqual(15);
      c.groups.forEach((g, i) => {
        expect(g.name).toBe(`${chineseNumeral(i + 1)}组`);
        expect(g.households).toBeGreaterThanOrEqual(40);
        expect(g.households).toBeLessThanOrEqual(120);
        expect(g.population).toBeGreaterThanOrEqual(Math.floor(g.households * 2.5));
        expect(g.population).toBeLessThanOrEqual(Math.ceil(g.households * 3.5));
      });
    }
  });

  it('sums households and population from groups to communities to the township', () => {
    for (const c of township.communities) {
      expect(c.households).toBe(c.groups.reduce((n, g) => n + g.households, 0));
      expect(c.population).toBe(c.groups.reduce((n, g) => n + g.population, 0));
    }
    expect(township.groupCount).toBe(township.communities.reduce((n, c) => n + c.groups.length, 0));
    expect(township.households).toBe(township.communities.reduce((n, c) => n + c.households, 0));
    expect(township.population).toBe(township.communities.reduce((n, c) => n + c.population, 0));
  });

  it('gives every generated resident an ID that passes parseResidentId with matching sex and birth date (C2)', () => {
    let count = 0;
    for (const c of township.communities) {
      for (const r of c.residents) {
        expect(parseResidentId(r.residentId)).toEqual({
          ok: true,
          birthDate: r.birthDate,
          sex: r.sex,
          region: township.regionCode,
        });
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(16 * 30);
  });

  it('never repeats a resident ID anywhere in the township (C4: one registration per person)', () => {
    const ids = township.communities.flatMap((c) => c.residents.map((r) => r.residentId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives about 40 residents per community, born 1940–2008, in existing groups and households', () => {
    for (const c of township.communities) {
      expect(c.residents.length).toBeGreaterThanOrEqual(36);
      expect(c.residents.length).toBeLessThanOrEqual(44);
      for (const r of c.residents) {
        expect(r.birthDate >= '1940-01-01' && r.birthDate <= '2008-12-31').toBe(true);
        expect(r.name.length).toBeGreaterThanOrEqual(2);
        expect(r.name.length).toBeLessThanOrEqual(3);
        const groupIndex = c.groups.findIndex((g) => g.name === r.groupName);
        expect(groupIndex).toBeGreaterThanOrEqual(0);
        const match = /^(\d{2})-(\d{3})$/.exec(r.householdNo);
        expect(match).not.toBeNull();
        expect(Number(match?.[1])).toBe(groupIndex + 1);
        expect(Number(match?.[2])).toBeLessThanOrEqual(c.groups[groupIndex]?.households ?? 0);
      }
    }
  });

  it('has both men and women across the township', () => {
    const all = township.communities.flatMap((c) => c.residents);
    expect(all.some((r) => r.sex === 'M')).toBe(true);
    expect(all.some((r) => r.sex === 'F')).toBe(true);
  });

  it('sets an election day for every community between 2026-12-20 and 2027-01-10, the town centre after the rural ones', () => {
    const days = township.cycle.electionDays;
    expect(Object.keys(days).sort()).toEqual(township.communities.map((c) => c.code).sort());
    for (const day of Object.values(days)) {
      expect(isIsoDate(day)).toBe(true);
      expect(day >= '2026-12-20' && day <= '2027-01-10').toBe(true);
    }
    const townCentre = township.communities.find((c) => c.area === 'town-centre');
    const townCentreDay = days[townCentre?.code ?? ''] ?? '';
    const rural = township.communities.filter((c) => c.area === 'rural').map((c) => days[c.code] ?? '');
    for (const day of rural) expect(diffDays(day, townCentreDay)).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(buildDemoTownship(1)).toEqual(township);
    expect(buildDemoTownship(7)).toEqual(buildDemoTownship(7));
    expect(buildDemoTownship(7)).not.toEqual(township);
  });

  it('keeps its invariants for other seeds too', () => {
    for (const seed of [2, 3, 42, 2026, 0xdeadbeef]) {
      const t = buildDemoTownship(seed);
      expect(t.communities).toHaveLength(16);
      const ids = t.communities.flatMap((c) => c.residents.map((r) => r.residentId));
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of t.communities) {
        for (const r of c.residents) {
          expect(parseResidentId(r.residentId)).toMatchObject({ ok: true, birthDate: r.birthDate, sex: r.sex });
        }
      }
    }
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const xs = Array.from({ length: 100 }, () => a.int(3, 9));
    expect(Array.from({ length: 100 }, () => b.int(3, 9))).toEqual(xs);
    expect(xs.every((x) => x >= 3 && x <= 9)).toBe(true);
    expect(new Set(xs).size).toBe(7);
  });
});

describe('chineseNumeral', () => {
  it('writes group numbers the way groups are named', () => {
    expect([1, 9, 10, 11, 15, 20, 21].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十五', '二十', '二十一']);
  });
});
