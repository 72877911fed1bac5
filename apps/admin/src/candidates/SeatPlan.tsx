/**
 * A1: the positions and seats of the committee (director, deputies, members; 3–7 in all for a
 * village, 5–9 for residents). The server checks the total and says why it refuses.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql, useT } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { noOutcome } from '../outcome.ts';

const SetSeatPlanMutation = graphql(`
  mutation SetSeatPlan($electionId: ID!, $input: SeatPlanInput!) {
    setSeatPlan(electionId: $electionId, input: $input) {
      __typename
      ... on SeatPlan { director deputies members reservedWomenSeats }
      ... on UserError { code message field }
    }
  }
`);

export interface SeatPlanValues {
  readonly director: number;
  readonly deputies: number;
  readonly members: number;
}

export function SeatPlanCard({ plan }: { readonly plan: (SeatPlanValues & { readonly reservedWomenSeats: number }) | null }) {
  const t = useT();
  const { message } = App.useApp();
  const { community, election, manage } = useArea();
  const [form] = Form.useForm<SeatPlanValues>();
  const [{ fetching }, save] = useMutation(SetSeatPlanMutation);
  const [error, setError] = useState<string | null>(null);
  const values = Form.useWatch([], form);
  const total = (values?.director ?? 0) + (values?.deputies ?? 0) + (values?.members ?? 0);

  useEffect(() => {
    if (plan) form.setFieldsValue({ director: plan.director, deputies: plan.deputies, members: plan.members });
  }, [plan, form]);

  const submit = async (v: SeatPlanValues) => {
    setError(null);
    const res = await save({ electionId: election.id, input: { director: v.director, deputies: v.deputies, members: v.members } });
    const outcome = res.data?.setSeatPlan;
    if (outcome?.__typename === 'SeatPlan') void message.success(t('seatPlan.saved'));
    else setError(outcome?.message ?? noOutcome(res.error, t));
  };

  const count = (name: keyof SeatPlanValues, label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('common.required', { field: label }) }]} style={{ marginBottom: 0 }}>
      <InputNumber min={0} max={max} precision={0} disabled={!manage} style={{ width: 110 }} data-testid={`seats-${name}`} />
    </Form.Item>
  );

  return (
    <Card size="small" title={t('seatPlan.title')}>
      <Form<SeatPlanValues>
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={plan ?? { director: 1, deputies: 0, members: 2 }}
        style={{ rowGap: 12 }}
      >
        {count('director', t('position.DIRECTOR'), 1)}
        {count('deputies', t('position.DEPUTY'), 5)}
        {count('members', t('position.MEMBER'), 9)}
        <Form.Item style={{ marginBottom: 0 }}>
          <Typography.Text type="secondary">{t('seatPlan.total', { n: total, range: t(community.kind === 'VILLAGE' ? 'seatPlan.rangeVillage' : 'seatPlan.rangeResidents') })}</Typography.Text>
        </Form.Item>
        {manage ? (
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={fetching} data-testid="save-seat-plan">
              {t('common.save')}
            </Button>
          </Form.Item>
        ) : null}
      </Form>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
        {error ? <Alert type="error" showIcon title={error} data-testid="seat-plan-error" /> : null}
        {plan && plan.reservedWomenSeats > 0 ? <Typography.Text type="secondary">{t('seatPlan.reservedWomen', { n: plan.reservedWomenSeats })}</Typography.Text> : null}
        {!plan ? <Typography.Text type="warning">{t('seatPlan.none')}</Typography.Text> : null}
      </Space>
    </Card>
  );
}
