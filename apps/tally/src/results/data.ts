/** The determination of every round, and who holds which seat once rounds are certified. */
import { graphql, type ResultOf } from '@huanjie/ui/graphql';

export const ResultsQuery = graphql(`
  query ResultsElection($id: ID!) {
    node(id: $id) {
      __typename
      ... on Election {
        id
        electionDay
        community { id code name kind }
        turnout(round: 1) { registered issued }
        countRounds {
          id number kind certifiedAt
          positions { id title seats }
          boxes { id status }
          determination {
            valid ballotsCast explanation invalidReasons warnings
            positions {
              id title seats threshold voidSections vacancies
              elected { id name }
              tied { id name }
              runoffCandidates { id name }
              tally { id name votes }
            }
          }
        }
      }
    }
  }
`);

export const ExportCountQuery = graphql(`
  query ExportCount($electionId: ID!, $round: Int) {
    exportCount(electionId: $electionId, round: $round)
  }
`);

export type ResultsElection = Extract<NonNullable<ResultOf<typeof ResultsQuery>['node']>, { __typename: 'Election' }>;
export type ResultRound = ResultsElection['countRounds'][number];
export type ResultPosition = NonNullable<ResultRound['determination']>['positions'][number];

export interface ElectedPerson {
  readonly id: string;
  readonly name: string;
  readonly positionId: string;
  readonly positionTitle: string;
  readonly votes: number;
  readonly round: number;
}

export interface SeatOutcome {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly elected: readonly ElectedPerson[];
  readonly vacancies: number;
}

/**
 * Per position of the first round: who was elected in the certified rounds (the first, then each
 * run-off for the seats it left open), and how many seats are still open (F9, F10).
 */
export function seatOutcomes(election: ResultsElection): SeatOutcome[] {
  const first = election.countRounds[0];
  if (!first) return [];
  const certified = election.countRounds.filter((r) => r.certifiedAt && r.determination);
  return first.positions.map((p) => {
    const elected: ElectedPerson[] = [];
    for (const round of certified) {
      const result = round.determination?.positions.find((x) => x.id === p.id);
      for (const person of result?.elected ?? []) {
        elected.push({ id: person.id, name: person.name, positionId: p.id, positionTitle: p.title, votes: result?.tally.find((e) => e.id === person.id)?.votes ?? 0, round: round.number });
      }
    }
    return { id: p.id, title: p.title, seats: p.seats, elected, vacancies: Math.max(0, p.seats - elected.length) };
  });
}

/** The latest round, if certified with seats open that a run-off can fill. */
export function runoffNeeded(election: ResultsElection): boolean {
  const last = election.countRounds.at(-1);
  return Boolean(last?.certifiedAt && last.determination?.positions.some((p) => p.vacancies > 0 && p.runoffCandidates.length > 0));
}

/** 'YYYY-MM-DD' of an instant in this browser's time zone. */
export function localDay(instant: string): string {
  const at = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
