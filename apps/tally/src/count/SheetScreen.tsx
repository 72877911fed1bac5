/**
 * A box counted from its tally sheet (计票单) with double entry (issue 6, point 3): each of two clerks
 * types the sheet on their own device; the server accepts two identical sheets at once. The screen
 * then shows the server's answer — waiting for the second clerk (the other's figures are never
 * shown before both are in), accepted (then 结束本箱计票), or a mismatch: both sheets side by side
 * with the differing figures marked, and the scrutineer's choice of the sheet that stands, with a
 * reason. Whether an account may decide is the server's call; a refusal is shown as it comes.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Input, Modal, Space, Spin, Typography } from 'antd';
import { formatDateTime, useLang, useT } from '@huanjie/ui';
import { useTallyT, type TallyTranslate } from '../messages.ts';
import type { BoxData, CountElection, CountRoundData } from './data.ts';
import type { EntrySection } from './draft.ts';
import { compareSheets, emptySheetDraft, sheetInput, sheetProblems, withFigures, withNames, type SheetDraft, type SheetFigures } from './sheet.ts';
import { closeSheetBox, decideTallySheets, enterTallySheet, readBoxSheets, statusOf, type BoxSheets, type SheetData, type SheetOutcome, type SheetStateData } from './sheetApi.ts';
import { SheetForm, problemText } from './SheetForm.tsx';

/** How often a screen waiting on another person (the second clerk, the scrutineer) re-reads the box. */
const POLL_MS = 2_000;

interface Flash {
  readonly kind: 'success' | 'warning' | 'error' | 'info';
  readonly text: string;
}

function failureText(tt: TallyTranslate, outcome: Exclude<SheetOutcome<unknown>, { kind: 'ok' }>): string {
  if (outcome.kind === 'network') return tt('sheet.network');
  if (outcome.kind === 'auth') return tt('sheet.signedOut');
  return outcome.message;
}

export function SheetScreen({
  election,
  round,
  box,
  sections,
  onLeave,
}: {
  readonly election: CountElection;
  readonly round: CountRoundData;
  readonly box: BoxData;
  readonly sections: readonly EntrySection[];
  readonly onLeave: () => void;
}) {
  const tt = useTallyT();
  const [state, setState] = useState<BoxSheets | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<SheetDraft>(() => emptySheetDraft(sections));
  /** False once this clerk's sheet is in and waits for the other: the form gives way to the status. */
  const [editing, setEditing] = useState(true);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<Flash | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const outcome = await readBoxSheets(box.id, signal);
      if (signal?.aborted) return;
      if (outcome.kind === 'ok') {
        setState(outcome.value);
        setLoadError(null);
      } else setLoadError(failureText(tt, outcome));
    },
    [box.id, tt],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  const status = state ? statusOf(state.sheets) : null;
  const closed = state?.status === 'closed';
  const poll = state !== null && !closed && (status === 'mismatch' || (status === 'waiting' && !editing));
  useEffect(() => {
    if (!poll) return;
    const abort = new AbortController();
    const timer = setInterval(() => void load(abort.signal), POLL_MS);
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [poll, load]);

  const answered = (sheets: SheetStateData) => {
    setState((s) => (s ? { ...s, sheets, counted: statusOf(sheets) === 'accepted' ? s.ballotsReturned : s.counted } : s));
    void load(); // the box's own figures (counted) as the server has them now
  };

  const submit = async () => {
    if (busy) return;
    const problems = sheetProblems(draft);
    if (problems[0]) return setFlash({ kind: 'error', text: problemText(tt, sections, problems[0]) });
    setBusy(true);
    setFlash(null);
    const outcome = await enterTallySheet(box.id, sheetInput(sections, draft));
    setBusy(false);
    if (outcome.kind === 'ok') {
      setEditing(false);
      answered(outcome.value);
    } else setFlash({ kind: 'error', text: withNames(sections, failureText(tt, outcome)) });
  };

  const returned = state?.ballotsReturned ?? box.ballotsReturned;
  let body;
  if (!state) {
    body = loadError ? <Alert type="error" showIcon title={loadError} action={<Button onClick={() => void load()}>{tt('sheet.refresh')}</Button>} /> : <Spin size="large" />;
  } else if (status === 'accepted') {
    body = <AcceptedView sections={sections} boxId={box.id} state={state} certified={Boolean(round.certifiedAt)} onClosed={onLeave} />;
  } else if (status === 'mismatch') {
    body = <MismatchView sections={sections} boxId={box.id} sheets={withFigures(state.sheets.sheets)} onDecided={answered} />;
  } else if (!editing) {
    body = (
      <Alert
        type="info"
        showIcon
        data-testid="sheet-waiting"
        style={{ fontSize: 22 }}
        title={<span style={{ fontSize: 24 }}>{tt('sheet.waiting')}</span>}
        description={tt('count.sheetEntered', { n: state.sheets.sheets.length })}
        action={
          <Space orientation="vertical">
            <Button size="large" onClick={() => setEditing(true)} data-testid="sheet-edit">
              {tt('sheet.edit')}
            </Button>
            <Button size="large" onClick={() => void load()}>
              {tt('sheet.refresh')}
            </Button>
          </Space>
        }
      />
    );
  } else {
    body = (
      <SheetForm
        sections={sections}
        draft={draft}
        returned={returned}
        busy={busy}
        onChange={setDraft}
        onSubmit={() => void submit()}
        aside={
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Paragraph style={{ fontSize: 17, color: '#555', margin: 0 }}>{tt('sheet.intro')}</Typography.Paragraph>
            {state.sheets.sheets.length > 0 ? <Alert type="warning" showIcon title={tt('sheet.oneEntered')} data-testid="sheet-one-entered" /> : null}
          </Space>
        }
      />
    );
  }

  return (
    <div data-testid="sheet-screen" data-status={status ?? 'loading'}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 30 }}>
          {election.community.name} · {tt('count.box', { n: box.place.boxNumber })} · {tt('sheet.title')}
        </Typography.Title>
        <span style={{ fontSize: 18, color: '#555' }}>{round.kind === 'runoff' ? tt('count.runoffRound', { n: round.number }) : tt('count.round', { n: round.number })}</span>
        <span style={{ fontSize: 22, fontWeight: 600 }}>{tt('count.progress', { counted: state?.counted ?? box.counted, returned })}</span>
        <Button onClick={onLeave} tabIndex={-1} style={{ marginLeft: 'auto' }} data-testid="sheet-back">
          {tt('entry.backToBoxes')}
        </Button>
      </div>
      {closed ? <Alert type="info" showIcon title={tt('entry.closed')} style={{ fontSize: 20, marginBottom: 12 }} /> : null}
      <div role="status" aria-live="polite" data-testid="sheet-flash" style={{ minHeight: flash ? 52 : 0, marginBottom: flash ? 8 : 0 }}>
        {flash ? <Alert type={flash.kind} showIcon title={<span style={{ fontSize: 22 }}>{flash.text}</span>} /> : null}
      </div>
      {body}
    </div>
  );
}

type ShownSheet = SheetData & SheetFigures;

/** The figures of one or two sheets, row by row; where two differ the row is marked. */
function SheetTable({ sections, sheets }: { readonly sections: readonly EntrySection[]; readonly sheets: readonly ShownSheet[] }) {
  const tt = useTallyT();
  const [lang] = useLang();
  const names = new Map(sections.flatMap((s) => s.candidates.map((c) => [c.id, c.name] as const)));
  const rows = compareSheets(sections, sheets);
  const cell = { padding: '6px 14px', borderBottom: '1px solid #e8e8e8' } as const;
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 22, minWidth: 560, background: '#fff' }} data-testid="sheet-table">
      <thead>
        <tr>
          <th style={{ ...cell, textAlign: 'left' }}>{tt('sheet.item')}</th>
          {sheets.map((s) => (
            <th key={s.slot} style={{ ...cell, textAlign: 'right' }}>
              <div>{tt('sheet.slot', { n: s.slot })}</div>
              <div style={{ fontSize: 15, fontWeight: 400, color: '#777' }}>{tt('sheet.enteredAt', { time: formatDateTime(s.enteredAt, lang) })}</div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, k) => {
          const section = row.position >= 0 ? sections[row.position] : undefined;
          const heading = section && rows[k - 1]?.position !== row.position;
          const label =
            row.kind === 'spoiled'
              ? tt('sheet.spoiled')
              : row.kind === 'void'
                ? tt('sheet.voidSections')
                : row.kind === 'writeIn'
                  ? `${row.mark}（${tt('sheet.writeIn')}）`
                  : (names.get(row.mark) ?? row.mark);
          const mark = row.differs ? { background: '#fff1f0', color: '#cf1322', fontWeight: 700 } : {};
          return [
            heading ? (
              <tr key={`${section.id}:h`}>
                <th colSpan={sheets.length + 1} style={{ ...cell, textAlign: 'left', background: '#fafafa', fontSize: 20 }}>
                  {section.title}（{tt('entry.seats', { n: section.seats })}）
                </th>
              </tr>
            ) : null,
            <tr key={row.key} data-testid="sheet-row" data-key={row.key} data-diff={row.differs} style={mark}>
              <td style={{ ...cell, paddingLeft: row.position >= 0 ? 28 : 14 }}>
                {row.differs ? '≠ ' : ''}
                {label}
              </td>
              {row.figures.map((n, j) => (
                <td key={j} style={{ ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }} data-testid={`sheet-figure-${j + 1}`}>
                  {n}
                </td>
              ))}
            </tr>,
          ];
        })}
      </tbody>
    </table>
  );
}

function AcceptedView({
  sections,
  boxId,
  state,
  certified,
  onClosed,
}: {
  readonly sections: readonly EntrySection[];
  readonly boxId: string;
  readonly state: BoxSheets;
  readonly certified: boolean;
  readonly onClosed: () => void;
}) {
  const t = useT();
  const tt = useTallyT();
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const accepted = withFigures(state.sheets.sheets).find((s) => s.accepted);
  const closed = state.status === 'closed';
  const close = async () => {
    setClosing(true);
    const outcome = await closeSheetBox(boxId);
    setClosing(false);
    setConfirming(false);
    if (outcome.kind === 'ok') onClosed();
    else setFailure(outcome.kind === 'network' ? t('error.network') : failureText(tt, outcome));
  };
  return (
    <div data-testid="sheet-accepted">
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          <span style={{ fontSize: 24 }}>
            {accepted?.decisionReason ? tt('sheet.acceptedDecided', { slot: accepted.slot, n: state.ballotsReturned }) : tt('sheet.accepted', { n: state.ballotsReturned })}
          </span>
        }
        description={accepted?.decisionReason ? <span style={{ fontSize: 18 }}>{tt('sheet.decisionReason', { reason: accepted.decisionReason })}</span> : undefined}
        action={
          !closed && !certified ? (
            <Button danger type="primary" size="large" autoFocus onClick={() => setConfirming(true)} data-testid="sheet-close-box">
              {tt('entry.close')}
            </Button>
          ) : undefined
        }
      />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {accepted ? <SheetTable sections={sections} sheets={[accepted]} /> : null}
      <Modal
        open={confirming}
        title={<span style={{ fontSize: 22 }}>{tt('entry.close')}</span>}
        okText={tt('entry.close')}
        okButtonProps={{ danger: true, size: 'large', loading: closing, ...{ 'data-testid': 'sheet-close-box-confirm' } }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void close()}
        onCancel={() => setConfirming(false)}
      >
        <div style={{ fontSize: 20 }}>{tt('entry.closeConfirm', { returned: state.ballotsReturned, counted: state.counted })}</div>
      </Modal>
    </div>
  );
}

function MismatchView({
  sections,
  boxId,
  sheets,
  onDecided,
}: {
  readonly sections: readonly EntrySection[];
  readonly boxId: string;
  readonly sheets: readonly ShownSheet[];
  readonly onDecided: (state: SheetStateData) => void;
}) {
  const tt = useTallyT();
  const [slot, setSlot] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const differing = compareSheets(sections, sheets).filter((r) => r.differs).length;
  const ready = slot !== null && reason.trim() !== '' && !busy;
  const decide = async () => {
    if (!ready) return;
    setBusy(true);
    setRefusal(null);
    const outcome = await decideTallySheets(boxId, slot, reason.trim());
    setBusy(false);
    if (outcome.kind === 'ok') onDecided(outcome.value);
    else setRefusal(tt('sheet.decideRefused', { message: failureText(tt, outcome) }));
  };
  return (
    <div data-testid="sheet-mismatch">
      <Alert type="error" showIcon style={{ marginBottom: 16 }} title={<span style={{ fontSize: 24 }}>{tt('sheet.mismatch', { n: differing })}</span>} />
      <div style={{ display: 'flex', gap: 32, alignItems: 'start', flexWrap: 'wrap' }}>
        <SheetTable sections={sections} sheets={sheets} />
        <div style={{ flex: '1 1 360px', maxWidth: 560, fontSize: 20 }} data-testid="sheet-decision">
          <Space wrap size="middle" style={{ marginBottom: 12 }}>
            {sheets.map((s) => (
              <Button
                key={s.slot}
                size="large"
                type={slot === s.slot ? 'primary' : 'default'}
                aria-pressed={slot === s.slot}
                onClick={() => setSlot(s.slot)}
                style={{ fontSize: 20, height: 52 }}
                data-testid={`sheet-choose-${s.slot}`}
              >
                {tt('sheet.choose', { n: s.slot })}
              </Button>
            ))}
          </Space>
          <label style={{ display: 'block' }}>
            <div style={{ marginBottom: 6 }}>{tt('sheet.reason')}</div>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void decide();
                }
              }}
              placeholder={tt('sheet.reasonPlaceholder')}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={500}
              style={{ fontSize: 20 }}
              data-testid="sheet-reason"
            />
          </label>
          <Button type="primary" size="large" disabled={!ready} loading={busy} onClick={() => void decide()} style={{ marginTop: 12, fontSize: 20, height: 52 }} data-testid="sheet-decide">
            {tt('sheet.decide')}
          </Button>
          <div style={{ color: '#777', fontSize: 16, marginTop: 8 }}>{tt('sheet.decideHint')}</div>
          {refusal ? <Alert type="error" showIcon style={{ marginTop: 12, fontSize: 18 }} title={refusal} data-testid="sheet-decide-error" /> : null}
        </div>
      </div>
    </div>
  );
}
