/**
 * The live count of one round on the client: a snapshot (or nothing, to replay from the start) and
 * the events after it, applied in sequence order with the same domain arithmetic the server builds
 * its snapshot with (RunningTally, securedSeats, thresholdFor — mirroring boardPositions/castBound in
 * packages/schema/src/tally/board.ts). An event already applied (seq ≤ the last) is skipped, so a
 * reconnect can never count a ballot twice.
 */
import { castBound, RunningTally, securedSeats, thresholdFor, type BoardDelta, type RunningTallyState, type TallyDelta } from '@huanjie/domain';

export type RoundKind = 'first' | 'runoff';

export interface CountPositionMeta {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
}

/** What the snapshot says about the round besides its tally. */
export interface CountMeta {
  readonly communityName: string;
  readonly electionDay: string;
  /** null before the first box is opened. */
  readonly round: number | null;
  readonly roundKind: RoundKind;
  readonly registered: number;
  readonly ballotsIssued: number;
  readonly places: number;
  readonly positions: readonly CountPositionMeta[];
  /** Candidate id ("c12", "v7") → name; a written-in name is its own id. */
  readonly names: ReadonlyMap<string, string>;
}

export interface CountSnapshot {
  readonly seq: number;
  readonly lastUpdate: string | null;
  readonly ballotsReturned: number;
  readonly boxesOpened: number;
  readonly boxesClosed: number;
  readonly certified: boolean;
  readonly state: RunningTallyState;
}

export interface EventBallot {
  readonly id: number;
  readonly spoiled: boolean;
  readonly sections: readonly (readonly string[])[];
}

export type TallyEventKind = 'box-opened' | 'ballot' | 'void' | 'box-closed' | 'certified' | 'round-created';

export interface LiveEvent {
  readonly seq: number;
  readonly round: number;
  readonly kind: string;
  readonly at: string;
  readonly boxId: number;
  readonly ballotsReturned: number | null;
  readonly ballot: EventBallot | null;
}

/** A box as its events tell it (complete only when the count was replayed from seq 0). */
export interface BoxProgress {
  readonly returned: number;
  readonly counted: number;
  readonly closed: boolean;
}

/** A ballot of a box as its events tell it (kept only when replaying, for the entry screen). */
export interface BoxBallot extends EventBallot {
  readonly seq: number;
  readonly boxId: number;
  readonly voided: boolean;
}

export interface TallyLine {
  readonly id: string;
  readonly name: string;
  readonly votes: number;
  /** Secured a seat whatever the uncounted ballots hold (F5, F7). */
  readonly secured: boolean;
}

export interface PositionView {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  /** F5/F9 on the most ballots the round can have. */
  readonly threshold: number;
  readonly voidSections: number;
  readonly tally: readonly TallyLine[];
}

/** `resync`: an event of another round (a run-off began, or counting started): re-read the snapshot. */
export type ApplyResult = 'applied' | 'resync';

export class LiveCount {
  seq: number;
  lastUpdate: string | null;
  ballotsReturned: number;
  boxesOpened: number;
  boxesClosed: number;
  certified: boolean;
  readonly tally: RunningTally;
  readonly boxes = new Map<number, BoxProgress>();
  readonly ballots = new Map<number, BoxBallot>();

  private constructor(
    readonly meta: CountMeta,
    snapshot: CountSnapshot,
    /** Keep every ballot and box (replay from seq 0), or only the totals (a board). */
    private readonly replayed: boolean,
  ) {
    this.seq = snapshot.seq;
    this.lastUpdate = snapshot.lastUpdate;
    this.ballotsReturned = snapshot.ballotsReturned;
    this.boxesOpened = snapshot.boxesOpened;
    this.boxesClosed = snapshot.boxesClosed;
    this.certified = snapshot.certified;
    this.tally = RunningTally.restore(snapshot.state);
  }

  /** A board: the snapshot's tally, then the events after its seq. */
  static fromSnapshot(meta: CountMeta, snapshot: CountSnapshot): LiveCount {
    return new LiveCount(meta, snapshot, false);
  }

  /** The entry screen: every event of the round from seq 0, so boxes and their ballots are known. */
  static fromStart(meta: CountMeta, snapshot: Pick<CountSnapshot, 'lastUpdate'>): LiveCount {
    const empty = new RunningTally(meta.positions.map((p) => p.seats)).snapshot();
    return new LiveCount(meta, { seq: 0, lastUpdate: snapshot.lastUpdate, ballotsReturned: 0, boxesOpened: 0, boxesClosed: 0, certified: false, state: empty }, true);
  }

  get isReplayed(): boolean {
    return this.replayed;
  }

  apply(events: readonly LiveEvent[]): ApplyResult {
    for (const e of events) {
      if (this.meta.round === null || e.round !== this.meta.round) return 'resync';
      if (e.seq <= this.seq) continue; // applied already (a replay after a reconnect)
      this.applyOne(e);
      this.seq = e.seq;
      this.lastUpdate = e.at;
    }
    return 'applied';
  }

  /**
   * A board's batch summed up by the server (tallyDeltas): applied only when it starts right after
   * the last applied seq; a later round, or a gap, asks for a fresh snapshot.
   */
  applyDelta(d: BoardDeltaBatch): ApplyResult {
    if (this.meta.round === null || d.round !== this.meta.round || d.newRound) return 'resync';
    if (d.toSeq <= this.seq) return 'applied'; // had it already
    if (d.fromSeq !== this.seq + 1) return 'resync';
    this.tally.applyDelta(d.tally);
    this.ballotsReturned += d.ballotsReturned;
    this.boxesOpened += d.boxesOpened;
    this.boxesClosed += d.boxesClosed;
    this.certified ||= d.certified;
    this.seq = d.toSeq;
    this.lastUpdate = d.lastUpdate;
    return 'applied';
  }

  private applyOne(e: LiveEvent): void {
    const kind = e.kind as TallyEventKind;
    switch (kind) {
      case 'box-opened':
        this.ballotsReturned += e.ballotsReturned ?? 0;
        this.boxesOpened += 1;
        this.boxes.set(e.boxId, { returned: e.ballotsReturned ?? 0, counted: 0, closed: false });
        return;
      case 'ballot':
        if (!e.ballot) return;
        this.tally.apply(e.ballot, 1);
        this.countInBox(e.boxId, 1);
        if (this.replayed) this.ballots.set(e.ballot.id, { ...e.ballot, seq: e.seq, boxId: e.boxId, voided: false });
        return;
      case 'void': {
        if (!e.ballot) return;
        this.tally.apply(e.ballot, -1);
        this.countInBox(e.boxId, -1);
        const known = this.ballots.get(e.ballot.id);
        if (known) this.ballots.set(known.id, { ...known, voided: true });
        return;
      }
      case 'box-closed': {
        this.boxesClosed += 1;
        const box = this.boxes.get(e.boxId);
        if (box) this.boxes.set(e.boxId, { ...box, closed: true });
        return;
      }
      case 'certified':
        this.certified = true;
        return;
      case 'round-created':
        return; // of another round: apply() has asked for a resync before reaching here
      default:
        return; // an event kind newer than this app: nothing to count
    }
  }

  private countInBox(boxId: number, sign: 1 | -1): void {
    const box = this.boxes.get(boxId);
    if (box) this.boxes.set(boxId, { ...box, counted: box.counted + sign });
  }

  /** The most ballots the round can have: the returned ones once every box is open, else those issued. */
  castBound(): number {
    return castBound({ ...this.meta, ballotsReturned: this.ballotsReturned, boxesOpened: this.boxesOpened });
  }

  /** Per position: tally with names, threshold and who has secured a seat; `tally` may carry extra ballots (the entry screen's queue). */
  positions(tally: RunningTally = this.tally): PositionView[] {
    const cast = this.castBound();
    const remaining = Math.max(0, cast - tally.ballotsCounted);
    return this.meta.positions.map((p, i) => {
      const entries = tally.tally(i);
      const secured = new Set(securedSeats(entries, p.seats, cast, remaining, this.meta.roundKind));
      return {
        id: p.id,
        title: p.title,
        seats: p.seats,
        threshold: thresholdFor(this.meta.roundKind, cast),
        voidSections: tally.voidSections(i),
        tally: entries.map((e) => ({ id: e.id, name: this.meta.names.get(e.id) ?? e.id, votes: e.votes, secured: secured.has(e.id) })),
      };
    });
  }

  /** A copy of the tally to add ballots to without touching the count (the entry screen's queue). */
  tallyCopy(): RunningTally {
    return RunningTally.restore(this.tally.snapshot());
  }
}

/** Reads the board's `state` (a JSON scalar) as a RunningTallyState, or null when it is not one. */
export function parseRunningTallyState(value: unknown): RunningTallyState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ints = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n));
  if (!ints(v['seats']) || !ints(v['voidSections']) || !Number.isInteger(v['ballotsCounted']) || !Number.isInteger(v['spoiled'])) return null;
  const tallies = v['tallies'];
  if (!Array.isArray(tallies) || tallies.length !== v['seats'].length) return null;
  for (const t of tallies) {
    if (!Array.isArray(t)) return null;
    for (const e of t) {
      if (typeof e !== 'object' || e === null) return null;
      const entry = e as Record<string, unknown>;
      if (typeof entry['id'] !== 'string' || !Number.isInteger(entry['votes'])) return null;
    }
  }
  return value as RunningTallyState;
}

/**
 * Reads a batch's `json` (TallyEventBatch.json: the events as the server keeps them) as events, or
 * null when it is not a list of them. Boards select this one field rather than every event's fields.
 */
export function parseTallyEvents(value: unknown): LiveEvent[] | null {
  if (!Array.isArray(value)) return null;
  const events: LiveEvent[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const e = item as Record<string, unknown>;
    if (!Number.isInteger(e['seq']) || !Number.isInteger(e['round']) || !Number.isInteger(e['boxId']) || typeof e['kind'] !== 'string' || typeof e['at'] !== 'string') return null;
    const returned = e['ballotsReturned'];
    let ballot: EventBallot | null = null;
    if (e['ballot'] !== undefined && e['ballot'] !== null) {
      const b = e['ballot'] as Record<string, unknown>;
      const sections = b['sections'];
      if (!Number.isInteger(b['id']) || typeof b['spoiled'] !== 'boolean' || !Array.isArray(sections)) return null;
      if (!sections.every((x) => Array.isArray(x) && x.every((m) => typeof m === 'string'))) return null;
      ballot = { id: b['id'] as number, spoiled: b['spoiled'], sections: sections as string[][] };
    }
    events.push({
      seq: e['seq'] as number,
      round: e['round'] as number,
      kind: e['kind'],
      at: e['at'],
      boxId: e['boxId'] as number,
      ballotsReturned: Number.isInteger(returned) ? (returned as number) : null,
      ballot,
    });
  }
  return events;
}

export function roundKindOf(kind: string): RoundKind {
  return kind === 'runoff' ? 'runoff' : 'first';
}

/** TallyDeltaBatch as the board selects it. */
export type BoardDeltaBatch = BoardDelta;

/** Reads a TallyDeltaBatch's `tally` (a JSON scalar) as a TallyDelta, or null when it is not one. */
export function parseTallyDelta(value: unknown): TallyDelta | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ints = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isInteger(n));
  if (!Number.isInteger(v['ballotsCounted']) || !Number.isInteger(v['spoiled']) || !ints(v['voidSections'])) return null;
  const votes = v['votes'];
  if (!Array.isArray(votes)) return null;
  for (const p of votes) {
    if (typeof p !== 'object' || p === null || !Object.values(p as Record<string, unknown>).every((n) => Number.isInteger(n))) return null;
  }
  return value as TallyDelta;
}
