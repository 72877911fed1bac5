/**
 * D1–D2: direct nomination (海选). Each group's nomination count sheet is entered (replacing an
 * earlier one of the group); the running totals per position, the participation against the
 * registered voters and the quorum; then the preliminary candidates published from the totals and,
 * per position, the formal candidates chosen from the top of the preliminary list within the
 * competitive margin. The server decides and names the rule when it refuses.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, AutoComplete, Button, Card, Flex, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, FormOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { graphql, useT, type PositionKind, type ResultOf } from '@huanjie/ui';
import { useArea } from '../election/area.tsx';
import { FormModal, placeError } from '../FormModal.tsx';
import { VoterPicker } from '../VoterPicker.tsx';
import { noOutcome } from '../outcome.ts';

const NominationsQuery = graphql(`
  query Nominations($electionId: ID!) {
    node(id: $electionId) {
      id
      ... on Election {
        seatPlan { director deputies members }
        nominations {
          participants registered quorumProblem
          positions { position nominees { voter { id name } name nominations } }
          problems { code rule message }
        }
      }
    }
  }
`);

const EnterGroupNominationsMutation = graphql(`
  mutation EnterGroupNominations($electionId: ID!, $groupName: String!, $participants: Int!, $counts: [GroupNominationInput!]!) {
    enterGroupNominations(electionId: $electionId, groupName: $groupName, participants: $participants, counts: $counts) {
      __typename
      ... on NominationState { participants registered quorumProblem }
      ... on UserError { code message field }
    }
  }
`);

const PublishPreliminaryListMutation = graphql(`
  mutation PublishPreliminaryList($electionId: ID!) {
    publishPreliminaryList(electionId: $electionId) {
      __typename
      ... on NominationState { positions { position nominees { name } } }
      ... on UserError { code message }
    }
  }
`);

const ChooseFormalCandidatesMutation = graphql(`
  mutation ChooseFormalCandidates($electionId: ID!, $position: PositionKind!, $formalCount: Int) {
    chooseFormalCandidates(electionId: $electionId, position: $position, formalCount: $formalCount) {
      __typename
      ... on FormalChoice { chosen }
      ... on UserError { code message }
    }
  }
`);

// Module-level: urql re-runs a query whose context object is new on every render. The state is
// null until the seats are set, so its typename is named here for the first sheet to refetch it.
const refetchOn = { additionalTypenames: ['NominationState', 'SeatPlan', 'Candidate', 'Voter'] };
// The preliminary list and the formal choice create candidates: the candidate list and the formal
// list check refetch on this.
const changesCandidates = { additionalTypenames: ['Candidate'] };

type NominationsNode = Extract<NonNullable<ResultOf<typeof NominationsQuery>['node']>, { nominations: unknown }>;
type PositionTotals = NonNullable<NominationsNode['nominations']>['positions'][number];
type Nominee = PositionTotals['nominees'][number];
type SeatPlan = NonNullable<NominationsNode['seatPlan']>;

function seatsOf(plan: SeatPlan | null, position: PositionKind): number | null {
  if (!plan) return null;
  return position === 'DIRECTOR' ? plan.director : position === 'DEPUTY' ? plan.deputies : plan.members;
}

export function NominationsCard() {
  const t = useT();
  const { message } = App.useApp();
  const { election, manage } = useArea();
  const [result] = useQuery({ query: NominationsQuery, variables: { electionId: election.id }, requestPolicy: 'cache-and-network', context: refetchOn });
  const [{ fetching: publishing }, publish] = useMutation(PublishPreliminaryListMutation);
  const [entering, setEntering] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const node = result.data?.node;
  const data = node && 'nominations' in node ? node : null;
  const state = data?.nominations ?? null;

  const runPublish = async () => {
    setPublishError(null);
    const res = await publish({ electionId: election.id }, changesCandidates);
    const outcome = res.data?.publishPreliminaryList;
    if (outcome?.__typename === 'NominationState') {
      void message.success(t('nominations.published', { n: outcome.positions.reduce((sum, p) => sum + p.nominees.length, 0) }));
    } else {
      setPublishError(outcome?.message ?? noOutcome(res.error, t));
    }
  };

  if (!data && result.fetching) return <Card size="small" title={t('nominations.title')} loading />;

  return (
    <Card
      size="small"
      title={t('nominations.title')}
      data-testid="nominations-card"
      extra={
        manage && state ? (
          <Space wrap>
            <Button icon={<FormOutlined />} onClick={() => setEntering(true)} data-testid="enter-nominations">
              {t('nominations.enter')}
            </Button>
            <Popconfirm title={t('nominations.publishConfirm')} description={t('nominations.publishDetail')} onConfirm={() => void runPublish()}>
              <Button type="primary" icon={<SendOutlined />} loading={publishing} data-testid="publish-preliminary">
                {t('nominations.publish')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {result.error && !result.data ? <Alert type="error" showIcon title={noOutcome(result.error, t)} /> : null}
        <Typography.Text type="secondary">{t('nominations.rule')}</Typography.Text>
        {data && !state ? <Typography.Text type="warning" data-testid="nominations-no-seat-plan">{t('nominations.noSeatPlan')}</Typography.Text> : null}
        {state ? (
          <>
            <Space wrap>
              <Typography.Text data-testid="nomination-participation">
                {t('nominations.participation', { participants: state.participants, registered: state.registered })}
              </Typography.Text>
              {/* Said only when true: a profile without the quorum rule has no quorum problem either. */}
              {state.quorumProblem || state.participants * 2 <= state.registered ? null : (
                <Tag color="success" data-testid="nomination-quorum-met">
                  {t('nominations.quorumMet')}
                </Tag>
              )}
            </Space>
            {state.quorumProblem ? <Alert type="error" showIcon title={state.quorumProblem} data-testid="nomination-quorum" /> : null}
            {state.problems.map((p) => (
              <Alert key={`${p.code}-${p.message}`} type="warning" showIcon title={`${p.rule} · ${p.message}`} data-testid="nomination-problem" />
            ))}
            {publishError ? (
              <Alert
                type="error"
                showIcon
                title={t('nominations.publishRefused')}
                description={publishError}
                closable={{ onClose: () => setPublishError(null) }}
                data-testid="preliminary-error"
              />
            ) : null}
            {manage ? <Typography.Text type="secondary">{t('nominations.formalCountHint')}</Typography.Text> : null}
            <Flex gap={16} wrap>
              {state.positions.map((p) => (
                <PositionTotalsBlock key={p.position} totals={p} seats={seatsOf(data?.seatPlan ?? null, p.position)} />
              ))}
            </Flex>
          </>
        ) : null}
      </Space>
      {state ? (
        <EnterSheetModal
          open={entering}
          positions={state.positions.map((p) => p.position)}
          onEntered={() => setPublishError(null)}
          onClose={() => setEntering(false)}
        />
      ) : null}
    </Card>
  );
}

/** Competition ranking: equal counts share a rank (1, 2, 2, 4). */
function rankOf(nominees: readonly Nominee[], n: Nominee): number {
  return 1 + nominees.filter((other) => other.nominations > n.nominations).length;
}

function PositionTotalsBlock({ totals, seats }: { readonly totals: PositionTotals; readonly seats: number | null }) {
  const t = useT();
  const { message } = App.useApp();
  const { election, manage } = useArea();
  const [{ fetching }, choose] = useMutation(ChooseFormalCandidatesMutation);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const position = totals.position;

  const run = async () => {
    if (fetching) return;
    setError(null);
    const res = await choose({ electionId: election.id, position, formalCount: count }, changesCandidates);
    const outcome = res.data?.chooseFormalCandidates;
    if (outcome?.__typename === 'FormalChoice') void message.success(t('nominations.chosen', { position: t(`position.${position}`), n: outcome.chosen }));
    else setError(outcome?.message ?? noOutcome(res.error, t));
  };

  return (
    <div style={{ flex: '1 1 320px', minWidth: 0 }} data-testid={`nominations-${position}`}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Space size={8}>
          <Typography.Text strong>{t(`position.${position}`)}</Typography.Text>
          {seats === null ? null : <Typography.Text type="secondary">{t('nominations.seats', { n: seats })}</Typography.Text>}
        </Space>
        {manage ? (
          <Space.Compact>
            <InputNumber<number>
              min={1}
              precision={0}
              value={count}
              onChange={(v) => setCount(v ?? null)}
              onPressEnter={() => void run()}
              placeholder={t('nominations.formalCount')}
              aria-label={`${t(`position.${position}`)} ${t('nominations.formalCount')}`}
              style={{ width: 90 }}
              data-testid={`formal-count-${position}`}
            />
            <Button onClick={() => void run()} loading={fetching} data-testid={`choose-formal-${position}`}>
              {t('nominations.choose')}
            </Button>
          </Space.Compact>
        ) : null}
      </Flex>
      {error ? (
        <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} style={{ marginBottom: 8 }} data-testid="formal-choice-error" />
      ) : null}
      <Table<Nominee>
        rowKey={(n) => n.voter.id}
        size="small"
        pagination={false}
        dataSource={totals.nominees}
        locale={{ emptyText: t('nominations.none') }}
        columns={[
          { title: t('nominations.rank'), key: 'rank', width: 60, render: (_: unknown, n) => rankOf(totals.nominees, n) },
          { title: t('voters.name'), key: 'name', render: (_: unknown, n) => <span data-testid="nominee-name">{n.name}</span> },
          {
            title: t('nominations.count'),
            key: 'nominations',
            width: 100,
            align: 'right',
            render: (_: unknown, n) => <span data-testid="nominee-count">{n.nominations}</span>,
          },
        ]}
      />
    </div>
  );
}

interface SheetRow {
  readonly voterId?: string | null;
  readonly position?: PositionKind;
  readonly nominations?: number | null;
}

interface SheetValues {
  readonly groupName: string;
  readonly participants: number;
  readonly rows: readonly SheetRow[];
}

const SHEET_FIELDS = ['groupName', 'participants'] as const;

/** An empty row (a new last line nobody filled in) is left out, not refused. */
function isBlank(row: SheetRow | undefined): boolean {
  return !row?.voterId && (row?.nominations === null || row?.nominations === undefined);
}

/**
 * One group's count sheet, keyboard first: Enter moves on (group → participants → the first row's
 * nominee; a nominee picked → its count; a count → the next row, adding one at the end), Ctrl+Enter
 * submits, Esc closes. A new row takes the previous row's position: sheets list one position at a time.
 */
function EnterSheetModal({
  open,
  positions,
  onEntered,
  onClose,
}: {
  readonly open: boolean;
  readonly positions: readonly PositionKind[];
  /** After a sheet the server took: an earlier refusal to publish may no longer hold. */
  readonly onEntered: () => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { community, election } = useArea();
  const [form] = Form.useForm<SheetValues>();
  const [{ fetching }, enter] = useMutation(EnterGroupNominationsMutation);
  const [error, setError] = useState<string | null>(null);
  // Set once a row is added after the sheet opened, so that the new row's picker takes the focus.
  const [grown, setGrown] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  const firstPosition = positions[0] ?? 'MEMBER';

  const close = () => {
    setError(null);
    setGrown(false);
    onClose();
  };

  const submit = async (v: SheetValues) => {
    setError(null);
    const rows = (v.rows ?? []).map((row, i) => ({ row, line: i + 1 })).filter(({ row }) => !isBlank(row));
    const seen = new Map<string, number>();
    for (const { row, line } of rows) {
      const key = `${row.voterId}:${row.position}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        setError(t('nominations.duplicateRow', { a: earlier, b: line }));
        return;
      }
      seen.set(key, line);
    }
    const group = v.groupName.trim();
    const res = await enter({
      electionId: election.id,
      groupName: group,
      participants: v.participants,
      counts: rows.map(({ row }) => ({ voterId: row.voterId!, position: row.position ?? firstPosition, nominations: row.nominations ?? 0 })),
    });
    const outcome = res.data?.enterGroupNominations;
    if (outcome?.__typename === 'NominationState') {
      void message.success(t('nominations.entered', { group, n: v.participants }));
      form.resetFields();
      onEntered();
      close();
    } else if (outcome?.__typename === 'UserError') {
      setError(placeError(form, outcome, SHEET_FIELDS));
    } else {
      setError(noOutcome(res.error, t));
    }
  };

  /**
   * Focuses a field of the sheet: the one with this test id, in the row given (0-based) if any.
   * After the key's own handling: a select that opens its list on Enter closes it again on the blur.
   */
  const focus = (testId: string, row?: number) => {
    setTimeout(() => {
      const scope = row === undefined ? sheet.current : sheet.current?.querySelectorAll('[data-testid="nomination-row"]')[row];
      const field = scope?.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
      (field instanceof HTMLInputElement ? field : field?.querySelector<HTMLInputElement>('input'))?.focus();
    });
  };

  const plainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing;

  return (
    <FormModal<SheetValues>
      open={open}
      title={t('nominations.enterTitle')}
      form={form}
      submitText={t('nominations.enterSubmit')}
      submitting={fetching}
      error={error}
      onSubmit={(v) => void submit(v)}
      onClose={close}
      testId="nomination-sheet-form"
      width={720}
    >
      <div
        ref={sheet}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('nominations.keys')}
        </Typography.Paragraph>
        <Flex gap={16} wrap>
          <Form.Item
            name="groupName"
            label={t('nominations.group')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('nominations.group') }) }]}
            style={{ flex: '1 1 240px' }}
          >
            <AutoComplete
              options={community.groups.map((g) => ({ value: g.name }))}
              showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
              onKeyDown={(e) => {
                // An open list has taken Enter to pick a group by now: with a group there, Enter moves on.
                if (plainEnter(e) && String(form.getFieldValue('groupName') ?? '').trim()) {
                  e.preventDefault();
                  focus('sheet-participants');
                }
              }}
              data-testid="sheet-group"
            />
          </Form.Item>
          <Form.Item
            name="participants"
            label={t('nominations.participants')}
            rules={[{ required: true, message: t('common.required', { field: t('nominations.participants') }) }]}
            style={{ flex: '0 0 160px' }}
          >
            <InputNumber<number>
              min={0}
              precision={0}
              style={{ width: '100%' }}
              data-testid="sheet-participants"
              onKeyDown={(e) => {
                if (plainEnter(e)) {
                  e.preventDefault();
                  focus('sheet-person', 0);
                }
              }}
            />
          </Form.Item>
        </Flex>
        <Form.List name="rows" initialValue={[{ position: firstPosition }]}>
          {(fields, { add, remove }) => {
            const addRow = () => {
              const rows = (form.getFieldValue('rows') ?? []) as SheetRow[];
              add({ position: rows[rows.length - 1]?.position ?? firstPosition });
              setGrown(true);
            };
            return (
              <>
                <Flex gap={8} style={{ marginBottom: 4 }}>
                  <Typography.Text type="secondary" style={{ flex: 1 }}>
                    {t('nominations.person')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ width: 110 }}>
                    {t('candidates.position')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ width: 110 }}>
                    {t('nominations.count')}
                  </Typography.Text>
                  <span style={{ width: 32 }} />
                </Flex>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start" data-testid="nomination-row">
                    <Form.Item
                      name={[field.name, 'voterId']}
                      style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                      dependencies={[['rows', field.name, 'nominations']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, value) =>
                            value || isBlank(getFieldValue(['rows', field.name]) as SheetRow | undefined)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('common.required', { field: t('nominations.person') }))),
                        }),
                      ]}
                    >
                      <VoterPicker
                        electionId={election.id}
                        autoFocus={grown && index === fields.length - 1}
                        onPick={() => focus('sheet-count', index)}
                        testId="sheet-person"
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'position']} style={{ width: 110, marginBottom: 8 }} rules={[{ required: true }]}>
                      <Select<PositionKind> options={positions.map((p) => ({ value: p, label: t(`position.${p}`) }))} data-testid="sheet-position" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'nominations']}
                      style={{ width: 110, marginBottom: 8 }}
                      dependencies={[['rows', field.name, 'voterId']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, value: number | null | undefined) =>
                            (value !== null && value !== undefined) || isBlank(getFieldValue(['rows', field.name]) as SheetRow | undefined)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('common.required', { field: t('nominations.count') }))),
                        }),
                      ]}
                    >
                      <InputNumber<number>
                        min={0}
                        precision={0}
                        style={{ width: '100%' }}
                        data-testid="sheet-count"
                        onKeyDown={(e) => {
                          if (!plainEnter(e)) return;
                          e.preventDefault();
                          if (index === fields.length - 1) addRow();
                          else focus('sheet-person', index + 1);
                        }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('nominations.removeRow')}
                      title={t('nominations.removeRow')}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      tabIndex={-1}
                    />
                  </Flex>
                ))}
                <Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={addRow} block data-testid="sheet-add-row">
                    {t('nominations.addRow')}
                  </Button>
                </Form.Item>
              </>
            );
          }}
        </Form.List>
      </div>
    </FormModal>
  );
}
