/**
 * E3–E5: written proxies — the principal, the proxy holder (a near relative registered here), what
 * the holder is to the principal, and the date of the letter — and the list to publish.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Select, Space, Table } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { datePickerFormat, formatDate, graphql, useLang, useT, type NearRelativeKind } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { ReasonModal } from '../ReasonModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';
import { relativeKinds } from './Kinship.tsx';

const RecordProxyMutation = graphql(`
  mutation RecordProxy($electionId: ID!, $principalId: ID!, $holderId: ID!, $relation: NearRelativeKind!, $writtenOn: Date!) {
    recordProxy(electionId: $electionId, principalId: $principalId, holderId: $holderId, relation: $relation, writtenOn: $writtenOn) {
      __typename
      ... on Proxy { principal { id name } holder { id name } }
      ... on UserError { code message field }
    }
  }
`);

const RevokeProxyMutation = graphql(`
  mutation RevokeProxy($electionId: ID!, $principalId: ID!, $reason: String!) {
    revokeProxy(electionId: $electionId, principalId: $principalId, reason: $reason) {
      __typename
      ... on Proxy { principal { id name } }
      ... on UserError { code message field }
    }
  }
`);

export interface ProxyEntry {
  readonly relation: NearRelativeKind;
  readonly writtenOn: string;
  readonly principal: { readonly id: string; readonly name: string; readonly group: string };
  readonly holder: { readonly id: string; readonly name: string; readonly group: string };
}

export function ProxiesCard({ proxies }: { readonly proxies: readonly ProxyEntry[] }) {
  const t = useT();
  const [lang] = useLang();
  const { community, manage, election } = useArea();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<ProxyEntry | null>(null);
  const [{ fetching: revokingNow }, revoke] = useMutation(RevokeProxyMutation);
  const { message } = App.useApp();
  return (
    <Card
      size="small"
      title={t('proxies.title')}
      extra={
        <Space>
          {manage ? (
            <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-proxy">
              {t('proxies.record')}
            </Button>
          ) : null}
          <Button icon={<PrinterOutlined />} href={`/communities/${encodeURIComponent(community.code)}/print/proxies`} target="_blank" data-testid="print-proxies">
            {t('proxies.print')}
          </Button>
        </Space>
      }
    >
      <Table<ProxyEntry>
        rowKey={(p) => p.principal.id}
        size="small"
        pagination={false}
        dataSource={[...proxies]}
        locale={{ emptyText: t('proxies.none') }}
        data-testid="proxies-table"
        columns={[
          { title: t('proxies.principal'), key: 'principal', render: (_: unknown, p) => `${p.principal.name}（${p.principal.group}）` },
          { title: t('proxies.holder'), key: 'holder', render: (_: unknown, p) => `${p.holder.name}（${p.holder.group}）` },
          { title: t('proxies.relation'), key: 'relation', render: (_: unknown, p) => t(`relative.${p.relation}`) },
          { title: t('proxies.writtenOn'), key: 'writtenOn', render: (_: unknown, p) => formatDate(p.writtenOn, lang) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'revoke',
                  render: (_: unknown, p: ProxyEntry) => (
                    <Button size="small" danger onClick={() => setRevoking(p)} data-testid={`revoke-proxy-${p.principal.name}`}>
                      {t('proxies.revoke')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ReasonModal
        open={revoking !== null}
        title={revoking ? t('proxies.revokeTitle', { principal: revoking.principal.name, holder: revoking.holder.name }) : ''}
        label={t('proxies.revokeReason')}
        submitText={t('proxies.revoke')}
        submitting={revokingNow}
        testId="revoke-proxy-form"
        onClose={() => setRevoking(null)}
        onSubmit={async (reason) => {
          if (!revoking) return { done: true };
          const res = await revoke({ electionId: election.id, principalId: revoking.principal.id, reason }, { additionalTypenames: ['Proxy', 'Election'] });
          const outcome = res.data?.revokeProxy;
          if (outcome?.__typename === 'Proxy') {
            void message.success(t('proxies.revoked', { principal: outcome.principal.name }));
            return { done: true };
          }
          return { done: false, userError: outcome?.__typename === 'UserError' ? outcome : undefined, error: res.error };
        }}
      />
      <RecordProxyModal open={recording} onClose={() => setRecording(false)} />
    </Card>
  );
}

interface Values {
  readonly principalId: string;
  readonly holderId: string;
  readonly relation: NearRelativeKind;
  readonly writtenOn: Dayjs;
}

function RecordProxyModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const { election } = useArea();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, record] = useMutation(RecordProxyMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const res = await record({ electionId: election.id, principalId: v.principalId, holderId: v.holderId, relation: v.relation, writtenOn: v.writtenOn.format('YYYY-MM-DD') });
    const outcome = res.data?.recordProxy;
    if (outcome?.__typename === 'Proxy') {
      void message.success(t('proxies.recorded', { principal: outcome.principal.name, holder: outcome.holder.name }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['principalId', 'holderId', 'relation', 'writtenOn']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  const required = (label: string) => [{ required: true, message: t('common.required', { field: label }) }];
  return (
    <FormModal<Values>
      open={open}
      title={t('proxies.record')}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="record-proxy-form"
    >
      <Form.Item name="principalId" label={t('proxies.principal')} rules={required(t('proxies.principal'))}>
        <VoterPicker electionId={election.id} testId="proxy-principal" />
      </Form.Item>
      <Form.Item name="holderId" label={t('proxies.holder')} extra={t('proxies.holderHint')} rules={required(t('proxies.holder'))}>
        <VoterPicker electionId={election.id} testId="proxy-holder" />
      </Form.Item>
      <Form.Item name="relation" label={t('proxies.relationLong')} initialValue="SPOUSE">
        <Select options={relativeKinds.map((k) => ({ value: k, label: t(`relative.${k}`) }))} />
      </Form.Item>
      <Form.Item name="writtenOn" label={t('proxies.writtenOn')} rules={required(t('proxies.writtenOn'))}>
        <DatePicker style={{ width: '100%' }} format={datePickerFormat(lang)} />
      </Form.Item>
    </FormModal>
  );
}
