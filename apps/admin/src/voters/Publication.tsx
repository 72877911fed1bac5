/**
 * C5–C7: publish the voter list (a frozen version with its SHA-256), the versions published so far
 * and whether each was on time (≥ 20 days before election day), the supplements posted since, and
 * the printable public list.
 */
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { formatDate, formatDateTime, graphql, useLang, useT, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { noOutcome } from '../outcome.ts';

const PublicationQuery = graphql(`
  query VoterListPublication($electionId: ID!) {
    voterListVersions(electionId: $electionId) { id version publishedOn publishedAt publishedBy sha256 voterCount onTime }
    voterListSupplements(electionId: $electionId) { kind reason afterVersion at voter { serial name sex group } }
  }
`);

const PublishMutation = graphql(`
  mutation PublishVoterList($electionId: ID!) {
    publishVoterList(electionId: $electionId) {
      __typename
      ... on VoterListVersion { id version voterCount sha256 }
      ... on UserError { code message }
    }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render.
const refetchOn = { additionalTypenames: ['VoterListVersion', 'Voter', 'VoterDuplicate'] };

type Version = ResultOf<typeof PublicationQuery>['voterListVersions'][number];
type Supplement = ResultOf<typeof PublicationQuery>['voterListSupplements'][number];

export function Publication() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const { community, election, manage } = useArea();
  const [result] = useQuery({
    query: PublicationQuery,
    variables: { electionId: election.id },
    requestPolicy: 'cache-and-network',
    context: refetchOn,
  });
  const [{ fetching }, publish] = useMutation(PublishMutation);
  const versions = result.data?.voterListVersions ?? [];
  const supplements = result.data?.voterListSupplements ?? [];
  const printUrl = `/communities/${encodeURIComponent(community.code)}/print/voter-list`;

  const run = async () => {
    const res = await publish({ electionId: election.id });
    const outcome = res.data?.publishVoterList;
    if (outcome?.__typename === 'VoterListVersion') void message.success(t('publication.published', { version: outcome.version, n: outcome.voterCount }));
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text>
            {t('publication.deadline', { date: formatDate(election.voterList.publishBy, lang) })}
            {election.voterList.overdue ? <Tag color="red" style={{ marginLeft: 8 }}>{t('voters.publicationOverdue')}</Tag> : null}
          </Typography.Text>
          <Space wrap>
            {manage ? (
              <Popconfirm
                title={versions.length > 0 ? t('publication.republishConfirm') : t('publication.confirm')}
                description={t('publication.confirmDetail', { n: election.voterList.registered })}
                onConfirm={() => void run()}
              >
                <Button type="primary" icon={<SendOutlined />} loading={fetching} data-testid="publish-voter-list">
                  {versions.length > 0 ? t('publication.republish') : t('publication.publish')}
                </Button>
              </Popconfirm>
            ) : null}
            <Button icon={<PrinterOutlined />} href={printUrl} target="_blank" disabled={versions.length === 0} data-testid="print-voter-list">
              {t('publication.print')}
            </Button>
          </Space>
        </Space>
      </Card>
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      <Card size="small" title={t('publication.versions')}>
        <Table<Version>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={versions}
          locale={{ emptyText: t('voters.notPublished') }}
          data-testid="voter-list-versions"
          columns={[
            { title: t('publication.version'), dataIndex: 'version', key: 'version', width: 70, render: (v: number) => `#${v}` },
            { title: t('publication.at'), key: 'at', render: (_: unknown, v) => formatDateTime(v.publishedAt, lang) },
            { title: t('publication.by'), dataIndex: 'publishedBy', key: 'by' },
            { title: t('publication.count'), dataIndex: 'voterCount', key: 'count', align: 'right' },
            {
              title: t('publication.onTime'),
              key: 'onTime',
              render: (_: unknown, v) => (
                <Tooltip title={t('publication.onTimeRule', { date: formatDate(election.voterList.publishBy, lang) })}>
                  <Tag color={v.onTime ? 'success' : 'red'}>{t(v.onTime ? 'voters.onTime' : 'voters.late')}</Tag>
                </Tooltip>
              ),
            },
            {
              title: 'SHA-256',
              key: 'sha',
              render: (_: unknown, v) => (
                <Typography.Text code copyable={{ text: v.sha256 }} style={{ fontSize: 12 }} data-testid="voter-list-sha">
                  {v.sha256.slice(0, 16)}…
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('publication.supplements')}>
        <Table<Supplement>
          rowKey={(s) => `${s.voter.serial}-${s.kind}-${s.at}`}
          size="small"
          pagination={supplements.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={supplements}
          locale={{ emptyText: t('publication.noSupplements') }}
          columns={[
            { title: t('publication.at'), key: 'at', render: (_: unknown, s) => formatDateTime(s.at, lang) },
            { title: t('publication.kind'), key: 'kind', render: (_: unknown, s) => <Tag color={s.kind === 'ADD' ? 'green' : 'volcano'}>{t(`supplement.${s.kind}`)}</Tag> },
            { title: t('voters.name'), key: 'name', render: (_: unknown, s) => s.voter.name },
            { title: t('voters.sex'), key: 'sex', render: (_: unknown, s) => t(`sex.${s.voter.sex}`) },
            { title: t('voters.group'), key: 'group', render: (_: unknown, s) => s.voter.group },
            { title: t('publication.reason'), dataIndex: 'reason', key: 'reason' },
            { title: t('publication.afterVersion'), key: 'after', render: (_: unknown, s) => `#${s.afterVersion}` },
          ]}
        />
      </Card>
    </Space>
  );
}
