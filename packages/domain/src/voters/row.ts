/**
 * One row of a voter roll, checked against the law: the ID number (C2, GB 11643), sex and birth date
 * derived from it and compared with the row, age 18 on the community's election day (C2), the
 * registration category and what it needs (C1), political rights (C3).
 */
import { ageOn, parseResidentId, type ResidentIdSex } from '../ids/index.ts';
import { categoryInfo, parseCategory, type RegistrationCategory } from './categories.ts';

export interface VoterRowInput {
  readonly name: string;
  readonly sex: string;
  readonly residentId: string;
  readonly groupName?: string | undefined;
  readonly householdNo?: string | undefined;
  readonly address?: string | undefined;
  readonly category?: string | undefined;
  /** Record of the assembly's approval (category 3), e.g. '2026-11-10 村民代表会议同意'. */
  readonly approval?: string | undefined;
  /** The 政治权利 column: anything saying the rights were deprived flags the person out (C3). */
  readonly politicalRights?: string | undefined;
}

export interface CheckedVoter {
  readonly name: string;
  readonly sex: ResidentIdSex;
  /** Normalised: trimmed, upper-case X. */
  readonly residentId: string;
  readonly birthDate: string;
  readonly age: number;
  readonly groupName: string;
  readonly householdNo: string;
  readonly address: string;
  readonly category: RegistrationCategory;
  readonly approval: string;
}

export type VoterField = 'name' | 'sex' | 'residentId' | 'category' | 'approval' | 'politicalRights' | 'age';

export interface VoterRowError {
  readonly field: VoterField;
  /** zh-CN, for the per-row report. */
  readonly reason: string;
}

export type VoterRowResult = { readonly ok: true; readonly voter: CheckedVoter } | { readonly ok: false; readonly errors: readonly VoterRowError[] };

export const VOTING_AGE = 18;

export function parseSex(raw: string): ResidentIdSex | null {
  const v = raw.trim();
  if (v === '男' || v === 'M' || v === 'm' || v === '1') return 'M';
  if (v === '女' || v === 'F' || v === 'f' || v === '2') return 'F';
  return null;
}

const DEPRIVED = /剥夺|被剥夺|无政治权利|deprived/;

export function checkVoterRow(row: VoterRowInput, electionDay: string): VoterRowResult {
  const errors: VoterRowError[] = [];
  const name = row.name.trim();
  if (!name) errors.push({ field: 'name', reason: '姓名为空' });
  else if (name.length > 30) errors.push({ field: 'name', reason: '姓名过长（最多 30 个字）' });

  const sex = parseSex(row.sex);
  if (!row.sex.trim()) errors.push({ field: 'sex', reason: '性别为空' });
  else if (!sex) errors.push({ field: 'sex', reason: `性别“${row.sex.trim()}”无法识别，应为“男”或“女”` });

  const residentId = row.residentId.trim().toUpperCase();
  const parsed = parseResidentId(row.residentId);
  let birthDate = '';
  let age = 0;
  if (!parsed.ok) {
    errors.push({ field: 'residentId', reason: parsed.reason });
  } else {
    birthDate = parsed.birthDate;
    // C2 — sex is encoded in the ID number (odd sequence = male); the row must agree.
    if (sex && parsed.sex !== sex) {
      errors.push({ field: 'sex', reason: `性别与身份证号码不符：号码显示为${parsed.sex === 'M' ? '男' : '女'}` });
    }
    // C2 — VCOL Art. 13: 18 or older on election day.
    age = ageOn(parsed.birthDate, electionDay);
    if (age < VOTING_AGE) {
      errors.push({ field: 'age', reason: `选举日（${electionDay}）未满 18 周岁（出生于 ${parsed.birthDate}）` });
    }
  }

  // C1 — the registration category, and the approval category 3 needs.
  const category = parseCategory(row.category ?? '');
  const approval = (row.approval ?? '').trim();
  if (!category) {
    errors.push({ field: 'category', reason: `登记类别“${(row.category ?? '').trim()}”无法识别，应为 1、2 或 3` });
  } else if (categoryInfo(category).needsApproval && !approval) {
    errors.push({ field: 'approval', reason: '登记类别 3（非户籍居住一年以上）须记录村(居)民会议或代表会议的同意' });
  }

  // C3 — VCOL Art. 13: persons deprived of political rights cannot register.
  if (row.politicalRights && DEPRIVED.test(row.politicalRights)) {
    errors.push({ field: 'politicalRights', reason: '依法被剥夺政治权利的人不能登记' });
  }

  if (errors.length > 0 || !sex || !category || !parsed.ok) return { ok: false, errors };
  return {
    ok: true,
    voter: {
      name,
      sex,
      residentId,
      birthDate,
      age,
      groupName: (row.groupName ?? '').trim(),
      householdNo: (row.householdNo ?? '').trim(),
      address: (row.address ?? '').trim(),
      category,
      approval,
    },
  };
}
