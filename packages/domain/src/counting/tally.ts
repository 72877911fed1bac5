// F3 — VCOL Art. 15: every returned ballot is read and tallied, in one pass, write-ins by the name written
import type { Overvote } from '../profile.ts';
import { MarkReader, overmarkVoidsBallot, sectionIsOvermarked } from './section.ts';
import type { CountBallot, CountPosition, TallyEntry } from './types.ts';

/**
 * The raw count of one round, flat arrays indexed `person × positions.length + position`:
 * - `votes`: valid sections listing the person;
 * - `firstMarks`: ballots on which this position is the highest whose valid section lists the
 *   person — what F6 aggregates ("on one ballot a person counts at most once, at the highest
 *   position marked").
 */
export interface Tally {
  readonly positionCount: number;
  /** person index → candidate id or written name */
  readonly names: readonly string[];
  readonly votes: readonly number[];
  readonly firstMarks: readonly number[];
  /** per position: ballots whose section for it was over-marked (F4) */
  readonly voidSections: readonly number[];
}

/**
 * F3, F4: one pass over the ballots, O(ballots × marks): no per-ballot allocation, no quadratic step.
 * Spoiled ballots (废票) count in ballotsCast only. Decision (F4, `overvote: "ballot"`):
 * `voidSections` counts the over-marked sections themselves; the other sections of a ballot voided
 * as a whole are discarded with it but are not reported as void sections.
 */
export function tallyBallots(
  positions: readonly CountPosition[],
  ballots: readonly CountBallot[],
  overvote: Overvote,
): Tally {
  const positionCount = positions.length;
  const seats = positions.map((p) => p.seats);
  const votes: number[] = [];
  const firstMarks: number[] = [];
  const lastBallot: number[] = [];
  const reader = new MarkReader(() => {
    for (let p = 0; p < positionCount; p++) {
      votes.push(0);
      firstMarks.push(0);
    }
    lastBallot.push(-1);
  });
  const voidsBallot = overmarkVoidsBallot(overvote);
  const voidSections = positions.map(() => 0);
  const buffer: number[] = [];
  const sectionStart = positions.map(() => 0);
  const sectionLength = positions.map(() => 0);
  const sectionVoid = positions.map(() => false);

  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b];
    if (ballot === undefined || ballot.kind === 'spoiled') continue;
    const sections = ballot.sections;
    let at = 0;
    let overmarked = false;
    for (let p = 0; p < positionCount; p++) {
      const marks = sections[p];
      const distinct = marks === undefined ? 0 : reader.readSection(marks, buffer, at);
      const isVoid = sectionIsOvermarked(distinct, seats[p] ?? 0);
      sectionStart[p] = at;
      sectionLength[p] = distinct;
      sectionVoid[p] = isVoid;
      if (isVoid) {
        voidSections[p] = (voidSections[p] ?? 0) + 1;
        overmarked = true;
      }
      at += distinct;
    }
    if (overmarked && voidsBallot) continue;
    // Positions are highest first, so the first valid section listing a person is their highest.
    for (let p = 0; p < positionCount; p++) {
      if (sectionVoid[p] === true) continue;
      const start = sectionStart[p] ?? 0;
      const end = start + (sectionLength[p] ?? 0);
      for (let k = start; k < end; k++) {
        const person = buffer[k] ?? 0;
        const cell = person * positionCount + p;
        votes[cell] = (votes[cell] ?? 0) + 1;
        if (lastBallot[person] !== b) {
          lastBallot[person] = b;
          firstMarks[cell] = (firstMarks[cell] ?? 0) + 1;
        }
      }
    }
  }
  return { positionCount, names: reader.names, votes, firstMarks, voidSections };
}

/** Tally order of counting-format.md: votes descending, then id ascending by UTF-16 code units. */
export function compareTallyEntries(a: TallyEntry, b: TallyEntry): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The direct tally of one position: everyone with at least one vote, in tally order. */
export function directTally(tally: Tally, position: number): TallyEntry[] {
  const entries: TallyEntry[] = [];
  for (let person = 0; person < tally.names.length; person++) {
    const votes = tally.votes[person * tally.positionCount + position] ?? 0;
    if (votes > 0) entries.push({ id: tally.names[person] ?? '', votes });
  }
  return entries.sort(compareTallyEntries);
}
