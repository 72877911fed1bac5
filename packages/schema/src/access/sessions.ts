/**
 * Sessions: the http-only cookie carries a random token; the database keeps only its SHA-256,
 * so a leaked database does not leak usable sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { account, accountCommunity, queryRows, session, type Db, type Executor } from '@huanjie/db';
import type { Actor, Role } from '../context.ts';

export const SESSION_COOKIE = 'huanjie_session';
export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Executor, accountId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(session).values({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
  });
  return token;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, hashToken(token)));
}

export async function loadActor(db: Executor, accountId: number): Promise<Actor | null> {
  const rows = await db.select().from(account).where(eq(account.id, accountId)).limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  const scoped = await db
    .select({ communityId: accountCommunity.communityId })
    .from(accountCommunity)
    .where(eq(accountCommunity.accountId, accountId));
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    communityIds: new Set(scoped.map((s) => s.communityId)),
  };
}

/** The actor of a request's session token, or why there is none: one query, every request. */
export async function resolveSession(
  db: Db,
  token: string | null,
  now: Date,
): Promise<{ actor: Actor | null; state: 'none' | 'valid' | 'expired' }> {
  if (!token) return { actor: null, state: 'none' };
  const rows = await queryRows<{ id: number; username: string; display_name: string; role: Role; disabled: boolean; communities: number[] }>(
    db,
    sql`select a.id, a.username, a.display_name, a.role, a.disabled,
          coalesce(array_agg(ac.community_id) filter (where ac.community_id is not null), '{}') as communities
        from ${session} s
        join ${account} a on a.id = s.account_id
        left join ${accountCommunity} ac on ac.account_id = a.id
        where s.token_hash = ${hashToken(token)} and s.expires_at > ${now.toISOString()}
        group by a.id`,
  );
  const row = rows[0];
  if (!row || row.disabled) return { actor: null, state: 'expired' };
  return {
    actor: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, communityIds: new Set(row.communities.map(Number)) },
    state: 'valid',
  };
}

export function sessionCookie(token: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${SESSION_HOURS * 3600}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}
