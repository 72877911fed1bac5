/**
 * The one Pothos builder: plugins, context and scalars. Modules define their types next to their
 * services (organization/, cycle/, access/, audit/ …); schema.ts assembles them.
 */
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { relations, type Relations } from '@huanjie/db';
import type { Context } from './context.ts';
import { graphqlError } from './errors.ts';
import { canManageCommunity, canReadCommunity, canUnmaskResidentId, canWorkCommunity, communityOfElection } from './access/scopes.ts';

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: Relations;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    File: { Input: File; Output: never };
    JSON: { Input: unknown; Output: unknown };
  };
  AuthScopes: {
    signedIn: boolean;
    townshipAdmin: boolean;
    /** community id the actor may read */
    readCommunity: number;
    /** community id the actor may change */
    manageCommunity: number;
    /** election id whose community the actor may change */
    manageElection: number;
    /** election id on whose polling and counting the actor may work (clerks included) */
    workElection: number;
    /** community id whose voters' full ID numbers the actor may see (each view audited) */
    unmaskResidentId: number;
  };
}

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  drizzle: {
    client: (ctx) => ctx.db,
    getTableConfig,
    relations,
  },
  errors: { directResult: true, defaultTypes: [] },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      signedIn: ctx.actor !== null,
      townshipAdmin: ctx.actor?.role === 'township-admin',
      readCommunity: (communityId) => canReadCommunity(ctx.actor, communityId),
      manageCommunity: (communityId) => canManageCommunity(ctx.actor, communityId),
      manageElection: async (electionId) => {
        const communityId = await communityOfElection(ctx.db, electionId);
        return communityId !== null && canManageCommunity(ctx.actor, communityId);
      },
      workElection: async (electionId) => {
        const communityId = await communityOfElection(ctx.db, electionId);
        return communityId !== null && canWorkCommunity(ctx.actor, communityId);
      },
      unmaskResidentId: (communityId) => canUnmaskResidentId(ctx.actor, communityId),
    }),
    unauthorizedError: (_parent, ctx) => {
      if (ctx.actor === null) {
        return ctx.session === 'expired'
          ? graphqlError('SESSION_EXPIRED', '登录已过期，请重新登录')
          : graphqlError('UNAUTHENTICATED', '请先登录');
      }
      return graphqlError('FORBIDDEN', '您的账号无权查看或修改此项内容');
    },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
