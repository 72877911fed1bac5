/**
 * A1, A2, A6 — the positions (职务) of a committee and their seats (名额): a director (主任), deputies
 * (副主任) as needed, and members (委员); 3–7 people in a villagers' committee (VCOL Art. 6), 5–9 in
 * a residents' committee (RCOL Art. 7). The plan is decided per community before the election.
 */
import { problem, ruleReport, type RuleProblem, type RuleReport } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';

/** A1 — director 主任, deputy 副主任, member 委员; the order is the ballot's and the counting's (highest first). */
export type PositionKind = 'director' | 'deputy' | 'member';

/** A1, A6 — villagers' committee (村民委员会) or residents' committee (居民委员会). */
export type CommitteeKind = 'village' | 'residents';

export interface PositionInfo {
  readonly kind: PositionKind;
  readonly titleZh: string;
  readonly titleEn: string;
}

/** A1 — the three positions, highest first. */
export const positionKinds: readonly PositionInfo[] = [
  { kind: 'director', titleZh: '主任', titleEn: 'director' },
  { kind: 'deputy', titleZh: '副主任', titleEn: 'deputy director' },
  { kind: 'member', titleZh: '委员', titleEn: 'member' },
];

/** A1 — the Chinese title of a position: 主任, 副主任, 委员. */
export function positionTitle(kind: PositionKind): string {
  return positionKinds.find((p) => p.kind === kind)?.titleZh ?? kind;
}

/** A1 — the seats of each position, decided per community before the election. */
export interface SeatPlan {
  readonly committeeKind: CommitteeKind;
  readonly director: number;
  readonly deputies: number;
  readonly members: number;
}

export interface SizeRange {
  readonly min: number;
  readonly max: number;
}

/** A1 — VCOL Art. 6: a villagers' committee has 3 to 7 people. */
export const VILLAGE_COMMITTEE_SIZE: SizeRange = { min: 3, max: 7 };
/** A6 — RCOL Art. 7: a residents' committee has 5 to 9 people. */
export const RESIDENTS_COMMITTEE_SIZE: SizeRange = { min: 5, max: 9 };

/** A1, A6 — the lawful committee size for the kind of committee. */
export function committeeSizeRange(kind: CommitteeKind): SizeRange {
  return kind === 'village' ? VILLAGE_COMMITTEE_SIZE : RESIDENTS_COMMITTEE_SIZE;
}

/** A1 — all seats of the plan. */
export function totalSeats(plan: SeatPlan): number {
  return plan.director + plan.deputies + plan.members;
}

/** A2, F8 — member seats reserved for a woman under the profile (`womenSeat: 'reserved-member'`): 1 or 0. */
export function reservedWomenSeats(plan: SeatPlan, profile: RulesProfile): number {
  return profile.womenSeat === 'reserved-member' && plan.members > 0 ? 1 : 0;
}

/** A position of the plan as the ballot and the count use it (a `CountPosition` with more detail). */
export interface PlannedPosition {
  readonly id: PositionKind;
  readonly titleZh: string;
  readonly seats: number;
  /** A2, F8: of these seats, how many are reserved for a woman. */
  readonly reservedWomenSeats: number;
}

/** A1 — the positions that have seats, highest first (the ballot's sections; no deputy section when 0 deputies). */
export function plannedPositions(plan: SeatPlan, profile: RulesProfile): readonly PlannedPosition[] {
  const seats: Readonly<Record<PositionKind, number>> = { director: plan.director, deputy: plan.deputies, member: plan.members };
  return positionKinds
    .filter((p) => seats[p.kind] > 0)
    .map((p) => ({
      id: p.kind,
      titleZh: p.titleZh,
      seats: seats[p.kind],
      reservedWomenSeats: p.kind === 'member' ? reservedWomenSeats(plan, profile) : 0,
    }));
}

export type SeatPlanCode = 'SEATS_NOT_WHOLE' | 'ONE_DIRECTOR' | 'MEMBER_SEAT_REQUIRED' | 'COMMITTEE_SIZE';

const BASIS: Readonly<Record<CommitteeKind, string>> = {
  village: '《村民委员会组织法》第六条：村民委员会由主任、副主任和委员共三至七人组成',
  residents: '《城市居民委员会组织法》第七条：居民委员会由主任、副主任和委员共五至九人组成',
};
const RULE: Readonly<Record<CommitteeKind, 'A1' | 'A6'>> = { village: 'A1', residents: 'A6' };

/**
 * A1, A6 — validates a seat plan: whole non-negative numbers, exactly one director, at least one
 * member ("and members"; the reserved women's seat of A2/F8 also needs one), deputies as needed
 * (0 allowed), and the total within 3–7 (village) or 5–9 (residents').
 */
export function checkSeatPlan(plan: SeatPlan): RuleReport<SeatPlanCode> {
  const rule = RULE[plan.committeeKind];
  const basis = BASIS[plan.committeeKind];
  const errors: RuleProblem<SeatPlanCode>[] = [];
  const counts = [plan.director, plan.deputies, plan.members];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0)) {
    errors.push(problem('SEATS_NOT_WHOLE', rule, `职数必须是非负整数（主任 ${plan.director}，副主任 ${plan.deputies}，委员 ${plan.members}）`));
    return ruleReport(errors);
  }
  if (plan.director !== 1) {
    errors.push(problem('ONE_DIRECTOR', rule, `主任职数应为 1 名，现为 ${plan.director} 名（${rule}，${basis}）`));
  }
  if (plan.members < 1) {
    errors.push(problem('MEMBER_SEAT_REQUIRED', rule, `委员职数至少 1 名（${rule}，${basis}）`));
  }
  const range = committeeSizeRange(plan.committeeKind);
  const total = totalSeats(plan);
  if (total < range.min || total > range.max) {
    errors.push(problem('COMMITTEE_SIZE', rule, `成员职数共 ${total} 名，应为 ${range.min} 至 ${range.max} 名（${rule}，${basis}）`));
  }
  return ruleReport(errors);
}
