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
  const tokenHash = hashToken(token);
  recent.delete(tokenHash);
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/**
 * Sessions resolved in the last two seconds, by token hash: a hall of clerks each entering a ballot
 * every two seconds would otherwise cost a query per entry. Signing out forgets the token here at
 * once; another server process may honour it until its own entry lapses (at most REMEMBER_MS).
 */
const REMEMBER_MS = 2000;
const REMEMBER_MAX = 10_000;
const recent = new Map<string, { readonly actor: Actor; readonly expiresAt: number; readonly until: number }>();

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

/** The actor of a request's session token, or why there is none: one query, at most every two seconds per token. */
export async function resolveSession(
  db: Db,
  token: string | null,
  now: Date,
): Promise<{ actor: Actor | null; state: 'none' | 'valid' | 'expired' }> {
  if (!token) return { actor: null, state: 'none' };
  const tokenHash = hashToken(token);
  const at = now.getTime();
  const known = recent.get(tokenHash);
  // performance.now, not the (possibly simulated) election clock, decides when to ask again.
  if (known && known.until > performance.now() && known.expiresAt > at) return { actor: known.actor, state: 'valid' };
  const rows = await queryRows<{ id: number; username: string; display_name: string; role: Role; disabled: boolean; communities: number[]; expires_at: string | Date }>(
    db,
    sql`select a.id, a.username, a.display_name, a.role, a.disabled, s.expires_at,
          coalesce(array_agg(ac.community_id) filter (where ac.community_id is not null), '{}') as communities
        from ${session} s
        join ${account} a on a.id = s.account_id
        left join ${accountCommunity} ac on ac.account_id = a.id
        where s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}
        group by a.id, s.expires_at`,
  );
  const row = rows[0];
  if (!row || row.disabled) {
    recent.delete(tokenHash);
    return { actor: null, state: 'expired' };
  }
  const actor: Actor = { id: row.id, username: row.username, displayName: row.display_name, role: row.role, communityIds: new Set(row.communities.map(Number)) };
  if (recent.size >= REMEMBER_MAX) recent.clear();
  recent.set(tokenHash, { actor, expiresAt: new Date(row.expires_at).getTime(), until: performance.now() + REMEMBER_MS });
  return { actor, state: 'valid' };
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
