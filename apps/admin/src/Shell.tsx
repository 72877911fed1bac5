/** The console's frame: side menu, header with township, user, language and sign-out. */
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, CalendarOutlined, DashboardOutlined, LogoutOutlined, TeamOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch, useSignOut, useT, useViewer } from '@huanjie/ui';
import { isTownshipAdmin } from './permissions.ts';

export function Shell() {
  const t = useT();
  const { me, township } = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const section = '/' + (location.pathname.split('/')[1] ?? '');

  const items = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.overview') },
    { key: '/communities', icon: <ApartmentOutlined />, label: t('nav.communities') },
    { key: '/cycle', icon: <CalendarOutlined />, label: t('nav.cycle') },
    ...(isTownshipAdmin(me) ? [{ key: '/accounts', icon: <TeamOutlined />, label: t('nav.accounts') }] : []),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px', fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.admin')}</div>
        <Menu theme="dark" mode="inline" selectedKeys={[section]} items={items} onClick={({ key }) => navigate(key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="township-name">
            {township?.name ?? ''}
          </Typography.Title>
          <Space size="middle">
            <span data-testid="viewer">
              {me.displayName} <Tag>{t(`role.${me.role}`)}</Tag>
            </span>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="sign-out">
              {t('signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
