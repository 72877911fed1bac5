/** The one Yoga instance: schema, per-request context (session, clock), cookies on the response. */
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Database } from '@huanjie/db';
import { downloadsPlugin } from './downloads.ts';
import { requestSizePlugin } from './request-size.ts';
import { sharedEventsPlugin } from './shared-events.ts';
import { TallyHub, createEvents, readCookie, resolveSession, schema, SESSION_COOKIE, type Clock, type Context, type Events } from '@huanjie/schema';

export interface AppOptions {
  readonly database: Database;
  readonly clock: Clock;
  readonly logging?: boolean;
  /** Shared with other server processes through Redis when REDIS_URL is set. */
  readonly events?: Events;
}

type ServerContext = Record<string, never>;

export function createApp(options: AppOptions): YogaServerInstance<ServerContext, Context> {
  const pendingCookies = new WeakMap<Request, string[]>();
  const events = options.events ?? createEvents();
  const tallyHub = new TallyHub(events, options.database.db);
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // Unexpected errors are masked for the client and always logged here, never swallowed.
    logging: options.logging ? 'info' : 'error',
    landingPage: false,
    multipart: true,
    // Our own cap (request-size.ts): the same limit without piping every body through a stream.
    maxRequestBodySize: false,
    context: async ({ request }): Promise<Context> => {
      const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
      const { actor, state } = await resolveSession(options.database.db, token, options.clock.now());
      const cookies: string[] = [];
      pendingCookies.set(request, cookies);
      return {
        db: options.database.db,
        database: options.database,
        actor,
        session: state,
        sessionToken: token,
        clock: options.clock,
        events,
        tallyHub,
        setCookie: (cookie) => cookies.push(cookie),
      };
    },
    plugins: [
      requestSizePlugin(),
      sharedEventsPlugin(),
      downloadsPlugin(options.database, options.clock),
      {
        onResponse({ request, response }) {
          for (const cookie of pendingCookies.get(request) ?? []) response.headers.append('set-cookie', cookie);
        },
      },
    ],
  });
}
