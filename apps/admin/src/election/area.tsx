/**
 * A community's election area: the community's name, and tabs for its overview, voters, candidates
 * and polling (/communities/:code, …/voters, …/candidates, …/polling). The tabs read the community
 * and its election from useArea().
 */
import { createContext, useContext } from 'react';
import { Alert, Breadcrumb, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { formatDate, graphql, useLang, useT, useViewer, type ResultOf } from '@huanjie/ui';
import { canManageCommunity } from '../permissions.ts';
import { noOutcome } from '../outcome.ts';

const AreaQuery = graphql(`
  query CommunityArea($code: String!) {
    community(code: $code) {
      id code name kind
      groups { id name }
      election {
        id
        electionDay
        cycle { id name }
        checklist { step key title titleEn deadline status daysLeft doneOn late }
        voterList { publishBy overdue registered latest { id version publishedOn onTime } }
        formalListDeadline
        formalListPublishedOn
        overdueObjections
      }
    }
  }
`);

export type AreaCommunity = NonNullable<ResultOf<typeof AreaQuery>['community']>;
export type AreaElection = NonNullable<AreaCommunity['election']>;

export interface Area {
  readonly community: AreaCommunity;
  readonly election: AreaElection;
  /** The account may change this community's election (the server decides anyway). */
  readonly manage: boolean;
}

const AreaContext = createContext<Area | null>(null);

/** The community and election of the area a tab is shown in. */
export function useArea(): Area {
  const area = useContext(AreaContext);
  if (!area) throw new Error('useArea() needs <CommunityArea> with an election');
  return area;
}

// What the header shows changes with almost every mutation of the tabs: refetch on all of them.
const areaTypenames = [
  'Election', 'Voter', 'VoterImport', 'VoterListVersion', 'VoterObjection', 'VoterDuplicate',
  'SeatPlan', 'Candidate', 'PublishedCandidateList', 'Group', 'ChecklistStep',
];
// Module-level: urql re-runs a query whose context object is new on every render.
const refetchOn = { additionalTypenames: areaTypenames };

type TabKey = 'overview' | 'voters' | 'candidates' | 'polling';
const tabs: readonly TabKey[] = ['overview', 'voters', 'candidates', 'polling'];

export function CommunityArea() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const { me } = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const [result] = useQuery({ query: AreaQuery, variables: { code }, requestPolicy: 'cache-and-network', context: refetchOn });
  const community = result.data?.community;
  const base = `/communities/${encodeURIComponent(code)}`;
  const rest = location.pathname.slice(base.length).split('/')[1] ?? '';
  const active: TabKey = tabs.find((k) => k === rest) ?? 'overview';

  const breadcrumb = <Breadcrumb items={[{ title: <Link to="/communities">{t('nav.communities')}</Link> }, { title: community?.name ?? code }]} />;
  if (result.error && !community) return <Space orientation="vertical">{breadcrumb}<Alert type="error" showIcon title={noOutcome(result.error, t)} /></Space>;
  if (!community) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {breadcrumb}
        {result.fetching ? <Card loading /> : <Empty description={t('community.notFound', { code })} />}
      </Space>
    );
  }
  const election = community.election;
  const area: Area | null = election ? { community, election, manage: canManageCommunity(me, community.id) } : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {breadcrumb}
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="community-title">
          {community.name}
          {election ? (
            <Typography.Text type="secondary" style={{ fontSize: 15, marginLeft: 12, fontWeight: 400 }}>
              {t('community.electionDay', { date: formatDate(election.electionDay, lang) })}
            </Typography.Text>
          ) : null}
          {election && election.overdueObjections > 0 ? (
            <Tag color="red" style={{ marginLeft: 12 }}>
              {t('overview.overdueObjections', { n: election.overdueObjections })}
            </Tag>
          ) : null}
        </Typography.Title>
        <Tabs
          activeKey={active}
          onChange={(key) => navigate(key === 'overview' ? base : `${base}/${key}`)}
          items={tabs.map((key) => ({ key, label: <span data-testid={`tab-${key}`}>{t(`tabs.${key}`)}</span>, disabled: key !== 'overview' && !election }))}
          style={{ marginBottom: -8 }}
        />
      </div>
      {active === 'overview' || area ? (
        <AreaContext.Provider value={area}>
          <Outlet />
        </AreaContext.Provider>
      ) : (
        <Empty description={t('community.noElection')} />
      )}
    </Space>
  );
}
