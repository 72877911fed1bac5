/** Whether the live stream is connected: green when live, amber while (re)connecting. */
import { useTallyT } from '../messages.ts';
import type { Connection } from './feed.ts';

export function ConnectionDot({ connection, dark = false, size = 18 }: { readonly connection: Connection; readonly dark?: boolean; readonly size?: number }) {
  const tt = useTallyT();
  const live = connection === 'live';
  return (
    <span data-testid="connection" data-state={connection} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, fontSize: size, color: dark ? '#ddd' : '#444' }} role="status">
      <span style={{ width: size * 0.7, height: size * 0.7, borderRadius: '50%', background: live ? '#52c41a' : '#faad14', boxShadow: live ? '0 0 8px #52c41a' : undefined }} />
      {tt(live ? 'conn.live' : connection === 'connecting' ? 'conn.connecting' : 'conn.reconnecting')}
    </span>
  );
}
