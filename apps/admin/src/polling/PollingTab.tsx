/**
 * Polling of one community (rules.md E): the election day, turnout, polling places and their ballot
 * boxes, counting staff, near-relative ties (for the conflict checks) and proxies.
 */
import { Alert, Card, Col, Row, Space, Statistic } from 'antd';
import { useQuery } from 'urql';
import { formatNumber, graphql, useLang, useT } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { StepDeadline } from '../election/StepDeadline.tsx';
import { noOutcome } from '../outcome.ts';
import { PollingPlacesCard } from './PollingPlaces.tsx';
import { StaffCard } from './Staff.tsx';
import { KinshipCard } from './Kinship.tsx';
import { ProxiesCard } from './Proxies.tsx';

const PollingQuery = graphql(`
  query Polling($electionId: ID!) {
    node(id: $electionId) {
      id
      ... on Election {
        turnout { registered issued majority }
        pollingPlaces { id kind name boxNumber }
        staff { role voter { id name group } place { id name boxNumber } }
        proxies { relation writtenOn principal { id name group } holder { id name group } }
      }
    }
  }
`);

const refetchOn = { additionalTypenames: ['PollingPlace', 'Staff', 'Proxy', 'Kinship', 'Candidate'] };

export function PollingTab() {
  const t = useT();
  const [lang] = useLang();
  const { election } = useArea();
  const [result] = useQuery({ query: PollingQuery, variables: { electionId: election.id }, requestPolicy: 'cache-and-network', context: refetchOn });
  const node = result.data?.node;
  const data = node && 'pollingPlaces' in node ? node : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={16} align="middle">
          <Col flex="auto">
            <StepDeadline election={election} step="ELECTION" label={t('polling.stepDeadline')} />
          </Col>
          {data ? (
            <>
              <Col>
                <Statistic title={t('polling.registered')} value={formatNumber(data.turnout.registered, lang)} />
              </Col>
              <Col>
                <Statistic
                  title={t('polling.issued')}
                  value={formatNumber(data.turnout.issued, lang)}
                  styles={{ content: { color: data.turnout.majority ? '#3f8600' : undefined } }}
                />
              </Col>
            </>
          ) : null}
        </Row>
      </Card>
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      <PollingPlacesCard places={data?.pollingPlaces ?? []} loading={!data && result.fetching} />
      <StaffCard staff={data?.staff ?? []} places={data?.pollingPlaces ?? []} />
      <ProxiesCard proxies={data?.proxies ?? []} />
      <KinshipCard />
    </Space>
  );
}
