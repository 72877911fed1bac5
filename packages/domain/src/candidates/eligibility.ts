/**
 * D6 — VCOL Art. 13, 15: a candidate must be a registered voter of the same community.
 */
import { accept, refuse, type Decision } from '../problems.ts';
import type { RegisteredVoter, VoterRoll } from '../roll.ts';

export type EligibilityCode = 'CANDIDATE_NOT_REGISTERED_VOTER' | 'CANDIDATE_OF_OTHER_COMMUNITY';

const BASIS = '候选人须为本村(居)登记参加选举的村(居)民（D6，《村民委员会组织法》第十三条、第十五条）';

/** D6 — the person (by voter id; `name` for the message) may stand in `communityId`. */
export function checkCandidateEligibility(
  person: { readonly voterId: string; readonly name: string },
  communityId: string,
  roll: VoterRoll,
): Decision<RegisteredVoter, EligibilityCode> {
  const voter = roll.get(person.voterId);
  if (voter === undefined) {
    return refuse('CANDIDATE_NOT_REGISTERED_VOTER', 'D6', `${person.name}不在选民名单上，不能成为候选人：${BASIS}`);
  }
  if (voter.communityId !== communityId) {
    return refuse('CANDIDATE_OF_OTHER_COMMUNITY', 'D6', `${voter.name}登记在其他村(居)参加选举，不能在本村(居)成为候选人：${BASIS}`);
  }
  return accept(voter);
}
