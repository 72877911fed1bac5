/**
 * Rules profiles: where rules.md leaves a choice to the province, the choice is a named option
 * here, never a hard-coded guess. `national` is the default profile.
 */

export type ProfileName = 'national' | 'sichuan';

export type WomenSeat = 'none' | 'reserved-member';
export type Overvote = 'section' | 'ballot';
export type ElectionMethod = 'candidates' | 'no-candidates';
export type ListOrder = 'strokes' | 'nomination-votes';

export interface CompetitiveMargin {
  /** formal candidates must exceed seats by at least `min` and at most `max` (null: no cap). */
  readonly min: number;
  readonly max: number | null;
}

/** B1: the usual size of an election committee; `binding: false` makes a deviation a warning only. */
export interface ElectionCommitteeSize {
  readonly min: number;
  readonly max: number;
  readonly odd: boolean;
  readonly binding: boolean;
}

export interface RulesProfile {
  readonly name: ProfileName;
  /** A2, F8: reserve the last member seat for a woman when none is elected. */
  readonly womenSeat: WomenSeat;
  /** A3: near relatives may not serve on the same committee (many PROV, incl. SC). */
  readonly forbidNearRelativesOnCommittee: boolean;
  /** B1: size of the election committee (typically an odd number, 5 to 9; PROV). */
  readonly electionCommitteeSize: ElectionCommitteeSize;
  /** D1: a nomination vote is valid only when more than half of registered voters take part. */
  readonly nominationQuorum: boolean;
  /** D2: competitive margin per position kind. */
  readonly margin: {
    readonly director: CompetitiveMargin;
    readonly deputy: CompetitiveMargin;
    readonly member: CompetitiveMargin;
  };
  /** D3: order of the formal list. */
  readonly listOrder: ListOrder;
  /** D7: "no fixed candidates" elections (自荐直选 / 无候选人选举). */
  readonly method: ElectionMethod;
  /** E4: principals one proxy holder may accept. */
  readonly maxPrincipalsPerProxy: number;
  /** E5: may a candidate hold proxies. */
  readonly candidatesMayHoldProxies: boolean;
  /** F4: an over-marked section voids the section or the whole ballot. */
  readonly overvote: Overvote;
  /** F6: votes for a higher position count toward a lower one. */
  readonly aggregateAcrossPositions: boolean;
  /** F9: run-off candidates = vacancies + runoffMargin. */
  readonly runoffMargin: number;
  /** H: upper bounds (inclusive) of the age bands of the statistics; the last band is open. */
  readonly ageBands: readonly number[];
  /** S: schedule offsets in days from election day D for the non-statutory steps. */
  readonly schedule: {
    readonly survey: number;
    readonly electionCommittee: number;
    readonly otherBodies: number;
    readonly inspection: number;
    readonly talks: number;
  };
}

const national: RulesProfile = {
  name: 'national',
  womenSeat: 'none',
  forbidNearRelativesOnCommittee: false,
  electionCommitteeSize: { min: 5, max: 9, odd: true, binding: false },
  nominationQuorum: true,
  margin: {
    director: { min: 1, max: null },
    deputy: { min: 1, max: null },
    member: { min: 1, max: null },
  },
  listOrder: 'strokes',
  method: 'candidates',
  maxPrincipalsPerProxy: 3,
  candidatesMayHoldProxies: false,
  overvote: 'section',
  aggregateAcrossPositions: false,
  runoffMargin: 1,
  ageBands: [34, 45, 55],
  schedule: { survey: -45, electionCommittee: -30, otherBodies: 30, inspection: 45, talks: 30 },
};

const sichuan: RulesProfile = {
  ...national,
  name: 'sichuan',
  forbidNearRelativesOnCommittee: true,
  margin: {
    director: { min: 1, max: 1 },
    deputy: { min: 1, max: 1 },
    member: { min: 1, max: 3 },
  },
};

export const profiles: Readonly<Record<ProfileName, RulesProfile>> = { national, sichuan };

export function isProfileName(name: string): name is ProfileName {
  return Object.prototype.hasOwnProperty.call(profiles, name);
}

export function getProfile(name: ProfileName): RulesProfile {
  return profiles[name];
}
