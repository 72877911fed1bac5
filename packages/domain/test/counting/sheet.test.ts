/** Tally sheets (计票单): checked against the box, and expanded into ballots the engine agrees with. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsFromSheet, checkTallySheet, determine, sheetsMatch, type TallySheetTotals } from '../../src/index.ts';

const positions = [{ id: 'director', seats: 1 }, { id: 'member', seats: 2 }];

describe('checkTallySheet', () => {
  const ok: TallySheetTotals = { spoiled: 1, positions: [{ voidSections: 1, votes: { c1: 5, c2: 2 } }, { voidSections: 0, votes: { c3: 8, c4: 6, 王小明: 1 } }] };
  it('accepts a sheet the box can hold', () => {
    expect(checkTallySheet(ok, positions, 9)).toBeNull();
  });
  it('refuses numbers that exceed the ballots returned', () => {
    expect(checkTallySheet({ ...ok, spoiled: 10 }, positions, 9)?.message).toBe('作废票 10 张，超过收回选票 9 张');
    expect(checkTallySheet(ok, positions, 7)?.message).toBe('该栏共 7 票，超过有效选票 5 张 × 应选 1 名');
    const one: TallySheetTotals = { spoiled: 1, positions: [{ voidSections: 1, votes: { c1: 6 } }, { voidSections: 0, votes: {} }] };
    expect(checkTallySheet(one, positions, 7)?.message).toBe('c1 得 6 票，超过该栏有效选票 5 张');
  });
  it('refuses more votes than seats allow and a person above the valid sections', () => {
    const tooMany: TallySheetTotals = { spoiled: 0, positions: [{ voidSections: 0, votes: { c1: 2, c2: 2 } }, { voidSections: 0, votes: {} }] };
    expect(checkTallySheet(tooMany, positions, 3)?.message).toBe('该栏共 4 票，超过有效选票 3 张 × 应选 1 名');
    const negative: TallySheetTotals = { spoiled: 0, positions: [{ voidSections: 0, votes: { c1: -1 } }, { voidSections: 0, votes: {} }] };
    expect(checkTallySheet(negative, positions, 3)?.field).toBe('positions[0]');
  });
});

describe('sheetsMatch', () => {
  it('ignores name order and zero entries, nothing else', () => {
    const a: TallySheetTotals = { spoiled: 1, positions: [{ voidSections: 0, votes: { c1: 3, c2: 1 } }] };
    expect(sheetsMatch(a, { spoiled: 1, positions: [{ voidSections: 0, votes: { c2: 1, c1: 3, c9: 0 } }] })).toBe(true);
    expect(sheetsMatch(a, { spoiled: 1, positions: [{ voidSections: 0, votes: { c1: 3, c2: 2 } }] })).toBe(false);
    expect(sheetsMatch(a, { spoiled: 0, positions: [{ voidSections: 0, votes: { c1: 3, c2: 1 } }] })).toBe(false);
  });
});

describe('ballotsFromSheet', () => {
  const sheetArb = fc
    .record({ returned: fc.integer({ min: 0, max: 40 }), spoiledShare: fc.double({ min: 0, max: 0.3, noNaN: true }), seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }) })
    .map(({ returned, spoiledShare, seed }) => {
      const spoiled = Math.floor(returned * spoiledShare);
      const valid = returned - spoiled;
      const totals: TallySheetTotals = {
        spoiled,
        positions: positions.map((p, i) => {
          const voidSections = Math.floor(valid * 0.2 * seed[i]!);
          const sections = valid - voidSections;
          const names = ['c1', 'c2', 'c3', '王小明'];
          let budget = sections * p.seats;
          const votes: Record<string, number> = {};
          names.forEach((n, k) => {
            const v = Math.min(sections, Math.floor(budget * seed[2 + i * 4 + k]!));
            budget -= v;
            if (v > 0) votes[n] = v;
          });
          return { voidSections, votes };
        }),
      };
      return { returned, totals };
    });

  it('property: the engine counts the expanded ballots exactly as the sheet says', () => {
    fc.assert(
      fc.property(sheetArb, ({ returned, totals }) => {
        expect(checkTallySheet(totals, positions, returned)).toBeNull();
        const ballots = ballotsFromSheet(totals, positions, returned);
        expect(ballots).toHaveLength(returned);
        const d = determine({ profile: 'national', options: {}, round: 'first', registeredVoters: returned, ballotsIssued: returned, positions, candidates: [], ballots });
        expect(d.ballotsCast).toBe(returned);
        d.positions.forEach((p, i) => {
          expect(p.voidSections).toBe(totals.positions[i]!.voidSections);
          expect(Object.fromEntries(p.tally.map((t) => [t.id, t.votes]))).toEqual(totals.positions[i]!.votes);
        });
      }),
      { numRuns: 500 },
    );
  });
});
