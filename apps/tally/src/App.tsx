/** Counting-day app. Big type: it is read on a laptop or tablet at a ballot box, often standing. */
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { ThemeConfig } from 'antd';
import { HuanjieProviders, RequireAuth, SIGN_IN_PATH, SignInPage, useT } from '@huanjie/ui';
import { Frame } from './Frame.tsx';
import { ElectionPicker } from './ElectionPicker.tsx';
import { ElectionPage } from './ElectionPage.tsx';
import { CheckInPage } from './checkin/CheckInPage.tsx';
import { CountPage } from './count/CountPage.tsx';
import { ResultsPage } from './results/ResultsPage.tsx';
import { AnnouncementPage, CertificatesPage } from './results/PrintPages.tsx';

// The board is its own chunk: echarts loads on the projector, not on every clerk's laptop.
const BoardPage = lazy(() => import('./board/BoardPage.tsx').then((m) => ({ default: m.BoardPage })));

const theme: ThemeConfig = { token: { fontSize: 18, controlHeight: 44, controlHeightLG: 52 } };

function TallySignIn() {
  const t = useT();
  return <SignInPage title={t('app.tally')} />;
}

export function App() {
  return (
    <HuanjieProviders theme={theme}>
      <BrowserRouter basename="/tally">
        <Routes>
          <Route path={SIGN_IN_PATH} element={<TallySignIn />} />
          {/* The public board: no sign-in, no frame. */}
          <Route
            path="board/:electionId"
            element={
              <Suspense fallback={null}>
                <BoardPage />
              </Suspense>
            }
          />
          <Route
            element={
              <RequireAuth>
                <Frame />
              </RequireAuth>
            }
          >
            <Route index element={<ElectionPicker />} />
            <Route path="e/:electionId" element={<ElectionPage />} />
            <Route path="e/:electionId/checkin" element={<CheckInPage />} />
            <Route path="e/:electionId/count" element={<CountPage />} />
            <Route path="e/:electionId/results" element={<ResultsPage />} />
            <Route path="e/:electionId/results/announcement" element={<AnnouncementPage />} />
            <Route path="e/:electionId/results/certificates" element={<CertificatesPage />} />
            <Route path="*" element={<ElectionPicker />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </HuanjieProviders>
  );
}
