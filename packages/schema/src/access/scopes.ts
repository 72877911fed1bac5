/** Who may read and change what: the role, and for scoped roles the communities assigned. */
import { eq } from 'drizzle-orm';
import { election, voter, type Executor } from '@huanjie/db';
import { graphqlError } from '../errors.ts';
import type { Actor } from '../context.ts';

export function canReadCommunity(actor: Actor | null, communityId: number): boolean {
  if (actor === null) return false;
  switch (actor.role) {
    case 'township-admin':
    case 'observer':
      return true;
    case 'community-committee':
    case 'clerk':
      return actor.communityIds.has(communityId);
  }
}

export function canManageCommunity(actor: Actor | null, communityId: number): boolean {
  if (actor === null) return false;
  switch (actor.role) {
    case 'township-admin':
      return true;
    case 'community-committee':
      return actor.communityIds.has(communityId);
    case 'clerk':
    case 'observer':
      return false;
  }
}

/** Polling-day and counting work (issuing ballots, entering ballots): the committee and its clerks. */
export function canWorkCommunity(actor: Actor | null, communityId: number): boolean {
  if (actor === null) return false;
  return actor.role === 'township-admin' || ((actor.role === 'community-committee' || actor.role === 'clerk') && actor.communityIds.has(communityId));
}

/**
 * Full ID numbers are personal data: only the township admin and the community's own committee may
 * see one, one at a time and audited; clerks and observers see the masked form only.
 */
export function canUnmaskResidentId(actor: Actor | null, communityId: number): boolean {
  return canManageCommunity(actor, communityId);
}

/** Communities an actor may read: null means all of them. */
export function readableCommunityIds(actor: Actor): ReadonlySet<number> | null {
  return actor.role === 'township-admin' || actor.role === 'observer' ? null : actor.communityIds;
}

/** An election never changes community: remembered per database handle (every scope check asks). */
const electionCommunities = new WeakMap<object, Map<number, number>>();

export async function communityOfElection(db: Executor, electionId: number): Promise<number | null> {
  let communityByElection = electionCommunities.get(db);
  if (!communityByElection) {
    communityByElection = new Map();
    electionCommunities.set(db, communityByElection);
  }
  const known = communityByElection.get(electionId);
  if (known !== undefined) return known;
  const rows = await db
    .select({ communityId: election.communityId })
    .from(election)
    .where(eq(election.id, electionId))
    .limit(1);
  const communityId = rows[0]?.communityId ?? null;
  if (communityId !== null && communityByElection.size < 100_000) communityByElection.set(electionId, communityId);
  return communityId;
}

/** For queries about one election: it must exist and the actor may read its community. */
export async function requireReadableElection(ctx: { readonly db: Executor; readonly actor: Actor | null }, electionId: number): Promise<void> {
  const communityId = await communityOfElection(ctx.db, electionId);
  if (communityId === null) throw graphqlError('NOT_FOUND', '选举不存在');
  if (!canReadCommunity(ctx.actor, communityId)) throw graphqlError('FORBIDDEN', '您的账号无权查看或修改此项内容');
}

/** The election a voter is registered for (-1 when there is no such voter), for mutation scopes. */
export async function electionOfVoter(db: Executor, voterId: number): Promise<number> {
  const [row] = await db.select({ e: voter.electionId }).from(voter).where(eq(voter.id, voterId));
  return row?.e ?? -1;
}
