/** The election cycle: set it up once, then an election day per community (deadlines follow). */
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { datePickerFormat, errorMessage, formatDate, graphql, useLang, useT, useViewer, type ProfileName, type ResultOf } from '@huanjie/ui';
import { canManageCommunity, isTownshipAdmin } from '../permissions.ts';
import { placeError } from '../FormModal.tsx';
import { stageLabel } from '../stage.ts';

const CycleQuery = graphql(`
  query CurrentCycle {
    currentCycle {
      id name year profile defaultElectionDay
      elections { id electionDay stage checklist { step title titleEn } community { id code name } }
    }
  }
`);

const CreateCycleMutation = graphql(`
  mutation CreateCycle($input: CreateCycleInput!) {
    createCycle(input: $input) {
      __typename
      ... on Cycle { id }
      ... on UserError { code message field }
    }
  }
`);

const SetElectionDayMutation = graphql(`
  mutation SetElectionDay($electionId: ID!, $electionDay: Date!) {
    setElectionDay(electionId: $electionId, electionDay: $electionDay) {
      __typename
      ... on Election { id electionDay }
      ... on Error { code message }
    }
  }
`);

type ElectionRow = NonNullable<ResultOf<typeof CycleQuery>['currentCycle']>['elections'][number];

// `currentCycle: null` carries no Cycle typename for the document cache to see: name it.
const refetchOn = { additionalTypenames: ['Cycle', 'Election'] };

export function CyclePage() {
  const t = useT();
  const [lang] = useLang();
  const { me } = useViewer();
  const { message } = App.useApp();
  const [result] = useQuery({ query: CycleQuery, requestPolicy: 'cache-and-network', context: refetchOn });
  const [saving, setSaving] = useState<string | null>(null);
  const [, setDay] = useMutation(SetElectionDayMutation);
  const cycle = result.data?.currentCycle;

  if (result.error && !result.data) return <Alert type="error" showIcon title={errorMessage(result.error, t('error.network'))} />;
  if (!result.data) return <Card loading />;
  if (!cycle) return isTownshipAdmin(me) ? <CreateCycleForm /> : <Alert type="info" showIcon title={t('cycle.adminOnly')} />;

  const changeDay = async (e: ElectionRow, day: Dayjs | null) => {
    if (!day) return;
    const electionDay = day.format('YYYY-MM-DD');
    if (electionDay === e.electionDay) return;
    setSaving(e.id);
    const res = await setDay({ electionId: e.id, electionDay });
    setSaving(null);
    const outcome = res.data?.setElectionDay;
    if (outcome?.__typename === 'Election') void message.success(t('cycle.daySaved', { name: e.community.name, date: formatDate(electionDay, lang) }));
    else if (outcome) void message.error(outcome.message);
    else void message.error(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };

  const elections = [...cycle.elections].sort((a, b) => a.community.code.localeCompare(b.community.code));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('cycle.title')}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('cycle.name')}>{cycle.name}</Descriptions.Item>
          <Descriptions.Item label={t('cycle.year')}>{cycle.year}</Descriptions.Item>
          <Descriptions.Item label={t('cycle.profile')}>{t(`profile.${cycle.profile}`)}</Descriptions.Item>
          <Descriptions.Item label={t('cycle.defaultDay')}>{formatDate(cycle.defaultElectionDay, lang)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('cycle.elections')}>
        <Table<ElectionRow>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={elections}
          columns={[
            { title: t('communities.code'), key: 'code', width: 160, render: (_: unknown, e) => e.community.code },
            { title: t('communities.name'), key: 'name', render: (_: unknown, e) => <Link to={`/communities/${encodeURIComponent(e.community.code)}`}>{e.community.name}</Link> },
            { title: t('overview.stage'), key: 'stage', render: (_: unknown, e) => stageLabel(e, t, lang) },
            {
              title: t('cycle.electionDay'),
              key: 'day',
              width: 220,
              render: (_: unknown, e) => (
                <DatePicker
                  allowClear={false}
                  format={datePickerFormat(lang)}
                  value={dayjs(e.electionDay, 'YYYY-MM-DD')}
                  disabled={!canManageCommunity(me, e.community.id) || saving === e.id}
                  onChange={(d) => void changeDay(e, d)}
                  data-testid={`election-day-${e.community.code}`}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

interface CycleValues {
  readonly name: string;
  readonly year: number;
  readonly profile: ProfileName;
  readonly electionDay: Dayjs;
}

function CreateCycleForm() {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<CycleValues>();
  const [{ fetching }, create] = useMutation(CreateCycleMutation);
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();

  const submit = async (v: CycleValues) => {
    setError(null);
    const res = await create({ input: { name: v.name.trim(), year: v.year, profile: v.profile, electionDay: v.electionDay.format('YYYY-MM-DD') } });
    const outcome = res.data?.createCycle;
    if (outcome?.__typename === 'Cycle') void message.success(t('cycle.created'));
    else if (outcome?.__typename === 'UserError') setError(placeError(form, outcome, ['name', 'year', 'profile', 'electionDay']));
    else setError(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };

  return (
    <Card title={t('cycle.create')} style={{ maxWidth: 560 }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<CycleValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ year, profile: 'SICHUAN', name: `${year}年村（社区）换届选举` }}>
        <Form.Item name="name" label={t('cycle.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('cycle.name') }) }]}>
          <Input autoFocus placeholder={t('cycle.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="year" label={t('cycle.year')} rules={[{ required: true, message: t('common.required', { field: t('cycle.year') }) }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="profile" label={t('cycle.profile')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'SICHUAN', label: t('profile.SICHUAN') },
              { value: 'NATIONAL', label: t('profile.NATIONAL') },
            ]}
          />
        </Form.Item>
        <Form.Item name="electionDay" label={t('cycle.defaultDay')} rules={[{ required: true, message: t('common.required', { field: t('cycle.defaultDay') }) }]}>
          <DatePicker style={{ width: '100%' }} format={datePickerFormat(lang)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
