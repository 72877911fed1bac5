// A2, F8 — VCOL Art. 6: the committee should include a woman; option womenSeat "reserved-member" enforces it
import { fillSeats } from './seats.ts';
import type { SeatFill } from './seats.ts';
import type { CountCandidate, Sex, TallyEntry } from './types.ts';

/**
 * F8: the position whose last seat is reserved ("the last member seat"), by the id counting-format.md
 * gives 委员. An election without a `member` position (a director-only run-off, say) reserves nothing.
 */
export const RESERVED_SEAT_POSITION = 'member';

/**
 * A2, F8: who is a woman. Decision: only formal candidates carry a recorded sex; a write-in (另选他人) is a
 * name on a ballot, so the engine cannot count it as a woman — a written-in woman who wins still
 * raises NO_WOMAN_ELECTED for the election committee to clear, and cannot take the reserved seat.
 */
export function womanTest(candidates: readonly CountCandidate[]): (id: string) => boolean {
  const sexById = new Map<string, Sex>(candidates.map((c) => [c.id, c.sex]));
  return (id) => sexById.get(id) === 'F';
}

/** A2: NO_WOMAN_ELECTED when none of the people elected is a woman. */
export function noWomanElected(elected: Iterable<string>, isWoman: (id: string) => boolean): boolean {
  for (const id of elected) if (isWoman(id)) return false;
  return true;
}

/** F8: what became of the reserved member seat. */
export type ReservedSeat =
  | { readonly kind: 'woman-elected'; readonly woman: TallyEntry }
  /** women tied for it with the most votes: a new vote among them (F7) */
  | { readonly kind: 'women-tied'; readonly tied: readonly TallyEntry[] }
  /** no woman reached the threshold: the seat is left for the run-off among women */
  | { readonly kind: 'open-for-women' };

export interface ReservedSeatFill {
  /** the other seats − 1, filled by F7 */
  readonly general: SeatFill;
  readonly reserved: ReservedSeat;
}

/**
 * F8, applied when no woman is elected by F5–F7: the last member seat goes to the woman with the
 * most votes among those reaching the threshold instead of the lowest-voted man; the other seats
 * are filled by F7 as if there were one seat fewer. Decisions: women tied for the reserved seat
 * leave it open for a new vote among them (F7); the women contending for it do not also contend
 * for the other seats (they had too few votes to win one, or there would be a woman elected).
 */
export function fillSeatsReservingWomanSeat(
  qualified: readonly TallyEntry[],
  seats: number,
  isWoman: (id: string) => boolean,
): ReservedSeatFill {
  const women = qualified.filter((entry) => isWoman(entry.id));
  const first = women[0];
  if (first === undefined) {
    return { general: fillSeats(qualified, seats - 1), reserved: { kind: 'open-for-women' } };
  }
  const contenders = women.filter((woman) => woman.votes === first.votes);
  const others = qualified.filter((entry) => !contenders.includes(entry));
  return {
    general: fillSeats(others, seats - 1),
    reserved: contenders.length === 1 ? { kind: 'woman-elected', woman: first } : { kind: 'women-tied', tied: contenders },
  };
}
