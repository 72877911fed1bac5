/** A board's feed: batches in order, an end that runs once, a waiting board released at once. */
import { describe, expect, it } from 'vitest';
import { Feed } from '../src/tally/feed.ts';

describe('Feed', () => {
  it('hands out what was pushed in order, before and while the board waits', async () => {
    const feed = new Feed<number>(() => {});
    feed.push(1);
    feed.push(2);
    expect(await feed.next()).toEqual({ done: false, value: 1 });
    expect(await feed.next()).toEqual({ done: false, value: 2 });
    const waiting = feed.next();
    feed.push(3);
    expect(await waiting).toEqual({ done: false, value: 3 });
  });

  it('ends once when the board goes away, also while it waits, and takes nothing more', async () => {
    let ended = 0;
    const feed = new Feed<number>(() => (ended += 1));
    const waiting = feed.next();
    await feed.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await feed.return();
    feed.push(4);
    expect(await feed.next()).toEqual({ done: true, value: undefined });
    expect(ended).toBe(1);
  });

  it('delivers what was queued, then the failure, and ends', async () => {
    let ended = 0;
    const feed = new Feed<number>(() => (ended += 1));
    feed.push(1);
    feed.fail(new Error('日志读取失败'));
    expect(ended).toBe(1);
    expect(await feed.next()).toEqual({ done: false, value: 1 });
    await expect(feed.next()).rejects.toThrow('日志读取失败');
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('rejects a board waiting when the failure comes', async () => {
    const feed = new Feed<number>(() => {});
    const waiting = feed.next();
    feed.fail(new Error('断开'));
    await expect(waiting).rejects.toThrow('断开');
  });

  it('ends, dropping its backlog, when the board stops reading for longer than it may queue', async () => {
    let ended = 0;
    const feed = new Feed<number>(() => (ended += 1), 3);
    for (let n = 1; n <= 3; n += 1) feed.push(n);
    expect(ended).toBe(0);
    expect(await feed.next()).toEqual({ done: false, value: 1 });
    feed.push(4); // three queued again: still within bounds
    expect(ended).toBe(0);
    feed.push(5);
    expect(ended).toBe(1);
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('never ends a board that keeps reading, however long the count', async () => {
    let ended = 0;
    const feed = new Feed<number>(() => (ended += 1), 3);
    for (let n = 1; n <= 100; n += 1) {
      const reading = feed.next();
      feed.push(n);
      expect(await reading).toEqual({ done: false, value: n });
    }
    expect(ended).toBe(0);
  });

  it('attached, hands what was queued and then every push straight to the sink, and tells it the end', () => {
    const seen: string[] = [];
    const feed = new Feed<number>(() => seen.push('left the hub'));
    feed.push(1);
    feed.attach({ next: (n) => seen.push(`batch ${n}`), end: () => seen.push('end'), fail: () => seen.push('fail') });
    feed.push(2);
    expect(seen).toEqual(['batch 1', 'batch 2']);
    void feed.return();
    feed.push(3);
    expect(seen).toEqual(['batch 1', 'batch 2', 'left the hub', 'end']);
  });

  it('attached, passes a failure on once', () => {
    const seen: string[] = [];
    const feed = new Feed<number>(() => {});
    feed.attach({ next: (n) => seen.push(`batch ${n}`), end: () => seen.push('end'), fail: (e) => seen.push(`fail ${(e as Error).message}`) });
    feed.fail(new Error('日志读取失败'));
    void feed.return();
    expect(seen).toEqual(['fail 日志读取失败']);
  });
});
