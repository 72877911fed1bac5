/** The landing page: every community's stage, election day, progress and what is overdue. */
import type { HTMLAttributes } from 'react';
import { Alert, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { stageLabel } from '../stage.ts';
import { errorMessage, formatDate, formatNumber, graphql, useLang, useT, type ResultOf } from '@huanjie/ui';

const OverviewQuery = graphql(`
  query Overview {
    overview {
      today
      communities
      townCentre
      rural
      groups
      households
      population
      overdueCommunities
      cycle { id name }
      rows {
        community { id code name kind area }
        election {
          id
          electionDay
          stage
          checklist { step key title titleEn status }
          overdueSteps { step key title titleEn daysLeft }
          overdueObjections
          unsignedCommitments
          voterList { overdue publishBy }
        }
      }
    }
  }
`);

type OverviewRow = ResultOf<typeof OverviewQuery>['overview']['rows'][number];

const refetchOn = { additionalTypenames: ['Community', 'Election', 'Cycle', 'Group', 'ImportReport', 'VoterObjection', 'VoterListVersion', 'Candidate'] };

export function OverviewPage() {
  const t = useT();
  const [lang] = useLang();
  const [result] = useQuery({ query: OverviewQuery, requestPolicy: 'cache-and-network', context: refetchOn });
  const overview = result.data?.overview;
  if (result.error && !overview) return <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} />;

  const columns = [
    {
      title: t('overview.community'),
      key: 'community',
      render: (_: unknown, r: OverviewRow) => (
        <Space size="small" wrap>
          <Link to={`/communities/${encodeURIComponent(r.community.code)}`} style={{ fontWeight: 500 }}>
            {r.community.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.community.code} · {t(`kindShort.${r.community.kind}`)} · {t(`area.${r.community.area}`)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('overview.electionDay'),
      key: 'electionDay',
      render: (_: unknown, r: OverviewRow) => (r.election ? formatDate(r.election.electionDay, lang) : <Typography.Text type="secondary">{t('overview.noElection')}</Typography.Text>),
    },
    {
      title: t('overview.stage'),
      key: 'stage',
      render: (_: unknown, r: OverviewRow) => {
        const e = r.election;
        if (!e) return null;
        return e.stage === null ? <Tag color="success">{t('overview.complete')}</Tag> : stageLabel(e, t, lang);
      },
    },
    {
      title: t('overview.stepsDone'),
      key: 'done',
      width: 170,
      render: (_: unknown, r: OverviewRow) => {
        if (!r.election) return null;
        const total = r.election.checklist.length;
        const done = r.election.checklist.filter((s) => s.status === 'DONE').length;
        return (
          <Space>
            <span data-testid={`steps-done-${r.community.code}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {done}/{total}
            </span>
            <Progress percent={total ? Math.round((done / total) * 100) : 0} steps={total} size={[10, 12]} showInfo={false} />
          </Space>
        );
      },
    },
    {
      title: t('overview.overdue'),
      key: 'overdue',
      render: (_: unknown, r: OverviewRow) => <OverdueCell row={r} />,
    },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('overview.title')}
          {overview?.cycle ? <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 12 }}>{overview.cycle.name}</Typography.Text> : null}
        </Typography.Title>
        {overview ? <Typography.Text type="secondary">{t('overview.today', { date: formatDate(overview.today, lang) })}</Typography.Text> : null}
      </div>
      {overview && !overview.cycle ? <Alert type="info" showIcon title={t('overview.noCycle')} /> : null}
      <Row gutter={16}>
        <Col xs={12} lg={5}>
          <Card size="small">
            <Statistic title={t('overview.communities')} value={overview?.communities ?? 0} loading={!overview} />
            {overview ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('overview.communitiesDetail', { town: overview.townCentre, rural: overview.rural })}</Typography.Text> : null}
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card size="small">
            <Statistic title={t('overview.groups')} value={overview ? formatNumber(overview.groups, lang) : 0} loading={!overview} />
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card size="small">
            <Statistic title={t('overview.households')} value={overview ? formatNumber(overview.households, lang) : 0} loading={!overview} />
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <Statistic title={t('overview.population')} value={overview ? formatNumber(overview.population, lang) : 0} loading={!overview} />
          </Card>
        </Col>
        <Col xs={24} lg={5}>
          <Card size="small">
            <Statistic
              title={t('overview.overdueCommunities')}
              value={overview?.overdueCommunities ?? 0}
              loading={!overview}
              styles={{ content: { color: overview && overview.overdueCommunities > 0 ? '#cf1322' : '#3f8600' } }}
              data-testid="overdue-communities"
            />
          </Card>
        </Col>
      </Row>
      <Table<OverviewRow>
        rowKey={(r) => r.community.id}
        columns={columns}
        dataSource={overview?.rows ?? []}
        loading={!overview && result.fetching}
        pagination={false}
        size="small"
        locale={{ emptyText: <Empty description={t('overview.empty')} /> }}
        onRow={(r) => ({ 'data-testid': `overview-row-${r.community.code}` }) as HTMLAttributes<HTMLElement>}
      />
    </Space>
  );
}

/**
 * The row's overdue steps, an unpublished voter list past its day (C5) and objections undecided
 * after 3 days (C6) in red; formal candidates without a signed commitment letter (D5) in orange.
 */
function OverdueCell({ row: r }: { readonly row: OverviewRow }) {
  const t = useT();
  const [lang] = useLang();
  const e = r.election;
  const stepTitle = (s: { title: string; titleEn: string }) => (lang === 'zh-CN' ? s.title : s.titleEn);
  if (!e || (e.overdueSteps.length === 0 && !e.voterList.overdue && e.overdueObjections === 0 && e.unsignedCommitments === 0)) {
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  }
  const base = `/communities/${encodeURIComponent(r.community.code)}`;
  return (
    <Space size={[0, 4]} wrap>
      {e.overdueSteps.map((s) => (
        <Tooltip key={s.key} title={s.daysLeft !== null ? t('community.daysOver', { n: -s.daysLeft }) : undefined}>
          <Tag color="red" data-testid={`overdue-${r.community.code}-${s.key}`}>
            {s.step}. {stepTitle(s)}
          </Tag>
        </Tooltip>
      ))}
      {e.voterList.overdue ? (
        <Tooltip title={t('overview.voterListDue', { date: formatDate(e.voterList.publishBy, lang) })}>
          <Link to={`${base}/voters?view=publication`}>
            <Tag color="red" data-testid={`overdue-${r.community.code}-voter-list`}>
              {t('overview.voterListOverdue')}
            </Tag>
          </Link>
        </Tooltip>
      ) : null}
      {e.overdueObjections > 0 ? (
        <Link to={`${base}/voters?view=objections`}>
          <Tag color="red" data-testid={`overdue-${r.community.code}-objections`}>
            {t('overview.overdueObjections', { n: e.overdueObjections })}
          </Tag>
        </Link>
      ) : null}
      {e.unsignedCommitments > 0 ? (
        <Link to={`${base}/candidates`}>
          <Tag color="orange" data-testid={`unsigned-${r.community.code}`}>
            {t('overview.unsignedCommitments', { n: e.unsignedCommitments })}
          </Tag>
        </Link>
      ) : null}
    </Space>
  );
}
