/**
 * Counting day (issue 6) through the real API: boxes, ballot entry with idempotent retries,
 * corrections, refusals, the public board and its event stream with sequence numbers,
 * certification, the recount of the export, and the run-off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determine, parseCountInput, RunningTally } from '@huanjie/domain';
import { contiguous, eventsAfter, verifyAuditChain } from '@huanjie/schema';
import { createTestApp, type TestApp, type TestClient } from './harness.ts';
import { setUpCount } from './counting-fixture.ts';

interface Event {
  seq: number;
  kind: string;
  round: number;
  ballot: { id: number; spoiled: boolean; sections: string[][] } | null;
}

/** The SSE messages of one subscription (each `data:` as sent), until stopped; `onData` sees each as it comes. */
function rawFeed(app: TestApp, query: string, variables: Record<string, unknown>, onData: (data: string) => void = () => {}) {
  const messages: string[] = [];
  const controller = new AbortController();
  const done = (async () => {
    try {
      const res = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      if (controller.signal.aborted) await reader.cancel();
      controller.signal.addEventListener('abort', () => void reader.cancel());
      let buffer = '';
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += value;
        const parts = buffer.split('\n\n');
        buffer = parts.pop() ?? '';
        for (const part of parts) {
          if (!part.startsWith('event: next\ndata: ')) continue;
          const data = part.slice('event: next\ndata: '.length);
          messages.push(data);
          onData(data);
        }
      }
    } catch {
      // stopped (also before the answer came)
    }
  })();
  return {
    messages,
    async until(n: number) {
      for (let i = 0; i < 300 && messages.length < n; i += 1) await new Promise((r) => setTimeout(r, 10));
      expect(messages.length).toBeGreaterThanOrEqual(n);
    },
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** Follows the public tallyEvents subscription over SSE, collecting events. */
function follow(app: TestApp, electionId: string, round: number, afterSeq: number) {
  const events: Event[] = [];
  const feed = rawFeed(
    app,
    `subscription($e: ID!, $r: Int, $a: Int) { tallyEvents(electionId: $e, round: $r, afterSeq: $a) { events { seq kind round ballot { id spoiled sections } } } }`,
    { e: electionId, r: round, a: afterSeq },
    (data) => events.push(...(JSON.parse(data).data.tallyEvents.events as Event[])),
  );
  return {
    events,
    async until(predicate: (e: Event[]) => boolean) {
      for (let i = 0; i < 200 && !predicate(events); i += 1) await new Promise((r) => setTimeout(r, 10));
      expect(predicate(events)).toBe(true);
    },
    stop: feed.stop,
  };
}

describe('counting day', () => {
  let app: TestApp;
  let admin: TestClient;
  let electionId: string;
  const voter: Record<string, string> = {};
  const cand: Record<string, string> = {};
  const places: string[] = [];
  let boxId: string;

  const q = async (query: string, variables: Record<string, unknown> = {}, client = admin) => {
    const res = await client.query(query, { e: electionId, ...variables });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const BALLOT = `mutation($i: BallotInput!) { recordBallot(input: $i) { __typename ... on Ballot { id seq } ... on Error { code message } } }`;
  const enter = (clientId: string, sections: string[][], client = admin, box = boxId) =>
    q(BALLOT, { i: { boxId: box, clientId, sections } }, client).then((d) => d.recordBallot);
  const board = () =>
    q(`query($e: ID!) { tallyBoard(electionId: $e) { seq round ballotsCounted ballotsReturned certified positions { id threshold secured tally { id name votes } voidSections } } }`).then((d) => d.tallyBoard);

  beforeAll(async () => {
    app = await createTestApp('2026-12-20');
    admin = await app.signedIn();
    const fixture = await setUpCount(admin, 'T001');
    electionId = fixture.electionId;
    Object.assign(voter, fixture.voter);
    Object.assign(cand, fixture.mark);
    places.push(...fixture.places);
  });
  afterAll(() => app.close());

  it('opens a box with a zero report: every candidate at 0', async () => {
    const opened = await q(
      `mutation($e: ID!, $p: ID!) { openBox(electionId: $e, placeId: $p, ballotsReturned: 6) { __typename ... on BoxCount { id status ballotsReturned counted ballotsIssuedHere } ... on Error { code message } } }`,
      { p: places[0] },
    );
    expect(opened.openBox).toMatchObject({ __typename: 'BoxCount', status: 'counting', ballotsReturned: 6, counted: 0, ballotsIssuedHere: 6 });
    boxId = opened.openBox.id;
    const b = await board();
    expect(b).toMatchObject({ round: 1, ballotsCounted: 0, ballotsReturned: 6 });
    expect(b.positions.map((p: { tally: unknown[] }) => p.tally)).toEqual([[], []]);
    const round = await q(`query($e: ID!) { node(id: $e) { ... on Election { countRounds { candidates { id name position } } } } }`);
    expect(round.node.countRounds[0].candidates.map((c: { name: string }) => c.name).sort()).toEqual(['张建国', '王强', '赵丽', '陈静', '黄芳'].sort());
  });

  it('enters ballots; a retry with the same client id counts once; the board follows event by event', async () => {
    const stream = follow(app, electionId, 1, 0);
    const first = await enter('entry-0001', [[cand['王强']!], [cand['赵丽']!, cand['陈静']!]]);
    const retry = await enter('entry-0001', [[cand['王强']!], [cand['赵丽']!, cand['陈静']!]]);
    expect(retry).toEqual(first);
    await enter('entry-0002', [[cand['王强']!], [cand['赵丽']!, '李小明']]); // a write-in
    await enter('entry-0003', [[cand['王强']!, cand['张建国']!], [cand['赵丽']!]]); // director over-marked: void section
    await stream.until((e) => e.filter((x) => x.kind === 'ballot').length === 3);
    const seqs = stream.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    await stream.stop();
    const b = await board();
    expect(b.ballotsCounted).toBe(3);
    expect(b.positions[0]).toMatchObject({ voidSections: 1, tally: [{ name: '王强', votes: 2 }] });
    expect(b.positions[1].tally).toEqual([
      { id: cand['赵丽'], name: '赵丽', votes: 3 },
      { id: cand['陈静'], name: '陈静', votes: 1 },
      { id: '李小明', name: '李小明', votes: 1 },
    ]);
  });

  it('refuses a candidate of another election, a wrong number of sections, and a clerk of another box', async () => {
    expect(await enter('entry-bad-1', [['c999999'], []])).toMatchObject({ code: 'UNKNOWN_CANDIDATE' });
    expect(await enter('entry-bad-2', [[cand['王强']!]])).toMatchObject({ code: 'INVALID_BALLOT' });
    const created = await admin.query(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename ... on Account { id } } }`, {
      i: { username: 'clerk-t1', displayName: '录入员甲', password: 'clerk-password-1', role: 'CLERK', communityIds: [(await q(`{ community(code: "T001") { id } }`)).community.id] },
    });
    expect(created.data.createAccount.__typename).toBe('Account');
    const other = await q(
      `mutation($e: ID!, $p: ID!, $c: [ID!]) { openBox(electionId: $e, placeId: $p, ballotsReturned: 4, clerkIds: $c) { __typename ... on BoxCount { id } } }`,
      { p: places[1], c: [] },
    );
    const clerk = await app.signedIn('clerk-t1', 'clerk-password-1');
    // Box 02 takes any clerk; box 01 is now given to the admin only.
    expect((await enter('entry-b2-0001', [[cand['张建国']!], [cand['黄芳']!]], clerk, other.openBox.id)).__typename).toBe('Ballot');
    const boxes = await q(`query($e: ID!) { node(id: $e) { ... on Election { countRounds { boxes { id } } } } }`);
    expect(boxes.node.countRounds[0].boxes).toHaveLength(2);
  });

  it('voids an entry with a reason (nothing deleted) and refuses a box past its ballots returned', async () => {
    const wrong = await enter('entry-0004', [[cand['张建国']!], [cand['黄芳']!]]);
    const voided = await q(`mutation($b: Int!) { voidBallot(ballotId: $b, reason: "唱票人读错，重新录入") { __typename ... on Ballot { id } ... on Error { code message } } }`, { b: wrong.id });
    expect(voided.voidBallot).toEqual({ __typename: 'Ballot', id: wrong.id });
    // Entered at the same moment (written together in one batch): three fit, a retry answers its
    // first attempt, one is refused; every accepted entry gets its own seq and audit event.
    const together = await Promise.all([
      enter('entry-0005', [[cand['王强']!], [cand['陈静']!]]),
      enter('entry-0006', [[cand['王强']!], [cand['赵丽']!]]),
      enter('entry-0006', [[cand['王强']!], [cand['赵丽']!]]),
      enter('entry-0007', [[], []]), // abstains everywhere
      enter('entry-0008', [[cand['王强']!], []]),
    ]);
    expect(together[2]).toEqual(together[1]);
    const accepted = together.filter((r, i) => i !== 2 && r.__typename === 'Ballot');
    expect(accepted).toHaveLength(3);
    expect(new Set(accepted.map((r) => r.seq)).size).toBe(3);
    expect(together.filter((r) => r.__typename !== 'Ballot').map((r) => r.code)).toEqual(['BOX_FULL']);
    expect(await verifyAuditChain(app.database.db)).toMatchObject({ ok: true });
    const close = await q(`mutation($b: ID!) { closeBox(boxId: $b) { __typename ... on BoxCount { status } ... on Error { code message } } }`, { b: boxId });
    expect(close.closeBox).toEqual({ __typename: 'BoxCount', status: 'closed' });
    expect(await enter('entry-0009', [[cand['王强']!], []])).toMatchObject({ code: 'BOX_CLOSED' });
  });

  it('a reconnecting board replays only the events after the last one it applied', async () => {
    const b = await board();
    const all = follow(app, electionId, 1, 0);
    await all.until((e) => e.length > 0 && e.at(-1)!.seq === b.seq);
    const middle = all.events[Math.floor(all.events.length / 2)]!.seq;
    await all.stop();
    const resumed = follow(app, electionId, 1, middle);
    await resumed.until((e) => e.length > 0 && e.at(-1)!.seq === b.seq);
    expect(resumed.events.map((e) => e.seq)).toEqual(all.events.filter((e) => e.seq > middle).map((e) => e.seq));
    await resumed.stop();
  });

  it('gives boards the same count as deltas: snapshot plus deltas equals the snapshot of now', async () => {
    const before = await q(`query($e: ID!) { tallyBoard(electionId: $e) { seq state } }`);
    const stream = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: `subscription($e: ID!, $a: Int) { tallyDeltas(electionId: $e, round: 1, afterSeq: $a) { fromSeq toSeq tally ballotsReturned boxesOpened newRound } }`,
        variables: { e: electionId, a: before.tallyBoard.seq - 3 },
      }),
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!/data:[^\n]*\n/.test(text)) text += (await reader.read()).value ?? '';
    await reader.cancel();
    const delta = JSON.parse(text.split('\n').find((l) => l.startsWith('data:'))!.slice(5)).data.tallyDeltas;
    expect(delta).toMatchObject({ fromSeq: before.tallyBoard.seq - 2, toSeq: before.tallyBoard.seq, newRound: false });
    // Rebuild the state three events back from the log, add the delta: the board's state now.
    const id = Number(Buffer.from(electionId, 'base64').toString().split(':')[1]);
    const events = await eventsAfter(app.database.db, id, 1, 0);
    const t = new RunningTally([1, 2]);
    for (const e of events.filter((x) => x.seq <= before.tallyBoard.seq - 3)) {
      if (e.ballot && e.kind === 'ballot') t.apply(e.ballot, 1);
      if (e.ballot && e.kind === 'void') t.apply(e.ballot, -1);
    }
    t.applyDelta(delta.tally);
    expect(t.snapshot()).toEqual(before.tallyBoard.state);
  });

  it('puts events from several server processes back in order, filling a gap from the log', async () => {
    const id = Number(Buffer.from(electionId, 'base64').toString().split(':')[1]);
    const log = await eventsAfter(app.database.db, id, 1, 0);
    expect(log.length).toBeGreaterThan(4);
    // Process B's event 4 reaches this process before A's events 2 and 3.
    const [, e2, e3, e4] = log;
    const state = { round: 1 as number | null, last: 1 };
    const out = await contiguous(app.database.db, id, state, [e4!, e2!]);
    expect(out[0]).toEqual(e2);
    // The gap is read from the log — with everything committed after it, handed out once, in order.
    expect(out.map((e) => e.seq)).toEqual(log.slice(1).map((e) => e.seq));
    expect(await contiguous(app.database.db, id, state, [e3!])).toEqual([]); // late, already handed out
    expect(state.last).toBe(log.at(-1)!.seq);
  });

  it('certifies the round: the determination equals the recount of the export, and every tally write is refused', async () => {
    const boxes = await q(`query($e: ID!) { node(id: $e) { ... on Election { countRounds { boxes { id status counted ballotsReturned } } } } }`);
    const second = boxes.node.countRounds[0].boxes.find((x: { status: string }) => x.status === 'counting');
    const clerkIds = ['entry-b2-0002', 'entry-b2-0003', 'entry-b2-0004'];
    for (const id of clerkIds) await enter(id, [[cand['王强']!], [cand['黄芳']!]], admin, second.id);
    await q(`mutation($b: ID!) { closeBox(boxId: $b) { __typename } }`, { b: second.id });
    const certified = await q(
      `mutation($e: ID!) { certifyRound(electionId: $e, round: 1) { __typename ... on Determination { valid ballotsCast json explanation positions { id elected { name } vacancies runoffCandidates { name } } } ... on Error { code message } } }`,
    );
    const d = certified.certifyRound;
    expect(d).toMatchObject({ __typename: 'Determination', valid: true, ballotsCast: 10 });
    expect(d.positions[0].elected).toEqual([{ name: '王强' }]);
    expect(d.explanation).toContain('王强 得 7 票');

    const exported = await q(`query($e: ID!) { exportCount(electionId: $e, round: 1) }`);
    const parsed = parseCountInput(JSON.parse(JSON.stringify(exported.exportCount)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(determine(parsed.value)).toEqual(d.json);

    expect(await enter('entry-late', [[cand['王强']!], []], admin, second.id)).toMatchObject({ code: 'ROUND_CERTIFIED' });
    expect((await board()).certified).toBe(true);
  });

  it('creates the run-off from the open seats in one step', async () => {
    const b = await board();
    const members = b.positions[1];
    // 赵丽 has 4 of 10 (threshold 6): both member seats stay open.
    expect(members.threshold).toBe(6);
    const runoff = await q(
      `mutation($e: ID!) { createRunoff(electionId: $e) { __typename ... on CountRound { number kind positions { id seats } candidates { name position } } ... on Error { code message } } }`,
    );
    expect(runoff.createRunoff).toMatchObject({ __typename: 'CountRound', number: 2, kind: 'runoff', positions: [{ id: 'member', seats: 2 }] });
    expect(runoff.createRunoff.candidates.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['赵丽', '黄芳', '陈静']));
    const again = await q(`mutation($e: ID!) { createRunoff(electionId: $e) { __typename ... on Error { code } } }`);
    expect(again.createRunoff).toMatchObject({ code: 'NOT_CERTIFIED' });
  });
});

describe('the live feed shared by a hall of boards', () => {
  let app: TestApp;
  let admin: TestClient;
  let f: Awaited<ReturnType<typeof setUpCount>>;

  beforeAll(async () => {
    app = await createTestApp('2026-12-20');
    admin = await app.signedIn();
    f = await setUpCount(admin, 'T002');
  });
  afterAll(() => app.close());

  it('sends boards in step the same answer for a batch, each selection its own, each board every batch', async () => {
    const opened = await admin.query(`mutation($e: ID!, $p: ID!) { openBox(electionId: $e, placeId: $p, ballotsReturned: 6) { ... on BoxCount { id } } }`, { e: f.electionId, p: f.places[0] });
    const boxId = opened.data.openBox.id as string;
    const snapshot = (await admin.query(`query($e: ID!) { tallyBoard(electionId: $e) { seq } }`, { e: f.electionId })).data.tallyBoard;
    const DELTAS = `subscription($e: ID!, $a: Int) { tallyDeltas(electionId: $e, round: 1, afterSeq: $a) { toSeq tally } }`;
    const boards = [1, 2, 3].map(() => rawFeed(app, DELTAS, { e: f.electionId, a: snapshot.seq }));
    const other = rawFeed(app, `subscription($e: ID!, $a: Int) { tallyDeltas(electionId: $e, round: 1, afterSeq: $a) { fromSeq toSeq } }`, { e: f.electionId, a: snapshot.seq });
    await new Promise((r) => setTimeout(r, 100)); // all four have joined the hub
    const entry = `mutation($i: BallotInput!) { recordBallot(input: $i) { ... on Ballot { seq } ... on Error { code } } }`;
    const first = await admin.query(entry, { i: { boxId, clientId: 'shared-0001', sections: [[f.mark['王强']], [f.mark['赵丽']]] } });
    for (const b of [...boards, other]) await b.until(1);
    expect(new Set(boards.map((b) => b.messages[0])).size).toBe(1);
    expect(JSON.parse(boards[0]!.messages[0]!)).toMatchObject({ data: { tallyDeltas: { toSeq: first.data.recordBallot.seq, tally: { ballotsCounted: 1 } } } });
    expect(JSON.parse(other.messages[0]!)).toEqual({ data: { tallyDeltas: { fromSeq: snapshot.seq + 1, toSeq: first.data.recordBallot.seq } } });
    // One board goes away; the others go on receiving.
    await boards[2]!.stop();
    const second = await admin.query(entry, { i: { boxId, clientId: 'shared-0002', sections: [[f.mark['张建国']], []] } });
    for (const b of [boards[0]!, boards[1]!, other]) await b.until(2);
    expect(boards[0]!.messages[1]).toBe(boards[1]!.messages[1]);
    expect(JSON.parse(boards[0]!.messages[1]!).data.tallyDeltas.toSeq).toBe(second.data.recordBallot.seq);
    expect(boards[2]!.messages).toHaveLength(1);
    for (const b of [boards[0]!, boards[1]!, other]) await b.stop();
  });
});
