/**
 * Direct nomination (海选, rules.md D1): each group's count entered, the quorum checked, the
 * preliminary list (初步候选人) from the totals, and the formal candidates chosen from it with the
 * competitive margin (D2). Becoming a candidate applies B2 to the election committee.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  checkNominationQuorum,
  err,
  ok,
  plannedPositions,
  selectFormalCandidates,
  tallyNominations,
  type NominationTally,
  type PositionKind,
  type Result,
} from '@huanjie/domain';
import { candidate, nominationCount, nominationGroup, voter, type Executor } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { applyCandidateWithdrawal } from '../committee/service.ts';
import { candidatesOf, electionRules, rollFor } from '../rules/load.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;

export interface GroupCount {
  readonly voterId: number;
  readonly position: PositionKind;
  readonly nominations: number;
}

export interface NominationState {
  readonly tally: NominationTally;
  readonly participants: number;
  readonly registered: number;
  /** D1: null when the quorum holds (or the profile does not require one), else why not. */
  readonly quorumProblem: string | null;
}

export async function nominationState(db: Executor, electionId: number): Promise<NominationState | null> {
  const rules = await electionRules(db, electionId);
  if (!rules?.seatPlan) return null;
  const counts = await db
    .select({ groupName: nominationCount.groupName, position: nominationCount.position, voterId: nominationCount.voterId, nominations: nominationCount.nominations, name: voter.name })
    .from(nominationCount)
    .innerJoin(voter, eq(voter.id, nominationCount.voterId))
    .where(eq(nominationCount.electionId, electionId));
  const groups = await db.select().from(nominationGroup).where(eq(nominationGroup.electionId, electionId));
  const roll = await rollFor(db, electionId, counts.map((c) => c.voterId));
  const tally = tallyNominations(
    counts.map((c) => ({ ...c, voterId: String(c.voterId) })),
    plannedPositions(rules.seatPlan, rules.profile),
    String(rules.communityId),
    roll,
  );
  const registered = [...roll.values()].filter((v) => v.communityId === String(rules.communityId)).length;
  const quorum = checkNominationQuorum(groups, registered, rules.profile);
  return { tally, participants: groups.reduce((s, g) => s + g.participants, 0), registered, quorumProblem: quorum.ok ? null : quorum.message };
}

/** D1: one group's count sheet, replacing what was entered for that group before. */
export async function enterGroupNominations(ctx: Ctx, electionId: number, groupName: string, participants: number, counts: readonly GroupCount[]): Promise<Result<NominationState, UserErrorData>> {
  const group = groupName.trim();
  if (!group) return err(userError('REQUIRED', '请填写村(居)民小组', 'groupName'));
  if (!Number.isInteger(participants) || participants < 0) return err(userError('INVALID_NUMBER', '参加提名人数必须是非负整数', 'participants'));
  const bad = counts.find((c) => !Number.isInteger(c.nominations) || c.nominations < 0 || c.nominations > participants);
  if (bad) return err(userError('INVALID_NUMBER', `提名票数 ${bad.nominations} 无效：应为 0 至参加提名人数 ${participants}`, 'counts'));
  const rules = await electionRules(ctx.db, electionId);
  if (!rules?.seatPlan) return err(userError('NO_SEAT_PLAN', '请先确定职位与职数（A1），再录入提名', 'electionId'));
  return mutate(ctx, async (tx) => {
    const roll = await rollFor(tx, electionId, counts.map((c) => c.voterId));
    const check = tallyNominations(
      counts.map((c) => ({ groupName: group, position: c.position, voterId: String(c.voterId), name: roll.get(String(c.voterId))?.name ?? '此人', nominations: c.nominations })),
      plannedPositions(rules.seatPlan!, rules.profile),
      String(rules.communityId),
      roll,
    );
    const [problem] = check.problems;
    if (problem) return err(userError(problem.code, problem.message, 'counts'));
    await tx.delete(nominationCount).where(and(eq(nominationCount.electionId, electionId), eq(nominationCount.groupName, group)));
    await tx.delete(nominationGroup).where(and(eq(nominationGroup.electionId, electionId), eq(nominationGroup.groupName, group)));
    await tx.insert(nominationGroup).values({ electionId, groupName: group, participants });
    const rows = counts.filter((c) => c.nominations > 0).map((c) => ({ electionId, groupName: group, ...c }));
    if (rows.length) await tx.insert(nominationCount).values(rows);
    const state = (await nominationState(tx, electionId))!;
    return ok({ value: state, audit: { operation: 'enterGroupNominations', entityType: 'election', entityId: electionId, before: null, after: { groupName: group, participants, counts } } });
  });
}

/** D1: the preliminary list from the totals, once the quorum holds; replaces an earlier one. */
export async function publishPreliminaryList(ctx: Ctx, electionId: number): Promise<Result<NominationState, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
  return mutate(ctx, async (tx) => {
    const state = await nominationState(tx, electionId);
    if (!state) return err(userError('NO_SEAT_PLAN', '请先确定职位与职数（A1）', 'electionId'));
    if (state.quorumProblem) return err(userError('NOMINATION_QUORUM_NOT_MET', state.quorumProblem, 'electionId'));
    await tx.delete(candidate).where(and(eq(candidate.electionId, electionId), eq(candidate.stage, 'preliminary')));
    const rows = state.tally.positions.flatMap((p) =>
      p.nominees.map((n) => ({ electionId, voterId: Number(n.voterId), position: p.position, stage: 'preliminary' as const, votes: n.nominations })),
    );
    if (rows.length === 0) return err(userError('NO_NOMINEES', '尚无有效提名', 'electionId'));
    await tx.insert(candidate).values(rows);
    const withdrawal = await applyCandidateWithdrawal(tx, electionId, rules.communityId);
    return ok({
      value: state,
      audit: {
        operation: 'publishPreliminaryList',
        entityType: 'election',
        entityId: electionId,
        before: null,
        after: {
          preliminary: state.tally.positions.map((p) => ({ position: p.position, nominees: p.nominees })),
          ...(withdrawal ? { electionCommittee: { removed: withdrawal.removals.map((r) => ({ name: r.member.name, reason: r.message })) } } : {}),
        },
      },
    });
  });
}

/** D2: the formal candidates of a position, the top of the preliminary list within the margin. */
export async function chooseFormalCandidates(ctx: Ctx, electionId: number, position: PositionKind, formalCount: number | null): Promise<Result<number, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules?.seatPlan) return err(userError('NO_SEAT_PLAN', '请先确定职位与职数（A1）', 'electionId'));
  const planned = plannedPositions(rules.seatPlan, rules.profile).find((p) => p.id === position);
  if (!planned) return err(userError('CANDIDATE_POSITION_NOT_PLANNED', '本届不设此职位（A1）', 'position'));
  return mutate(ctx, async (tx) => {
    const preliminary = (await candidatesOf(tx, electionId, 'preliminary')).filter((c) => c.position === position);
    const decision = selectFormalCandidates(
      planned,
      preliminary.map((c) => ({ voterId: String(c.voterId), name: c.name, votes: c.votes })),
      rules.profile,
      ...(formalCount === null ? [] : [formalCount]),
    );
    if (!decision.ok) return err(userError(decision.code, decision.message, 'formalCount'));
    const { selected, tied, placesForTied } = decision.value;
    if (tied.length > 0) {
      return err(userError('TIE_AT_CUTOFF', `${tied.map((t) => t.name).join('、')}票数相同，争 ${placesForTied} 个正式候选人名额，须再次投票决定（D2）`, 'formalCount'));
    }
    const chosen = selected.map((s) => Number(s.voterId));
    await tx.delete(candidate).where(and(eq(candidate.electionId, electionId), eq(candidate.stage, 'formal'), eq(candidate.position, position), inArray(candidate.voterId, [...chosen, -1])));
    await tx.insert(candidate).values(selected.map((s) => ({ electionId, voterId: Number(s.voterId), position, stage: 'formal' as const, votes: s.votes })));
    await applyCandidateWithdrawal(tx, electionId, rules.communityId);
    return ok({
      value: selected.length,
      audit: { operation: 'chooseFormalCandidates', entityType: 'election', entityId: electionId, before: null, after: { position, selected } },
    });
  });
}
