import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, queryRows, type Database } from '../src/index.ts';

async function open(): Promise<Database> {
  const database = await createDb({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: 'memory://',
    schema: process.env.DATABASE_URL ? `t_db_${process.pid}` : undefined,
  });
  await database.migrate();
  return database;
}

describe('the database', () => {
  let database: Database;
  afterAll(async () => {
    if (database.kind === 'postgres') await database.db.execute(sql.raw(`DROP SCHEMA t_db_${process.pid} CASCADE`));
    await database.close();
  });

  it('applies the migrations, and applying them again changes nothing', async () => {
    database = await open();
    await database.migrate();
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from community`);
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses to update or delete an audit event', async () => {
    const { db } = database;
    await db.execute(
      sql`insert into audit_event (at, actor, operation, entity_type, prev_hash, hash) values (now(), 'test', 'op', 'thing', '', 'h')`,
    );
    await expect(db.execute(sql`update audit_event set actor = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it('refuses a community kind the law does not know', async () => {
    const { db } = database;
    await db.execute(sql`insert into township (code, name) values ('1', '测试镇')`);
    await expect(
      db.execute(sql`insert into community (township_id, code, name, kind, area) values (1, 'c1', '甲村', 'city', 'rural')`),
    ).rejects.toThrow();
  });
});
