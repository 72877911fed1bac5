/** Opens a box for counting: the ballots returned (收回选票) counted by hand, then Enter. */
import { useState } from 'react';
import { Alert, Button, InputNumber, Space } from 'antd';
import { useMutation } from 'urql';
import { errorMessage, graphql, useT } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import type { PlaceData } from './data.ts';

const OpenBoxMutation = graphql(`
  mutation OpenBox($electionId: ID!, $placeId: ID!, $ballotsReturned: Int!, $round: Int) {
    openBox(electionId: $electionId, placeId: $placeId, ballotsReturned: $ballotsReturned, round: $round) {
      __typename
      ... on BoxCount { id }
      ... on Error { code message }
    }
  }
`);

export function OpenBoxForm({
  electionId,
  round,
  place,
  onOpened,
}: {
  readonly electionId: string;
  readonly round: number | null;
  readonly place: PlaceData;
  readonly onOpened: (boxId: string) => void;
}) {
  const t = useT();
  const tt = useTallyT();
  const [returned, setReturned] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, openBox] = useMutation(OpenBoxMutation);
  const submit = async () => {
    if (returned === null) return;
    setFailure(null);
    const res = await openBox({ electionId, placeId: place.id, ballotsReturned: returned, round });
    const outcome = res.data?.openBox;
    if (outcome?.__typename === 'BoxCount') onOpened(outcome.id);
    else setFailure(outcome?.__typename === 'UserError' ? outcome.message : res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
  };
  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <InputNumber<number>
          size="large"
          min={0}
          precision={0}
          value={returned}
          onChange={setReturned}
          placeholder={tt('count.returnedPlaceholder')}
          aria-label={tt('count.returned')}
          style={{ flex: 1, fontSize: 22 }}
          onPressEnter={() => void submit()}
          data-testid={`returned-${place.boxNumber}`}
        />
        <Button type="primary" size="large" loading={fetching} disabled={returned === null} onClick={() => void submit()} data-testid={`open-${place.boxNumber}`}>
          {tt('count.open')}
        </Button>
      </Space.Compact>
      {failure ? <Alert type="error" showIcon style={{ marginTop: 12, fontSize: 18 }} title={failure} /> : null}
    </>
  );
}
