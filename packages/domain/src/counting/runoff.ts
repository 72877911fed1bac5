// F9, F10 — VCOL Art. 15: open seats go to a run-off (另行选举) among the not-elected with most votes
import { compareTallyEntries } from './tally.ts';
import type { TallyEntry } from './types.ts';

/**
 * F9: the run-off pool of one position — everyone not elected to any position in this round, by
 * votes: the people in its tally (write-ins included) and, with 0 votes, its formal candidates who
 * got none. Decision: formal candidates with no vote are in the pool (they were on the ballot);
 * people elected to another position in the round are not ("the people not elected").
 */
export function runoffPool(
  tally: readonly TallyEntry[],
  formalCandidates: readonly string[],
  electedInRound: ReadonlySet<string>,
  accept: (id: string) => boolean,
): TallyEntry[] {
  const pool: TallyEntry[] = [];
  const seen = new Set<string>();
  for (const entry of tally) {
    seen.add(entry.id);
    if (!electedInRound.has(entry.id) && accept(entry.id)) pool.push(entry);
  }
  for (const id of formalCandidates) {
    if (seen.has(id) || electedInRound.has(id) || !accept(id)) continue;
    seen.add(id);
    pool.push({ id, votes: 0 });
  }
  return pool.sort(compareTallyEntries);
}

/**
 * F9: the `count` (= vacancies + runoffMargin) people with most votes from a pool in tally order.
 * Decision on a tie at the cut: everyone with the votes of the last place is included, so the list
 * can be longer than `count` — nobody is left out by an order the law does not give (the id order
 * is not a rule), and a longer list is still competitive (差额). The election committee may narrow
 * it by a preliminary vote where a province so provides.
 */
export function topWithTiesAtCut(pool: readonly TallyEntry[], count: number): TallyEntry[] {
  if (count <= 0) return [];
  const last = pool[count - 1];
  if (last === undefined) return [...pool];
  let end = count;
  while (end < pool.length && pool[end]?.votes === last.votes) end++;
  return pool.slice(0, end);
}
