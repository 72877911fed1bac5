// F3–F7 during counting: the running tally the live board shows, and who has already secured a seat
import { sectionIsOvermarked } from './section.ts';
import { thresholdFor } from './threshold.ts';
import type { Round, TallyEntry } from './types.ts';

/** One section as the board counts it: void when over-marked (F4), else its distinct names. */
export type CountedSection = { readonly void: true } | { readonly void: false; readonly names: readonly string[] };

/** F4: a name listed twice counts once; empty marks are ignored; more names than seats voids the section. */
export function countSection(marks: readonly string[], seats: number): CountedSection {
  const names = [...new Set(marks.map((m) => m.trim()).filter((m) => m !== ''))];
  return sectionIsOvermarked(names.length, seats) ? { void: true } : { void: false, names };
}

/** F3: a running tally per position, changed ballot by ballot (and back, when a ballot is voided). */
export class RunningTally {
  private readonly votes: Map<string, number>[];
  private readonly voids: number[];
  ballotsCounted = 0;
  spoiled = 0;

  constructor(private readonly seats: readonly number[]) {
    this.votes = seats.map(() => new Map());
    this.voids = seats.map(() => 0);
  }

  /** Adds (`sign` 1) or removes (`sign` -1, a correction) one ballot. */
  apply(ballot: { readonly spoiled: boolean; readonly sections: readonly (readonly string[])[] }, sign: 1 | -1 = 1): void {
    this.ballotsCounted += sign;
    if (ballot.spoiled) {
      this.spoiled += sign;
      return;
    }
    this.seats.forEach((seats, i) => {
      const section = countSection(ballot.sections[i] ?? [], seats);
      if (section.void) {
        this.voids[i] = (this.voids[i] ?? 0) + sign;
        return;
      }
      const votes = this.votes[i]!;
      for (const name of section.names) {
        const next = (votes.get(name) ?? 0) + sign;
        if (next === 0) votes.delete(name);
        else votes.set(name, next);
      }
    });
  }

  /** Position i's tally, by votes descending then id ascending (counting-format.md). */
  tally(i: number): TallyEntry[] {
    return [...(this.votes[i] ?? new Map<string, number>())]
      .map(([id, votes]) => ({ id, votes }))
      .sort((a, b) => b.votes - a.votes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  voidSections(i: number): number {
    return this.voids[i] ?? 0;
  }

  /** Position i's counts as they stand, negative ones included (a delta's corrections). */
  rawVotes(i: number): Record<string, number> {
    return Object.fromEntries(this.votes[i] ?? []);
  }

  /** Adds a delta (a board catching up on a batch of ballots and corrections). */
  applyDelta(delta: TallyDelta): void {
    this.ballotsCounted += delta.ballotsCounted;
    this.spoiled += delta.spoiled;
    delta.voidSections.forEach((n, i) => {
      this.voids[i] = (this.voids[i] ?? 0) + n;
    });
    delta.votes.forEach((changes, i) => {
      const votes = this.votes[i];
      if (!votes) return;
      for (const [name, n] of Object.entries(changes)) {
        const next = (votes.get(name) ?? 0) + n;
        if (next === 0) votes.delete(name);
        else votes.set(name, next);
      }
    });
  }

  /** The state, to send as a board's snapshot and restore on the other side. */
  snapshot(): RunningTallyState {
    return {
      seats: [...this.seats],
      tallies: this.seats.map((_, i) => this.tally(i)),
      voidSections: [...this.voids],
      ballotsCounted: this.ballotsCounted,
      spoiled: this.spoiled,
    };
  }

  static restore(state: RunningTallyState): RunningTally {
    const t = new RunningTally(state.seats);
    state.tallies.forEach((entries, i) => {
      for (const e of entries) t.votes[i]!.set(e.id, e.votes);
    });
    state.voidSections.forEach((n, i) => {
      t.voids[i] = n;
    });
    t.ballotsCounted = state.ballotsCounted;
    t.spoiled = state.spoiled;
    return t;
  }
}

/**
 * The net change of a run of ballots and corrections (F3): what a board adds to its tally instead
 * of applying every ballot — its size depends on the candidates, not on how many ballots came.
 */
export interface TallyDelta {
  readonly ballotsCounted: number;
  readonly spoiled: number;
  readonly voidSections: readonly number[];
  /** Per position: votes gained (or lost to a correction) by candidate id or written-in name. */
  readonly votes: readonly Readonly<Record<string, number>>[];
}

/** The delta of ballots added (`sign` 1) and voided (`sign` -1), for positions of these seats. */
export function tallyDelta(seats: readonly number[], ballots: readonly { readonly ballot: { readonly spoiled: boolean; readonly sections: readonly (readonly string[])[] }; readonly sign: 1 | -1 }[]): TallyDelta {
  const t = new RunningTally(seats);
  for (const { ballot, sign } of ballots) t.apply(ballot, sign);
  return {
    ballotsCounted: t.ballotsCounted,
    spoiled: t.spoiled,
    voidSections: seats.map((_, i) => t.voidSections(i)),
    // Negative counts are kept (a correction's), so read the raw map, not the sorted tally.
    votes: seats.map((_, i) => t.rawVotes(i)),
  };
}

export interface RunningTallyState {
  readonly seats: readonly number[];
  readonly tallies: readonly (readonly TallyEntry[])[];
  readonly voidSections: readonly number[];
  readonly ballotsCounted: number;
  readonly spoiled: number;
}

/**
 * F5, F7 — who has secured a seat before the count ends: their votes already reach the threshold
 * of the whole round (computed on `ballotsCast`, the ballots returned, which counting does not
 * change), and even if every uncounted ballot went to the others, fewer than `seats` others could
 * reach or tie them (a tie at the last seat leaves it open, F7). An unseen write-in could get every
 * remaining ballot, so nobody is secured while `remaining` ≥ their votes.
 */
export function securedSeats(tally: readonly TallyEntry[], seats: number, ballotsCast: number, remaining: number, round: Round): string[] {
  const threshold = thresholdFor(round, ballotsCast);
  return tally
    .filter(({ id, votes }) => {
      if (votes < threshold || votes < 1 || remaining >= votes) return false;
      const rivals = tally.filter((o) => o.id !== id && o.votes + remaining >= votes).length;
      return rivals < seats;
    })
    .map((t) => t.id);
}

/**
 * F5/F9 during counting: the most ballots the round can have — the ballots returned once every
 * box is open, else at least those issued (F2: no more can be cast) — on which thresholds and
 * secured seats are judged before the count ends.
 */
export function castBound(s: { readonly ballotsReturned: number; readonly ballotsIssued: number; readonly places: number; readonly boxesOpened: number }): number {
  return s.boxesOpened >= s.places && s.places > 0 ? s.ballotsReturned : Math.max(s.ballotsReturned, s.ballotsIssued);
}

/**
 * What a live board adds after a batch of a count (the server's tallyDeltas): the net tally change
 * of its ballots and corrections, and the boxes opened and closed.
 */
export interface BoardDelta {
  readonly round: number;
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly lastUpdate: string;
  readonly tally: TallyDelta;
  readonly ballotsReturned: number;
  readonly boxesOpened: number;
  readonly boxesClosed: number;
  readonly certified: boolean;
  /** An event of a later round came: the board re-reads the snapshot. */
  readonly newRound: boolean;
}
