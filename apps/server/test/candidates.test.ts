/**
 * Before the vote (issue 5, rules.md A, B, D, E) through the real API: seats, the election
 * committee and B2, candidates in stroke order, the formal list check, ballot layout, staff
 * conflicts, proxies and issuance to proxy holders.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId, sortByStrokes } from '@huanjie/domain';
import { queryRows } from '@huanjie/db';
import { CREATE_COMMUNITY, createTestApp, type TestApp, type TestClient } from './harness.ts';

// name, sex, birth date
const PEOPLE: readonly [string, 'M' | 'F', string][] = [
  ['张建国', 'M', '1968-03-01'], ['李秀英', 'F', '1975-06-12'], ['王强', 'M', '1980-09-09'], ['赵丽', 'F', '1985-01-20'],
  ['刘伟', 'M', '1972-11-11'], ['陈静', 'F', '1990-02-02'], ['杨明', 'M', '1966-07-07'], ['黄芳', 'F', '1988-08-08'],
  ['周军', 'M', '1979-04-04'], ['吴敏', 'F', '1983-05-05'], ['徐洋', 'M', '1992-10-10'], ['孙艳', 'F', '1970-12-12'],
  ['马超', 'M', '1995-03-03'], ['朱红', 'F', '1969-06-06'], ['胡斌', 'M', '1977-09-19'], ['张小龙', 'M', '1998-01-01'],
];

describe('before the vote', () => {
  let app: TestApp;
  let admin: TestClient;
  let electionId: string;
  const id: Record<string, string> = {};

  const q = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await admin.query(query, { e: electionId, ...variables });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const ADD = `mutation($e: ID!, $i: CandidateInput!) { addCandidate(electionId: $e, input: $i) { __typename ... on Candidate { id name } ... on Error { code message } } }`;
  const addCandidate = (name: string, position: string) => q(ADD, { i: { voterId: id[name], position } }).then((d) => d.addCandidate);

  beforeAll(async () => {
    app = await createTestApp('2026-11-25');
    admin = await app.signedIn();
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    const c = await admin.query(CREATE_COMMUNITY, { input: { code: 'K001', name: '金花村', kind: 'VILLAGE', area: 'RURAL' } });
    electionId = c.data.createCommunity.election.id;
    const rows = PEOPLE.map(([name, sex, birth], i) => `${name},${sex === 'M' ? '男' : '女'},${makeResidentId('510181', birth, i * 2 + (sex === 'M' ? 1 : 2))},一组`);
    const imported = await admin.upload(
      `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename ... on VoterImport { imported } } }`,
      { e: electionId, file: null },
      { name: 'roll.csv', bytes: new TextEncoder().encode(['姓名,性别,身份证号,村民小组', ...rows].join('\n')), path: 'variables.file' },
    );
    expect(imported.data.importVoters.imported).toBe(PEOPLE.length);
    const list = await q(`query($e: ID!) { voters(electionId: $e, first: 50) { edges { node { id name } } } }`);
    for (const { node } of list.voters.edges) id[node.name] = node.id;
  });
  afterAll(() => app.close());

  it('A1: refuses a seat plan outside 3–7 and keeps the one that fits', async () => {
    const SEATS = `mutation($e: ID!, $i: SeatPlanInput!) { setSeatPlan(electionId: $e, input: $i) { __typename ... on SeatPlan { director deputies members } ... on Error { code message } } }`;
    const tooMany = await q(SEATS, { i: { director: 1, deputies: 1, members: 6 } });
    expect(tooMany.setSeatPlan).toMatchObject({ code: 'COMMITTEE_SIZE', message: expect.stringContaining('应为 3 至 7 名') });
    const ok = await q(SEATS, { i: { director: 1, deputies: 0, members: 2 } });
    expect(ok.setSeatPlan).toEqual({ __typename: 'SeatPlan', director: 1, deputies: 0, members: 2 });
  });

  it('B2: a committee member who becomes a candidate leaves the committee, replaced from the reserve, and the audit says why', async () => {
    const set = await q(
      `mutation($e: ID!, $i: ElectionCommitteeInput!) { setElectionCommittee(electionId: $e, input: $i) { __typename ... on Error { code message } } }`,
      {
        i: {
          members: [{ voterId: id['杨明'], chair: true }, { voterId: id['张建国'] }, { voterId: id['孙艳'] }, { voterId: id['朱红'] }, { voterId: id['胡斌'] }],
          reserve: [{ voterId: id['周军'], votes: 40 }, { voterId: id['马超'], votes: 25 }],
        },
      },
    );
    expect(set.setElectionCommittee.__typename).toBe('ElectionCommitteeResult');
    expect(await addCandidate('张建国', 'DIRECTOR')).toMatchObject({ __typename: 'Candidate', name: '张建国' });
    const committee = await q(`query($e: ID!) { node(id: $e) { ... on Election { electionCommittee { standing removedReason voter { name } } } } }`);
    const byName = Object.fromEntries(committee.node.electionCommittee.map((p: { voter: { name: string } }) => [p.voter.name, p]));
    expect(byName['张建国']).toMatchObject({ standing: 'removed', removedReason: expect.stringContaining('B2') });
    expect(byName['周军'].standing).toBe('member');
    expect(byName['马超'].standing).toBe('reserve');
    const audit = await queryRows<{ after: { electionCommittee?: { removed: { name: string; reason: string }[] } } }>(
      app.database.db,
      sql`select after from audit_event where operation = 'addCandidate' order by id desc limit 1`,
    );
    expect(audit[0]!.after.electionCommittee!.removed[0]).toMatchObject({ name: '张建国', reason: expect.stringContaining('候选人') });
  });

  it('D6: refuses a candidate who is not a registered voter here, naming the rule, and changes nothing', async () => {
    const other = await admin.query(CREATE_COMMUNITY, { input: { code: 'K002', name: '银花村', kind: 'VILLAGE', area: 'RURAL' } });
    const otherElection = other.data.createCommunity.election.id;
    await admin.upload(
      `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`,
      { e: otherElection, file: null },
      { name: 'roll.csv', bytes: new TextEncoder().encode(`姓名,性别,身份证号\n钱多多,男,${makeResidentId('510182', '1980-01-01', 91)}`), path: 'variables.file' },
    );
    const stranger = (await admin.query(`query($e: ID!) { voters(electionId: $e, first: 1) { edges { node { id } } } }`, { e: otherElection })).data.voters.edges[0].node.id;
    const refused = await q(ADD, { i: { voterId: stranger, position: 'MEMBER' } });
    expect(refused.addCandidate).toMatchObject({ code: 'CANDIDATE_OF_OTHER_COMMUNITY', message: expect.stringContaining('D6') });
    const count = await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from candidate`);
    expect(count[0]!.n).toBe(1);
  });

  it('D2: the formal list needs more candidates than seats; when it holds it is published in stroke order (D3–D4)', async () => {
    const check = async () => (await q(`query($e: ID!) { node(id: $e) { ... on Election { formalListCheck { ok errors { code rule } warnings { code } } } } }`)).node.formalListCheck;
    const before = await check();
    expect(before.ok).toBe(false);
    expect(before.errors).toContainEqual({ code: 'MARGIN_TOO_SMALL', rule: 'D2' });
    const publishEarly = await q(`mutation($e: ID!) { publishCandidateList(electionId: $e) { __typename ... on Error { code message } } }`);
    expect(publishEarly.publishCandidateList.__typename).toBe('UserError');

    await addCandidate('王强', 'DIRECTOR');
    for (const name of ['赵丽', '陈静', '黄芳', '吴敏']) await addCandidate(name, 'MEMBER');
    const after = await check();
    expect(after).toMatchObject({ ok: true, errors: [] });
    expect(after.warnings.map((w: { code: string }) => w.code)).toContain('COMMITMENT_NOT_SIGNED');
    const unsigned = await q(`query($e: ID!) { node(id: $e) { ... on Election { unsignedCommitments } } }`);
    expect(unsigned.node.unsignedCommitments).toBe(6);

    const published = await q(
      `mutation($e: ID!) { publishCandidateList(electionId: $e) { __typename ... on PublishedCandidateList { publishedOn entries { position name sex age } } ... on Error { code message } } }`,
    );
    const entries = published.publishCandidateList.entries as { position: string; name: string; age: number }[];
    const members = entries.filter((e) => e.position === 'MEMBER').map((e) => e.name);
    expect(members).toEqual(sortByStrokes(['赵丽', '陈静', '黄芳', '吴敏']));
    expect(entries.filter((e) => e.position === 'DIRECTOR').map((e) => e.name)).toEqual(['王强', '张建国']); // 王 4 strokes, 张 7
    expect(entries.find((e) => e.name === '张建国')!.age).toBe(58);

    const layout = await q(`query($e: ID!) { node(id: $e) { ... on Election { ballotLayout { position title seats writeInLines candidates { name } } } } }`);
    expect(layout.node.ballotLayout).toEqual([
      { position: 'DIRECTOR', title: '主任', seats: 1, writeInLines: 1, candidates: [{ name: '王强' }, { name: '张建国' }] },
      { position: 'MEMBER', title: '委员', seats: 2, writeInLines: 2, candidates: members.map((name) => ({ name })) },
    ]);
  });

  it('B3: refuses a candidate’s son as tally clerk and the candidate as scrutineer; appoints others', async () => {
    const kin = await q(
      `mutation($v: ID!, $r: ID!) { recordKinship(voterId: $v, relativeId: $r, kind: PARENT) { __typename ... on Kinship { kind } ... on Error { code message } } }`,
      { v: id['张小龙'], r: id['张建国'] },
    );
    expect(kin.recordKinship).toEqual({ __typename: 'Kinship', kind: 'PARENT' });
    const APPOINT = `mutation($e: ID!, $v: ID!, $role: StaffRole!) { appointStaff(electionId: $e, voterId: $v, role: $role) { __typename ... on Staff { role voter { name } } ... on Error { code message } } }`;
    const son = await q(APPOINT, { v: id['张小龙'], role: 'TALLY_CLERK' });
    expect(son.appointStaff).toMatchObject({ code: 'STAFF_NEAR_RELATIVE_OF_CANDIDATE', message: expect.stringContaining('张小龙是候选人张建国的子女') });
    const candidate = await q(APPOINT, { v: id['王强'], role: 'SCRUTINEER' });
    expect(candidate.appointStaff).toMatchObject({ code: 'STAFF_IS_CANDIDATE' });
    const fine = await q(APPOINT, { v: id['徐洋'], role: 'READER' });
    expect(fine.appointStaff).toEqual({ __typename: 'Staff', role: 'READER', voter: { name: '徐洋' } });
  });

  it('E3–E5: proxies to near relatives, at most 3 per holder; the principal cannot vote in person, the holder collects the ballot', async () => {
    const PROXY = `mutation($e: ID!, $p: ID!, $h: ID!) { recordProxy(electionId: $e, principalId: $p, holderId: $h, relation: SIBLING, writtenOn: "2026-11-20") { __typename ... on Proxy { principal { name } holder { name } } ... on Error { code message } } }`;
    for (const principal of ['刘伟', '周军', '马超']) {
      const r = await q(PROXY, { p: id[principal], h: id['胡斌'] });
      expect(r.recordProxy).toMatchObject({ __typename: 'Proxy', holder: { name: '胡斌' } });
    }
    const fourth = await q(PROXY, { p: id['孙艳'], h: id['胡斌'] });
    expect(fourth.recordProxy).toMatchObject({ code: 'PROXY_HOLDER_LIMIT', message: expect.stringContaining('不得超过 3 人') });
    const candidateHolder = await q(PROXY, { p: id['孙艳'], h: id['王强'] });
    expect(candidateHolder.recordProxy.code).toBe('CANDIDATE_MAY_NOT_HOLD_PROXY');

    const place = await q(`mutation($e: ID!) { createPollingPlace(electionId: $e, input: { kind: CENTRAL, name: "中心会场", boxNumber: "01" }) { __typename ... on PollingPlace { id } } }`);
    const ISSUE = `mutation($e: ID!, $p: ID!, $v: ID!, $h: ID) { issueBallot(electionId: $e, placeId: $p, voterId: $v, proxyHolderId: $h) { __typename ... on BallotIssue { voter { name } proxyHolder { name } } ... on Error { code message } } }`;
    const inPerson = await q(ISSUE, { p: place.createPollingPlace.id, v: id['刘伟'] });
    expect(inPerson.issueBallot).toMatchObject({ code: 'PROXY_GIVEN' });
    const viaHolder = await q(ISSUE, { p: place.createPollingPlace.id, v: id['刘伟'], h: id['胡斌'] });
    expect(viaHolder.issueBallot).toEqual({ __typename: 'BallotIssue', voter: { name: '刘伟' }, proxyHolder: { name: '胡斌' } });
    const list = await q(`query($e: ID!) { node(id: $e) { ... on Election { proxies { principal { name } holder { name } relation } } } }`);
    expect(list.node.proxies).toHaveLength(3);

    // A proxy already used cannot be revoked; an unused one can, and the principal then votes in person.
    const REVOKE = `mutation($e: ID!, $p: ID!) { revokeProxy(electionId: $e, principalId: $p, reason: "本人回村，亲自投票") { __typename ... on Error { code message } } }`;
    expect((await q(REVOKE, { p: id['刘伟'] })).revokeProxy).toMatchObject({ code: 'PROXY_USED' });
    expect((await q(REVOKE, { p: id['周军'] })).revokeProxy).toEqual({ __typename: 'Proxy' });
    const inPersonNow = await q(ISSUE, { p: place.createPollingPlace.id, v: id['周军'] });
    expect(inPersonNow.issueBallot).toMatchObject({ __typename: 'BallotIssue', voter: { name: '周军' }, proxyHolder: null });
    const after = await q(`query($e: ID!) { node(id: $e) { ... on Election { proxies { principal { name } } } } }`);
    expect(after.node.proxies).toHaveLength(2);
  });
});
