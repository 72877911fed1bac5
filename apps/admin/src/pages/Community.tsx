/** The overview tab of a community: its facts, groups, and the nine-step checklist of its election with deadlines and status. */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage, formatDate, formatNumber, graphql, useLang, useT, useViewer, type ResultOf, type StepKey, type StepStatus } from '@huanjie/ui';
import { canManageCommunity } from '../permissions.ts';
import { FormModal, placeError } from '../FormModal.tsx';

const CommunityQuery = graphql(`
  query Community($code: String!) {
    community(code: $code) {
      id code name kind area groupCount households population
      groups { id number name households population }
      election {
        id
        electionDay
        stage
        cycle { id name }
        checklist { step key title titleEn statutory basis deadline doneOn status late daysLeft }
      }
    }
  }
`);

const SetStepMutation = graphql(`
  mutation SetChecklistStep($electionId: ID!, $step: StepKey!, $done: Boolean!) {
    setChecklistStep(electionId: $electionId, step: $step, done: $done) {
      __typename
      ... on Election { id stage checklist { key status doneOn late daysLeft } }
      ... on Error { code message }
    }
  }
`);

const CreateGroupMutation = graphql(`
  mutation CreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on Group { id number name }
      ... on UserError { code message field }
    }
  }
`);

type CommunityData = NonNullable<ResultOf<typeof CommunityQuery>['community']>;
type Step = NonNullable<CommunityData['election']>['checklist'][number];
type Group = CommunityData['groups'][number];

const statusColor: Record<StepStatus, string> = { DONE: 'success', DUE: 'processing', OVERDUE: 'error' };

// An empty group list carries no Group typename for the document cache to see: name it.
const refetchOn = { additionalTypenames: ['Group', 'Election'] };

export function CommunityPage() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const { me } = useViewer();
  const [result] = useQuery({ query: CommunityQuery, variables: { code }, requestPolicy: 'cache-and-network', context: refetchOn });
  const [adding, setAdding] = useState(false);
  const community = result.data?.community;

  if (result.error && !community) return <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} />;
  if (!community) return result.fetching ? <Card loading /> : <Empty description={t('community.notFound', { code })} />;
  const manage = canManageCommunity(me, community.id);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('communities.code')}>{community.code}</Descriptions.Item>
          <Descriptions.Item label={t('communities.kind')}>{t(`kind.${community.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('communities.area')}>{t(`area.${community.area}`)}</Descriptions.Item>
          <Descriptions.Item label={t('communities.groups')}>{community.groupCount}</Descriptions.Item>
          <Descriptions.Item label={t('communities.households')}>{formatNumber(community.households, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('communities.population')}>{formatNumber(community.population, lang)}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        title={
          <Space>
            {t('community.checklist')}
            {community.election ? <Typography.Text type="secondary">{t('community.electionDay', { date: formatDate(community.election.electionDay, lang) })}</Typography.Text> : null}
          </Space>
        }
      >
        {community.election ? (
          <Checklist electionId={community.election.id} steps={community.election.checklist} manage={manage} />
        ) : (
          <Empty description={t('community.noElection')} />
        )}
      </Card>

      <Card
        title={t('community.groups')}
        extra={
          manage ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-group">
              {t('community.addGroup')}
            </Button>
          ) : null
        }
      >
        <Table<Group>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={community.groups}
          locale={{ emptyText: <Empty description={t('community.noGroups')} /> }}
          columns={[
            { title: t('community.groupNumber'), dataIndex: 'number', key: 'number', width: 80 },
            { title: t('community.groupName'), dataIndex: 'name', key: 'name' },
            { title: t('communities.households'), key: 'households', align: 'right', render: (_: unknown, g) => formatNumber(g.households, lang) },
            { title: t('communities.population'), key: 'population', align: 'right', render: (_: unknown, g) => formatNumber(g.population, lang) },
          ]}
        />
      </Card>
      <AddGroupModal open={adding} communityId={community.id} onClose={() => setAdding(false)} />
    </Space>
  );
}

function Checklist({ electionId, steps, manage }: { readonly electionId: string; readonly steps: readonly Step[]; readonly manage: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [pending, setPending] = useState<StepKey | null>(null);
  const [, setStep] = useMutation(SetStepMutation);
  const title = (s: Step) => (lang === 'zh-CN' ? s.title : s.titleEn);

  const toggle = async (s: Step, done: boolean) => {
    setPending(s.key);
    const res = await setStep({ electionId, step: s.key, done });
    setPending(null);
    const outcome = res.data?.setChecklistStep;
    if (outcome?.__typename === 'Election') void message.success(t(done ? 'community.stepDone' : 'community.stepUndone', { title: title(s) }));
    else if (outcome) void message.error(outcome.message);
    else void message.error(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };

  const timing = (s: Step) => {
    if (s.status === 'DONE') {
      return (
        <Space size={4}>
          <span>{t('community.doneOn', { date: formatDate(s.doneOn, lang) })}</span>
          {s.late ? <Tag color="orange">{t('community.late')}</Tag> : null}
        </Space>
      );
    }
    if (s.daysLeft === null) return null;
    if (s.daysLeft < 0) return <Typography.Text type="danger">{t('community.daysOver', { n: -s.daysLeft })}</Typography.Text>;
    if (s.daysLeft === 0) return <Typography.Text type="warning">{t('community.dueToday')}</Typography.Text>;
    return <Typography.Text type="secondary">{t('community.daysLeft', { n: s.daysLeft })}</Typography.Text>;
  };

  return (
    <Table<Step>
      rowKey="key"
      size="middle"
      pagination={false}
      dataSource={steps}
      columns={[
        {
          title: t('community.done'),
          key: 'done',
          width: 64,
          align: 'center',
          render: (_: unknown, s) => (
            <Checkbox
              data-testid={`step-${s.key}`}
              aria-label={title(s)}
              checked={s.status === 'DONE'}
              disabled={!manage || pending !== null}
              onChange={(e) => void toggle(s, e.target.checked)}
            />
          ),
        },
        {
          title: t('community.step'),
          key: 'step',
          render: (_: unknown, s) => (
            <Space orientation="vertical" size={0}>
              <Tooltip title={`${t('community.basis')}: ${s.basis}`} placement="topLeft">
                <span style={{ fontWeight: 500 }}>
                  {s.step}. {title(s)}
                </span>
              </Tooltip>
              {s.statutory ? <Tag style={{ fontSize: 11, marginTop: 2 }}>{t('community.statutory')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('community.deadline'), key: 'deadline', width: 150, render: (_: unknown, s) => formatDate(s.deadline, lang) },
        {
          title: t('community.status'),
          key: 'status',
          width: 220,
          render: (_: unknown, s) => (
            <Space size={4} wrap>
              <Tag color={statusColor[s.status]} data-testid={`status-${s.key}`}>
                {t(`status.${s.status}`)}
              </Tag>
              {timing(s)}
            </Space>
          ),
        },
      ]}
    />
  );
}

interface GroupValues {
  readonly name: string;
  readonly number?: number | null;
  readonly households: number;
  readonly population: number;
}

function AddGroupModal({ open, communityId, onClose }: { readonly open: boolean; readonly communityId: string; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<GroupValues>();
  const [{ fetching }, create] = useMutation(CreateGroupMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: GroupValues) => {
    setError(null);
    const res = await create({ input: { communityId, name: v.name.trim(), number: v.number ?? null, households: v.households, population: v.population } });
    const outcome = res.data?.createGroup;
    if (outcome?.__typename === 'Group') {
      void message.success(t('community.groupAdded', { name: outcome.name }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['name', 'number', 'households', 'population']));
    } else {
      setError(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
    }
  };

  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <FormModal<GroupValues>
      open={open}
      title={t('community.addGroup')}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
    >
      <Form.Item name="name" label={t('community.groupName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('community.groupName') }) }]}>
        <Input maxLength={40} placeholder="一组" />
      </Form.Item>
      <Form.Item name="number" label={t('community.groupNumber')}>
        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="households" label={t('communities.households')} rules={required(t('communities.households'))}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="population" label={t('communities.population')} rules={required(t('communities.population'))}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
