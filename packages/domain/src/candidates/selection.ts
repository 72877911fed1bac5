/**
 * D1, D2 — from the preliminary candidates (初步候选人, ranked by nominations or by a preliminary
 * vote 预选) to the formal candidates (正式候选人) of one position: the top `formalCount`, which
 * must respect the competitive margin. A tie across the cut is not broken here: the tied people
 * go to a further vote, as the rules do for ties elsewhere (F7).
 */
import { accept, problem, refuse, type Decision, type RuleProblem } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import type { PlannedPosition } from '../positions/index.ts';
import { checkCompetitiveMargin, formalCountRange, type MarginCode } from './margin.ts';
import { rankByVotes } from './nomination.ts';

export interface RankedNominee {
  readonly voterId: string;
  readonly name: string;
  /** nominations (提名票) or preliminary-vote votes (预选票) */
  readonly votes: number;
}

export interface FormalSelection {
  readonly position: PlannedPosition;
  /** chosen outright, most votes first */
  readonly selected: readonly RankedNominee[];
  /** tied across the cut for the remaining places, in stroke order; empty when none */
  readonly tied: readonly RankedNominee[];
  /** places left for the tied people (0 when `tied` is empty) */
  readonly placesForTied: number;
  readonly problems: readonly RuleProblem<'TIE_AT_CUTOFF'>[];
}

export type SelectionCode = MarginCode | 'NOT_ENOUGH_NOMINEES' | 'METHOD_HAS_NO_CANDIDATES';

/**
 * D1, D2 — chooses the formal candidates of a position. `formalCount` defaults to the fewest the
 * margin allows (seats + margin.min); a count outside the margin, or fewer nominees with votes
 * than it, is refused. Under D7 ("no candidates") there is no formal list to choose.
 */
export function selectFormalCandidates(
  position: PlannedPosition,
  preliminary: readonly RankedNominee[],
  profile: RulesProfile,
  formalCount: number = formalCountRange(position, profile).min,
): Decision<FormalSelection, SelectionCode> {
  if (profile.method === 'no-candidates') {
    return refuse('METHOD_HAS_NO_CANDIDATES', 'D7', `本届实行无候选人选举（自荐直选），不确定正式候选人（D7，本省选举办法）`);
  }
  const margin = checkCompetitiveMargin(position, formalCount, profile);
  if (!margin.ok) return margin;
  const ranked = rankByVotes(
    preliminary.filter((n) => n.votes > 0),
    (n) => n.votes,
  );
  if (ranked.length < formalCount) {
    return refuse(
      'NOT_ENOUGH_NOMINEES',
      'D2',
      `${position.titleZh}得到提名的只有 ${ranked.length} 人，不足正式候选人 ${formalCount} 名，无法实行差额选举，须重新提名（D2，《村民委员会组织法》第十五条）`,
    );
  }
  const last = ranked[formalCount - 1];
  const after = ranked[formalCount];
  if (last === undefined || after === undefined || after.votes !== last.votes) {
    return accept({ position, selected: ranked.slice(0, formalCount), tied: [], placesForTied: 0, problems: [] });
  }
  const selected = ranked.filter((n) => n.votes > last.votes);
  const tied = ranked.filter((n) => n.votes === last.votes);
  const placesForTied = formalCount - selected.length;
  const names = tied.map((n) => n.name).join('、');
  return accept({
    position,
    selected,
    tied,
    placesForTied,
    problems: [
      problem(
        'TIE_AT_CUTOFF',
        'D2',
        `${position.titleZh}正式候选人最后 ${placesForTied} 个名额，${names}票数相等（${last.votes} 票），须再次投票确定（D2）`,
      ),
    ],
  });
}
