/**
 * Polling (rules.md E): places with their ballot boxes, ballot issuance against the voter
 * certificate (E7) — once per voter per round in the whole community, even when two stations try
 * the same voter at the same moment — and the live turnout it feeds.
 */
import { and, count, eq } from 'drizzle-orm';
import { err, ok, type Result } from '@huanjie/domain';
import { ballotIssue, boxCount, pollingPlace, pollingPlaceKinds, proxy, staff, voter, type Executor } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import type { TurnoutEvent } from '../events.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock' | 'events'>;
export type PollingPlaceRow = typeof pollingPlace.$inferSelect;
export type BallotIssueRow = typeof ballotIssue.$inferSelect;
export type PollingPlaceKind = (typeof pollingPlaceKinds)[number];

/** A place id that is not one of this election's places. */
export const placeNotInElection = userError('NOT_FOUND', '投票场所不属于本选举', 'placeId');

/** `majority`: VCOL Art. 15 / F1 — more than half of the registered voters took part. */
export type Turnout = TurnoutEvent;

export async function createPollingPlace(ctx: Ctx, electionId: number, input: { kind: PollingPlaceKind; name: string; boxNumber: string }): Promise<Result<PollingPlaceRow, UserErrorData>> {
  const name = input.name.trim();
  const boxNumber = input.boxNumber.trim();
  if (!name) return err(userError('REQUIRED', '请填写投票场所名称', 'name'));
  if (!boxNumber) return err(userError('REQUIRED', '请填写票箱编号', 'boxNumber'));
  return mutate(ctx, async (tx) => {
    const [row] = await tx.insert(pollingPlace).values({ electionId, kind: input.kind, name, boxNumber }).returning();
    return ok({ value: row!, audit: { operation: 'createPollingPlace', entityType: 'pollingPlace', entityId: row!.id, before: null, after: row! } });
  });
}

/**
 * E2: a place entered by mistake is removed, as long as nothing refers to it yet — no ballot
 * issued there, no box opened, no staff posted to it; after that it is part of the record.
 */
export async function removePollingPlace(ctx: Ctx, electionId: number, placeId: number): Promise<Result<PollingPlaceRow, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [place] = await tx.select().from(pollingPlace).where(eq(pollingPlace.id, placeId)).for('update');
    if (!place || place.electionId !== electionId) return err(placeNotInElection);
    const [issued] = await tx.select({ n: count() }).from(ballotIssue).where(eq(ballotIssue.placeId, placeId));
    if (issued!.n > 0) return err(userError('PLACE_IN_USE', `${place.name}已发放选票 ${issued!.n} 张，不能删除`, 'placeId'));
    const [opened] = await tx.select({ n: count() }).from(boxCount).where(eq(boxCount.placeId, placeId));
    if (opened!.n > 0) return err(userError('PLACE_IN_USE', `${place.name}的票箱已开箱计票，不能删除`, 'placeId'));
    const [posted] = await tx.select({ n: count() }).from(staff).where(eq(staff.placeId, placeId));
    if (posted!.n > 0) return err(userError('PLACE_IN_USE', `${place.name}已安排工作人员 ${posted!.n} 名，不能删除`, 'placeId'));
    await tx.delete(pollingPlace).where(eq(pollingPlace.id, placeId));
    return ok({ value: place, audit: { operation: 'removePollingPlace', entityType: 'pollingPlace', entityId: place.id, before: place, after: null } });
  });
}

export async function turnout(db: Executor, electionId: number, round = 1): Promise<Turnout> {
  const [registered] = await db.select({ n: count() }).from(voter).where(and(eq(voter.electionId, electionId), eq(voter.status, 'registered')));
  const [issued] = await db.select({ n: count() }).from(ballotIssue).where(and(eq(ballotIssue.electionId, electionId), eq(ballotIssue.round, round)));
  const r = registered?.n ?? 0;
  const i = issued?.n ?? 0;
  return { electionId, round, registered: r, issued: i, majority: i * 2 > r };
}

export interface IssueInput {
  readonly electionId: number;
  readonly round: number;
  readonly voterId: number;
  readonly placeId: number;
  /** The proxy holder receiving the principal's ballot (E3), if any. */
  readonly proxyHolderId: number | null;
}

/**
 * E7: issue one voter's ballot. The database's unique key on (election, round, voter) settles a
 * race between stations: the loser's transaction fails and comes back as ALREADY_ISSUED.
 */
export async function issueBallot(ctx: Ctx, input: IssueInput): Promise<Result<BallotIssueRow, UserErrorData>> {
  const result = await mutate(ctx, async (tx) => {
    const [person] = await tx.select({ id: voter.id, name: voter.name, status: voter.status, electionId: voter.electionId }).from(voter).where(eq(voter.id, input.voterId));
    if (!person || person.electionId !== input.electionId || person.status !== 'registered') {
      return err(userError('NOT_REGISTERED', '此人不在本选举的选民名单中，不能领取选票（E7）', 'voterId'));
    }
    const [place] = await tx.select({ electionId: pollingPlace.electionId }).from(pollingPlace).where(eq(pollingPlace.id, input.placeId));
    if (!place || place.electionId !== input.electionId) return err(placeNotInElection);
    const [given] = await tx
      .select({ holderId: proxy.holderId })
      .from(proxy)
      .where(and(eq(proxy.electionId, input.electionId), eq(proxy.principalId, input.voterId), eq(proxy.status, 'active')));
    if (given && input.proxyHolderId === null) {
      return err(userError('PROXY_GIVEN', `${person.name}已书面委托他人投票，本人不能再领取选票（E5）`, 'voterId'));
    }
    if (input.proxyHolderId !== null && given?.holderId !== input.proxyHolderId) {
      return err(userError('NO_PROXY', '没有登记在册的此项委托，不能代领选票（E3）', 'proxyHolderId'));
    }
    const [already] = await tx
      .select({ id: ballotIssue.id })
      .from(ballotIssue)
      .where(and(eq(ballotIssue.electionId, input.electionId), eq(ballotIssue.round, input.round), eq(ballotIssue.voterId, input.voterId)));
    if (already) return err(alreadyIssued(person.name));
    const [row] = await tx
      .insert(ballotIssue)
      .values({ ...input, issuedAt: ctx.clock.now(), actorId: ctx.actor?.id ?? null })
      .returning();
    return ok({
      value: row!,
      audit: { operation: 'issueBallot', entityType: 'voter', entityId: input.voterId, before: null, after: { ...row!, name: person.name } },
    });
  });
  if (result.ok) ctx.events.publish('turnout', input.electionId, await turnout(ctx.db, input.electionId, input.round));
  return result;
}

function alreadyIssued(name: string): UserErrorData {
  return userError('ALREADY_ISSUED', `${name}已领取过选票，每人只能领取一次（E7）`, 'voterId');
}
