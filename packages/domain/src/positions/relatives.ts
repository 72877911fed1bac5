/**
 * A3 — near relatives may not serve on the same committee (many PROV, incl. SC), under the profile
 * option `forbidNearRelativesOnCommittee`.
 */
import { problem, type RuleProblem } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import { nearRelativeTitle, type KinshipIndex, type NearRelativeKind } from '../relatives/index.ts';

export interface CommitteePerson {
  readonly voterId: string;
  readonly name: string;
}

export interface NearRelativePair {
  readonly a: CommitteePerson;
  readonly b: CommitteePerson;
  /** what `b` is to `a` */
  readonly kind: NearRelativeKind;
}

/** A3 — every pair of near relatives among the people (input order, each pair once). */
export function nearRelativePairs(people: readonly CommitteePerson[], kinship: KinshipIndex): readonly NearRelativePair[] {
  const pairs: NearRelativePair[] = [];
  people.forEach((a, i) => {
    for (const b of people.slice(i + 1)) {
      const kind = kinship.relation(a.voterId, b.voterId);
      if (kind !== null) pairs.push({ a, b, kind });
    }
  });
  return pairs;
}

/**
 * A3 — near relatives among the people of one committee (elected, or a slate being checked): an
 * error each when the profile forbids it, nothing when it does not.
 */
export function committeeNearRelativeProblems(
  people: readonly CommitteePerson[],
  kinship: KinshipIndex,
  profile: RulesProfile,
): readonly RuleProblem<'NEAR_RELATIVES_ON_COMMITTEE'>[] {
  if (!profile.forbidNearRelativesOnCommittee) return [];
  return nearRelativePairs(people, kinship).map(({ a, b, kind }) =>
    problem(
      'NEAR_RELATIVES_ON_COMMITTEE',
      'A3',
      `${b.name}是${a.name}的${nearRelativeTitle(kind)}，近亲属不得同时担任村(居)民委员会成员（A3，本省选举办法）`,
    ),
  );
}
