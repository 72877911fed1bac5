/** E2: the central meeting, polling stations and mobile ballot boxes, each with its box number. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Radio, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { graphql, useT, type PollingPlaceKind } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { noOutcome } from '../outcome.ts';

const CreatePollingPlaceMutation = graphql(`
  mutation CreatePollingPlace($electionId: ID!, $input: PollingPlaceInput!) {
    createPollingPlace(electionId: $electionId, input: $input) {
      __typename
      ... on PollingPlace { id kind name boxNumber }
      ... on UserError { code message field }
    }
  }
`);

const RemovePollingPlaceMutation = graphql(`
  mutation RemovePollingPlace($electionId: ID!, $placeId: ID!) {
    removePollingPlace(electionId: $electionId, placeId: $placeId) {
      __typename
      ... on Election { id pollingPlaces { id kind name boxNumber } }
      ... on UserError { code message field }
    }
  }
`);

export interface Place {
  readonly id: string;
  readonly kind: PollingPlaceKind;
  readonly name: string;
  readonly boxNumber: string;
}

const kindColor: Record<PollingPlaceKind, string> = { CENTRAL: 'gold', STATION: 'blue', MOBILE: 'purple' };
const placeKinds: readonly PollingPlaceKind[] = ['CENTRAL', 'STATION', 'MOBILE'];

export function PollingPlacesCard({ places, loading }: { readonly places: readonly Place[]; readonly loading: boolean }) {
  const t = useT();
  const { manage, election } = useArea();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [{ fetching: removing }, remove] = useMutation(RemovePollingPlaceMutation);

  // Only a place nothing refers to yet can go; the server says why otherwise (ballots issued, box opened, staff posted).
  const removePlace = async (p: Place) => {
    const res = await remove({ electionId: election.id, placeId: p.id });
    const outcome = res.data?.removePollingPlace;
    if (outcome?.__typename === 'Election') void message.success(t('places.removed', { name: p.name, box: p.boxNumber }));
    else void message.error(outcome?.message ?? noOutcome(res.error, t));
  };
  return (
    <Card
      size="small"
      title={t('places.title')}
      extra={
        manage ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-place">
            {t('places.add')}
          </Button>
        ) : null
      }
    >
      <Table<Place>
        rowKey="id"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={[...places]}
        locale={{ emptyText: t('places.none') }}
        data-testid="places-table"
        columns={[
          { title: t('places.boxNumber'), dataIndex: 'boxNumber', key: 'box', width: 100 },
          { title: t('places.kind'), key: 'kind', width: 120, render: (_: unknown, p) => <Tag color={kindColor[p.kind]}>{t(`placeKind.${p.kind}`)}</Tag> },
          { title: t('places.name'), dataIndex: 'name', key: 'name' },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'remove',
                  width: 80,
                  render: (_: unknown, p: Place) => (
                    <Popconfirm title={t('places.removeConfirm', { name: p.name, box: p.boxNumber })} onConfirm={() => void removePlace(p)} okButtonProps={{ loading: removing }}>
                      <Button size="small" type="link" danger data-testid={`remove-place-${p.boxNumber}`}>
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
        {t('places.mobileNote')}
      </Typography.Text>
      <AddPlaceModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

interface Values {
  readonly kind: PollingPlaceKind;
  readonly name: string;
  readonly boxNumber: string;
}

function AddPlaceModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { election } = useArea();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, create] = useMutation(CreatePollingPlaceMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const res = await create({ electionId: election.id, input: { kind: v.kind, name: v.name.trim(), boxNumber: v.boxNumber.trim() } });
    const outcome = res.data?.createPollingPlace;
    if (outcome?.__typename === 'PollingPlace') {
      void message.success(t('places.added', { name: outcome.name, box: outcome.boxNumber }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['kind', 'name', 'boxNumber']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('places.add')}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="add-place-form"
    >
      <Form.Item name="name" label={t('places.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('places.name') }) }]}>
        <Input maxLength={40} placeholder={t('places.namePlaceholder')} data-testid="place-name" />
      </Form.Item>
      <Form.Item name="boxNumber" label={t('places.boxNumber')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('places.boxNumber') }) }]}>
        <Input maxLength={10} placeholder="01" data-testid="place-box" />
      </Form.Item>
      <Form.Item name="kind" label={t('places.kind')} initialValue="STATION">
        <Radio.Group optionType="button" options={placeKinds.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
