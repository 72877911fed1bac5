import { and, eq, inArray } from 'drizzle-orm';
import type { ChecklistItem } from '@huanjie/domain';
import { election as electionTable } from '@huanjie/db';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { readableCommunityIds } from '../access/scopes.ts';
import { Community } from '../organization/types.ts';
import { currentCycleRow } from '../organization/service.ts';
import { createCycle, electionChecklist, overview, setChecklistStep, setElectionDay, stageOf, type ElectionRow, type Overview, type OverviewRow } from './service.ts';

export const ProfileNameEnum = builder.enumType('ProfileName', {
  values: {
    NATIONAL: { value: 'national', description: '全国（民政部规程）' },
    SICHUAN: { value: 'sichuan', description: '四川省' },
  } as const,
});

export const StepKeyEnum = builder.enumType('StepKey', {
  values: {
    SURVEY: { value: 'survey' },
    ELECTION_COMMITTEE: { value: 'electionCommittee' },
    VOTER_REGISTRATION: { value: 'voterRegistration' },
    NOMINATION: { value: 'nomination' },
    ELECTION: { value: 'election' },
    OTHER_BODIES: { value: 'otherBodies' },
    HANDOVER: { value: 'handover' },
    INSPECTION: { value: 'inspection' },
    TALKS: { value: 'talks' },
  } as const,
});

export const StepStatusEnum = builder.enumType('StepStatus', {
  values: { DONE: { value: 'done' }, DUE: { value: 'due' }, OVERDUE: { value: 'overdue' } } as const,
});

const ChecklistStep = builder.objectRef<ChecklistItem>('ChecklistStep').implement({
  description: 'One of the nine statutory steps (rules.md §S) of a community’s election.',
  fields: (t) => ({
    step: t.exposeInt('step'),
    key: t.field({ type: StepKeyEnum, resolve: (s) => s.key }),
    title: t.exposeString('titleZh'),
    titleEn: t.exposeString('titleEn'),
    statutory: t.exposeBoolean('statutory'),
    basis: t.exposeString('basis'),
    deadline: t.field({ type: 'Date', resolve: (s) => s.deadline }),
    doneOn: t.field({ type: 'Date', nullable: true, resolve: (s) => s.doneOn }),
    status: t.field({ type: StepStatusEnum, resolve: (s) => s.status }),
    late: t.exposeBoolean('late'),
    daysLeft: t.int({ nullable: true, description: 'Days to the deadline; negative when overdue; null once done.', resolve: (s) => s.daysLeft }),
  }),
});

/** Per request, each election's checklist is computed once, however many fields ask for it. */
const checklistCache = new WeakMap<Context, Map<number, Promise<readonly ChecklistItem[]>>>();
function checklistOf(ctx: Context, row: ElectionRow): Promise<readonly ChecklistItem[]> {
  let cache = checklistCache.get(ctx);
  if (!cache) checklistCache.set(ctx, (cache = new Map()));
  let items = cache.get(row.id);
  if (!items) cache.set(row.id, (items = electionChecklist(ctx.db, row, ctx.clock.today())));
  return items;
}

export const Cycle = builder.drizzleNode('cycle', {
  name: 'Cycle',
  description: '换届周期',
  id: { column: (c) => c.id },
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    profile: t.field({ type: ProfileNameEnum, resolve: (c) => c.profile }),
    defaultElectionDay: t.field({ type: 'Date', resolve: (c) => c.defaultElectionDay }),
    elections: t.field({
      type: [Election],
      resolve: async (c, _args, ctx) => {
        const readable = readableCommunityIds(ctx.actor!);
        return ctx.db
          .select()
          .from(electionTable)
          .where(and(eq(electionTable.cycleId, c.id), readable ? inArray(electionTable.communityId, [...readable, -1]) : undefined));
      },
    }),
  }),
});

export const Election = builder.drizzleNode('election', {
  name: 'Election',
  description: 'One community’s election within a cycle.',
  id: { column: (e) => e.id },
  authScopes: (e) => ({ readCommunity: e.communityId }),
  fields: (t) => ({
    community: t.relation('community'),
    cycle: t.relation('cycle'),
    electionDay: t.field({ type: 'Date', resolve: (e) => e.electionDay }),
    checklist: t.field({ type: [ChecklistStep], resolve: async (e, _a, ctx) => [...(await checklistOf(ctx, e))] }),
    stage: t.int({
      nullable: true,
      description: 'Number of the first step not done; null when every step is done.',
      resolve: async (e, _a, ctx) => {
        const s = stageOf(await checklistOf(ctx, e));
        return s === 'complete' ? null : s.step;
      },
    }),
    stageTitle: t.string({
      resolve: async (e, _a, ctx) => {
        const s = stageOf(await checklistOf(ctx, e));
        return s === 'complete' ? '已完成' : `第${s.step}步 ${s.titleZh}`;
      },
    }),
    overdueSteps: t.field({
      type: [ChecklistStep],
      resolve: async (e, _a, ctx) => (await checklistOf(ctx, e)).filter((s) => s.status === 'overdue'),
    }),
  }),
});

builder.objectField(Community, 'election', (t) =>
  t.field({
    type: Election,
    nullable: true,
    description: 'The community’s election in the current cycle.',
    resolve: async (c, _args, ctx) => {
      const current = await currentCycleRow(ctx.db);
      if (!current) return null;
      const [row] = await ctx.db
        .select()
        .from(electionTable)
        .where(and(eq(electionTable.cycleId, current.id), eq(electionTable.communityId, c.id)));
      return row ?? null;
    },
  }),
);

const OverviewRowRef = builder.objectRef<OverviewRow>('OverviewRow').implement({
  fields: (t) => ({
    community: t.field({ type: Community, resolve: (r) => r.community }),
    election: t.field({ type: Election, nullable: true, resolve: (r) => r.election }),
  }),
});

const OverviewRef = builder.objectRef<Overview>('Overview').implement({
  description: 'The township at a glance.',
  fields: (t) => ({
    today: t.field({ type: 'Date', resolve: (o) => o.today }),
    cycle: t.field({ type: Cycle, nullable: true, resolve: (o) => o.cycle }),
    communities: t.exposeInt('communities'),
    townCentre: t.exposeInt('townCentre'),
    rural: t.exposeInt('rural'),
    groups: t.exposeInt('groups'),
    households: t.exposeInt('households'),
    population: t.exposeInt('population'),
    overdueCommunities: t.exposeInt('overdueCommunities'),
    rows: t.field({ type: [OverviewRowRef], resolve: (o) => [...o.rows] }),
  }),
});

builder.queryFields((t) => ({
  currentCycle: t.field({
    type: Cycle,
    nullable: true,
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => currentCycleRow(ctx.db),
  }),
  overview: t.field({
    type: OverviewRef,
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => overview(ctx.db, ctx.actor!, ctx.clock.today()),
  }),
  myElections: t.field({
    type: [Election],
    authScopes: { signedIn: true },
    description: 'Elections of the current cycle the signed-in account may work on (tally app picker).',
    resolve: async (_root, _args, ctx) => {
      const current = await currentCycleRow(ctx.db);
      if (!current) return [];
      const readable = readableCommunityIds(ctx.actor!);
      return ctx.db
        .select()
        .from(electionTable)
        .where(and(eq(electionTable.cycleId, current.id), readable ? inArray(electionTable.communityId, [...readable, -1]) : undefined))
        .orderBy(electionTable.electionDay, electionTable.id);
    },
  }),
}));

const CreateCycleInput = builder.inputType('CreateCycleInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    year: t.int({ required: true }),
    profile: t.field({ type: ProfileNameEnum, required: true }),
    electionDay: t.field({ type: 'Date', required: true, description: 'Default election day of every community.' }),
  }),
});

builder.mutationFields((t) => ({
  createCycle: t.drizzleField({
    type: 'cycle',
    errors: userErrors,
    authScopes: { townshipAdmin: true },
    args: { input: t.arg({ type: CreateCycleInput, required: true }) },
    resolve: async (_q, _root, { input }, ctx) => unwrap(await createCycle(ctx, input)),
  }),
  setElectionDay: t.drizzleField({
    type: 'election',
    errors: userErrors,
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      electionDay: t.arg({ type: 'Date', required: true }),
    },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _root, args, ctx) => unwrap(await setElectionDay(ctx, Number(args.electionId.id), args.electionDay)),
  }),
  setChecklistStep: t.drizzleField({
    type: 'election',
    errors: userErrors,
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      step: t.arg({ type: StepKeyEnum, required: true }),
      done: t.arg.boolean({ required: true }),
      doneOn: t.arg({ type: 'Date' }),
    },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _root, args, ctx) =>
      unwrap(await setChecklistStep(ctx, Number(args.electionId.id), args.step, args.done, args.doneOn)),
  }),
}));
