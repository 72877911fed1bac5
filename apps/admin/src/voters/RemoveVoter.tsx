/** Remove a voter from the list with a reason (death, moved away, an upheld objection…; C7). */
import { App } from 'antd';
import { useMutation } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { ReasonModal } from '../ReasonModal.tsx';

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

export function RemoveVoterModal({ voter, onClose }: { readonly voter: RemovableVoter | null; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [{ fetching }, remove] = useMutation(RemoveVoterMutation);
  return (
    <ReasonModal
      open={voter !== null}
      title={voter ? t('voters.removeTitle', { name: voter.name, serial: voter.serial }) : ''}
      label={t('voters.removeReason')}
      placeholder={t('voters.removeReasonPlaceholder')}
      submitText={t('voters.remove')}
      submitting={fetching}
      testId="remove-voter-form"
      onClose={onClose}
      onSubmit={async (reason) => {
        if (!voter) return { done: true };
        const res = await remove({ voterId: voter.id, reason });
        const outcome = res.data?.removeVoter;
        if (outcome?.__typename === 'Voter') {
          void message.success(t('voters.removed', { name: outcome.name }));
          return { done: true };
        }
        return { done: false, userError: outcome?.__typename === 'UserError' ? outcome : undefined, error: res.error };
      }}
    />
  );
}
