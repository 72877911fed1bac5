/**
 * B3, E6 — MCA; PROV: candidates and their near relatives may not be readers (唱票人), tally clerks
 * (计票人) or scrutineers (监票人), nor write ballots for others (代写人).
 */
import { accept, problem, refuse, type Decision, type RuleProblem } from '../problems.ts';
import { nearRelativeTitle, type KinshipIndex } from '../relatives/index.ts';

/** B3, E6 — 唱票人, 计票人, 监票人, 代写人. */
export type StaffRole = 'reader' | 'tally-clerk' | 'scrutineer' | 'writer';

export const staffRoles: readonly { readonly role: StaffRole; readonly titleZh: string; readonly titleEn: string }[] = [
  { role: 'reader', titleZh: '唱票人', titleEn: 'reader' },
  { role: 'tally-clerk', titleZh: '计票人', titleEn: 'tally clerk' },
  { role: 'scrutineer', titleZh: '监票人', titleEn: 'scrutineer' },
  { role: 'writer', titleZh: '代写人', titleEn: 'ballot writer' },
];

/** B3, E6 — the Chinese title of a staff role. */
export function staffRoleTitle(role: StaffRole): string {
  return staffRoles.find((r) => r.role === role)?.titleZh ?? role;
}

export interface StaffAppointment {
  readonly voterId: string;
  readonly name: string;
  readonly role: StaffRole;
}

export interface PersonRef {
  readonly voterId: string;
  readonly name: string;
}

export type StaffCode = 'STAFF_IS_CANDIDATE' | 'STAFF_NEAR_RELATIVE_OF_CANDIDATE';

function basis(role: StaffRole): { readonly rule: 'B3' | 'E6'; readonly text: string } {
  return role === 'writer'
    ? { rule: 'E6', text: '候选人及其近亲属不得代写选票（E6，民政部《村民委员会选举规程》）' }
    : { rule: 'B3', text: '候选人及其近亲属不得担任唱票、计票、监票人员（B3，民政部《村民委员会选举规程》）' };
}

/** B3, E6 — every reason the person may not serve in the role (empty: may serve). */
export function staffConflicts(
  appointment: StaffAppointment,
  candidates: readonly PersonRef[],
  kinship: KinshipIndex,
): readonly RuleProblem<StaffCode>[] {
  const title = staffRoleTitle(appointment.role);
  const { rule, text } = basis(appointment.role);
  const out: RuleProblem<StaffCode>[] = [];
  for (const c of candidates) {
    if (c.voterId === appointment.voterId) {
      out.push(problem('STAFF_IS_CANDIDATE', rule, `${appointment.name}是候选人，不得担任${title}：${text}`));
      continue;
    }
    const kind = kinship.relation(c.voterId, appointment.voterId);
    if (kind !== null) {
      out.push(
        problem('STAFF_NEAR_RELATIVE_OF_CANDIDATE', rule, `${appointment.name}是候选人${c.name}的${nearRelativeTitle(kind)}，不得担任${title}：${text}`),
      );
    }
  }
  return out;
}

/** B3, E6 — appoints the person, or refuses naming the first conflict (a candidate before a relative). */
export function checkStaffAppointment(
  appointment: StaffAppointment,
  candidates: readonly PersonRef[],
  kinship: KinshipIndex,
): Decision<StaffAppointment, StaffCode> {
  const [first] = staffConflicts(appointment, candidates, kinship);
  if (first !== undefined) return refuse(first.code, first.rule, first.message);
  return accept(appointment);
}

/** B3, E6 — re-checks a whole staff list (e.g. after a candidate is added): each appointment with its conflicts. */
export function staffListConflicts(
  staff: readonly StaffAppointment[],
  candidates: readonly PersonRef[],
  kinship: KinshipIndex,
): readonly { readonly appointment: StaffAppointment; readonly conflicts: readonly RuleProblem<StaffCode>[] }[] {
  return staff
    .map((appointment) => ({ appointment, conflicts: staffConflicts(appointment, candidates, kinship) }))
    .filter((entry) => entry.conflicts.length > 0);
}
