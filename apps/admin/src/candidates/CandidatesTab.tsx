/**
 * Candidates of one community (rules.md A, B, D): the deadline of the formal list, the seats, direct
 * nomination (海选), the candidates, the formal list check with its publication, and the election
 * committee.
 */
import { Alert, Card, Space } from 'antd';
import { useQuery } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { StepDeadline } from '../election/StepDeadline.tsx';
import { noOutcome } from '../outcome.ts';
import { SeatPlanCard } from './SeatPlan.tsx';
import { ElectionCommitteeCard } from './ElectionCommittee.tsx';
import { CandidatesCard } from './Candidates.tsx';
import { NominationsCard } from './Nominations.tsx';
import { FormalListCard } from './FormalList.tsx';

const BeforeTheVoteQuery = graphql(`
  query BeforeTheVote($electionId: ID!) {
    node(id: $electionId) {
      id
      ... on Election {
        seatPlan { director deputies members reservedWomenSeats }
        electionCommittee { standing chair votes removedReason voter { id name sex group } }
        formalListCheck { ok errors { code rule message } warnings { code rule message } }
      }
    }
  }
`);

// Every change on this tab can change the check: refetch on all of them.
const refetchOn = { additionalTypenames: ['SeatPlan', 'Candidate', 'ElectionCommitteeResult', 'PublishedCandidateList', 'Voter'] };

export function CandidatesTab() {
  const t = useT();
  const { election } = useArea();
  const [result] = useQuery({ query: BeforeTheVoteQuery, variables: { electionId: election.id }, requestPolicy: 'cache-and-network', context: refetchOn });
  const node = result.data?.node;
  const data = node && 'seatPlan' in node ? node : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <StepDeadline election={election} step="NOMINATION" label={t('candidates.stepDeadline')} />
      </Card>
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      {data || !result.fetching ? <SeatPlanCard plan={data?.seatPlan ?? null} /> : <Card loading />}
      <NominationsCard />
      <CandidatesCard />
      <FormalListCard check={data?.formalListCheck ?? null} />
      <ElectionCommitteeCard people={data?.electionCommittee ?? []} />
    </Space>
  );
}
