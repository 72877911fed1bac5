/** Remove a voter from the list with a reason (death, moved away, an upheld objection…; C7). */
import { useState } from 'react';
import { App, Form, Input } from 'antd';
import { useMutation } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { FormModal, placeError } from '../FormModal.tsx';
import { noOutcome } from '../outcome.ts';

const RemoveVoterMutation = graphql(`
  mutation RemoveVoter($voterId: ID!, $reason: String!) {
    removeVoter(voterId: $voterId, reason: $reason) {
      __typename
      ... on Voter { id name status removedReason }
      ... on UserError { code message field }
    }
  }
`);

export interface RemovableVoter {
  readonly id: string;
  readonly name: string;
  readonly serial: string;
}

interface Values {
  readonly reason: string;
}

export function RemoveVoterModal({ voter, onClose }: { readonly voter: RemovableVoter | null; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, remove] = useMutation(RemoveVoterMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    if (!voter) return;
    setError(null);
    const res = await remove({ voterId: voter.id, reason: v.reason.trim() });
    const outcome = res.data?.removeVoter;
    if (outcome?.__typename === 'Voter') {
      void message.success(t('voters.removed', { name: outcome.name }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['reason']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<Values>
      open={voter !== null}
      title={voter ? t('voters.removeTitle', { name: voter.name, serial: voter.serial }) : ''}
      form={form}
      submitText={t('voters.remove')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="remove-voter-form"
    >
      <Form.Item name="reason" label={t('voters.removeReason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('voters.removeReason') }) }]}>
        <Input.TextArea rows={3} maxLength={200} placeholder={t('voters.removeReasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
