/**
 * A form in a dialog, keyboard first: the first field has the focus when it opens, Enter submits,
 * Esc closes. A server error names its field when it has one and stays next to it; the values stay.
 */
import { useRef, type ReactNode } from 'react';
import { Alert, Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useT } from '@huanjie/ui';

export interface ServerError {
  readonly message: string;
  readonly field?: string | null;
}

/** Puts a server error on its form field if the form has that field; otherwise returns it for the banner. */
export function placeError<T>(form: FormInstance<T>, error: ServerError, fields: readonly (keyof T & string)[]): string | null {
  const field = fields.find((f) => f === error.field);
  if (field === undefined) return error.message;
  // antd types field names as paths into T; a top-level key is one, which its types cannot see.
  (form as FormInstance<Record<string, unknown>>).setFields([{ name: field, errors: [error.message] }]);
  return null;
}

export function FormModal<T extends object>(props: {
  readonly open: boolean;
  readonly title: string;
  readonly form: FormInstance<T>;
  readonly submitText: string;
  readonly submitting: boolean;
  readonly error: string | null;
  readonly onSubmit: (values: T) => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId?: string;
  /** For forms with rows; the default suits a column of fields. */
  readonly width?: number;
}) {
  const t = useT();
  const body = useRef<HTMLDivElement>(null);
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) body.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea')?.focus();
      }}
    >
      <div ref={body} data-testid={props.testId}>
        {props.error ? <Alert type="error" showIcon title={props.error} style={{ marginBottom: 16 }} data-testid="form-error" /> : null}
        <Form<T> form={props.form} layout="vertical" onFinish={props.onSubmit} requiredMark="optional">
          {props.children}
          <Form.Item style={{ marginBottom: 0, textAlign: 'right' }}>
            <Space>
              <Button onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={props.submitting} data-testid="form-submit">
                {props.submitText}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
