import { describe, expect, it } from 'vitest';
import {
  ageBand,
  candidateProfile,
  checkCandidateEligibility,
  checkCompetitiveMargin,
  checkFormalList,
  checkFormalListPublication,
  checkNominationQuorum,
  countNominationSlip,
  formalCountRange,
  formalListDeadline,
  makeResidentId,
  orderCandidateList,
  plannedPositions,
  selectFormalCandidates,
  tallyNominations,
} from '../src/index.ts';
import type { FormalCandidate, FormalListInput, PlannedPosition, RankedNominee, RulesProfile, SeatPlan } from '../src/index.ts';
import { family, HERE, national, others, reservedWomen, roll, sichuan } from './support/preVote.ts';

const plan: SeatPlan = { committeeKind: 'village', director: 1, deputies: 1, members: 3 };
const positions = plannedPositions(plan, national);
const position = (id: 'director' | 'deputy' | 'member', profile: RulesProfile = national): PlannedPosition => {
  const p = plannedPositions(plan, profile).find((x) => x.id === id);
  if (p === undefined) throw new Error(id);
  return p;
};
const ref = (v: { voterId: string; name: string }) => ({ voterId: v.voterId, name: v.name });

describe('D6 a candidate must be a registered voter of the same community', () => {
  it('accepts a registered voter here and gives back the roll entry', () => {
    expect(checkCandidateEligibility(ref(others.wang), HERE, roll)).toEqual({ ok: true, value: others.wang });
  });

  it('refuses someone not on the voter list, naming the rule', () => {
    expect(checkCandidateEligibility({ voterId: 'v-x', name: '路人甲' }, HERE, roll)).toEqual({
      ok: false,
      code: 'CANDIDATE_NOT_REGISTERED_VOTER',
      rule: 'D6',
      message: '路人甲不在选民名单上，不能成为候选人：候选人须为本村(居)登记参加选举的村(居)民（D6，《村民委员会组织法》第十三条、第十五条）',
    });
  });

  it('refuses a voter registered in another community', () => {
    const result = checkCandidateEligibility(ref(others.elsewhere), HERE, roll);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('CANDIDATE_OF_OTHER_COMMUNITY');
  });
});

describe('D1 each nominating voter names at most the seats of each position', () => {
  const slip = (sections: { position: 'director' | 'deputy' | 'member'; nominees: { voterId: string; name: string }[] }[], nominatorId = others.ma.voterId) => ({
    nominatorId,
    sections,
  });

  it('counts a slip naming exactly the seats', () => {
    const result = countNominationSlip(
      slip([
        { position: 'director', nominees: [ref(others.wang)] },
        { position: 'member', nominees: [ref(others.liu), ref(others.chen), ref(others.zhao)] },
      ]),
      positions,
      HERE,
      roll,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        sections: [
          { position: 'director', voterIds: ['v-wm'] },
          { position: 'member', voterIds: ['v-lf', 'v-cj', 'v-zl'] },
        ],
        problems: [],
      },
    });
  });

  it('voids a section naming one more than the seats, and keeps the other sections', () => {
    const result = countNominationSlip(
      slip([
        { position: 'director', nominees: [ref(others.wang), ref(others.liu)] },
        { position: 'deputy', nominees: [ref(others.chen)] },
      ]),
      positions,
      HERE,
      roll,
    );
    if (!result.ok) throw new Error('refused');
    expect(result.value.sections).toEqual([{ position: 'deputy', voterIds: ['v-cj'] }]);
    expect(result.value.problems).toEqual([
      { code: 'NOMINATION_OVER_SEATS', rule: 'D1', message: '主任一栏提名 2 人，超过应选名额 1 名，该栏无效（D1，《村民委员会组织法》第十五条）' },
    ]);
  });

  it('counts a name written twice once, and drops names not registered here (D6)', () => {
    const result = countNominationSlip(
      slip([{ position: 'member', nominees: [ref(others.liu), ref(others.liu), ref(others.elsewhere), { voterId: 'v-x', name: '路人甲' }] }]),
      positions,
      HERE,
      roll,
    );
    if (!result.ok) throw new Error('refused');
    expect(result.value.sections).toEqual([{ position: 'member', voterIds: ['v-lf'] }]);
    expect(result.value.problems.map((p) => p.code)).toEqual(['NOMINATION_DUPLICATE', 'CANDIDATE_OF_OTHER_COMMUNITY', 'CANDIDATE_NOT_REGISTERED_VOTER']);
  });

  it('voids a section for a position without seats', () => {
    const noDeputy = plannedPositions({ ...plan, deputies: 0, members: 4 }, national);
    const result = countNominationSlip(slip([{ position: 'deputy', nominees: [ref(others.chen)] }]), noDeputy, HERE, roll);
    if (!result.ok) throw new Error('refused');
    expect(result.value.sections).toEqual([]);
    expect(result.value.problems.map((p) => p.code)).toEqual(['NOMINATION_UNKNOWN_POSITION']);
  });

  it('refuses a slip from someone not registered in the community', () => {
    const result = countNominationSlip(slip([], others.elsewhere.voterId), positions, HERE, roll);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.code, result.rule]).toEqual(['NOMINATOR_NOT_REGISTERED_VOTER', 'D1']);
  });
});

describe('D1 nominations entered per group are added up per position', () => {
  it('adds the groups, ranks by nominations and breaks equal counts by stroke order', () => {
    const tally = tallyNominations(
      [
        { groupName: '一组', position: 'director', voterId: others.wang.voterId, name: '王明', nominations: 30 },
        { groupName: '二组', position: 'director', voterId: others.wang.voterId, name: '王明', nominations: 12 },
        { groupName: '一组', position: 'director', voterId: others.zhao.voterId, name: '赵磊', nominations: 20 },
        { groupName: '二组', position: 'director', voterId: others.ma.voterId, name: '马刚', nominations: 20 },
        { groupName: '二组', position: 'director', voterId: others.chen.voterId, name: '陈杰', nominations: 0 },
        { groupName: '一组', position: 'member', voterId: others.liu.voterId, name: '刘芳', nominations: 9 },
      ],
      positions,
      HERE,
      roll,
    );
    expect(tally.problems).toEqual([]);
    expect(tally.positions).toEqual([
      {
        position: 'director',
        nominees: [
          { voterId: 'v-wm', name: '王明', nominations: 42 },
          { voterId: 'v-mg', name: '马刚', nominations: 20 }, // 马 (3 strokes) before 赵 (9)
          { voterId: 'v-zl', name: '赵磊', nominations: 20 },
        ],
      },
      { position: 'deputy', nominees: [] },
      { position: 'member', nominees: [{ voterId: 'v-lf', name: '刘芳', nominations: 9 }] },
    ]);
  });

  it('leaves out bad counts, positions without seats and people not registered here, saying why', () => {
    const noDeputy = plannedPositions({ ...plan, deputies: 0, members: 4 }, national);
    const tally = tallyNominations(
      [
        { groupName: '一组', position: 'director', voterId: others.wang.voterId, name: '王明', nominations: -1 },
        { groupName: '一组', position: 'director', voterId: others.wang.voterId, name: '王明', nominations: 2.5 },
        { groupName: '一组', position: 'deputy', voterId: others.wang.voterId, name: '王明', nominations: 3 },
        { groupName: '一组', position: 'member', voterId: 'v-x', name: '路人甲', nominations: 3 },
        { groupName: '二组', position: 'member', voterId: 'v-x', name: '路人甲', nominations: 5 },
      ],
      noDeputy,
      HERE,
      roll,
    );
    expect(tally.problems.map((p) => p.code)).toEqual([
      'NOMINATION_COUNT_INVALID',
      'NOMINATION_COUNT_INVALID',
      'NOMINATION_UNKNOWN_POSITION',
      'CANDIDATE_NOT_REGISTERED_VOTER',
    ]);
    expect(tally.problems[3]?.message).toContain('路人甲不在选民名单上');
    expect(tally.positions.every((p) => p.nominees.length === 0)).toBe(true);
  });
});

describe('D1 the nomination is valid when more than half of the registered voters take part (option nominationQuorum)', () => {
  const groups = (a: number, b: number) => [
    { groupName: '一组', participants: a },
    { groupName: '二组', participants: b },
  ];

  it('accepts one more than half', () => {
    expect(checkNominationQuorum(groups(30, 21), 100, national)).toEqual({ ok: true, value: { participants: 51, registeredVoters: 100 } });
  });

  it('refuses exactly half', () => {
    const result = checkNominationQuorum(groups(30, 20), 100, national);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('NOMINATION_QUORUM_NOT_MET');
      expect(result.message).toBe('参加提名的村(居)民 50 人，未超过登记参加选举的村(居)民 100 人的半数，提名无效（D1，本省选举办法）');
    }
  });

  it('accepts any participation when the profile does not require the quorum', () => {
    expect(checkNominationQuorum(groups(1, 0), 100, { ...national, nominationQuorum: false }).ok).toBe(true);
  });
});

describe('D2 competitive margin: more formal candidates than seats, by the profile’s margin', () => {
  it('national: at least one more than seats, no upper bound', () => {
    expect(formalCountRange(position('director'), national)).toEqual({ min: 2, max: null });
    expect(checkCompetitiveMargin(position('director'), 1, national)).toEqual({
      ok: false,
      code: 'MARGIN_TOO_SMALL',
      rule: 'D2',
      message: '主任应选 1 名，正式候选人 1 名，应不少于 2 名：实行差额选举，候选人须多于应选名额（D2，《村民委员会组织法》第十五条）',
    });
    expect(checkCompetitiveMargin(position('director'), 2, national).ok).toBe(true);
    expect(checkCompetitiveMargin(position('member'), 3, national).ok).toBe(false);
    expect(checkCompetitiveMargin(position('member'), 4, national).ok).toBe(true);
    expect(checkCompetitiveMargin(position('member'), 20, national).ok).toBe(true);
  });

  it('sichuan: director and deputy exactly one more; members one to three more', () => {
    expect(checkCompetitiveMargin(position('director'), 2, sichuan).ok).toBe(true);
    expect(checkCompetitiveMargin(position('director'), 3, sichuan)).toMatchObject({ ok: false, code: 'MARGIN_TOO_LARGE' });
    expect(checkCompetitiveMargin(position('deputy'), 3, sichuan).ok).toBe(false);
    expect(formalCountRange(position('member'), sichuan)).toEqual({ min: 4, max: 6 });
    expect(checkCompetitiveMargin(position('member'), 3, sichuan).ok).toBe(false);
    expect(checkCompetitiveMargin(position('member'), 4, sichuan).ok).toBe(true);
    expect(checkCompetitiveMargin(position('member'), 6, sichuan).ok).toBe(true);
    const seven = checkCompetitiveMargin(position('member'), 7, sichuan);
    expect(seven.ok).toBe(false);
    if (!seven.ok) expect(seven.message).toBe('委员应选 3 名，正式候选人 7 名，应为 4 至 6 名，超过本省规定的差额（D2，本省选举办法）');
  });
});

describe('D1, D2 from preliminary to formal candidates', () => {
  const nominee = (v: { voterId: string; name: string }, votes: number): RankedNominee => ({ voterId: v.voterId, name: v.name, votes });
  const prelim = [nominee(others.zhao, 20), nominee(others.wang, 42), nominee(others.ma, 15), nominee(others.chen, 0)];

  it('takes the top seats + margin.min by default', () => {
    const result = selectFormalCandidates(position('director'), prelim, national);
    expect(result).toEqual({
      ok: true,
      value: { position: position('director'), selected: [nominee(others.wang, 42), nominee(others.zhao, 20)], tied: [], placesForTied: 0, problems: [] },
    });
  });

  it('takes the count the committee chose, within the margin', () => {
    const result = selectFormalCandidates(position('director'), prelim, national, 3);
    expect(result.ok && result.value.selected.map((n) => n.name)).toEqual(['王明', '赵磊', '马刚']);
    expect(selectFormalCandidates(position('director'), prelim, sichuan, 3)).toMatchObject({ ok: false, code: 'MARGIN_TOO_LARGE' });
    expect(selectFormalCandidates(position('director'), prelim, national, 1)).toMatchObject({ ok: false, code: 'MARGIN_TOO_SMALL' });
  });

  it('does not break a tie across the cut: the tied go to a further vote', () => {
    const tiedPrelim = [nominee(others.wang, 42), nominee(others.zhao, 20), nominee(others.ma, 20), nominee(others.chen, 5)];
    const result = selectFormalCandidates(position('director'), tiedPrelim, national);
    if (!result.ok) throw new Error('refused');
    expect(result.value.selected.map((n) => n.name)).toEqual(['王明']);
    expect(result.value.tied.map((n) => n.name)).toEqual(['马刚', '赵磊']);
    expect(result.value.placesForTied).toBe(1);
    expect(result.value.problems[0]?.code).toBe('TIE_AT_CUTOFF');
    // a tie inside the cut is no problem
    const inside = selectFormalCandidates(position('director'), tiedPrelim, national, 3);
    expect(inside.ok && inside.value.problems).toEqual([]);
  });

  it('refuses when fewer people have nominations than the formal count (a non-competitive election)', () => {
    const result = selectFormalCandidates(position('director'), [nominee(others.wang, 42), nominee(others.chen, 0)], national);
    expect(result).toMatchObject({ ok: false, code: 'NOT_ENOUGH_NOMINEES', rule: 'D2' });
  });

  it('has no formal list under the no-candidates method (D7)', () => {
    expect(selectFormalCandidates(position('director'), prelim, { ...national, method: 'no-candidates' })).toMatchObject({
      ok: false,
      code: 'METHOD_HAS_NO_CANDIDATES',
      rule: 'D7',
    });
  });
});

describe('D2, D3, D5, D6, A2 the formal list as a whole', () => {
  const c = (v: { voterId: string; name: string }, pos: 'director' | 'deputy' | 'member', commitmentSigned = true): FormalCandidate => ({
    voterId: v.voterId,
    name: v.name,
    position: pos,
    commitmentSigned,
  });
  const good: readonly FormalCandidate[] = [
    c(others.wang, 'director'),
    c(others.zhao, 'director'),
    c(others.chen, 'deputy'),
    c(others.ma, 'deputy'),
    c(others.liu, 'member'),
    c(others.zhou, 'member'),
    c(others.wu, 'member'),
    c(others.sun, 'member'),
  ];
  const input = (over: Partial<FormalListInput> = {}): FormalListInput => ({
    communityId: HERE,
    positions,
    candidates: good,
    roll,
    profile: national,
    electionDay: '2026-12-20',
    publishedOn: '2026-12-15',
    ...over,
  });
  const codes = (over: Partial<FormalListInput>) => {
    const r = checkFormalList(input(over));
    return { errors: r.errors.map((e) => e.code), warnings: r.warnings.map((w) => w.code) };
  };

  it('accepts a complete, competitive list published on the last allowed day', () => {
    expect(checkFormalList(input())).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('refuses a candidate not on the voter list (D6)', () => {
    const withStranger = [...good, { voterId: 'v-x', name: '路人甲', position: 'member' as const, commitmentSigned: true }];
    expect(codes({ candidates: withStranger }).errors).toEqual(['CANDIDATE_NOT_REGISTERED_VOTER']);
  });

  it('refuses a position without its margin (D2), per position', () => {
    expect(codes({ candidates: good.filter((x) => x.name !== '赵磊') }).errors).toEqual(['MARGIN_TOO_SMALL']);
    expect(codes({ candidates: good, profile: sichuan }).errors).toEqual([]);
    const fourDirectors = [...good, c(family.father, 'director'), c(family.brother, 'director')];
    expect(codes({ candidates: fourDirectors, profile: sichuan }).errors).toEqual(['MARGIN_TOO_LARGE']);
  });

  it('refuses the same person twice for a position, and warns when someone stands for two', () => {
    expect(codes({ candidates: [...good, c(others.wang, 'director')] }).errors).toEqual(['DUPLICATE_CANDIDATE']);
    const both = codes({ candidates: [...good, c(others.wang, 'member')] });
    expect(both.errors).toEqual([]);
    expect(both.warnings).toEqual(['CANDIDATE_FOR_SEVERAL_POSITIONS']);
  });

  it('refuses a candidate for a position the plan does not have', () => {
    const noDeputy = plannedPositions({ ...plan, deputies: 0, members: 4 }, national);
    const r = codes({ positions: noDeputy, candidates: [...good.filter((x) => x.position !== 'deputy'), c(others.chen, 'deputy'), c(others.ma, 'member')] });
    expect(r.errors).toEqual(['CANDIDATE_POSITION_NOT_PLANNED']);
  });

  it('warns when no woman stands (A2)', () => {
    const men = [c(others.wang, 'director'), c(others.zhao, 'director'), c(others.chen, 'deputy'), c(others.ma, 'deputy'), c(others.zhou, 'member'), c(others.wu, 'member'), c(family.father, 'member'), c(family.son, 'member')];
    expect(codes({ candidates: men })).toEqual({ errors: [], warnings: ['NO_WOMAN_CANDIDATE'] });
  });

  it('needs a woman among the member candidates when a member seat is reserved for women (A2, F8)', () => {
    const reserved = plannedPositions(plan, reservedWomen);
    expect(codes({ positions: reserved, profile: reservedWomen }).errors).toEqual([]);
    // the only women stand for director and deputy
    const womenElsewhere = [c(others.liu, 'director'), c(others.zhao, 'director'), c(others.sun, 'deputy'), c(others.ma, 'deputy'), c(others.zhou, 'member'), c(others.wu, 'member'), c(family.father, 'member'), c(family.son, 'member')];
    const r = checkFormalList(input({ positions: reserved, profile: reservedWomen, candidates: womenElsewhere }));
    expect(r.errors.map((e) => [e.code, e.rule])).toEqual([['NO_WOMAN_MEMBER_CANDIDATE', 'A2']]);
  });

  it('warns for each unsigned commitment letter (D5) without blocking', () => {
    const unsigned = good.map((x) => (x.name === '王明' ? { ...x, commitmentSigned: false } : x));
    const r = checkFormalList(input({ candidates: unsigned }));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([{ code: 'COMMITMENT_NOT_SIGNED', rule: 'D5', message: '王明（主任候选人）尚未签订竞争承诺书（D5）' }]);
  });

  it('refuses a list published less than 5 days before election day, or not published after the deadline (D3)', () => {
    expect(codes({ publishedOn: '2026-12-16' }).errors).toEqual(['FORMAL_LIST_LATE']);
    expect(codes({ publishedOn: null, today: '2026-12-15' }).errors).toEqual([]);
    expect(codes({ publishedOn: null, today: '2026-12-16' }).errors).toEqual(['FORMAL_LIST_OVERDUE']);
    expect(codes({ publishedOn: null }).errors).toEqual([]);
  });

  it('under the no-candidates method (D7) a formal list is itself the error', () => {
    const none = { ...national, method: 'no-candidates' as const };
    expect(codes({ profile: none }).errors).toEqual(['METHOD_HAS_NO_CANDIDATES']);
    expect(checkFormalList(input({ profile: none, candidates: [] }))).toEqual({ ok: true, errors: [], warnings: [] });
  });
});

describe('D3 publication deadline and published order', () => {
  it('is due 5 days before election day, the deadline day itself in time', () => {
    expect(formalListDeadline('2026-12-20')).toBe('2026-12-15');
    expect(checkFormalListPublication('2026-12-15', '2026-12-20')).toEqual({ ok: true, value: { deadline: '2026-12-15' } });
    expect(checkFormalListPublication('2026-12-01', '2026-12-20').ok).toBe(true);
    const late = checkFormalListPublication('2026-12-16', '2026-12-20');
    expect(late).toEqual({
      ok: false,
      code: 'FORMAL_LIST_LATE',
      rule: 'D3',
      message: '正式候选人名单于 2026-12-16 公布，距选举日 2026-12-20 不足 5 日，应于 2026-12-15 前公布（D3，民政部《村民委员会选举规程》）',
    });
    expect(formalListDeadline('2027-03-03')).toBe('2027-02-26'); // across a month end
  });

  it('orders the list by surname strokes, or by votes when the profile says so', () => {
    const list = [
      { name: '赵磊', votes: 10 },
      { name: '王明', votes: 30 },
      { name: '马刚', votes: 30 },
      { name: '刘芳', votes: 50 },
    ];
    expect(orderCandidateList(list, national).map((x) => x.name)).toEqual(['马刚', '王明', '刘芳', '赵磊']);
    expect(orderCandidateList(list, { ...national, listOrder: 'nomination-votes' }).map((x) => x.name)).toEqual(['刘芳', '马刚', '王明', '赵磊']);
  });
});

describe('C2, H the candidate’s profile: sex and age from the ID number, age band, education, party, incumbent', () => {
  const electionDay = '2026-12-20';
  const id = (birth: string, seq: number) => makeResidentId('510181', birth, seq);

  it('derives sex, birth date and age on election day from the ID number', () => {
    const result = candidateProfile({ name: '刘芳', residentId: id('1980-05-01', 2), education: 'senior-secondary', partyMember: true, incumbent: false }, electionDay, national);
    expect(result).toEqual({
      ok: true,
      value: {
        name: '刘芳',
        sex: 'F',
        birthDate: '1980-05-01',
        age: 46,
        ageBand: { index: 2, min: 46, max: 55, titleZh: '46—55岁' },
        education: 'senior-secondary',
        partyMember: true,
        incumbent: false,
      },
    });
  });

  it('counts a birthday on election day as a year older', () => {
    const on = candidateProfile({ name: '王明', residentId: id('1991-12-20', 11), education: null, partyMember: false, incumbent: true }, electionDay, national);
    const after = candidateProfile({ name: '王明', residentId: id('1991-12-21', 11), education: null, partyMember: false, incumbent: true }, electionDay, national);
    expect(on.ok && on.value.age).toBe(35);
    expect(on.ok && on.value.sex).toBe('M');
    expect(after.ok && after.value.age).toBe(34);
  });

  it('refuses an invalid ID number with its reason', () => {
    const bad = candidateProfile({ name: '王明', residentId: '510181199112201234', education: null, partyMember: false, incumbent: false }, electionDay, national);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_RESIDENT_ID', rule: 'C2' });
    if (!bad.ok) expect(bad.message).toContain('校验码错误');
  });

  it.each([
    [18, '35岁以下'],
    [34, '35岁以下'],
    [35, '35—45岁'],
    [45, '35—45岁'],
    [46, '46—55岁'],
    [55, '46—55岁'],
    [56, '55岁以上'],
    [90, '55岁以上'],
  ])('puts age %i in the band %s', (age, title) => {
    expect(ageBand(age, national).titleZh).toBe(title);
  });

  it('follows the profile’s own bands', () => {
    const bands: RulesProfile = { ...national, ageBands: [39, 59] };
    expect([30, 40, 59, 60].map((a) => ageBand(a, bands).titleZh)).toEqual(['40岁以下', '40—59岁', '40—59岁', '59岁以上']);
  });
});
