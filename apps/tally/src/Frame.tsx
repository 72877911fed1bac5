import { Button, Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch, useSignOut, useT, useViewer } from '@huanjie/ui';

export function Frame() {
  const t = useT();
  const { me, township } = useViewer();
  const signOut = useSignOut();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: 72, padding: '0 24px' }}>
        <Link to="/" style={{ color: '#fff', fontSize: 24, fontWeight: 600 }}>
          {t('app.tally')}
          {township ? <span style={{ fontWeight: 400, marginLeft: 16, opacity: 0.8 }}>{township.name}</span> : null}
        </Link>
        <Space size="middle">
          <Typography.Text style={{ color: '#fff' }} data-testid="viewer">
            {me.displayName}
          </Typography.Text>
          <LanguageSwitch style={{ color: '#fff' }} />
          <Button onClick={() => void signOut()} data-testid="sign-out">
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 32, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
