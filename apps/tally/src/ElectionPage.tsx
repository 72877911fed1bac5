/** One election's counting day: which election it is, and its four screens. */
import { Alert, Button, Card, Descriptions, Spin, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage, formatDate, graphql, useLang, useT } from '@huanjie/ui';
import { useTallyT, type TallyKey } from './messages.ts';

const ElectionQuery = graphql(`
  query TallyElection($id: ID!) {
    node(id: $id) {
      __typename
      ... on Election { id electionDay community { id code name kind area } cycle { id name } }
    }
  }
`);

const SCREENS: readonly { path: string; title: TallyKey; hint: TallyKey; external?: boolean }[] = [
  { path: 'checkin', title: 'nav.checkin', hint: 'hub.checkin' },
  { path: 'count', title: 'nav.count', hint: 'hub.count' },
  { path: 'results', title: 'nav.results', hint: 'hub.results' },
  { path: 'board', title: 'nav.board', hint: 'hub.board', external: true },
];

export function ElectionPage() {
  const t = useT();
  const tt = useTallyT();
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
  const id = encodeURIComponent(election.id);
  return (
    <div data-testid="tally-election">
      <Typography.Title level={1} style={{ fontSize: 44 }}>
        {election.community.name}
      </Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={3} styles={{ label: { fontSize: 20 }, content: { fontSize: 24, fontWeight: 600 } }}>
          <Descriptions.Item label={t('tally.electionDay')}>{formatDate(election.electionDay, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('tally.cycle')}>{election.cycle.name}</Descriptions.Item>
          <Descriptions.Item label={t('communities.kind')}>{t(`kind.${election.community.kind}`)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 24, marginBottom: 24 }}>
        {SCREENS.map((s) => {
          const card = (
            <Card hoverable style={{ height: '100%' }}>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {tt(s.title)}
              </Typography.Title>
              <div style={{ fontSize: 18, color: '#555' }}>{tt(s.hint)}</div>
            </Card>
          );
          return s.external ? (
            // The board opens in its own window, for the projector; it needs no sign-in.
            <a key={s.path} href={`/tally/board/${id}`} target="_blank" rel="noreferrer" data-testid={`screen-${s.path}`}>
              {card}
            </a>
          ) : (
            <Link key={s.path} to={`/e/${id}/${s.path}`} data-testid={`screen-${s.path}`}>
              {card}
            </Link>
          );
        })}
      </div>
      {back}
    </div>
  );
}
