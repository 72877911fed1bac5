/**
 * Positions and candidates (rules.md A1, D): the seat plan, candidates on the preliminary and formal
 * lists with their profile, the formal list checked whole and published in stroke order (D3–D4),
 * and the ballot layout that the tally app counts section by section.
 */
import { and, eq, isNull } from 'drizzle-orm';
import {
  checkCandidateEligibility,
  checkFormalList,
  checkSeatPlan,
  err,
  formalListDeadline,
  ok,
  orderCandidateList,
  parseResidentId,
  plannedPositions,
  positionTitle,
  ageOn,
  type PlannedPosition,
  type PositionKind,
  type Result,
  type RuleReport,
  type SeatPlan,
} from '@huanjie/domain';
import { candidate, candidateListPublication, election, educationLevels, type Executor } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { applyCandidateWithdrawal } from '../committee/service.ts';
import { candidatesOf, electionRules, rollFor, type CandidateRow, type ElectionRules } from '../rules/load.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;
export type CandidateDbRow = typeof candidate.$inferSelect;
export type EducationLevelValue = (typeof educationLevels)[number];

const noElection = userError('NOT_FOUND', '选举不存在', 'electionId');

/** A1: seats per position; checked whole against the committee size of the community kind. */
export async function setSeatPlan(ctx: Ctx, electionId: number, seats: { director: number; deputies: number; members: number }): Promise<Result<SeatPlan, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules) return err(noElection);
  const plan: SeatPlan = { committeeKind: rules.communityKind, ...seats };
  const report = checkSeatPlan(plan);
  const [first] = report.errors;
  if (first) return err(userError(first.code, first.message, 'seats'));
  return mutate(ctx, async (tx) => {
    await tx.update(election).set({ directorSeats: plan.director, deputySeats: plan.deputies, memberSeats: plan.members }).where(eq(election.id, electionId));
    return ok({ value: plan, audit: { operation: 'setSeatPlan', entityType: 'election', entityId: electionId, before: rules.seatPlan, after: plan } });
  });
}

export interface CandidateInput {
  readonly voterId: number;
  readonly position: PositionKind;
  readonly stage: 'preliminary' | 'formal';
  readonly votes: number;
  readonly education: EducationLevelValue | null;
  readonly partyMember: boolean;
  readonly incumbent: boolean;
}

/**
 * D6: a candidate is a registered voter of this community. B2: an election-committee member who
 * becomes a candidate leaves the committee in the same transaction, and the audit event says why.
 */
export async function addCandidate(ctx: Ctx, electionId: number, input: CandidateInput): Promise<Result<CandidateDbRow, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules) return err(noElection);
  if (!rules.seatPlan) return err(userError('NO_SEAT_PLAN', '请先确定职位与职数（A1），再登记候选人', 'position'));
  if (!plannedPositions(rules.seatPlan, rules.profile).some((p) => p.id === input.position)) {
    return err(userError('CANDIDATE_POSITION_NOT_PLANNED', `本届不设${positionTitle(input.position)}职位（A1）`, 'position'));
  }
  if (rules.profile.method === 'no-candidates') {
    return err(userError('METHOD_HAS_NO_CANDIDATES', '本届实行无候选人选举（自荐直选），不登记候选人（D7）', 'position'));
  }
  return mutate(ctx, async (tx) => {
    const roll = await rollFor(tx, electionId, [input.voterId]);
    const person = roll.get(String(input.voterId));
    const eligible = checkCandidateEligibility({ voterId: String(input.voterId), name: person?.name ?? '此人' }, String(rules.communityId), roll);
    if (!eligible.ok) return err(userError(eligible.code, eligible.message, 'voterId'));
    const [row] = await tx
      .insert(candidate)
      .values({
        electionId,
        voterId: input.voterId,
        position: input.position,
        stage: input.stage,
        votes: input.votes,
        education: input.education,
        partyMember: input.partyMember,
        incumbent: input.incumbent,
      })
      .returning();
    const withdrawal = await applyCandidateWithdrawal(tx, electionId, rules.communityId);
    return ok({
      value: row!,
      audit: {
        operation: 'addCandidate',
        entityType: 'candidate',
        entityId: row!.id,
        before: null,
        after: {
          ...row!,
          name: eligible.value.name,
          ...(withdrawal
            ? {
                electionCommittee: {
                  removed: withdrawal.removals.map((r) => ({ name: r.member.name, reason: r.message })),
                  replacedBy: withdrawal.replacements.map((r) => ({ name: r.by.name, reason: r.message })),
                  issues: withdrawal.issues.map((i) => i.message),
                },
              }
            : {}),
        },
      },
    });
  });
}

export interface CandidateDetails {
  readonly education?: EducationLevelValue | null | undefined;
  readonly partyMember?: boolean | null | undefined;
  readonly incumbent?: boolean | null | undefined;
  /** D5: the day the commitment letter was signed. */
  readonly commitmentSignedOn?: string | null | undefined;
}

export async function updateCandidate(ctx: Ctx, candidateId: number, details: CandidateDetails): Promise<Result<CandidateDbRow, UserErrorData>> {
  if (details.commitmentSignedOn && details.commitmentSignedOn > ctx.clock.today()) {
    return err(userError('INVALID_DATE', '承诺书签订日期不能晚于今天', 'commitmentSignedOn'));
  }
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(candidate).where(eq(candidate.id, candidateId));
    if (!before) return err(userError('NOT_FOUND', '候选人不存在', 'candidateId'));
    const [after] = await tx
      .update(candidate)
      .set({
        ...(details.education !== undefined ? { education: details.education } : {}),
        ...(details.partyMember != null ? { partyMember: details.partyMember } : {}),
        ...(details.incumbent != null ? { incumbent: details.incumbent } : {}),
        ...(details.commitmentSignedOn !== undefined ? { commitmentSignedOn: details.commitmentSignedOn } : {}),
      })
      .where(eq(candidate.id, candidateId))
      .returning();
    return ok({ value: after!, audit: { operation: 'updateCandidate', entityType: 'candidate', entityId: candidateId, before, after: after! } });
  });
}

export async function withdrawCandidate(ctx: Ctx, candidateId: number, reason: string): Promise<Result<CandidateDbRow, UserErrorData>> {
  if (!reason.trim()) return err(userError('REASON_REQUIRED', '请填写候选人退出的原因', 'reason'));
  return mutate(ctx, async (tx) => {
    const [before] = await tx.select().from(candidate).where(and(eq(candidate.id, candidateId), isNull(candidate.withdrawnReason)));
    if (!before) return err(userError('NOT_FOUND', '候选人不存在或已退出', 'candidateId'));
    const [after] = await tx.update(candidate).set({ withdrawnReason: reason.trim() }).where(eq(candidate.id, candidateId)).returning();
    return ok({ value: after!, audit: { operation: 'withdrawCandidate', entityType: 'candidate', entityId: candidateId, before, after: after! } });
  });
}

async function latestPublication(db: Executor, electionId: number, stage: 'preliminary' | 'formal') {
  const rows = await db
    .select()
    .from(candidateListPublication)
    .where(and(eq(candidateListPublication.electionId, electionId), eq(candidateListPublication.stage, stage)))
    .orderBy(candidateListPublication.id);
  return rows.at(-1) ?? null;
}

/** D2, D3, D5, D6, A2: the formal list checked whole — errors block publication, warnings do not. */
export async function formalListReport(db: Executor, electionId: number, today: string, publishingOn: string | null = null): Promise<RuleReport | null> {
  const rules = await electionRules(db, electionId);
  if (!rules) return null;
  if (!rules.seatPlan) {
    return { ok: false, errors: [{ code: 'NO_SEAT_PLAN', rule: 'A1', message: '尚未确定职位与职数（A1）' }], warnings: [] };
  }
  const formal = await candidatesOf(db, electionId, 'formal');
  const published = publishingOn ?? (await latestPublication(db, electionId, 'formal'))?.publishedOn ?? null;
  return checkFormalList({
    communityId: String(rules.communityId),
    positions: plannedPositions(rules.seatPlan, rules.profile),
    candidates: formal.map((c) => ({ voterId: String(c.voterId), name: c.name, position: c.position, commitmentSigned: c.commitmentSignedOn !== null, votes: c.votes })),
    roll: await rollFor(db, electionId, formal.map((c) => c.voterId)),
    profile: rules.profile,
    electionDay: rules.electionDay,
    publishedOn: published,
    today,
  });
}

export interface PublishedCandidate {
  readonly position: PositionKind;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly age: number;
}

/** One position's standing candidates of a stage, in list order (D3: stroke order by default). */
export function orderedSection(rules: ElectionRules, rows: readonly CandidateRow[], position: PositionKind): CandidateRow[] {
  return orderCandidateList(
    rows.filter((c) => c.position === position),
    rules.profile,
  );
}

/** D3: publish the formal list (≥ 5 days before election day), in stroke order, with its check. */
export async function publishCandidateList(ctx: Ctx, electionId: number): Promise<Result<{ publishedOn: string; warnings: RuleReport['warnings']; content: PublishedCandidate[] }, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules?.seatPlan) return err(rules ? userError('NO_SEAT_PLAN', '尚未确定职位与职数（A1）', 'electionId') : noElection);
  const today = ctx.clock.today();
  const report = await formalListReport(ctx.db, electionId, today, today);
  const blocking = report?.errors.filter((e) => e.code !== 'FORMAL_LIST_LATE') ?? [];
  const [first] = blocking;
  if (first) return err(userError(first.code, first.message, 'candidates'));
  const plan = plannedPositions(rules.seatPlan, rules.profile);
  return mutate(ctx, async (tx) => {
    const formal = await candidatesOf(tx, electionId, 'formal');
    const content: PublishedCandidate[] = plan.flatMap((p: PlannedPosition) =>
      orderedSection(rules, formal, p.id).map((c) => ({ position: c.position, name: c.name, sex: c.sex, age: ageOf(c.residentId, rules.electionDay) })),
    );
    await tx.insert(candidateListPublication).values({ electionId, stage: 'formal', publishedOn: today, publishedAt: ctx.clock.now(), content });
    return ok({
      value: { publishedOn: today, warnings: report?.warnings ?? [], content },
      audit: {
        operation: 'publishCandidateList',
        entityType: 'election',
        entityId: electionId,
        before: null,
        after: { publishedOn: today, deadline: formalListDeadline(rules.electionDay), late: (report?.errors.length ?? 0) > 0, content },
      },
    });
  });
}

export function ageOf(residentId: string, electionDay: string): number {
  const parsed = parseResidentId(residentId);
  return parsed.ok ? ageOn(parsed.birthDate, electionDay) : 0;
}

export interface BallotSection {
  readonly position: PositionKind;
  readonly titleZh: string;
  readonly seats: number;
  readonly reservedWomenSeats: number;
  readonly candidates: readonly { readonly id: number; readonly name: string }[];
  /** 另选人 lines: one per seat (D7: the whole section is write-in lines). */
  readonly writeInLines: number;
}

/** The printable ballot: a section per position, candidates in list order, write-in lines. */
export async function ballotLayout(db: Executor, electionId: number): Promise<BallotSection[] | null> {
  const rules = await electionRules(db, electionId);
  if (!rules?.seatPlan) return null;
  const formal = await candidatesOf(db, electionId, 'formal');
  return plannedPositions(rules.seatPlan, rules.profile).map((p) => ({
    position: p.id,
    titleZh: p.titleZh,
    seats: p.seats,
    reservedWomenSeats: p.reservedWomenSeats,
    candidates: rules.profile.method === 'no-candidates' ? [] : orderedSection(rules, formal, p.id).map((c) => ({ id: c.id, name: c.name })),
    writeInLines: p.seats,
  }));
}
