/** The HTTP server: /graphql, /healthz, the built apps. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type Database } from '@huanjie/db';
import { ensureInitialAdmin, ensureTownship, fixedClock, systemClock, type Clock } from '@huanjie/schema';
import { createApp } from './yoga.ts';
import { serveStatic } from './static.ts';
import { redisEvents } from './redis.ts';
import path from 'node:path';

export interface StartOptions {
  readonly port: number;
  readonly host?: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  /** Live events through Redis (several server processes serving one count). */
  readonly redisUrl?: string | undefined;
  /** PostgreSQL schema to work in (tests). */
  readonly schema?: string | undefined;
  readonly today?: string | undefined;
  readonly adminPassword?: string | undefined;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly database: Database;
  readonly firstAdmin: { username: string; password: string } | null;
  close(): Promise<void>;
}

export async function openDatabase(options: Pick<StartOptions, 'dataDir' | 'databaseUrl' | 'schema'>): Promise<Database> {
  const database = await createDb({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir.startsWith('memory://') ? options.dataDir : path.join(options.dataDir, 'pglite'),
    schema: options.schema,
  });
  await database.migrate();
  return database;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const database = await openDatabase(options);
  const clock: Clock = options.today ? fixedClock(options.today) : systemClock();
  await ensureTownship(database.db);
  const firstAdmin = await ensureInitialAdmin({ db: database.db, actor: null, clock }, options.adminPassword);
  const redis = options.redisUrl ? await redisEvents(options.redisUrl) : null;
  const yoga = createApp({ database, clock, ...(redis ? { events: redis.events } : {}) });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' || url.pathname.startsWith('/downloads/')) {
      void yoga.requestListener(req, res);
      return;
    }
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, database: database.kind }));
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(req, res, url.pathname)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('未找到 / not found');
  });
  // Longer than a load balancer's idle timeout, so that a kept-alive connection is never closed by
  // us at the moment a client reuses it (a clerk's entry would then fail with ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  log(`换届 Huanjie 已启动：${url}  (database: ${database.kind} ${database.location}${redis ? ', live events: Redis' : ''})`);
  return {
    url,
    database,
    firstAdmin,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis?.close();
      await database.close();
    },
  };
}
