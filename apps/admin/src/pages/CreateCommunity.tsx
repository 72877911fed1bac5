import { useState } from 'react';
import { App, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { datePickerFormat, errorMessage, graphql, useLang, useT, type CommunityArea, type CommunityKind } from '@huanjie/ui';
import { FormModal, placeError } from '../FormModal.tsx';

const CreateCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      __typename
      ... on Community { id code name }
      ... on UserError { code message field }
    }
  }
`);

interface Values {
  readonly code: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly area: CommunityArea;
  readonly electionDay?: Dayjs | null;
}

const FIELDS = ['code', 'name', 'kind', 'area', 'electionDay'] as const;

export function CreateCommunityModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const [lang] = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, create] = useMutation(CreateCommunityMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const res = await create({
      input: { code: v.code.trim(), name: v.name.trim(), kind: v.kind, area: v.area, electionDay: v.electionDay ? v.electionDay.format('YYYY-MM-DD') : null },
    });
    const outcome = res.data?.createCommunity;
    if (outcome?.__typename === 'Community') {
      void message.success(t('communities.created', { name: outcome.name }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, FIELDS));
    } else {
      setError(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('communities.create')}
      form={form}
      submitText={t('common.save')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="create-community-form"
    >
      <Form.Item name="code" label={t('communities.code')} extra={t('communities.codeHint')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('communities.code') }) }]}>
        <Input data-testid="community-code" maxLength={20} />
      </Form.Item>
      <Form.Item name="name" label={t('communities.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('communities.name') }) }]}>
        <Input data-testid="community-name" maxLength={40} />
      </Form.Item>
      <Form.Item name="kind" label={t('communities.kind')} initialValue="VILLAGE" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'VILLAGE', label: t('kind.VILLAGE') },
            { value: 'RESIDENTS', label: t('kind.RESIDENTS') },
          ]}
        />
      </Form.Item>
      <Form.Item name="area" label={t('communities.area')} initialValue="RURAL" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'RURAL', label: t('area.RURAL') },
            { value: 'TOWN_CENTRE', label: t('area.TOWN_CENTRE') },
          ]}
        />
      </Form.Item>
      <Form.Item name="electionDay" label={t('communities.electionDay')} extra={t('communities.electionDayHint')}>
        <DatePicker style={{ width: '100%' }} format={datePickerFormat(lang)} />
      </Form.Item>
    </FormModal>
  );
}
