/**
 * createDb(): PGlite (embedded, default, under a data directory) or PostgreSQL (DATABASE_URL).
 * Both get the same tables, relations and migrations.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { relations } from './relations.ts';

export type Relations = typeof relations;
export type Db = PgAsyncDatabase<PgQueryResultHKT, Relations>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: what a service function writes through. */
export type Executor = Db | Tx;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface DbOptions {
  /** postgres://… → PostgreSQL; unset → PGlite. */
  readonly databaseUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for a throwaway database. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL only: a schema to work in (tests use one schema per suite). */
  readonly schema?: string | undefined;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable location, for logs. */
  readonly location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export async function createDb(options: DbOptions = {}): Promise<Database> {
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options.schema);
  return createPglite(options.dataDir ?? './data/pglite');
}

async function createPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, relations });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    location: dataDir,
    async migrate() {
      await migratePglite(db, { migrationsFolder });
    },
    async close() {
      await client.close();
    },
  };
}

async function createPostgres(url: string, schema: string | undefined): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    // Counting day: many clerks' requests at once, each a few short queries.
    max: Number(process.env.HUANJIE_DB_POOL ?? 24),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A pooled connection the server closes while idle (restart, failover) must not crash the
  // process: the pool drops it and the next query opens a new one.
  pool.on('error', (error) => {
    console.error(`PostgreSQL connection lost: ${error.message}`);
  });
  if (schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  }
  const db = drizzlePg({ client: pool, relations });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    location: url.replace(/\/\/[^@]*@/, '//***@') + (schema ? ` (schema ${schema})` : ''),
    async migrate() {
      await migratePg(db, { migrationsFolder, ...(schema ? { migrationsSchema: schema } : {}) });
    },
    async close() {
      await pool.end();
    },
  };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
