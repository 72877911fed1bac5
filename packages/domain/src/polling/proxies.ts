/**
 * E3, E4, E5 — proxy voting (委托投票). VCOL Art. 15: a registered voter away during the election
 * may authorise in writing a near relative who is a registered voter of the same community to
 * vote; the election committee publishes the principals (委托人) and proxy holders (受托人). MCA:
 * one proxy holder accepts at most 3 principals (profile `maxPrincipalsPerProxy`). A principal
 * cannot also vote in person; a proxy holder votes for themselves and once per principal; under
 * `candidatesMayHoldProxies: false` a candidate holds no proxy.
 */
import { accept, refuse, type Decision } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';
import { nearRelativeTitle, type KinshipIndex, type NearRelativeKind } from '../relatives/index.ts';
import type { VoterRoll } from '../roll.ts';
import { sortItemsByStrokes } from '../strokes/index.ts';

/** E3 — a written authorisation: `principalId` lets `holderId` vote for them. */
export interface ProxyRecord {
  readonly principalId: string;
  readonly holderId: string;
  /** E3 — made in writing (委托书). */
  readonly written: boolean;
}

export interface ProxyContext {
  readonly communityId: string;
  readonly roll: VoterRoll;
  readonly kinship: KinshipIndex;
  /** the proxies already recorded in the community */
  readonly proxies: readonly ProxyRecord[];
  /** voter ids of the candidates (E5 option) */
  readonly candidateIds: ReadonlySet<string>;
  /** voter ids whose ballots were already issued (E7) */
  readonly issued: ReadonlySet<string>;
  readonly profile: RulesProfile;
}

export type ProxyCode =
  | 'PROXY_NOT_IN_WRITING'
  | 'PROXY_TO_SELF'
  | 'PRINCIPAL_NOT_REGISTERED_VOTER'
  | 'PROXY_HOLDER_NOT_REGISTERED_VOTER'
  | 'PROXY_HOLDER_NOT_NEAR_RELATIVE'
  | 'PRINCIPAL_ALREADY_DELEGATED'
  | 'PRINCIPAL_ALREADY_VOTED'
  | 'PROXY_HOLDER_ALREADY_VOTED'
  | 'PROXY_HOLDER_IS_PRINCIPAL'
  | 'PRINCIPAL_IS_PROXY_HOLDER'
  | 'CANDIDATE_MAY_NOT_HOLD_PROXY'
  | 'PROXY_HOLDER_LIMIT';

const VCOL15 = '《村民委员会组织法》第十五条';

/** E4, E5 — the principals a proxy holder votes for. */
export function principalsOf(holderId: string, proxies: readonly ProxyRecord[]): readonly string[] {
  return proxies.filter((p) => p.holderId === holderId).map((p) => p.principalId);
}

/** E5 — the proxy a principal gave, if any. */
export function proxyOf(principalId: string, proxies: readonly ProxyRecord[]): ProxyRecord | undefined {
  return proxies.find((p) => p.principalId === principalId);
}

/**
 * E3, E4, E5, E7 — records a proxy, or refuses it naming the rule: written; to someone else; both
 * registered voters of this community; the holder a near relative of the principal; one proxy per
 * principal; neither already issued ballots; no chains (a holder who gave their own vote away is
 * absent, and a holder cannot hand on the votes they carry); no candidate holder unless the profile
 * allows it; at most `maxPrincipalsPerProxy` principals per holder.
 */
export function checkProxy(proxy: ProxyRecord, ctx: ProxyContext): Decision<ProxyRecord, ProxyCode> {
  const { roll, communityId, proxies, profile } = ctx;
  const principal = roll.get(proxy.principalId);
  const holder = roll.get(proxy.holderId);
  const principalName = principal?.name ?? '委托人';
  const holderName = holder?.name ?? '受托人';

  if (!proxy.written) {
    return refuse('PROXY_NOT_IN_WRITING', 'E3', `${principalName}的委托须有书面委托书（E3，${VCOL15}）`);
  }
  if (proxy.principalId === proxy.holderId) {
    return refuse('PROXY_TO_SELF', 'E3', `委托人与受托人不能是同一人（E3）`);
  }
  if (principal === undefined || principal.communityId !== communityId) {
    return refuse('PRINCIPAL_NOT_REGISTERED_VOTER', 'E3', `${principalName}不是本村(居)登记参加选举的村(居)民，不能委托投票（E3，${VCOL15}）`);
  }
  if (holder === undefined || holder.communityId !== communityId) {
    return refuse(
      'PROXY_HOLDER_NOT_REGISTERED_VOTER',
      'E3',
      `${holderName}不是本村(居)登记参加选举的村(居)民，不能接受委托：受托人须为本村(居)有选举权的近亲属（E3，${VCOL15}）`,
    );
  }
  const kind: NearRelativeKind | null = ctx.kinship.relation(proxy.principalId, proxy.holderId);
  if (kind === null) {
    return refuse(
      'PROXY_HOLDER_NOT_NEAR_RELATIVE',
      'E3',
      `${holder.name}不是${principal.name}的近亲属（配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女），不能接受委托（E3，${VCOL15}）`,
    );
  }
  const existing = proxyOf(proxy.principalId, proxies);
  if (existing !== undefined) {
    const other = roll.get(existing.holderId)?.name ?? existing.holderId;
    return refuse('PRINCIPAL_ALREADY_DELEGATED', 'E5', `${principal.name}已委托${other}投票，一人只能委托一次（E5）`);
  }
  if (ctx.issued.has(proxy.principalId)) {
    return refuse('PRINCIPAL_ALREADY_VOTED', 'E5', `${principal.name}已领取选票，不能再委托他人投票（E5、E7）`);
  }
  if (ctx.issued.has(proxy.holderId)) {
    return refuse('PROXY_HOLDER_ALREADY_VOTED', 'E7', `${holder.name}已领取选票，不能再接受委托（E7：每名选民只领取一次选票）`);
  }
  if (proxyOf(proxy.holderId, proxies) !== undefined) {
    return refuse('PROXY_HOLDER_IS_PRINCIPAL', 'E5', `${holder.name}本人已委托他人投票，不能再接受委托（E5）`);
  }
  if (principalsOf(proxy.principalId, proxies).length > 0) {
    return refuse('PRINCIPAL_IS_PROXY_HOLDER', 'E5', `${principal.name}已接受他人委托，须亲自投票，不能再委托他人（E5）`);
  }
  if (!profile.candidatesMayHoldProxies && ctx.candidateIds.has(proxy.holderId)) {
    return refuse('CANDIDATE_MAY_NOT_HOLD_PROXY', 'E5', `${holder.name}是候选人，不得接受委托投票（E5，本省选举办法）`);
  }
  const held = principalsOf(proxy.holderId, proxies).length;
  if (held >= profile.maxPrincipalsPerProxy) {
    return refuse(
      'PROXY_HOLDER_LIMIT',
      'E4',
      `${holder.name}已接受 ${held} 人委托，每名受托人接受委托不得超过 ${profile.maxPrincipalsPerProxy} 人（E4，民政部《村民委员会选举规程》）`,
    );
  }
  return accept(proxy);
}

export interface ProxyListEntry {
  readonly holder: { readonly voterId: string; readonly name: string };
  /** `relation`: what the holder is to this principal, in Chinese (父母, 配偶 …) */
  readonly principals: readonly { readonly voterId: string; readonly name: string; readonly relation: string }[];
}

/**
 * E3 — the published list of proxy holders and their principals, holders in stroke order (D4),
 * each holder's principals in stroke order, with what the holder is to the principal (父母, 配偶 …).
 */
export function proxyList(proxies: readonly ProxyRecord[], roll: VoterRoll, kinship: KinshipIndex): readonly ProxyListEntry[] {
  const holders = [...new Set(proxies.map((p) => p.holderId))].map((voterId) => ({ voterId, name: roll.get(voterId)?.name ?? voterId }));
  return sortItemsByStrokes(holders, (h) => h.name).map((holder) => {
    const principals = principalsOf(holder.voterId, proxies).map((voterId) => {
      const kind = kinship.relation(voterId, holder.voterId);
      return { voterId, name: roll.get(voterId)?.name ?? voterId, relation: kind === null ? '' : nearRelativeTitle(kind) };
    });
    return { holder, principals: sortItemsByStrokes(principals, (p) => p.name) };
  });
}
