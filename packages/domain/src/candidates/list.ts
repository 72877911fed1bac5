/**
 * D2, D3, D5, D6, D7 and A2 — the formal candidate list (正式候选人名单) of one community, checked
 * as a whole before it is published, and put in its published order.
 */
import { assertNever } from '../basics.ts';
import { accept, problem, refuse, ruleReport, type Decision, type RuleProblem, type RuleReport } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import { positionTitle, type PlannedPosition, type PositionKind } from '../positions/index.ts';
import type { VoterRoll } from '../roll.ts';
import { addDays, diffDays, FORMAL_LIST_DAYS_BEFORE_ELECTION } from '../schedule/index.ts';
import { sortItemsByStrokes } from '../strokes/index.ts';
import { checkCandidateEligibility, type EligibilityCode } from './eligibility.ts';
import { checkCompetitiveMargin, type MarginCode } from './margin.ts';

export interface FormalCandidate {
  readonly voterId: string;
  readonly name: string;
  readonly position: PositionKind;
  /** D5 — the commitment letter (竞争承诺书) is signed. */
  readonly commitmentSigned: boolean;
  /** nominations or preliminary votes, for a profile that orders the list by them (D3) */
  readonly votes?: number;
}

export type FormalListCode =
  | EligibilityCode
  | MarginCode
  | 'DUPLICATE_CANDIDATE'
  | 'CANDIDATE_FOR_SEVERAL_POSITIONS'
  | 'CANDIDATE_POSITION_NOT_PLANNED'
  | 'NO_WOMAN_CANDIDATE'
  | 'NO_WOMAN_MEMBER_CANDIDATE'
  | 'COMMITMENT_NOT_SIGNED'
  | 'METHOD_HAS_NO_CANDIDATES'
  | PublicationCode;

export interface FormalListInput {
  readonly communityId: string;
  readonly positions: readonly PlannedPosition[];
  readonly candidates: readonly FormalCandidate[];
  readonly roll: VoterRoll;
  readonly profile: RulesProfile;
  readonly electionDay: string;
  /** the day the list was published, or null while it is not */
  readonly publishedOn: string | null;
  /** today, to tell an overdue unpublished list; omit to skip that check */
  readonly today?: string;
}

/**
 * D2, D3, D5, D6, D7, A2 — checks the formal list: every candidate a registered voter here (D6),
 * nobody twice for a position, the competitive margin per position (D2), a woman among the
 * candidates (A2: a warning; under `womenSeat: 'reserved-member'` an error unless a woman stands
 * for member, F8), commitment letters (D5: warnings), publication at least 5 days before election
 * day (D3). Under D7 ("no candidates") any candidate is an error and nothing else is checked.
 */
export function checkFormalList(input: FormalListInput): RuleReport<FormalListCode> {
  const { communityId, positions, candidates, roll, profile } = input;
  const errors: RuleProblem<FormalListCode>[] = [];
  const warnings: RuleProblem<FormalListCode>[] = [];

  if (profile.method === 'no-candidates') {
    if (candidates.length > 0) {
      errors.push(problem('METHOD_HAS_NO_CANDIDATES', 'D7', `本届实行无候选人选举（自荐直选），不应有正式候选人名单（D7，本省选举办法）`));
    }
    return ruleReport(errors, warnings);
  }

  // D6 and duplicates
  const seen = new Map<string, PositionKind[]>();
  for (const c of candidates) {
    const eligible = checkCandidateEligibility(c, communityId, roll);
    if (!eligible.ok) errors.push(problem(eligible.code, eligible.rule, eligible.message));
    if (!positions.some((p) => p.id === c.position)) {
      errors.push(problem('CANDIDATE_POSITION_NOT_PLANNED', 'A1', `本届未设${positionTitle(c.position)}职位，${c.name}不能作为该职位候选人（A1）`));
    }
    const held = seen.get(c.voterId) ?? [];
    if (held.includes(c.position)) {
      errors.push(problem('DUPLICATE_CANDIDATE', 'D2', `${c.name}在${positionTitle(c.position)}候选人中重复出现（D2）`));
    } else {
      held.push(c.position);
      seen.set(c.voterId, held);
    }
  }
  for (const [voterId, held] of seen) {
    if (held.length > 1) {
      const name = candidates.find((c) => c.voterId === voterId)?.name ?? voterId;
      warnings.push(
        problem('CANDIDATE_FOR_SEVERAL_POSITIONS', 'D2', `${name}同时是${held.map(positionTitle).join('、')}的正式候选人，请核实（D2）`),
      );
    }
  }

  // D2 margin per position (unique people per position)
  for (const p of positions) {
    const count = new Set(candidates.filter((c) => c.position === p.id).map((c) => c.voterId)).size;
    const margin = checkCompetitiveMargin(p, count, profile);
    if (!margin.ok) errors.push(problem(margin.code, margin.rule, margin.message));
  }

  // A2, F8 — women among the candidates
  const isWoman = (c: FormalCandidate): boolean => roll.get(c.voterId)?.sex === 'F';
  const memberSeat = positions.find((p) => p.id === 'member');
  if (memberSeat !== undefined && memberSeat.reservedWomenSeats > 0) {
    if (!candidates.some((c) => c.position === 'member' && isWoman(c))) {
      errors.push(
        problem('NO_WOMAN_MEMBER_CANDIDATE', 'A2', `本届委员职位中有 1 名妇女专职委员名额，委员候选人中应至少有 1 名妇女（A2、F8，本省选举办法）`),
      );
    }
  } else if (candidates.length > 0 && !candidates.some(isWoman)) {
    warnings.push(problem('NO_WOMAN_CANDIDATE', 'A2', `正式候选人中没有妇女，村(居)民委员会成员中应当有妇女成员（A2，《村民委员会组织法》第六条）`));
  }

  // D5 commitment letters
  for (const c of candidates) {
    if (!c.commitmentSigned) {
      warnings.push(problem('COMMITMENT_NOT_SIGNED', 'D5', `${c.name}（${positionTitle(c.position)}候选人）尚未签订竞争承诺书（D5）`));
    }
  }

  // D3 publication
  if (input.publishedOn !== null) {
    const published = checkFormalListPublication(input.publishedOn, input.electionDay);
    if (!published.ok) errors.push(problem(published.code, published.rule, published.message));
  } else if (input.today !== undefined && diffDays(formalListDeadline(input.electionDay), input.today) > 0) {
    errors.push(
      problem('FORMAL_LIST_OVERDUE', 'D3', `正式候选人名单应于 ${formalListDeadline(input.electionDay)} 前公布，至今未公布（D3，民政部《村民委员会选举规程》）`),
    );
  }
  return ruleReport(errors, warnings);
}

// ---------------------------------------------------------------------------------------------
// D3 publication and order

export type PublicationCode = 'FORMAL_LIST_LATE' | 'FORMAL_LIST_OVERDUE';

/** D3 — the last day the formal list may be published: 5 days before election day. */
export function formalListDeadline(electionDay: string): string {
  return addDays(electionDay, -FORMAL_LIST_DAYS_BEFORE_ELECTION);
}

/** D3 — MCA; SC: published at least 5 days before election day (on the deadline day is in time). */
export function checkFormalListPublication(publishedOn: string, electionDay: string): Decision<{ readonly deadline: string }, 'FORMAL_LIST_LATE'> {
  const deadline = formalListDeadline(electionDay);
  if (diffDays(deadline, publishedOn) > 0) {
    return refuse(
      'FORMAL_LIST_LATE',
      'D3',
      `正式候选人名单于 ${publishedOn} 公布，距选举日 ${electionDay} 不足 5 日，应于 ${deadline} 前公布（D3，民政部《村民委员会选举规程》）`,
    );
  }
  return accept({ deadline });
}

/**
 * D3 — the published order of a list: 姓氏笔画 (D4), or by votes (most first, equal votes by
 * strokes) when the profile orders by nomination votes. Positions keep their own sections: call
 * it per position.
 */
export function orderCandidateList<T extends { readonly name: string; readonly votes?: number }>(candidates: readonly T[], profile: RulesProfile): T[] {
  const byStrokes = sortItemsByStrokes(candidates, (c) => c.name);
  switch (profile.listOrder) {
    case 'strokes':
      return byStrokes;
    case 'nomination-votes':
      return byStrokes.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
    default:
      return assertNever(profile.listOrder, 'list order');
  }
}
