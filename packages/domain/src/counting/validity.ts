// F1, F2 — VCOL Art. 15 (more than half of registered voters take part), MCA (ballots returned ≤ issued)
import type { InvalidReason } from './types.ts';

/** F1: valid only if more than half of the registered voters took part; exactly half is not enough. */
export function turnoutIsMajority(registeredVoters: number, ballotsIssued: number): boolean {
  return ballotsIssued * 2 > registeredVoters;
}

/** F2: more ballots returned than issued voids the round; equal or fewer is valid. */
export function ballotsExceedIssued(ballotsIssued: number, ballotsCast: number): boolean {
  return ballotsCast > ballotsIssued;
}

/**
 * The reasons a round is void, empty when it is valid. Decision: when both apply, they are listed
 * in the order of counting-format.md's example (BALLOTS_EXCEED_VOTERS, then TURNOUT_NOT_MAJORITY).
 * F9: a run-off must pass F1 as well, so the same checks apply to both rounds.
 */
export function roundInvalidReasons(
  registeredVoters: number,
  ballotsIssued: number,
  ballotsCast: number,
): readonly InvalidReason[] {
  const reasons: InvalidReason[] = [];
  if (ballotsExceedIssued(ballotsIssued, ballotsCast)) reasons.push('BALLOTS_EXCEED_VOTERS');
  if (!turnoutIsMajority(registeredVoters, ballotsIssued)) reasons.push('TURNOUT_NOT_MAJORITY');
  return reasons;
}
