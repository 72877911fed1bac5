/**
 * Boxes counted from their tally sheet (计票单) with double entry: two clerks enter the same sheet
 * independently; matching sheets are accepted at once, a mismatch shows both and waits for a
 * scrutineer's decision. An accepted sheet becomes the box's ballots (domain ballotsFromSheet), so
 * the board, the determination and `huanjie count` treat the box like any other.
 */
import { eq } from 'drizzle-orm';
import { ballotsFromSheet, checkTallySheet, err, getProfile, ok, sheetsMatch, type CountPosition, type Result, type TallySheetTotals } from '@huanjie/domain';
import { ballot, boxCount, countRound, cycle, election, tallyEvent, tallySheet, type Tx } from '@huanjie/db';
import type { Context } from '../context.ts';
import type { TallyEvent } from '../events.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock' | 'events'>;
export type SheetRow = typeof tallySheet.$inferSelect;

export interface SheetState {
  readonly status: 'waiting' | 'accepted' | 'mismatch';
  readonly sheets: readonly SheetRow[];
}

async function lockedBox(tx: Tx, boxId: number) {
  const [row] = await tx
    .select({ box: boxCount, round: countRound, profile: cycle.profile })
    .from(boxCount)
    .innerJoin(countRound, eq(countRound.id, boxCount.roundId))
    .innerJoin(election, eq(election.id, countRound.electionId))
    .innerJoin(cycle, eq(cycle.id, election.cycleId))
    .where(eq(boxCount.id, boxId))
    .for('update', { of: [boxCount, countRound] });
  return row ?? null;
}

function stateOf(sheets: readonly SheetRow[]): SheetState {
  if (sheets.some((s) => s.acceptedAt)) return { status: 'accepted', sheets };
  if (sheets.length < 2) return { status: 'waiting', sheets };
  return { status: 'mismatch', sheets };
}

/** Writes the accepted sheet's ballots, one row and one live event each, in the caller's transaction. */
async function acceptSheet(tx: Tx, ctx: Ctx, found: NonNullable<Awaited<ReturnType<typeof lockedBox>>>, sheet: SheetRow, reason: string | null): Promise<TallyEvent[]> {
  const positions = found.round.positions as CountPosition[];
  const ballots = ballotsFromSheet(sheet.totals as TallySheetTotals, positions, found.box.ballotsReturned);
  const now = ctx.clock.now();
  const [bumped] = await tx
    .update(countRound)
    .set({ seq: found.round.seq + ballots.length })
    .where(eq(countRound.id, found.round.id))
    .returning({ seq: countRound.seq });
  const first = bumped!.seq - ballots.length + 1;
  const rows = ballots.map((b, k) => ({
    roundId: found.round.id,
    boxId: found.box.id,
    clientId: `sheet-${found.box.id}-${k + 1}`,
    seq: first + k,
    spoiled: b.kind === 'spoiled',
    sections: b.kind === 'spoiled' ? [] : b.sections.map((s) => [...s]),
    enteredAt: now,
    actorId: ctx.actor?.id ?? null,
  }));
  const inserted = rows.length ? await tx.insert(ballot).values(rows).returning() : [];
  await tx.update(boxCount).set({ counted: found.box.ballotsReturned }).where(eq(boxCount.id, found.box.id));
  await tx.update(tallySheet).set({ acceptedAt: now, decisionReason: reason }).where(eq(tallySheet.id, sheet.id));
  const events: TallyEvent[] = inserted.map((row) => ({
    electionId: found.round.electionId,
    round: found.round.number,
    seq: row.seq,
    kind: 'ballot',
    at: now.toISOString(),
    boxId: row.boxId,
    ballot: { id: row.id, spoiled: row.spoiled, sections: row.sections as string[][] },
  }));
  if (events.length) await tx.insert(tallyEvent).values(events.map((e) => ({ roundId: found.round.id, seq: e.seq, electionId: e.electionId, payload: e })));
  return events;
}

/** One clerk's entry of a box's tally sheet; the second matching entry accepts it. */
export async function enterTallySheet(ctx: Ctx, boxId: number, totals: TallySheetTotals): Promise<Result<SheetState, UserErrorData>> {
  let events: TallyEvent[] = [];
  const result = await mutate(ctx, async (tx) => {
    const found = await lockedBox(tx, boxId);
    if (!found) return err(userError('NOT_FOUND', '票箱不存在', 'boxId'));
    if (found.round.certifiedAt) return err(userError('ROUND_CERTIFIED', '本轮计票结果已由选举委员会确认（定票），不能再修改', 'round'));
    if (found.box.status === 'closed') return err(userError('BOX_CLOSED', '该票箱已结束计票', 'boxId'));
    if (getProfile(found.profile).aggregateAcrossPositions) {
      return err(userError('SHEET_NOT_ALLOWED', '本省规则高职低就（F6）须知道每张选票的内容，请逐张录入', 'boxId'));
    }
    const sheets = await tx.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
    if (sheets.some((s) => s.acceptedAt)) return err(userError('SHEET_ACCEPTED', '该票箱的计票单已通过核对', 'boxId'));
    if (found.box.counted > 0 && sheets.length === 0) return err(userError('BOX_HAS_BALLOTS', '该票箱已逐张录入选票，不能再录入计票单', 'boxId'));
    const problem = checkTallySheet(totals, found.round.positions as CountPosition[], found.box.ballotsReturned);
    if (problem) return err(userError('INVALID_SHEET', problem.message, problem.field));
    const mine = sheets.find((s) => s.actorId === (ctx.actor?.id ?? null));
    const slot = mine?.slot ?? ([1, 2].find((n) => !sheets.some((s) => s.slot === n)) ?? null);
    if (slot === null) return err(userError('SHEETS_COMPLETE', '两份计票单均已录入，请由监票人核对处理', 'boxId'));
    const now = ctx.clock.now();
    if (mine) await tx.update(tallySheet).set({ totals, enteredAt: now }).where(eq(tallySheet.id, mine.id));
    else await tx.insert(tallySheet).values({ boxId, slot, actorId: ctx.actor?.id ?? null, totals, enteredAt: now });
    const current = await tx.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
    const [a, b] = current;
    let accepted = false;
    if (a && b && sheetsMatch(a.totals as TallySheetTotals, b.totals as TallySheetTotals)) {
      events = await acceptSheet(tx, ctx, found, a, null);
      accepted = true;
    }
    const after = await tx.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
    return ok({
      value: stateOf(after),
      audit: { operation: 'enterTallySheet', entityType: 'boxCount', entityId: boxId, before: null, after: { slot, totals, accepted, ballots: events.length } },
    });
  });
  if (result.ok) for (const e of events) ctx.events.publish('tally', e.electionId, e);
  return result;
}

/** A scrutineer (监票人) settles a mismatch: the sheet that agrees with the ballots is accepted. */
export async function decideTallySheets(ctx: Ctx, boxId: number, slot: number, reason: string): Promise<Result<SheetState, UserErrorData>> {
  if (!reason.trim()) return err(userError('REASON_REQUIRED', '请填写核对结论（以哪份为准及原因）', 'reason'));
  let events: TallyEvent[] = [];
  const result = await mutate(ctx, async (tx) => {
    const found = await lockedBox(tx, boxId);
    if (!found) return err(userError('NOT_FOUND', '票箱不存在', 'boxId'));
    if (found.round.certifiedAt) return err(userError('ROUND_CERTIFIED', '本轮计票结果已由选举委员会确认（定票），不能再修改', 'round'));
    const sheets = await tx.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
    const state = stateOf(sheets);
    if (state.status !== 'mismatch') return err(userError('NO_MISMATCH', state.status === 'accepted' ? '该票箱的计票单已通过核对' : '两份计票单尚未都录入', 'boxId'));
    const chosen = sheets.find((s) => s.slot === slot);
    if (!chosen) return err(userError('NOT_FOUND', '没有这份计票单', 'slot'));
    events = await acceptSheet(tx, ctx, found, chosen, reason.trim());
    const after = await tx.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
    return ok({
      value: stateOf(after),
      audit: { operation: 'decideTallySheets', entityType: 'boxCount', entityId: boxId, before: { sheets: sheets.map((s) => s.totals) }, after: { slot, reason: reason.trim(), ballots: events.length } },
    });
  });
  if (result.ok) for (const e of events) ctx.events.publish('tally', e.electionId, e);
  return result;
}

export async function sheetStateOf(ctx: Pick<Context, 'db'>, boxId: number): Promise<SheetState> {
  const sheets = await ctx.db.select().from(tallySheet).where(eq(tallySheet.boxId, boxId)).orderBy(tallySheet.slot);
  return stateOf(sheets);
}
