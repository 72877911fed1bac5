/**
 * Deadlines of the nine steps (rules.md §S) computed from a community's election day D, their
 * status on a given `today`, and the objection windows of C6. Pure: `today` is always passed in.
 * Dates are ISO strings 'YYYY-MM-DD', computed on UTC days.
 */
import { assertNever } from '../basics.ts';
import type { RulesProfile } from '../profile.ts';
import { getScheduleStep, scheduleSteps } from './steps.ts';
import type { ScheduleStep, StepKey, StepNumber } from './steps.ts';

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC days, no date library)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function toEpochDay(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / MS_PER_DAY);
}

function epochDay(date: string, what: string): number {
  const day = toEpochDay(date);
  if (day === null) throw new Error(`${what} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

function fromEpochDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dom = String(d.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${dom}`;
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is false). */
export function isIsoDate(value: string): boolean {
  return toEpochDay(value) !== null;
}

/** `date` moved by `days` calendar days (negative: earlier). Throws on a malformed date. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new Error(`days must be an integer, got ${days}`);
  return fromEpochDay(epochDay(date, 'date') + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). Throws on a malformed date. */
export function diffDays(from: string, to: string): number {
  return epochDay(to, 'to') - epochDay(from, 'from');
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/** C5 — VCOL Art. 14: the list of registered voters is published at least 20 days before D. */
export const VOTER_LIST_DAYS_BEFORE_ELECTION = 20;
/** D3 — MCA; SC: the formal candidate list is published at least 5 days before D. */
export const FORMAL_LIST_DAYS_BEFORE_ELECTION = 5;
/** G2 — VCOL Art. 20: the handover is completed within 10 days of the committee being elected. */
export const HANDOVER_DAYS_AFTER_ELECTED = 10;
/** C6 — VCOL Art. 14: objections to the list are filed within 5 days of its publication. */
export const OBJECTION_DAYS_AFTER_PUBLICATION = 5;
/** C6 — VCOL Art. 14: the election committee decides within 3 days of receiving an objection. */
export const OBJECTION_DECISION_DAYS = 3;

export interface ScheduleOptions {
  /**
   * The date the new committee was elected, from which the handover deadline runs (G2).
   * Defaults to `runoffDay` when given, otherwise to election day.
   */
  readonly electedOn?: string;
  /**
   * The date of a run-off (另行选举) or repeated election: rules.md §S moves steps 5–9 of the
   * community to it. Steps 1–4 keep running from the original election day.
   */
  readonly runoffDay?: string;
}

/** The last day on which a step may be completed, for a community whose election day is `electionDay`. */
export function stepDeadline(
  step: StepNumber | StepKey,
  electionDay: string,
  profile: RulesProfile,
  options: ScheduleOptions = {},
): string {
  const { key } = getScheduleStep(step);
  const d = electionDay;
  const afterVote = options.runoffDay ?? electionDay;
  switch (key) {
    case 'survey':
      // S step 1 — profile default (D − 45).
      return addDays(d, profile.schedule.survey);
    case 'electionCommittee':
      // S step 2 — B1, VCOL Art. 12; deadline a profile default (SC practice: D − 30).
      return addDays(d, profile.schedule.electionCommittee);
    case 'voterRegistration':
      // C5 — VCOL Art. 14: list published at least 20 days before election day.
      return addDays(d, -VOTER_LIST_DAYS_BEFORE_ELECTION);
    case 'nomination':
      // D3 — MCA; SC: formal candidate list published at least 5 days before election day.
      return addDays(d, -FORMAL_LIST_DAYS_BEFORE_ELECTION);
    case 'election':
      // F3 — VCOL Art. 15: voting, counting and announcement on election day (or the run-off day, §S).
      return addDays(afterVote, 0);
    case 'otherBodies':
      // S step 6 — G3, G4 (VCOL Art. 25, 32); deadline a profile default (D + 30).
      return addDays(afterVote, profile.schedule.otherBodies);
    case 'handover':
      // G2 — VCOL Art. 20: handover within 10 days of the new committee being elected.
      return addDays(options.electedOn ?? afterVote, HANDOVER_DAYS_AFTER_ELECTED);
    case 'inspection':
      // S step 8 — profile default (D + 45).
      return addDays(afterVote, profile.schedule.inspection);
    case 'talks':
      // S step 9 — profile default (D + 30).
      return addDays(afterVote, profile.schedule.talks);
    default:
      return assertNever(key, 'schedule step');
  }
}

// ---------------------------------------------------------------------------------------------
// Status

export type StepStatus = 'done' | 'due' | 'overdue';

export interface StepProgress {
  readonly deadline: string;
  /** The date the step was completed, or null while it is open. */
  readonly doneOn: string | null;
}

/** S — a step is done once completed (even late), overdue when open after its deadline, due otherwise. */
export function stepStatus(progress: StepProgress, today: string): StepStatus {
  if (progress.doneOn !== null) return 'done';
  return diffDays(progress.deadline, today) > 0 ? 'overdue' : 'due';
}

/** S — the deadline was missed: completed after it, or still open after it. Completing on the deadline day is on time. */
export function isStepLate(progress: StepProgress, today: string): boolean {
  const reference = progress.doneOn ?? today;
  return diffDays(progress.deadline, reference) > 0;
}

export interface ChecklistItem extends ScheduleStep {
  readonly deadline: string;
  readonly doneOn: string | null;
  readonly status: StepStatus;
  readonly late: boolean;
  /** Days from today to the deadline (0 on the day, negative when overdue); null once done. */
  readonly daysLeft: number | null;
}

/** S — the nine steps of one community with their deadlines and status on `today`. */
export function checklist(
  electionDay: string,
  done: ReadonlyMap<StepKey, string>,
  today: string,
  profile: RulesProfile,
  options: ScheduleOptions = {},
): readonly ChecklistItem[] {
  return scheduleSteps.map((step): ChecklistItem => {
    const deadline = stepDeadline(step.key, electionDay, profile, options);
    const doneOn = done.get(step.key) ?? null;
    if (doneOn !== null) epochDay(doneOn, `doneOn of ${step.key}`);
    const progress: StepProgress = { deadline, doneOn };
    return {
      ...step,
      deadline,
      doneOn,
      status: stepStatus(progress, today),
      late: isStepLate(progress, today),
      daysLeft: doneOn === null ? diffDays(today, deadline) : null,
    };
  });
}

/** S — where a community stands: the first step not yet done, or 'complete' when all nine are. */
export function stage(items: readonly ChecklistItem[]): ChecklistItem | 'complete' {
  return items.find((item) => item.status !== 'done') ?? 'complete';
}

// ---------------------------------------------------------------------------------------------
// Objection windows

/** C6 — VCOL Art. 14: last day to file an objection to a list published on `publishedOn`. */
export function objectionDeadline(publishedOn: string): string {
  return addDays(publishedOn, OBJECTION_DAYS_AFTER_PUBLICATION);
}

/** C6 — VCOL Art. 14: last day for the election committee to decide an objection received on `receivedOn`. */
export function objectionDecisionDeadline(receivedOn: string): string {
  return addDays(receivedOn, OBJECTION_DECISION_DAYS);
}

/** C6 — VCOL Art. 14: an objection received on `receivedOn` is in time (not before publication, not after the window). */
export function isObjectionInTime(publishedOn: string, receivedOn: string): boolean {
  const days = diffDays(publishedOn, receivedOn);
  return days >= 0 && days <= OBJECTION_DAYS_AFTER_PUBLICATION;
}
