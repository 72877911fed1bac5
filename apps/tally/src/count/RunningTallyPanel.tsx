/** The round's running tallies beside the entry: votes per person, the threshold, who has secured a seat. */
import { useTallyT } from '../messages.ts';
import type { PositionView } from '../live/count.ts';

export function RunningTallyPanel({ positions }: { readonly positions: readonly PositionView[] }) {
  const tt = useTallyT();
  return (
    <div data-testid="running-tally">
      <div style={{ fontSize: 22, fontWeight: 600, marginBottom: 8 }}>{tt('entry.running')}</div>
      {positions.map((p) => {
        const max = Math.max(p.threshold, ...p.tally.map((e) => e.votes), 1);
        return (
          <div key={p.id} style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 20, fontWeight: 600 }}>
              <span>{p.title}</span>
              <span style={{ color: '#cf1322' }}>{tt('entry.threshold', { n: p.threshold })}</span>
            </div>
            {p.tally.length === 0 ? <div style={{ color: '#888', fontSize: 18 }}>{tt('entry.noVotes')}</div> : null}
            {p.tally.map((e) => (
              <div key={e.id} style={{ display: 'grid', gridTemplateColumns: '96px 1fr 48px', alignItems: 'center', gap: 8, fontSize: 20, marginTop: 4 }} data-testid={`running-${p.id}-${e.name}`}>
                <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: e.secured ? 700 : 400 }} title={e.name}>
                  {e.name}
                </span>
                <span style={{ position: 'relative', height: 22, background: '#f0f0f0', borderRadius: 4 }}>
                  <span style={{ position: 'absolute', inset: 0, width: `${(100 * e.votes) / max}%`, background: e.secured ? '#d4a106' : '#1677ff', borderRadius: 4 }} />
                  <span style={{ position: 'absolute', top: -3, bottom: -3, left: `${(100 * p.threshold) / max}%`, borderLeft: '2px dashed #cf1322' }} />
                </span>
                <span style={{ textAlign: 'right', fontWeight: 600 }} data-testid="votes">
                  {e.votes}
                </span>
              </div>
            ))}
            {p.voidSections > 0 ? <div style={{ color: '#888', fontSize: 16 }}>{tt('entry.voidSections', { n: p.voidSections })}</div> : null}
          </div>
        );
      })}
    </div>
  );
}
