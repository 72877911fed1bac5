/**
 * Scale-out (issue 6): two server processes on one PostgreSQL and one Redis serve one count — a
 * ballot entered on the first reaches a board subscribed on the second. Runs when DATABASE_URL and
 * REDIS_URL are set (.ci/run sets both; vitest.config.ts leaves the file out otherwise).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@huanjie/domain';
import { startServer, type RunningServer } from '../src/server.ts';
import { CREATE_COMMUNITY } from './harness.ts';

function httpClient(base: string) {
  let cookie = '';
  return {
    async query(query: string, variables: Record<string, unknown> = {}) {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      const set = res.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    },
    async upload(query: string, variables: Record<string, unknown>, name: string, text: string) {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query, variables }));
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new File([text], name));
      await fetch(`${base}/graphql`, { method: 'POST', headers: { cookie }, body: form });
    },
  };
}

describe('two servers, one count (PostgreSQL + Redis)', () => {
  const schema = `t_scale_${randomBytes(5).toString('hex')}`;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    const common = { port: 0, host: '127.0.0.1', dataDir: 'memory://', databaseUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, schema, today: '2026-12-20' };
    a = await startServer({ ...common, adminPassword: 'scale-out-pw-1' });
    b = await startServer(common);
  });
  afterAll(async () => {
    await b?.close();
    const database = a?.database;
    if (database) await database.db.execute(sql.raw(`drop schema ${schema} cascade`));
    await a?.close();
  });

  it('a ballot entered on one server updates the board subscribed on the other', async () => {
    const admin = httpClient(a.url);
    await admin.query(`mutation { signIn(username: "admin", password: "scale-out-pw-1") { __typename } }`);
    await admin.query(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    const c = await admin.query(CREATE_COMMUNITY, { input: { code: 'S001', name: '双塔村', kind: 'VILLAGE', area: 'RURAL' } });
    const e = c.createCommunity.election.id;
    const people = ['王强', '张建国', '赵丽', '陈静', '黄芳'];
    await admin.upload(
      `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`,
      { e, file: null },
      'roll.csv',
      ['姓名,性别,身份证号', ...people.map((n, i) => `${n},男,${makeResidentId('510181', `197${i}-01-01`, 1)}`)].join('\n'),
    );
    const voters = Object.fromEntries(
      (await admin.query(`query($e: ID!) { voters(electionId: $e, first: 10) { edges { node { id name } } } }`, { e })).voters.edges.map((x: { node: { id: string; name: string } }) => [x.node.name, x.node.id]),
    );
    await admin.query(`mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 0, members: 2 }) { __typename } }`, { e });
    const director = await admin.query(`mutation($e: ID!, $i: CandidateInput!) { addCandidate(electionId: $e, input: $i) { __typename ... on Candidate { id } } }`, { e, i: { voterId: voters['王强'], position: 'DIRECTOR' } });
    const mark = `c${Buffer.from(director.addCandidate.id, 'base64').toString().split(':')[1]}`;
    const place = await admin.query(`mutation($e: ID!) { createPollingPlace(electionId: $e, input: { kind: CENTRAL, name: "中心会场", boxNumber: "01" }) { __typename ... on PollingPlace { id } } }`, { e });
    const box = await admin.query(`mutation($e: ID!, $p: ID!) { openBox(electionId: $e, placeId: $p, ballotsReturned: 3) { __typename ... on BoxCount { id } } }`, { e, p: place.createPollingPlace.id });

    // The board on server B: one SSE connection.
    const board = await (await fetch(`${b.url}/graphql?query=${encodeURIComponent(`{ tallyBoard(electionId: "${e}") { seq round } }`)}`)).json() as { data: { tallyBoard: { seq: number; round: number } } };
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($e: ID!, $r: Int, $a: Int) { tallyEvents(electionId: $e, round: $r, afterSeq: $a) { events { seq kind ballot { sections } } } }`,
        variables: { e, r: board.data.tallyBoard.round, a: board.data.tallyBoard.seq },
      }),
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const received: { seq: number; kind: string; ballot: { sections: string[][] } | null }[] = [];
    const reading = (async () => {
      let buffer = '';
      while (received.length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) {
          const data = part.split('\n').find((l) => l.startsWith('data:'));
          if (data) received.push(...JSON.parse(data.slice(5)).data.tallyEvents.events);
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 200)); // let B join the Redis channel

    for (const clientId of ['scale-entry-1', 'scale-entry-2']) {
      const r = await admin.query(`mutation($i: BallotInput!) { recordBallot(input: $i) { __typename } }`, { i: { boxId: box.openBox.id, clientId, sections: [[mark], []] } });
      expect(r.recordBallot.__typename).toBe('Ballot');
    }
    await Promise.race([reading, new Promise((_, reject) => setTimeout(() => reject(new Error('board on B saw no events')), 5000))]);
    controller.abort();
    expect(received.map((x) => x.kind)).toEqual(['ballot', 'ballot']);
    expect(received[0]!.seq).toBeLessThan(received[1]!.seq);
    expect(received[0]!.ballot!.sections).toEqual([[mark], []]);
    const after = await (await fetch(`${b.url}/graphql?query=${encodeURIComponent(`{ tallyBoard(electionId: "${e}") { ballotsCounted } }`)}`)).json() as { data: { tallyBoard: { ballotsCounted: number } } };
    expect(after.data.tallyBoard.ballotsCounted).toBe(2);
  });
});
