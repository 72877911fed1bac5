/**
 * C6: objections to the published list — filed within 5 days of publication, decided within 3 days
 * of receipt, the decision published. Undecided ones past their 3 days are shown in red.
 */
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { datePickerFormat, formatDate, graphql, useLang, useT, type ObjectionKind, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';

const ObjectionsQuery = graphql(`
  query VoterObjections($electionId: ID!) {
    voterObjections(electionId: $electionId) {
      id complainant subjectName kind content receivedOn late decideBy overdue upheld decision decidedOn decisionPublishedOn
      voter { id name serial }
    }
  }
`);

const FileObjectionMutation = graphql(`
  mutation FileObjection($electionId: ID!, $input: ObjectionInput!) {
    fileObjection(electionId: $electionId, input: $input) {
      __typename
      ... on VoterObjection { id decideBy late }
      ... on UserError { code message field }
    }
  }
`);

const DecideObjectionMutation = graphql(`
  mutation DecideObjection($objectionId: ID!, $upheld: Boolean!, $decision: String!) {
    decideObjection(objectionId: $objectionId, upheld: $upheld, decision: $decision) {
      __typename
      ... on VoterObjection { id upheld decision decidedOn overdue }
      ... on UserError { code message field }
    }
  }
`);

const PublishDecisionMutation = graphql(`
  mutation PublishObjectionDecision($objectionId: ID!) {
    publishObjectionDecision(objectionId: $objectionId) {
      __typename
      ... on VoterObjection { id decisionPublishedOn }
      ... on UserError { code message }
    }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render.
const refetchOn = { additionalTypenames: ['VoterObjection'] };

type Objection = ResultOf<typeof ObjectionsQuery>['voterObjections'][number];

const kinds: readonly ObjectionKind[] = ['OMISSION', 'ERROR', 'INELIGIBLE', 'OTHER'];

export function Objections() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const { election, manage } = useArea();
  const [result] = useQuery({ query: ObjectionsQuery, variables: { electionId: election.id }, requestPolicy: 'cache-and-network', context: refetchOn });
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<Objection | null>(null);
  const [{ fetching: publishing }, publishDecision] = useMutation(PublishDecisionMutation);
  const objections = result.data?.voterObjections ?? [];

  const publish = async (o: Objection) => {
    const res = await publishDecision({ objectionId: o.id });
    const outcome = res.data?.publishObjectionDecision;
    if (outcome?.__typename === 'VoterObjection') void message.success(t('objections.decisionPublished'));
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };

  const state = (o: Objection) => {
    if (o.decidedOn === null) {
      return o.overdue ? (
        <Tag color="red" data-testid="objection-overdue">{t('objections.overdue')}</Tag>
      ) : (
        <Tag color="processing">{t('objections.pending')}</Tag>
      );
    }
    return (
      <Space orientation="vertical" size={2}>
        <Space size={4} wrap>
          <Tag color={o.upheld ? 'green' : 'default'}>{t(o.upheld ? 'objections.upheld' : 'objections.notUpheld')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDate(o.decidedOn, lang)}</Typography.Text>
        </Space>
        <span>{o.decision}</span>
        {o.decisionPublishedOn ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('objections.publishedOn', { date: formatDate(o.decisionPublishedOn, lang) })}</Typography.Text>
        ) : null}
      </Space>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">{t('objections.rule')}</Typography.Text>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="file-objection">
            {t('objections.file')}
          </Button>
        ) : null}
      </Space>
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      <Table<Objection>
        rowKey="id"
        size="small"
        dataSource={objections}
        pagination={objections.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('objections.none') }}
        onRow={(o) => ({ style: o.overdue ? { background: '#fff1f0' } : {} })}
        data-testid="objections-table"
        columns={[
          { title: t('objections.receivedOn'), key: 'received', width: 130, render: (_: unknown, o) => formatDate(o.receivedOn, lang) },
          { title: t('objections.complainant'), dataIndex: 'complainant', key: 'complainant', width: 100 },
          { title: t('objections.subject'), key: 'subject', width: 110, render: (_: unknown, o) => o.voter?.name ?? o.subjectName },
          { title: t('objections.kind'), key: 'kind', width: 90, render: (_: unknown, o) => t(`objectionKind.${o.kind}`) },
          {
            title: t('objections.content'),
            key: 'content',
            render: (_: unknown, o) => (
              <Space orientation="vertical" size={2}>
                <span>{o.content}</span>
                {o.late ? <Tag color="orange">{t('objections.late')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('objections.decideBy'),
            key: 'decideBy',
            width: 130,
            render: (_: unknown, o) => <Typography.Text type={o.overdue ? 'danger' : undefined} strong={o.overdue}>{formatDate(o.decideBy, lang)}</Typography.Text>,
          },
          { title: t('objections.state'), key: 'state', width: 240, render: (_: unknown, o) => state(o) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, o: Objection) =>
                    o.decidedOn === null ? (
                      <Button size="small" type={o.overdue ? 'primary' : 'default'} danger={o.overdue} onClick={() => setDeciding(o)} data-testid="decide-objection">
                        {t('objections.decide')}
                      </Button>
                    ) : o.decisionPublishedOn === null ? (
                      <Popconfirm title={t('objections.publishConfirm')} onConfirm={() => void publish(o)} okButtonProps={{ loading: publishing }}>
                        <Button size="small" data-testid="publish-decision">
                          {t('objections.publishDecision')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FileObjectionModal open={filing} onClose={() => setFiling(false)} />
      <DecideObjectionModal objection={deciding} onClose={() => setDeciding(null)} />
    </Space>
  );
}

interface FileValues {
  readonly complainant: string;
  readonly voterId?: string | null;
  readonly subjectName?: string;
  readonly kind: ObjectionKind;
  readonly content: string;
  readonly receivedOn?: Dayjs | null;
}

const FILE_FIELDS = ['complainant', 'voterId', 'subjectName', 'kind', 'content', 'receivedOn'] as const;

function FileObjectionModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const { election } = useArea();
  const [form] = Form.useForm<FileValues>();
  const [{ fetching }, file] = useMutation(FileObjectionMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: FileValues) => {
    setError(null);
    const res = await file({
      electionId: election.id,
      input: {
        complainant: v.complainant.trim(),
        voterId: v.voterId ?? null,
        subjectName: v.subjectName?.trim() || null,
        kind: v.kind,
        content: v.content.trim(),
        receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : null,
      },
    });
    const outcome = res.data?.fileObjection;
    if (outcome?.__typename === 'VoterObjection') {
      void message.success(t('objections.filed', { date: formatDate(outcome.decideBy, lang) }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, FILE_FIELDS));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<FileValues>
      open={open}
      title={t('objections.file')}
      form={form}
      submitText={t('objections.fileSubmit')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="file-objection-form"
    >
      <Form.Item name="complainant" label={t('objections.complainant')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('objections.complainant') }) }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="kind" label={t('objections.kind')} initialValue="OMISSION">
        <Radio.Group optionType="button" options={kinds.map((k) => ({ value: k, label: t(`objectionKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="voterId" label={t('objections.subjectVoter')} extra={t('objections.subjectVoterHint')}>
        <VoterPicker electionId={election.id} />
      </Form.Item>
      <Form.Item name="subjectName" label={t('objections.subjectName')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="content" label={t('objections.content')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('objections.content') }) }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('objections.receivedOn')} extra={t('objections.receivedOnHint')}>
        <DatePicker style={{ width: '100%' }} format={datePickerFormat(lang)} />
      </Form.Item>
    </FormModal>
  );
}

interface DecideValues {
  readonly upheld: boolean;
  readonly decision: string;
}

function DecideObjectionModal({ objection, onClose }: { readonly objection: Objection | null; readonly onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecideValues>();
  const [{ fetching }, decide] = useMutation(DecideObjectionMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: DecideValues) => {
    if (!objection) return;
    setError(null);
    const res = await decide({ objectionId: objection.id, upheld: v.upheld, decision: v.decision.trim() });
    const outcome = res.data?.decideObjection;
    if (outcome?.__typename === 'VoterObjection') {
      void message.success(t('objections.decided'));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['upheld', 'decision']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<DecideValues>
      open={objection !== null}
      title={objection ? t('objections.decideTitle', { complainant: objection.complainant, subject: objection.voter?.name ?? objection.subjectName }) : ''}
      form={form}
      submitText={t('objections.decide')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="decide-objection-form"
    >
      {objection ? (
        <Typography.Paragraph type={objection.overdue ? 'danger' : 'secondary'}>
          {objection.content}
          <br />
          {t('objections.decideByNote', { date: formatDate(objection.decideBy, lang) })}
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="upheld" label={t('objections.outcome')} rules={[{ required: true, message: t('common.required', { field: t('objections.outcome') }) }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('objections.upheld') },
            { value: false, label: t('objections.notUpheld') },
          ]}
        />
      </Form.Item>
      <Form.Item name="decision" label={t('objections.decision')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('objections.decision') }) }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
