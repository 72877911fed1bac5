/**
 * The registered voters (登记参加选举的村(居)民) as the rules before the vote see them: who is on
 * which community's published list. Candidates (D6), election committee members (B1), proxies (E3)
 * and ballot issuance (E7) are all checked against it.
 */
import type { ResidentIdSex } from './ids/index.ts';

export interface RegisteredVoter {
  readonly voterId: string;
  readonly communityId: string;
  readonly name: string;
  readonly sex: ResidentIdSex;
}

/** voterId → registered voter, for one township (so another community's voter can be named as such). */
export type VoterRoll = ReadonlyMap<string, RegisteredVoter>;

/** C5 — the published list of registered voters as a lookup by voter id. */
export function voterRoll(voters: readonly RegisteredVoter[]): VoterRoll {
  return new Map(voters.map((v) => [v.voterId, v]));
}

/** C, D6, E3 — the person is a registered voter of this very community. */
export function isRegisteredIn(roll: VoterRoll, voterId: string, communityId: string): boolean {
  return roll.get(voterId)?.communityId === communityId;
}
