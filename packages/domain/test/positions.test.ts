import { describe, expect, it } from 'vitest';
import {
  checkSeatPlan,
  committeeNearRelativeProblems,
  committeeSizeRange,
  nearRelativePairs,
  plannedPositions,
  positionKinds,
  reservedWomenSeats,
  totalSeats,
} from '../src/index.ts';
import type { SeatPlan } from '../src/index.ts';
import { family, kinship, national, others, reservedWomen, sichuan } from './support/preVote.ts';

const village = (director: number, deputies: number, members: number): SeatPlan => ({ committeeKind: 'village', director, deputies, members });
const residents = (director: number, deputies: number, members: number): SeatPlan => ({ committeeKind: 'residents', director, deputies, members });
const codes = (plan: SeatPlan): readonly string[] => checkSeatPlan(plan).errors.map((e) => e.code);

describe('A1 a villagers’ committee has a director, deputies as needed and members: 3 to 7 in all', () => {
  it('lists the positions highest first: 主任, 副主任, 委员', () => {
    expect(positionKinds.map((p) => p.titleZh)).toEqual(['主任', '副主任', '委员']);
  });

  it('accepts every size from 3 to 7', () => {
    for (const plan of [village(1, 0, 2), village(1, 1, 1), village(1, 1, 2), village(1, 1, 3), village(1, 2, 3), village(1, 1, 5), village(1, 0, 6)]) {
      expect(checkSeatPlan(plan), JSON.stringify(plan)).toEqual({ ok: true, errors: [], warnings: [] });
    }
  });

  it('refuses 2 and 8 people (the boundaries)', () => {
    expect(codes(village(1, 0, 1))).toEqual(['COMMITTEE_SIZE']);
    expect(codes(village(1, 2, 5))).toEqual(['COMMITTEE_SIZE']);
    const report = checkSeatPlan(village(1, 2, 5));
    expect(report.ok).toBe(false);
    expect(report.errors[0]?.rule).toBe('A1');
    expect(report.errors[0]?.message).toContain('三至七人');
    expect(report.errors[0]?.message).toContain('共 8 名');
  });

  it('needs exactly one director', () => {
    expect(codes(village(0, 1, 2))).toEqual(['ONE_DIRECTOR']);
    expect(codes(village(2, 0, 3))).toEqual(['ONE_DIRECTOR']);
  });

  it('needs at least one member; deputies may be none', () => {
    expect(codes(village(1, 2, 0))).toEqual(['MEMBER_SEAT_REQUIRED']);
    expect(checkSeatPlan(village(1, 0, 4)).ok).toBe(true);
  });

  it('refuses seat numbers that are not whole and non-negative', () => {
    expect(codes(village(1, -1, 4))).toEqual(['SEATS_NOT_WHOLE']);
    expect(codes(village(1, 0.5, 3))).toEqual(['SEATS_NOT_WHOLE']);
  });

  it('reports every problem of a plan at once', () => {
    expect(codes(village(0, 0, 0))).toEqual(['ONE_DIRECTOR', 'MEMBER_SEAT_REQUIRED', 'COMMITTEE_SIZE']);
  });

  it('adds up the seats', () => {
    expect(totalSeats(village(1, 2, 4))).toBe(7);
  });
});

describe('A6 a residents’ committee has 5 to 9 people', () => {
  it('has the range 5–9 and villages 3–7', () => {
    expect(committeeSizeRange('residents')).toEqual({ min: 5, max: 9 });
    expect(committeeSizeRange('village')).toEqual({ min: 3, max: 7 });
  });

  it('accepts 5 and 9, refuses 4 and 10, citing RCOL Art. 7', () => {
    expect(checkSeatPlan(residents(1, 1, 3)).ok).toBe(true);
    expect(checkSeatPlan(residents(1, 2, 6)).ok).toBe(true);
    const four = checkSeatPlan(residents(1, 1, 2));
    expect(four.errors.map((e) => e.code)).toEqual(['COMMITTEE_SIZE']);
    expect(four.errors[0]?.rule).toBe('A6');
    expect(four.errors[0]?.message).toContain('城市居民委员会组织法');
    expect(codes(residents(1, 2, 7))).toEqual(['COMMITTEE_SIZE']);
  });
});

describe('A1, A2 planned positions: the ballot’s sections and the reserved women’s member seat', () => {
  it('gives the positions with seats, highest first, without an empty deputy section', () => {
    expect(plannedPositions(village(1, 0, 4), national)).toEqual([
      { id: 'director', titleZh: '主任', seats: 1, reservedWomenSeats: 0 },
      { id: 'member', titleZh: '委员', seats: 4, reservedWomenSeats: 0 },
    ]);
    expect(plannedPositions(village(1, 1, 3), national).map((p) => p.id)).toEqual(['director', 'deputy', 'member']);
  });

  it('reserves one member seat for a woman only under womenSeat: reserved-member', () => {
    expect(reservedWomenSeats(village(1, 1, 3), national)).toBe(0);
    expect(reservedWomenSeats(village(1, 1, 3), sichuan)).toBe(0);
    expect(reservedWomenSeats(village(1, 1, 3), reservedWomen)).toBe(1);
    expect(reservedWomenSeats(village(1, 2, 0), reservedWomen)).toBe(0);
    expect(plannedPositions(village(1, 1, 3), reservedWomen).find((p) => p.id === 'member')?.reservedWomenSeats).toBe(1);
    expect(plannedPositions(village(1, 1, 3), reservedWomen).find((p) => p.id === 'director')?.reservedWomenSeats).toBe(0);
  });
});

describe('A3 near relatives may not serve on the same committee (option forbidNearRelativesOnCommittee)', () => {
  const committee = [family.father, family.son, others.wang, family.sonInLaw];

  it('finds the pairs of near relatives, read in both directions; in-laws are not near relatives', () => {
    const pairs = nearRelativePairs(committee, kinship);
    expect(pairs.map((p) => [p.a.name, p.b.name, p.kind])).toEqual([['张大山', '张小明', 'child']]);
  });

  it('is an error under sichuan (default on) and nothing under national', () => {
    const problems = committeeNearRelativeProblems(committee, kinship, sichuan);
    expect(problems).toEqual([
      {
        code: 'NEAR_RELATIVES_ON_COMMITTEE',
        rule: 'A3',
        message: '张小明是张大山的子女，近亲属不得同时担任村(居)民委员会成员（A3，本省选举办法）',
      },
    ]);
    expect(committeeNearRelativeProblems(committee, kinship, national)).toEqual([]);
    expect(committeeNearRelativeProblems([others.wang, others.liu], kinship, sichuan)).toEqual([]);
  });
});
