/**
 * A small reader of GraphQL subscriptions over Server-Sent Events, as graphql-yoga serves them: one
 * POST with `accept: text/event-stream`, answered by `event: next` / `data: {result}` blocks, `:`
 * pings (every 12 s) and a final `event: complete`. Kept here rather than in the shared urql client
 * so that the live board and turnout control their own reconnects (snapshot + afterSeq).
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from 'urql';
import { sseParser, type SseEvent } from '@huanjie/ui';
import { GRAPHQL_URL, outcomeOf, type RequestOutcome } from './request.ts';

export type SseEnd =
  /** The server completed the stream. */
  | { readonly kind: 'complete' }
  /** The connection failed or broke. */
  | { readonly kind: 'failed'; readonly message: string }
  /** Nothing arrived, not even a ping, for too long: the connection is presumed dead. */
  | { readonly kind: 'stalled' };

export interface SseHandlers<R> {
  /** The server holds the subscription (its first bytes arrived). */
  readonly onOpen?: () => void;
  readonly onResult: (result: RequestOutcome<R>) => void;
  /** Called once, unless close() was called first. */
  readonly onEnd: (end: SseEnd) => void;
}

export interface SseSubscription {
  close(): void;
}

/** Longer than two of the server's 12 s pings. */
const STALL_MS = 30_000;

/** Splits a stream of text into SSE blocks (the shared parser of packages/ui), collected per chunk. */
export function sseBlocks(): (chunk: string) => SseEvent[] {
  let out: SseEvent[] = [];
  const feed = sseParser((event) => out.push(event));
  return (chunk) => {
    out = [];
    feed(chunk);
    return out;
  };
}

export function subscribeSse<R, V>(document: TypedDocumentNode<R, V>, variables: V, handlers: SseHandlers<R>, stallMs = STALL_MS): SseSubscription {
  const abort = new AbortController();
  let ended = false;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  const end = (how: SseEnd) => {
    if (ended) return;
    ended = true;
    if (watchdog) clearTimeout(watchdog);
    abort.abort();
    handlers.onEnd(how);
  };
  const alive = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = setTimeout(() => end({ kind: 'stalled' }), stallMs);
  };

  void (async () => {
    alive();
    let response: Response;
    try {
      response = await fetch(GRAPHQL_URL, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: print(document), variables }),
        signal: abort.signal,
      });
    } catch (error) {
      end({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (ended) return;
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !type.includes('text/event-stream')) {
      // Refused before any stream (bad request, not allowed): one plain JSON result.
      try {
        const body: unknown = await response.json();
        if (!ended) handlers.onResult(outcomeOf<R>(body));
        end({ kind: 'complete' });
      } catch {
        end({ kind: 'failed', message: `HTTP ${response.status}` });
      }
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const blocks = sseBlocks();
    let opened = false;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (ended) return;
        if (done) break;
        alive();
        if (!opened) {
          opened = true;
          handlers.onOpen?.();
        }
        for (const block of blocks(value)) {
          if (block.event === 'complete') {
            end({ kind: 'complete' });
            return;
          }
          if (!block.data) continue;
          let body: unknown;
          try {
            body = JSON.parse(block.data);
          } catch {
            continue; // a torn block cannot happen with \n\n framing; ignore rather than crash
          }
          handlers.onResult(outcomeOf<R>(body));
          if (ended) return;
        }
      }
      end({ kind: 'failed', message: 'stream ended' });
    } catch (error) {
      end({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();

  return {
    close() {
      ended = true;
      if (watchdog) clearTimeout(watchdog);
      abort.abort();
    },
  };
}
