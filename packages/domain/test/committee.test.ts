import { describe, expect, it } from 'vitest';
import { checkElectionCommittee, voterRoll, withdrawCandidatesFromCommittee } from '../src/index.ts';
import type { ElectionCommittee, ElectionCommitteeMember, RulesProfile } from '../src/index.ts';
import { family, HERE, national, others, roll, sichuan, voter } from './support/preVote.ts';

const chair = (v: { voterId: string; name: string }): ElectionCommitteeMember => ({ voterId: v.voterId, name: v.name, role: 'chair' });
const member = (v: { voterId: string; name: string }): ElectionCommitteeMember => ({ voterId: v.voterId, name: v.name, role: 'member' });

const five: ElectionCommittee = {
  communityId: HERE,
  members: [chair(others.wang), member(others.liu), member(others.chen), member(others.zhao), member(others.sun)],
  reserve: [
    { voterId: others.zhou.voterId, name: others.zhou.name, votes: 40 },
    { voterId: others.wu.voterId, name: others.wu.name, votes: 52 },
    { voterId: others.he.voterId, name: others.he.name, votes: 31 },
  ],
};

describe('B1 the election committee: a chair and members, registered voters of the community', () => {
  it('accepts five registered voters with one chair', () => {
    expect(checkElectionCommittee(five, roll, national)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('refuses a member who is not a registered voter here (not on the roll, or registered elsewhere)', () => {
    const bad: ElectionCommittee = { ...five, members: [...five.members.slice(0, 3), member(others.elsewhere), member({ voterId: 'v-nobody', name: '无名' })] };
    const report = checkElectionCommittee(bad, roll, national);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.code, e.rule])).toEqual([
      ['MEMBER_NOT_REGISTERED_VOTER', 'B1'],
      ['MEMBER_NOT_REGISTERED_VOTER', 'B1'],
    ]);
    expect(report.errors[0]?.message).toBe('钱多不是本村(居)登记参加选举的村(居)民，不能担任选举委员会成员（B1，《村民委员会组织法》第十二条）');
  });

  it('needs exactly one chair', () => {
    const none: ElectionCommittee = { ...five, members: five.members.map((m) => ({ ...m, role: 'member' as const })) };
    expect(checkElectionCommittee(none, roll, national).errors.map((e) => e.code)).toEqual(['ONE_CHAIR']);
    const two: ElectionCommittee = { ...five, members: [...five.members.slice(0, 4), chair(others.sun)] };
    expect(checkElectionCommittee(two, roll, national).errors[0]?.message).toContain('现有 2 名');
  });

  it('refuses the same person twice', () => {
    const dup: ElectionCommittee = { ...five, members: [...five.members, member(others.liu), member(others.zhou), member(others.wu)] };
    const report = checkElectionCommittee(dup, roll, national);
    expect(report.errors.map((e) => e.code)).toEqual(['DUPLICATE_MEMBER']);
    expect(report.errors[0]?.message).toBe('刘芳在选举委员会名单中重复出现（B1）');
    expect(report.warnings).toEqual([]); // counted once: 7 people, a usual size
  });
});

describe('B1 size: typically an odd number from 5 to 9 (profile electionCommitteeSize)', () => {
  const sized = (n: number): ElectionCommittee => {
    const people = Array.from({ length: n }, (_, i) => voter(`v-s${i}`, `成员${i}`));
    return { communityId: HERE, members: people.map((p, i) => (i === 0 ? chair(p) : member(p))), reserve: [] };
  };
  const bigRoll = voterRoll(Array.from({ length: 12 }, (_, i) => voter(`v-s${i}`, `成员${i}`)));

  it('warns, without blocking, at 3, 4, 6, 8 and 11 people; 5, 7 and 9 are usual', () => {
    for (const n of [5, 7, 9]) expect(checkElectionCommittee(sized(n), bigRoll, national).warnings, String(n)).toEqual([]);
    for (const n of [3, 4, 6, 8, 11]) {
      const report = checkElectionCommittee(sized(n), bigRoll, national);
      expect(report.ok, String(n)).toBe(true);
      expect(report.warnings.map((w) => w.code), String(n)).toEqual(['ELECTION_COMMITTEE_SIZE']);
    }
    expect(checkElectionCommittee(sized(6), bigRoll, sichuan).warnings[0]?.message).toBe(
      '选举委员会共 6 人，一般应为 5 至 9 人的单数（B1，本省选举办法）',
    );
  });

  it('makes the size an error when a profile makes it binding, and ignores parity when odd is off', () => {
    const binding: RulesProfile = { ...national, electionCommitteeSize: { min: 5, max: 9, odd: true, binding: true } };
    expect(checkElectionCommittee(sized(4), bigRoll, binding).errors.map((e) => e.code)).toEqual(['ELECTION_COMMITTEE_SIZE']);
    const anyParity: RulesProfile = { ...national, electionCommitteeSize: { min: 5, max: 9, odd: false, binding: false } };
    expect(checkElectionCommittee(sized(6), bigRoll, anyParity).warnings).toEqual([]);
  });
});

describe('B2 a member nominated as a candidate leaves; the next in the original vote fills the seat', () => {
  it('changes nothing when no member is a candidate', () => {
    const result = withdrawCandidatesFromCommittee(five, [family.father], roll);
    expect(result).toEqual({ committee: five, removals: [], replacements: [], issues: [] });
  });

  it('removes the member with the reason, and the reserve with the most votes takes the seat in place', () => {
    const result = withdrawCandidatesFromCommittee(five, [others.chen], roll);
    expect(result.removals).toEqual([
      {
        member: member(others.chen),
        code: 'MEMBER_BECAME_CANDIDATE',
        rule: 'B2',
        message: '陈杰被提名为村(居)民委员会成员候选人，应当退出选举委员会（B2，《村民委员会组织法》第十二条）',
      },
    ]);
    expect(result.replacements.map((r) => [r.replaces.name, r.by.name])).toEqual([['陈杰', '吴军']]);
    expect(result.replacements[0]?.message).toBe('吴军按原推选得票（52 票）依次递补陈杰的空缺（B2，《村民委员会组织法》第十二条）');
    expect(result.committee.members.map((m) => m.name)).toEqual(['王明', '刘芳', '吴军', '赵磊', '孙丽']);
    expect(result.committee.reserve.map((r) => r.name)).toEqual(['周勇', '何敏']);
    expect(result.issues).toEqual([]);
  });

  it('fills several vacancies in vote order and skips reserves who are candidates themselves', () => {
    const result = withdrawCandidatesFromCommittee(five, [others.liu, others.zhao, others.wu], roll);
    expect(result.removals.map((r) => r.member.name)).toEqual(['刘芳', '赵磊']);
    expect(result.replacements.map((r) => [r.replaces.name, r.by.name])).toEqual([
      ['刘芳', '周勇'],
      ['赵磊', '何敏'],
    ]);
  });

  it('skips reserves who are not registered voters here or already members', () => {
    const committee: ElectionCommittee = {
      ...five,
      reserve: [
        { voterId: others.elsewhere.voterId, name: others.elsewhere.name, votes: 90 },
        { voterId: others.liu.voterId, name: others.liu.name, votes: 80 },
        { voterId: others.he.voterId, name: others.he.name, votes: 10 },
      ],
    };
    const result = withdrawCandidatesFromCommittee(committee, [others.sun], roll);
    expect(result.replacements.map((r) => r.by.name)).toEqual(['何敏']);
  });

  it('reports a vacancy it cannot fill when the reserve runs out', () => {
    const result = withdrawCandidatesFromCommittee({ ...five, reserve: [] }, [others.sun], roll);
    expect(result.replacements).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.rule])).toEqual([['RESERVE_EXHAUSTED', 'B2']]);
    expect(result.committee.members.map((m) => m.name)).toEqual(['王明', '刘芳', '陈杰', '赵磊']);
  });

  it('does not break a tie for the next place, but fills it when there are seats for all the tied', () => {
    const tiedReserve: ElectionCommittee = {
      ...five,
      reserve: [
        { voterId: others.zhou.voterId, name: others.zhou.name, votes: 40 },
        { voterId: others.wu.voterId, name: others.wu.name, votes: 40 },
      ],
    };
    const one = withdrawCandidatesFromCommittee(tiedReserve, [others.sun], roll);
    expect(one.replacements).toEqual([]);
    expect(one.issues.map((i) => i.code)).toEqual(['RESERVE_TIED']);
    expect(one.issues[0]?.message).toContain('周勇、吴军得票相等（40 票）');
    const two = withdrawCandidatesFromCommittee(tiedReserve, [others.sun, others.zhao], roll);
    expect(two.issues).toEqual([]);
    expect(two.replacements.map((r) => r.by.name).sort()).toEqual(['吴军', '周勇'].sort());
  });

  it('flags the chair’s seat: the replacement joins as a member and a new chair must be chosen', () => {
    const result = withdrawCandidatesFromCommittee(five, [others.wang], roll);
    expect(result.committee.members[0]).toEqual(member(others.wu));
    expect(result.committee.members.some((m) => m.role === 'chair')).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['CHAIR_VACANT']);
    expect(result.issues[0]?.message).toContain('选举委员会主任王明退出');
  });
});
