/**
 * Import a voter roll (CSV or XLSX) with a progress bar fed by importProgress(uploadId): the
 * subscription is opened first, then the file goes up with the same uploadId. Then the summary,
 * the per-row problems, the XLSX report, and the earlier imports.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useClient, useMutation, useQuery, type Client } from 'urql';
import { formatDateTime, graphql, subscriptionOpened, useLang, useT, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { noOutcome } from '../outcome.ts';
import { importPercent, isImportPhase, type ImportPhase, type ImportProgressEvent } from './progress.ts';

const voterTemplateUrl = '/downloads/voter-import-template.xlsx';
const templateColumns = ['姓名', '性别', '公民身份号码', '村民小组', '户号', '住址', '登记类别', '批准情况'];

const ImportVotersMutation = graphql(`
  mutation ImportVoters($electionId: ID!, $file: File!, $uploadId: String) {
    importVoters(electionId: $electionId, file: $file, uploadId: $uploadId) {
      __typename
      ... on VoterImport { id fileName rows imported rejected duplicates errorCount reportUrl errors(first: 200) { row name field message } }
      ... on UserError { code message field }
    }
  }
`);

const ImportProgressSubscription = graphql(`
  subscription ImportProgress($uploadId: String!) {
    importProgress(uploadId: $uploadId) { phase done total }
  }
`);

const VoterImportsQuery = graphql(`
  query VoterImports($electionId: ID!) {
    voterImports(electionId: $electionId) { id fileName createdAt rows imported rejected duplicates reportUrl }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render.
const importsRefetchOn = { additionalTypenames: ['VoterImport'] };

type Report = Extract<ResultOf<typeof ImportVotersMutation>['importVoters'], { __typename: 'VoterImport' }>;
type RowError = Report['errors'][number];
type PastImport = ResultOf<typeof VoterImportsQuery>['voterImports'][number];

/** crypto.randomUUID exists only on https or localhost; a township server on a LAN address is neither. */
function newUploadId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Follower {
  readonly stop: () => void;
  /** Resolves when the server has said done or failed, or after `ms`. */
  readonly finished: (ms: number) => Promise<void>;
}

/** Opens the progress subscription; resolves once the server holds it (or after 3 s without SSE). */
function followProgress(client: Client, uploadId: string, onEvent: (p: ImportProgressEvent) => void): Promise<Follower> {
  return new Promise((resolve) => {
    let settle: () => void = () => undefined;
    const ended = new Promise<void>((r) => (settle = r));
    let resolved = false;
    const open = () => {
      if (resolved) return;
      resolved = true;
      resolve(follower);
    };
    const subscription = client.subscription(ImportProgressSubscription, { uploadId }, subscriptionOpened(open)).subscribe((result) => {
      const p = result.data?.importProgress;
      if (!p) return;
      onEvent(p);
      if (p.phase === 'done' || p.phase === 'failed') settle();
    });
    const follower: Follower = {
      stop: () => subscription.unsubscribe(),
      finished: (ms) => Promise.race([ended, new Promise<void>((r) => setTimeout(r, ms))]),
    };
    setTimeout(open, 3000);
  });
}

export function ImportVoters({ onShowDuplicates }: { readonly onShowDuplicates: () => void }) {
  const t = useT();
  const { election, manage } = useArea();
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [, run] = useMutation(ImportVotersMutation);
  const [running, setRunning] = useState(false);
  const [percent, setPercent] = useState(0);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const upload = async (file: File) => {
    setReport(null);
    setError(null);
    setFileName(file.name);
    setPercent(0);
    setPhase(null);
    setRunning(true);
    const uploadId = newUploadId();
    const follower = await followProgress(client, uploadId, (p) => {
      setPercent((before) => importPercent(p, before));
      if (isImportPhase(p.phase)) setPhase(p.phase);
    });
    try {
      const res = await run({ electionId: election.id, file, uploadId });
      const outcome = res.data?.importVoters;
      if (outcome?.__typename === 'VoterImport') {
        await follower.finished(2000); // the last event may trail the response by a moment
        setReport(outcome);
      } else {
        setError(outcome?.message ?? noOutcome(res.error, t));
        setPhase('failed');
      }
    } finally {
      follower.stop();
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('voterImport.hint', { columns: templateColumns.join('、') })}</Typography.Paragraph>
      <Space wrap>
        {manage ? (
          <Button type="primary" icon={<UploadOutlined />} loading={running} onClick={() => input.current?.click()} data-testid="voter-import-choose">
            {t('voterImport.choose')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} href={voterTemplateUrl} download data-testid="voter-template">
          {t('voterImport.template')}
        </Button>
      </Space>
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="voter-import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again after fixing it
          if (file) void upload(file);
        }}
      />
      {fileName ? (
        <Card size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {fileName}
              {phase ? <Typography.Text type="secondary" style={{ marginLeft: 12 }}>{t(`voterImport.phase.${phase}`)}</Typography.Text> : null}
            </Typography.Text>
            <div data-testid="voter-import-progress" data-phase={phase ?? ''} data-percent={percent}>
              <Progress percent={percent} status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : 'active'} />
            </div>
          </Space>
        </Card>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} data-testid="voter-import-error" /> : null}
      {report ? <ImportReport report={report} onShowDuplicates={onShowDuplicates} /> : null}
      <PastImports />
    </Space>
  );
}

function ImportReport({ report, onShowDuplicates }: { readonly report: Report; readonly onShowDuplicates: () => void }) {
  const t = useT();
  const clean = report.rejected === 0 && report.duplicates === 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={clean ? 'success' : 'warning'}
        showIcon
        title={t('voterImport.summary', { rows: report.rows, imported: report.imported, rejected: report.rejected, duplicates: report.duplicates })}
        action={
          <Space>
            {report.duplicates > 0 ? (
              <Button size="small" onClick={onShowDuplicates} data-testid="voter-import-duplicates">
                {t('voterImport.toDuplicates')}
              </Button>
            ) : null}
            {report.errorCount > 0 ? (
              <Button size="small" icon={<DownloadOutlined />} href={report.reportUrl} data-testid="voter-import-report">
                {t('voterImport.report')}
              </Button>
            ) : null}
          </Space>
        }
        data-testid="voter-import-summary"
      />
      {report.errors.length > 0 ? (
        <>
          {report.errorCount > report.errors.length ? <Typography.Text type="secondary">{t('voterImport.firstErrors', { shown: report.errors.length, total: report.errorCount })}</Typography.Text> : null}
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
            dataSource={report.errors}
            pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            columns={[
              { title: t('import.row'), dataIndex: 'row', key: 'row', width: 70 },
              { title: t('voters.name'), dataIndex: 'name', key: 'name', width: 120 },
              { title: t('import.field'), dataIndex: 'field', key: 'field', width: 140 },
              { title: t('voterImport.reason'), dataIndex: 'message', key: 'message' },
            ]}
            data-testid="voter-import-errors"
          />
        </>
      ) : null}
    </Space>
  );
}

function PastImports() {
  const t = useT();
  const [lang] = useLang();
  const { election } = useArea();
  const [result] = useQuery({ query: VoterImportsQuery, variables: { electionId: election.id }, requestPolicy: 'cache-and-network', context: importsRefetchOn });
  const imports = result.data?.voterImports ?? [];
  if (imports.length === 0) return null;
  return (
    <Card size="small" title={t('voterImport.history')}>
      <Table<PastImport>
        size="small"
        rowKey="id"
        dataSource={imports}
        pagination={imports.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('voterImport.file'), dataIndex: 'fileName', key: 'fileName' },
          { title: t('voterImport.at'), key: 'at', render: (_: unknown, i) => formatDateTime(i.createdAt, lang) },
          { title: t('voterImport.rows'), dataIndex: 'rows', key: 'rows', align: 'right' },
          { title: t('voterImport.imported'), dataIndex: 'imported', key: 'imported', align: 'right' },
          { title: t('voterImport.rejected'), dataIndex: 'rejected', key: 'rejected', align: 'right' },
          { title: t('voterImport.duplicates'), dataIndex: 'duplicates', key: 'duplicates', align: 'right' },
          {
            title: '',
            key: 'report',
            render: (_: unknown, i) => (
              <Typography.Link href={i.reportUrl}>
                <DownloadOutlined /> {t('voterImport.reportShort')}
              </Typography.Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
