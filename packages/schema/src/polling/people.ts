/**
 * The people around the vote (rules.md A3, B3, E3–E6): recorded near-relative ties, counting staff
 * with the conflict check, and written proxies.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { checkProxy, checkStaffAppointment, err, ok, type NearRelativeKind, type Result, type StaffRole } from '@huanjie/domain';
import { ballotIssue, kinship, pollingPlace, proxy, staff, voter } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { candidatesOf, electionRules, kinshipFor, rollFor } from '../rules/load.ts';
import { placeNotInElection } from './service.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;

/** A3: `relativeId` is the `kind` of `voterId` (e.g. the father: kind 'parent'). */
export async function recordKinship(ctx: Ctx, voterId: number, relativeId: number, kind: NearRelativeKind): Promise<Result<typeof kinship.$inferSelect, UserErrorData>> {
  if (voterId === relativeId) return err(userError('INVALID_KINSHIP', '不能登记本人与本人的亲属关系', 'relativeId'));
  return mutate(ctx, async (tx) => {
    const people = await tx.select({ id: voter.id, name: voter.name }).from(voter).where(and(eq(voter.status, 'registered'), inArray(voter.id, [voterId, relativeId])));
    const a = people.find((p) => p.id === voterId);
    const b = people.find((p) => p.id === relativeId);
    if (!a || !b) return err(userError('NOT_FOUND', '亲属关系只能登记在选民名单中的人之间', 'voterId'));
    const [row] = await tx.insert(kinship).values({ voterId, relativeId, kind }).returning();
    return ok({ value: row!, audit: { operation: 'recordKinship', entityType: 'kinship', entityId: row!.id, before: null, after: { ...row!, names: [a.name, b.name] } } });
  });
}

/** B3, E6: no candidate nor a near relative of one reads, tallies, scrutinises or writes ballots. */
export async function appointStaff(ctx: Ctx, electionId: number, input: { voterId: number; role: StaffRole; placeId: number | null }): Promise<Result<typeof staff.$inferSelect, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [person] = await tx.select({ name: voter.name, electionId: voter.electionId, status: voter.status }).from(voter).where(eq(voter.id, input.voterId));
    if (!person || person.electionId !== electionId || person.status !== 'registered') {
      return err(userError('NOT_REGISTERED', '工作人员须从本村(居)选民名单中选定', 'voterId'));
    }
    if (input.placeId !== null) {
      const [place] = await tx.select({ electionId: pollingPlace.electionId }).from(pollingPlace).where(eq(pollingPlace.id, input.placeId));
      if (place?.electionId !== electionId) return err(placeNotInElection);
    }
    const candidates = await candidatesOf(tx, electionId);
    const decision = checkStaffAppointment(
      { voterId: String(input.voterId), name: person.name, role: input.role },
      candidates.map((c) => ({ voterId: String(c.voterId), name: c.name })),
      await kinshipFor(tx, electionId),
    );
    if (!decision.ok) return err(userError(decision.code, decision.message, 'voterId'));
    const [row] = await tx.insert(staff).values({ electionId, ...input }).returning();
    return ok({ value: row!, audit: { operation: 'appointStaff', entityType: 'staff', entityId: row!.id, before: null, after: { ...row!, name: person.name } } });
  });
}

export interface ProxyInput {
  readonly principalId: number;
  readonly holderId: number;
  /** What the holder is to the principal, as the written proxy states it. */
  readonly relation: NearRelativeKind;
  readonly writtenOn: string;
}

/**
 * E3–E5: a written proxy to a near relative who is a registered voter here; at most the profile's
 * number of principals per holder; the principal then cannot vote in person. The stated relation
 * is recorded as kinship, so later checks (staff, committee) know it too.
 */
export async function recordProxy(ctx: Ctx, electionId: number, input: ProxyInput): Promise<Result<typeof proxy.$inferSelect, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
  if (input.writtenOn > ctx.clock.today()) return err(userError('INVALID_DATE', '委托书日期不能晚于今天', 'writtenOn'));
  return mutate(ctx, async (tx) => {
    const roll = await rollFor(tx, electionId, [input.principalId, input.holderId]);
    const bothHere = roll.get(String(input.principalId)) && roll.get(String(input.holderId));
    let kin = await kinshipFor(tx, electionId);
    if (bothHere && input.principalId !== input.holderId && kin.relation(String(input.principalId), String(input.holderId)) === null) {
      await tx.insert(kinship).values({ voterId: input.principalId, relativeId: input.holderId, kind: input.relation });
      kin = await kinshipFor(tx, electionId);
    }
    const proxies = await tx.select({ principalId: proxy.principalId, holderId: proxy.holderId }).from(proxy).where(and(eq(proxy.electionId, electionId), eq(proxy.status, 'active')));
    const issued = await tx.select({ voterId: ballotIssue.voterId }).from(ballotIssue).where(and(eq(ballotIssue.electionId, electionId), eq(ballotIssue.round, 1)));
    const candidates = await candidatesOf(tx, electionId);
    const decision = checkProxy(
      { principalId: String(input.principalId), holderId: String(input.holderId), written: true },
      {
        communityId: String(rules.communityId),
        roll,
        kinship: kin,
        proxies: proxies.map((p) => ({ principalId: String(p.principalId), holderId: String(p.holderId), written: true })),
        candidateIds: new Set(candidates.map((c) => String(c.voterId))),
        issued: new Set(issued.map((i) => String(i.voterId))),
        profile: rules.profile,
      },
    );
    if (!decision.ok) return err(userError(decision.code, decision.message, 'holderId'));
    const [row] = await tx.insert(proxy).values({ electionId, ...input }).returning();
    return ok({ value: row!, audit: { operation: 'recordProxy', entityType: 'proxy', entityId: row!.id, before: null, after: row! } });
  });
}

/**
 * E3/E5: a principal who will vote after all, or a proxy recorded in error, is revoked with the
 * reason — unless the holder already collected the ballot (E7: it cannot be issued twice).
 */
export async function revokeProxy(ctx: Ctx, electionId: number, principalId: number, reason: string): Promise<Result<typeof proxy.$inferSelect, UserErrorData>> {
  if (!reason.trim()) return err(userError('REASON_REQUIRED', '请填写撤销委托的原因', 'reason'));
  return mutate(ctx, async (tx) => {
    const [active] = await tx
      .select()
      .from(proxy)
      .where(and(eq(proxy.electionId, electionId), eq(proxy.principalId, principalId), eq(proxy.status, 'active')))
      .for('update');
    if (!active) return err(userError('NOT_FOUND', '此选民没有有效的委托', 'principalId'));
    const [collected] = await tx
      .select({ id: ballotIssue.id })
      .from(ballotIssue)
      .where(and(eq(ballotIssue.electionId, electionId), eq(ballotIssue.voterId, principalId), eq(ballotIssue.proxyHolderId, active.holderId)));
    if (collected) return err(userError('PROXY_USED', '受托人已代领选票，委托不能再撤销（E7）', 'principalId'));
    const [after] = await tx.update(proxy).set({ status: 'revoked' }).where(eq(proxy.id, active.id)).returning();
    return ok({ value: after!, audit: { operation: 'revokeProxy', entityType: 'proxy', entityId: active.id, before: active, after: { ...after!, reason: reason.trim() } } });
  });
}
