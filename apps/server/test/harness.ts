/**
 * Test harness: a real Yoga app on a real database — PGlite in memory, or PostgreSQL in a schema
 * of its own when DATABASE_URL is set — driven through real GraphQL requests (yoga.fetch).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@huanjie/db';
import { ensureInitialAdmin, ensureTownship, fixedClock, type Clock } from '@huanjie/schema';
import { openDatabase } from '../src/server.ts';
import { createApp } from '../src/yoga.ts';

export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestApp {
  readonly database: Database;
  readonly clock: Clock & { set(today: string): void; advance(ms: number): void };
  readonly yoga: ReturnType<typeof createApp>;
  /** A browser-like client with its own cookie jar. */
  client(): TestClient;
  /** A client already signed in. */
  signedIn(username?: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly data?: T;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

export interface TestClient {
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  upload<T = any>(query: string, variables: Record<string, unknown>, file: { name: string; bytes: Uint8Array; path: string }): Promise<GraphQLResponse<T>>;
  readonly cookies: Map<string, string>;
  lastSetCookie: string | null;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestApp(today = '2026-11-25'): Promise<TestApp> {
  const schema = onPostgres ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const database = await openDatabase({ dataDir: 'memory://', databaseUrl: process.env.DATABASE_URL, schema });
  let day = today;
  let offset = 0;
  const base = fixedClock(today);
  const clock = {
    now: () => new Date(base.now().getTime() + offset),
    today: () => day,
    set: (d: string) => {
      day = d;
    },
    advance: (ms: number) => {
      offset += ms;
    },
  };
  await ensureTownship(database.db, { code: '510181103', name: '玉堂镇' });
  await ensureInitialAdmin({ db: database.db, actor: null, clock }, ADMIN_PASSWORD);
  const yoga = createApp({ database, clock });

  const client = (): TestClient => {
    const cookies = new Map<string, string>();
    const send = async (init: RequestInit) => {
      const headers = new Headers(init.headers);
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
      const response = await yoga.fetch('http://localhost/graphql', { ...init, method: 'POST', headers });
      const setCookie = response.headers.get('set-cookie');
      c.lastSetCookie = setCookie;
      if (setCookie) {
        const [pair] = setCookie.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) {
          if (/Max-Age=0/.test(setCookie)) cookies.delete(name);
          else cookies.set(name, value.join('='));
        }
      }
      return response.json();
    };
    const c: TestClient = {
      cookies,
      lastSetCookie: null,
      query: (query, variables) =>
        send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }),
      upload: (query, variables, file) => {
        const form = new FormData();
        form.append('operations', JSON.stringify({ query, variables }));
        form.append('map', JSON.stringify({ 0: [file.path] }));
        form.append('0', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
        return send({ body: form });
      },
    };
    return c;
  };

  return {
    database,
    clock,
    yoga,
    client,
    async signedIn(username = 'admin', password = ADMIN_PASSWORD) {
      const c = client();
      const res = await c.query(SIGN_IN, { username, password });
      if (res.data?.signIn?.__typename !== 'Account') throw new Error(`sign-in failed: ${JSON.stringify(res)}`);
      return c;
    },
    async close() {
      if (schema) await database.db.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
      await database.close();
    },
  };
}

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      __typename
      ... on Account { id username role }
      ... on Error { code message }
    }
  }
`;

export const CREATE_COMMUNITY = /* GraphQL */ `
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      __typename
      ... on Community { id code name kind area election { id electionDay } }
      ... on UserError { code message field }
    }
  }
`;
