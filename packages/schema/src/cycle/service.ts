import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  checklist,
  getProfile,
  getScheduleStep,
  stage,
  type ChecklistItem,
  type ProfileName,
  type StepKey,
} from '@huanjie/domain';
import { err, ok, type Result } from '@huanjie/domain';
import { checklistStep, community, communityGroup, cycle, election, type Db, type Executor } from '@huanjie/db';
import type { Actor, Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { readableCommunityIds } from '../access/scopes.ts';
import { currentCycleRow, getTownship } from '../organization/service.ts';
import { checkName } from '../organization/validate.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;
export type CycleRow = typeof cycle.$inferSelect;
export type ElectionRow = typeof election.$inferSelect;

export interface CycleInput {
  readonly name: string;
  readonly year: number;
  readonly profile: ProfileName;
  readonly electionDay: string;
}

/** A new cycle, with an election for every community on the default election day. */
export async function createCycle(ctx: Ctx, input: CycleInput): Promise<Result<CycleRow, UserErrorData>> {
  const name = checkName(input.name, 'name', '换届周期名称');
  if (!name.ok) return name;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
    return err(userError('INVALID_YEAR', '年度须为 2000 到 2100 之间的年份', 'year'));
  }
  return mutate(ctx, async (tx) => {
    const town = await getTownship(tx);
    if (!town) return err(userError('NOT_FOUND', '尚未设置乡镇'));
    const clash = await tx.select({ id: cycle.id }).from(cycle).where(and(eq(cycle.townshipId, town.id), eq(cycle.year, input.year)));
    if (clash.length > 0) return err(userError('DUPLICATE_CYCLE', `${input.year} 年的换届周期已存在`, 'year'));
    const [row] = await tx
      .insert(cycle)
      .values({ townshipId: town.id, name: name.value, year: input.year, profile: input.profile, defaultElectionDay: input.electionDay })
      .returning();
    const communities = await tx.select({ id: community.id }).from(community).where(eq(community.townshipId, town.id));
    if (communities.length > 0) {
      await tx.insert(election).values(communities.map((c) => ({ cycleId: row!.id, communityId: c.id, electionDay: input.electionDay })));
    }
    return ok({ value: row!, audit: { operation: 'createCycle', entityType: 'cycle', entityId: row!.id, before: null, after: row } });
  });
}

export async function setElectionDay(ctx: Ctx, electionId: number, electionDay: string): Promise<Result<ElectionRow, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(election).where(eq(election.id, electionId));
    if (!before) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
    const [after] = await tx.update(election).set({ electionDay }).where(eq(election.id, electionId)).returning();
    return ok({ value: after!, audit: { operation: 'setElectionDay', entityType: 'election', entityId: electionId, before, after } });
  });
}

/** Ticks (or unticks) one of the nine steps; the date defaults to today. */
export async function setChecklistStep(
  ctx: Ctx,
  electionId: number,
  stepKey: StepKey,
  done: boolean,
  doneOn: string | null | undefined,
): Promise<Result<ElectionRow, UserErrorData>> {
  const today = ctx.clock.today();
  const on = doneOn ?? today;
  if (done && on > today) return err(userError('FUTURE_DATE', '完成日期不能晚于今天', 'doneOn'));
  return mutate(ctx, async (tx) => {
    const [row] = await tx.select().from(election).where(eq(election.id, electionId));
    if (!row) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
    const where = and(eq(checklistStep.electionId, electionId), eq(checklistStep.stepKey, stepKey));
    const [before] = await tx.select().from(checklistStep).where(where);
    if (done) {
      await tx
        .insert(checklistStep)
        .values({ electionId, stepKey, doneOn: on })
        .onConflictDoUpdate({ target: [checklistStep.electionId, checklistStep.stepKey], set: { doneOn: on } });
    } else {
      await tx.delete(checklistStep).where(where);
    }
    const step = getScheduleStep(stepKey);
    return ok({
      value: row,
      audit: {
        operation: done ? 'completeStep' : 'reopenStep',
        entityType: 'election',
        entityId: electionId,
        before: before ?? null,
        after: done ? { electionId, stepKey, step: step.step, doneOn: on } : null,
      },
    });
  });
}

/** The nine steps of one election, as of today, under the cycle's profile. */
export async function electionChecklist(db: Executor, row: ElectionRow, today: string): Promise<readonly ChecklistItem[]> {
  const [cyc] = await db.select({ profile: cycle.profile }).from(cycle).where(eq(cycle.id, row.cycleId));
  const done = await db.select().from(checklistStep).where(eq(checklistStep.electionId, row.id));
  return checklist(
    row.electionDay,
    new Map(done.map((d) => [d.stepKey as StepKey, d.doneOn])),
    today,
    getProfile((cyc?.profile ?? 'national') as ProfileName),
  );
}

export function stageOf(items: readonly ChecklistItem[]): ChecklistItem | 'complete' {
  return stage(items);
}

export interface OverviewRow {
  readonly community: typeof community.$inferSelect;
  readonly election: ElectionRow | null;
  readonly checklist: readonly ChecklistItem[] | null;
}

export interface Overview {
  readonly today: string;
  readonly cycle: CycleRow | null;
  readonly communities: number;
  readonly townCentre: number;
  readonly rural: number;
  readonly groups: number;
  readonly households: number;
  readonly population: number;
  readonly overdueCommunities: number;
  readonly rows: readonly OverviewRow[];
}

/** The township at a glance: per community its stage and what is overdue (one query per table). */
export async function overview(db: Db, actor: Actor, today: string): Promise<Overview> {
  const readable = readableCommunityIds(actor);
  const scope = readable ? [...readable] : null;
  const communities = await db
    .select()
    .from(community)
    .where(scope ? inArray(community.id, scope.length ? scope : [-1]) : undefined)
    .orderBy(asc(community.code));
  const ids = communities.map((c) => c.id);
  const groups = ids.length ? await db.select().from(communityGroup).where(inArray(communityGroup.communityId, ids)) : [];
  const current = await currentCycleRow(db);
  const elections = current && ids.length
    ? await db.select().from(election).where(and(eq(election.cycleId, current.id), inArray(election.communityId, ids)))
    : [];
  const steps = elections.length
    ? await db.select().from(checklistStep).where(inArray(checklistStep.electionId, elections.map((e) => e.id)))
    : [];
  const profile = getProfile((current?.profile ?? 'national') as ProfileName);
  const rows = communities.map((c): OverviewRow => {
    const e = elections.find((x) => x.communityId === c.id) ?? null;
    const done = new Map(steps.filter((s) => s.electionId === e?.id).map((s) => [s.stepKey as StepKey, s.doneOn]));
    return { community: c, election: e, checklist: e ? checklist(e.electionDay, done, today, profile) : null };
  });
  return {
    today,
    cycle: current,
    communities: communities.length,
    townCentre: communities.filter((c) => c.area === 'town-centre').length,
    rural: communities.filter((c) => c.area === 'rural').length,
    groups: groups.length,
    households: groups.reduce((s, g) => s + g.households, 0),
    population: groups.reduce((s, g) => s + g.population, 0),
    overdueCommunities: rows.filter((r) => r.checklist?.some((i) => i.status === 'overdue')).length,
    rows,
  };
}
