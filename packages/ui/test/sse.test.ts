/** The SSE transport of subscriptions, against a scripted server speaking graphql-yoga's event stream. */
import { describe, expect, it } from 'vitest';
import { Client, subscriptionExchange, type OperationResult } from 'urql';
import { sseForwarder, sseParser, subscriptionOpened, type SseEvent } from '../src/sse.ts';

const encoder = new TextEncoder();

/** A fetch that answers with these chunks, one per read, and records what it was asked. */
function scriptedFetch(chunks: readonly string[], contentType = 'text/event-stream') {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (init.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
        const chunk = chunks[i++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    });
    return new Response(body, { headers: { 'content-type': contentType } });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

function clientWith(fetchImpl: typeof fetch): Client {
  return new Client({ url: '/graphql', exchanges: [subscriptionExchange({ forwardSubscription: sseForwarder({ url: '/graphql', fetch: fetchImpl }) })] });
}

const PROGRESS = 'subscription($u: String!) { importProgress(uploadId: $u) { phase done total } }';

describe('the SSE transport', () => {
  it('parses events split anywhere across chunks, skipping pings and comments', () => {
    const events: SseEvent[] = [];
    const feed = sseParser((e) => events.push(e));
    const stream = ':\n\nevent: next\ndata: {"a":1}\n\n: keep-alive\n\nevent: next\r\ndata: {"b":\r\ndata: 2}\r\n\r\nevent: complete\ndata:\n\n';
    for (const size of [1, 3, 7]) {
      events.length = 0;
      const parse = sseParser((e) => events.push(e));
      for (let i = 0; i < stream.length; i += size) parse(stream.slice(i, i + size));
      expect(events).toEqual([
        { event: 'next', data: '{"a":1}' },
        { event: 'next', data: '{"b":\n2}' },
        { event: 'complete', data: '' },
      ]);
    }
    feed('data: x\n');
    expect(events).toHaveLength(3); // an unfinished event waits for its blank line
  });

  it('posts the subscription and delivers each result, telling the caller first that it is open', async () => {
    const { fetchImpl, calls } = scriptedFetch([
      ':\n\n',
      'event: next\ndata: {"data":{"importProgress":{"phase":"reading","done":0,"total":0}}}\n\nevent: ne',
      'xt\ndata: {"data":{"importProgress":{"phase":"done","done":3,"total":3}}}\n\n',
      'event: complete\ndata:\n\n',
    ]);
    const log: string[] = [];
    const finished = new Promise<void>((resolve) => {
      clientWith(fetchImpl)
        .subscription(PROGRESS, { u: 'up-1' }, subscriptionOpened(() => log.push('opened')))
        .subscribe((r: OperationResult) => {
          const p = (r.data as { importProgress: { phase: string; done: number } }).importProgress;
          log.push(`${p.phase} ${p.done}`);
          if (p.phase === 'done') resolve();
        });
    });
    await finished;
    expect(log).toEqual(['opened', 'reading 0', 'done 3']);
    const [call] = calls;
    expect(call?.init.method).toBe('POST');
    expect(new Headers(call?.init.headers).get('accept')).toBe('text/event-stream');
    expect(JSON.parse(String(call?.init.body))).toMatchObject({ query: expect.stringContaining('importProgress'), variables: { u: 'up-1' } });
  });

  it('passes on a refusal that comes back as plain JSON', async () => {
    const { fetchImpl } = scriptedFetch([JSON.stringify({ errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] })], 'application/json');
    const result = await new Promise<OperationResult>((resolve) => {
      clientWith(fetchImpl).subscription(PROGRESS, { u: 'up-2' }).subscribe(resolve);
    });
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('aborts the request when the caller unsubscribes', async () => {
    const { fetchImpl, calls } = scriptedFetch([':\n\n']);
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const subscription = clientWith(fetchImpl).subscription(PROGRESS, { u: 'up-3' }, subscriptionOpened(opened)).subscribe(() => undefined);
    await isOpen;
    subscription.unsubscribe();
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });
});
