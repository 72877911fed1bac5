/** What check-in reads: the places, the proxies (E3), the current round, and voters by search or certificate. */
import { graphql, type ResultOf } from '@huanjie/ui/graphql';

export const CheckInElectionQuery = graphql(`
  query CheckInElection($id: ID!) {
    node(id: $id) {
      __typename
      ... on Election {
        id
        community { id code name }
        pollingPlaces { id name boxNumber kind }
        proxies { relation holder { id name } principal { id name } }
        countRounds { number kind certifiedAt }
      }
    }
  }
`);

export const VoterSearchQuery = graphql(`
  query CheckInVoters($electionId: ID!, $search: String) {
    voters(electionId: $electionId, search: $search, first: 8) {
      edges { node { id name sex group serial residentId } }
    }
  }
`);

export const VoterByCertificateQuery = graphql(`
  query CheckInCertificate($electionId: ID!, $code: String!) {
    voterByCertificate(electionId: $electionId, code: $code) { id name sex group serial residentId }
  }
`);

export const IssueBallotMutation = graphql(`
  mutation CheckInIssue($electionId: ID!, $placeId: ID!, $voterId: ID!, $proxyHolderId: ID, $round: Int) {
    issueBallot(electionId: $electionId, placeId: $placeId, voterId: $voterId, proxyHolderId: $proxyHolderId, round: $round) {
      __typename
      ... on BallotIssue { round voter { id name } proxyHolder { id name } }
      ... on Error { code message }
    }
  }
`);

export const TurnoutQuery = graphql(`
  query CheckInTurnout($id: ID!, $round: Int) {
    node(id: $id) { __typename ... on Election { id turnout(round: $round) { issued registered majority round } } }
  }
`);

export const TurnoutSubscription = graphql(`
  subscription CheckInTurnoutLive($electionId: ID!) {
    turnout(electionId: $electionId) { issued registered majority round }
  }
`);

export type CheckInElection = Extract<NonNullable<ResultOf<typeof CheckInElectionQuery>['node']>, { __typename: 'Election' }>;
export type Proxy = CheckInElection['proxies'][number];
export type FoundVoter = ResultOf<typeof VoterSearchQuery>['voters']['edges'][number]['node'];
export type Turnout = ResultOf<typeof TurnoutSubscription>['turnout'];

/** A scanned QR code ("HJV1:T001-00000004") or a typed certificate serial ("T001-00000004"). */
export function isCertificateCode(text: string): boolean {
  return /^HJV1:/i.test(text) || /^[A-Za-z0-9]+-\d{6,}$/.test(text);
}

/**
 * The round ballots are issued for: a run-off not yet certified needs new ballots; otherwise the
 * first round (issuance happens before counting starts).
 */
export function issuanceRound(election: CheckInElection): { readonly number: number; readonly runoff: boolean } {
  const last = election.countRounds.at(-1);
  return last && last.kind === 'runoff' && !last.certifiedAt ? { number: last.number, runoff: true } : { number: 1, runoff: false };
}
