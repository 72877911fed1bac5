/**
 * The providers both apps wrap themselves in: i18n, antd (locale follows the language), and the
 * urql client — recreated on sign-in and sign-out so that no cached data outlives its account.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Provider as UrqlProvider, type Client } from 'urql';
import { createHuanjieClient, type AuthError } from './client.ts';
import { I18nProvider, useLang } from './i18n.tsx';

type AuthListener = (error: AuthError) => void;

interface Session {
  /** Drop every cached result (a new client). */
  readonly reset: () => void;
  /** Be told when the server says the session is missing or expired; returns the unsubscribe. */
  readonly onAuthError: (listener: AuthListener) => () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs <HuanjieProviders>');
  return session;
}

function SessionProvider({ children }: { readonly children: ReactNode }) {
  const listeners = useRef(new Set<AuthListener>());
  const makeClient = useCallback(
    (): Client => createHuanjieClient({ onAuthError: (e) => listeners.current.forEach((l) => l(e)) }),
    [],
  );
  const [client, setClient] = useState(makeClient);
  const session = useMemo<Session>(
    () => ({
      reset: () => setClient(makeClient()),
      onAuthError: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [makeClient],
  );
  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

function LocalizedAntd({ children, theme }: { readonly children: ReactNode; readonly theme?: ThemeConfig | undefined }) {
  const [lang] = useLang();
  // Set during render (idempotent), so date pickers never draw once in the wrong language.
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCNLocale : enUS} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function HuanjieProviders({ children, theme }: { readonly children: ReactNode; readonly theme?: ThemeConfig }) {
  return (
    <I18nProvider>
      <LocalizedAntd theme={theme}>
        <SessionProvider>{children}</SessionProvider>
      </LocalizedAntd>
    </I18nProvider>
  );
}
