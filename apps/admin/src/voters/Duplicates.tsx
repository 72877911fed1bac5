/**
 * C4: rows whose person is already registered (in the file, here, or in another community), side
 * by side with that registration, and the committee's decision: keep the existing registration, or
 * register the person here instead (with a reason; the other registration is removed).
 */
import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql, useT, type DuplicateStatus, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { ReasonModal } from '../ReasonModal.tsx';
import { noOutcome } from '../outcome.ts';

const DuplicatesQuery = graphql(`
  query VoterDuplicates($electionId: ID!, $status: DuplicateStatus) {
    voterDuplicateCount(electionId: $electionId, status: $status)
    voterDuplicates(electionId: $electionId, status: $status) {
      id rowNumber name sex residentId group address status
      existing { communityName serial name sex group residentId }
    }
  }
`);

const DecideMutation = graphql(`
  mutation DecideVoterDuplicate($duplicateId: ID!, $decision: DuplicateDecision!, $reason: String) {
    decideVoterDuplicate(duplicateId: $duplicateId, decision: $decision, reason: $reason) {
      __typename
      ... on VoterDuplicate { id status }
      ... on UserError { code message field }
    }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render.
const refetchOn = { additionalTypenames: ['VoterDuplicate', 'VoterImport'] };

type Duplicate = ResultOf<typeof DuplicatesQuery>['voterDuplicates'][number];

const statusColor: Record<DuplicateStatus, string> = { OPEN: 'orange', KEPT_EXISTING: 'default', MOVED: 'blue' };

export function Duplicates() {
  const t = useT();
  const { message } = App.useApp();
  const { election, manage } = useArea();
  const [status, setStatus] = useState<DuplicateStatus>('OPEN');
  const [result] = useQuery({
    query: DuplicatesQuery,
    variables: { electionId: election.id, status },
    requestPolicy: 'cache-and-network',
    context: refetchOn,
  });
  const [{ fetching }, decide] = useMutation(DecideMutation);
  const [moving, setMoving] = useState<Duplicate | null>(null);
  const rows = result.data?.voterDuplicates ?? [];
  const total = result.data?.voterDuplicateCount ?? rows.length;

  const keep = async (d: Duplicate) => {
    const res = await decide({ duplicateId: d.id, decision: 'KEEP_EXISTING', reason: null });
    const outcome = res.data?.decideVoterDuplicate;
    if (outcome?.__typename === 'VoterDuplicate') void message.success(t('duplicates.kept', { name: d.name }));
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };

  const fromFile = [
    { title: t('duplicates.row'), dataIndex: 'rowNumber', key: 'row', width: 60 },
    { title: t('voters.name'), dataIndex: 'name', key: 'name' },
    { title: t('voters.sex'), key: 'sex', width: 50, render: (_: unknown, d: Duplicate) => t(`sex.${d.sex}`) },
    { title: t('voters.residentId'), dataIndex: 'residentId', key: 'id', render: (id: string) => <code>{id}</code> },
    { title: t('voters.group'), dataIndex: 'group', key: 'group' },
  ];
  const existing = [
    { title: t('duplicates.community'), key: 'community', render: (_: unknown, d: Duplicate) => <strong>{d.existing?.communityName}</strong> },
    { title: t('voters.serial'), key: 'serial', render: (_: unknown, d: Duplicate) => d.existing?.serial },
    { title: t('voters.name'), key: 'name', render: (_: unknown, d: Duplicate) => d.existing?.name },
    { title: t('voters.sex'), key: 'sex', width: 50, render: (_: unknown, d: Duplicate) => (d.existing ? t(`sex.${d.existing.sex}`) : null) },
    { title: t('voters.residentId'), key: 'id', render: (_: unknown, d: Duplicate) => <code>{d.existing?.residentId}</code> },
    { title: t('voters.group'), key: 'group', render: (_: unknown, d: Duplicate) => d.existing?.group },
  ];
  const decision = {
    title: status === 'OPEN' ? t('duplicates.decide') : t('duplicates.status'),
    key: 'decide',
    width: 220,
    render: (_: unknown, d: Duplicate) =>
      d.status !== 'OPEN' || !manage ? (
        <Tag color={statusColor[d.status]}>{t(`duplicates.status.${d.status}`)}</Tag>
      ) : (
        <Space wrap>
          <Popconfirm title={t('duplicates.keepConfirm', { name: d.name })} onConfirm={() => void keep(d)} okButtonProps={{ loading: fetching }}>
            <Button size="small" data-testid={`keep-${d.rowNumber}`}>
              {t('duplicates.keep')}
            </Button>
          </Popconfirm>
          <Button size="small" type="primary" onClick={() => setMoving(d)} data-testid={`move-${d.rowNumber}`}>
            {t('duplicates.move')}
          </Button>
        </Space>
      ),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Alert type="info" showIcon title={t('duplicates.hint')} style={{ flex: 1 }} />
        <Segmented<DuplicateStatus>
          value={status}
          onChange={setStatus}
          options={(['OPEN', 'KEPT_EXISTING', 'MOVED'] as const).map((s) => ({ value: s, label: t(`duplicates.status.${s}`) }))}
        />
      </Space>
      {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
      {total > rows.length ? <Alert type="warning" showIcon title={t('duplicates.more', { shown: rows.length, total })} data-testid="duplicates-more" /> : null}
      <Table<Duplicate>
        rowKey="id"
        size="small"
        bordered
        loading={result.fetching && !result.data}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          { title: t('duplicates.fromFile'), key: 'file', children: fromFile },
          { title: t('duplicates.existing'), key: 'existing', children: existing },
          decision,
        ]}
        data-testid="duplicates-table"
      />
      <MoveModal duplicate={moving} onClose={() => setMoving(null)} />
    </Space>
  );
}

function MoveModal({ duplicate, onClose }: { readonly duplicate: Duplicate | null; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [{ fetching }, decide] = useMutation(DecideMutation);
  return (
    <ReasonModal
      open={duplicate !== null}
      title={duplicate ? t('duplicates.moveTitle', { name: duplicate.name, community: duplicate.existing?.communityName ?? '' }) : ''}
      label={t('duplicates.reason')}
      submitText={t('duplicates.move')}
      submitting={fetching}
      testId="move-duplicate-form"
      onClose={onClose}
      onSubmit={async (reason) => {
        if (!duplicate) return { done: true };
        const res = await decide({ duplicateId: duplicate.id, decision: 'REPLACE', reason });
        const outcome = res.data?.decideVoterDuplicate;
        if (outcome?.__typename === 'VoterDuplicate') {
          void message.success(t('duplicates.moved', { name: duplicate.name }));
          return { done: true };
        }
        return { done: false, userError: outcome?.__typename === 'UserError' ? outcome : undefined, error: res.error };
      }}
    />
  );
}
