// F1–F11, A2 — VCOL Art. 15, MCA: who is elected in one round, which seats stay open, who stands in the run-off
import { assertNever } from '../basics.ts';
import { eligibleFor, positionTally } from './aggregate.ts';
import { resolveCountRules } from './rules.ts';
import { runoffPool, topWithTiesAtCut } from './runoff.ts';
import { fillSeats } from './seats.ts';
import { compareTallyEntries, tallyBallots } from './tally.ts';
import type { Tally } from './tally.ts';
import { reachesThreshold, thresholdFor } from './threshold.ts';
import type {
  CountInput,
  CountPosition,
  CountRules,
  CountWarning,
  Determination,
  PositionResult,
  Round,
  TallyEntry,
} from './types.ts';
import { roundInvalidReasons } from './validity.ts';
import { RESERVED_SEAT_POSITION, fillSeatsReservingWomanSeat, noWomanElected, womanTest } from './women.ts';

/** Seats a position leaves open, and how they are to be filled. */
type OpenSeats =
  /** F7: a tie at the last seat — a new vote among the tied */
  | { readonly kind: 'tie'; readonly tied: readonly TallyEntry[] }
  /** F9: a run-off among the not-elected with most votes (F8: among women only) */
  | { readonly kind: 'runoff'; readonly seats: number; readonly womenOnly: boolean };

interface PositionDecision {
  readonly tally: readonly TallyEntry[];
  readonly elected: readonly TallyEntry[];
  readonly tied: readonly TallyEntry[];
  readonly open: readonly OpenSeats[];
}

interface RoundContext {
  readonly positions: readonly CountPosition[];
  readonly round: Round;
  readonly rules: CountRules;
  readonly valid: boolean;
  readonly threshold: number;
  readonly tally: Tally;
  readonly isWoman: (id: string) => boolean;
}

/** The determination of one round (counting-format.md). Pure; linear in the ballots' marks. */
export function determine(input: CountInput): Determination {
  const rules = resolveCountRules(input.profile, input.options);
  const ballotsCast = input.ballots.length;
  const invalidReasons = roundInvalidReasons(input.registeredVoters, input.ballotsIssued, ballotsCast);
  const valid = invalidReasons.length === 0;
  const context: RoundContext = {
    positions: input.positions,
    round: input.round,
    rules,
    valid,
    threshold: thresholdFor(input.round, ballotsCast),
    tally: tallyBallots(input.positions, input.ballots, rules.overvote),
    isWoman: womanTest(input.candidates),
  };

  let decisions = decidePositions(context, -1);
  const reservedAt = reservedSeatPosition(context, decisions);
  if (reservedAt >= 0) decisions = decidePositions(context, reservedAt);

  const electedInRound = new Set(decisions.flatMap((d) => d.elected.map((e) => e.id)));
  const positions = input.positions.map((position, p): PositionResult => {
    const decision = decisions[p] ?? { tally: [], elected: [], tied: [], open: [] };
    const formal = input.candidates.filter((c) => c.position === position.id).map((c) => c.id);
    return {
      id: position.id,
      seats: position.seats,
      threshold: context.threshold,
      tally: decision.tally,
      voidSections: context.tally.voidSections[p] ?? 0,
      elected: decision.elected.map((e) => e.id),
      vacancies: position.seats - decision.elected.length,
      tied: decision.tied.map((e) => e.id),
      runoffCandidates: runoffCandidatesFor(decision, formal, electedInRound, context),
    };
  });

  // A2 — decision: a void round elects nobody and says nothing about the committee's make-up, so
  // the warning is given for valid rounds only. In a run-off it concerns the people it elects.
  const warnings: CountWarning[] = [];
  if (valid && noWomanElected(electedInRound, context.isWoman)) warnings.push('NO_WOMAN_ELECTED');

  return { valid, invalidReasons, ballotsCast, positions, warnings };
}

/**
 * Positions are decided highest first. F11: a person elected to one position cannot take a seat of
 * a lower one. Decision: people tied at a higher position are not elected, so they may take a
 * lower seat; if one of them later wins the new vote for the higher seat, F11 opens the lower one.
 */
function decidePositions(context: RoundContext, reservedAt: number): PositionDecision[] {
  const electedHigher = new Set<string>();
  return context.positions.map((position, p) => {
    const tally = positionTally(context.tally, p, context.rules.aggregateAcrossPositions, electedHigher);
    if (!context.valid) return { tally, elected: [], tied: [], open: [] };
    const qualified = eligibleFor(tally, electedHigher).filter((e) => reachesThreshold(e.votes, context.threshold));
    const decision =
      p === reservedAt
        ? decideWithReservedWomanSeat(tally, qualified, position.seats, context)
        : decideByMostVotes(tally, qualified, position.seats, context.round);
    for (const entry of decision.elected) electedHigher.add(entry.id);
    return decision;
  });
}

/** F5–F7 (F9 in a run-off): the most votes among the qualified win. */
function decideByMostVotes(
  tally: readonly TallyEntry[],
  qualified: readonly TallyEntry[],
  seats: number,
  round: Round,
): PositionDecision {
  const fill = fillSeats(qualified, seats);
  const open = openSeats(round, seats - fill.elected.length, fill.tied);
  return { tally, elected: fill.elected, tied: fill.tied, open };
}

/** F8: first round, no woman elected — the last member seat is the women's. */
function decideWithReservedWomanSeat(
  tally: readonly TallyEntry[],
  qualified: readonly TallyEntry[],
  seats: number,
  context: RoundContext,
): PositionDecision {
  const { general, reserved } = fillSeatsReservingWomanSeat(qualified, seats, context.isWoman);
  const open = [...openSeats(context.round, seats - 1 - general.elected.length, general.tied)];
  switch (reserved.kind) {
    case 'woman-elected':
      return {
        tally,
        elected: [...general.elected, reserved.woman].sort(compareTallyEntries),
        tied: general.tied,
        open,
      };
    case 'women-tied':
      return {
        tally,
        elected: general.elected,
        tied: [...general.tied, ...reserved.tied].sort(compareTallyEntries),
        open: [...open, { kind: 'tie', tied: reserved.tied }],
      };
    case 'open-for-women':
      return {
        tally,
        elected: general.elected,
        tied: general.tied,
        open: [...open, { kind: 'runoff', seats: 1, womenOnly: true }],
      };
    default:
      return assertNever(reserved, 'reserved seat');
  }
}

/**
 * F7: seats open because of a tie go to a new vote among the tied. F9: other open seats of a first
 * round go to the run-off. F10: after a run-off they stay vacant for a later by-election — except
 * a tie, which F7 still sends to a new vote among the tied.
 */
function openSeats(round: Round, openCount: number, tied: readonly TallyEntry[]): OpenSeats[] {
  if (openCount <= 0) return [];
  if (tied.length > 0) return [{ kind: 'tie', tied }];
  switch (round) {
    case 'first':
      return [{ kind: 'runoff', seats: openCount, womenOnly: false }];
    case 'runoff':
      return [];
    default:
      return assertNever(round, 'round');
  }
}

/**
 * F8 applies — and this returns the member position's index — only in a valid first round under
 * `womenSeat: "reserved-member"` when no woman is elected to any position by F5–F7. Decision: it is
 * not applied again in a run-off, whose ballots concern the open seats only (the engine cannot see
 * whether a woman was elected in the first round); the run-off "among women" is the one whose
 * candidates the first round's determination names.
 */
function reservedSeatPosition(context: RoundContext, decisions: readonly PositionDecision[]): number {
  switch (context.rules.womenSeat) {
    case 'none':
      return -1;
    case 'reserved-member': {
      if (!context.valid || context.round !== 'first') return -1;
      const elected = decisions.flatMap((d) => d.elected.map((e) => e.id));
      if (!noWomanElected(elected, context.isWoman)) return -1;
      return context.positions.findIndex((position) => position.id === RESERVED_SEAT_POSITION);
    }
    default:
      return assertNever(context.rules.womenSeat, 'womenSeat');
  }
}

/** F7, F8, F9: who stands for the open seats, in tally order. */
function runoffCandidatesFor(
  decision: PositionDecision,
  formalCandidates: readonly string[],
  electedInRound: ReadonlySet<string>,
  context: RoundContext,
): string[] {
  const chosen = new Map<string, TallyEntry>();
  for (const open of decision.open) {
    switch (open.kind) {
      case 'tie':
        for (const entry of open.tied) chosen.set(entry.id, entry);
        break;
      case 'runoff': {
        const accept = open.womenOnly ? context.isWoman : () => true;
        const pool = runoffPool(decision.tally, formalCandidates, electedInRound, accept);
        for (const entry of topWithTiesAtCut(pool, open.seats + context.rules.runoffMargin)) {
          chosen.set(entry.id, entry);
        }
        break;
      }
      default:
        assertNever(open, 'open seats');
    }
  }
  return [...chosen.values()].sort(compareTallyEntries).map((e) => e.id);
}
