import { eq, inArray } from 'drizzle-orm';
import { err, ok, type Result } from '@huanjie/domain';
import { account, accountCommunity, community, type Db } from '@huanjie/db';
import type { Actor, Context, Role } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { generatePassword, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, loadActor } from './sessions.ts';

export async function signIn(
  ctx: Context,
  username: string,
  password: string,
): Promise<Result<{ actor: Actor; token: string }, UserErrorData>> {
  const rows = await ctx.db.select().from(account).where(eq(account.username, username.trim())).limit(1);
  const row = rows[0];
  // One message for both cases, so the form does not tell which usernames exist.
  const invalid = userError('INVALID_CREDENTIALS', '用户名或密码错误', 'password');
  if (!row || row.disabled || !(await verifyPassword(password, row.passwordHash))) return err(invalid);
  const actor = await loadActor(ctx.db, row.id);
  if (!actor) return err(invalid);
  return mutate({ ...ctx, actor }, async (tx) => {
    const token = await createSession(tx, row.id, ctx.clock.now());
    return ok({
      value: { actor, token },
      audit: { operation: 'signIn', entityType: 'account', entityId: row.id, before: null, after: null },
    });
  });
}

export async function signOut(ctx: Context): Promise<Result<true, UserErrorData>> {
  const token = ctx.sessionToken;
  if (!token || !ctx.actor) return ok(true);
  const actor = ctx.actor;
  return mutate(ctx, async (tx) => {
    await deleteSession(tx, token);
    return ok({ value: true as const, audit: { operation: 'signOut', entityType: 'account', entityId: actor.id, before: null, after: null } });
  });
}

export interface CreateAccountInput {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly communityIds: readonly number[];
}

export async function createAccount(
  ctx: Pick<Context, 'db' | 'actor' | 'clock'>,
  input: CreateAccountInput,
): Promise<Result<typeof account.$inferSelect, UserErrorData>> {
  const username = input.username.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(username)) {
    return err(userError('INVALID_USERNAME', '用户名须为 2–32 位字母、数字或 _ . -', 'username'));
  }
  if (input.password.length < 8) return err(userError('WEAK_PASSWORD', '密码至少 8 位', 'password'));
  if (!input.displayName.trim()) return err(userError('REQUIRED', '请填写姓名', 'displayName'));
  const scoped = input.role === 'community-committee' || input.role === 'clerk';
  if (scoped && input.communityIds.length === 0) {
    return err(userError('COMMUNITY_REQUIRED', '村(居)选举委员会和计票员账号须指定所属社区', 'communityIds'));
  }
  const passwordHash = await hashPassword(input.password);
  return mutate(ctx, async (tx) => {
    const taken = await tx.select({ id: account.id }).from(account).where(eq(account.username, username)).limit(1);
    if (taken.length > 0) return err(userError('DUPLICATE_USERNAME', `用户名 ${username} 已被使用`, 'username'));
    if (scoped) {
      const found = await tx.select({ id: community.id }).from(community).where(inArray(community.id, [...input.communityIds]));
      if (found.length !== new Set(input.communityIds).size) {
        return err(userError('NOT_FOUND', '所选社区不存在', 'communityIds'));
      }
    }
    const [created] = await tx
      .insert(account)
      .values({ username, displayName: input.displayName.trim(), passwordHash, role: input.role })
      .returning();
    if (!created) throw new Error('insert returned no row');
    if (scoped) {
      await tx.insert(accountCommunity).values([...new Set(input.communityIds)].map((communityId) => ({ accountId: created.id, communityId })));
    }
    const { passwordHash: _omit, ...after } = created;
    return ok({
      value: created,
      audit: { operation: 'createAccount', entityType: 'account', entityId: created.id, before: null, after: { ...after, communityIds: scoped ? input.communityIds : [] } },
    });
  });
}

/**
 * First start: when there is no account at all, create the township admin and return the
 * password to print once (HUANJIE_ADMIN_PASSWORD sets it instead of a generated one).
 */
export async function ensureInitialAdmin(
  ctx: Pick<Context, 'db' | 'actor' | 'clock'>,
  password?: string,
): Promise<{ username: string; password: string } | null> {
  const any = await ctx.db.select({ id: account.id }).from(account).limit(1);
  if (any.length > 0) return null;
  const chosen = password ?? generatePassword();
  const result = await createAccount(ctx, {
    username: 'admin',
    password: chosen,
    displayName: '镇换届选举工作指导小组办公室',
    role: 'township-admin',
    communityIds: [],
  });
  if (!result.ok) throw new Error(`could not create the first account: ${result.error.message}`);
  return { username: 'admin', password: chosen };
}

export async function listAccounts(db: Db) {
  return db.select().from(account).orderBy(account.id);
}
