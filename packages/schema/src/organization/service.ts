import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { err, ok, type Result } from '@huanjie/domain';
import { community, communityGroup, cycle, election, township, type Db, type Executor, type Tx } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { checkCode, checkCount, checkName, type CommunityArea, type CommunityKind } from './validate.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;
export type CommunityRow = typeof community.$inferSelect;
export type GroupRow = typeof communityGroup.$inferSelect;
export type TownshipRow = typeof township.$inferSelect;

/** There is one township per installation; first start creates a placeholder the admin renames. */
export async function ensureTownship(db: Db, defaults = { code: '000000000', name: '本镇' }): Promise<TownshipRow> {
  const existing = await getTownship(db);
  if (existing) return existing;
  const [created] = await db.insert(township).values(defaults).onConflictDoNothing().returning();
  return created ?? (await getTownship(db))!;
}

export async function getTownship(db: Executor): Promise<TownshipRow | null> {
  const rows = await db.select().from(township).orderBy(asc(township.id)).limit(1);
  return rows[0] ?? null;
}

export async function updateTownship(
  ctx: Ctx,
  input: { code?: string | null | undefined; name?: string | null | undefined },
): Promise<Result<TownshipRow, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const before = await getTownship(tx);
    if (!before) return err(userError('NOT_FOUND', '尚未设置乡镇'));
    const patch: Partial<TownshipRow> = {};
    if (input.name != null) {
      const name = checkName(input.name, 'name', '乡镇名称');
      if (!name.ok) return name;
      patch.name = name.value;
    }
    if (input.code != null) {
      const code = checkCode(input.code);
      if (!code.ok) return code;
      patch.code = code.value;
    }
    const [after] = await tx.update(township).set(patch).where(eq(township.id, before.id)).returning();
    return ok({ value: after!, audit: { operation: 'updateTownship', entityType: 'township', entityId: before.id, before, after } });
  });
}

export interface CommunityInput {
  readonly code: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly area: CommunityArea;
  readonly electionDay?: string | null | undefined;
}

export async function createCommunity(ctx: Ctx, input: CommunityInput): Promise<Result<CommunityRow, UserErrorData>> {
  const code = checkCode(input.code);
  if (!code.ok) return code;
  const name = checkName(input.name, 'name', '社区名称');
  if (!name.ok) return name;
  return mutate(ctx, async (tx) => {
    const created = await insertCommunity(tx, { ...input, code: code.value, name: name.value });
    if (!created.ok) return created;
    return ok({
      value: created.value,
      audit: { operation: 'createCommunity', entityType: 'community', entityId: created.value.id, before: null, after: created.value },
    });
  });
}

/** Inserts a community and, when a cycle is running, its election in that cycle. */
async function insertCommunity(tx: Tx, input: CommunityInput): Promise<Result<CommunityRow, UserErrorData>> {
  const taken = await tx.select({ name: community.name }).from(community).where(eq(community.code, input.code)).limit(1);
  if (taken[0]) {
    return err(userError('DUPLICATE_CODE', `社区代码 ${input.code} 已被“${taken[0].name}”使用`, 'code'));
  }
  const town = await getTownship(tx);
  if (!town) return err(userError('NOT_FOUND', '尚未设置乡镇'));
  const [row] = await tx
    .insert(community)
    .values({ townshipId: town.id, code: input.code, name: input.name, kind: input.kind, area: input.area })
    .returning();
  const current = await currentCycleRow(tx);
  if (current) {
    await tx.insert(election).values({
      cycleId: current.id,
      communityId: row!.id,
      electionDay: input.electionDay ?? current.defaultElectionDay,
    });
  }
  return ok(row!);
}

export async function currentCycleRow(db: Executor) {
  const rows = await db.select().from(cycle).orderBy(sql`${cycle.year} desc, ${cycle.id} desc`).limit(1);
  return rows[0] ?? null;
}

export async function updateCommunity(
  ctx: Ctx,
  id: number,
  input: { name?: string | null | undefined; kind?: CommunityKind | null | undefined; area?: CommunityArea | null | undefined },
): Promise<Result<CommunityRow, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(community).where(eq(community.id, id)).limit(1);
    if (!before) return err(userError('NOT_FOUND', '社区不存在', 'id'));
    const patch: Partial<CommunityRow> = {};
    if (input.name != null) {
      const name = checkName(input.name, 'name', '社区名称');
      if (!name.ok) return name;
      patch.name = name.value;
    }
    if (input.kind != null) patch.kind = input.kind;
    if (input.area != null) patch.area = input.area;
    const [after] = await tx.update(community).set(patch).where(eq(community.id, id)).returning();
    return ok({ value: after!, audit: { operation: 'updateCommunity', entityType: 'community', entityId: id, before, after } });
  });
}

export interface GroupInput {
  readonly communityId: number;
  readonly number?: number | null | undefined;
  readonly name: string;
  readonly households: number;
  readonly population: number;
}

export async function createGroup(ctx: Ctx, input: GroupInput): Promise<Result<GroupRow, UserErrorData>> {
  const name = checkName(input.name, 'name', '小组名称');
  if (!name.ok) return name;
  for (const [value, field, label] of [
    [input.households, 'households', '户数'],
    [input.population, 'population', '人口'],
  ] as const) {
    const checked = checkCount(value, field, label);
    if (!checked.ok) return checked;
  }
  return mutate(ctx, async (tx) => {
    const [parent] = await tx.select({ id: community.id }).from(community).where(eq(community.id, input.communityId));
    if (!parent) return err(userError('NOT_FOUND', '社区不存在', 'communityId'));
    const clash = await tx
      .select({ id: communityGroup.id })
      .from(communityGroup)
      .where(and(eq(communityGroup.communityId, input.communityId), eq(communityGroup.name, name.value)));
    if (clash.length > 0) return err(userError('DUPLICATE_GROUP', `该社区已有“${name.value}”`, 'name'));
    const number = input.number ?? (await nextGroupNumber(tx, input.communityId));
    const [row] = await tx
      .insert(communityGroup)
      .values({ communityId: input.communityId, number, name: name.value, households: input.households, population: input.population })
      .returning();
    return ok({ value: row!, audit: { operation: 'createGroup', entityType: 'group', entityId: row!.id, before: null, after: row } });
  });
}

async function nextGroupNumber(tx: Executor, communityId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${communityGroup.number}), 0)::int` })
    .from(communityGroup)
    .where(eq(communityGroup.communityId, communityId));
  return (row?.max ?? 0) + 1;
}

/** Filter for the communities list: a scoped actor sees only its own; search by code or name. */
export function communityFilter(readable: ReadonlySet<number> | null, search: string | null | undefined): SQL | undefined {
  const parts: SQL[] = [];
  if (readable) parts.push(readable.size > 0 ? inArray(community.id, [...readable]) : sql`false`);
  const q = search?.trim();
  if (q) parts.push(or(ilike(community.name, `%${q}%`), ilike(community.code, `%${q}%`))!);
  return parts.length > 0 ? and(...parts) : undefined;
}

/** The same filter for the relational query builder (connections). */
export function communityWhere(readable: ReadonlySet<number> | null, search: string | null | undefined) {
  const q = search?.trim();
  return {
    ...(readable ? { id: { in: [...readable] } } : {}),
    ...(q ? { OR: [{ name: { ilike: `%${q}%` } }, { code: { ilike: `%${q}%` } }] } : {}),
  };
}

export { insertCommunity };
