/**
 * B3, E6: counting staff — readers, tally clerks, scrutineers, writers — chosen from the voter list.
 * The server refuses a candidate or a candidate's near relative and names the rule; the refusal
 * shows under the person picked.
 */
import { useState } from 'react';
import { App, Button, Card, Form, Radio, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { graphql, useT, type StaffRole } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';
import type { Place } from './PollingPlaces.tsx';

const AppointStaffMutation = graphql(`
  mutation AppointStaff($electionId: ID!, $voterId: ID!, $role: StaffRole!, $placeId: ID) {
    appointStaff(electionId: $electionId, voterId: $voterId, role: $role, placeId: $placeId) {
      __typename
      ... on Staff { role voter { id name } }
      ... on UserError { code message field }
    }
  }
`);

export interface StaffMember {
  readonly role: StaffRole;
  readonly voter: { readonly id: string; readonly name: string; readonly group: string };
  readonly place: { readonly id: string; readonly name: string; readonly boxNumber: string } | null;
}

const staffRoles: readonly StaffRole[] = ['READER', 'TALLY_CLERK', 'SCRUTINEER', 'WRITER'];

export function StaffCard({ staff, places }: { readonly staff: readonly StaffMember[]; readonly places: readonly Place[] }) {
  const t = useT();
  const { community, manage } = useArea();
  const [appointing, setAppointing] = useState(false);
  return (
    <Card
      size="small"
      title={t('staff.title')}
      extra={
        <Space>
          {manage ? (
            <Button icon={<PlusOutlined />} onClick={() => setAppointing(true)} data-testid="appoint-staff">
              {t('staff.appoint')}
            </Button>
          ) : null}
          <Button icon={<PrinterOutlined />} href={`/communities/${encodeURIComponent(community.code)}/print/staff`} target="_blank">
            {t('staff.print')}
          </Button>
        </Space>
      }
    >
      <Table<StaffMember>
        rowKey={(s) => `${s.voter.id}-${s.role}-${s.place?.id ?? ''}`}
        size="small"
        pagination={false}
        dataSource={[...staff]}
        locale={{ emptyText: t('staff.none') }}
        data-testid="staff-table"
        columns={[
          { title: t('staff.role'), key: 'role', width: 110, render: (_: unknown, s) => <Tag>{t(`staffRole.${s.role}`)}</Tag> },
          { title: t('voters.name'), key: 'name', render: (_: unknown, s) => s.voter.name },
          { title: t('voters.group'), key: 'group', render: (_: unknown, s) => s.voter.group },
          { title: t('staff.place'), key: 'place', render: (_: unknown, s) => (s.place ? `${s.place.boxNumber} ${s.place.name}` : t('staff.allPlaces')) },
        ]}
      />
      <AppointModal open={appointing} places={places} onClose={() => setAppointing(false)} />
    </Card>
  );
}

interface Values {
  readonly voterId: string;
  readonly role: StaffRole;
  readonly placeId?: string | null;
}

function AppointModal({ open, places, onClose }: { readonly open: boolean; readonly places: readonly Place[]; readonly onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { election } = useArea();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, appoint] = useMutation(AppointStaffMutation);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    const res = await appoint({ electionId: election.id, voterId: v.voterId, role: v.role, placeId: v.placeId ?? null });
    const outcome = res.data?.appointStaff;
    if (outcome?.__typename === 'Staff') {
      void message.success(t('staff.appointed', { name: outcome.voter.name, role: t(`staffRole.${outcome.role}`) }));
      form.resetFields(['voterId']);
      onClose();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, ['voterId', 'role', 'placeId']));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('staff.appoint')}
      form={form}
      submitText={t('staff.appointSubmit')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={() => {
        setError(null);
        onClose();
      }}
      testId="appoint-staff-form"
    >
      <Form.Item name="voterId" label={t('staff.person')} extra={t('staff.conflictHint')} rules={[{ required: true, message: t('common.required', { field: t('staff.person') }) }]}>
        <VoterPicker electionId={election.id} testId="staff-voter" />
      </Form.Item>
      <Form.Item name="role" label={t('staff.role')} initialValue="TALLY_CLERK">
        <Radio.Group optionType="button" options={staffRoles.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
      </Form.Item>
      <Form.Item name="placeId" label={t('staff.place')}>
        <Select allowClear placeholder={t('staff.allPlaces')} options={places.map((p) => ({ value: p.id, label: `${p.boxNumber} ${p.name}` }))} />
      </Form.Item>
    </FormModal>
  );
}
