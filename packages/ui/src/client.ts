/**
 * The urql client of both apps: same-origin /graphql with the session cookie. File variables go
 * out as a GraphQL multipart request (urql's fetch exchange does this by itself). Subscriptions go
 * over Server-Sent Events, as graphql-yoga serves them (see sse.ts).
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { sseForwarder } from './sse.ts';

/** The server's codes for "sign in (again)". */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'SESSION_EXPIRED';

export interface AuthError {
  readonly code: AuthErrorCode;
  /** The server's zh-CN message. */
  readonly message: string;
}

export function authErrorOf(error: CombinedError | undefined): AuthError | null {
  for (const e of error?.graphQLErrors ?? []) {
    const code = e.extensions['code'];
    if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') return { code, message: e.message };
  }
  return null;
}

export interface ClientOptions {
  /** Called whenever the server says the session is missing or expired. */
  readonly onAuthError: (error: AuthError) => void;
  readonly url?: string;
}

export function createHuanjieClient(options: ClientOptions): Client {
  const url = options.url ?? '/graphql';
  return new Client({
    url,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          const auth = authErrorOf(error);
          if (auth) options.onAuthError(auth);
        },
      }),
      subscriptionExchange({ forwardSubscription: sseForwarder({ url }) }),
      fetchExchange,
    ],
  });
}

/** The first error's message (the server writes them in zh-CN), or a network fallback. */
export function errorMessage(error: CombinedError, networkMessage: string): string {
  return error.graphQLErrors[0]?.message ?? networkMessage;
}
