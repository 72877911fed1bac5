/**
 * What the pre-vote rules of packages/domain need to judge one election, read in one place: the
 * rules profile of its cycle, the registered voters (as a VoterRoll), recorded kinship, candidates.
 * The domain takes ids as strings; the database's are integers — converted here only.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import {
  getProfile,
  indexKinship,
  voterRoll,
  type KinshipIndex,
  type PositionKind,
  type RulesProfile,
  type SeatPlan,
  type VoterRoll,
} from '@huanjie/domain';
import { candidate, community, cycle, election, kinship, voter, type Executor } from '@huanjie/db';

export interface ElectionRules {
  readonly electionId: number;
  readonly communityId: number;
  readonly communityKind: 'village' | 'residents';
  readonly electionDay: string;
  readonly profile: RulesProfile;
  /** null until the seats are decided (A1). */
  readonly seatPlan: SeatPlan | null;
}

export async function electionRules(db: Executor, electionId: number): Promise<ElectionRules | null> {
  const [row] = await db
    .select({
      communityId: election.communityId,
      kind: community.kind,
      electionDay: election.electionDay,
      profile: cycle.profile,
      director: election.directorSeats,
      deputies: election.deputySeats,
      members: election.memberSeats,
    })
    .from(election)
    .innerJoin(community, eq(community.id, election.communityId))
    .innerJoin(cycle, eq(cycle.id, election.cycleId))
    .where(eq(election.id, electionId));
  if (!row) return null;
  return {
    electionId,
    communityId: row.communityId,
    communityKind: row.kind,
    electionDay: row.electionDay,
    profile: getProfile(row.profile),
    seatPlan:
      row.director === null || row.deputies === null || row.members === null
        ? null
        : { committeeKind: row.kind, director: row.director, deputies: row.deputies, members: row.members },
  };
}

/**
 * The registered voters of the election's community, plus any other people the check names (so a
 * voter of another community is recognised as such rather than as unknown).
 */
export async function rollFor(db: Executor, electionId: number, alsoVoterIds: readonly number[] = []): Promise<VoterRoll> {
  const rows = await db
    .select({ id: voter.id, communityId: voter.communityId, name: voter.name, sex: voter.sex })
    .from(voter)
    .where(and(eq(voter.status, 'registered'), or(eq(voter.electionId, electionId), inArray(voter.id, [...alsoVoterIds, -1]))));
  return voterRoll(rows.map((r) => ({ voterId: String(r.id), communityId: String(r.communityId), name: r.name, sex: r.sex })));
}

/** Recorded near-relative ties among the voters of the election. */
export async function kinshipFor(db: Executor, electionId: number): Promise<KinshipIndex> {
  const rows = await db
    .select({ voterId: kinship.voterId, relativeId: kinship.relativeId, kind: kinship.kind })
    .from(kinship)
    .innerJoin(voter, eq(voter.id, kinship.voterId))
    .where(eq(voter.electionId, electionId));
  return indexKinship(rows.map((r) => ({ person: String(r.voterId), relative: String(r.relativeId), kind: r.kind })));
}

export interface CandidateRow {
  readonly id: number;
  readonly voterId: number;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly residentId: string;
  readonly position: PositionKind;
  readonly stage: 'preliminary' | 'formal';
  readonly votes: number;
  readonly commitmentSignedOn: string | null;
}

/** Standing candidates (not withdrawn) of one stage, or of both. */
export async function candidatesOf(db: Executor, electionId: number, stage?: 'preliminary' | 'formal'): Promise<CandidateRow[]> {
  return db
    .select({
      id: candidate.id,
      voterId: candidate.voterId,
      name: voter.name,
      sex: voter.sex,
      residentId: voter.residentId,
      position: candidate.position,
      stage: candidate.stage,
      votes: candidate.votes,
      commitmentSignedOn: candidate.commitmentSignedOn,
    })
    .from(candidate)
    .innerJoin(voter, eq(voter.id, candidate.voterId))
    .where(and(eq(candidate.electionId, electionId), isNull(candidate.withdrawnReason), stage ? eq(candidate.stage, stage) : undefined));
}
