/** Upload a CSV/XLSX of communities and groups; show what went in and, row by row, what did not. */
import { useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { errorMessage, graphql, useT, type ResultOf } from '@huanjie/ui';
import { templateHeaders } from '../template.ts';

const ImportMutation = graphql(`
  mutation ImportCommunities($file: File!) {
    importCommunities(file: $file) {
      __typename
      ... on ImportReport { rows created updated rejected errors { row field message } }
      ... on Error { code message }
    }
  }
`);

type Report = Extract<ResultOf<typeof ImportMutation>['importCommunities'], { __typename: 'ImportReport' }>;

export function ImportCommunitiesModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [{ fetching }, run] = useMutation(ImportMutation);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const upload = async (file: File) => {
    setReport(null);
    setError(null);
    setFileName(file.name);
    const res = await run({ file });
    const outcome = res.data?.importCommunities;
    if (outcome?.__typename === 'ImportReport') setReport(outcome);
    else if (outcome) setError(outcome.message);
    else setError(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };

  const close = () => {
    setReport(null);
    setError(null);
    setFileName(null);
    onClose();
  };

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={<Button onClick={close}>{t('common.close')}</Button>} width={760} destroyOnHidden>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('import.hint', { columns: templateHeaders.join('、') })}</Typography.Paragraph>
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after fixing it
            if (file) void upload(file);
          }}
        />
        <Button type="primary" icon={<UploadOutlined />} loading={fetching} onClick={() => input.current?.click()} autoFocus>
          {t('import.choose')}
        </Button>
        {fileName ? <Typography.Text type="secondary">{fileName}</Typography.Text> : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="import-error" /> : null}
        {report ? (
          <>
            <Alert
              type={report.rejected > 0 ? 'warning' : 'success'}
              showIcon
              title={report.rejected > 0 ? t('import.summary', { rows: report.rows, created: report.created, updated: report.updated, rejected: report.rejected }) : t('import.allGood')}
              description={report.rejected > 0 ? undefined : t('import.summary', { rows: report.rows, created: report.created, updated: report.updated, rejected: report.rejected })}
              data-testid="import-summary"
            />
            {report.errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.field ?? ''}`}
                dataSource={report.errors}
                pagination={report.errors.length > 20 ? { pageSize: 20 } : false}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', key: 'row', width: 80 },
                  { title: t('import.field'), dataIndex: 'field', key: 'field', width: 120 },
                  { title: t('import.message'), dataIndex: 'message', key: 'message' },
                ]}
                data-testid="import-errors"
              />
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
