import { BrowserRouter, Route, Routes } from 'react-router';
import { HuanjieProviders, RequireAuth, SIGN_IN_PATH, SignInPage, useT } from '@huanjie/ui';
import { Shell } from './Shell.tsx';
import { OverviewPage } from './pages/Overview.tsx';
import { CommunitiesPage } from './pages/Communities.tsx';
import { CommunityPage } from './pages/Community.tsx';
import { CyclePage } from './pages/Cycle.tsx';
import { AccountsPage } from './pages/Accounts.tsx';

function AdminSignIn() {
  const t = useT();
  return <SignInPage title={t('app.admin')} />;
}

export function App() {
  return (
    <HuanjieProviders>
      <BrowserRouter>
        <Routes>
          <Route path={SIGN_IN_PATH} element={<AdminSignIn />} />
          <Route
            element={
              <RequireAuth>
                <Shell />
              </RequireAuth>
            }
          >
            <Route index element={<OverviewPage />} />
            <Route path="communities" element={<CommunitiesPage />} />
            <Route path="communities/:code" element={<CommunityPage />} />
            <Route path="cycle" element={<CyclePage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="*" element={<OverviewPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </HuanjieProviders>
  );
}
