import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditEvent, type Db, type Tx } from '@huanjie/db';
import type { Actor } from '../context.ts';
import { auditHash, GENESIS_HASH, type AuditContent } from './chain.ts';

export interface AuditRecord {
  readonly operation: string;
  readonly entityType: string;
  readonly entityId: string | number | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** Appends one event to the chain, inside the caller's transaction. */
export async function appendAudit(tx: Tx, actor: Actor | null, record: AuditRecord, at: Date): Promise<void> {
  await appendAuditMany(tx, [{ actor, record, at }]);
}

/** Held by every transaction that appends to the chain, until it commits. */
export const AUDIT_CHAIN_LOCK = 7240001;

export type AuditRow = Omit<AuditContent, 'at'> & { readonly at: Date; readonly prevHash: string; readonly hash: string };

/** The rows for entries appended after the event whose hash is `lastHash` (null: the chain is empty), each linked to the one before. */
export function linkAudit(lastHash: string | null, entries: readonly { actor: Actor | null; record: AuditRecord; at: Date }[]): AuditRow[] {
  let prevHash = lastHash ?? GENESIS_HASH;
  return entries.map(({ actor, record, at }) => {
    const content: AuditContent = {
      at: at.toISOString(),
      actorId: actor?.id ?? null,
      actor: actor?.username ?? 'system',
      operation: record.operation,
      entityType: record.entityType,
      entityId: record.entityId === null ? null : String(record.entityId),
      before: toJson(record.before),
      after: toJson(record.after),
    };
    const hash = auditHash(prevHash, content);
    const row = { ...content, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/**
 * Appends events in order, each linked to the one before, in one statement: a batch of changes
 * made in one transaction (e.g. ballots entered together) still gets one event per change.
 */
export async function appendAuditMany(tx: Tx, entries: readonly { actor: Actor | null; record: AuditRecord; at: Date }[]): Promise<void> {
  if (entries.length === 0) return;
  // Serialise appenders so each event links to the one committed before it (PostgreSQL runs many
  // transactions at once; PGlite runs one, and the lock is free there).
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(AUDIT_CHAIN_LOCK))})`);
  const last = await tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
  await tx.insert(auditEvent).values(linkAudit(last[0]?.hash ?? null, entries));
}

/** Dates become ISO strings, undefined disappears: what jsonb will give back. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export type AuditVerification =
  | { readonly ok: true; readonly events: number }
  | { readonly ok: false; readonly events: number; readonly brokenAt: number; readonly reason: string };

/** Walks the whole chain in order; names the first event whose link does not hold. */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let events = 0;
  for (;;) {
    const rows = await db.select().from(auditEvent).where(gt(auditEvent.id, lastId)).orderBy(asc(auditEvent.id)).limit(5000);
    if (rows.length === 0) return { ok: true, events };
    for (const row of rows) {
      events += 1;
      if (row.prevHash !== prevHash) {
        return { ok: false, events, brokenAt: row.id, reason: '与前一条记录的哈希不衔接（记录被删除或插入）' };
      }
      const expected = auditHash(prevHash, {
        at: row.at.toISOString(),
        actorId: row.actorId,
        actor: row.actor,
        operation: row.operation,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) {
        return { ok: false, events, brokenAt: row.id, reason: '记录内容与其哈希不符（记录被修改）' };
      }
      prevHash = row.hash;
      lastId = row.id;
    }
  }
}
