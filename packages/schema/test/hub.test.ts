/**
 * The tally hub's timing (board.ts): a ballot after a quiet spell reaches the boards at once; in a
 * busy spell the boards get at most one batch per BATCH_MS, each event once and in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '@huanjie/db';
import { BATCH_MS, TallyHub } from '../src/tally/board.ts';
import { createEvents, type TallyEvent } from '../src/events.ts';

const ELECTION = 7;
const ballot = (seq: number): TallyEvent => ({ electionId: ELECTION, round: 1, seq, kind: 'ballot', at: '2026-12-20T08:00:00.000Z', boxId: 1, ballot: { id: seq, spoiled: false, sections: [['c1']] } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TallyHub', () => {
  // In-step events never touch the database (it fills gaps only); the hub still gets a real one.
  let database: Database;
  beforeAll(async () => {
    database = await createDb({ dataDir: 'memory://' });
  });
  afterAll(() => database.close());

  it('sends the first ballot after a quiet spell at once, and a busy stream at most once per BATCH_MS', async () => {
    const events = createEvents();
    const hub = new TallyHub(events, database.db);
    const batches: { at: number; seqs: number[] }[] = [];
    const leave = hub.subscribe(ELECTION, (batch) => batches.push({ at: performance.now(), seqs: batch.map((e) => e.seq) }));
    await sleep(10); // the hub's subscription is live

    const quiet = performance.now();
    events.publish('tally', ELECTION, ballot(1));
    await sleep(BATCH_MS / 2);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.seqs).toEqual([1]);
    expect(batches[0]!.at - quiet).toBeLessThan(BATCH_MS / 2);

    // A busy spell: a ballot every 5 ms for 12 BATCH_MS.
    for (let seq = 2; seq <= 2 + (12 * BATCH_MS) / 5; seq += 1) {
      events.publish('tally', ELECTION, ballot(seq));
      await sleep(5);
    }
    await sleep(BATCH_MS * 2);
    leave();

    expect(batches.flatMap((b) => b.seqs)).toEqual(Array.from({ length: 2 + (12 * BATCH_MS) / 5 }, (_, i) => i + 1));
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(BATCH_MS - 2); // timers may fire a hair early
    expect(batches.length).toBeLessThanOrEqual(1 + 14);
  });

  it('gives the batch to every other board when one board fails to take it', async () => {
    const events = createEvents();
    const hub = new TallyHub(events, database.db);
    const taken: number[][] = [];
    const errors: unknown[] = [];
    const logged = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const leaveA = hub.subscribe(ELECTION, (batch) => taken.push(batch.map((e) => e.seq)));
      const leaveB = hub.subscribe(ELECTION, () => {
        throw new Error('坏的看板');
      });
      const leaveC = hub.subscribe(ELECTION, (batch) => taken.push(batch.map((e) => e.seq)));
      await sleep(10);
      events.publish('tally', ELECTION, ballot(1));
      await sleep(BATCH_MS);
      [leaveA, leaveB, leaveC].forEach((leave) => leave());
    } finally {
      console.error = logged;
    }
    expect(taken).toEqual([[1], [1]]);
    expect(errors).toHaveLength(1);
  });
});
