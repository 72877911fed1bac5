import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent } from '@huanjie/db';
import { verifyAuditChain } from '@huanjie/schema';
import { CREATE_COMMUNITY, createTestApp, type TestApp } from './harness.ts';

/** Alters one audit row behind the application's back, as an intruder with database access would. */
async function tamper(app: TestApp, id: number) {
  await app.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_event disable trigger audit_event_no_update`);
    await tx.execute(sql`update audit_event set after = jsonb_set(after, '{name}', '"篡改"') where id = ${id}`);
    await tx.execute(sql`alter table audit_event enable trigger audit_event_no_update`);
  });
}

describe('the audit trail', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('records each mutation once, with actor, operation, entity, before and after', async () => {
    const admin = await app.signedIn();
    const created = await admin.query(CREATE_COMMUNITY, { input: { code: 'A1', name: '甲村', kind: 'VILLAGE', area: 'RURAL' } });
    await admin.query(`mutation($id: ID!) { updateCommunity(id: $id, input: { name: "乙村" }) { __typename } }`, { id: created.data.createCommunity.id });
    const events = await app.database.db.select().from(auditEvent).orderBy(asc(auditEvent.id));
    expect(events.map((e) => e.operation)).toEqual(['createAccount', 'signIn', 'createCommunity', 'updateCommunity']);
    const update = events[3]!;
    expect(update).toMatchObject({ actor: 'admin', entityType: 'community' });
    expect(update.before).toMatchObject({ name: '甲村', code: 'A1' });
    expect(update.after).toMatchObject({ name: '乙村', code: 'A1' });
    expect(update.prevHash).toBe(events[2]!.hash);
    // The password hash never reaches the audit trail.
    expect(JSON.stringify(events[0]!.after)).not.toContain('scrypt');
    expect(await verifyAuditChain(app.database.db)).toEqual({ ok: true, events: 4 });
  });

  it('fails verification at the first row altered directly in the database', async () => {
    const events = await app.database.db.select().from(auditEvent).orderBy(asc(auditEvent.id));
    const target = events[2]!;
    await tamper(app, target.id);
    expect(await verifyAuditChain(app.database.db)).toEqual({
      ok: false,
      events: 3,
      brokenAt: target.id,
      reason: '记录内容与其哈希不符（记录被修改）',
    });
  });
});

