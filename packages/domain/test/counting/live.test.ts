/** The live board's arithmetic (F3–F7 during counting): running tallies and secured seats. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castBound, countSection, determine, RunningTally, securedSeats, tallyDelta, type CountBallot, type CountInput } from '../../src/index.ts';

describe('countSection (F4)', () => {
  it('dedupes names, ignores empty marks, voids an over-marked section', () => {
    expect(countSection(['c1', 'c1', ' ', 'c2'], 2)).toEqual({ void: false, names: ['c1', 'c2'] });
    expect(countSection(['c1', 'c2', '王小明'], 2)).toEqual({ void: true });
    expect(countSection([], 1)).toEqual({ void: false, names: [] });
  });
});

describe('RunningTally', () => {
  it('counts ballot by ballot and takes a voided ballot back out', () => {
    const t = new RunningTally([1, 2]);
    const a = { spoiled: false, sections: [['c1'], ['c3', 'c4']] };
    t.apply(a);
    t.apply({ spoiled: false, sections: [['c2'], ['c3', 'c4', 'c5']] });
    t.apply({ spoiled: true, sections: [] });
    expect(t.tally(0)).toEqual([{ id: 'c1', votes: 1 }, { id: 'c2', votes: 1 }]);
    expect(t.tally(1)).toEqual([{ id: 'c3', votes: 1 }, { id: 'c4', votes: 1 }]);
    expect([t.ballotsCounted, t.spoiled, t.voidSections(1)]).toEqual([3, 1, 1]);
    t.apply(a, -1);
    expect(t.tally(0)).toEqual([{ id: 'c2', votes: 1 }]);
    expect(t.tally(1)).toEqual([]);
    // A board restored from a snapshot goes on exactly where the server was.
    const restored = RunningTally.restore(JSON.parse(JSON.stringify(t.snapshot())));
    restored.apply(a);
    t.apply(a);
    expect(restored.snapshot()).toEqual(t.snapshot());
  });
});

describe('tallyDelta', () => {
  it('property: applying the delta of a run equals applying its ballots one by one', () => {
    const ballot = fc.record({
      spoiled: fc.boolean(),
      sections: fc.tuple(fc.array(fc.constantFrom('c1', 'c2', 'w'), { maxLength: 2 }), fc.array(fc.constantFrom('c3', 'c4', 'c5', 'x'), { maxLength: 3 })),
    });
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 30 }), fc.array(ballot, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (before, run, voids) => {
        const seats = [1, 2];
        const oneByOne = new RunningTally(seats);
        for (const b of before) oneByOne.apply(b);
        const byDelta = RunningTally.restore(oneByOne.snapshot());
        const steps = [...run.map((b) => ({ ballot: b, sign: 1 as const })), ...voids.filter((v) => v < before.length).map((v) => ({ ballot: before[v]!, sign: -1 as const }))];
        for (const s of steps) oneByOne.apply(s.ballot, s.sign);
        byDelta.applyDelta(tallyDelta(seats, steps));
        expect(byDelta.snapshot()).toEqual(oneByOne.snapshot());
      }),
      { numRuns: 500 },
    );
  });
});

describe('castBound (F2, F5)', () => {
  it('judges on the ballots issued until every box is open, then on the ballots returned', () => {
    expect(castBound({ ballotsReturned: 6, ballotsIssued: 10, places: 2, boxesOpened: 1 })).toBe(10);
    expect(castBound({ ballotsReturned: 9, ballotsIssued: 10, places: 2, boxesOpened: 2 })).toBe(9);
    expect(castBound({ ballotsReturned: 12, ballotsIssued: 10, places: 2, boxesOpened: 1 })).toBe(12);
    expect(castBound({ ballotsReturned: 0, ballotsIssued: 0, places: 0, boxesOpened: 0 })).toBe(0);
  });
});

describe('securedSeats (F5, F7)', () => {
  it('needs the threshold of the whole round and no possible catch-up', () => {
    // 10 ballots returned, 6 counted: c1 has 6 of a threshold of 6, 4 remain, c2 could reach 5.
    expect(securedSeats([{ id: 'c1', votes: 6 }, { id: 'c2', votes: 1 }], 1, 10, 4, 'first')).toEqual(['c1']);
    expect(securedSeats([{ id: 'c1', votes: 5 }, { id: 'c2', votes: 1 }], 1, 10, 4, 'first')).toEqual([]);
    // A rival who could still tie keeps the seat open.
    expect(securedSeats([{ id: 'c1', votes: 6 }, { id: 'c2', votes: 2 }], 1, 12, 4, 'first')).toEqual([]);
  });

  const names = ['c1', 'c2', 'c3', '王小明'];
  const ballotArb = fc.oneof(
    { weight: 1, arbitrary: fc.constant<CountBallot>({ kind: 'spoiled' }) },
    { weight: 9, arbitrary: fc.array(fc.constantFrom(...names), { maxLength: 3 }).map((s): CountBallot => ({ kind: 'marked', sections: [s] })) },
  );

  it('property: the running tally at the end equals the determination’s tally', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.array(ballotArb, { minLength: 1, maxLength: 60 }), (seats, ballots) => {
        const running = new RunningTally([seats]);
        for (const b of ballots) running.apply(b.kind === 'spoiled' ? { spoiled: true, sections: [] } : { spoiled: false, sections: b.sections });
        const input: CountInput = {
          profile: 'national',
          options: {},
          round: 'first',
          registeredVoters: ballots.length,
          ballotsIssued: ballots.length,
          positions: [{ id: 'member', seats }],
          candidates: [1, 2, 3].map((i) => ({ id: `c${i}`, name: `候选人${i}`, sex: 'M' as const, position: 'member' })),
          ballots,
        };
        expect(running.tally(0)).toEqual(determine(input).positions[0]!.tally);
      }),
      { numRuns: 500 },
    );
  });

  it('property: whoever is secured part-way is elected, however the remaining ballots go', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 }),
        fc.array(ballotArb, { minLength: 1, maxLength: 40 }),
        fc.array(ballotArb, { maxLength: 20 }),
        (seats, counted, rest) => {
          const running = new RunningTally([seats]);
          for (const b of counted) running.apply(b.kind === 'spoiled' ? { spoiled: true, sections: [] } : { spoiled: false, sections: b.sections });
          const total = counted.length + rest.length;
          const secured = securedSeats(running.tally(0), seats, total, rest.length, 'first');
          const final = determine({
            profile: 'national',
            options: {},
            round: 'first',
            registeredVoters: total,
            ballotsIssued: total,
            positions: [{ id: 'member', seats }],
            candidates: [1, 2, 3].map((i) => ({ id: `c${i}`, name: `候选人${i}`, sex: 'M' as const, position: 'member' })),
            ballots: [...counted, ...rest],
          });
          for (const id of secured) expect(final.positions[0]!.elected).toContain(id);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
