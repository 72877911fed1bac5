/**
 * D1 — VCOL Art. 15: candidates are nominated directly by registered voters (海选). Each nominating
 * voter may name up to the number of seats of each position; the nomination is valid when more
 * than half of the registered voters take part (profile option `nominationQuorum`). Nominations
 * are entered per group (村(居)民小组) and added up here.
 */
import { accept, problem, refuse, type Decision, type RuleProblem } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import { positionTitle, type PlannedPosition, type PositionKind } from '../positions/index.ts';
import type { VoterRoll } from '../roll.ts';
import { sortItemsByStrokes } from '../strokes/index.ts';
import { checkCandidateEligibility } from './eligibility.ts';

const VCOL15 = '《村民委员会组织法》第十五条';

// ---------------------------------------------------------------------------------------------
// One nominating voter's slip

export interface NominationSection {
  readonly position: PositionKind;
  readonly nominees: readonly { readonly voterId: string; readonly name: string }[];
}

export interface NominationSlip {
  readonly nominatorId: string;
  readonly sections: readonly NominationSection[];
}

export type NominationSlipCode =
  | 'NOMINATOR_NOT_REGISTERED_VOTER'
  | 'NOMINATION_OVER_SEATS'
  | 'NOMINATION_UNKNOWN_POSITION'
  | 'NOMINATION_DUPLICATE'
  | 'CANDIDATE_NOT_REGISTERED_VOTER'
  | 'CANDIDATE_OF_OTHER_COMMUNITY';

export interface CountedNominations {
  /** per position, the voter ids that count (each once). */
  readonly sections: readonly { readonly position: PositionKind; readonly voterIds: readonly string[] }[];
  /** what was not counted, and why. */
  readonly problems: readonly RuleProblem<NominationSlipCode>[];
}

/**
 * D1, D6 — what counts on one nomination slip: a section naming more people than the position
 * has seats counts for nobody; a name that is not a registered voter of the community does not
 * count; a name written twice counts once. A slip from someone not registered here is refused.
 */
export function countNominationSlip(
  slip: NominationSlip,
  positions: readonly PlannedPosition[],
  communityId: string,
  roll: VoterRoll,
): Decision<CountedNominations, NominationSlipCode> {
  if (roll.get(slip.nominatorId)?.communityId !== communityId) {
    return refuse('NOMINATOR_NOT_REGISTERED_VOTER', 'D1', `提名人不是本村(居)登记参加选举的村(居)民，其提名无效（D1，${VCOL15}）`);
  }
  const problems: RuleProblem<NominationSlipCode>[] = [];
  const sections: { position: PositionKind; voterIds: string[] }[] = [];
  for (const section of slip.sections) {
    const position = positions.find((p) => p.id === section.position);
    if (position === undefined) {
      problems.push(problem('NOMINATION_UNKNOWN_POSITION', 'D1', `本届未设${positionTitle(section.position)}职位，该栏提名无效（D1）`));
      continue;
    }
    const unique = new Map<string, string>();
    for (const n of section.nominees) {
      if (unique.has(n.voterId)) {
        problems.push(problem('NOMINATION_DUPLICATE', 'D1', `${position.titleZh}一栏重复提名${n.name}，只计一次（D1）`));
      } else {
        unique.set(n.voterId, n.name);
      }
    }
    if (unique.size > position.seats) {
      problems.push(
        problem('NOMINATION_OVER_SEATS', 'D1', `${position.titleZh}一栏提名 ${unique.size} 人，超过应选名额 ${position.seats} 名，该栏无效（D1，${VCOL15}）`),
      );
      continue;
    }
    const voterIds: string[] = [];
    for (const [voterId, name] of unique) {
      const eligible = checkCandidateEligibility({ voterId, name }, communityId, roll);
      if (eligible.ok) voterIds.push(voterId);
      else problems.push(problem(eligible.code, eligible.rule, eligible.message));
    }
    sections.push({ position: section.position, voterIds });
  }
  return accept({ sections, problems });
}

// ---------------------------------------------------------------------------------------------
// Counts entered per group

/** D1 — how many nominating voters of one group named this person for this position. */
export interface GroupNominationCount {
  readonly groupName: string;
  readonly position: PositionKind;
  readonly voterId: string;
  /** as entered, for the messages when the person is not on the roll */
  readonly name: string;
  readonly nominations: number;
}

export interface NomineeTotal {
  readonly voterId: string;
  readonly name: string;
  readonly nominations: number;
}

export interface PositionNominations {
  readonly position: PositionKind;
  /** most nominations first; equal counts in stroke order of the name. */
  readonly nominees: readonly NomineeTotal[];
}

export type NominationCountCode = 'NOMINATION_COUNT_INVALID' | 'NOMINATION_UNKNOWN_POSITION' | 'CANDIDATE_NOT_REGISTERED_VOTER' | 'CANDIDATE_OF_OTHER_COMMUNITY';

export interface NominationTally {
  readonly positions: readonly PositionNominations[];
  readonly problems: readonly RuleProblem<NominationCountCode>[];
}

/**
 * D1, D6 — adds up the per-group counts per position. Counts that are not whole non-negative
 * numbers, for a position without seats, or for someone not registered in the community are left
 * out with the reason; nominees with no nomination do not appear.
 */
export function tallyNominations(
  counts: readonly GroupNominationCount[],
  positions: readonly PlannedPosition[],
  communityId: string,
  roll: VoterRoll,
): NominationTally {
  const problems: RuleProblem<NominationCountCode>[] = [];
  const totals = new Map<PositionKind, Map<string, number>>();
  const refused = new Set<string>();
  for (const c of counts) {
    const title = positionTitle(c.position);
    if (!Number.isInteger(c.nominations) || c.nominations < 0) {
      problems.push(problem('NOMINATION_COUNT_INVALID', 'D1', `${c.groupName}${title}提名票数“${c.nominations}”不是非负整数，未计入（D1）`));
      continue;
    }
    if (!positions.some((p) => p.id === c.position)) {
      problems.push(problem('NOMINATION_UNKNOWN_POSITION', 'D1', `本届未设${title}职位，${c.groupName}的该项提名未计入（D1）`));
      continue;
    }
    const eligible = checkCandidateEligibility({ voterId: c.voterId, name: c.name }, communityId, roll);
    if (!eligible.ok) {
      if (!refused.has(c.voterId)) problems.push(problem(eligible.code, eligible.rule, eligible.message));
      refused.add(c.voterId);
      continue;
    }
    const byVoter = totals.get(c.position) ?? new Map<string, number>();
    byVoter.set(c.voterId, (byVoter.get(c.voterId) ?? 0) + c.nominations);
    totals.set(c.position, byVoter);
  }
  const result: PositionNominations[] = positions.map((p) => {
    const entries = [...(totals.get(p.id) ?? new Map<string, number>())]
      .filter(([, n]) => n > 0)
      .map(([voterId, nominations]): NomineeTotal => ({ voterId, name: roll.get(voterId)?.name ?? voterId, nominations }));
    return { position: p.id, nominees: rankByVotes(entries, (e) => e.nominations) };
  });
  return { positions: result, problems };
}

/** Most votes first; equal votes in stroke order of the name (D3), so the order never depends on input order. */
export function rankByVotes<T extends { readonly name: string }>(items: readonly T[], votesOf: (item: T) => number): T[] {
  return sortItemsByStrokes(items, (i) => i.name).sort((a, b) => votesOf(b) - votesOf(a));
}

// ---------------------------------------------------------------------------------------------
// Quorum

export interface GroupParticipation {
  readonly groupName: string;
  readonly participants: number;
}

/**
 * D1 — the nomination is valid when more than half of the registered voters took part (exactly
 * half is not enough), if the profile requires it (`nominationQuorum`).
 */
export function checkNominationQuorum(
  participation: readonly GroupParticipation[],
  registeredVoters: number,
  profile: RulesProfile,
): Decision<{ readonly participants: number; readonly registeredVoters: number }, 'NOMINATION_QUORUM_NOT_MET'> {
  const participants = participation.reduce((sum, g) => sum + g.participants, 0);
  if (profile.nominationQuorum && participants * 2 <= registeredVoters) {
    return refuse(
      'NOMINATION_QUORUM_NOT_MET',
      'D1',
      `参加提名的村(居)民 ${participants} 人，未超过登记参加选举的村(居)民 ${registeredVoters} 人的半数，提名无效（D1，本省选举办法）`,
    );
  }
  return accept({ participants, registeredVoters });
}
