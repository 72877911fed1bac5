/**
 * A change that needs a reason (removing a voter, revoking a proxy …): one text field, the server's
 * refusal shown under it, nothing lost on error.
 */
import { useState } from 'react';
import { Form, Input, Typography } from 'antd';
import type { CombinedError } from 'urql';
import { useT } from '@huanjie/ui';
import { FormModal, placeError } from './FormModal.tsx';
import { noOutcome } from './outcome.ts';

interface Values {
  readonly reason: string;
}

/** What the caller's mutation came back with: done, a user error, or nothing (network, server). */
export type ReasonOutcome = { readonly done: true } | { readonly done: false; readonly userError?: { readonly message: string; readonly field?: string | null } | undefined; readonly error?: CombinedError | undefined };

export function ReasonModal(props: {
  readonly open: boolean;
  readonly title: string;
  readonly label: string;
  readonly placeholder?: string;
  /** Shown above the field: what the change will do. */
  readonly note?: string;
  readonly submitText: string;
  readonly submitting: boolean;
  readonly testId: string;
  readonly onSubmit: (reason: string) => Promise<ReasonOutcome>;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const outcome = await props.onSubmit(v.reason.trim());
    if (outcome.done) {
      form.resetFields();
      props.onClose();
    } else if (outcome.userError) {
      setError(placeError(form, { message: outcome.userError.message, field: outcome.userError.field ?? null }, ['reason']));
    } else {
      setError(noOutcome(outcome.error, t));
    }
  };

  return (
    <FormModal<Values>
      open={props.open}
      title={props.title}
      form={form}
      submitText={props.submitText}
      submitting={props.submitting}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        props.onClose();
      }}
      testId={props.testId}
    >
      {props.note ? <Typography.Paragraph type="secondary">{props.note}</Typography.Paragraph> : null}
      <Form.Item name="reason" label={props.label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: props.label }) }]}>
        <Input.TextArea rows={3} maxLength={200} placeholder={props.placeholder} />
      </Form.Item>
    </FormModal>
  );
}
