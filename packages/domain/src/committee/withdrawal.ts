/**
 * B2 — VCOL Art. 12: a member of the election committee nominated as a candidate for the
 * committee must leave the election committee; the vacancy is filled by the next person in the
 * original vote. "Nominated as a candidate" is taken as being on a candidate list (preliminary
 * or formal): the caller passes those people.
 */
import { problem, type RuleProblem } from '../problems.ts';
import type { VoterRoll } from '../roll.ts';
import type { ElectionCommittee, ElectionCommitteeMember, ElectionCommitteeReserve, ElectionCommitteeRole } from './membership.ts';

export interface CandidateRef {
  readonly voterId: string;
  readonly name: string;
}

/** Why a member leaves: the audit trail records this entry as it is. */
export interface CommitteeRemoval {
  readonly member: ElectionCommitteeMember;
  readonly code: 'MEMBER_BECAME_CANDIDATE';
  readonly rule: 'B2';
  readonly message: string;
}

export interface CommitteeReplacement {
  readonly replaces: ElectionCommitteeMember;
  readonly by: ElectionCommitteeReserve;
  readonly message: string;
}

export type WithdrawalIssueCode = 'RESERVE_EXHAUSTED' | 'RESERVE_TIED' | 'CHAIR_VACANT';

export interface CommitteeWithdrawal {
  /** the committee after removals and replacements (replacements join as members, in the removed members' places). */
  readonly committee: ElectionCommittee;
  readonly removals: readonly CommitteeRemoval[];
  readonly replacements: readonly CommitteeReplacement[];
  /** vacancies that need a decision: no one left in the reserve, a tie in it, or the chair to be chosen again. */
  readonly issues: readonly RuleProblem<WithdrawalIssueCode>[];
}

const VCOL12 = '《村民委员会组织法》第十二条';

/**
 * B2 — who must leave the election committee because they became candidates, and who replaces
 * them: the reserve by votes (most first), skipping anyone who is a candidate, already on the
 * committee or not a registered voter of the community. A tie for the next place is not broken
 * here (the assembly decides); nor is a new chair chosen.
 */
export function withdrawCandidatesFromCommittee(
  committee: ElectionCommittee,
  candidates: readonly CandidateRef[],
  roll: VoterRoll,
): CommitteeWithdrawal {
  const candidateIds = new Set(candidates.map((c) => c.voterId));
  const removals: CommitteeRemoval[] = committee.members
    .filter((m) => candidateIds.has(m.voterId))
    .map((member) => ({
      member,
      code: 'MEMBER_BECAME_CANDIDATE',
      rule: 'B2',
      message: `${member.name}被提名为村(居)民委员会成员候选人，应当退出选举委员会（B2，${VCOL12}）`,
    }));
  if (removals.length === 0) return { committee, removals, replacements: [], issues: [] };

  const memberIds = new Set(committee.members.map((m) => m.voterId));
  const pool = committee.reserve
    .filter((r) => !candidateIds.has(r.voterId) && !memberIds.has(r.voterId) && roll.get(r.voterId)?.communityId === committee.communityId)
    .slice()
    .sort((a, b) => b.votes - a.votes);

  const replacements: CommitteeReplacement[] = [];
  const issues: RuleProblem<WithdrawalIssueCode>[] = [];
  const byRemoved = new Map<string, ElectionCommitteeReserve>();
  let next = 0;
  for (const [i, { member }] of removals.entries()) {
    const person = pool[next];
    if (person === undefined) {
      issues.push(problem('RESERVE_EXHAUSTED', 'B2', `${member.name}退出后，原推选结果中已无可依次递补的人员，须另行推选（B2，${VCOL12}）`));
      continue;
    }
    // Everyone with the next vote count goes in together, unless there are fewer vacancies left than they are.
    const group = pool.slice(next).filter((r) => r.votes === person.votes);
    const vacanciesLeft = removals.length - i;
    if (group.length > vacanciesLeft) {
      const names = group.map((r) => r.name).join('、');
      issues.push(
        problem('RESERVE_TIED', 'B2', `递补人选${names}得票相等（${person.votes} 票），多于尚余的 ${vacanciesLeft} 个空缺，须由推选会议决定（B2，${VCOL12}）`),
      );
      break;
    }
    next += 1;
    byRemoved.set(member.voterId, person);
    replacements.push({ replaces: member, by: person, message: `${person.name}按原推选得票（${person.votes} 票）依次递补${member.name}的空缺（B2，${VCOL12}）` });
  }

  const chairRemoved = removals.find((r) => r.member.role === 'chair');
  if (chairRemoved !== undefined) {
    issues.push(problem('CHAIR_VACANT', 'B2', `选举委员会主任${chairRemoved.member.name}退出，须重新确定主任（B2，${VCOL12}）`));
  }

  const members: ElectionCommitteeMember[] = [];
  for (const m of committee.members) {
    if (!candidateIds.has(m.voterId)) {
      members.push(m);
      continue;
    }
    const by = byRemoved.get(m.voterId);
    const role: ElectionCommitteeRole = 'member';
    if (by !== undefined) members.push({ voterId: by.voterId, name: by.name, role });
  }
  const used = new Set(replacements.map((r) => r.by.voterId));
  return {
    committee: { ...committee, members, reserve: committee.reserve.filter((r) => !used.has(r.voterId)) },
    removals,
    replacements,
    issues,
  };
}
