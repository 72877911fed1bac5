/** Sign-in, sign-out and the guard that keeps signed-out visitors on the sign-in page. */
import { createContext, useContext, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { authErrorOf, errorMessage } from './client.ts';
import { graphql, type ResultOf } from './graphql.ts';
import { useLang, useT } from './i18n.tsx';
import { useSession } from './session.tsx';

export const SIGN_IN_PATH = '/sign-in';

/** What the sign-in page is told by whoever sent the user there. */
export interface SignInState {
  readonly from?: string;
  readonly notice?: string;
  readonly noticeType?: 'info' | 'warning';
}

// `me` is null when signed out; the township is asked for only once signed in, since asking
// without a session is an error (and a first visit is not one).
const MeQuery = graphql(`
  query Me {
    me { id username displayName role communities { id code name } }
  }
`);

const TownshipQuery = graphql(`
  query Township {
    township { id code name }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      __typename
      ... on Account { id username }
      ... on Error { code message }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>['me']>;
export type Township = ResultOf<typeof TownshipQuery>['township'];

interface Viewer {
  readonly me: Me;
  readonly township: Township;
}

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in account and the township (inside <RequireAuth>). */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() needs <RequireAuth>');
  return viewer;
}

/** Sends the user to sign-in, with the server's zh-CN reason, whenever the session is missing or expired. */
function useAuthRedirect(): void {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      session.onAuthError((e) => {
        const state: SignInState = { from: location.pathname + location.search, notice: e.message, noticeType: 'warning' };
        navigate(SIGN_IN_PATH, { replace: true, state });
        session.reset();
      }),
    [session, navigate, location.pathname, location.search],
  );
}

export function RequireAuth({ children }: { readonly children: ReactNode }) {
  const t = useT();
  useAuthRedirect();
  const location = useLocation();
  const [result, reexecute] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  const [town] = useQuery({ query: TownshipQuery, pause: !result.data?.me });
  if (result.fetching && !result.data) return <FullPageSpin label={t('common.loading')} />;
  if (result.error && authErrorOf(result.error)) return null; // useAuthRedirect is on its way
  const me = result.data?.me;
  if (!me) {
    if (result.error) {
      return (
        <Alert
          type="error"
          showIcon
          style={{ margin: 48 }}
          title={errorMessage(result.error, t('error.network'))}
          action={<Button onClick={() => reexecute({ requestPolicy: 'network-only' })}>{t('common.retry')}</Button>}
        />
      );
    }
    const state: SignInState = { from: location.pathname + location.search };
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }
  return <ViewerContext.Provider value={{ me, township: town.data?.township ?? null }}>{children}</ViewerContext.Provider>;
}

export function useSignOut(): () => Promise<void> {
  const [, signOut] = useMutation(SignOutMutation);
  const session = useSession();
  const navigate = useNavigate();
  const t = useT();
  return async () => {
    await signOut({});
    const state: SignInState = { notice: t('signIn.signedOut'), noticeType: 'info' };
    navigate(SIGN_IN_PATH, { replace: true, state });
    session.reset();
  };
}

function FullPageSpin({ label }: { readonly label: string }) {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description={label} />
    </div>
  );
}

export function LanguageSwitch({ style }: { readonly style?: CSSProperties }) {
  const [lang, setLang] = useLang();
  const t = useT();
  return (
    <Button type="text" style={style} title={t('lang.switchTitle')} onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')} data-testid="lang-switch">
      {t('lang.switch')}
    </Button>
  );
}

interface SignInValues {
  readonly username: string;
  readonly password: string;
}

/** The sign-in page of both apps. `title` names the app. */
export function SignInPage({ title }: { readonly title: string }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const state = (location.state ?? {}) as SignInState;
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: SignInValues) => {
    setFailure(null);
    const res = await signIn({ username: values.username.trim(), password: values.password });
    const outcome = res.data?.signIn;
    if (outcome?.__typename === 'Account') {
      session.reset();
      navigate(state.from && state.from !== SIGN_IN_PATH ? state.from : '/', { replace: true });
    } else if (outcome?.__typename === 'UserError') {
      setFailure(outcome.message);
    } else {
      setFailure(res.error ? errorMessage(res.error, t('error.network')) : t('error.network'));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <LanguageSwitch style={{ position: 'absolute', top: 16, right: 16 }} />
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        {state.notice && !failure ? <Alert type={state.noticeType ?? 'warning'} showIcon title={state.notice} style={{ marginBottom: 16 }} data-testid="sign-in-notice" /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="sign-in-error" /> : null}
        <Form<SignInValues> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} size="large">
          <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('signIn.username') }) }]}>
            <Input autoFocus autoComplete="username" data-testid="sign-in-username" />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('common.required', { field: t('signIn.password') }) }]}>
            <Input.Password autoComplete="current-password" data-testid="sign-in-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fetching} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
