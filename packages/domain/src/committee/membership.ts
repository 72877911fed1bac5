/**
 * B1 — the election committee (村(居)民选举委员会): a chair (主任) and members chosen by the
 * villagers' assembly, the representatives' assembly or the groups (VCOL Art. 12), from the
 * community's registered voters; typically an odd number, 5 to 9 (PROV; profile option
 * `electionCommitteeSize`).
 */
import { problem, ruleReport, type RuleProblem, type RuleReport } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import type { VoterRoll } from '../roll.ts';

/** B1 — chair 主任 or member 委员 of the election committee. */
export type ElectionCommitteeRole = 'chair' | 'member';

export interface ElectionCommitteeMember {
  readonly voterId: string;
  readonly name: string;
  readonly role: ElectionCommitteeRole;
}

/** B2 — a person of the original vote who was not chosen, with their votes: the pool vacancies are filled from. */
export interface ElectionCommitteeReserve {
  readonly voterId: string;
  readonly name: string;
  readonly votes: number;
}

export interface ElectionCommittee {
  readonly communityId: string;
  readonly members: readonly ElectionCommitteeMember[];
  /** B2 — the next people in the original vote, any order (they are ranked by votes). */
  readonly reserve: readonly ElectionCommitteeReserve[];
}

export type ElectionCommitteeCode =
  | 'MEMBER_NOT_REGISTERED_VOTER'
  | 'DUPLICATE_MEMBER'
  | 'ONE_CHAIR'
  | 'ELECTION_COMMITTEE_SIZE';

const VCOL12 = '《村民委员会组织法》第十二条';

/**
 * B1 — checks an election committee: every member a registered voter of this community, nobody
 * twice, exactly one chair; its size against the profile's usual size (an error only when the
 * profile makes it binding).
 */
export function checkElectionCommittee(
  committee: ElectionCommittee,
  roll: VoterRoll,
  profile: RulesProfile,
): RuleReport<ElectionCommitteeCode> {
  const errors: RuleProblem<ElectionCommitteeCode>[] = [];
  const warnings: RuleProblem<ElectionCommitteeCode>[] = [];
  const seen = new Set<string>();
  for (const m of committee.members) {
    if (seen.has(m.voterId)) {
      errors.push(problem('DUPLICATE_MEMBER', 'B1', `${m.name}在选举委员会名单中重复出现（B1）`));
      continue;
    }
    seen.add(m.voterId);
    if (roll.get(m.voterId)?.communityId !== committee.communityId) {
      errors.push(
        problem('MEMBER_NOT_REGISTERED_VOTER', 'B1', `${m.name}不是本村(居)登记参加选举的村(居)民，不能担任选举委员会成员（B1，${VCOL12}）`),
      );
    }
  }
  const chairs = committee.members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) {
    errors.push(problem('ONE_CHAIR', 'B1', `选举委员会应有且只有 1 名主任，现有 ${chairs} 名（B1，${VCOL12}）`));
  }
  const size = profile.electionCommitteeSize;
  const n = seen.size;
  if (n < size.min || n > size.max || (size.odd && n % 2 === 0)) {
    const want = `${size.min} 至 ${size.max} 人${size.odd ? '的单数' : ''}`;
    (size.binding ? errors : warnings).push(
      problem('ELECTION_COMMITTEE_SIZE', 'B1', `选举委员会共 ${n} 人，一般应为 ${want}（B1，本省选举办法）`),
    );
  }
  return ruleReport(errors, warnings);
}
