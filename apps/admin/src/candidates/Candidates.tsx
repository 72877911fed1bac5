/**
 * D1–D6: the candidates of one stage (preliminary, formal), by position and in surname stroke order
 * as the server sorts them; add one from the voter list (D6), edit the profile and commitment letter
 * (D5), withdraw with a reason.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, InputNumber, Radio, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { datePickerFormat, formatDate, graphql, useLang, useT, type CandidateStage, type EducationLevel, type PositionKind, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { ReasonModal } from '../ReasonModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';

const CandidatesQuery = graphql(`
  query Candidates($electionId: ID!, $stage: CandidateStage) {
    node(id: $electionId) {
      id
      ... on Election {
        candidates(stage: $stage) {
          id name sex age ageBand position stage votes education partyMember incumbent commitmentSignedOn
          voter { id group }
        }
      }
    }
  }
`);

const AddCandidateMutation = graphql(`
  mutation AddCandidate($electionId: ID!, $input: CandidateInput!) {
    addCandidate(electionId: $electionId, input: $input) {
      __typename
      ... on Candidate { id name position }
      ... on UserError { code message field }
    }
  }
`);

const UpdateCandidateMutation = graphql(`
  mutation UpdateCandidate($candidateId: ID!, $input: CandidateDetailsInput!) {
    updateCandidate(candidateId: $candidateId, input: $input) {
      __typename
      ... on Candidate { id education partyMember incumbent commitmentSignedOn }
      ... on UserError { code message field }
    }
  }
`);

const WithdrawCandidateMutation = graphql(`
  mutation WithdrawCandidate($candidateId: ID!, $reason: String!) {
    withdrawCandidate(candidateId: $candidateId, reason: $reason) {
      __typename
      ... on Candidate { id name withdrawnReason }
      ... on UserError { code message field }
    }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render.
const refetchOn = { additionalTypenames: ['Candidate', 'SeatPlan'] };

type CandidatesResult = ResultOf<typeof CandidatesQuery>['node'];
type CandidateRow = Extract<NonNullable<CandidatesResult>, { candidates: unknown }>['candidates'][number];

const positions: readonly PositionKind[] = ['DIRECTOR', 'DEPUTY', 'MEMBER'];
const educations: readonly EducationLevel[] = ['JUNIOR_MIDDLE_OR_BELOW', 'SENIOR_SECONDARY', 'COLLEGE_OR_ABOVE'];

export function CandidatesCard() {
  const t = useT();
  const [lang] = useLang();
  const { election, manage } = useArea();
  const [stage, setStage] = useState<CandidateStage>('FORMAL');
  const [result] = useQuery({
    query: CandidatesQuery,
    variables: { electionId: election.id, stage },
    requestPolicy: 'cache-and-network',
    context: refetchOn,
  });
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'details' | 'withdraw'; candidate: CandidateRow } | null>(null);
  const node = result.data?.node;
  const candidates = node && 'candidates' in node ? node.candidates : [];

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('candidates.title')}
          <Segmented<CandidateStage>
            size="small"
            value={stage}
            onChange={setStage}
            options={[
              { value: 'FORMAL', label: t('stage.FORMAL') },
              { value: 'PRELIMINARY', label: t('stage.PRELIMINARY') },
            ]}
          />
        </Space>
      }
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="add-candidate">
            {t('candidates.add')}
          </Button>
        ) : null
      }
    >
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      <Table<CandidateRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={candidates}
        locale={{ emptyText: t('candidates.none') }}
        data-testid="candidates-table"
        columns={[
          { title: t('candidates.position'), key: 'position', width: 80, render: (_: unknown, c) => t(`position.${c.position}`) },
          { title: t('voters.name'), dataIndex: 'name', key: 'name', render: (name: string) => <strong data-testid="candidate-name">{name}</strong> },
          { title: t('voters.sex'), key: 'sex', width: 50, render: (_: unknown, c) => t(`sex.${c.sex}`) },
          { title: t('voters.age'), dataIndex: 'age', key: 'age', width: 50, align: 'right' },
          { title: t('voters.group'), key: 'group', render: (_: unknown, c) => c.voter.group },
          { title: t('candidates.votes'), dataIndex: 'votes', key: 'votes', width: 70, align: 'right' },
          { title: t('candidates.education'), key: 'education', render: (_: unknown, c) => (c.education ? t(`education.${c.education}`) : '') },
          {
            title: t('candidates.profile'),
            key: 'profile',
            render: (_: unknown, c) => (
              <Space size={2} wrap>
                {c.partyMember ? <Tag color="red">{t('candidates.partyMember')}</Tag> : null}
                {c.incumbent ? <Tag color="blue">{t('candidates.incumbent')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('candidates.commitment'),
            key: 'commitment',
            render: (_: unknown, c) =>
              c.commitmentSignedOn ? formatDate(c.commitmentSignedOn, lang) : <Tag color="orange">{t('candidates.commitmentMissing')}</Tag>,
          },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, c: CandidateRow) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => setDialog({ kind: 'details', candidate: c })}>
                        {t('candidates.details')}
                      </Button>
                      <Button size="small" danger onClick={() => setDialog({ kind: 'withdraw', candidate: c })}>
                        {t('candidates.withdraw')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AddCandidateModal open={dialog?.kind === 'add'} stage={stage} onClose={() => setDialog(null)} />
      <DetailsModal candidate={dialog?.kind === 'details' ? dialog.candidate : null} onClose={() => setDialog(null)} />
      <WithdrawModal candidate={dialog?.kind === 'withdraw' ? dialog.candidate : null} onClose={() => setDialog(null)} />
    </Card>
  );
}

interface AddValues {
  readonly voterId: string;
  readonly position: PositionKind;
  readonly stage: CandidateStage;
  readonly votes?: number | null;
  readonly education?: EducationLevel | null;
  readonly partyMember?: boolean;
  readonly incumbent?: boolean;
}

const ADD_FIELDS = ['voterId', 'position', 'stage', 'votes', 'education', 'partyMember', 'incumbent'] as const;

function AddCandidateModal({ open, stage, onClose }: { readonly open: boolean; readonly stage: CandidateStage; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { election } = useArea();
  const [form] = Form.useForm<AddValues>();
  const [{ fetching }, add] = useMutation(AddCandidateMutation);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) form.setFieldValue('stage', stage);
  }, [open, stage, form]);

  const submit = async (v: AddValues) => {
    setError(null);
    const res = await add({
      electionId: election.id,
      input: {
        voterId: v.voterId,
        position: v.position,
        stage: v.stage,
        votes: v.votes ?? 0,
        education: v.education ?? null,
        partyMember: v.partyMember ?? false,
        incumbent: v.incumbent ?? false,
      },
    });
    const outcome = res.data?.addCandidate;
    if (outcome?.__typename === 'Candidate') {
      void message.success(t('candidates.added', { name: outcome.name, position: t(`position.${outcome.position}`) }));
      form.resetFields(['voterId', 'votes', 'education', 'partyMember', 'incumbent']);
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ADD_FIELDS));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<AddValues>
      open={open}
      title={t('candidates.add')}
      form={form}
      submitText={t('candidates.addSubmit')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="add-candidate-form"
    >
      <Form.Item name="voterId" label={t('candidates.voter')} extra={t('candidates.voterHint')} rules={[{ required: true, message: t('common.required', { field: t('candidates.voter') }) }]}>
        <VoterPicker electionId={election.id} testId="candidate-voter" />
      </Form.Item>
      <Form.Item name="position" label={t('candidates.position')} initialValue="MEMBER" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={positions.map((p) => ({ value: p, label: t(`position.${p}`) }))} data-testid="candidate-position" />
      </Form.Item>
      <Form.Item name="stage" label={t('candidates.stage')} initialValue={stage}>
        <Radio.Group options={[{ value: 'FORMAL', label: t('stage.FORMAL') }, { value: 'PRELIMINARY', label: t('stage.PRELIMINARY') }]} />
      </Form.Item>
      <Form.Item name="votes" label={t('candidates.votes')} extra={t('candidates.votesHint')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="education" label={t('candidates.education')}>
        <Select allowClear options={educations.map((e) => ({ value: e, label: t(`education.${e}`) }))} />
      </Form.Item>
      <Space size="large">
        <Form.Item name="partyMember" valuePropName="checked">
          <Checkbox>{t('candidates.partyMember')}</Checkbox>
        </Form.Item>
        <Form.Item name="incumbent" valuePropName="checked">
          <Checkbox>{t('candidates.incumbent')}</Checkbox>
        </Form.Item>
      </Space>
    </FormModal>
  );
}

interface DetailsValues {
  readonly education?: EducationLevel | null;
  readonly partyMember: boolean;
  readonly incumbent: boolean;
  readonly commitmentSignedOn?: Dayjs | null;
}

function DetailsModal({ candidate, onClose }: { readonly candidate: CandidateRow | null; readonly onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<DetailsValues>();
  const [{ fetching }, update] = useMutation(UpdateCandidateMutation);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (candidate) {
      form.setFieldsValue({
        education: candidate.education,
        partyMember: candidate.partyMember,
        incumbent: candidate.incumbent,
        commitmentSignedOn: candidate.commitmentSignedOn ? dayjs(candidate.commitmentSignedOn) : null,
      });
    }
  }, [candidate, form]);

  const submit = async (v: DetailsValues) => {
    if (!candidate) return;
    setError(null);
    const res = await update({
      candidateId: candidate.id,
      input: {
        education: v.education ?? null,
        partyMember: v.partyMember,
        incumbent: v.incumbent,
        commitmentSignedOn: v.commitmentSignedOn ? v.commitmentSignedOn.format('YYYY-MM-DD') : null,
      },
    });
    const outcome = res.data?.updateCandidate;
    if (outcome?.__typename === 'Candidate') {
      void message.success(t('common.saved'));
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['education', 'partyMember', 'incumbent', 'commitmentSignedOn']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<DetailsValues>
      open={candidate !== null}
      title={candidate ? t('candidates.detailsTitle', { name: candidate.name }) : ''}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="candidate-details-form"
    >
      <Form.Item name="education" label={t('candidates.education')}>
        <Select allowClear options={educations.map((e) => ({ value: e, label: t(`education.${e}`) }))} />
      </Form.Item>
      <Space size="large">
        <Form.Item name="partyMember" valuePropName="checked">
          <Checkbox>{t('candidates.partyMember')}</Checkbox>
        </Form.Item>
        <Form.Item name="incumbent" valuePropName="checked">
          <Checkbox>{t('candidates.incumbent')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="commitmentSignedOn" label={t('candidates.commitmentSignedOn')} extra={t('candidates.commitmentHint')}>
        <DatePicker style={{ width: '100%' }} format={datePickerFormat(lang)} />
      </Form.Item>
    </FormModal>
  );
}

function WithdrawModal({ candidate, onClose }: { readonly candidate: CandidateRow | null; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [{ fetching }, withdraw] = useMutation(WithdrawCandidateMutation);
  return (
    <ReasonModal
      open={candidate !== null}
      title={candidate ? t('candidates.withdrawTitle', { name: candidate.name }) : ''}
      note={t('candidates.withdrawNote')}
      label={t('candidates.withdrawReason')}
      submitText={t('candidates.withdraw')}
      submitting={fetching}
      testId="withdraw-candidate-form"
      onClose={onClose}
      onSubmit={async (reason) => {
        if (!candidate) return { done: true };
        const res = await withdraw({ candidateId: candidate.id, reason });
        const outcome = res.data?.withdrawCandidate;
        if (outcome?.__typename === 'Candidate') {
          void message.success(t('candidates.withdrawn', { name: outcome.name }));
          return { done: true };
        }
        return { done: false, userError: outcome?.__typename === 'UserError' ? outcome : undefined, error: res.error };
      }}
    />
  );
}
