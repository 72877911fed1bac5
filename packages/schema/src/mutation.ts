/**
 * Every state change: one service function, one transaction, one audit event in it.
 * A user error rolls the transaction back and comes back as a value; nothing half-written stays.
 */
import { err, ok, type Result } from '@huanjie/domain';
import type { Tx } from '@huanjie/db';
import type { Context } from './context.ts';
import { appendAudit, type AuditRecord } from './audit/service.ts';
import { userError, type UserErrorData } from './errors.ts';

export interface Change<T> {
  readonly value: T;
  /** null only when nothing changed (an idempotent retry returning the first result). */
  readonly audit: AuditRecord | null;
}

class Rollback extends Error {
  constructor(readonly userError: UserErrorData) {
    super(userError.message);
  }
}

export async function mutate<T>(
  ctx: Pick<Context, 'db' | 'actor' | 'clock'>,
  change: (tx: Tx) => Promise<Result<Change<T>, UserErrorData>>,
): Promise<Result<T, UserErrorData>> {
  try {
    const value = await ctx.db.transaction(async (tx) => {
      const result = await change(tx);
      if (!result.ok) throw new Rollback(result.error);
      if (result.value.audit) await appendAudit(tx, ctx.actor, result.value.audit, ctx.clock.now());
      return result.value.value;
    });
    return ok(value);
  } catch (e) {
    if (e instanceof Rollback) return err(e.userError);
    const violation = uniqueViolation(e);
    if (violation) return err(violation);
    throw e;
  }
}

/** Unique keys the database enforces, as the user error each one means. */
const uniqueMessages: Record<string, UserErrorData> = {
  community_code_key: userError('DUPLICATE_CODE', '社区代码已被使用，请换一个代码', 'code'),
  community_group_number_key: userError('DUPLICATE_GROUP', '该社区已有相同编号的小组', 'number'),
  community_group_name_key: userError('DUPLICATE_GROUP', '该社区已有同名小组', 'name'),
  account_username_key: userError('DUPLICATE_USERNAME', '用户名已被使用', 'username'),
  cycle_year_key: userError('DUPLICATE_CYCLE', '该年度的换届周期已存在', 'year'),
  ballot_issue_voter_key: userError('ALREADY_ISSUED', '此选民刚在另一投票站领取了选票，每人只能领取一次（E7）', 'voterId'),
  polling_place_box_key: userError('DUPLICATE_BOX', '票箱编号已被使用', 'boxNumber'),
  proxy_principal_key: userError('DUPLICATE_PROXY', '此选民已有一份有效的委托（E3）', 'principalId'),
  kinship_pair_key: userError('DUPLICATE_KINSHIP', '这两人之间的亲属关系已登记', 'relativeId'),
  voter_cycle_person_key: userError('DUPLICATE_VOTER', '此人刚被另一次操作登记（一人只能在一处登记），请重试', 'residentId'),
};

/** A race the code's own checks lost is still a clear message, not a crash. */
function uniqueViolation(e: unknown): UserErrorData | null {
  for (let cur: unknown = e; cur instanceof Error; cur = (cur as { cause?: unknown }).cause) {
    const { code, constraint } = cur as { code?: string; constraint?: string };
    if (code === '23505' && constraint && uniqueMessages[constraint]) return uniqueMessages[constraint];
  }
  return null;
}
