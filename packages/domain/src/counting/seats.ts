// F7 — MCA: more qualified people than seats, the most votes win; a tie for the last seat leaves it open
import type { TallyEntry } from './types.ts';

export interface SeatFill {
  readonly elected: readonly TallyEntry[];
  /** the people tied at the last seat(s): those seats stay open for a new vote among them */
  readonly tied: readonly TallyEntry[];
}

/**
 * F7 over the qualified (reaching the threshold, eligible), in tally order. When the people at the
 * last seat have equal votes and there are more of them than seats left, everyone above them is
 * elected, the remaining seats stay open and all of them are listed as tied.
 */
export function fillSeats(qualified: readonly TallyEntry[], seats: number): SeatFill {
  if (seats <= 0) return { elected: [], tied: [] };
  if (qualified.length <= seats) return { elected: qualified, tied: [] };
  const last = qualified[seats - 1];
  const next = qualified[seats];
  if (last === undefined || next === undefined || next.votes < last.votes) {
    return { elected: qualified.slice(0, seats), tied: [] };
  }
  return {
    elected: qualified.filter((entry) => entry.votes > last.votes),
    tied: qualified.filter((entry) => entry.votes === last.votes),
  };
}
