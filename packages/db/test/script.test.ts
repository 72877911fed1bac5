/**
 * scriptTransaction, on whichever database the environment gives (PGlite, or PostgreSQL when
 * DATABASE_URL is set): the ballot writer's two-round-trip transaction must commit all or nothing,
 * and its inlined values must arrive exactly as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, literal, scriptTransaction, type Database } from '../src/index.ts';

const schema = process.env.DATABASE_URL ? `t_script_${process.pid}` : undefined;
let database: Database;

beforeAll(async () => {
  database = await createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', schema });
  await scriptTransaction(database.db, 'create table note (id int primary key, text text not null)', () => ({ write: null, value: null }));
});

afterAll(async () => {
  if (schema) await scriptTransaction(database.db, `drop schema ${schema} cascade`, () => ({ write: null, value: null }));
  await database.close();
});

const notes = () => scriptTransaction(database.db, 'select id, text from note order by id', ([rows]) => ({ write: null, value: rows! }));

describe('literal', () => {
  it.each([
    ['a quote', "王小明's"],
    ['a backslash', 'C:\\投票\\'],
    ['a backslash before a quote', "\\'"],
    ['an attempt to end the statement', "x'); drop table note; --"],
    ['a line break and a tab', '第一行\n\t第二行'],
    ['nothing', ''],
  ])('carries %s into SQL unchanged', async (_, text) => {
    const value = await scriptTransaction(database.db, `select ${literal(text)} as v`, ([rows]) => ({ write: null, value: rows![0]!.v }));
    expect(value).toBe(text);
  });

  it('refuses a NUL character, which PostgreSQL text cannot hold', () => {
    expect(() => literal('a\0b')).toThrow(/NUL/);
  });
});

describe('scriptTransaction', () => {
  it('hands over one array of rows per read statement and commits the writes', async () => {
    const value = await scriptTransaction(database.db, 'select 1 as one; select 2 as two, 3 as three', (results) => ({
      write: `insert into note values (1, ${literal('写入')})`,
      value: results,
    }));
    expect(value).toEqual([[{ one: 1 }], [{ two: 2, three: 3 }]]);
    expect(await notes()).toEqual([{ id: 1, text: '写入' }]);
  });

  it('rolls back everything, the read script included, when deciding throws', async () => {
    const attempt = scriptTransaction(database.db, `insert into note values (2, 'read'); select count(*)::int as n from note`, () => {
      throw new Error('decided against it');
    });
    await expect(attempt).rejects.toThrow('decided against it');
    expect(await notes()).toEqual([{ id: 1, text: '写入' }]);
  });

  it('rolls back everything when a write fails, and the next transaction works', async () => {
    const attempt = scriptTransaction(database.db, `insert into note values (3, 'read')`, () => ({
      write: `insert into note values (4, 'first'); insert into note values (1, 'duplicate key')`,
      value: null,
    }));
    await expect(attempt).rejects.toThrow();
    expect(await notes()).toEqual([{ id: 1, text: '写入' }]);
    await scriptTransaction(database.db, 'select 1', () => ({ write: `insert into note values (5, 'after')`, value: null }));
    expect((await notes()).map((n) => n.id)).toEqual([1, 5]);
  });

  it('rolls back when a read statement fails', async () => {
    const attempt = scriptTransaction(database.db, `insert into note values (6, 'read'); select * from no_such_table`, () => ({ write: null, value: null }));
    await expect(attempt).rejects.toThrow(/no_such_table/);
    expect((await notes()).map((n) => n.id)).toEqual([1, 5]);
  });
});
