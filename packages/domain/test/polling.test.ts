import { describe, expect, it } from 'vitest';
import {
  checkBallotIssuance,
  checkPollingPlace,
  checkProxy,
  checkStaffAppointment,
  indexKinship,
  MOBILE_BOX_MIN_STAFF,
  nearRelativeKinds,
  nearRelativeTitle,
  principalsOf,
  proxyList,
  staffListConflicts,
  staffRoles,
  turnout,
  voterRoll,
} from '../src/index.ts';
import type { IssuanceContext, ProxyContext, ProxyRecord, StaffAppointment } from '../src/index.ts';
import { family, HERE, kinship, national, others, roll, voter } from './support/preVote.ts';

const ref = (v: { voterId: string; name: string }) => ({ voterId: v.voterId, name: v.name });

describe('A3 near relatives: spouse, parents, children, siblings, grandparents, grandchildren', () => {
  it('has exactly the six kinds of rules.md, each with its inverse', () => {
    expect(nearRelativeKinds.map((k) => k.titleZh)).toEqual(['配偶', '父母', '子女', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女']);
    for (const k of nearRelativeKinds) expect(nearRelativeKinds.find((x) => x.kind === k.inverse)?.inverse).toBe(k.kind);
  });

  it('reads a recorded kinship in both directions', () => {
    expect(kinship.relation(family.son.voterId, family.father.voterId)).toBe('parent');
    expect(kinship.relation(family.father.voterId, family.son.voterId)).toBe('child');
    expect(kinship.relation(family.father.voterId, family.mother.voterId)).toBe('spouse');
    expect(kinship.relation(family.mother.voterId, family.father.voterId)).toBe('spouse');
    expect(kinship.relation(family.father.voterId, family.grandson.voterId)).toBe('grandchild');
    expect(kinship.relation(family.grandson.voterId, family.father.voterId)).toBe('grandparent');
    expect(kinship.relation(family.father.voterId, family.brother.voterId)).toBe('sibling');
  });

  it('does not infer kinships that were not recorded, and ignores in-laws and oneself', () => {
    expect(kinship.relation(family.father.voterId, family.sonInLaw.voterId)).toBeNull();
    expect(kinship.relation(family.mother.voterId, family.son.voterId)).toBeNull(); // not recorded
    expect(kinship.relation(others.wang.voterId, others.liu.voterId)).toBeNull();
    const self = indexKinship([{ person: 'a', relative: 'a', kind: 'sibling' }]);
    expect(self.relation('a', 'a')).toBeNull();
  });

  it('keeps the first kind of a pair recorded twice', () => {
    const twice = indexKinship([
      { person: 'a', relative: 'b', kind: 'parent' },
      { person: 'b', relative: 'a', kind: 'sibling' },
    ]);
    expect(twice.relation('a', 'b')).toBe('parent');
    expect(twice.relation('b', 'a')).toBe('child');
    expect([...twice.relativesOf('a')]).toEqual([['b', 'parent']]);
    expect(twice.relativesOf('zz').size).toBe(0);
  });

  it('names the kinds in Chinese', () => {
    expect(nearRelativeTitle('child')).toBe('子女');
  });
});

describe('B3, E6 no candidate nor a candidate’s near relative may read, tally, scrutinise or write ballots', () => {
  const candidates = [ref(family.father), ref(others.wang)];
  const appoint = (v: { voterId: string; name: string }, role: StaffAppointment['role']): StaffAppointment => ({ ...ref(v), role });

  it('has the four roles 唱票人 计票人 监票人 代写人', () => {
    expect(staffRoles.map((r) => r.titleZh)).toEqual(['唱票人', '计票人', '监票人', '代写人']);
  });

  it('appoints someone unrelated to every candidate, in any role', () => {
    for (const role of staffRoles.map((r) => r.role)) {
      expect(checkStaffAppointment(appoint(others.liu, role), candidates, kinship)).toEqual({ ok: true, value: appoint(others.liu, role) });
    }
  });

  it('refuses a candidate', () => {
    expect(checkStaffAppointment(appoint(others.wang, 'tally-clerk'), candidates, kinship)).toEqual({
      ok: false,
      code: 'STAFF_IS_CANDIDATE',
      rule: 'B3',
      message: '王明是候选人，不得担任计票人：候选人及其近亲属不得担任唱票、计票、监票人员（B3，民政部《村民委员会选举规程》）',
    });
  });

  it('refuses a candidate’s son as reader, naming the kinship', () => {
    expect(checkStaffAppointment(appoint(family.son, 'reader'), candidates, kinship)).toEqual({
      ok: false,
      code: 'STAFF_NEAR_RELATIVE_OF_CANDIDATE',
      rule: 'B3',
      message: '张小明是候选人张大山的子女，不得担任唱票人：候选人及其近亲属不得担任唱票、计票、监票人员（B3，民政部《村民委员会选举规程》）',
    });
  });

  it.each([
    ['spouse', family.mother, '配偶'],
    ['parent', family.grandfather, '父母'],
    ['sibling', family.brother, '兄弟姐妹'],
    ['grandchild', family.grandson, '孙子女、外孙子女'],
  ] as const)('refuses a candidate’s %s as scrutineer', (_kind, person, title) => {
    const result = checkStaffAppointment(appoint(person, 'scrutineer'), candidates, kinship);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`候选人张大山的${title}，不得担任监票人`);
  });

  it('allows a candidate’s son-in-law (not a near relative under A3)', () => {
    expect(checkStaffAppointment(appoint(family.sonInLaw, 'reader'), candidates, kinship).ok).toBe(true);
  });

  it('refuses a candidate’s daughter as public writer under E6', () => {
    expect(checkStaffAppointment(appoint(family.daughter, 'writer'), candidates, kinship)).toMatchObject({
      ok: false,
      code: 'STAFF_NEAR_RELATIVE_OF_CANDIDATE',
      rule: 'E6',
      message: '张小红是候选人张大山的子女，不得担任代写人：候选人及其近亲属不得代写选票（E6，民政部《村民委员会选举规程》）',
    });
  });

  it('re-checks a staff list when a candidate is added, listing every conflict', () => {
    const staff = [appoint(others.liu, 'reader'), appoint(family.son, 'tally-clerk'), appoint(others.chen, 'scrutineer')];
    expect(staffListConflicts(staff, [ref(others.wang)], kinship)).toEqual([]);
    const conflicts = staffListConflicts(staff, [ref(others.wang), ref(family.father), ref(family.daughter), ref(others.chen)], kinship);
    expect(conflicts.map((c) => [c.appointment.name, c.conflicts.map((x) => x.code)])).toEqual([
      ['张小明', ['STAFF_NEAR_RELATIVE_OF_CANDIDATE', 'STAFF_NEAR_RELATIVE_OF_CANDIDATE']],
      ['陈杰', ['STAFF_IS_CANDIDATE']],
    ]);
  });
});

describe('E1, E2 polling places: a secret booth at every station; a mobile box with at least three staff', () => {
  it('accepts a station with a secret booth and a mobile box with three staff', () => {
    expect(checkPollingPlace({ name: '中心会场', kind: 'central-meeting', secretBooth: true, staffCount: 12 }).ok).toBe(true);
    expect(checkPollingPlace({ name: '一组投票站', kind: 'polling-station', secretBooth: true, staffCount: 4 }).ok).toBe(true);
    expect(checkPollingPlace({ name: '1号流动票箱', kind: 'mobile-box', secretBooth: false, staffCount: MOBILE_BOX_MIN_STAFF }).ok).toBe(true);
  });

  it('refuses a station or central meeting without a secret booth', () => {
    for (const kind of ['central-meeting', 'polling-station'] as const) {
      expect(checkPollingPlace({ name: '二组投票站', kind, secretBooth: false, staffCount: 4 }).errors.map((e) => [e.code, e.rule])).toEqual([['NO_SECRET_BOOTH', 'E1']]);
    }
  });

  it('refuses a mobile box with two staff', () => {
    const report = checkPollingPlace({ name: '2号流动票箱', kind: 'mobile-box', secretBooth: false, staffCount: 2 });
    expect(report.errors).toEqual([
      { code: 'MOBILE_BOX_UNDERSTAFFED', rule: 'E2', message: '2号流动票箱只有 2 名工作人员，流动票箱应由 3 名以上工作人员负责（E2，民政部《村民委员会选举规程》）' },
    ]);
  });
});

describe('E3, E4, E5 proxies: in writing, to a near relative registered here, at most 3 per holder', () => {
  // 张大山 holds proxies for his family; the extended roll gives him more relatives.
  const cousinsRoll = voterRoll([...roll.values(), voter('v-s1', '张一'), voter('v-s2', '张二'), voter('v-s3', '张三'), voter('v-s4', '张四')]);
  const kin = indexKinship([
    { person: family.son.voterId, relative: family.father.voterId, kind: 'parent' },
    { person: family.daughter.voterId, relative: family.father.voterId, kind: 'parent' },
    { person: family.son.voterId, relative: family.daughter.voterId, kind: 'sibling' },
    { person: family.father.voterId, relative: family.mother.voterId, kind: 'spouse' },
    { person: family.father.voterId, relative: family.grandfather.voterId, kind: 'parent' },
    { person: family.father.voterId, relative: family.brother.voterId, kind: 'sibling' },
    ...['v-s1', 'v-s2', 'v-s3', 'v-s4'].map((id) => ({ person: id, relative: family.father.voterId, kind: 'sibling' as const })),
    { person: family.daughter.voterId, relative: family.sonInLaw.voterId, kind: 'spouse' },
    { person: others.elsewhere.voterId, relative: family.father.voterId, kind: 'sibling' },
  ]);
  const ctx = (over: Partial<ProxyContext> = {}): ProxyContext => ({
    communityId: HERE,
    roll: cousinsRoll,
    kinship: kin,
    proxies: [],
    candidateIds: new Set(),
    issued: new Set(),
    profile: national,
    ...over,
  });
  const proxy = (principal: { voterId: string }, holder: { voterId: string }, written = true): ProxyRecord => ({
    principalId: principal.voterId,
    holderId: holder.voterId,
    written,
  });
  const code = (p: ProxyRecord, c: ProxyContext = ctx()) => {
    const r = checkProxy(p, c);
    return r.ok ? 'OK' : `${r.code} ${r.rule}`;
  };

  it('records a written proxy from a son to his father', () => {
    expect(checkProxy(proxy(family.son, family.father), ctx())).toEqual({ ok: true, value: proxy(family.son, family.father) });
  });

  it('needs it in writing, and not to oneself', () => {
    expect(code(proxy(family.son, family.father, false))).toBe('PROXY_NOT_IN_WRITING E3');
    expect(code(proxy(family.son, family.son))).toBe('PROXY_TO_SELF E3');
  });

  it('needs both to be registered voters of this community', () => {
    expect(code(proxy({ voterId: 'v-x' }, family.father))).toBe('PRINCIPAL_NOT_REGISTERED_VOTER E3');
    expect(code(proxy(family.father, others.elsewhere))).toBe('PROXY_HOLDER_NOT_REGISTERED_VOTER E3');
    expect(code(proxy(others.elsewhere, family.father))).toBe('PRINCIPAL_NOT_REGISTERED_VOTER E3');
  });

  it('refuses a holder who is not a near relative (a neighbour, a son-in-law)', () => {
    const r = checkProxy(proxy(family.son, others.wang), ctx());
    expect(r).toMatchObject({ ok: false, code: 'PROXY_HOLDER_NOT_NEAR_RELATIVE', rule: 'E3' });
    if (!r.ok) expect(r.message).toContain('王明不是张小明的近亲属');
    expect(code(proxy(family.father, family.sonInLaw))).toBe('PROXY_HOLDER_NOT_NEAR_RELATIVE E3');
  });

  it('accepts the third principal and refuses a fourth for one holder (E4, national 3)', () => {
    const three = [proxy(family.son, family.father), proxy(family.daughter, family.father), proxy(family.mother, family.father)];
    expect(code(proxy(family.grandfather, family.father), ctx({ proxies: three.slice(0, 2) }))).toBe('OK');
    const r = checkProxy(proxy(family.grandfather, family.father), ctx({ proxies: three }));
    expect(r).toEqual({
      ok: false,
      code: 'PROXY_HOLDER_LIMIT',
      rule: 'E4',
      message: '张大山已接受 3 人委托，每名受托人接受委托不得超过 3 人（E4，民政部《村民委员会选举规程》）',
    });
  });

  it('follows the profile’s limit (2 in some provinces)', () => {
    const two = [proxy(family.son, family.father), proxy(family.daughter, family.father)];
    expect(code(proxy(family.mother, family.father), ctx({ proxies: two, profile: { ...national, maxPrincipalsPerProxy: 2 } }))).toBe('PROXY_HOLDER_LIMIT E4');
  });

  it('lets a principal give only one proxy', () => {
    expect(code(proxy(family.son, family.daughter), ctx({ proxies: [proxy(family.son, family.father)] }))).toBe('PRINCIPAL_ALREADY_DELEGATED E5');
  });

  it('refuses once the principal or the holder has been issued ballots', () => {
    expect(code(proxy(family.son, family.father), ctx({ issued: new Set([family.son.voterId]) }))).toBe('PRINCIPAL_ALREADY_VOTED E5');
    expect(code(proxy(family.son, family.father), ctx({ issued: new Set([family.father.voterId]) }))).toBe('PROXY_HOLDER_ALREADY_VOTED E7');
  });

  it('refuses chains: a holder who gave their own proxy, a principal who holds others’ votes', () => {
    expect(code(proxy(family.son, family.father), ctx({ proxies: [proxy(family.father, family.mother)] }))).toBe('PROXY_HOLDER_IS_PRINCIPAL E5');
    expect(code(proxy(family.father, family.mother), ctx({ proxies: [proxy(family.son, family.father)] }))).toBe('PRINCIPAL_IS_PROXY_HOLDER E5');
  });

  it('bars candidates from holding proxies unless the profile allows it (E5 option)', () => {
    const candidateIds = new Set([family.father.voterId]);
    expect(code(proxy(family.son, family.father), ctx({ candidateIds }))).toBe('CANDIDATE_MAY_NOT_HOLD_PROXY E5');
    expect(code(proxy(family.son, family.father), ctx({ candidateIds, profile: { ...national, candidatesMayHoldProxies: true } }))).toBe('OK');
    // a candidate may still give a proxy
    expect(code(proxy(family.father, family.son), ctx({ candidateIds }))).toBe('OK');
  });

  it('publishes holders and principals in stroke order with the kinship', () => {
    const proxies = [proxy(family.son, family.father), proxy(family.mother, family.father), proxy({ voterId: 'v-s1' }, family.brother)];
    expect(principalsOf(family.father.voterId, proxies)).toEqual([family.son.voterId, family.mother.voterId]);
    const kinWithBrother = indexKinship([
      { person: family.son.voterId, relative: family.father.voterId, kind: 'parent' },
      { person: family.father.voterId, relative: family.mother.voterId, kind: 'spouse' },
      { person: 'v-s1', relative: family.brother.voterId, kind: 'sibling' },
    ]);
    expect(proxyList(proxies, cousinsRoll, kinWithBrother)).toEqual([
      {
        holder: { voterId: family.brother.voterId, name: '张二山' },
        principals: [{ voterId: 'v-s1', name: '张一', relation: '兄弟姐妹' }],
      },
      {
        holder: { voterId: family.father.voterId, name: '张大山' },
        principals: [
          { voterId: family.mother.voterId, name: '李秀英', relation: '配偶' },
          { voterId: family.son.voterId, name: '张小明', relation: '父母' },
        ],
      },
    ]);
  });
});

describe('E5, E7 ballot issuance: once per voter; principals do not vote in person; holders carry their principals’ ballots', () => {
  const proxies: readonly ProxyRecord[] = [
    { principalId: family.son.voterId, holderId: family.father.voterId, written: true },
    { principalId: family.daughter.voterId, holderId: family.father.voterId, written: true },
  ];
  const ctx = (issued: readonly string[] = []): IssuanceContext => ({ communityId: HERE, roll, proxies, issued: new Set(issued) });

  it('issues a voter’s own ballot', () => {
    expect(checkBallotIssuance(others.wang.voterId, ctx())).toEqual({ ok: true, value: { voterId: 'v-wm', forVoterIds: ['v-wm'] } });
  });

  it('issues a proxy holder their own ballot and one per principal', () => {
    expect(checkBallotIssuance(family.father.voterId, ctx())).toEqual({
      ok: true,
      value: { voterId: family.father.voterId, forVoterIds: [family.father.voterId, family.son.voterId, family.daughter.voterId] },
    });
  });

  it('refuses a second issuance to the same voter', () => {
    expect(checkBallotIssuance(others.wang.voterId, ctx(['v-wm']))).toEqual({
      ok: false,
      code: 'BALLOT_ALREADY_ISSUED',
      rule: 'E7',
      message: '王明已领取过选票，每名选民只能领取一次（E7，民政部《村民委员会选举规程》）',
    });
  });

  it('refuses a principal who comes in person', () => {
    expect(checkBallotIssuance(family.son.voterId, ctx())).toEqual({
      ok: false,
      code: 'PRINCIPAL_VOTES_BY_PROXY',
      rule: 'E5',
      message: '张小明已书面委托张大山代为投票，不能再亲自投票（E5）',
    });
  });

  it('refuses someone not on this community’s list', () => {
    expect(checkBallotIssuance(others.elsewhere.voterId, ctx())).toMatchObject({ ok: false, code: 'NOT_REGISTERED_VOTER' });
    expect(checkBallotIssuance('v-x', ctx())).toMatchObject({ ok: false, code: 'NOT_REGISTERED_VOTER' });
  });

  it('never issues a principal’s ballot twice', () => {
    const result = checkBallotIssuance(family.father.voterId, ctx([family.son.voterId]));
    expect(result.ok && result.value.forVoterIds).toEqual([family.father.voterId, family.daughter.voterId]);
  });
});

describe('F1 live turnout: more than half of the registered voters', () => {
  it('is a majority only above one half', () => {
    expect(turnout(51, 100)).toEqual({ ballotsIssued: 51, registeredVoters: 100, rate: 0.51, majority: true });
    expect(turnout(50, 100).majority).toBe(false);
    expect(turnout(50, 99).majority).toBe(true);
    expect(turnout(0, 0)).toEqual({ ballotsIssued: 0, registeredVoters: 0, rate: 0, majority: false });
  });
});
