import { BrowserRouter, Route, Routes } from 'react-router';
import { HuanjieProviders, RequireAuth, SIGN_IN_PATH, SignInPage, useT } from '@huanjie/ui';
import { Shell } from './Shell.tsx';
import { OverviewPage } from './pages/Overview.tsx';
import { CommunitiesPage } from './pages/Communities.tsx';
import { CommunityPage } from './pages/Community.tsx';
import { CyclePage } from './pages/Cycle.tsx';
import { AccountsPage } from './pages/Accounts.tsx';
import { CommunityArea } from './election/area.tsx';
import { VotersTab } from './voters/VotersTab.tsx';
import { CandidatesTab } from './candidates/CandidatesTab.tsx';
import { PollingTab } from './polling/PollingTab.tsx';
import { PrintArea } from './print/PrintFrame.tsx';
import { VoterListPrint } from './print/VoterListPrint.tsx';
import { CertificatesPrint } from './print/CertificatesPrint.tsx';
import { BallotPrint } from './print/BallotPrint.tsx';
import { CandidateListPrint } from './print/CandidateListPrint.tsx';
import { ProxyListPrint } from './print/ProxyListPrint.tsx';
import { StaffListPrint } from './print/StaffListPrint.tsx';

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
            <Route path="communities/:code" element={<CommunityArea />}>
              <Route index element={<CommunityPage />} />
              <Route path="voters" element={<VotersTab />} />
              <Route path="candidates" element={<CandidatesTab />} />
              <Route path="polling" element={<PollingTab />} />
            </Route>
            <Route path="cycle" element={<CyclePage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="*" element={<OverviewPage />} />
          </Route>
          {/* Printable documents: signed in, but without the console's menu around them. */}
          <Route
            path="communities/:code/print"
            element={
              <RequireAuth>
                <PrintArea />
              </RequireAuth>
            }
          >
            <Route path="voter-list" element={<VoterListPrint />} />
            <Route path="certificates" element={<CertificatesPrint />} />
            <Route path="ballot" element={<BallotPrint />} />
            <Route path="candidates" element={<CandidateListPrint />} />
            <Route path="proxies" element={<ProxyListPrint />} />
            <Route path="staff" element={<StaffListPrint />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </HuanjieProviders>
  );
}
