// F — VCOL Art. 15, MCA 2013: the input and the determination of one counting round (counting-format.md)
import type { Overvote, ProfileName, WomenSeat } from '../profile.ts';

/** `first`: the first round (F5, ⌊ballotsCast/2⌋+1); `runoff`: 另行选举 (F9, ⌈ballotsCast/3⌉). */
export type Round = 'first' | 'runoff';

export type Sex = 'M' | 'F';

/** A position (职务) with its seats (名额), highest first in the input. */
export interface CountPosition {
  readonly id: string;
  readonly seats: number;
}

/** A formal candidate (正式候选人); marks equal to `id` are votes for this person. */
export interface CountCandidate {
  readonly id: string;
  readonly name: string;
  readonly sex: Sex;
  readonly position: string;
}

/**
 * One returned ballot (收回选票). A marked ballot's sections are aligned with `positions`:
 * `sections[i]` lists the names marked approve (划○) for `positions[i]` — candidate ids, or any
 * other name as a write-in (另选他人); an empty array is an abstention.
 */
export type CountBallot =
  | { readonly kind: 'spoiled' }
  | { readonly kind: 'marked'; readonly sections: readonly (readonly string[])[] };

/** The options of counting-format.md; each overrides the named profile's default. */
export interface CountOptions {
  readonly aggregateAcrossPositions?: boolean;
  readonly womenSeat?: WomenSeat;
  readonly overvote?: Overvote;
  readonly runoffMargin?: number;
}

/** The options in force for one count: the profile's defaults overridden by the input's options. */
export interface CountRules {
  readonly aggregateAcrossPositions: boolean;
  readonly womenSeat: WomenSeat;
  readonly overvote: Overvote;
  readonly runoffMargin: number;
}

export interface CountInput {
  readonly profile: ProfileName;
  readonly options: CountOptions;
  readonly round: Round;
  /** 登记参加选举的村(居)民数 */
  readonly registeredVoters: number;
  /** 发出选票数: voters who took part */
  readonly ballotsIssued: number;
  readonly positions: readonly CountPosition[];
  readonly candidates: readonly CountCandidate[];
  readonly ballots: readonly CountBallot[];
}

/** F1: TURNOUT_NOT_MAJORITY; F2: BALLOTS_EXCEED_VOTERS. */
export type InvalidReason = 'BALLOTS_EXCEED_VOTERS' | 'TURNOUT_NOT_MAJORITY';

/** A2: no woman among the people elected. */
export type CountWarning = 'NO_WOMAN_ELECTED';

/** A candidate id, or the name written in (另选他人), with the votes counted for it. */
export interface TallyEntry {
  readonly id: string;
  readonly votes: number;
}

/** One position's determination; key order as in counting-format.md. */
export interface PositionResult {
  readonly id: string;
  readonly seats: number;
  /** least votes that can win in this round */
  readonly threshold: number;
  /** everyone with at least one vote, by votes descending then id ascending */
  readonly tally: readonly TallyEntry[];
  /** ballots whose section for this position was void (over-marked, F4) */
  readonly voidSections: number;
  readonly elected: readonly string[];
  readonly vacancies: number;
  /** ids tied at the last seat; those seats stay open (F7) */
  readonly tied: readonly string[];
  /** who stands in the run-off (F9), or in the new vote among the tied (F7), for the open seats */
  readonly runoffCandidates: readonly string[];
}

/** The determination of one round; key order as in counting-format.md. */
export interface Determination {
  readonly valid: boolean;
  readonly invalidReasons: readonly InvalidReason[];
  /** ballots returned, spoiled ones included (F3) */
  readonly ballotsCast: number;
  readonly positions: readonly PositionResult[];
  readonly warnings: readonly CountWarning[];
}
