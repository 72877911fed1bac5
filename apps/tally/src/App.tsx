/** Counting-day app. Big type: it is read on a laptop or tablet at a ballot box, often standing. */
import { BrowserRouter, Route, Routes } from 'react-router';
import type { ThemeConfig } from 'antd';
import { HuanjieProviders, RequireAuth, SIGN_IN_PATH, SignInPage, useT } from '@huanjie/ui';
import { Frame } from './Frame.tsx';
import { ElectionPicker } from './ElectionPicker.tsx';
import { ElectionPage } from './ElectionPage.tsx';

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
          <Route
            element={
              <RequireAuth>
                <Frame />
              </RequireAuth>
            }
          >
            <Route index element={<ElectionPicker />} />
            <Route path="e/:electionId" element={<ElectionPage />} />
            <Route path="*" element={<ElectionPicker />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </HuanjieProviders>
  );
}
