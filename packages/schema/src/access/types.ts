import { builder } from '../builder.ts';
import type { Role } from '../context.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { Community } from '../organization/types.ts';
import { createAccount, listAccounts, signIn, signOut } from './service.ts';
import { clearedSessionCookie, loadActor, sessionCookie } from './sessions.ts';

export const RoleEnum = builder.enumType('Role', {
  values: {
    TOWNSHIP_ADMIN: { value: 'township-admin', description: '镇换届选举工作指导小组办公室' },
    COMMUNITY_COMMITTEE: { value: 'community-committee', description: '村(居)民选举委员会' },
    CLERK: { value: 'clerk', description: '计票员' },
    OBSERVER: { value: 'observer', description: '观察员（只读）' },
  } as const,
});

export const Account = builder.drizzleNode('account', {
  name: 'Account',
  id: { column: (a) => a.id },
  // An account is visible to the township admin and to itself.
  authScopes: (acc, ctx) => ctx.actor?.role === 'township-admin' || ctx.actor?.id === acc.id,
  fields: (t) => ({
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (a) => a.role as Role }),
    communities: t.relation('communities'),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: Account,
    nullable: true,
    description: 'The signed-in account, or null.',
    resolve: async (_root, _args, ctx) => {
      if (!ctx.actor) return null;
      const rows = await ctx.db.query.account.findFirst({ where: { id: ctx.actor.id } });
      return rows ?? null;
    },
  }),
  accounts: t.field({
    type: [Account],
    authScopes: { townshipAdmin: true },
    resolve: (_root, _args, ctx) => listAccounts(ctx.db),
  }),
}));

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({
    username: t.string({ required: true }),
    password: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    communityIds: t.globalIDList({ for: [Community] }),
  }),
});

builder.mutationFields((t) => ({
  signIn: t.field({
    type: Account,
    errors: userErrors,
    args: { username: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const { actor, token } = unwrap(await signIn(ctx, args.username, args.password));
      ctx.setCookie(sessionCookie(token, false));
      const row = await ctx.db.query.account.findFirst({ where: { id: actor.id } });
      // The new session is not on this request's context yet; the account is the caller's own.
      Object.assign(ctx, { actor: await loadActor(ctx.db, actor.id), session: 'valid' });
      return row!;
    },
  }),
  signOut: t.boolean({
    resolve: async (_root, _args, ctx) => {
      unwrap(await signOut(ctx));
      ctx.setCookie(clearedSessionCookie());
      return true;
    },
  }),
  createAccount: t.field({
    type: Account,
    errors: userErrors,
    authScopes: { townshipAdmin: true },
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const created = unwrap(
        await createAccount(ctx, {
          ...input,
          communityIds: (input.communityIds ?? []).map((g) => Number(g.id)),
        }),
      );
      return created;
    },
  }),
}));
