import { Button, Layout, Space, Typography } from 'antd';
import { Link, Outlet, useMatch } from 'react-router';
import { LanguageSwitch, useSignOut, useT, useViewer } from '@huanjie/ui';
import { QueueProvider, useEntryQueue, useQueueStatus } from './queue/QueueProvider.tsx';
import { QueueBadge } from './queue/QueueBar.tsx';

export function Frame() {
  return (
    <QueueProvider>
      <FrameLayout />
    </QueueProvider>
  );
}

/** Shown whenever entries wait, on any screen: the queue keeps sending wherever the clerk is. */
function PendingBadge() {
  const status = useQueueStatus(useEntryQueue());
  const onEntryScreen = useMatch('/e/:electionId/count') !== null; // it has its own, larger
  return status.pending > 0 && !onEntryScreen ? <QueueBadge status={status} /> : null;
}

function FrameLayout() {
  const t = useT();
  const { me, township } = useViewer();
  const signOut = useSignOut();
  // Counting screens use the whole width of a laptop; the picker stays compact.
  const wide = useMatch('/e/:electionId/:screen/*') !== null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="no-print" style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 72, padding: '0 24px' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 24, fontWeight: 600 }}>
          {t('app.tally')}
          {township ? <span style={{ fontWeight: 400, marginLeft: 16, opacity: 0.8 }}>{township.name}</span> : null}
        </Link>
        <Space size="middle">
          <PendingBadge />
          <Typography.Text style={{ color: '#fff' }} data-testid="viewer">
            {me.displayName}
          </Typography.Text>
          <LanguageSwitch style={{ color: '#fff' }} />
          <Button onClick={() => void signOut()} data-testid="sign-out" tabIndex={-1}>
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? '20px 28px' : 32, maxWidth: wide ? 1800 : 1100, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
