/**
 * GraphQL subscriptions over Server-Sent Events, the way graphql-yoga serves them ("distinct
 * connections" mode of GraphQL over SSE): one POST per subscription with
 * `accept: text/event-stream`, answered by `event: next` / `data: {result}` events, `:` pings, and a
 * final `event: complete`. A POST (rather than EventSource's GET) keeps long queries out of URLs and
 * lets the session cookie ride along like every other request.
 */
import type { OperationContext, SubscriptionForwarder } from 'urql';

export interface SseEvent {
  /** `next`, `complete`, or `message` when the server named none. */
  readonly event: string;
  readonly data: string;
}

/** Feeds text as it arrives; calls `onEvent` once per complete event (pings and comments skipped). */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    // CRLF may be split across chunks: normalise the whole buffer, a trailing CR waits for its LF.
    buffer = (buffer + chunk).replace(/\r\n/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (event !== 'message' || data.length > 0) onEvent({ event, data: data.join('\n') });
    }
  };
}

// urql's OperationContext has no index signature; this key is read only here.
const OPENED = 'huanjieSubscriptionOpened';

/**
 * Context for `client.subscription(…, context)`: `opened` is called once the server holds the
 * subscription (its first bytes have arrived), so a caller can start what the subscription watches
 * — e.g. an upload whose progress it reports — without missing the first events.
 */
export function subscriptionOpened(opened: () => void): Partial<OperationContext> {
  return { [OPENED]: opened } as Partial<OperationContext>;
}

function openedListener(context: OperationContext): (() => void) | undefined {
  const listener: unknown = (context as unknown as Record<string, unknown>)[OPENED];
  return typeof listener === 'function' ? (listener as () => void) : undefined;
}

export interface SseOptions {
  readonly url: string;
  /** For tests; the browser's fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** urql's `subscriptionExchange` forwarder: one streamed POST per subscription, aborted on unsubscribe. */
export function sseForwarder(options: SseOptions): SubscriptionForwarder {
  return (request, operation) => ({
    subscribe(sink) {
      const abort = new AbortController();
      let closed = false;
      const complete = () => {
        if (closed) return;
        closed = true;
        sink.complete();
      };
      void (async () => {
        try {
          const response = await (options.fetch ?? fetch)(options.url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
            body: JSON.stringify(request),
            signal: abort.signal,
          });
          if (!response.body || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
            // A refusal before any stream (e.g. a bad request) comes back as one plain JSON result.
            if (!closed) sink.next(await response.json());
            complete();
            return;
          }
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          const feed = sseParser((e) => {
            if (closed) return;
            if (e.event === 'complete') complete();
            else if (e.data) sink.next(JSON.parse(e.data));
          });
          let first = true;
          while (!closed) {
            const { value, done } = await reader.read();
            if (done) break;
            if (first) {
              first = false;
              openedListener(operation.context)?.();
            }
            feed(decoder.decode(value, { stream: true }));
          }
          if (closed) await reader.cancel().catch(() => undefined);
          complete();
        } catch (error) {
          if (closed || abort.signal.aborted) return;
          closed = true;
          sink.error(error);
        }
      })();
      return {
        unsubscribe() {
          closed = true;
          abort.abort();
        },
      };
    },
  });
}
