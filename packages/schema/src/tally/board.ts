/**
 * The live board (issue 6): a snapshot of a count, and the stream of events after it. Boards apply
 * events with the same domain arithmetic (RunningTally, securedSeats) the snapshot was built with.
 * One hub per election per server process subscribes to the pub/sub once and hands every board
 * batches of events (at most one per BATCH_MS), so 500 boards cost 500 writes per batch, not per
 * ballot.
 */
import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { castBound, RunningTally, securedSeats, tallyDelta, type BoardDelta, type CountCandidate, type CountPosition, type Determination, type RunningTallyState } from '@huanjie/domain';
import { ballot, ballotIssue, ballotVoid, boxCount, community, countRound, election, pollingPlace, tallyEvent, voter, type Db, type Executor } from '@huanjie/db';
import type { Events, TallyEvent } from '../events.ts';
import { latestRound, roundCandidates } from './service.ts';
import { Feed } from './feed.ts';

export type { BoardDelta };

export interface BoardPosition {
  readonly id: string;
  readonly seats: number;
  readonly threshold: number;
  readonly secured: readonly string[];
}

export interface BoardSnapshot {
  readonly electionId: number;
  readonly communityName: string;
  readonly electionDay: string;
  /** null before the first box is opened. */
  readonly round: number | null;
  readonly roundKind: 'first' | 'runoff';
  readonly seq: number;
  readonly lastUpdate: string | null;
  readonly registered: number;
  readonly ballotsIssued: number;
  /** Ballots returned in the boxes opened so far. */
  readonly ballotsReturned: number;
  readonly places: number;
  readonly boxesOpened: number;
  readonly boxesClosed: number;
  readonly positions: readonly CountPosition[];
  readonly candidates: readonly CountCandidate[];
  readonly tally: RunningTallyState;
  readonly certified: boolean;
  readonly determination: Determination | null;
}

/** F5, F7 per position, for a snapshot (the board does the same after each event). */
export function boardPositions(s: Pick<BoardSnapshot, 'positions' | 'tally' | 'roundKind' | 'ballotsReturned' | 'ballotsIssued' | 'places' | 'boxesOpened'>): BoardPosition[] {
  const running = RunningTally.restore(s.tally);
  const cast = castBound(s);
  const remaining = Math.max(0, cast - running.ballotsCounted);
  return s.positions.map((p, i) => {
    const secured = securedSeats(running.tally(i), p.seats, cast, remaining, s.roundKind);
    const threshold = s.roundKind === 'first' ? Math.floor(cast / 2) + 1 : Math.ceil(cast / 3);
    return { id: p.id, seats: p.seats, threshold, secured };
  });
}

/**
 * The board's snapshot, read in one repeatable-read transaction: its `seq` and the ballots it counts
 * are the same moment's, so an event after `seq` is never also in the snapshot (no double count).
 */
export function boardSnapshot(db: Db, electionId: number): Promise<BoardSnapshot | null> {
  return db.transaction((tx) => readSnapshot(tx, electionId), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

async function readSnapshot(db: Executor, electionId: number): Promise<BoardSnapshot | null> {
  const [e] = await db
    .select({ name: community.name, electionDay: election.electionDay })
    .from(election)
    .innerJoin(community, eq(community.id, election.communityId))
    .where(eq(election.id, electionId));
  if (!e) return null;
  const round = await latestRound(db, electionId);
  const [registered] = await db.select({ n: count() }).from(voter).where(and(eq(voter.electionId, electionId), eq(voter.status, 'registered')));
  const [places] = await db.select({ n: count() }).from(pollingPlace).where(eq(pollingPlace.electionId, electionId));
  const [issued] = await db.select({ n: count() }).from(ballotIssue).where(and(eq(ballotIssue.electionId, electionId), eq(ballotIssue.round, round?.number ?? 1)));
  const base = {
    electionId,
    communityName: e.name,
    electionDay: e.electionDay,
    registered: registered?.n ?? 0,
    ballotsIssued: issued?.n ?? 0,
    places: places?.n ?? 0,
  };
  if (!round) {
    return { ...base, round: null, roundKind: 'first', seq: 0, lastUpdate: null, ballotsReturned: 0, boxesOpened: 0, boxesClosed: 0, positions: [], candidates: [], tally: new RunningTally([]).snapshot(), certified: false, determination: null };
  }
  const positions = round.positions as CountPosition[];
  const boxes = await db.select({ status: boxCount.status, returned: boxCount.ballotsReturned }).from(boxCount).where(eq(boxCount.roundId, round.id));
  const running = new RunningTally(positions.map((p) => p.seats));
  const rows = await db
    .select({ spoiled: ballot.spoiled, sections: ballot.sections })
    .from(ballot)
    .leftJoin(ballotVoid, eq(ballotVoid.ballotId, ballot.id))
    .where(and(eq(ballot.roundId, round.id), isNull(ballotVoid.ballotId)));
  for (const b of rows) running.apply({ spoiled: b.spoiled, sections: b.sections as string[][] });
  const [last] = await db.select({ payload: tallyEvent.payload }).from(tallyEvent).where(and(eq(tallyEvent.roundId, round.id), eq(tallyEvent.seq, round.seq)));
  return {
    ...base,
    round: round.number,
    roundKind: round.kind,
    seq: round.seq,
    lastUpdate: (last?.payload as TallyEvent | undefined)?.at ?? null,
    ballotsReturned: boxes.reduce((s, b) => s + b.returned, 0),
    boxesOpened: boxes.length,
    boxesClosed: boxes.filter((b) => b.status === 'closed').length,
    positions,
    candidates: roundCandidates(round),
    tally: running.snapshot(),
    certified: round.certifiedAt !== null,
    determination: (round.determination as Determination | null) ?? null,
  };
}

/** Events of the election's latest round after `afterSeq`, from the log (a reconnecting board). */
export async function eventsAfter(db: Executor, electionId: number, round: number, afterSeq: number): Promise<TallyEvent[]> {
  const current = await latestRound(db, electionId);
  if (!current) return [];
  if (current.number !== round) afterSeq = 0; // a new round began: everything of it is new
  const rows = await db
    .select({ payload: tallyEvent.payload })
    .from(tallyEvent)
    .where(and(eq(tallyEvent.roundId, current.id), gt(tallyEvent.seq, afterSeq)))
    .orderBy(asc(tallyEvent.seq));
  return rows.map((r) => r.payload as TallyEvent);
}

/**
 * Boards get at most one batch per BATCH_MS; an event after a quiet spell goes out at once, one
 * in a busy spell waits at most this long.
 */
export const BATCH_MS = 40;

/** A board this many batches behind (about 10 s) has stopped reading: its stream is ended. */
const MAX_BATCHES_BEHIND = 250;

type Listener = (batch: readonly TallyEvent[]) => void;

interface Topic {
  readonly listeners: Set<Listener>;
  buffer: TallyEvent[];
  timer: ReturnType<typeof setTimeout> | null;
  /** When the last batch was started (performance.now()). */
  lastFlush: number;
  /** Flushes run one after another (a gap is filled from the log, which takes a query). */
  flushing: Promise<void>;
  /** The last event handed out, so that batches go out complete and in order. */
  round: number | null;
  last: number;
  stop: () => void;
}

const bySeq = (a: TallyEvent, b: TallyEvent) => a.round - b.round || a.seq - b.seq;

/** One round's events, each seq one more than the last. */
function inStep(events: readonly TallyEvent[]): boolean {
  for (let i = 1; i < events.length; i += 1) {
    if (events[i]!.round !== events[0]!.round || events[i]!.seq !== events[i - 1]!.seq + 1) return false;
  }
  return true;
}

/**
 * Events of one round, in order and without gaps, from what arrived plus the log. With several
 * server processes, events reach Redis in commit order per process but may interleave across
 * processes; a later sequence number is only given after the earlier transaction committed, so a
 * gap is always in the log by the time it is seen.
 */
export async function contiguous(db: Executor, electionId: number, state: { round: number | null; last: number }, arrived: readonly TallyEvent[]): Promise<readonly TallyEvent[]> {
  // The common case, every board in step with the hub: the batch follows on exactly, as it is.
  const first = arrived[0];
  if (first && first.round === state.round && first.seq === state.last + 1 && inStep(arrived)) {
    state.last = arrived.at(-1)!.seq;
    return arrived;
  }
  const out: TallyEvent[] = [];
  const sorted = [...arrived].sort(bySeq);
  for (let i = 0; i < sorted.length; i += 1) {
    const e = sorted[i]!;
    if (state.round === null) {
      state.round = e.round;
      state.last = e.seq - 1;
    }
    if (e.round > state.round) {
      state.round = e.round;
      state.last = 0;
    }
    if (e.round < state.round || e.seq <= state.last) continue;
    if (e.seq === state.last + 1) {
      out.push(e);
      state.last = e.seq;
      continue;
    }
    // A gap: everything after `last` is committed, so read it once and carry on from there.
    const filled = await eventsAfter(db, electionId, state.round, state.last);
    for (const f of filled) {
      if (f.round === state.round && f.seq === state.last + 1) {
        out.push(f);
        state.last = f.seq;
      }
    }
  }
  return out;
}

/** One pub/sub subscription per election per process, fanned out to local boards in batches. */
export class TallyHub {
  private readonly topics = new Map<number, Topic>();

  constructor(
    private readonly events: Events,
    private readonly db: Db,
  ) {}

  subscribe(electionId: number, listener: Listener): () => void {
    let topic = this.topics.get(electionId);
    if (!topic) topic = this.open(electionId);
    topic.listeners.add(listener);
    return () => {
      topic.listeners.delete(listener);
      if (topic.listeners.size === 0) {
        topic.stop();
        this.topics.delete(electionId);
      }
    };
  }

  private open(electionId: number): Topic {
    const source = this.events.subscribe('tally', electionId);
    const topic: Topic = {
      listeners: new Set(),
      buffer: [],
      timer: null,
      lastFlush: -Infinity,
      flushing: Promise.resolve(),
      round: null,
      last: 0,
      stop: () => {
        if (topic.timer) clearTimeout(topic.timer);
        void source.return();
      },
    };
    const flush = async () => {
      const arrived = topic.buffer;
      topic.buffer = [];
      const batch = await contiguous(this.db, electionId, topic, arrived);
      if (batch.length === 0) return;
      // Every board in one go (a few milliseconds for a hall of 500): measured with bench/live.ts,
      // giving way to other I/O between slices of boards made the last boards of each batch wait
      // behind it, and they are the entry-to-board p99.
      for (const listener of [...topic.listeners]) {
        try {
          listener(batch);
        } catch (error) {
          // One board's failure must not keep the batch from the others.
          console.error('tally hub: a board could not take a batch', error);
        }
      }
    };
    const schedule = () => {
      topic.timer = null;
      topic.lastFlush = performance.now();
      topic.flushing = topic.flushing.then(flush).catch((error: unknown) => {
        // A failed log read must not stop the board: the next batch tries again.
        console.error('tally hub: could not fill a gap from the log', error);
      });
    };
    void (async () => {
      for await (const event of source) {
        topic.buffer.push(event);
        // Timed from the last batch, not from this event: under a steady stream the boards get a
        // batch every BATCH_MS exactly, and the first ballot after a pause is shown at once.
        topic.timer ??= setTimeout(schedule, Math.max(0, topic.lastFlush + BATCH_MS - performance.now()));
      }
    })();
    this.topics.set(electionId, topic);
    return topic;
  }
}

/**
 * A board's stream: the events after `afterSeq` from the log, then live batches, each event once
 * and in order (the hub is joined before the log is read, so nothing falls in between; a gap — the
 * hub started after this board's replay — is filled from the log).
 */
export function boardStream(db: Executor, hub: TallyHub, electionId: number, round: number, afterSeq: number): Feed<readonly TallyEvent[]> {
  return boardBatches(db, hub, electionId, round, afterSeq, ({ fresh }) => fresh);
}

/**
 * The stream as a Feed, so that a board that goes away stops it at once — also while it waits for
 * the next batch — and no query runs for it afterwards. `shape` turns each run of fresh events
 * (with the hub's batch it came from, null for the log replay) into what the board receives.
 */
function boardBatches<T>(
  db: Executor,
  hub: TallyHub,
  electionId: number,
  round: number,
  afterSeq: number,
  shape: (run: { batch: readonly TallyEvent[] | null; fresh: readonly TallyEvent[] }) => T | Promise<T>,
): Feed<T> {
  let closed = false;
  const state = { round: round as number | null, last: afterSeq };
  const feed = new Feed<T>(() => {
    closed = true;
    unsubscribe();
  }, MAX_BATCHES_BEHIND);
  // One batch after another, in arrival order, the log replay first.
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const enqueue = (batch: readonly TallyEvent[] | null, events: () => Promise<readonly TallyEvent[]>) => {
    if (closed) return;
    // The usual case on counting day: nothing pending and the hub's batch (contiguous by
    // construction, one round) follows on exactly — handed on at once, without a promise.
    if (pending === 0 && batch && batch[0]!.round === state.round && batch[0]!.seq === state.last + 1 && batch.at(-1)!.round === state.round) {
      const shaped = shape({ batch, fresh: batch });
      if (!(shaped instanceof Promise)) {
        state.last = batch.at(-1)!.seq;
        feed.push(shaped);
        return;
      }
    }
    pending += 1;
    chain = chain
      .then(async () => {
        if (closed) return;
        const fresh = await contiguous(db, electionId, state, await events());
        if (closed || fresh.length === 0) return;
        feed.push(await shape({ batch, fresh }));
      })
      .catch((error: unknown) => feed.fail(error))
      .finally(() => {
        pending -= 1;
      });
  };
  const unsubscribe = hub.subscribe(electionId, (batch) => enqueue(batch, async () => batch));
  enqueue(null, () => eventsAfter(db, electionId, round, afterSeq));
  return feed;
}

export function boardDelta(events: readonly TallyEvent[], seats: readonly number[]): BoardDelta {
  const round = events[0]!.round;
  const own = events.filter((e) => e.round === round);
  const ballots = own.flatMap((e) => (e.ballot && (e.kind === 'ballot' || e.kind === 'void') ? [{ ballot: e.ballot, sign: e.kind === 'ballot' ? (1 as const) : (-1 as const) }] : []));
  return {
    round,
    fromSeq: own[0]!.seq,
    toSeq: own.at(-1)!.seq,
    lastUpdate: own.at(-1)!.at,
    tally: tallyDelta(seats, ballots),
    ballotsReturned: own.reduce((s, e) => s + (e.kind === 'box-opened' ? (e.ballotsReturned ?? 0) : 0), 0),
    boxesOpened: own.filter((e) => e.kind === 'box-opened').length,
    boxesClosed: own.filter((e) => e.kind === 'box-closed').length,
    certified: own.some((e) => e.kind === 'certified'),
    newRound: own.length < events.length || own.some((e) => e.kind === 'round-created'),
  };
}

/** Deltas computed once per hub batch, shared by every board that is caught up with it (the promise is
 * stored at once, so boards reading the same batch concurrently do not each compute it; the value
 * replaces it when ready, so later boards take it without waiting). */
const sharedDeltas = new WeakMap<readonly TallyEvent[], BoardDelta | Promise<BoardDelta>>();

/**
 * A board's stream of deltas: like `boardStream`, but each batch summed up (see BoardDelta). Boards
 * in step with the hub share one delta per batch; one that is catching up gets its own.
 */
export function boardDeltaStream(db: Executor, hub: TallyHub, electionId: number, round: number, afterSeq: number): Feed<BoardDelta> {
  const seatsOf = new Map<number, readonly number[]>();
  const seats = async (n: number): Promise<readonly number[]> => {
    const [row] = await db.select({ positions: countRound.positions }).from(countRound).where(and(eq(countRound.electionId, electionId), eq(countRound.number, n)));
    const s = ((row?.positions ?? []) as CountPosition[]).map((p) => p.seats);
    seatsOf.set(n, s);
    return s;
  };
  const delta = (fresh: readonly TallyEvent[]): BoardDelta | Promise<BoardDelta> => {
    const known = seatsOf.get(fresh[0]!.round);
    return known ? boardDelta(fresh, known) : seats(fresh[0]!.round).then((s) => boardDelta(fresh, s));
  };
  return boardBatches(db, hub, electionId, round, afterSeq, ({ batch, fresh }) => {
    const whole = batch !== null && fresh.length === batch.length && fresh[0] === batch[0];
    if (!whole) return delta(fresh);
    let shared = sharedDeltas.get(batch);
    if (!shared) {
      const computed = delta(fresh);
      sharedDeltas.set(batch, computed);
      if (computed instanceof Promise) void computed.then((d) => sharedDeltas.set(batch, d), () => sharedDeltas.delete(batch));
      shared = computed;
    }
    return shared;
  });
}
