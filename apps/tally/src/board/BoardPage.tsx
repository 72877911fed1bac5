/**
 * /board/:electionId — the live tally board (大屏) for the projector, public (no sign-in) and with
 * no personal data beyond the names on the ballot: per position the bars and the majority line,
 * ballots counted of returned, turnout, who has secured a seat, the last update and the
 * connection. One SSE connection; after a break it re-reads the snapshot and applies only newer
 * events (LiveFeed), so nothing is counted twice.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatDate, formatNumber, useLang } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { useLiveCount } from '../live/useLiveCount.ts';
import { ConnectionDot } from '../live/ConnectionDot.tsx';
import type { LiveCount, PositionView } from '../live/count.ts';
import { PositionChart } from './PositionChart.tsx';

const BG = '#0b1a2e';

function clock(instant: string | null): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

export function BoardPage() {
  const tt = useTallyT();
  const { electionId = '' } = useParams();
  const live = useLiveCount(electionId, false);
  const count = live.count;
  useEffect(() => {
    const before = document.body.style.background;
    document.body.style.background = BG;
    return () => {
      document.body.style.background = before;
    };
  }, []);
  useEffect(() => {
    // F toggles full screen: the board is put up once, by keyboard, on the projector's laptop.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'f' && e.key !== 'F') return;
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The count mutates in place; `version` says when it changed, so positions are recomputed per change, not per render.
  const version = live.version;
  const positions = useMemo(() => (version >= 0 && count ? count.positions() : []), [count, version]);

  return (
    <div
      data-testid="board"
      data-seq={count?.seq ?? -1}
      data-connection={live.connection}
      style={{ minHeight: '100vh', background: BG, color: '#fff', padding: '24px 40px', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', fontFamily: 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif' }}
    >
      {live.missing && !count ? (
        <div style={{ margin: 'auto', fontSize: 56 }}>{tt('board.missing')}</div>
      ) : !count ? (
        <div style={{ margin: 'auto' }}>
          <ConnectionDot connection={live.connection} dark size={40} />
        </div>
      ) : (
        <Board count={count} positions={positions} connection={<ConnectionDot connection={live.connection} dark size={26} />} />
      )}
    </div>
  );
}

function Board({ count, positions, connection }: { readonly count: LiveCount; readonly positions: readonly PositionView[]; readonly connection: ReactNode }) {
  const tt = useTallyT();
  const [lang] = useLang();
  const { meta } = count;
  const rate = meta.registered > 0 ? Math.round((1000 * meta.ballotsIssued) / meta.registered) / 10 : 0;
  const columns = Math.min(Math.max(positions.length, 1), 3);
  return (
    <>
      <header style={{ display: 'flex', alignItems: 'baseline', gap: 32, flexWrap: 'wrap' }}>
        <h1 style={{ fontSize: 60, margin: 0, fontWeight: 800, letterSpacing: 2 }} data-testid="board-title">
          {tt('board.title', { community: meta.communityName })}
        </h1>
        <span style={{ fontSize: 32, opacity: 0.85 }}>{formatDate(meta.electionDay, lang)}</span>
        {meta.roundKind === 'runoff' ? <span style={{ fontSize: 36, color: '#ffd666', fontWeight: 700 }}>{tt('board.runoff')}</span> : null}
        {count.certified ? <span style={{ fontSize: 36, color: '#95de64', fontWeight: 700 }}>✓ {tt('board.certified')}</span> : null}
      </header>
      <section style={{ display: 'grid', gridTemplateColumns: 'repeat(3, auto)', justifyContent: 'start', gap: 64, margin: '20px 0 12px' }}>
        <Stat label={tt('board.counted')} testId="board-counted" value={formatNumber(count.tally.ballotsCounted, lang)} extra={tt('board.ofReturned', { n: formatNumber(count.ballotsReturned, lang) })} />
        <Stat label={tt('board.turnout')} testId="board-turnout" value={`${rate}%`} extra={tt('board.turnoutValue', { issued: formatNumber(meta.ballotsIssued, lang), registered: formatNumber(meta.registered, lang) })} />
        <Stat label={tt('board.boxes')} testId="board-boxes" value={`${count.boxesOpened}/${meta.places}`} extra={tt('board.boxesValue', { opened: count.boxesOpened, places: meta.places, closed: count.boxesClosed })} />
      </section>
      {positions.length === 0 ? (
        <div style={{ margin: 'auto', fontSize: 56, opacity: 0.8 }}>{tt('board.waiting')}</div>
      ) : (
        <main style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 32, flex: 1 }}>
          {positions.map((p) => (
            <PositionPanel key={p.id} position={p} />
          ))}
        </main>
      )}
      <footer style={{ display: 'flex', gap: 40, alignItems: 'center', fontSize: 26, opacity: 0.9, marginTop: 16 }}>
        {connection}
        <span data-testid="board-last-update">{count.lastUpdate ? tt('board.lastUpdate', { time: clock(count.lastUpdate) }) : tt('board.noUpdate')}</span>
        <span style={{ marginLeft: 'auto', display: 'inline-flex', alignItems: 'center', gap: 12 }}>
          <span style={{ width: 28, height: 28, background: '#fadb14', borderRadius: 4, display: 'inline-block' }} />
          {tt('board.secured')}
          <span style={{ width: 36, borderTop: '4px dashed #ff4d4f', display: 'inline-block', marginLeft: 24 }} />
          {tt('board.thresholdLegend')}
        </span>
      </footer>
    </>
  );
}

function Stat({ label, value, extra, testId }: { readonly label: string; readonly value: string; readonly extra: string; readonly testId: string }) {
  return (
    <div data-testid={testId}>
      <div style={{ fontSize: 28, opacity: 0.75 }}>{label}</div>
      <div style={{ fontSize: 76, fontWeight: 800, lineHeight: 1.05 }}>
        <span data-testid={`${testId}-value`}>{value}</span>
        <span style={{ fontSize: 32, fontWeight: 400, marginLeft: 12, opacity: 0.85 }}>{extra}</span>
      </div>
    </div>
  );
}

function PositionPanel({ position }: { readonly position: PositionView }) {
  const tt = useTallyT();
  const secured = position.tally.filter((e) => e.secured);
  return (
    <section style={{ background: 'rgba(255,255,255,0.05)', borderRadius: 16, padding: '16px 20px' }} data-testid={`board-position-${position.id}`}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 20, flexWrap: 'wrap' }}>
        <h2 style={{ fontSize: 48, margin: 0, color: '#fff' }}>{position.title}</h2>
        <span style={{ fontSize: 28, opacity: 0.85 }}>{tt('board.seats', { n: position.seats })}</span>
        <span style={{ fontSize: 28, color: '#ff7875', marginLeft: 'auto' }}>{tt('board.threshold', { n: position.threshold })}</span>
      </div>
      <PositionChart position={position} thresholdLabel={String(position.threshold)} />
      {secured.length > 0 ? (
        <div style={{ fontSize: 32, color: '#fadb14', fontWeight: 700 }} data-testid={`board-secured-${position.id}`}>
          ★ {tt('board.secured')}：{secured.map((e) => e.name).join('、')}
        </div>
      ) : null}
      {position.voidSections > 0 ? <div style={{ fontSize: 24, opacity: 0.7 }}>{tt('board.voidSections', { n: position.voidSections })}</div> : null}
      {/* The numbers as text, for screen readers (and tests): the chart is a canvas. */}
      <table style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
        <caption>{position.title}</caption>
        <tbody>
          {position.tally.map((e) => (
            <tr key={e.id} data-testid="board-votes" data-position={position.id} data-name={e.name} data-votes={e.votes} data-secured={e.secured}>
              <th>{e.name}</th>
              <td>{tt('board.votes', { n: e.votes })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
