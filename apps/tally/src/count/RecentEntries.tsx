/** The latest entries of this box, newest first, each with its state and 作废更正 once it is on the server. */
import { Button, Tag } from 'antd';
import { useTallyT, type TallyKey } from '../messages.ts';

export interface EntryRow {
  readonly key: string;
  readonly summary: string;
  readonly status: 'sent' | 'pending' | 'refused' | 'voided';
  /** The server's ballot id, once sent: what voidBallot takes. */
  readonly ballotId: number | null;
  /** This device's entry, if it made it. */
  readonly clientId: string | null;
  readonly refusal: string | null;
}

const STATUS: Record<EntryRow['status'], { label: TallyKey; color: string }> = {
  sent: { label: 'entry.statusSent', color: 'success' },
  pending: { label: 'entry.statusPending', color: 'warning' },
  refused: { label: 'entry.statusRefused', color: 'error' },
  voided: { label: 'entry.statusVoided', color: 'default' },
};

export function RecentEntries({ rows, canVoid, onVoid }: { readonly rows: readonly EntryRow[]; readonly canVoid: boolean; readonly onVoid: (row: EntryRow) => void }) {
  const tt = useTallyT();
  return (
    <div data-testid="recent-entries">
      <div style={{ fontSize: 22, fontWeight: 600, marginBottom: 8 }}>{tt('entry.recent')}</div>
      {rows.map((row) => (
        <div key={row.key} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0', fontSize: 18 }} data-testid="recent-row">
          <Tag color={STATUS[row.status].color} style={{ fontSize: 15 }}>
            {tt(STATUS[row.status].label)}
          </Tag>
          <span style={{ flex: 1, textDecoration: row.status === 'voided' ? 'line-through' : undefined }}>
            {row.summary}
            {row.refusal ? <div style={{ color: '#cf1322', fontSize: 16 }}>{row.refusal}</div> : null}
          </span>
          {row.status === 'sent' && canVoid ? (
            <Button size="middle" danger tabIndex={-1} onClick={() => onVoid(row)} data-testid="void-entry">
              {tt('entry.void')}
            </Button>
          ) : row.status === 'pending' ? (
            <span style={{ color: '#888', fontSize: 14 }}>{tt('entry.voidPendingHint')}</span>
          ) : null}
        </div>
      ))}
    </div>
  );
}
