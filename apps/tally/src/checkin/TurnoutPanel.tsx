/** Turnout at a glance: issued / registered, the rate, and whether more than half have voted (F1). */
import { Card, Progress } from 'antd';
import { formatNumber, useLang } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import { ConnectionDot } from '../live/ConnectionDot.tsx';
import { useTurnout } from './useTurnout.ts';

export function TurnoutPanel({ electionId, round }: { readonly electionId: string; readonly round: number }) {
  const tt = useTallyT();
  const [lang] = useLang();
  const { turnout, connection } = useTurnout(electionId, round);
  const issued = turnout?.issued ?? 0;
  const registered = turnout?.registered ?? 0;
  const rate = registered > 0 ? (100 * issued) / registered : 0;
  // F1: more than half, i.e. issued × 2 > registered.
  const needed = Math.max(0, Math.floor(registered / 2) + 1 - issued);
  return (
    <Card title={<span style={{ fontSize: 22 }}>{tt('turnout.title')}</span>} extra={<ConnectionDot connection={connection} size={15} />} data-testid="turnout">
      <div style={{ fontSize: 18, color: '#555' }}>{tt('turnout.issued')}</div>
      <div style={{ fontSize: 48, fontWeight: 700, lineHeight: 1.1 }} data-testid="turnout-issued">
        {formatNumber(issued, lang)}
        <span style={{ fontSize: 24, fontWeight: 400, color: '#555' }}> / {formatNumber(registered, lang)}</span>
      </div>
      <div style={{ fontSize: 16, color: '#555', marginBottom: 8 }}>{tt('turnout.registered')}</div>
      <Progress percent={Math.round(rate * 10) / 10} size={['100%', 18]} strokeColor={turnout?.majority ? '#52c41a' : '#1677ff'} />
      <div style={{ fontSize: 22, fontWeight: 600, marginTop: 8, color: turnout?.majority ? '#389e0d' : '#d46b08' }} data-testid="turnout-majority">
        {turnout ? (turnout.majority ? tt('turnout.majority') : tt('turnout.notMajority', { n: needed })) : null}
      </div>
    </Card>
  );
}
