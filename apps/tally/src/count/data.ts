/** What the counting screens read about an election, and the ballot's sections built from it. */
import { graphql, type ResultOf } from '@huanjie/ui/graphql';
import { localIdOf } from '../api/request.ts';
import { CANDIDATE_KEYS, type EntrySection } from './draft.ts';

export const CountElectionQuery = graphql(`
  query CountElection($id: ID!) {
    node(id: $id) {
      __typename
      ... on Election {
        id
        electionDay
        community { id code name kind }
        pollingPlaces { id name boxNumber kind }
        ballotLayout { position candidates { id name } }
        countRounds {
          id number kind certifiedAt
          positions { id title seats }
          candidates { id name position }
          boxes { id status ballotsReturned counted ballotsIssuedHere openedAt closedAt place { id name boxNumber } tallySheets { status sheets { slot } } }
        }
      }
    }
  }
`);

export type CountElection = Extract<NonNullable<ResultOf<typeof CountElectionQuery>['node']>, { __typename: 'Election' }>;
export type CountRoundData = CountElection['countRounds'][number];
export type BoxData = CountRoundData['boxes'][number];
export type PlaceData = CountElection['pollingPlaces'][number];

/** The round counting goes on in: the latest, unless none exists yet (opening a box creates round 1). */
export function currentRound(election: CountElection): CountRoundData | null {
  return election.countRounds.at(-1) ?? null;
}

/**
 * The sections of the round's ballot with a key per candidate. The first round follows the
 * printed ballot's order (ballotLayout: stroke order, D3–D4) so that key n is the n-th name on
 * paper; a run-off keeps the order the determination gave its candidates.
 */
export function sectionsOf(round: Pick<CountRoundData, 'positions' | 'candidates' | 'kind'>, layout: CountElection['ballotLayout']): EntrySection[] {
  const printedOrder = new Map<string, number>();
  if (round.kind === 'first') {
    for (const section of layout) {
      section.candidates.forEach((c, i) => {
        const id = localIdOf(c.id);
        if (id !== null) printedOrder.set(`c${id}`, i);
      });
    }
  }
  return round.positions.map((p) => {
    const candidates = round.candidates
      .filter((c) => c.position === p.id)
      .map((c, i) => ({ c, order: printedOrder.get(c.id) ?? 1_000 + i }))
      .sort((a, b) => a.order - b.order)
      .map(({ c }, i) => ({ id: c.id, name: c.name, key: CANDIDATE_KEYS[i] ?? '' }));
    return { id: p.id, title: p.title, seats: p.seats, candidates };
  });
}
