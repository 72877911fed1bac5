/** An election ready to count, set up through the real API: voters, seats, candidates, boxes, ballots issued. */
import { makeResidentId } from '@huanjie/domain';
import { CREATE_COMMUNITY, type TestClient } from './harness.ts';

export const VOTERS = ['王强', '张建国', '赵丽', '陈静', '黄芳', '刘伟', '杨明', '周军', '吴敏', '徐洋', '孙艳', '马超'];
export const CANDIDATES = [['王强', 'DIRECTOR'], ['张建国', 'DIRECTOR'], ['赵丽', 'MEMBER'], ['陈静', 'MEMBER'], ['黄芳', 'MEMBER']] as const;

export interface CountFixture {
  readonly electionId: string;
  readonly communityId: string;
  /** voter name → Voter id */
  readonly voter: Record<string, string>;
  /** candidate name → ballot mark ("c12") */
  readonly mark: Record<string, string>;
  readonly places: string[];
}

/** Director 1 and members 2; two boxes; the first `voting` voters get ballots (six at box 01). */
export async function setUpCount(admin: TestClient, code: string, voting = 10): Promise<CountFixture> {
  const q = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await admin.query(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  await q(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
  const c = await q(CREATE_COMMUNITY, { input: { code, name: '青山村', kind: 'VILLAGE', area: 'RURAL' } });
  const e: string = c.createCommunity.election.id;
  const rows = VOTERS.map((name, i) => `${name},${i % 2 ? '女' : '男'},${makeResidentId('510181', `19${60 + i}-01-01`, i % 2 ? 2 : 1)},一组`);
  await admin.upload(
    `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`,
    { e, file: null },
    { name: 'roll.csv', bytes: new TextEncoder().encode(['姓名,性别,身份证号,村民小组', ...rows].join('\n')), path: 'variables.file' },
  );
  const voter: Record<string, string> = {};
  for (const { node } of (await q(`query($e: ID!) { voters(electionId: $e, first: 50) { edges { node { id name } } } }`, { e })).voters.edges) voter[node.name] = node.id;
  await q(`mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 0, members: 2 }) { __typename } }`, { e });
  const mark: Record<string, string> = {};
  for (const [name, position] of CANDIDATES) {
    const added = await q(`mutation($e: ID!, $i: CandidateInput!) { addCandidate(electionId: $e, input: $i) { __typename ... on Candidate { id } } }`, { e, i: { voterId: voter[name], position } });
    mark[name] = `c${Buffer.from(added.addCandidate.id, 'base64').toString().split(':')[1]}`;
  }
  const places: string[] = [];
  for (const box of ['01', '02']) {
    const p = await q(`mutation($e: ID!, $b: String!) { createPollingPlace(electionId: $e, input: { kind: STATION, name: $b, boxNumber: $b }) { __typename ... on PollingPlace { id } } }`, { e, b: box });
    places.push(p.createPollingPlace.id);
  }
  for (const [i, name] of VOTERS.slice(0, voting).entries()) {
    await q(`mutation($e: ID!, $p: ID!, $v: ID!) { issueBallot(electionId: $e, placeId: $p, voterId: $v) { __typename } }`, { e, p: places[i < 6 ? 0 : 1], v: voter[name] });
  }
  return { electionId: e, communityId: c.createCommunity.id, voter, mark, places };
}
