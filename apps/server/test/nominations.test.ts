/**
 * Direct nomination (海选, rules.md D1–D2) through the API: counts per group, the quorum, the
 * preliminary list, and the formal candidates chosen within the competitive margin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@huanjie/domain';
import { CREATE_COMMUNITY, createTestApp, type TestApp, type TestClient } from './harness.ts';

const NAMES = ['王强', '张建国', '赵丽', '陈静', '黄芳', '刘伟', '杨明', '周军', '吴敏', '徐洋'];

describe('direct nomination', () => {
  let app: TestApp;
  let admin: TestClient;
  let e: string;
  const id: Record<string, string> = {};
  const q = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await admin.query(query, { e, ...variables });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const ENTER = `mutation($e: ID!, $g: String!, $p: Int!, $c: [GroupNominationInput!]!) { enterGroupNominations(electionId: $e, groupName: $g, participants: $p, counts: $c) {
    __typename ... on NominationState { participants registered quorumProblem positions { position nominees { name nominations } } } ... on Error { code message } } }`;

  beforeAll(async () => {
    app = await createTestApp('2026-11-25');
    admin = await app.signedIn();
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    const c = await admin.query(CREATE_COMMUNITY, { input: { code: 'N001', name: '河坝村', kind: 'VILLAGE', area: 'RURAL' } });
    e = c.data.createCommunity.election.id;
    const rows = NAMES.map((n, i) => `${n},${i % 2 ? '女' : '男'},${makeResidentId('510181', `19${70 + i}-03-03`, i % 2 ? 4 : 3)},${i < 5 ? '一组' : '二组'}`);
    await admin.upload(`mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`, { e, file: null }, {
      name: 'roll.csv', bytes: new TextEncoder().encode(['姓名,性别,身份证号,村民小组', ...rows].join('\n')), path: 'variables.file',
    });
    for (const { node } of (await q(`query($e: ID!) { voters(electionId: $e, first: 20) { edges { node { id name } } } }`)).voters.edges) id[node.name] = node.id;
    await q(`mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 0, members: 2 }) { __typename } }`);
  });
  afterAll(() => app.close());

  it('adds up group counts; the nomination is not valid until more than half took part (D1)', async () => {
    const one = await q(ENTER, { g: '一组', p: 5, c: [
      { voterId: id['王强'], position: 'DIRECTOR', nominations: 4 },
      { voterId: id['张建国'], position: 'DIRECTOR', nominations: 1 },
      { voterId: id['赵丽'], position: 'MEMBER', nominations: 3 },
      { voterId: id['陈静'], position: 'MEMBER', nominations: 2 },
    ] });
    expect(one.enterGroupNominations).toMatchObject({ participants: 5, registered: 10, quorumProblem: expect.stringContaining('未超过') });
    const early = await q(`mutation($e: ID!) { publishPreliminaryList(electionId: $e) { __typename ... on Error { code } } }`);
    expect(early.publishPreliminaryList).toEqual({ __typename: 'UserError', code: 'NOMINATION_QUORUM_NOT_MET' });
    const two = await q(ENTER, { g: '二组', p: 3, c: [
      { voterId: id['张建国'], position: 'DIRECTOR', nominations: 2 },
      { voterId: id['黄芳'], position: 'MEMBER', nominations: 3 },
      { voterId: id['刘伟'], position: 'MEMBER', nominations: 1 },
    ] });
    expect(two.enterGroupNominations.quorumProblem).toBeNull();
    expect(two.enterGroupNominations.positions).toEqual([
      { position: 'DIRECTOR', nominees: [{ name: '王强', nominations: 4 }, { name: '张建国', nominations: 3 }] },
      { position: 'MEMBER', nominees: [{ name: '赵丽', nominations: 3 }, { name: '黄芳', nominations: 3 }, { name: '陈静', nominations: 2 }, { name: '刘伟', nominations: 1 }] },
    ]);
  });

  it('refuses a count larger than the group’s participants, changing nothing', async () => {
    const tooMany = await q(ENTER, { g: '二组', p: 3, c: [{ voterId: id['黄芳'], position: 'MEMBER', nominations: 4 }] });
    expect(tooMany.enterGroupNominations.code).toBe('INVALID_NUMBER');
  });

  it('publishes the preliminary list and chooses the formal candidates within the margin (D2)', async () => {
    const pub = await q(`mutation($e: ID!) { publishPreliminaryList(electionId: $e) { __typename } }`);
    expect(pub.publishPreliminaryList.__typename).toBe('NominationState');
    const prelim = await q(`query($e: ID!) { node(id: $e) { ... on Election { candidates(stage: PRELIMINARY) { name position votes } } } }`);
    expect(prelim.node.candidates).toHaveLength(6);
    const tooFew = await q(`mutation($e: ID!) { chooseFormalCandidates(electionId: $e, position: MEMBER, formalCount: 2) { __typename ... on Error { code message } } }`);
    expect(tooFew.chooseFormalCandidates).toMatchObject({ code: 'MARGIN_TOO_SMALL' });
    const director = await q(`mutation($e: ID!) { chooseFormalCandidates(electionId: $e, position: DIRECTOR) { __typename ... on FormalChoice { chosen } } }`);
    expect(director.chooseFormalCandidates).toEqual({ __typename: 'FormalChoice', chosen: 2 });
    const members = await q(`mutation($e: ID!) { chooseFormalCandidates(electionId: $e, position: MEMBER) { __typename ... on FormalChoice { chosen } ... on Error { code } } }`);
    expect(members.chooseFormalCandidates).toEqual({ __typename: 'FormalChoice', chosen: 3 });
    const formal = await q(`query($e: ID!) { node(id: $e) { ... on Election { candidates(stage: FORMAL) { name position } } } }`);
    expect(formal.node.candidates.filter((c: { position: string }) => c.position === 'MEMBER').map((c: { name: string }) => c.name).sort()).toEqual(['赵丽', '陈静', '黄芳'].sort());
  });
});
