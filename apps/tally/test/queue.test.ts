/**
 * The entry queue against a fake server: stored before sending, sent in order, retried with the
 * same clientId after a network failure, a refusal kept and shown rather than dropped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryQueue } from '../src/queue/queue.ts';
import { openEntryStore, type EntryStore, type StoredEntry } from '../src/queue/store.ts';

interface Sent {
  readonly clientId: string;
  readonly sections: string[][];
}

let sent: Sent[] = [];
let behaviour: (n: number, body: Sent) => Response | 'network';

beforeEach(() => {
  sent = [];
  // The queue listens for the browser's `online` event.
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const input = (JSON.parse(String(init.body)) as { variables: { input: Sent } }).variables.input;
      const outcome = behaviour(sent.length, input);
      sent.push(input);
      if (outcome === 'network') throw new TypeError('Failed to fetch');
      return outcome;
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const ballotAnswer = (id: number) => Response.json({ data: { recordBallot: { __typename: 'Ballot', id, seq: id } } });
const entry = { electionId: 'RWxlY3Rpb246MQ==', round: 1, boxId: 'Qm94Q291bnQ6MQ==', spoiled: false };

async function settled(queue: EntryQueue): Promise<void> {
  await vi.waitFor(() => expect(queue.current.pending).toBe(0), { timeout: 5_000 });
}

describe('the entry queue', () => {
  it('stores each entry before sending it, and sends them in the order entered', async () => {
    behaviour = (n) => ballotAnswer(n + 1);
    const store = await openEntryStore(); // no IndexedDB under node: the memory store
    const puts: string[] = [];
    const spy: EntryStore = { kind: store.kind, all: () => store.all(), put: async (e: StoredEntry) => { puts.push(`${e.clientId}:${e.state}`); await store.put(e); } };
    const queue = await EntryQueue.open(spy);
    queue.start();
    const a = await queue.enqueue({ ...entry, sections: [['c1'], []] });
    const b = await queue.enqueue({ ...entry, sections: [['c2'], []] });
    await settled(queue);
    expect(sent.map((s) => s.clientId)).toEqual([a.clientId, b.clientId]);
    expect(puts[0]).toBe(`${a.clientId}:pending`);
    expect((await store.all()).map((e) => [e.state, e.ballotId])).toEqual([['sent', 1], ['sent', 2]]);
    queue.stop();
  });

  it('retries a failed send with the same clientId, and reports being offline meanwhile', async () => {
    behaviour = (n) => (n < 2 ? 'network' : ballotAnswer(7));
    const queue = await EntryQueue.open(await openEntryStore());
    queue.start();
    const a = await queue.enqueue({ ...entry, sections: [['c1'], ['c3']] });
    await vi.waitFor(() => expect(queue.current.offline).toBe(true));
    window.dispatchEvent(new Event('online')); // the browser is back: no need to wait for the backoff
    await settled(queue);
    expect(sent.map((s) => s.clientId)).toEqual([a.clientId, a.clientId, a.clientId]);
    expect(queue.current.offline).toBe(false);
    expect(queue.entriesOf(entry.boxId).map((e) => e.ballotId)).toEqual([7]);
    queue.stop();
  });

  it('keeps a refused entry with the server’s reason and goes on with the next', async () => {
    behaviour = (n) =>
      n === 0 ? Response.json({ data: { recordBallot: { __typename: 'UserError', code: 'BOX_FULL', message: '该票箱收回选票 6 张，已全部录入' } } }) : ballotAnswer(9);
    const queue = await EntryQueue.open(await openEntryStore());
    queue.start();
    await queue.enqueue({ ...entry, sections: [['c1'], []] });
    await queue.enqueue({ ...entry, sections: [['c2'], []] });
    await settled(queue);
    expect(queue.entriesOf(entry.boxId).map((e) => [e.state, e.refusal?.code ?? null])).toEqual([
      ['refused', 'BOX_FULL'],
      ['sent', null],
    ]);
    queue.stop();
  });

  it('picks up what an earlier visit left unsent', async () => {
    behaviour = () => 'network';
    const store = await openEntryStore();
    const first = await EntryQueue.open(store);
    first.start();
    const a = await first.enqueue({ ...entry, sections: [['c1'], []] });
    first.stop();
    behaviour = () => ballotAnswer(3);
    const second = await EntryQueue.open(store);
    expect(second.current.pending).toBe(1);
    second.start();
    await settled(second);
    expect(sent.at(-1)?.clientId).toBe(a.clientId);
    second.stop();
  });
});
