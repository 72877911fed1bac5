/**
 * Ballot-by-ballot entry of one box (issue 6, point 2): the ballot's sections with a key per
 * candidate, F4 applied as the ballot is entered, the running tallies beside it, the latest
 * entries with 作废更正, and 结束本箱计票. Entries go through the queue (IndexedDB first), so the
 * clerk keeps entering through a network drop. The counts shown are the server's (replayed from
 * the round's events) plus this device's entries not yet in them — never one ballot twice.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { errorMessage, graphql, useT } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { localIdOf } from '../api/request.ts';
import { useLiveCount } from '../live/useLiveCount.ts';
import { ConnectionDot } from '../live/ConnectionDot.tsx';
import type { LiveCount } from '../live/count.ts';
import { useEntryQueue, useQueueStatus } from '../queue/QueueProvider.tsx';
import { QueueAlerts, QueueBadge } from '../queue/QueueBar.tsx';
import type { StoredEntry } from '../queue/store.ts';
import type { BoxData, CountElection, CountRoundData } from './data.ts';
import { ballotOf, commandForKey, emptyDraft, hasMarks, overmarked, reduceDraft, summarize, type DraftAction, type EntrySection } from './draft.ts';
import { SectionCard } from './SectionCard.tsx';
import { WriteIn } from './WriteIn.tsx';
import { RunningTallyPanel } from './RunningTallyPanel.tsx';
import { RecentEntries, type EntryRow } from './RecentEntries.tsx';
import { VoidDialog } from './VoidDialog.tsx';
import { KeyHelp } from './KeyHelp.tsx';

const CloseBoxMutation = graphql(`
  mutation CloseBox($boxId: ID!) {
    closeBox(boxId: $boxId) {
      __typename
      ... on BoxCount { id status }
      ... on Error { code message }
    }
  }
`);

const RECENT = 8;

interface Flash {
  readonly kind: 'success' | 'warning' | 'error' | 'info';
  readonly text: string;
}

/** This device's entries that the live count does not hold yet (not sent, or sent after its last event). */
function notYetCounted(entries: readonly StoredEntry[], count: LiveCount | null): StoredEntry[] {
  // Before the live count arrives, the box's `counted` from the page's query already holds the sent ones.
  return entries.filter((e) => !e.voided && (e.state === 'pending' || (e.state === 'sent' && count !== null && (e.seq === null || e.seq > count.seq))));
}

export function EntryScreen({
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
  const t = useT();
  const tt = useTallyT();
  const live = useLiveCount(election.id, true);
  const queue = useEntryQueue();
  const queueStatus = useQueueStatus(queue);
  const [draft, setDraft] = useState(() => emptyDraft(sections));
  const [writeInOpen, setWriteInOpen] = useState(false);
  const [voiding, setVoiding] = useState<EntryRow | null>(null);
  const [closing, setClosing] = useState(false);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [{ fetching: closingBox }, closeBox] = useMutation(CloseBoxMutation);

  const boxNumber = localIdOf(box.id);
  const count = live.count && live.count.meta.round === round.number ? live.count : null;
  const local = (queue?.entriesOf(box.id) ?? []).filter((e) => e.round === round.number && e.electionId === election.id);
  const waiting = notYetCounted(local, count);
  const serverBox = count && boxNumber !== null ? count.boxes.get(boxNumber) : undefined;
  const returned = serverBox?.returned ?? box.ballotsReturned;
  const counted = (serverBox?.counted ?? box.counted) + waiting.length;
  const closed = serverBox?.closed ?? box.status === 'closed';
  const pendingHere = local.filter((e) => e.state === 'pending').length;

  const titles = sections.map((s) => s.title);
  const nameOf = (mark: string) => count?.meta.names.get(mark) ?? round.candidates.find((c) => c.id === mark)?.name ?? mark;
  const words = { spoiled: tt('entry.spoiled'), blank: tt('entry.blank'), none: tt('entry.abstain') };
  const describe = (b: { spoiled: boolean; sections: readonly (readonly string[])[] }) => summarize(titles, b, nameOf, words);

  const positions = (() => {
    if (!count) return [];
    const tally = count.tallyCopy();
    for (const e of waiting) tally.apply(e, 1);
    return count.positions(tally);
  })();

  const rows = entryRows(count, boxNumber, local, describe);
  const over = overmarked(sections, draft);

  const dispatch = (action: DraftAction) => setDraft((d) => reduceDraft(sections, d, action));

  const commit = () => {
    if (closed) return setFlash({ kind: 'error', text: tt('entry.closed') });
    if (draft.kind === 'marks' && !hasMarks(draft)) return setFlash({ kind: 'warning', text: tt('entry.emptyHint') });
    if (counted >= returned) return setFlash({ kind: 'error', text: tt('entry.boxFull', { n: returned }) });
    if (!queue) return;
    const ballot = ballotOf(draft);
    setDraft(emptyDraft(sections));
    setWriteInOpen(false);
    setFlash({ kind: 'success', text: tt('entry.committed', { n: counted + 1, summary: describe(ballot) }) });
    queue.enqueue({ electionId: election.id, round: round.number, boxId: box.id, ...ballot }).catch((error: unknown) => {
      setFlash({ kind: 'error', text: tt('queue.storeFailed', { message: error instanceof Error ? error.message : String(error) }) });
    });
  };

  // The window listens (not a focused element), so no click can leave the clerk typing into nothing.
  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e) => {
    if (writeInOpen || voiding || closing || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    const command = commandForKey(e);
    if (!command) return;
    e.preventDefault();
    if (command.type === 'commit') return commit();
    if (command.type === 'openWriteIn') {
      if (draft.kind === 'marks') setWriteInOpen(true);
      return;
    }
    const { action } = command;
    if ((action.type === 'blank' || action.type === 'spoiled') && hasMarks(draft)) return setFlash({ kind: 'warning', text: tt('entry.markedHint') });
    dispatch(action);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const confirmClose = async () => {
    const res = await closeBox({ boxId: box.id });
    const outcome = res.data?.closeBox;
    setClosing(false);
    if (outcome?.__typename === 'BoxCount') onLeave();
    else setFlash({ kind: 'error', text: outcome?.__typename === 'UserError' ? outcome.message : res.error ? errorMessage(res.error, t('error.network')) : t('error.network') });
  };

  return (
    <div data-testid="entry-screen" data-counted={counted} data-seq={count?.seq ?? -1}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 30 }}>
          {election.community.name} · {tt('count.box', { n: box.place.boxNumber })}
        </Typography.Title>
        <span style={{ fontSize: 18, color: '#555' }}>{round.kind === 'runoff' ? tt('count.runoffRound', { n: round.number }) : tt('count.round', { n: round.number })}</span>
        <span style={{ fontSize: 34, fontWeight: 700, whiteSpace: 'nowrap' }} data-testid="box-progress">
          {tt('entry.ballotNo', { n: Math.min(counted + 1, returned) })}
          <span style={{ fontSize: 20, fontWeight: 400, marginLeft: 8 }}>{tt('count.progress', { counted, returned })}</span>
        </span>
        <Space size="middle" style={{ marginLeft: 'auto' }}>
          <ConnectionDot connection={live.connection} />
          <QueueBadge status={queueStatus} />
          <Button onClick={onLeave} tabIndex={-1}>
            {tt('entry.backToBoxes')}
          </Button>
          <Button
            danger
            tabIndex={-1}
            disabled={closed || pendingHere > 0}
            title={pendingHere > 0 ? tt('entry.closeWaiting', { n: pendingHere }) : undefined}
            onClick={() => setClosing(true)}
            data-testid="close-box"
          >
            {tt('entry.close')}
          </Button>
        </Space>
      </div>
      <QueueAlerts queue={queue} status={queueStatus} />
      {closed ? <Alert type="info" showIcon title={tt('entry.closed')} style={{ fontSize: 20, marginBottom: 12 }} /> : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 420px', gap: 24, alignItems: 'start' }}>
        <div>
          <div role="status" aria-live="polite" data-testid="entry-flash" style={{ minHeight: 52, marginBottom: 8 }}>
            {flash ? <Alert type={flash.kind} showIcon title={<span style={{ fontSize: 22 }}>{flash.text}</span>} /> : null}
          </div>
          {draft.kind !== 'marks' ? (
            <Alert
              type={draft.kind === 'spoiled' ? 'error' : 'warning'}
              style={{ fontSize: 26, marginBottom: 12 }}
              title={<strong style={{ fontSize: 30 }}>{tt(draft.kind === 'spoiled' ? 'entry.spoiled' : 'entry.blank')}</strong>}
              description={<span style={{ fontSize: 20 }}>{tt(draft.kind === 'spoiled' ? 'entry.spoiledHint' : 'entry.blankHint')}</span>}
              data-testid="draft-kind"
            />
          ) : null}
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {sections.map((s, i) => (
              <SectionCard
                key={s.id}
                section={s}
                index={i}
                active={i === draft.section}
                marks={draft.marks[i] ?? []}
                overmarked={over[i] ?? false}
                dimmed={draft.kind !== 'marks'}
                onToggle={(key) => dispatch({ type: 'toggle', key })}
                onFocus={() => dispatch({ type: 'goto', section: i })}
                onRemove={(mark) => dispatch({ type: 'remove', section: i, mark })}
                writeIn={
                  writeInOpen && i === draft.section ? (
                    <WriteIn
                      electionId={election.id}
                      onAdd={(name) => {
                        dispatch({ type: 'writeIn', name });
                        setWriteInOpen(false);
                      }}
                      onCancel={() => setWriteInOpen(false)}
                    />
                  ) : null
                }
              />
            ))}
          </Space>
          <KeyHelp />
        </div>
        <div>
          <RunningTallyPanel positions={positions} />
          <RecentEntries rows={rows.slice(-RECENT).reverse()} canVoid={!closed} onVoid={setVoiding} />
        </div>
      </div>
      {voiding ? (
        <VoidDialog
          row={voiding}
          onCancel={() => setVoiding(null)}
          onDone={() => {
            if (voiding.clientId) void queue?.markVoided(voiding.clientId);
            setVoiding(null);
            setFlash({ kind: 'info', text: tt('entry.voided') });
          }}
        />
      ) : null}
      <Modal
        open={closing}
        title={<span style={{ fontSize: 22 }}>{tt('entry.close')}</span>}
        okText={tt('entry.close')}
        okButtonProps={{ danger: true, size: 'large', loading: closingBox, ...{ 'data-testid': 'close-box-confirm' } }}
        cancelButtonProps={{ size: 'large' }}
        onOk={() => void confirmClose()}
        onCancel={() => setClosing(false)}
      >
        <div style={{ fontSize: 20 }}>{tt('entry.closeConfirm', { returned, counted })}</div>
      </Modal>
    </div>
  );
}

/** The box's ballots as the server has them (from the replayed events), then this device's entries not among them yet. */
function entryRows(
  count: LiveCount | null,
  boxNumber: number | null,
  local: readonly StoredEntry[],
  describe: (b: { spoiled: boolean; sections: readonly (readonly string[])[] }) => string,
): EntryRow[] {
  const byBallot = new Map(local.filter((e) => e.ballotId !== null).map((e) => [e.ballotId, e]));
  const server = count ? [...count.ballots.values()].filter((b) => b.boxId === boxNumber).sort((a, b) => a.seq - b.seq) : [];
  const seen = new Set(server.map((b) => b.id));
  const rows: EntryRow[] = server.map((b) => ({
    key: `b${b.id}`,
    summary: describe(b),
    status: b.voided ? 'voided' : 'sent',
    ballotId: b.id,
    clientId: byBallot.get(b.id)?.clientId ?? null,
    refusal: null,
  }));
  for (const e of local) {
    if (e.ballotId !== null && seen.has(e.ballotId)) continue;
    rows.push({
      key: e.clientId,
      summary: describe(e),
      status: e.voided ? 'voided' : e.state,
      ballotId: e.ballotId,
      clientId: e.clientId,
      refusal: e.refusal?.message ?? null,
    });
  }
  return rows;
}
