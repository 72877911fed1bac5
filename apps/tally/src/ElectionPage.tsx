/** One election's counting screen. For now: which election it is; counting comes in its own issue. */
import { Alert, Button, Card, Descriptions, Spin, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, formatDate, graphql, useLang, useT } from '@huanjie/ui';

const ElectionQuery = graphql(`
  query TallyElection($id: ID!) {
    node(id: $id) {
      __typename
      ... on Election { id electionDay community { id code name kind area } cycle { id name } }
    }
  }
`);

export function ElectionPage() {
  const t = useT();
  const [lang] = useLang();
  const { electionId = '' } = useParams();
  const navigate = useNavigate();
  const [result] = useQuery({ query: ElectionQuery, variables: { id: electionId } });
  const node = result.data?.node;
  const election = node?.__typename === 'Election' ? node : null;
  const back = (
    <Button size="large" onClick={() => navigate('/')} data-testid="back">
      {t('tally.back')}
    </Button>
  );
  if (result.fetching && !result.data) return <Spin size="large" />;
  if (!election) {
    return (
      <>
        <Alert type="warning" showIcon title={result.error ? errorMessage(result.error, t('tally.notFound')) : t('tally.notFound')} style={{ marginBottom: 24 }} />
        {back}
      </>
    );
  }
  return (
    <div data-testid="tally-election">
      <Typography.Title level={1} style={{ fontSize: 44 }}>
        {election.community.name}
      </Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={1} styles={{ label: { fontSize: 20 }, content: { fontSize: 24, fontWeight: 600 } }}>
          <Descriptions.Item label={t('tally.electionDay')}>{formatDate(election.electionDay, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('tally.cycle')}>{election.cycle.name}</Descriptions.Item>
          <Descriptions.Item label={t('communities.kind')}>{t(`kind.${election.community.kind}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Alert type="info" showIcon title={t('tally.placeholder')} style={{ fontSize: 20, marginBottom: 24 }} />
      {back}
    </div>
  );
}
