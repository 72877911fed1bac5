/**
 * D2 — VCOL Art. 15: the election is competitive (差额): more formal candidates than seats for
 * every position, by the margin of the profile (`margin`: national at least one more; SC director
 * and deputy exactly one more, members one to three more).
 */
import { accept, refuse, type Decision } from '../problems.ts';
import type { CompetitiveMargin, RulesProfile } from '../profile.ts';
import type { PlannedPosition } from '../positions/index.ts';

export type MarginCode = 'MARGIN_TOO_SMALL' | 'MARGIN_TOO_LARGE';

export interface FormalCountRange {
  readonly min: number;
  /** null: no upper bound */
  readonly max: number | null;
}

/** D2 — the profile's margin for a position. */
export function marginFor(position: PlannedPosition, profile: RulesProfile): CompetitiveMargin {
  return position.id === 'director' ? profile.margin.director : position.id === 'deputy' ? profile.margin.deputy : profile.margin.member;
}

/** D2 — how many formal candidates a position may have: seats + margin.min … seats + margin.max. */
export function formalCountRange(position: PlannedPosition, profile: RulesProfile): FormalCountRange {
  const margin = marginFor(position, profile);
  return { min: position.seats + margin.min, max: margin.max === null ? null : position.seats + margin.max };
}

function expected(range: FormalCountRange): string {
  if (range.max === null) return `应不少于 ${range.min} 名`;
  return range.min === range.max ? `应为 ${range.min} 名` : `应为 ${range.min} 至 ${range.max} 名`;
}

/** D2 — `count` formal candidates for `position` respect the competitive margin. */
export function checkCompetitiveMargin(position: PlannedPosition, count: number, profile: RulesProfile): Decision<FormalCountRange, MarginCode> {
  const range = formalCountRange(position, profile);
  const what = `${position.titleZh}应选 ${position.seats} 名，正式候选人 ${count} 名`;
  if (count < range.min) {
    return refuse('MARGIN_TOO_SMALL', 'D2', `${what}，${expected(range)}：实行差额选举，候选人须多于应选名额（D2，《村民委员会组织法》第十五条）`);
  }
  if (range.max !== null && count > range.max) {
    return refuse('MARGIN_TOO_LARGE', 'D2', `${what}，${expected(range)}，超过本省规定的差额（D2，本省选举办法）`);
  }
  return accept(range);
}
