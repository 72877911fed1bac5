/**
 * Ballot entry at hall scale: clerks at many boxes enter a ballot every two seconds each, and every
 * entry takes the round's next sequence number and the audit chain's next link — both serial by
 * nature. So entries that arrive while a transaction is in flight are written together in the next
 * one: a handful of statements per batch instead of per ballot, and each ballot still gets its own
 * row, sequence number, live event and audit event. An entry's refusal (box closed, unknown
 * candidate …) is decided before anything is written and refuses only that entry.
 */
import { err, ok, type CountCandidate, type CountPosition, type Result } from '@huanjie/domain';
import { literal, scriptTransaction, type Db, type ScriptDecision } from '@huanjie/db';
import type { Actor, Context } from '../context.ts';
import type { TallyEvent } from '../events.ts';
import { AUDIT_CHAIN_LOCK, linkAudit } from '../audit/service.ts';
import { userError, type UserErrorData } from '../errors.ts';
import type { BallotInput, BallotRow } from './service.ts';

const MAX_WRITE_IN = 30;
const MAX_BATCH = 500;
/**
 * Batches start at most this often: under a steady stream of entries a writer that started the next
 * batch the moment the last one committed would spend the database's time on many tiny batches.
 * An entry arriving when the writer has been idle longer than this is written at once. Measured
 * with bench/live.ts at 1,100 entries/s: 11 ms gave a lower entry-to-board p99 than 8 or 20.
 */
const MIN_BATCH_INTERVAL_MS = 11;

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
          const outcomes = await writeBatch(this.db, batch);
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (batchError) {
          // Something unforeseen (e.g. another server process took the same client id a moment
          // before): write the entries one by one, so only the one at fault fails.
          if (batch.length === 1) {
            batch[0]!.reject(batchError);
            continue;
          }
          // Said, not only handled: entry by entry is much slower, and the cause may need a look.
          console.warn(`ballot writer: a batch of ${batch.length} entries failed (${batchError instanceof Error ? batchError.message : String(batchError)}); writing them one by one`);
          for (const p of batch) {
            try {
              const [outcome] = await writeBatch(this.db, [p]);
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

/** A box and its round as locked for the batch (snake_case: read as JSON from one statement). */
interface LockedBox {
  readonly id: number;
  readonly round_id: number;
  readonly status: 'counting' | 'closed';
  readonly ballots_returned: number;
  readonly counted: number;
  readonly election_id: number;
  readonly number: number;
  readonly positions: CountPosition[];
  readonly candidates: CountCandidate[];
  readonly seq: number;
  readonly certified_at: string | null;
}

type BoxState = {
  readonly box: LockedBox;
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
  if (state.box.certified_at) return certified;
  if (state.box.status === 'closed') return userError('BOX_CLOSED', '该票箱已结束计票，不能再录入', 'boxId');
  if (!mayEnter(state, p.actor)) return userError('NOT_BOX_CLERK', '您不是该票箱的计票录入人员', 'boxId');
  if (state.bySheet) return userError('BOX_COUNTED_BY_SHEET', '该票箱按计票单计票，不能再逐张录入', 'boxId');
  const positions = state.box.positions;
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
  if (state.box.counted + state.accepted >= state.box.ballots_returned) {
    return userError('BOX_FULL', `该票箱收回选票 ${state.box.ballots_returned} 张，已全部录入；如有错票请先作废更正`, 'boxId');
  }
  return { sections };
}

interface BatchReads {
  readonly clerks: [number, number][];
  readonly sheets: number[];
  readonly existing: { id: number; round_id: number; box_id: number; client_id: string; seq: number; spoiled: boolean; sections: string[][]; entered_at: string; actor_id: number | null }[];
  readonly last_hash: string | null;
  readonly ids: number[];
}

const json = (value: unknown) => literal(JSON.stringify(value));

/**
 * One batch in two round trips (the writer is serial, so its round trips bound the rate): BEGIN,
 * the locks and the reads the checks need in one; the writes, all in one statement, and COMMIT in
 * the other (see scriptTransaction).
 */
function writeBatch(db: Db, batch: readonly Pending[]): Promise<Outcome[]> {
  const boxIds = [...new Set(batch.map((p) => p.input.boxId))].sort((a, b) => a - b);
  const boxArray = `'{${boxIds.filter(Number.isSafeInteger).join(',')}}'::int[]`; // integers only: safe inline (any other id is simply not found)
  // Boxes and rounds first, in id order, then the audit chain: the order every audited tally write
  // takes its locks in (the aggregate has locked every box before the chain lock is asked for).
  // The second statement takes a fresh snapshot, after the locks: the boxes' clerks, which have a
  // sheet (a box is counted one way only), entries already written under these client ids, the
  // chain's last hash, and ids for the ballots (unused ones are simply skipped).
  const read = `select boxes, pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) from (
      select json_agg(l order by l.id) as boxes from (
        select b.id, b.round_id, b.status, b.ballots_returned, b.counted, r.election_id, r.number, r.positions, r.candidates, r.seq, r.certified_at
        from box_count b join count_round r on r.id = b.round_id
        where b.id = any(${boxArray}) order by b.id for update of b, r) l) x;
    select json_build_object(
      'clerks', (select coalesce(json_agg(json_build_array(box_id, account_id)), '[]') from box_clerk where box_id = any(${boxArray})),
      'sheets', (select coalesce(json_agg(distinct box_id), '[]') from tally_sheet where box_id = any(${boxArray})),
      'existing', (select coalesce(json_agg(x), '[]') from ballot x
        where x.round_id in (select round_id from box_count where id = any(${boxArray}))
          and x.client_id = any(array(select jsonb_array_elements_text(${json(batch.map((p) => p.input.clientId))}::jsonb)))),
      'last_hash', (select hash from audit_event order by id desc limit 1),
      'ids', (select json_agg(nextval(pg_get_serial_sequence('ballot', 'id'))) from generate_series(1, ${batch.length}))
    ) as reads`;
  return scriptTransaction(db, read, ([lockRows, readRows]) => {
    const locked = (lockRows![0] as { boxes: LockedBox[] | null }).boxes ?? [];
    const reads = (readRows![0] as { reads: BatchReads }).reads;
    return decide(batch, locked, reads);
  });
}

/** What the batch writes, from what the locks and reads found: each entry's outcome and one statement. */
function decide(batch: readonly Pending[], locked: readonly LockedBox[], reads: BatchReads): ScriptDecision<Outcome[]> {
  const states = new Map<number, BoxState>(
    locked.map((box) => [
      box.id,
      {
        box,
        clerks: new Set(reads.clerks.filter(([boxId]) => boxId === box.id).map(([, accountId]) => accountId)),
        known: new Set(box.candidates.map((c) => c.id)),
        bySheet: reads.sheets.includes(box.id),
        accepted: 0,
      },
    ]),
  );
  const byClient = new Map<string, BallotRow>(
    reads.existing.map((b) => [
      `${b.round_id}:${b.client_id}`,
      { id: b.id, roundId: b.round_id, boxId: b.box_id, clientId: b.client_id, seq: Number(b.seq), spoiled: b.spoiled, sections: b.sections, enteredAt: new Date(b.entered_at), actorId: b.actor_id },
    ]),
  );

  const outcomes: (Outcome | null)[] = batch.map(() => null);
  const rows: { index: number; row: BallotRow; state: BoxState }[] = [];
  const sameBatch = new Map<string, number>();
  const ids = reads.ids.map(Number);
  const seqs = new Map(locked.map((b) => [b.round_id, Number(b.seq)]));
  batch.forEach((p, i) => {
    const state = states.get(p.input.boxId);
    const key = state ? `${state.box.round_id}:${p.input.clientId}` : '';
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
    // Sequence numbers in arrival order, per round.
    const seq = seqs.get(state!.box.round_id)! + 1;
    seqs.set(state!.box.round_id, seq);
    const row: BallotRow = { id: ids[rows.length]!, roundId: state!.box.round_id, boxId: state!.box.id, clientId: p.input.clientId, seq, spoiled: p.input.spoiled, sections: checked.sections, enteredAt: p.at, actorId: p.actor?.id ?? null };
    rows.push({ index: i, row, state: state! });
  });

  let write: string | null = null;
  if (rows.length > 0) {
    const counted = new Map<number, number>();
    for (const { row } of rows) counted.set(row.boxId, (counted.get(row.boxId) ?? 0) + 1);
    const events = rows.map(({ index, row, state }) => {
      const event: TallyEvent = {
        electionId: state.box.election_id,
        round: state.box.number,
        seq: row.seq,
        kind: 'ballot',
        at: row.enteredAt.toISOString(),
        boxId: row.boxId,
        ballot: { id: row.id, spoiled: row.spoiled, sections: row.sections as string[][] },
      };
      outcomes[index] = { result: ok(row), event };
      return { round_id: row.roundId, seq: row.seq, election_id: event.electionId, payload: event };
    });
    const audits = linkAudit(
      reads.last_hash,
      rows.map(({ index, row }) => ({ actor: batch[index]!.actor, record: { operation: 'recordBallot', entityType: 'ballot', entityId: row.id, before: null, after: row }, at: row.enteredAt })),
    ).map((a, ord) => ({ ord, at: a.at.toISOString(), actor_id: a.actorId, actor: a.actor, operation: a.operation, entity_type: a.entityType, entity_id: a.entityId, before: a.before, after: a.after, prev_hash: a.prevHash, hash: a.hash }));
    write = `with
      rounds as (update count_round r set seq = v.seq from jsonb_to_recordset(${json([...new Set(rows.map(({ row }) => row.roundId))].map((id) => ({ id, seq: seqs.get(id) })))}::jsonb) as v(id int, seq bigint) where r.id = v.id),
      boxes as (update box_count b set counted = b.counted + v.n from jsonb_to_recordset(${json([...counted].map(([id, n]) => ({ id, n })))}::jsonb) as v(id int, n int) where b.id = v.id),
      ballots as (insert into ballot (id, round_id, box_id, client_id, seq, spoiled, sections, entered_at, actor_id)
        select id, round_id, box_id, client_id, seq, spoiled, sections, entered_at, actor_id
        from jsonb_to_recordset(${json(rows.map(({ row }) => ({ id: row.id, round_id: row.roundId, box_id: row.boxId, client_id: row.clientId, seq: row.seq, spoiled: row.spoiled, sections: row.sections, entered_at: row.enteredAt.toISOString(), actor_id: row.actorId })))}::jsonb)
          as v(id int, round_id int, box_id int, client_id text, seq bigint, spoiled boolean, sections jsonb, entered_at timestamptz, actor_id int)),
      events as (insert into tally_event (round_id, seq, election_id, payload)
        select round_id, seq, election_id, payload from jsonb_to_recordset(${json(events)}::jsonb) as v(round_id int, seq bigint, election_id int, payload jsonb))
      insert into audit_event (at, actor_id, actor, operation, entity_type, entity_id, before, after, prev_hash, hash)
        select at, actor_id, actor, operation, entity_type, entity_id, before, after, prev_hash, hash
        from jsonb_to_recordset(${json(audits)}::jsonb)
          as v(ord int, at timestamptz, actor_id int, actor text, operation text, entity_type text, entity_id text, before jsonb, after jsonb, prev_hash text, hash text)
        order by ord`;
  }
  // Retries that raced their first attempt in this very batch get the first attempt's row.
  batch.forEach((p, i) => {
    if (outcomes[i]) return;
    const state = states.get(p.input.boxId)!;
    const first = outcomes[sameBatch.get(`${state.box.round_id}:${p.input.clientId}`)!]!;
    outcomes[i] = { result: first.result, event: null };
  });
  return { write, value: outcomes as Outcome[] };
}
