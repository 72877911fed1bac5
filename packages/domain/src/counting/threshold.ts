// F5, F9 — VCOL Art. 15: first round more than half of the ballots cast; run-off at least one third
import { assertNever } from '../basics.ts';
import type { Round } from './types.ts';

/** F5: `votes × 2 > ballotsCast`, i.e. ⌊ballotsCast/2⌋ + 1 — exactly half is not a majority. */
export function firstRoundThreshold(ballotsCast: number): number {
  return Math.floor(ballotsCast / 2) + 1;
}

/** F9: `votes × 3 ≥ ballotsCast`, i.e. ⌈ballotsCast/3⌉ — exactly one third wins. */
export function runoffThreshold(ballotsCast: number): number {
  return Math.ceil(ballotsCast / 3);
}

/** F5, F9: the least votes that can win in this round (spoiled ballots count in `ballotsCast`, F3). */
export function thresholdFor(round: Round, ballotsCast: number): number {
  switch (round) {
    case 'first':
      return firstRoundThreshold(ballotsCast);
    case 'runoff':
      return runoffThreshold(ballotsCast);
    default:
      return assertNever(round, 'round');
  }
}

/**
 * F5, F9: whether `votes` reach the threshold. Decision: a seat needs at least one vote, even in a run-off
 * where no ballot was returned and ⌈0/3⌉ = 0 — nobody is elected by nobody.
 */
export function reachesThreshold(votes: number, threshold: number): boolean {
  return votes >= threshold && votes > 0;
}
