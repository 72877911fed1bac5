/**
 * A3, B3: record that one voter is a near relative of another, so that the conflict checks (staff,
 * proxies, the committee) can see it. The API lists no ties back, so this card shows the ones
 * recorded here in this visit.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, List, Select, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql, useT, type NearRelativeKind } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { placeError } from '../FormModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';

const RecordKinshipMutation = graphql(`
  mutation RecordKinship($voterId: ID!, $relativeId: ID!, $kind: NearRelativeKind!) {
    recordKinship(voterId: $voterId, relativeId: $relativeId, kind: $kind) {
      __typename
      ... on Kinship { kind voter { id name } relative { id name } }
      ... on UserError { code message field }
    }
  }
`);

export const relativeKinds: readonly NearRelativeKind[] = ['SPOUSE', 'PARENT', 'CHILD', 'SIBLING', 'GRANDPARENT', 'GRANDCHILD'];

interface Values {
  readonly relativeId: string;
  readonly kind: NearRelativeKind;
  readonly voterId: string;
}

interface Tie {
  readonly voter: string;
  readonly relative: string;
  readonly kind: NearRelativeKind;
}

export function KinshipCard() {
  const t = useT();
  const { message } = App.useApp();
  const { election, manage } = useArea();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, record] = useMutation(RecordKinshipMutation);
  const [error, setError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<readonly Tie[]>([]);

  const submit = async (v: Values) => {
    setError(null);
    const res = await record({ voterId: v.voterId, relativeId: v.relativeId, kind: v.kind });
    const outcome = res.data?.recordKinship;
    if (outcome?.__typename === 'Kinship') {
      const tie = { voter: outcome.voter.name, relative: outcome.relative.name, kind: outcome.kind };
      setRecorded((r) => [tie, ...r]);
      void message.success(t('kinship.sentence', { relative: tie.relative, kind: t(`relative.${tie.kind}`), voter: tie.voter }));
      form.resetFields(['voterId', 'relativeId']);
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['voterId', 'relativeId', 'kind']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  if (!manage) return null;
  return (
    <Card size="small" title={t('kinship.title')}>
      <Typography.Paragraph type="secondary">{t('kinship.hint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Space wrap align="start" style={{ width: '100%' }}>
          <Form.Item name="relativeId" label={t('kinship.relative')} rules={[{ required: true, message: t('common.required', { field: t('kinship.relative') }) }]} style={{ width: 260 }}>
            <VoterPicker electionId={election.id} testId="kinship-relative" />
          </Form.Item>
          <Form.Item name="kind" label={t('kinship.is')} initialValue="PARENT" style={{ width: 170 }}>
            <Select options={relativeKinds.map((k) => ({ value: k, label: t(`relative.${k}`) }))} />
          </Form.Item>
          <Form.Item name="voterId" label={t('kinship.of')} rules={[{ required: true, message: t('common.required', { field: t('kinship.of') }) }]} style={{ width: 260 }}>
            <VoterPicker electionId={election.id} testId="kinship-voter" />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={fetching} data-testid="record-kinship">
              {t('kinship.record')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {recorded.length > 0 ? (
        <List
          size="small"
          header={t('kinship.recorded')}
          dataSource={[...recorded]}
          renderItem={(tie) => <List.Item>{t('kinship.sentence', { relative: tie.relative, kind: t(`relative.${tie.kind}`), voter: tie.voter })}</List.Item>}
        />
      ) : null}
    </Card>
  );
}
