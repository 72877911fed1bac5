/**
 * B1–B2: the election committee (members, one chair) and the reserve of the original vote. A
 * member nominated as a candidate leaves it (the server does it, with the reason) and the next
 * reserve moves up; such members stay listed as removed, with their reason.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { graphql, useT, type Sex } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { VoterPicker, type PickedVoter } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';

export interface CommitteePerson {
  readonly standing: string;
  readonly chair: boolean;
  readonly votes: number | null;
  readonly removedReason: string | null;
  readonly voter: { readonly id: string; readonly name: string; readonly sex: Sex; readonly group: string };
}

const SetCommitteeMutation = graphql(`
  mutation SetElectionCommittee($electionId: ID!, $input: ElectionCommitteeInput!) {
    setElectionCommittee(electionId: $electionId, input: $input) {
      __typename
      ... on ElectionCommitteeResult { warnings { code rule message } }
      ... on UserError { code message field }
    }
  }
`);

const standingColor: Record<string, string> = { member: 'blue', reserve: 'default', removed: 'red' };

export function ElectionCommitteeCard({ people }: { readonly people: readonly CommitteePerson[] }) {
  const t = useT();
  const { manage } = useArea();
  const [editing, setEditing] = useState(false);
  const [warnings, setWarnings] = useState<readonly { code: string; rule: string; message: string }[]>([]);
  const standing = (s: string) => (s === 'member' || s === 'reserve' || s === 'removed' ? t(`committee.standing.${s}`) : s);

  return (
    <Card
      size="small"
      title={t('committee.title')}
      extra={
        manage ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-committee">
            {t('committee.edit')}
          </Button>
        ) : null
      }
    >
      {warnings.map((w) => (
        <Alert key={w.code + w.message} type="warning" showIcon title={`${w.rule} · ${w.message}`} style={{ marginBottom: 8 }} />
      ))}
      <Table<CommitteePerson>
        rowKey={(p) => `${p.voter.id}-${p.standing}`}
        size="small"
        pagination={false}
        dataSource={people}
        locale={{ emptyText: t('committee.none') }}
        data-testid="committee-table"
        columns={[
          {
            title: t('voters.name'),
            key: 'name',
            render: (_: unknown, p) => (
              <Space size={4}>
                <span style={p.standing === 'removed' ? { textDecoration: 'line-through' } : undefined}>{p.voter.name}</span>
                {p.chair ? <Tag color="gold">{t('committee.chair')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('voters.sex'), key: 'sex', width: 60, render: (_: unknown, p) => t(`sex.${p.voter.sex}`) },
          { title: t('voters.group'), key: 'group', render: (_: unknown, p) => p.voter.group },
          { title: t('committee.standing'), key: 'standing', render: (_: unknown, p) => <Tag color={standingColor[p.standing]}>{standing(p.standing)}</Tag> },
          { title: t('committee.votes'), dataIndex: 'votes', key: 'votes', align: 'right', render: (v: number | null) => v ?? '' },
          { title: t('committee.removedReason'), dataIndex: 'removedReason', key: 'reason', render: (r: string | null) => (r ? <Typography.Text type="danger">{r}</Typography.Text> : null) },
        ]}
      />
      {editing ? (
        <CommitteeModal
          people={people}
          onClose={(w) => {
            setEditing(false);
            if (w) setWarnings(w);
          }}
        />
      ) : null}
    </Card>
  );
}

interface Member {
  readonly voter: { readonly id: string; readonly name: string };
  readonly chair: boolean;
}
interface Reserve {
  readonly voter: { readonly id: string; readonly name: string };
  readonly votes: number;
}

function CommitteeModal({
  people,
  onClose,
}: {
  readonly people: readonly CommitteePerson[];
  readonly onClose: (warnings?: readonly { code: string; rule: string; message: string }[]) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { election } = useArea();
  const [members, setMembers] = useState<readonly Member[]>(() => people.filter((p) => p.standing === 'member').map((p) => ({ voter: p.voter, chair: p.chair })));
  const [reserve, setReserve] = useState<readonly Reserve[]>(() => people.filter((p) => p.standing === 'reserve').map((p) => ({ voter: p.voter, votes: p.votes ?? 0 })));
  const [{ fetching }, save] = useMutation(SetCommitteeMutation);
  const [error, setError] = useState<string | null>(null);
  const chosen = [...members, ...reserve].map((p) => p.voter.id);

  const submit = async () => {
    setError(null);
    const res = await save({
      electionId: election.id,
      input: {
        members: members.map((m) => ({ voterId: m.voter.id, chair: m.chair })),
        reserve: reserve.map((r) => ({ voterId: r.voter.id, votes: r.votes })),
      },
    });
    const outcome = res.data?.setElectionCommittee;
    if (outcome?.__typename === 'ElectionCommitteeResult') {
      void message.success(t('committee.saved'));
      onClose(outcome.warnings);
    } else {
      setError(outcome?.message ?? noOutcome(res.error, t));
    }
  };

  const addMember = (v: PickedVoter) => setMembers((m) => (m.some((x) => x.voter.id === v.id) ? m : [...m, { voter: v, chair: m.length === 0 }]));
  const addReserve = (v: PickedVoter) => setReserve((r) => (r.some((x) => x.voter.id === v.id) ? r : [...r, { voter: v, votes: 0 }]));

  return (
    <Modal
      open
      width={720}
      title={t('committee.edit')}
      onCancel={() => onClose()}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="committee-form">
        {error ? <Alert type="error" showIcon title={error} data-testid="form-error" /> : null}
        <Typography.Text strong>{t('committee.members')}</Typography.Text>
        <VoterPicker electionId={election.id} value={null} onPick={addMember} exclude={chosen} placeholder={t('committee.addMember')} testId="committee-add-member" autoFocus />
        <Radio.Group
          value={members.find((m) => m.chair)?.voter.id ?? null}
          onChange={(e) => setMembers((ms) => ms.map((m) => ({ ...m, chair: m.voter.id === e.target.value })))}
          style={{ width: '100%' }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {members.map((m) => (
              <Space key={m.voter.id} style={{ width: '100%', justifyContent: 'space-between' }}>
                <Radio value={m.voter.id}>
                  {m.voter.name}
                  {m.chair ? <Tag color="gold" style={{ marginLeft: 8 }}>{t('committee.chair')}</Tag> : null}
                </Radio>
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => setMembers((ms) => ms.filter((x) => x.voter.id !== m.voter.id))} />
              </Space>
            ))}
          </Space>
        </Radio.Group>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('committee.chairHint')}</Typography.Text>
        <Typography.Text strong>{t('committee.reserve')}</Typography.Text>
        <VoterPicker electionId={election.id} value={null} onPick={addReserve} exclude={chosen} placeholder={t('committee.addReserve')} testId="committee-add-reserve" />
        {reserve.map((r) => (
          <Space key={r.voter.id} style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{r.voter.name}</span>
            <Space>
              <InputNumber
                min={0}
                precision={0}
                value={r.votes}
                suffix={t('committee.votesUnit')}
                onChange={(n) => setReserve((rs) => rs.map((x) => (x.voter.id === r.voter.id ? { ...x, votes: n ?? 0 } : x)))}
                aria-label={t('committee.votes')}
              />
              <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => setReserve((rs) => rs.filter((x) => x.voter.id !== r.voter.id))} />
            </Space>
          </Space>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('committee.reserveHint')}</Typography.Text>
      </Space>
    </Modal>
  );
}
