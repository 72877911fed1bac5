/**
 * Register one person by hand (C1–C3 checked by the server). After publication the server asks for
 * a reason, posted as a supplement (C7); its message appears under the reason field.
 */
import { useState } from 'react';
import { App, AutoComplete, Form, Input, Radio, Select } from 'antd';
import { useMutation } from 'urql';
import { graphql, useT, type RegistrationCategory } from '@huanjie/ui';
import { FormModal, placeError } from '../FormModal.tsx';
import { useArea } from '../election/area.tsx';
import { noOutcome } from '../outcome.ts';

const RegisterVoterMutation = graphql(`
  mutation RegisterVoter($electionId: ID!, $input: VoterInput!, $reason: String) {
    registerVoter(electionId: $electionId, input: $input, reason: $reason) {
      __typename
      ... on Voter { id serial name }
      ... on UserError { code message field }
    }
  }
`);

interface Values {
  readonly name: string;
  readonly sex: '男' | '女';
  readonly residentId: string;
  readonly group?: string;
  readonly householdNo?: string;
  readonly address?: string;
  readonly category: RegistrationCategory;
  readonly approval?: string;
  readonly reason?: string;
}

const FIELDS = ['name', 'sex', 'residentId', 'group', 'householdNo', 'address', 'category', 'approval', 'reason'] as const;
// The server names the rule's field; age is read from the ID number.
const fieldOf = (field: string | null | undefined) => (field === 'age' ? 'residentId' : field);

const categories: readonly RegistrationCategory[] = ['RESIDENT', 'REGISTERED_AWAY', 'NON_REGISTERED_RESIDENT'];

export function RegisterVoterModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { community, election } = useArea();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, register] = useMutation(RegisterVoterMutation);
  const [error, setError] = useState<string | null>(null);
  const published = election.voterList.latest !== null;

  const submit = async (v: Values) => {
    setError(null);
    const res = await register({
      electionId: election.id,
      input: {
        name: v.name.trim(),
        sex: v.sex,
        residentId: v.residentId.trim(),
        group: v.group?.trim() ?? null,
        householdNo: v.householdNo?.trim() ?? null,
        address: v.address?.trim() ?? null,
        category: v.category,
        approval: v.approval?.trim() ?? null,
      },
      reason: v.reason?.trim() || null,
    });
    const outcome = res.data?.registerVoter;
    if (outcome?.__typename === 'Voter') {
      void message.success(t('voters.registeredOne', { name: outcome.name, serial: outcome.serial }));
      form.resetFields();
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, { message: outcome.message, field: fieldOf(outcome.field) }, FIELDS));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  const required = (label: string) => [{ required: true, whitespace: true, message: t('common.required', { field: label }) }];
  return (
    <FormModal<Values>
      open={open}
      title={t('voters.register')}
      form={form}
      submitText={t('voters.registerSubmit')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="register-voter-form"
    >
      <Form.Item name="name" label={t('voters.name')} rules={required(t('voters.name'))}>
        <Input maxLength={30} data-testid="voter-form-name" />
      </Form.Item>
      <Form.Item name="sex" label={t('voters.sex')} rules={[{ required: true, message: t('common.required', { field: t('voters.sex') }) }]}>
        <Radio.Group options={[{ value: '男', label: t('sex.MALE') }, { value: '女', label: t('sex.FEMALE') }]} />
      </Form.Item>
      <Form.Item name="residentId" label={t('voters.residentId')} rules={required(t('voters.residentId'))}>
        <Input maxLength={20} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="voter-form-id" />
      </Form.Item>
      <Form.Item name="group" label={t('voters.group')}>
        <AutoComplete options={community.groups.map((g) => ({ value: g.name }))} />
      </Form.Item>
      <Form.Item name="householdNo" label={t('voters.householdNo')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="address" label={t('voters.address')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={t('voters.category')} initialValue="RESIDENT">
        <Select options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      </Form.Item>
      <Form.Item name="approval" label={t('voters.approval')} extra={t('voters.approvalHint')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="reason" label={t('voters.reason')} required={published} extra={published ? t('voters.reasonAfterPublication') : t('voters.reasonOptional')}>
        <Input.TextArea rows={2} maxLength={200} data-testid="voter-form-reason" />
      </Form.Item>
    </FormModal>
  );
}
