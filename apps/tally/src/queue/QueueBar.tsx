/** How many entries wait to be uploaded, and why, with a retry; silent when all is sent. */
import { Alert, Button, Space, Tag } from 'antd';
import { Link, useLocation } from 'react-router';
import type { SignInState } from '@huanjie/ui';
import { useTallyT } from '../messages.ts';
import type { EntryQueue, QueueStatus } from './queue.ts';

export function QueueBadge({ status }: { readonly status: QueueStatus }) {
  const tt = useTallyT();
  return (
    <Tag color={status.pending > 0 ? (status.offline ? 'error' : 'warning') : 'success'} style={{ fontSize: 18, padding: '4px 10px' }} data-testid="queue-pending" data-pending={status.pending}>
      {status.pending > 0 ? tt('queue.pending', { n: status.pending }) : tt('queue.allSent')}
    </Tag>
  );
}

export function QueueAlerts({ queue, status }: { readonly queue: EntryQueue | null; readonly status: QueueStatus }) {
  const tt = useTallyT();
  const location = useLocation();
  const back: SignInState = { from: location.pathname + location.search };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {status.offline && status.pending > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ fontSize: 20 }}
          title={tt('queue.offline')}
          data-testid="queue-offline"
          action={
            <Button size="large" onClick={() => queue?.retryNow()} tabIndex={-1}>
              {tt('queue.retry')}
            </Button>
          }
        />
      ) : null}
      {status.signedOut ? (
        <Alert type="warning" showIcon style={{ fontSize: 20 }} title={tt('queue.signedOut')} action={<Link to="/sign-in" state={back}>{tt('queue.signIn')}</Link>} />
      ) : null}
      {status.storage === 'memory' ? <Alert type="warning" showIcon title={tt('queue.memory')} /> : null}
    </Space>
  );
}
