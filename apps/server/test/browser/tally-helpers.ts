/**
 * Helpers of the counting-day browser test: a GraphQL client with its own cookie jar against the
 * real server, and an election set up through the API the way tally.test.ts does it.
 */
import { makeResidentId } from '@huanjie/domain';

type Json = Record<string, any>; // test-only: shapes are asserted where they are used

export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly url: string) {}

  private async send(init: RequestInit): Promise<Json> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${this.url}/graphql`, { ...init, method: 'POST', headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name, value.join('='));
    }
    const body = (await response.json()) as Json;
    if (body['errors']) throw new Error(JSON.stringify(body['errors']));
    return body['data'] as Json;
  }

  query(query: string, variables: Json = {}): Promise<Json> {
    return this.send({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  }

  upload(query: string, variables: Json, file: { name: string; text: string; path: string }): Promise<Json> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables }));
    form.append('map', JSON.stringify({ 0: [file.path] }));
    form.append('0', new File([new TextEncoder().encode(file.text)], file.name));
    return this.send({ body: form });
  }

  async signIn(username: string, password: string): Promise<void> {
    const d = await this.query(`mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { __typename } }`, { u: username, p: password });
    if (d['signIn'].__typename !== 'Account') throw new Error('sign-in failed');
  }
}

export const VOTERS = ['王强', '张建国', '赵丽', '陈静', '黄芳', '刘伟', '杨明', '周军', '吴敏', '徐洋', '孙艳', '马超'] as const;

export interface CountingElection {
  readonly electionId: string;
  readonly placeId: string;
  readonly voterIds: Readonly<Record<string, string>>;
  readonly serials: Readonly<Record<string, string>>;
}

/**
 * 青山村: 12 registered voters; a director (王强, 张建国) and two members (赵丽, 陈静, 黄芳);
 * one polling place with box 01; 马超 gave a written proxy to his spouse 孙艳 (E3).
 */
export async function setUpCountingElection(api: ApiClient, electionDay: string): Promise<CountingElection> {
  await api.query(`mutation($d: Date!) { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: $d }) { __typename } }`, { d: electionDay });
  const c = await api.query(`mutation { createCommunity(input: { code: "C001", name: "青山村", kind: VILLAGE, area: RURAL }) { __typename ... on Community { election { id } } } }`);
  const electionId: string = c['createCommunity'].election.id;
  const rows = VOTERS.map((name, i) => `${name},${i % 2 ? '女' : '男'},${makeResidentId('510181', `19${60 + i}-01-01`, i % 2 ? 2 : 1)},一组`);
  await api.upload(
    `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`,
    { e: electionId, file: null },
    { name: 'roll.csv', text: ['姓名,性别,身份证号,村民小组', ...rows].join('\n'), path: 'variables.file' },
  );
  const voterIds: Record<string, string> = {};
  const serials: Record<string, string> = {};
  const list = await api.query(`query($e: ID!) { voters(electionId: $e, first: 50) { edges { node { id name serial } } } }`, { e: electionId });
  for (const { node } of list['voters'].edges) {
    voterIds[node.name] = node.id;
    serials[node.name] = node.serial;
  }
  await api.query(`mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 0, members: 2 }) { __typename } }`, { e: electionId });
  for (const [name, position] of [['王强', 'DIRECTOR'], ['张建国', 'DIRECTOR'], ['赵丽', 'MEMBER'], ['陈静', 'MEMBER'], ['黄芳', 'MEMBER']] as const) {
    const added = await api.query(`mutation($e: ID!, $i: CandidateInput!) { addCandidate(electionId: $e, input: $i) { __typename ... on Error { message } } }`, {
      e: electionId,
      i: { voterId: voterIds[name], position },
    });
    if (added['addCandidate'].__typename !== 'Candidate') throw new Error(JSON.stringify(added));
  }
  const p = await api.query(`mutation($e: ID!) { createPollingPlace(electionId: $e, input: { kind: CENTRAL, name: "村委会中心会场", boxNumber: "01" }) { __typename ... on PollingPlace { id } } }`, { e: electionId });
  const proxy = await api.query(
    `mutation($e: ID!, $p: ID!, $h: ID!) { recordProxy(electionId: $e, principalId: $p, holderId: $h, relation: SPOUSE, writtenOn: "2026-12-01") { __typename ... on Error { message } } }`,
    { e: electionId, p: voterIds['马超'], h: voterIds['孙艳'] },
  );
  if (proxy['recordProxy'].__typename !== 'Proxy') throw new Error(JSON.stringify(proxy));
  return { electionId, placeId: p['createPollingPlace'].id, voterIds, serials };
}

export async function issueBallot(api: ApiClient, e: CountingElection, name: string): Promise<void> {
  const d = await api.query(`mutation($e: ID!, $p: ID!, $v: ID!) { issueBallot(electionId: $e, placeId: $p, voterId: $v) { __typename ... on Error { message } } }`, {
    e: e.electionId,
    p: e.placeId,
    v: e.voterIds[name],
  });
  if (d['issueBallot'].__typename !== 'BallotIssue') throw new Error(JSON.stringify(d));
}
