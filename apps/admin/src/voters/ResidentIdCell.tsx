/**
 * A masked ID number, with "显示完整号码" for the roles that may see it (township office, the
 * community's committee). Each reveal is one audited server call; the number stays on screen only
 * in this cell, never in the cache.
 */
import { useState } from 'react';
import { App, Button, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { noOutcome } from '../outcome.ts';

const RevealMutation = graphql(`
  mutation RevealResidentId($voterId: ID!) {
    revealResidentId(voterId: $voterId) {
      __typename
      ... on RevealedResidentId { residentId }
      ... on UserError { code message }
    }
  }
`);

export function ResidentIdCell({ voterId, masked, canReveal }: { readonly voterId: string; readonly masked: string; readonly canReveal: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [{ fetching }, reveal] = useMutation(RevealMutation);
  const [full, setFull] = useState<string | null>(null);

  const show = async () => {
    const res = await reveal({ voterId });
    const outcome = res.data?.revealResidentId;
    if (outcome?.__typename === 'RevealedResidentId') setFull(outcome.residentId);
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };

  return (
    <Space size={4} wrap={false}>
      <Typography.Text code style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid="resident-id">
        {full ?? masked}
      </Typography.Text>
      {canReveal && full === null ? (
        <Button type="link" size="small" icon={<EyeOutlined />} loading={fetching} onClick={() => void show()} data-testid="reveal-id">
          {t('voters.reveal')}
        </Button>
      ) : null}
      {full !== null ? (
        <Button type="link" size="small" onClick={() => setFull(null)}>
          {t('voters.hide')}
        </Button>
      ) : null}
    </Space>
  );
}
