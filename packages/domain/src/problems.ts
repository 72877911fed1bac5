/**
 * How the pre-vote rules (A, B, D, E) say no: a refusal is a value naming the rule it enforces,
 * with a zh-CN message for the screen, never an exception (expected input, not a bug).
 */

/** An article of rules.md: A1, B2, D6, E4 … (the id the code comments cite). */
export type RuleId = `${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'S'}${number}`;

/** One finding of a rule check: a stable code for programs, the rule id, a zh-CN message for people. */
export interface RuleProblem<C extends string = string> {
  readonly code: C;
  readonly rule: RuleId;
  readonly message: string;
}

/** A refused action: `{ ok: false, code, rule, message }`. */
export interface Refusal<C extends string = string> extends RuleProblem<C> {
  readonly ok: false;
}

/** The outcome of one action under the rules: accepted with a value, or refused naming the rule. */
export type Decision<T, C extends string = string> = { readonly ok: true; readonly value: T } | Refusal<C>;

/**
 * The outcome of checking a whole plan or list: `errors` block it (`ok` is false when there are
 * any), `warnings` are shown to the organisers but do not block.
 */
export interface RuleReport<C extends string = string> {
  readonly ok: boolean;
  readonly errors: readonly RuleProblem<C>[];
  readonly warnings: readonly RuleProblem<C>[];
}

/** An accepted action. */
export function accept<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A refused action, naming the rule. */
export function refuse<C extends string>(code: C, rule: RuleId, message: string): Refusal<C> {
  return { ok: false, code, rule, message };
}

/** One finding of a plan or list check. */
export function problem<C extends string>(code: C, rule: RuleId, message: string): RuleProblem<C> {
  return { code, rule, message };
}

/** A plan or list check's outcome: ok when there are no errors. */
export function ruleReport<C extends string>(
  errors: readonly RuleProblem<C>[],
  warnings: readonly RuleProblem<C>[] = [],
): RuleReport<C> {
  return { ok: errors.length === 0, errors, warnings };
}
