/**
 * E5, E7, F1 — issuing ballots at check-in: each registered voter receives ballots once, recorded
 * against the voter certificate; a principal who gave a proxy does not vote in person; a proxy
 * holder receives their own ballot and one per principal. The database makes "once" hold across
 * stations and races; this is the rule each attempt is checked against.
 */
import { turnoutIsMajority } from '../counting/validity.ts';
import { accept, refuse, type Decision } from '../problems.ts';
import type { VoterRoll } from '../roll.ts';
import { principalsOf, proxyOf, type ProxyRecord } from './proxies.ts';

export interface IssuanceContext {
  readonly communityId: string;
  readonly roll: VoterRoll;
  readonly proxies: readonly ProxyRecord[];
  /** voter ids whose ballots were already issued, at any station of the community */
  readonly issued: ReadonlySet<string>;
}

export interface Issuance {
  /** who is standing at the table */
  readonly voterId: string;
  /** whose ballots are issued: the voter first, then the principals not yet issued */
  readonly forVoterIds: readonly string[];
}

export type IssuanceCode = 'NOT_REGISTERED_VOTER' | 'BALLOT_ALREADY_ISSUED' | 'PRINCIPAL_VOTES_BY_PROXY';

/** E5, E7 — the ballots to issue to the voter at check-in, or the refusal naming the rule. */
export function checkBallotIssuance(voterId: string, ctx: IssuanceContext): Decision<Issuance, IssuanceCode> {
  const voter = ctx.roll.get(voterId);
  if (voter === undefined || voter.communityId !== ctx.communityId) {
    return refuse('NOT_REGISTERED_VOTER', 'E7', `不在本村(居)选民名单上，不能领取选票（E7、C8：凭参选证领取选票）`);
  }
  if (ctx.issued.has(voterId)) {
    return refuse('BALLOT_ALREADY_ISSUED', 'E7', `${voter.name}已领取过选票，每名选民只能领取一次（E7，民政部《村民委员会选举规程》）`);
  }
  const proxy = proxyOf(voterId, ctx.proxies);
  if (proxy !== undefined) {
    const holder = ctx.roll.get(proxy.holderId)?.name ?? proxy.holderId;
    return refuse('PRINCIPAL_VOTES_BY_PROXY', 'E5', `${voter.name}已书面委托${holder}代为投票，不能再亲自投票（E5）`);
  }
  const principals = principalsOf(voterId, ctx.proxies).filter((id) => !ctx.issued.has(id));
  return accept({ voterId, forVoterIds: [voterId, ...principals] });
}

export interface Turnout {
  /** 发出选票: voters whose ballots were issued (principals included) */
  readonly ballotsIssued: number;
  readonly registeredVoters: number;
  /** ballotsIssued / registeredVoters, 0 when no one is registered */
  readonly rate: number;
  /** F1 — more than half of the registered voters took part (exactly half is not) */
  readonly majority: boolean;
}

/** F1 — live turnout for the organisers. */
export function turnout(ballotsIssued: number, registeredVoters: number): Turnout {
  return {
    ballotsIssued,
    registeredVoters,
    rate: registeredVoters === 0 ? 0 : ballotsIssued / registeredVoters,
    majority: turnoutIsMajority(registeredVoters, ballotsIssued),
  };
}
