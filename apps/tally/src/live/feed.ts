/**
 * Keeps one live count up to date over ONE SSE connection at a time: read the snapshot (tallyBoard),
 * subscribe after its seq (a board: tallyDeltas, each batch summed up; the entry screen: tallyEvents),
 * apply each batch; on a break, wait (backing off), re-read
 * the snapshot and subscribe after it again. A board takes the fresh snapshot's tally; the entry
 * screen replays the round from seq 0 once and then resumes after the last event it applied.
 */
import { graphql, type ResultOf } from '@huanjie/ui/graphql';
import { gqlRequest } from '../api/request.ts';
import { subscribeSse, type SseSubscription } from '../api/sse.ts';
import { LiveCount, parseRunningTallyState, parseTallyDelta, parseTallyEvents, roundKindOf, type CountMeta } from './count.ts';

export const TallyBoardQuery = graphql(`
  query TallyBoardSnapshot($electionId: ID!) {
    tallyBoard(electionId: $electionId) {
      communityName electionDay round roundKind seq lastUpdate registered ballotsIssued ballotsReturned
      ballotsCounted places boxesOpened boxesClosed certified state
      candidates { id name position }
      positions { id title seats }
    }
  }
`);

// `json` rather than `events { … }`: one field for the server to execute per board and batch.
export const TallyEventsSubscription = graphql(`
  subscription TallyEvents($electionId: ID!, $round: Int, $afterSeq: Int) {
    tallyEvents(electionId: $electionId, round: $round, afterSeq: $afterSeq) { json }
  }
`);

// A board takes each batch summed up (a few hundred bytes however many ballots it carried).
export const TallyDeltasSubscription = graphql(`
  subscription TallyDeltas($electionId: ID!, $round: Int, $afterSeq: Int) {
    tallyDeltas(electionId: $electionId, round: $round, afterSeq: $afterSeq) {
      round fromSeq toSeq lastUpdate tally ballotsReturned boxesOpened boxesClosed certified newRound
    }
  }
`);

type Board = NonNullable<ResultOf<typeof TallyBoardQuery>['tallyBoard']>;

export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface FeedState {
  readonly count: LiveCount | null;
  readonly connection: Connection;
  /** Bumped on every change, for React to re-render. */
  readonly version: number;
  /** No such election. */
  readonly missing: boolean;
  /** When the last snapshot or event arrived (this browser's clock). */
  readonly receivedAt: number | null;
}

export interface FeedOptions {
  /** Replay the round from seq 0 (the entry screen needs every box and ballot). */
  readonly replay: boolean;
}

function metaOf(board: Board): CountMeta {
  return {
    communityName: board.communityName,
    electionDay: board.electionDay,
    round: board.round ?? null,
    roundKind: roundKindOf(board.roundKind),
    registered: board.registered,
    ballotsIssued: board.ballotsIssued,
    places: board.places,
    positions: board.positions.map((p) => ({ id: p.id, title: p.title, seats: p.seats })),
    names: new Map(board.candidates.map((c) => [c.id, c.name])),
  };
}

const BACKOFF_MS = [500, 1_000, 2_000, 4_000, 8_000];

export class LiveFeed {
  private state: FeedState = { count: null, connection: 'connecting', version: 0, missing: false, receivedAt: null };
  private readonly listeners = new Set<(s: FeedState) => void>();
  private subscription: SseSubscription | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  private generation = 0;

  constructor(
    private readonly electionId: string,
    private readonly options: FeedOptions,
  ) {}

  get current(): FeedState {
    return this.state;
  }

  subscribe(listener: (s: FeedState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    this.close();
  }

  /** Re-read the snapshot now (e.g. after this screen changed the count outside the stream). */
  refresh(): void {
    this.reconnect(0);
  }

  private readonly onOnline = () => {
    if (this.state.connection !== 'live') this.reconnect(0);
  };

  private set(patch: Partial<FeedState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const l of this.listeners) l(this.state);
  }

  private close(): void {
    this.generation += 1; // anything still arriving from the old connection is ignored
    this.subscription?.close();
    this.subscription = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private reconnect(delay: number): void {
    if (this.stopped) return;
    this.close();
    if (this.state.count) this.set({ connection: 'reconnecting' });
    const generation = this.generation;
    this.timer = setTimeout(() => {
      if (generation === this.generation) void this.connect();
    }, delay);
  }

  private failed(): void {
    const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 8_000;
    this.failures += 1;
    this.reconnect(delay);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    const outcome = await gqlRequest(TallyBoardQuery, { electionId: this.electionId });
    if (generation !== this.generation || this.stopped) return;
    if (outcome.kind !== 'data') {
      if (outcome.kind === 'refused') this.set({ missing: true }); // a malformed id, say
      this.failed();
      return;
    }
    const board = outcome.data.tallyBoard;
    if (!board) {
      this.set({ missing: true, connection: 'reconnecting' });
      return;
    }
    const state = parseRunningTallyState(board.state);
    if (!state) {
      this.failed();
      return;
    }
    const meta = metaOf(board);
    const previous = this.state.count;
    let count: LiveCount;
    if (!this.options.replay) {
      count = LiveCount.fromSnapshot(meta, { ...board, state });
    } else if (previous && previous.meta.round === meta.round && previous.meta.round !== null) {
      // Same round: keep every ballot replayed so far and resume after the last one applied.
      count = previous;
    } else {
      count = LiveCount.fromStart(meta, board);
    }
    this.set({ count, missing: false, receivedAt: Date.now() });
    this.listen(count, generation);
  }

  private listen(count: LiveCount, generation: number): void {
    if (!this.options.replay) {
      this.listenDeltas(count, generation);
      return;
    }
    const round = count.meta.round ?? 1;
    this.subscription = subscribeSse(
      TallyEventsSubscription,
      { electionId: this.electionId, round, afterSeq: count.seq },
      {
        onOpen: () => {
          if (generation !== this.generation) return;
          this.failures = 0;
          this.set({ connection: 'live' });
        },
        onResult: (result) => {
          if (generation !== this.generation) return;
          const events = result.kind === 'data' ? parseTallyEvents(result.data.tallyEvents.json) : null;
          if (!events) {
            this.failed();
            return;
          }
          if (count.apply(events) === 'resync') {
            this.reconnect(0); // a run-off began, or counting started: its positions come with the snapshot
            return;
          }
          this.set({ receivedAt: Date.now() });
        },
        onEnd: () => {
          if (generation === this.generation) this.failed();
        },
      },
    );
  }

  /** A board: one summed-up batch at a time; a gap or a new round re-reads the snapshot. */
  private listenDeltas(count: LiveCount, generation: number): void {
    const round = count.meta.round ?? 1;
    this.subscription = subscribeSse(
      TallyDeltasSubscription,
      { electionId: this.electionId, round, afterSeq: count.seq },
      {
        onOpen: () => {
          if (generation !== this.generation) return;
          this.failures = 0;
          this.set({ connection: 'live' });
        },
        onResult: (result) => {
          if (generation !== this.generation) return;
          const batch = result.kind === 'data' ? result.data.tallyDeltas : null;
          const tally = batch ? parseTallyDelta(batch.tally) : null;
          if (!batch || !tally) {
            this.failed();
            return;
          }
          if (count.applyDelta({ ...batch, tally }) === 'resync') {
            this.reconnect(0);
            return;
          }
          this.set({ receivedAt: Date.now() });
        },
        onEnd: () => {
          if (generation === this.generation) this.failed();
        },
      },
    );
  }
}
