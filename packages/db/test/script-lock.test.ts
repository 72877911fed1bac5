/**
 * The property the ballot writer rests on, on PostgreSQL (a second connection is needed; PGlite
 * has one and runs transactions one at a time): in a read script, a statement after a locking
 * statement sees what the lock holder committed while it waited — READ COMMITTED takes a snapshot
 * per statement, also within one simple-protocol message. Without it two server processes could
 * hand out the same sequence number or fork the audit chain. Runs when DATABASE_URL is set
 * (vitest.config.ts leaves the file out otherwise).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, scriptTransaction, type Database } from '../src/index.ts';

const schema = `t_script_lock_${process.pid}`;
let database: Database;
let other: pg.Client;

beforeAll(async () => {
  database = await createDb({ databaseUrl: process.env.DATABASE_URL, schema });
  await scriptTransaction(database.db, 'create table counter (id int primary key, n int not null); create table log (n int not null); insert into counter values (1, 0)', () => ({ write: null, value: null }));
  other = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=${schema}` });
  await other.connect();
});

afterAll(async () => {
  await other.end();
  await scriptTransaction(database.db, `drop schema ${schema} cascade`, () => ({ write: null, value: null }));
  await database.close();
});

it('reads, after the lock in the same script, what the previous lock holder committed', async () => {
  await other.query('begin');
  await other.query('select n from counter where id = 1 for update');
  await other.query('insert into log values (1)');
  await other.query('update counter set n = 1 where id = 1');

  const waiting = scriptTransaction(database.db, 'select n from counter where id = 1 for update; select count(*)::int as logged from log', ([locked, after]) => ({
    write: 'insert into log values (2); update counter set n = 2 where id = 1',
    value: { locked: locked![0]!.n, logged: after![0]!.logged },
  }));
  await new Promise((resolve) => setTimeout(resolve, 200)); // the script is now waiting for the lock
  await other.query('commit');

  expect(await waiting).toEqual({ locked: 1, logged: 1 });
  const { rows } = await other.query('select n from counter');
  expect(rows).toEqual([{ n: 2 }]);
});
