import { builder } from '../builder.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { readableCommunityIds } from '../access/scopes.ts';
import { communityImportTemplate, importCommunities } from './import.ts';
import { community } from '@huanjie/db';
import { communityFilter, communityWhere, createCommunity, createGroup, getTownship, updateCommunity, updateTownship } from './service.ts';

export const CommunityKindEnum = builder.enumType('CommunityKind', {
  values: {
    VILLAGE: { value: 'village', description: '村民委员会' },
    RESIDENTS: { value: 'residents', description: '居民委员会' },
  } as const,
});

export const CommunityAreaEnum = builder.enumType('CommunityArea', {
  values: {
    TOWN_CENTRE: { value: 'town-centre', description: '场镇' },
    RURAL: { value: 'rural', description: '农村' },
  } as const,
});

export const Township = builder.drizzleNode('township', {
  name: 'Township',
  id: { column: (t) => t.id },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

export const Group = builder.drizzleNode('communityGroup', {
  name: 'Group',
  description: '村(居)民小组',
  id: { column: (g) => g.id },
  authScopes: (g) => ({ readCommunity: g.communityId }),
  fields: (t) => ({
    number: t.exposeInt('number'),
    name: t.exposeString('name'),
    households: t.exposeInt('households'),
    population: t.exposeInt('population'),
    community: t.relation('community'),
  }),
});

export const Community = builder.drizzleNode('community', {
  name: 'Community',
  description: '村(居)民委员会',
  id: { column: (c) => c.id },
  authScopes: (c) => ({ readCommunity: c.id }),
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.field({ type: CommunityKindEnum, resolve: (c) => c.kind }),
    area: t.field({ type: CommunityAreaEnum, resolve: (c) => c.area }),
    groups: t.relation('groups', { query: { orderBy: { number: 'asc' } } }),
    groupCount: t.relatedCount('groups'),
    households: t.int({
      select: { with: { groups: { columns: { households: true } } } },
      resolve: (c) => c.groups.reduce((s, g) => s + g.households, 0),
    }),
    population: t.int({
      select: { with: { groups: { columns: { population: true } } } },
      resolve: (c) => c.groups.reduce((s, g) => s + g.population, 0),
    }),
  }),
});

builder.queryFields((t) => ({
  township: t.drizzleField({
    type: 'township',
    nullable: true,
    authScopes: { signedIn: true },
    resolve: async (query, _root, _args, ctx) => {
      const town = await getTownship(ctx.db);
      return town ? ((await ctx.db.query.township.findFirst(query({ where: { id: town.id } }))) ?? null) : null;
    },
  }),
  communities: t.drizzleConnection({
    type: 'community',
    authScopes: { signedIn: true },
    args: { search: t.arg.string() },
    totalCount: async (_root, args, ctx) => {
      const filter = communityFilter(readableCommunityIds(ctx.actor!), args.search);
      return ctx.db.$count(community, filter);
    },
    resolve: (query, _root, args, ctx) => {
      const where = communityWhere(readableCommunityIds(ctx.actor!), args.search);
      return ctx.db.query.community.findMany(query({ where, orderBy: { code: 'asc' } }));
    },
  }),
  community: t.drizzleField({
    type: 'community',
    nullable: true,
    authScopes: { signedIn: true },
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.community.findFirst(query({ where: { code: args.code.trim() } })).then((c) => c ?? null),
  }),
}));

const UpdateTownshipInput = builder.inputType('UpdateTownshipInput', {
  fields: (t) => ({ code: t.string(), name: t.string() }),
});

const CreateCommunityInput = builder.inputType('CreateCommunityInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    kind: t.field({ type: CommunityKindEnum, required: true }),
    area: t.field({ type: CommunityAreaEnum, required: true }),
    electionDay: t.field({ type: 'Date', description: 'Defaults to the current cycle’s election day.' }),
  }),
});

const UpdateCommunityInput = builder.inputType('UpdateCommunityInput', {
  fields: (t) => ({
    name: t.string(),
    kind: t.field({ type: CommunityKindEnum }),
    area: t.field({ type: CommunityAreaEnum }),
  }),
});

const CreateGroupInput = builder.inputType('CreateGroupInput', {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: [Community] }),
    number: t.int(),
    name: t.string({ required: true }),
    households: t.int({ required: true }),
    population: t.int({ required: true }),
  }),
});

const ImportRowError = builder.objectRef<{ row: number; field: string | null; message: string }>('ImportRowError').implement({
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'Row number in the file (the header is row 1).' }),
    field: t.exposeString('field', { nullable: true }),
    message: t.exposeString('message'),
  }),
});

const ImportReport = builder
  .objectRef<{ rows: number; created: number; updated: number; rejected: number; errors: readonly { row: number; field: string | null; message: string }[] }>('ImportReport')
  .implement({
    fields: (t) => ({
      rows: t.exposeInt('rows'),
      created: t.exposeInt('created'),
      updated: t.exposeInt('updated'),
      rejected: t.exposeInt('rejected'),
      errors: t.field({ type: [ImportRowError], resolve: (r) => [...r.errors] }),
    }),
  });

builder.mutationFields((t) => ({
  updateTownship: t.drizzleField({
    type: 'township',
    errors: userErrors,
    authScopes: { townshipAdmin: true },
    args: { input: t.arg({ type: UpdateTownshipInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => unwrap(await updateTownship(ctx, input)),
  }),
  createCommunity: t.drizzleField({
    type: 'community',
    errors: userErrors,
    authScopes: { townshipAdmin: true },
    args: { input: t.arg({ type: CreateCommunityInput, required: true }) },
    resolve: async (_query, _root, { input }, ctx) => unwrap(await createCommunity(ctx, input)),
  }),
  updateCommunity: t.drizzleField({
    type: 'community',
    errors: userErrors,
    args: {
      id: t.arg.globalID({ required: true, for: [Community] }),
      input: t.arg({ type: UpdateCommunityInput, required: true }),
    },
    authScopes: (_root, args) => ({ manageCommunity: Number(args.id.id) }),
    resolve: async (_query, _root, { id, input }, ctx) => unwrap(await updateCommunity(ctx, Number(id.id), input)),
  }),
  createGroup: t.drizzleField({
    type: 'communityGroup',
    errors: userErrors,
    args: { input: t.arg({ type: CreateGroupInput, required: true }) },
    authScopes: (_root, args) => ({ manageCommunity: Number(args.input.communityId.id) }),
    resolve: async (_query, _root, { input }, ctx) =>
      unwrap(await createGroup(ctx, { ...input, communityId: Number(input.communityId.id) })),
  }),
  importCommunities: t.field({
    type: ImportReport,
    errors: userErrors,
    authScopes: { townshipAdmin: true },
    description: `CSV or XLSX, one row per group: ${communityImportTemplate.headers.join(', ')}.`,
    args: { file: t.arg({ type: 'File', required: true }) },
    resolve: async (_root, { file }, ctx) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return unwrap(await importCommunities(ctx, file.name, bytes));
    },
  }),
}));
