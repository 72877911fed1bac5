/**
 * Ballot entry at hall scale: clerks at many boxes enter a ballot every two seconds each, and every
 * entry takes the round's next sequence number and the audit chain's next link — both serial by
 * nature. So entries that arrive while a transaction is in flight are written together in the next
 * one: a handful of statements per batch instead of per ballot, and each ballot still gets its own
 * row, sequence number, live event and audit event. An entry's refusal (box closed, unknown
 * candidate …) is decided before anything is written and refuses only that entry.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { err, ok, type CountCandidate, type CountPosition, type Result } from '@huanjie/domain';
import { ballot, boxClerk, boxCount, countRound, tallyEvent, tallySheet, type Db, type Tx } from '@huanjie/db';
import type { Actor, Context } from '../context.ts';
import type { TallyEvent } from '../events.ts';
import { appendAuditMany } from '../audit/service.ts';
import { userError, type UserErrorData } from '../errors.ts';
import type { BallotInput, BallotRow } from './service.ts';

const MAX_WRITE_IN = 30;
const MAX_BATCH = 500;
/**
 * Batches start at most this often: under a steady stream of entries a writer that started the next
 * batch the moment the last one committed would spend the database's time on many tiny batches.
 * An entry arriving when the writer has been idle longer than this is written at once.
 */
const MIN_BATCH_INTERVAL_MS = 8;

export interface Outcome {
  readonly result: Result<BallotRow, UserErrorData>;
  /** Published by the caller once the batch has committed. */
  readonly event: TallyEvent | null;
}

interface Pending {
  readonly input: BallotInput;
  readonly actor: Actor | null;
  readonly at: Date;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: unknown) => void;
}

const certified = userError('ROUND_CERTIFIED', '本轮计票结果已由选举委员会确认（定票），不能再修改', 'round');

class BallotWriter {
  private queue: Pending[] = [];
  private running = false;
  private lastStart = -Infinity;

  constructor(private readonly db: Db) {}

  submit(input: BallotInput, actor: Actor | null, at: Date): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, actor, at, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.lastStart + MIN_BATCH_INTERVAL_MS - performance.now();
        if (wait > 0 && this.queue.length < MAX_BATCH) await new Promise((r) => setTimeout(r, wait));
        this.lastStart = performance.now();
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const outcomes = await this.db.transaction((tx) => writeBatch(tx, batch));
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (batchError) {
          // Something unforeseen (e.g. another server process took the same client id a moment
          // before): write the entries one by one, so only the one at fault fails.
          if (batch.length === 1) {
            batch[0]!.reject(batchError);
            continue;
          }
          for (const p of batch) {
            try {
              const [outcome] = await this.db.transaction((tx) => writeBatch(tx, [p]));
              p.resolve(outcome!);
            } catch (e) {
              p.reject(e);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const writers = new WeakMap<Db, BallotWriter>();

/** One writer per database handle (per server process). */
export function ballotWriter(ctx: Pick<Context, 'db'>): BallotWriter {
  let writer = writers.get(ctx.db);
  if (!writer) {
    writer = new BallotWriter(ctx.db);
    writers.set(ctx.db, writer);
  }
  return writer;
}

type BoxState = {
  readonly box: typeof boxCount.$inferSelect;
  readonly round: typeof countRound.$inferSelect;
  readonly clerks: ReadonlySet<number>;
  readonly known: ReadonlySet<string>;
  readonly bySheet: boolean;
  /** Entries accepted in this batch so far. */
  accepted: number;
};

function mayEnter(state: BoxState, actor: Actor | null): boolean {
  if (state.clerks.size === 0 || actor === null) return true;
  if (actor.role === 'township-admin' || actor.role === 'community-committee') return true;
  return state.clerks.has(actor.id);
}

function refusal(state: BoxState | undefined, p: Pending): UserErrorData | { sections: string[][] } {
  if (!state) return userError('NOT_FOUND', '票箱不存在', 'boxId');
  if (state.round.certifiedAt) return certified;
  if (state.box.status === 'closed') return userError('BOX_CLOSED', '该票箱已结束计票，不能再录入', 'boxId');
  if (!mayEnter(state, p.actor)) return userError('NOT_BOX_CLERK', '您不是该票箱的计票录入人员', 'boxId');
  if (state.bySheet) return userError('BOX_COUNTED_BY_SHEET', '该票箱按计票单计票，不能再逐张录入', 'boxId');
  const positions = state.round.positions as CountPosition[];
  let sections: string[][] = [];
  if (!p.input.spoiled) {
    if (p.input.sections.length !== positions.length) {
      return userError('INVALID_BALLOT', `选票应有 ${positions.length} 栏，收到 ${p.input.sections.length} 栏`, 'sections');
    }
    sections = p.input.sections.map((s) => s.map((m) => m.trim()).filter((m) => m !== ''));
    for (const mark of sections.flat()) {
      if (/^[cv]\d+$/.test(mark) && !state.known.has(mark)) return userError('UNKNOWN_CANDIDATE', `候选人编号 ${mark} 不属于本次选举`, 'sections');
      if (mark.length > MAX_WRITE_IN) return userError('INVALID_WRITE_IN', `另选人姓名过长（最多 ${MAX_WRITE_IN} 个字）`, 'sections');
    }
  }
  if (state.box.counted + state.accepted >= state.box.ballotsReturned) {
    return userError('BOX_FULL', `该票箱收回选票 ${state.box.ballotsReturned} 张，已全部录入；如有错票请先作废更正`, 'boxId');
  }
  return { sections };
}

async function writeBatch(tx: Tx, batch: readonly Pending[]): Promise<Outcome[]> {
  const boxIds = [...new Set(batch.map((p) => p.input.boxId))];
  // Lock the boxes (counted) and their rounds (seq) for this transaction, in id order.
  const boxes = await tx
    .select({ box: boxCount, round: countRound })
    .from(boxCount)
    .innerJoin(countRound, eq(countRound.id, boxCount.roundId))
    .where(inArray(boxCount.id, boxIds))
    .orderBy(boxCount.id)
    .for('update');
  // The boxes' clerks, and (a box is counted one way — ballot by ballot or from its tally sheet,
  // never both) which have a sheet: one round trip for both.
  const extras = await tx
    .select({ boxId: boxClerk.boxId, accountId: boxClerk.accountId })
    .from(boxClerk)
    .where(inArray(boxClerk.boxId, boxIds))
    .unionAll(tx.select({ boxId: tallySheet.boxId, accountId: sql<number>`-1`.as('account_id') }).from(tallySheet).where(inArray(tallySheet.boxId, boxIds)));
  const clerks = extras.filter((e) => e.accountId !== -1);
  const sheetBoxes = new Set(extras.filter((e) => e.accountId === -1).map((e) => e.boxId));
  const states = new Map<number, BoxState>(
    boxes.map(({ box, round }) => [
      box.id,
      {
        box,
        round,
        clerks: new Set(clerks.filter((c) => c.boxId === box.id).map((c) => c.accountId)),
        known: new Set((round.candidates as CountCandidate[]).map((c) => c.id)),
        bySheet: sheetBoxes.has(box.id),
        accepted: 0,
      },
    ]),
  );
  const roundIds = [...new Set(boxes.map((b) => b.round.id))];
  const existing = roundIds.length
    ? await tx.select().from(ballot).where(and(inArray(ballot.roundId, roundIds), inArray(ballot.clientId, batch.map((p) => p.input.clientId))))
    : [];
  const byClient = new Map(existing.map((b) => [`${b.roundId}:${b.clientId}`, b]));

  const outcomes: (Outcome | null)[] = batch.map(() => null);
  const rows: (typeof ballot.$inferInsert & { index: number })[] = [];
  const sameBatch = new Map<string, number>();
  batch.forEach((p, i) => {
    const state = states.get(p.input.boxId);
    const key = state ? `${state.round.id}:${p.input.clientId}` : '';
    const first = byClient.get(key);
    if (first) {
      outcomes[i] = { result: ok(first), event: null };
      return;
    }
    if (state && sameBatch.has(key)) return; // a retry racing its first attempt: answered below
    const checked = refusal(state, p);
    if ('code' in checked) {
      outcomes[i] = { result: err(checked), event: null };
      return;
    }
    state!.accepted += 1;
    sameBatch.set(key, i);
    rows.push({ index: i, roundId: state!.round.id, boxId: state!.box.id, clientId: p.input.clientId, seq: 0, spoiled: p.input.spoiled, sections: checked.sections, enteredAt: p.at, actorId: p.actor?.id ?? null });
  });

  if (rows.length > 0) {
    // Sequence numbers: one bump per round, handed out in arrival order.
    const perRound = new Map<number, number>();
    for (const r of rows) perRound.set(r.roundId, (perRound.get(r.roundId) ?? 0) + 1);
    const lastSeq = new Map<number, number>();
    for (const [roundId, n] of perRound) {
      const [row] = await tx.update(countRound).set({ seq: sql`${countRound.seq} + ${n}` }).where(eq(countRound.id, roundId)).returning({ seq: countRound.seq });
      lastSeq.set(roundId, row!.seq - n);
    }
    for (const r of rows) {
      const next = lastSeq.get(r.roundId)! + 1;
      lastSeq.set(r.roundId, next);
      r.seq = next;
    }
    const perBox = new Map<number, number>();
    for (const r of rows) perBox.set(r.boxId, (perBox.get(r.boxId) ?? 0) + 1);
    // Every box's counter in one statement (the writer is serial: its round trips bound the rate).
    const increments = sql.join([...perBox].map(([boxId, n]) => sql`(${boxId}::int, ${n}::int)`), sql`, `);
    await tx.execute(sql`update box_count set counted = box_count.counted + v.n from (values ${increments}) as v(id, n) where box_count.id = v.id`);

    const inserted = await tx.insert(ballot).values(rows.map(({ index: _index, ...row }) => row)).returning();
    const byKey = new Map(inserted.map((b) => [`${b.roundId}:${b.clientId}`, b]));
    const events: { roundId: number; seq: number; electionId: number; payload: TallyEvent }[] = [];
    const audits: { actor: Actor | null; record: { operation: string; entityType: string; entityId: number; before: null; after: unknown }; at: Date }[] = [];
    for (const r of rows) {
      const row = byKey.get(`${r.roundId}:${r.clientId}`)!;
      const state = states.get(r.boxId)!;
      const event: TallyEvent = {
        electionId: state.round.electionId,
        round: state.round.number,
        seq: row.seq,
        kind: 'ballot',
        at: row.enteredAt.toISOString(),
        boxId: row.boxId,
        ballot: { id: row.id, spoiled: row.spoiled, sections: row.sections as string[][] },
      };
      events.push({ roundId: row.roundId, seq: row.seq, electionId: event.electionId, payload: event });
      audits.push({ actor: batch[r.index]!.actor, record: { operation: 'recordBallot', entityType: 'ballot', entityId: row.id, before: null, after: row }, at: row.enteredAt });
      outcomes[r.index] = { result: ok(row), event };
    }
    await tx.insert(tallyEvent).values(events);
    await appendAuditMany(tx, audits);
  }
  // Retries that raced their first attempt in this very batch get the first attempt's row.
  batch.forEach((p, i) => {
    if (outcomes[i]) return;
    const state = states.get(p.input.boxId)!;
    const first = outcomes[sameBatch.get(`${state.round.id}:${p.input.clientId}`)!]!;
    outcomes[i] = { result: first.result, event: null };
  });
  return outcomes as Outcome[];
}
