/**
 * D2, D3, D5, D6, A2: the formal list checked whole — errors block publication, warnings are shown —
 * its publication (≥ 5 days before election day) in surname stroke order, and the printable list
 * and ballot.
 */
import { Alert, App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import { PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { formatDate, graphql, useLang, useT } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { noOutcome } from '../outcome.ts';

const PublishCandidateListMutation = graphql(`
  mutation PublishCandidateList($electionId: ID!) {
    publishCandidateList(electionId: $electionId) {
      __typename
      ... on PublishedCandidateList { publishedOn entries { position name } warnings { code rule message } }
      ... on UserError { code message }
    }
  }
`);

export interface RuleReport {
  readonly ok: boolean;
  readonly errors: readonly { readonly code: string; readonly rule: string; readonly message: string }[];
  readonly warnings: readonly { readonly code: string; readonly rule: string; readonly message: string }[];
}

export function FormalListCard({ check }: { readonly check: RuleReport | null }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const { community, election, manage } = useArea();
  const [{ fetching }, publish] = useMutation(PublishCandidateListMutation);
  const base = `/communities/${encodeURIComponent(community.code)}/print`;

  const run = async () => {
    const res = await publish({ electionId: election.id });
    const outcome = res.data?.publishCandidateList;
    if (outcome?.__typename === 'PublishedCandidateList') void message.success(t('formalList.published', { n: outcome.entries.length, date: formatDate(outcome.publishedOn, lang) }));
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };

  return (
    <Card
      size="small"
      title={t('formalList.title')}
      extra={
        <Space wrap>
          <Button icon={<PrinterOutlined />} href={`${base}/candidates`} target="_blank" data-testid="print-candidates">
            {t('formalList.print')}
          </Button>
          <Button icon={<PrinterOutlined />} href={`${base}/ballot`} target="_blank" data-testid="print-ballot">
            {t('formalList.ballot')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="formal-list-check">
        <Space wrap>
          <Typography.Text>{t('formalList.deadline', { date: formatDate(election.formalListDeadline, lang) })}</Typography.Text>
          {election.formalListPublishedOn ? (
            <Tag color={election.formalListPublishedOn <= election.formalListDeadline ? 'success' : 'orange'} data-testid="formal-list-published">
              {t('formalList.publishedOn', { date: formatDate(election.formalListPublishedOn, lang) })}
            </Tag>
          ) : (
            <Tag>{t('formalList.notPublished')}</Tag>
          )}
        </Space>
        {check === null ? null : check.ok && check.errors.length === 0 ? (
          <Alert type="success" showIcon title={t('formalList.ok')} data-testid="formal-list-ok" />
        ) : null}
        <Problems type="error" problems={check?.errors ?? []} testId="formal-list-error" />
        <Problems type="warning" problems={check?.warnings ?? []} testId="formal-list-warning" />
        {manage ? (
          <Popconfirm title={t('formalList.confirm')} description={t('formalList.confirmDetail')} onConfirm={() => void run()} disabled={!check?.ok}>
            <Button type="primary" icon={<SendOutlined />} disabled={!check?.ok} loading={fetching} data-testid="publish-candidate-list">
              {election.formalListPublishedOn ? t('formalList.republish') : t('formalList.publish')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}

/** A rule check's errors or warnings: one alert each while they are few, one list when they are many. */
function Problems({ type, problems, testId }: { readonly type: 'error' | 'warning'; readonly problems: RuleReport['errors']; readonly testId: string }) {
  const t = useT();
  const line = (p: RuleReport['errors'][number]) => `${p.rule} · ${p.message}`;
  if (problems.length <= 3) {
    return problems.map((p) => <Alert key={`${p.code}-${p.message}`} type={type} showIcon title={line(p)} data-testid={testId} />);
  }
  return (
    <Alert
      type={type}
      showIcon
      title={t(type === 'error' ? 'formalList.errors' : 'formalList.warnings', { n: problems.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p) => (
            <li key={`${p.code}-${p.message}`} data-testid={testId}>
              {line(p)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
