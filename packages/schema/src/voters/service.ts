/**
 * The voter list after import: single registrations and removals, duplicate decisions, publication
 * (C5), supplements (C7), objections (C6) and the audited unmasking of ID numbers.
 * Each state change is one function, one transaction, one audit event (via `mutate`).
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  addDays,
  checkVoterRow,
  err,
  isObjectionInTime,
  objectionDecisionDeadline,
  ok,
  pinyinInitials,
  VOTER_LIST_DAYS_BEFORE_ELECTION,
  type CheckedVoter,
  type Result,
  type VoterRowInput,
} from '@huanjie/domain';
import {
  community,
  election,
  objectionKinds,
  voter,
  voterDuplicate,
  voterListChange,
  voterListVersion,
  voterObjection,
  type Executor,
  type Tx,
} from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;
export type VoterRow = typeof voter.$inferSelect;
export type VoterListVersionRow = typeof voterListVersion.$inferSelect;
export type VoterObjectionRow = typeof voterObjection.$inferSelect;
export type ObjectionKind = (typeof objectionKinds)[number];

export interface ElectionTarget {
  readonly id: number;
  readonly cycleId: number;
  readonly communityId: number;
  readonly electionDay: string;
  readonly code: string;
  readonly communityName: string;
}

export async function electionTarget(db: Executor, electionId: number): Promise<ElectionTarget | null> {
  const [row] = await db
    .select({
      id: election.id,
      cycleId: election.cycleId,
      communityId: election.communityId,
      electionDay: election.electionDay,
      code: community.code,
      communityName: community.name,
    })
    .from(election)
    .innerJoin(community, eq(community.id, election.communityId))
    .where(eq(election.id, electionId));
  return row ?? null;
}

const notFound = userError('NOT_FOUND', '选举不存在', 'electionId');

/** The latest published version of an election's voter list, if any. */
export async function latestVersion(db: Executor, electionId: number): Promise<VoterListVersionRow | null> {
  const [row] = await db
    .select()
    .from(voterListVersion)
    .where(eq(voterListVersion.electionId, electionId))
    .orderBy(desc(voterListVersion.version))
    .limit(1);
  return row ?? null;
}

/** Where else this person is registered in the cycle (C4), as a zh-CN refusal, or null. */
async function registeredElsewhere(tx: Executor, cycleId: number, residentId: string, communityId: number): Promise<UserErrorData | null> {
  const [existing] = await tx
    .select({ communityId: voter.communityId, name: community.name })
    .from(voter)
    .innerJoin(community, eq(community.id, voter.communityId))
    .where(and(eq(voter.cycleId, cycleId), eq(voter.residentId, residentId), eq(voter.status, 'registered')));
  if (!existing) return null;
  return existing.communityId === communityId
    ? userError('DUPLICATE_VOTER', '此人已在本社区登记', 'residentId')
    : userError('DUPLICATE_VOTER', `此人已在${existing.name}登记（一人只能在一处登记）`, 'residentId');
}

async function nextSerial(tx: Tx, target: ElectionTarget): Promise<string> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${voter.serial} from '[0-9]+$')::int), 0)` })
    .from(voter)
    .where(and(eq(voter.cycleId, target.cycleId), eq(voter.communityId, target.communityId)));
  return `${target.code}-${String(Number(row?.n ?? 0) + 1).padStart(8, '0')}`;
}

async function insertVoter(tx: Tx, target: ElectionTarget, v: CheckedVoter): Promise<VoterRow> {
  const [row] = await tx
    .insert(voter)
    .values({
      electionId: target.id,
      cycleId: target.cycleId,
      communityId: target.communityId,
      serial: await nextSerial(tx, target),
      name: v.name,
      sex: v.sex,
      residentId: v.residentId,
      birthDate: v.birthDate,
      groupName: v.groupName,
      householdNo: v.householdNo,
      address: v.address,
      category: v.category,
      approval: v.approval,
      pinyin: pinyinInitials(v.name),
    })
    .returning();
  return row!;
}

/** C7: after publication every change needs a reason and is posted as a supplement. */
async function recordChange(ctx: Ctx, tx: Tx, electionId: number, voterId: number, kind: 'add' | 'remove', reason: string | null): Promise<UserErrorData | null> {
  const published = await latestVersion(tx, electionId);
  if (!published) return null;
  if (!reason?.trim()) {
    return userError('REASON_REQUIRED', '选民名单已公布，增减选民须填写原因（将作为补充公告公布）', 'reason');
  }
  await tx.insert(voterListChange).values({
    electionId,
    voterId,
    kind,
    reason: reason.trim(),
    afterVersion: published.version,
    at: ctx.clock.now(),
    actorId: ctx.actor?.id ?? null,
  });
  return null;
}

function publicVoter(v: VoterRow) {
  return { id: v.id, serial: v.serial, name: v.name, sex: v.sex, groupName: v.groupName, status: v.status, removedReason: v.removedReason };
}

/** Register one person by hand (e.g. someone who turns 18 by election day, an upheld objection). */
export async function registerVoter(ctx: Ctx, electionId: number, input: VoterRowInput, reason: string | null): Promise<Result<VoterRow, UserErrorData>> {
  const target = await electionTarget(ctx.db, electionId);
  if (!target) return err(notFound);
  const checked = checkVoterRow(input, target.electionDay);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    return err(userError('INVALID_VOTER', checked.errors.map((e) => e.reason).join('；'), first.field));
  }
  return mutate(ctx, async (tx) => {
    const elsewhere = await registeredElsewhere(tx, target.cycleId, checked.voter.residentId, target.communityId);
    if (elsewhere) return err(elsewhere);
    const row = await insertVoter(tx, target, checked.voter);
    const refused = await recordChange(ctx, tx, electionId, row.id, 'add', reason);
    if (refused) return err(refused);
    return ok({
      value: row,
      audit: { operation: 'registerVoter', entityType: 'voter', entityId: row.id, before: null, after: { ...publicVoter(row), reason } },
    });
  });
}

/** Remove a registration (death, moved away, upheld objection…); the row stays with its reason. */
export async function removeVoter(ctx: Ctx, voterId: number, reason: string): Promise<Result<VoterRow, UserErrorData>> {
  if (!reason.trim()) return err(userError('REASON_REQUIRED', '请填写移出选民名单的原因', 'reason'));
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(voter).where(eq(voter.id, voterId)).for('update');
    if (!before) return err(userError('NOT_FOUND', '选民不存在', 'voterId'));
    if (before.status === 'removed') return err(userError('ALREADY_REMOVED', '此人已被移出选民名单', 'voterId'));
    const [after] = await tx
      .update(voter)
      .set({ status: 'removed', removedReason: reason.trim(), removedAt: ctx.clock.now() })
      .where(eq(voter.id, voterId))
      .returning();
    const refused = await recordChange(ctx, tx, before.electionId, voterId, 'remove', reason);
    if (refused) return err(refused);
    return ok({
      value: after!,
      audit: { operation: 'removeVoter', entityType: 'voter', entityId: voterId, before: publicVoter(before), after: publicVoter(after!) },
    });
  });
}

export type DuplicateDecision = 'keep-existing' | 'replace';

/**
 * C4: a person registers in one place only. The committee decides between the existing
 * registration and the duplicate row: keep the existing one, or register the row here instead
 * (the existing registration is removed with the reason, and posted as a supplement if published).
 */
export async function decideDuplicate(ctx: Ctx, duplicateId: number, decision: DuplicateDecision, reason: string): Promise<Result<typeof voterDuplicate.$inferSelect, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [dup] = await tx.select().from(voterDuplicate).where(eq(voterDuplicate.id, duplicateId)).for('update');
    if (!dup) return err(userError('NOT_FOUND', '重复记录不存在', 'duplicateId'));
    if (dup.status !== 'open') return err(userError('ALREADY_DECIDED', '此重复记录已处理', 'duplicateId'));
    let registeredId: number | null = null;
    if (decision === 'replace') {
      if (!reason.trim()) return err(userError('REASON_REQUIRED', '改在此处登记须填写原因', 'reason'));
      const target = await electionTarget(tx, dup.electionId);
      if (!target) return err(notFound);
      if (dup.existingVoterId !== null) {
        const [existing] = await tx.select().from(voter).where(eq(voter.id, dup.existingVoterId)).for('update');
        if (existing?.status === 'registered') {
          const why = `改在${target.communityName}登记：${reason.trim()}`;
          await tx.update(voter).set({ status: 'removed', removedReason: why, removedAt: ctx.clock.now() }).where(eq(voter.id, existing.id));
          const refused = await recordChange(ctx, tx, existing.electionId, existing.id, 'remove', why);
          if (refused) return err(refused);
        }
      }
      const elsewhere = await registeredElsewhere(tx, target.cycleId, dup.residentId, -1);
      if (elsewhere) return err(elsewhere);
      const row = await insertVoter(tx, target, { ...dup, age: 0 });
      registeredId = row.id;
      const refused = await recordChange(ctx, tx, dup.electionId, row.id, 'add', reason);
      if (refused) return err(refused);
    }
    const [after] = await tx
      .update(voterDuplicate)
      .set({ status: decision === 'replace' ? 'moved' : 'kept-existing', decidedAt: ctx.clock.now() })
      .where(eq(voterDuplicate.id, duplicateId))
      .returning();
    return ok({
      value: after!,
      audit: {
        operation: 'decideVoterDuplicate',
        entityType: 'voterDuplicate',
        entityId: duplicateId,
        before: { status: dup.status, existingVoterId: dup.existingVoterId },
        after: { status: after!.status, decision, reason, registeredVoterId: registeredId },
      },
    });
  });
}

export interface PublishedEntry {
  readonly serial: string;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly group: string;
}

/** Canonical JSON of the posted list, whose SHA-256 is kept with the version. */
export function listDigest(entries: readonly PublishedEntry[]): string {
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** C5 — VCOL Art. 14: the list is published ≥ 20 days before election day. */
export function publicationDeadline(electionDay: string): string {
  return addDays(electionDay, -VOTER_LIST_DAYS_BEFORE_ELECTION);
}

/** Publish (freeze) the current list: name, sex and group only, never ID numbers. */
export async function publishVoterList(ctx: Ctx, electionId: number): Promise<Result<VoterListVersionRow, UserErrorData>> {
  const target = await electionTarget(ctx.db, electionId);
  if (!target) return err(notFound);
  return mutate(ctx, async (tx) => {
    // Serialise publications of one election: the version number is max + 1.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('voter_list'), ${electionId})`);
    const rows = await tx
      .select({ serial: voter.serial, name: voter.name, sex: voter.sex, group: voter.groupName })
      .from(voter)
      .where(and(eq(voter.electionId, electionId), eq(voter.status, 'registered')))
      .orderBy(voter.groupName, voter.serial);
    if (rows.length === 0) return err(userError('EMPTY_LIST', '选民名单为空，无法公布', 'electionId'));
    const previous = await latestVersion(tx, electionId);
    const entries: PublishedEntry[] = rows.map((r) => ({ serial: r.serial, name: r.name, sex: r.sex, group: r.group }));
    const [row] = await tx
      .insert(voterListVersion)
      .values({
        electionId,
        version: (previous?.version ?? 0) + 1,
        publishedOn: ctx.clock.today(),
        publishedAt: ctx.clock.now(),
        publishedBy: ctx.actor?.id ?? null,
        voterCount: entries.length,
        sha256: listDigest(entries),
        content: entries,
      })
      .returning();
    const { content: _content, ...summary } = row!;
    return ok({
      value: row!,
      audit: {
        operation: 'publishVoterList',
        entityType: 'election',
        entityId: electionId,
        before: previous ? { version: previous.version, sha256: previous.sha256 } : null,
        after: { ...summary, onTime: row!.publishedOn <= publicationDeadline(target.electionDay) },
      },
    });
  });
}

/** Show one full ID number to a role allowed to see it; the audit trail records who saw whose. */
export async function revealResidentId(ctx: Ctx, voterId: number): Promise<Result<string, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [row] = await tx.select({ id: voter.id, name: voter.name, serial: voter.serial, residentId: voter.residentId }).from(voter).where(eq(voter.id, voterId));
    if (!row) return err(userError('NOT_FOUND', '选民不存在', 'voterId'));
    return ok({
      value: row.residentId,
      audit: { operation: 'revealResidentId', entityType: 'voter', entityId: voterId, before: null, after: { serial: row.serial, name: row.name } },
    });
  });
}

export interface ObjectionInput {
  readonly complainant: string;
  readonly voterId: number | null;
  readonly subjectName: string;
  readonly kind: ObjectionKind;
  readonly content: string;
  readonly receivedOn: string | null;
}

/** C6 — VCOL Art. 14: an objection to the published list, to be decided within 3 days of receipt. */
export async function fileObjection(ctx: Ctx, electionId: number, input: ObjectionInput): Promise<Result<VoterObjectionRow, UserErrorData>> {
  const complainant = input.complainant.trim();
  const content = input.content.trim();
  if (!complainant) return err(userError('REQUIRED', '请填写申诉人', 'complainant'));
  if (!content) return err(userError('REQUIRED', '请填写申诉内容', 'content'));
  const receivedOn = input.receivedOn ?? ctx.clock.today();
  if (receivedOn > ctx.clock.today()) return err(userError('INVALID_DATE', '收到日期不能晚于今天', 'receivedOn'));
  return mutate(ctx, async (tx) => {
    const [first] = await tx
      .select({ publishedOn: voterListVersion.publishedOn })
      .from(voterListVersion)
      .where(eq(voterListVersion.electionId, electionId))
      .orderBy(voterListVersion.version)
      .limit(1);
    if (!first) return err(userError('NOT_PUBLISHED', '选民名单尚未公布，暂不能受理申诉', 'electionId'));
    if (receivedOn < first.publishedOn) return err(userError('INVALID_DATE', '收到日期早于名单公布日期', 'receivedOn'));
    let subjectName = input.subjectName.trim();
    if (input.voterId !== null) {
      const [subject] = await tx.select({ name: voter.name, electionId: voter.electionId }).from(voter).where(eq(voter.id, input.voterId));
      if (!subject || subject.electionId !== electionId) return err(userError('NOT_FOUND', '被申诉的选民不在本选举的名单中', 'voterId'));
      subjectName ||= subject.name;
    }
    if (!subjectName) return err(userError('REQUIRED', '请填写申诉涉及的人员姓名', 'subjectName'));
    const [row] = await tx
      .insert(voterObjection)
      .values({
        electionId,
        complainant,
        voterId: input.voterId,
        subjectName,
        kind: input.kind,
        content,
        receivedOn,
        late: !isObjectionInTime(first.publishedOn, receivedOn),
        decideBy: objectionDecisionDeadline(receivedOn),
      })
      .returning();
    return ok({ value: row!, audit: { operation: 'fileObjection', entityType: 'voterObjection', entityId: row!.id, before: null, after: row! } });
  });
}

/** The election committee's decision on an objection (C6); an upheld one is then acted on by hand. */
export async function decideObjection(ctx: Ctx, objectionId: number, upheld: boolean, decision: string): Promise<Result<VoterObjectionRow, UserErrorData>> {
  if (!decision.trim()) return err(userError('REQUIRED', '请填写处理决定', 'decision'));
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(voterObjection).where(eq(voterObjection.id, objectionId)).for('update');
    if (!before) return err(userError('NOT_FOUND', '申诉不存在', 'objectionId'));
    if (before.decidedOn !== null) return err(userError('ALREADY_DECIDED', '此申诉已作出决定', 'objectionId'));
    const [after] = await tx
      .update(voterObjection)
      .set({ upheld, decision: decision.trim(), decidedOn: ctx.clock.today() })
      .where(eq(voterObjection.id, objectionId))
      .returning();
    return ok({ value: after!, audit: { operation: 'decideObjection', entityType: 'voterObjection', entityId: objectionId, before, after: after! } });
  });
}

/** C6: the decision is published (公布处理决定). */
export async function publishObjectionDecision(ctx: Ctx, objectionId: number): Promise<Result<VoterObjectionRow, UserErrorData>> {
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(voterObjection).where(eq(voterObjection.id, objectionId)).for('update');
    if (!before) return err(userError('NOT_FOUND', '申诉不存在', 'objectionId'));
    if (before.decidedOn === null) return err(userError('NOT_DECIDED', '申诉尚未作出决定，不能公布', 'objectionId'));
    if (before.decisionPublishedOn !== null) return err(userError('ALREADY_PUBLISHED', '处理决定已公布', 'objectionId'));
    const [after] = await tx
      .update(voterObjection)
      .set({ decisionPublishedOn: ctx.clock.today() })
      .where(eq(voterObjection.id, objectionId))
      .returning();
    return ok({ value: after!, audit: { operation: 'publishObjectionDecision', entityType: 'voterObjection', entityId: objectionId, before, after: after! } });
  });
}

/** An objection not decided by its deadline (C6): highlighted on the township overview. */
export function objectionOverdue(o: Pick<VoterObjectionRow, 'decidedOn' | 'decideBy'>, today: string): boolean {
  return o.decidedOn === null && today > o.decideBy;
}
