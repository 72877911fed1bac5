/**
 * The hash chain of the audit trail: each event's hash is SHA-256 over the previous hash and the
 * event's canonical JSON, so changing, removing or reordering any row breaks every later link.
 */
import { createHash } from 'node:crypto';

export interface AuditContent {
  readonly at: string;
  readonly actorId: number | null;
  readonly actor: string;
  readonly operation: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        ...content,
        at: new Date(content.at).toISOString(),
      }),
    )
    .digest('hex');
}
