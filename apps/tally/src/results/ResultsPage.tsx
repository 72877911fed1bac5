/**
 * /e/:electionId/results — the determination of each round (live until certified), 定票 by the
 * election committee, 另行选举 in one step when seats stay open, the printable announcement and
 * certificates, and the count's export for an auditor's recount (`huanjie count`).
 */
import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { errorMessage, formatDateTime, graphql, useLang, useT, useViewer } from '@huanjie/ui';
import { useTallyT, type TallyKey, type TallyTranslate } from '../messages.ts';
import { ExportCountQuery, ResultsQuery, runoffNeeded, type ResultPosition, type ResultRound, type ResultsElection } from './data.ts';

const CODES = new Set<string>(['NO_WOMAN_ELECTED', 'TURNOUT_NOT_MAJORITY', 'BALLOTS_EXCEED_VOTERS']);

/** The engine's codes in words; a code this app does not know yet is shown as it is. */
function codeText(tt: TallyTranslate, code: string): string {
  return CODES.has(code) ? tt(`code.${code}` as TallyKey) : code;
}

const CertifyMutation = graphql(`
  mutation CertifyRound($electionId: ID!, $round: Int!) {
    certifyRound(electionId: $electionId, round: $round) {
      __typename
      ... on Determination { valid }
      ... on Error { code message }
    }
  }
`);

const RunoffMutation = graphql(`
  mutation CreateRunoff($electionId: ID!) {
    createRunoff(electionId: $electionId) {
      __typename
      ... on CountRound { id number }
      ... on Error { code message }
    }
  }
`);

export function ResultsPage() {
  const t = useT();
  const tt = useTallyT();
  const { electionId = '' } = useParams();
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: ResultsQuery, variables: { id: electionId }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const election = node?.__typename === 'Election' ? node : null;
  const [tab, setTab] = useState<string | null>(null);
  if (!election) {
    if (result.fetching) return <Spin size="large" />;
    return <Alert type="error" showIcon title={result.error ? errorMessage(result.error, t('error.network')) : t('tally.notFound')} />;
  }
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const rounds = election.countRounds;
  const latest = rounds.at(-1);
  const anyCertified = rounds.some((r) => r.certifiedAt);
  const base = `/e/${encodeURIComponent(election.id)}/results`;
  return (
    <div data-testid="results">
      <Typography.Title level={1} style={{ fontSize: 40 }}>
        {election.community.name} · {tt('results.title')}
      </Typography.Title>
      <Space wrap size="middle" style={{ marginBottom: 16 }}>
        <Button size="large" disabled={!anyCertified} onClick={() => navigate(`${base}/announcement`)} data-testid="print-announcement">
          {tt('results.announcement')}
        </Button>
        <Button size="large" disabled={!anyCertified} onClick={() => navigate(`${base}/certificates`)} data-testid="print-certificates">
          {tt('results.certificates')}
        </Button>
        {!anyCertified ? <Typography.Text type="secondary">{tt('results.printNeedsCertified')}</Typography.Text> : null}
      </Space>
      {!latest ? (
        <Alert type="info" showIcon title={tt('results.none')} style={{ fontSize: 20 }} />
      ) : (
        <Tabs
          size="large"
          activeKey={tab ?? String(latest.number)}
          onChange={setTab}
          items={rounds.map((r) => ({
            key: String(r.number),
            label: <span style={{ fontSize: 20 }}>{r.kind === 'runoff' ? tt('results.runoffRound', { n: r.number }) : tt('results.round', { n: r.number })}</span>,
            children: <RoundResult election={election} round={r} latest={r.number === latest.number} onChanged={reload} />,
          }))}
        />
      )}
    </div>
  );
}

function RoundResult({ election, round, latest, onChanged }: { readonly election: ResultsElection; readonly round: ResultRound; readonly latest: boolean; readonly onChanged: () => void }) {
  const tt = useTallyT();
  const [lang] = useLang();
  const d = round.determination;
  return (
    <div data-testid={`round-${round.number}`}>
      <Space wrap size="large" style={{ marginBottom: 16, fontSize: 20 }}>
        {round.certifiedAt ? (
          <Tag color="success" style={{ fontSize: 20, padding: '6px 12px' }} data-testid="certified">
            ✓ {tt('results.certifiedAt', { time: formatDateTime(round.certifiedAt, lang) })}
          </Tag>
        ) : (
          <Alert type="warning" showIcon title={tt('results.live')} style={{ fontSize: 18 }} />
        )}
        {d ? (
          <>
            <Tag color={d.valid ? 'green' : 'red'} style={{ fontSize: 20, padding: '6px 12px' }}>
              {tt(d.valid ? 'results.valid' : 'results.invalid')}
            </Tag>
            <span>{tt('results.ballotsCast', { n: d.ballotsCast })}</span>
            {round.number === 1 ? <span>{tt('results.turnout', { registered: election.turnout.registered, issued: election.turnout.issued })}</span> : null}
          </>
        ) : null}
      </Space>
      {d && d.invalidReasons.length > 0 ? <Alert type="error" showIcon title={d.invalidReasons.map((c) => codeText(tt, c)).join('；')} style={{ marginBottom: 12, fontSize: 18 }} /> : null}
      {d && d.warnings.length > 0 ? <Alert type="warning" showIcon title={tt('results.warnings')} description={d.warnings.map((c) => codeText(tt, c)).join('；')} style={{ marginBottom: 12 }} /> : null}
      <RoundActions election={election} round={round} latest={latest} onChanged={onChanged} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 16, margin: '16px 0' }}>
        {(d?.positions ?? []).map((p) => (
          <PositionResultCard key={p.id} position={p} />
        ))}
      </div>
      {d?.explanation ? (
        <Card title={<span style={{ fontSize: 20 }}>{tt('results.explanation')}</span>}>
          <div style={{ whiteSpace: 'pre-wrap', fontSize: 18, lineHeight: 1.8 }} data-testid="explanation">
            {d.explanation}
          </div>
        </Card>
      ) : null}
    </div>
  );
}

function PositionResultCard({ position: p }: { readonly position: ResultPosition }) {
  const tt = useTallyT();
  const elected = new Set(p.elected.map((e) => e.id));
  const tied = new Set(p.tied.map((e) => e.id));
  const runoff = new Set(p.runoffCandidates.map((e) => e.id));
  return (
    <Card
      data-testid={`result-${p.id}`}
      title={
        <span style={{ fontSize: 24 }}>
          {p.title}
          <span style={{ fontSize: 18, fontWeight: 400, marginLeft: 12 }}>
            {tt('entry.seats', { n: p.seats })} · {tt('results.threshold', { n: p.threshold })}
          </span>
        </span>
      }
    >
      <div style={{ fontSize: 24, marginBottom: 8 }}>
        {tt('results.elected')}：<strong data-testid={`elected-${p.id}`}>{p.elected.map((e) => e.name).join('、') || tt('results.noElected')}</strong>
        {p.vacancies > 0 ? (
          <Tag color="orange" style={{ fontSize: 18, marginLeft: 12 }}>
            {tt('results.vacancies', { n: p.vacancies })}
          </Tag>
        ) : null}
      </div>
      <Table
        size="middle"
        pagination={false}
        rowKey="id"
        dataSource={p.tally}
        columns={[
          { title: tt('count.candidate'), dataIndex: 'name', render: (name: string) => <span style={{ fontSize: 20 }}>{name}</span> },
          { title: tt('results.tally'), dataIndex: 'votes', align: 'right', render: (v: number) => <strong style={{ fontSize: 20 }}>{v}</strong> },
          {
            key: 'tags',
            render: (_: unknown, e: { id: string }) => (
              <Space size={4}>
                {elected.has(e.id) ? <Tag color="gold">{tt('results.elected')}</Tag> : null}
                {tied.has(e.id) ? <Tag color="red">{tt('results.tied')}</Tag> : null}
                {runoff.has(e.id) ? <Tag color="blue">{tt('results.runoffCandidates')}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      {p.voidSections > 0 ? <div style={{ color: '#888', marginTop: 8 }}>{tt('results.voidSections', { n: p.voidSections })}</div> : null}
    </Card>
  );
}

function RoundActions({ election, round, latest, onChanged }: { readonly election: ResultsElection; readonly round: ResultRound; readonly latest: boolean; readonly onChanged: () => void }) {
  const t = useT();
  const tt = useTallyT();
  const client = useClient();
  const navigate = useNavigate();
  const { me } = useViewer();
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ fetching: certifying }, certify] = useMutation(CertifyMutation);
  const [{ fetching: creating }, createRunoff] = useMutation(RunoffMutation);
  // 定票 is the election committee's (the server enforces it; clerks and observers see why not).
  const mayCertify = me.role === 'TOWNSHIP_ADMIN' || me.role === 'COMMUNITY_COMMITTEE';

  const doCertify = async () => {
    setFailure(null);
    const res = await certify({ electionId: election.id, round: round.number });
    const r = res.data?.certifyRound;
    if (r?.__typename === 'Determination') onChanged();
    else setFailure(r?.__typename === 'UserError' ? r.message : res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };
  const doRunoff = async () => {
    setFailure(null);
    const res = await createRunoff({ electionId: election.id });
    const r = res.data?.createRunoff;
    if (r?.__typename === 'CountRound') {
      setNotice(tt('results.runoffCreated', { n: r.number }));
      onChanged();
    } else setFailure(r?.__typename === 'UserError' ? r.message : res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };
  const download = async () => {
    setFailure(null);
    const res = await client.query(ExportCountQuery, { electionId: election.id, round: round.number }, { requestPolicy: 'network-only' }).toPromise();
    if (res.error || res.data?.exportCount === undefined || res.data.exportCount === null) {
      setFailure(res.error ? errorMessage(res.error, t('error.network')) : t('error.load'));
      return;
    }
    const blob = new Blob([JSON.stringify(res.data.exportCount, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `count-${election.community.code}-round${round.number}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <Space wrap size="middle">
        {!round.certifiedAt ? (
          <Popconfirm title={<span style={{ fontSize: 18 }}>{tt('results.certifyConfirm')}</span>} onConfirm={() => void doCertify()} okButtonProps={{ size: 'large', ...{ 'data-testid': 'certify-confirm' } }} cancelButtonProps={{ size: 'large' }}>
            <Button type="primary" size="large" loading={certifying} disabled={!mayCertify} title={tt('results.certifyHint')} data-testid="certify">
              {tt('results.certify')}
            </Button>
          </Popconfirm>
        ) : null}
        {latest && runoffNeeded(election) ? (
          <Popconfirm title={<span style={{ fontSize: 18 }}>{tt('results.runoffConfirm')}</span>} onConfirm={() => void doRunoff()} okButtonProps={{ size: 'large', ...{ 'data-testid': 'runoff-confirm' } }} cancelButtonProps={{ size: 'large' }}>
            <Button size="large" danger loading={creating} disabled={!mayCertify} data-testid="create-runoff">
              {tt('results.runoff')}
            </Button>
          </Popconfirm>
        ) : null}
        <Button size="large" onClick={() => void download()} data-testid="export-count">
          {tt('results.export')}
        </Button>
      </Space>
      {notice ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12, fontSize: 18 }}
          title={notice}
          data-testid="runoff-created"
          action={<Button onClick={() => navigate(`/e/${encodeURIComponent(election.id)}/count`)}>{tt('results.toCount')}</Button>}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon style={{ marginTop: 12, fontSize: 18 }} title={failure} data-testid="results-error" /> : null}
    </>
  );
}
