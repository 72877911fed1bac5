/**
 * Ballot issuance (rules.md E7) and live turnout through the real API. The race of two stations
 * issuing the same voter's ballot at the same moment runs on whichever database the suite uses;
 * on PostgreSQL (DATABASE_URL) the two requests run in truly concurrent transactions.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@huanjie/domain';
import { queryRows } from '@huanjie/db';
import { CREATE_COMMUNITY, createTestApp, onPostgres, type TestApp, type TestClient } from './harness.ts';

const ISSUE = /* GraphQL */ `
  mutation($e: ID!, $p: ID!, $v: ID!, $h: ID) {
    issueBallot(electionId: $e, placeId: $p, voterId: $v, proxyHolderId: $h) {
      __typename
      ... on BallotIssue { round voter { name } place { boxNumber } }
      ... on Error { code message }
    }
  }`;

describe('ballot issuance and turnout', () => {
  let app: TestApp;
  let admin: TestClient;
  let electionId: string;
  const places: string[] = [];
  const voters: string[] = [];

  beforeAll(async () => {
    app = await createTestApp('2026-12-20');
    admin = await app.signedIn();
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    const c = await admin.query(CREATE_COMMUNITY, { input: { code: 'P001', name: '青龙村', kind: 'VILLAGE', area: 'RURAL' } });
    electionId = c.data.createCommunity.election.id;
    const rows = Array.from({ length: 5 }, (_, i) => `选民${i},男,${makeResidentId('510181', '1970-01-01', i * 2 + 1)},一组`);
    const imported = await admin.upload(
      `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename ... on VoterImport { imported } } }`,
      { e: electionId, file: null },
      { name: 'roll.csv', bytes: new TextEncoder().encode(['姓名,性别,身份证号,村民小组', ...rows].join('\n')), path: 'variables.file' },
    );
    expect(imported.data.importVoters.imported).toBe(5);
    for (const [kind, name, boxNumber] of [['CENTRAL', '村委会中心会场', '01'], ['STATION', '三组投票站', '02']] as const) {
      const p = await admin.query(
        `mutation($e: ID!, $i: PollingPlaceInput!) { createPollingPlace(electionId: $e, input: $i) { __typename ... on PollingPlace { id } } }`,
        { e: electionId, i: { kind, name, boxNumber } },
      );
      places.push(p.data.createPollingPlace.id);
    }
    const list = await admin.query(`query($e: ID!) { voters(electionId: $e, first: 10) { edges { node { id } } } }`, { e: electionId });
    voters.push(...list.data.voters.edges.map((e: { node: { id: string } }) => e.node.id));
  });
  afterAll(() => app.close());

  const turnout = async () => (await admin.query(`query($e: ID!) { node(id: $e) { ... on Election { turnout { registered issued majority } } } }`, { e: electionId })).data.node.turnout;

  it('issues a ballot once; a second try at another station is refused naming the rule', async () => {
    const first = await admin.query(ISSUE, { e: electionId, p: places[0], v: voters[0] });
    expect(first.data.issueBallot).toEqual({ __typename: 'BallotIssue', round: 1, voter: { name: '选民0' }, place: { boxNumber: '01' } });
    const again = await admin.query(ISSUE, { e: electionId, p: places[1], v: voters[0] });
    expect(again.data.issueBallot).toEqual({ __typename: 'UserError', code: 'ALREADY_ISSUED', message: '选民0已领取过选票，每人只能领取一次（E7）' });
    expect(await turnout()).toEqual({ registered: 5, issued: 1, majority: false });
    const flags = await admin.query(`query($e: ID!) { voters(electionId: $e, first: 2) { edges { node { name ballotIssued } } } }`, { e: electionId });
    expect(flags.data.voters.edges.map((e: { node: unknown }) => e.node)).toEqual([{ name: '选民0', ballotIssued: true }, { name: '选民1', ballotIssued: false }]);
  });

  it('two stations racing for the same voter: exactly one ballot is issued', async () => {
    const auditsBefore = (await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from audit_event`))[0]!.n;
    // Six clerks at two stations press "issue" for the same voter at once.
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => admin.query(ISSUE, { e: electionId, p: places[i % 2], v: voters[1] })));
    const issued = results.filter((r) => r.data.issueBallot.__typename === 'BallotIssue');
    expect(issued).toHaveLength(1);
    for (const r of results) if (r !== issued[0]) expect(r.data.issueBallot.code).toBe('ALREADY_ISSUED');
    const rows = await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from ballot_issue where voter_id = (select id from voter where name = '选民1')`);
    expect(rows[0]!.n).toBe(1);
    const auditsAfter = (await queryRows<{ n: number }>(app.database.db, sql`select count(*)::int as n from audit_event`))[0]!.n;
    expect(auditsAfter).toBe(auditsBefore + 1);
    if (onPostgres) console.log('[polling] 6 concurrent issuances on PostgreSQL: 1 issued, 5 refused ALREADY_ISSUED');
  });

  it('pushes turnout live and says when more than half have voted', async () => {
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', cookie },
      body: JSON.stringify({ query: `subscription($e: ID!) { turnout(electionId: $e) { issued registered majority } }`, variables: { e: electionId } }),
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const seen: { issued: number; majority: boolean }[] = [];
    const reading = (async () => {
      let buffer = '';
      while (seen.length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const e of events) {
          const data = e.split('\n').find((l) => l.startsWith('data:'));
          if (data) seen.push(JSON.parse(data.slice(5)).data.turnout);
        }
      }
      await reader.cancel();
    })();
    await new Promise((r) => setTimeout(r, 50));
    const third = await admin.query(ISSUE, { e: electionId, p: places[1], v: voters[2] });
    expect(third.data.issueBallot.__typename).toBe('BallotIssue');
    await reading;
    expect(seen).toEqual([
      { issued: 2, registered: 5, majority: false },
      { issued: 3, registered: 5, majority: true },
    ]);
  });

  it('removes a place entered by mistake, with an audit event; a place in use stays, with the reason', async () => {
    const REMOVE = /* GraphQL */ `
      mutation($e: ID!, $p: ID!) { removePollingPlace(electionId: $e, placeId: $p) { __typename ... on Election { pollingPlaces { boxNumber } } ... on Error { code message } } }`;
    const boxes = async () => (await admin.query(`query($e: ID!) { node(id: $e) { ... on Election { pollingPlaces { boxNumber } } } }`, { e: electionId })).data.node.pollingPlaces.map((p: { boxNumber: string }) => p.boxNumber);
    const created = await admin.query(
      `mutation($e: ID!, $i: PollingPlaceInput!) { createPollingPlace(electionId: $e, input: $i) { __typename ... on PollingPlace { id } } }`,
      { e: electionId, i: { kind: 'MOBILE', name: '错录的流动票箱', boxNumber: '09' } },
    );
    const mistaken = created.data.createPollingPlace.id;
    const staffed = await admin.query(
      `mutation($e: ID!, $i: PollingPlaceInput!) { createPollingPlace(electionId: $e, input: $i) { __typename ... on PollingPlace { id } } }`,
      { e: electionId, i: { kind: 'MOBILE', name: '五组流动票箱', boxNumber: '05' } },
    );
    const appointed = await admin.query(`mutation($e: ID!, $p: ID, $v: ID!) { appointStaff(electionId: $e, placeId: $p, role: WRITER, voterId: $v) { __typename ... on Error { message } } }`, {
      e: electionId,
      p: staffed.data.createPollingPlace.id,
      v: voters[4],
    });
    expect(appointed.data.appointStaff.__typename).toBe('Staff');
    expect(await boxes()).toEqual(['01', '02', '05', '09']);

    // In use: ballots issued there, or staff posted to it. Nothing is removed.
    expect((await admin.query(REMOVE, { e: electionId, p: places[0] })).data.removePollingPlace).toEqual({
      __typename: 'UserError',
      code: 'PLACE_IN_USE',
      message: expect.stringMatching(/^村委会中心会场已发放选票 [1-9]\d* 张，不能删除$/),
    });
    expect((await admin.query(REMOVE, { e: electionId, p: staffed.data.createPollingPlace.id })).data.removePollingPlace).toEqual({
      __typename: 'UserError',
      code: 'PLACE_IN_USE',
      message: '五组流动票箱已安排工作人员 1 名，不能删除',
    });
    // Another election's id with this place: not found there.
    const other = await admin.query(CREATE_COMMUNITY, { input: { code: 'P003', name: '朱雀村', kind: 'VILLAGE', area: 'RURAL' } });
    expect((await admin.query(REMOVE, { e: other.data.createCommunity.election.id, p: mistaken })).data.removePollingPlace.code).toBe('NOT_FOUND');
    expect(await boxes()).toEqual(['01', '02', '05', '09']);

    const removed = await admin.query(REMOVE, { e: electionId, p: mistaken });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.removePollingPlace).toEqual({ __typename: 'Election', pollingPlaces: [{ boxNumber: '01' }, { boxNumber: '02' }, { boxNumber: '05' }] });
    expect(await boxes()).toEqual(['01', '02', '05']);
    const [audit] = await queryRows<{ operation: string; before: { name: string }; after: unknown }>(
      app.database.db,
      sql`select operation, before, after from audit_event where operation = 'removePollingPlace'`,
    );
    expect(audit).toEqual({ operation: 'removePollingPlace', before: expect.objectContaining({ name: '错录的流动票箱', boxNumber: '09' }), after: null });
  });

  it('refuses a clerk of another community and a voter not on this list', async () => {
    const other = await admin.query(CREATE_COMMUNITY, { input: { code: 'P002', name: '白虎村', kind: 'VILLAGE', area: 'RURAL' } });
    await admin.query(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename } }`, {
      i: { username: 'clerkp2', displayName: '白虎村录入员', password: 'clerk-password-2', role: 'CLERK', communityIds: [other.data.createCommunity.id] },
    });
    const clerk = await app.signedIn('clerkp2', 'clerk-password-2');
    const refused = await clerk.query(ISSUE, { e: electionId, p: places[0], v: voters[3] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const wrongElection = await admin.query(ISSUE, { e: other.data.createCommunity.election.id, p: places[0], v: voters[3] });
    expect(wrongElection.data.issueBallot.code).toBe('NOT_REGISTERED');
    expect((await turnout()).issued).toBe(3);
  });
});
