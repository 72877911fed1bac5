// F6, F11 — PROV: votes for a higher position count toward a lower one; nobody takes two seats in one round
import { compareTallyEntries, directTally } from './tally.ts';
import type { Tally } from './tally.ts';
import type { TallyEntry } from './types.ts';

/**
 * F6 (option `aggregateAcrossPositions`): a person's votes for a lower position are the ballots
 * whose valid sections list them at that position or any higher one, each ballot once ("at the
 * highest position marked"). F11: people elected to a higher position are removed from the lower
 * positions' tallies before those are decided.
 *
 * Decision: F6 carries votes down to every lower position, also to positions the person was not
 * marked for (that is what makes it aggregation), and does so for people tied or short of the
 * threshold at the higher one alike — neither is "elected to the higher one".
 */
export function aggregatedTally(
  tally: Tally,
  position: number,
  electedHigher: ReadonlySet<string>,
): TallyEntry[] {
  const entries: TallyEntry[] = [];
  const stride = tally.positionCount;
  for (let person = 0; person < tally.names.length; person++) {
    const id = tally.names[person] ?? '';
    if (electedHigher.has(id)) continue;
    let votes = 0;
    for (let p = 0; p <= position; p++) votes += tally.firstMarks[person * stride + p] ?? 0;
    if (votes > 0) entries.push({ id, votes });
  }
  return entries.sort(compareTallyEntries);
}

/**
 * F6, F11: the tally a position is decided on. Without F6 it is the direct tally, and F11 is applied when
 * seats are filled (see `eligibleFor`): a person elected higher stays in the tally — the votes were
 * cast — but cannot take a seat here.
 */
export function positionTally(
  tally: Tally,
  position: number,
  aggregateAcrossPositions: boolean,
  electedHigher: ReadonlySet<string>,
): TallyEntry[] {
  return aggregateAcrossPositions
    ? aggregatedTally(tally, position, electedHigher)
    : directTally(tally, position);
}

/** F11: who may take a seat of this position — everyone in its tally not elected to a higher one. */
export function eligibleFor(entries: readonly TallyEntry[], electedHigher: ReadonlySet<string>): TallyEntry[] {
  return entries.filter((entry) => !electedHigher.has(entry.id));
}
