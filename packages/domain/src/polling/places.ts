/**
 * E1, E2 — where people vote: a central meeting (中心会场), polling stations (投票站), and mobile
 * ballot boxes (流动票箱) for those who cannot come; a secret writing booth (秘密写票处) at every
 * station (VCOL Art. 15); a mobile box accompanied by at least three staff (MCA; PROV).
 */
import { problem, ruleReport, type RuleProblem, type RuleReport } from '../problems.ts';

/** E2 — 中心会场, 投票站, 流动票箱. */
export type PollingPlaceKind = 'central-meeting' | 'polling-station' | 'mobile-box';

export const pollingPlaceKinds: readonly { readonly kind: PollingPlaceKind; readonly titleZh: string }[] = [
  { kind: 'central-meeting', titleZh: '中心会场' },
  { kind: 'polling-station', titleZh: '投票站' },
  { kind: 'mobile-box', titleZh: '流动票箱' },
];

/** E2 — MCA: a mobile ballot box goes with at least three staff. */
export const MOBILE_BOX_MIN_STAFF = 3;

export interface PollingPlace {
  readonly name: string;
  readonly kind: PollingPlaceKind;
  /** E1 — a secret writing booth is set up (not needed for a mobile box). */
  readonly secretBooth: boolean;
  /** staff assigned to it */
  readonly staffCount: number;
}

export type PollingPlaceCode = 'NO_SECRET_BOOTH' | 'MOBILE_BOX_UNDERSTAFFED';

/** E1, E2 — a central meeting or station needs a secret writing booth; a mobile box at least three staff. */
export function checkPollingPlace(place: PollingPlace): RuleReport<PollingPlaceCode> {
  const errors: RuleProblem<PollingPlaceCode>[] = [];
  if (place.kind !== 'mobile-box' && !place.secretBooth) {
    errors.push(problem('NO_SECRET_BOOTH', 'E1', `${place.name}未设秘密写票处：选举实行无记名投票，每个投票站都应设秘密写票处（E1，《村民委员会组织法》第十五条）`));
  }
  if (place.kind === 'mobile-box' && place.staffCount < MOBILE_BOX_MIN_STAFF) {
    errors.push(
      problem('MOBILE_BOX_UNDERSTAFFED', 'E2', `${place.name}只有 ${place.staffCount} 名工作人员，流动票箱应由 3 名以上工作人员负责（E2，民政部《村民委员会选举规程》）`),
    );
  }
  return ruleReport(errors);
}
