/**
 * A transaction in two round trips, for the one write path whose round trips bound the rate
 * (ballot entry, see packages/schema/src/tally/ballot-writer.ts). Through drizzle a read-then-write
 * transaction costs BEGIN, each statement and COMMIT a round trip apiece; under load each of
 * them also waits its turn on a busy event loop. Here BEGIN travels with the reads and COMMIT
 * with the writes, as plain SQL scripts (the simple query protocol: several statements in one
 * message, no parameters — values are inlined with `literal`).
 *
 * Each statement of a script takes its own snapshot (READ COMMITTED), so a read placed after a
 * locking statement in the same script sees everything committed before the lock was granted.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './client.ts';

export type ScriptRow = Record<string, unknown>;

export interface ScriptDecision<T> {
  /** Statements to run before COMMIT; null when there is nothing to write. */
  readonly write: string | null;
  readonly value: T;
}

/**
 * A SQL string literal, whatever `standard_conforming_strings` is (the E'' form when a backslash
 * is present, as node-postgres' escapeLiteral does).
 */
export function literal(value: string): string {
  if (value.includes('\0')) throw new Error('a SQL text value cannot hold a NUL character');
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/**
 * Runs `read` (one or more statements) in a new transaction, hands its rows (one array per
 * statement) to `decide`, runs the statements it returns and commits. Anything thrown — by a
 * statement or by `decide` — rolls the transaction back and is rethrown.
 */
export async function scriptTransaction<T>(db: Db, read: string, decide: (results: readonly ScriptRow[][]) => ScriptDecision<T>): Promise<T> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    // In-process: round trips cost nothing; PGlite's own transaction keeps other queries out.
    return client.transaction(async (tx) => {
      const results = await tx.exec(read);
      const { write, value } = decide(results.map((r) => r.rows as ScriptRow[]));
      if (write) await tx.exec(write);
      return value;
    });
  }
  if (!(client instanceof pg.Pool)) throw new Error('scriptTransaction: unknown database driver');
  const connection = await client.connect();
  let broken: Error | undefined;
  try {
    const results = await simpleQuery(connection, `begin;\n${read}`);
    const { write, value } = decide(results.slice(1));
    await simpleQuery(connection, write ? `${write};\ncommit` : 'commit');
    return value;
  } catch (error) {
    // A script that failed midway left the transaction aborted (or, at COMMIT, already rolled
    // back: then ROLLBACK only warns). A connection that cannot even roll back is thrown away.
    await connection.query('rollback').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    connection.release(broken);
  }
}

async function simpleQuery(connection: pg.PoolClient, script: string): Promise<ScriptRow[][]> {
  // node-postgres answers a single statement with one result, several with an array of them.
  const answer = (await connection.query(script)) as unknown as pg.QueryResult<ScriptRow> | pg.QueryResult<ScriptRow>[];
  return (Array.isArray(answer) ? answer : [answer]).map((r) => r.rows);
}
