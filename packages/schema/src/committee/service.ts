/**
 * The election committee (选举委员会, rules.md B): set from the registered voters (B1), and B2 —
 * a member who becomes a candidate leaves it, replaced from the reserve of the original vote.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  checkElectionCommittee,
  err,
  ok,
  withdrawCandidatesFromCommittee,
  type CommitteeWithdrawal,
  type ElectionCommittee,
  type Result,
  type RuleProblem,
} from '@huanjie/domain';
import { electionCommitteePerson, voter, type Executor, type Tx } from '@huanjie/db';
import type { Context } from '../context.ts';
import { userError, type UserErrorData } from '../errors.ts';
import { mutate } from '../mutation.ts';
import { candidatesOf, electionRules, rollFor } from '../rules/load.ts';

type Ctx = Pick<Context, 'db' | 'actor' | 'clock'>;

export interface CommitteeInput {
  readonly members: readonly { readonly voterId: number; readonly chair: boolean }[];
  readonly reserve: readonly { readonly voterId: number; readonly votes: number }[];
}

async function committeeOf(db: Executor, electionId: number, communityId: number): Promise<ElectionCommittee> {
  const rows = await db
    .select({ voterId: electionCommitteePerson.voterId, standing: electionCommitteePerson.standing, role: electionCommitteePerson.role, votes: electionCommitteePerson.votes, name: voter.name })
    .from(electionCommitteePerson)
    .innerJoin(voter, eq(voter.id, electionCommitteePerson.voterId))
    .where(eq(electionCommitteePerson.electionId, electionId));
  return {
    communityId: String(communityId),
    members: rows.filter((r) => r.standing === 'member').map((r) => ({ voterId: String(r.voterId), name: r.name, role: r.role ?? 'member' })),
    reserve: rows.filter((r) => r.standing === 'reserve').map((r) => ({ voterId: String(r.voterId), name: r.name, votes: r.votes ?? 0 })),
  };
}

/** B1: the committee as chosen, checked whole (registered voters here, one chair, nobody twice). */
export async function setElectionCommittee(ctx: Ctx, electionId: number, input: CommitteeInput): Promise<Result<{ warnings: readonly RuleProblem[] }, UserErrorData>> {
  const rules = await electionRules(ctx.db, electionId);
  if (!rules) return err(userError('NOT_FOUND', '选举不存在', 'electionId'));
  return mutate(ctx, async (tx) => {
    const ids = [...input.members.map((m) => m.voterId), ...input.reserve.map((r) => r.voterId)];
    const roll = await rollFor(tx, electionId, ids);
    const name = (id: number) => roll.get(String(id))?.name ?? `#${id}`;
    const committee: ElectionCommittee = {
      communityId: String(rules.communityId),
      members: input.members.map((m) => ({ voterId: String(m.voterId), name: name(m.voterId), role: m.chair ? 'chair' : 'member' })),
      reserve: input.reserve.map((r) => ({ voterId: String(r.voterId), name: name(r.voterId), votes: r.votes })),
    };
    const report = checkElectionCommittee(committee, roll, rules.profile);
    const [first] = report.errors;
    if (first) return err(userError(first.code, first.message, 'members'));
    const before = await committeeOf(tx, electionId, rules.communityId);
    // A candidate may not be put on the committee in the first place (B2).
    const candidates = await candidatesOf(tx, electionId);
    const clash = candidates.find((c) => input.members.some((m) => m.voterId === c.voterId));
    if (clash) return err(userError('MEMBER_IS_CANDIDATE', `${clash.name}已是候选人，不能担任选举委员会成员（B2，《村民委员会组织法》第十二条）`, 'members'));
    await tx.delete(electionCommitteePerson).where(eq(electionCommitteePerson.electionId, electionId));
    const rows = [
      ...input.members.map((m) => ({ electionId, voterId: m.voterId, standing: 'member' as const, role: m.chair ? ('chair' as const) : ('member' as const), votes: null })),
      ...input.reserve.map((r) => ({ electionId, voterId: r.voterId, standing: 'reserve' as const, role: null, votes: r.votes })),
    ];
    if (rows.length > 0) await tx.insert(electionCommitteePerson).values(rows);
    return ok({
      value: { warnings: report.warnings },
      audit: { operation: 'setElectionCommittee', entityType: 'election', entityId: electionId, before, after: committee },
    });
  });
}

/**
 * B2, inside the transaction that made someone a candidate: members who are now candidates leave
 * the committee with the reason, and the reserve fills their places. Returns what happened, for
 * the audit event of that same change.
 */
export async function applyCandidateWithdrawal(tx: Tx, electionId: number, communityId: number): Promise<CommitteeWithdrawal | null> {
  const committee = await committeeOf(tx, electionId, communityId);
  if (committee.members.length === 0) return null;
  const candidates = await candidatesOf(tx, electionId);
  const roll = await rollFor(tx, electionId);
  const outcome = withdrawCandidatesFromCommittee(
    committee,
    candidates.map((c) => ({ voterId: String(c.voterId), name: c.name })),
    roll,
  );
  if (outcome.removals.length === 0) return null;
  for (const removal of outcome.removals) {
    await tx
      .update(electionCommitteePerson)
      .set({ standing: 'removed', role: null, removedReason: removal.message })
      .where(and(eq(electionCommitteePerson.electionId, electionId), eq(electionCommitteePerson.voterId, Number(removal.member.voterId))));
  }
  const promoted = outcome.replacements.map((r) => Number(r.by.voterId));
  if (promoted.length > 0) {
    await tx
      .update(electionCommitteePerson)
      .set({ standing: 'member', role: 'member' })
      .where(and(eq(electionCommitteePerson.electionId, electionId), inArray(electionCommitteePerson.voterId, promoted)));
  }
  return outcome;
}
