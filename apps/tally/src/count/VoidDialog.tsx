/** 作废更正: the entry stays on record, a void with its reason takes it out of the count (architecture.md, step 5). */
import { useState } from 'react';
import { Alert, Input, Modal, Radio, Space } from 'antd';
import { useMutation } from 'urql';
import { errorMessage, graphql } from '@huanjie/ui';
import { useTallyT, type TallyKey } from '../messages.ts';
import type { EntryRow } from './RecentEntries.tsx';

const VoidBallotMutation = graphql(`
  mutation VoidBallot($ballotId: Int!, $reason: String!) {
    voidBallot(ballotId: $ballotId, reason: $reason) {
      __typename
      ... on Ballot { id }
      ... on Error { code message }
    }
  }
`);

const REASONS: readonly TallyKey[] = ['entry.reason.misread', 'entry.reason.mistyped', 'entry.reason.duplicate'];

export function VoidDialog({ row, onDone, onCancel }: { readonly row: EntryRow; readonly onDone: () => void; readonly onCancel: () => void }) {
  const tt = useTallyT();
  const [reason, setReason] = useState(tt('entry.reason.misread'));
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, voidBallot] = useMutation(VoidBallotMutation);
  const submit = async () => {
    if (row.ballotId === null || !reason.trim()) return;
    setFailure(null);
    const res = await voidBallot({ ballotId: row.ballotId, reason: reason.trim() });
    const outcome = res.data?.voidBallot;
    if (outcome?.__typename === 'Ballot') onDone();
    else setFailure(outcome?.__typename === 'UserError' ? outcome.message : res.error ? errorMessage(res.error, tt('entry.voidNeedsNetwork')) : tt('entry.voidNeedsNetwork'));
  };
  return (
    <Modal
      open
      title={<span style={{ fontSize: 22 }}>{tt('entry.voidTitle', { summary: row.summary })}</span>}
      okText={tt('entry.voidConfirm')}
      okButtonProps={{ danger: true, loading: fetching, size: 'large', disabled: !reason.trim() }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => void submit()}
      onCancel={onCancel}
      width={640}
    >
      <div style={{ fontSize: 18, marginBottom: 8 }}>{tt('entry.voidReason')}</div>
      <Radio.Group value={REASONS.map((k) => tt(k)).includes(reason) ? reason : null} onChange={(e) => setReason(String(e.target.value))}>
        <Space orientation="vertical">
          {REASONS.map((k) => (
            <Radio key={k} value={tt(k)} style={{ fontSize: 18 }}>
              {tt(k)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Input
        size="large"
        style={{ marginTop: 12 }}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={() => void submit()}
        autoFocus
        data-testid="void-reason"
      />
      {failure ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={failure} /> : null}
    </Modal>
  );
}
