/**
 * Counting day (rules.md F, G1): rounds, boxes opened with a zero report and closed for good,
 * ballots entered one by one (idempotent on the tally app's client id), corrections that void a
 * ballot with a reason, certification (定票) after which nothing changes, the run-off created from
 * the determination, and the export that `huanjie count` recounts. Every change takes the round's
 * next sequence number in its own transaction and is published after commit.
 */
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  determine,
  err,
  ok,
  plannedPositions,
  type CountBallot,
  type CountCandidate,
  type CountInput,
  type CountPosition,
  type Determination,
  type Result,
} from '@huanjie/domain';
import { ballot, ballotIssue, ballotVoid, boxClerk, boxCount, countRound, pollingPlace, tallyEvent, voter, type Executor, type Tx } from '@huanjie/db';
import type { Context } from '../context.ts';
import type { TallyEvent } from '../events.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { ballotWriter } from './ballot-writer.ts';
import { candidatesOf, electionRules } from '../rules/load.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock' | 'events'>;
export type RoundRow = typeof countRound.$inferSelect;
export type BoxRow = typeof boxCount.$inferSelect;
export type BallotRow = typeof ballot.$inferSelect;

/** The mark of a formal candidate in ballots and exports (counting-format.md ids). */
export function candidateMark(candidateId: number): string {
  return `c${candidateId}`;
}

export async function latestRound(db: Executor, electionId: number): Promise<RoundRow | null> {
  const rows = await db.select().from(countRound).where(eq(countRound.electionId, electionId)).orderBy(countRound.number);
  return rows.at(-1) ?? null;
}

async function roundByNumber(db: Executor, electionId: number, number: number): Promise<RoundRow | null> {
  const [row] = await db.select().from(countRound).where(and(eq(countRound.electionId, electionId), eq(countRound.number, number)));
  return row ?? null;
}

/** The candidates a round's ballots may name, as the count input lists them. */
export function roundCandidates(round: Pick<RoundRow, 'candidates'>): CountCandidate[] {
  return round.candidates as CountCandidate[];
}

/** The first round is created when its first box is opened, from the seat plan (A1). */
async function firstRound(tx: Tx, electionId: number): Promise<Result<RoundRow, UserErrorData>> {
  const existing = await roundByNumber(tx, electionId, 1);
  if (existing) return ok(existing);
  const rules = await electionRules(tx, electionId);
  if (!rules) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
  if (!rules.seatPlan) return err(userError('NO_SEAT_PLAN', '尚未确定职位与职数（A1），不能开始计票', 'electionId'));
  const positions: CountPosition[] = plannedPositions(rules.seatPlan, rules.profile).map((p) => ({ id: p.id, seats: p.seats }));
  // The formal candidates are frozen into the round: what the ballots name cannot change mid-count.
  const formal = await candidatesOf(tx, electionId, 'formal');
  const candidates: CountCandidate[] = formal.map((c) => ({ id: candidateMark(c.id), name: c.name, sex: c.sex, position: c.position }));
  const [row] = await tx.insert(countRound).values({ electionId, number: 1, kind: 'first', positions, candidates }).returning();
  return ok(row!);
}

export async function nextSeq(tx: Tx, roundId: number): Promise<number> {
  const [row] = await tx.update(countRound).set({ seq: sql`${countRound.seq} + 1` }).where(eq(countRound.id, roundId)).returning({ seq: countRound.seq });
  return row!.seq;
}

/** Appends the event to the round's log in the change's transaction; published after commit. */
export async function logEvent(tx: Tx, roundId: number, event: TallyEvent): Promise<TallyEvent> {
  await tx.insert(tallyEvent).values({ roundId, seq: event.seq, electionId: event.electionId, payload: event });
  return event;
}

const certified = userError('ROUND_CERTIFIED', '本轮计票结果已由选举委员会确认（定票），不能再修改', 'round');

function publish(ctx: Ctx, event: TallyEvent): void {
  ctx.events.publish('tally', event.electionId, event);
}

export interface OpenBoxInput {
  readonly electionId: number;
  /** Round number; defaults to the latest (the first round is created on first use). */
  readonly round: number | null;
  readonly placeId: number;
  readonly ballotsReturned: number;
  /** Accounts that may enter this box's ballots; empty = any clerk of the community. */
  readonly clerkIds: readonly number[];
}

/** Opens a box for counting: its ballots returned recorded, every candidate at 0 (the zero report). */
export async function openBox(ctx: Ctx, input: OpenBoxInput): Promise<Result<BoxRow, UserErrorData>> {
  if (!Number.isInteger(input.ballotsReturned) || input.ballotsReturned < 0) {
    return err(userError('INVALID_NUMBER', '收回选票数必须是非负整数', 'ballotsReturned'));
  }
  let event: TallyEvent | null = null;
  const result = await mutate(ctx, async (tx) => {
    const round = input.round === null ? ((await latestRound(tx, input.electionId)) ?? null) : await roundByNumber(tx, input.electionId, input.round);
    const resolved = round ? ok(round) : input.round === null || input.round === 1 ? await firstRound(tx, input.electionId) : err(userError('NOT_FOUND', '没有这一轮计票', 'round'));
    if (!resolved.ok) return resolved;
    const r = resolved.value;
    if (r.certifiedAt) return err(certified);
    const [place] = await tx.select().from(pollingPlace).where(eq(pollingPlace.id, input.placeId));
    if (place?.electionId !== input.electionId) return err(userError('NOT_FOUND', '票箱不属于本选举', 'placeId'));
    const [issued] = await tx.select({ n: count() }).from(ballotIssue).where(and(eq(ballotIssue.electionId, input.electionId), eq(ballotIssue.round, r.number)));
    const [row] = await tx.insert(boxCount).values({ roundId: r.id, placeId: input.placeId, status: 'counting', ballotsReturned: input.ballotsReturned, openedAt: ctx.clock.now() }).returning();
    if (input.clerkIds.length > 0) await tx.insert(boxClerk).values(input.clerkIds.map((accountId) => ({ boxId: row!.id, accountId })));
    const seq = await nextSeq(tx, r.id);
    event = await logEvent(tx, r.id, { electionId: input.electionId, round: r.number, seq, kind: 'box-opened', at: ctx.clock.now().toISOString(), boxId: row!.id, ballotsReturned: input.ballotsReturned });
    return ok({
      value: row!,
      audit: {
        operation: 'openBox',
        entityType: 'boxCount',
        entityId: row!.id,
        before: null,
        after: { ...row!, boxNumber: place.boxNumber, round: r.number, ballotsIssuedInRound: issued?.n ?? 0, clerkIds: input.clerkIds },
      },
    });
  });
  if (result.ok && event) publish(ctx, event);
  return result;
}

/** The box and its round, locked in the same order as the ballot writer locks them (no deadlock). */
async function boxContext(tx: Executor, boxId: number) {
  const [row] = await tx.select({ box: boxCount, round: countRound }).from(boxCount).innerJoin(countRound, eq(countRound.id, boxCount.roundId)).where(eq(boxCount.id, boxId)).for('update');
  return row ?? null;
}

export interface BallotInput {
  readonly boxId: number;
  /** The tally app's idempotency key for this entry. */
  readonly clientId: string;
  readonly spoiled: boolean;
  /** Aligned with the round's positions: candidate marks ("c12") or written-in names. */
  readonly sections: readonly (readonly string[])[];
}

/**
 * F3: one ballot as read out. Marks are checked against the round (a candidate of this election,
 * or a written-in name); a retry with the same client id returns the first row unchanged.
 * Entries arriving together are written together (see ballot-writer.ts): one transaction, but
 * still one row, one sequence number and one audit event per ballot.
 */
export function recordBallot(ctx: Ctx, input: BallotInput): Promise<Result<BallotRow, UserErrorData>> {
  const clientId = input.clientId.trim();
  if (clientId.length < 8 || clientId.length > 64) return Promise.resolve(err(userError('INVALID_CLIENT_ID', '录入编号无效', 'clientId')));
  return ballotWriter(ctx).submit({ ...input, clientId }, ctx.actor, ctx.clock.now()).then((outcome) => {
    if (outcome.event) publish(ctx, outcome.event);
    return outcome.result;
  });
}

/** A correction: the ballot stays, a void row says why; the running tallies take it back out. */
export async function voidBallot(ctx: Ctx, ballotId: number, reason: string): Promise<Result<BallotRow, UserErrorData>> {
  if (!reason.trim()) return err(userError('REASON_REQUIRED', '请填写作废更正的原因', 'reason'));
  let event: TallyEvent | null = null;
  const result = await mutate(ctx, async (tx) => {
    const [row] = await tx.select().from(ballot).where(eq(ballot.id, ballotId));
    if (!row) return err(userError('NOT_FOUND', '选票记录不存在', 'ballotId'));
    const found = await boxContext(tx, row.boxId);
    if (found!.round.certifiedAt) return err(certified);
    if (found!.box.status === 'closed') return err(userError('BOX_CLOSED', '该票箱已结束计票，不能再更正', 'ballotId'));
    if (row.clientId.startsWith('sheet-')) {
      return err(userError('BOX_COUNTED_BY_SHEET', '该票箱按计票单计票，更正须由监票人重新核对计票单', 'ballotId'));
    }
    const [already] = await tx.select().from(ballotVoid).where(eq(ballotVoid.ballotId, ballotId));
    if (already) return err(userError('ALREADY_VOIDED', '该选票记录已作废', 'ballotId'));
    const seq = await nextSeq(tx, row.roundId);
    const now = ctx.clock.now();
    await tx.insert(ballotVoid).values({ ballotId, seq, reason: reason.trim(), at: now, actorId: ctx.actor?.id ?? null });
    await tx.update(boxCount).set({ counted: sql`${boxCount.counted} - 1` }).where(eq(boxCount.id, row.boxId));
    event = await logEvent(tx, row.roundId, {
      electionId: found!.round.electionId,
      round: found!.round.number,
      seq,
      kind: 'void',
      at: now.toISOString(),
      boxId: row.boxId,
      ballot: { id: row.id, spoiled: row.spoiled, sections: row.sections as string[][] },
    });
    return ok({ value: row, audit: { operation: 'voidBallot', entityType: 'ballot', entityId: ballotId, before: row, after: { voided: true, reason: reason.trim() } } });
  });
  if (result.ok && event) publish(ctx, event);
  return result;
}

/** Closes a box for good once every returned ballot is entered; a closed box never changes. */
export async function closeBox(ctx: Ctx, boxId: number): Promise<Result<BoxRow, UserErrorData>> {
  let event: TallyEvent | null = null;
  const result = await mutate(ctx, async (tx) => {
    const found = await boxContext(tx, boxId);
    if (!found) return err(userError('NOT_FOUND', '票箱不存在', 'boxId'));
    if (found.round.certifiedAt) return err(certified);
    if (found.box.status === 'closed') return err(userError('BOX_CLOSED', '该票箱已结束计票', 'boxId'));
    const counted = found.box.counted;
    if (counted !== found.box.ballotsReturned) {
      return err(userError('BOX_INCOMPLETE', `该票箱收回选票 ${found.box.ballotsReturned} 张，已录入 ${counted} 张，两者一致后才能结束计票`, 'boxId'));
    }
    const now = ctx.clock.now();
    const [row] = await tx.update(boxCount).set({ status: 'closed', closedAt: now }).where(eq(boxCount.id, boxId)).returning();
    const seq = await nextSeq(tx, found.round.id);
    event = await logEvent(tx, found.round.id, { electionId: found.round.electionId, round: found.round.number, seq, kind: 'box-closed', at: now.toISOString(), boxId });
    return ok({ value: row!, audit: { operation: 'closeBox', entityType: 'boxCount', entityId: boxId, before: found.box, after: row! } });
  });
  if (result.ok && event) publish(ctx, event);
  return result;
}

/**
 * The exact input of `huanjie count` for a round (counting-format.md): what an auditor recounts.
 * Ballots in entry order, voided entries left out.
 */
export async function exportCount(db: Executor, electionId: number, roundNumber: number): Promise<CountInput | null> {
  const round = await roundByNumber(db, electionId, roundNumber);
  const rules = await electionRules(db, electionId);
  if (!round || !rules) return null;
  const [registered] = await db.select({ n: count() }).from(voter).where(and(eq(voter.electionId, electionId), eq(voter.status, 'registered')));
  const [issued] = await db.select({ n: count() }).from(ballotIssue).where(and(eq(ballotIssue.electionId, electionId), eq(ballotIssue.round, round.number)));
  const rows = await db
    .select({ spoiled: ballot.spoiled, sections: ballot.sections })
    .from(ballot)
    .leftJoin(ballotVoid, eq(ballotVoid.ballotId, ballot.id))
    .where(and(eq(ballot.roundId, round.id), isNull(ballotVoid.ballotId)))
    .orderBy(ballot.seq);
  const ballots: CountBallot[] = rows.map((b) => (b.spoiled ? { kind: 'spoiled' } : { kind: 'marked', sections: b.sections as string[][] }));
  return {
    profile: rules.profile.name,
    options: {
      aggregateAcrossPositions: rules.profile.aggregateAcrossPositions,
      womenSeat: rules.profile.womenSeat,
      overvote: rules.profile.overvote,
      runoffMargin: rules.profile.runoffMargin,
    },
    round: round.kind,
    registeredVoters: registered?.n ?? 0,
    ballotsIssued: issued?.n ?? 0,
    positions: round.positions as CountPosition[],
    candidates: roundCandidates(round),
    ballots,
  };
}

/** counting-format.md's JSON shape of an input (ballots as { position: [marks] } or { spoiled }). */
export function countInputJson(input: CountInput): unknown {
  return {
    profile: input.profile,
    options: input.options,
    round: input.round,
    registeredVoters: input.registeredVoters,
    ballotsIssued: input.ballotsIssued,
    positions: input.positions,
    candidates: input.candidates,
    ballots: input.ballots.map((b) =>
      b.kind === 'spoiled' ? { spoiled: true } : Object.fromEntries(input.positions.map((p, i) => [p.id, b.sections[i] ?? []])),
    ),
  };
}

/** 定票: the election committee confirms the round once every box is closed; then nothing changes. */
export async function certifyRound(ctx: Ctx, electionId: number, roundNumber: number): Promise<Result<Determination, UserErrorData>> {
  let event: TallyEvent | null = null;
  const result = await mutate(ctx, async (tx) => {
    const round = await roundByNumber(tx, electionId, roundNumber);
    if (!round) return err(userError('NOT_FOUND', '没有这一轮计票', 'round'));
    if (round.certifiedAt) return err(certified);
    const boxes = await tx.select().from(boxCount).where(eq(boxCount.roundId, round.id));
    if (boxes.length === 0) return err(userError('NO_BOXES', '尚未开箱计票', 'round'));
    const open = boxes.filter((b) => b.status !== 'closed');
    if (open.length > 0) return err(userError('BOXES_OPEN', `还有 ${open.length} 个票箱未结束计票`, 'round'));
    const input = await exportCount(tx, electionId, roundNumber);
    const determination = determine(input!);
    const now = ctx.clock.now();
    await tx.update(countRound).set({ certifiedAt: now, certifiedBy: ctx.actor?.id ?? null, determination }).where(eq(countRound.id, round.id));
    const seq = await nextSeq(tx, round.id);
    event = await logEvent(tx, round.id, { electionId, round: round.number, seq, kind: 'certified', at: now.toISOString(), boxId: 0 });
    return ok({ value: determination, audit: { operation: 'certifyRound', entityType: 'countRound', entityId: round.id, before: null, after: { round: round.number, determination } } });
  });
  if (result.ok && event) publish(ctx, event);
  return result;
}

/**
 * F9 (and F7's new vote among the tied): a run-off round from a certified round's open seats, in
 * one step — its positions are the open seats, its candidates the determination's run-off
 * candidates. A written-in name must match exactly one registered voter here (its sex is needed).
 */
export async function createRunoff(ctx: Ctx, electionId: number): Promise<Result<RoundRow, UserErrorData>> {
  let event: TallyEvent | null = null;
  const created = await mutate(ctx, async (tx) => {
    const last = await latestRound(tx, electionId);
    if (!last?.certifiedAt || !last.determination) return err(userError('NOT_CERTIFIED', '上一轮计票结果尚未确认（定票），不能另行选举', 'electionId'));
    const result = last.determination as Determination;
    const open = result.positions.filter((p) => p.vacancies > 0 && p.runoffCandidates.length > 0);
    if (open.length === 0) return err(userError('NO_VACANCIES', '没有需要另行选举的空缺职位', 'electionId'));
    const previous = roundCandidates(last);
    const byId = new Map(previous.map((c) => [c.id, c]));
    const writeIns = [...new Set(open.flatMap((p) => p.runoffCandidates.filter((id) => !byId.has(id))))];
    const people = writeIns.length
      ? await tx.select({ id: voter.id, name: voter.name, sex: voter.sex }).from(voter).where(and(eq(voter.electionId, electionId), eq(voter.status, 'registered'), inArray(voter.name, writeIns)))
      : [];
    const candidates: CountCandidate[] = [];
    for (const p of open) {
      for (const id of p.runoffCandidates) {
        const known = byId.get(id);
        if (known) {
          candidates.push({ ...known, position: p.id });
          continue;
        }
        const matches = people.filter((v) => v.name === id);
        if (matches.length !== 1) {
          return err(userError('WRITE_IN_UNRESOLVED', `另选人“${id}”在选民名单中${matches.length === 0 ? '找不到' : '有重名'}，请先核实其身份`, 'electionId'));
        }
        candidates.push({ id: `v${matches[0]!.id}`, name: id, sex: matches[0]!.sex, position: p.id });
      }
    }
    const positions: CountPosition[] = open.map((p) => ({ id: p.id, seats: p.vacancies }));
    const [row] = await tx.insert(countRound).values({ electionId, number: last.number + 1, kind: 'runoff', positions, candidates }).returning();
    const seq = await nextSeq(tx, row!.id);
    event = await logEvent(tx, row!.id, { electionId, round: row!.number, seq, kind: 'round-created', at: ctx.clock.now().toISOString(), boxId: 0 });
    return ok({ value: row!, audit: { operation: 'createRunoff', entityType: 'countRound', entityId: row!.id, before: null, after: row! } });
  });
  if (created.ok && event) publish(ctx, event);
  return created;
}
