/**
 * Public live feeds answered once per event, not once per subscriber. On counting day 500 boards
 * watch one count; for a subscription field marked `extensions: { sharedEvents: true }` — its
 * answer depends only on the event and the operation, never on who asks — each event is executed
 * once per distinct operation and variables, serialised once, and the same bytes are written to
 * every board over SSE. Otherwise Yoga would execute, stringify and encode it 500 times.
 *
 * Boards in step receive the very same event object from the hub (board.ts shares it), which is
 * what makes an event the cache key; a board catching up gets its own object and its own answer.
 * When the subscription's source is a board's Feed (packages/schema/src/tally/feed.ts) and the
 * board asks for SSE, the hub's batch is pushed through to the response as it arrives, with no
 * pull loop per board — most of the cost of reaching 500 boards 25 times a second. That writer
 * reads the answers directly, not through the plugins' per-message hooks, so it masks unexpected
 * errors itself, as Yoga would. Any other source, or transport, goes through Yoga's own processor.
 */
import { Readable } from 'node:stream';
import { createSourceEventStream, execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Feed } from '@huanjie/schema';

/** The subscription's root field, if the operation subscribes to a single one marked shared. */
function sharedField(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return false;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0]!.kind !== 'Field') return false;
  const field = schema.getSubscriptionType()?.getFields()[selections[0]!.name.value];
  return field?.extensions?.['sharedEvents'] === true;
}

type ToAnswer = (event: unknown) => ExecutionResult | Promise<ExecutionResult>;

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;

/** event → (operation + variables → answer): answers live as long as the event object does. */
const answers = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();
/** answer → its SSE message, encoded once. */
const messages = new WeakMap<ExecutionResult, Buffer>();

function operationKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
  return `${id}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
}

function answer(args: ExecutionArgs, key: string, event: unknown): ExecutionResult | Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
  let byOperation = answers.get(event);
  if (!byOperation) answers.set(event, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: event });
    byOperation.set(key, result);
  }
  return result;
}

/** MapSourceToResponseEvent (GraphQL spec §6.2.3) over a shared answer, one layer thin. */
function mapEvents(source: AsyncIterator<unknown>, map: ToAnswer): AsyncIterableIterator<ExecutionResult> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await source.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
  };
}

/** As Yoga's masking: an error that is not a GraphQL error is logged and answered "Unexpected error.". */
function masked(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    if (!error.originalError || error.originalError instanceof GraphQLError) return error;
    console.error('live feed: unexpected error', error.originalError);
    return new GraphQLError('Unexpected error.', { nodes: error.nodes ?? null, path: error.path ?? null });
  });
  return { ...result, errors };
}

function sseMessage(result: ExecutionResult): Buffer {
  let bytes = messages.get(result);
  if (!bytes) {
    // As Yoga's processor: internal error extensions (http status) are not sent.
    const json = JSON.stringify(masked(result), (key, value: unknown) => (key === 'http' ? undefined : value));
    bytes = Buffer.from(`event: next\ndata: ${json}\n\n`);
    messages.set(result, bytes);
  }
  return bytes;
}

const PING = Buffer.from(':\n\n');
const COMPLETE = Buffer.from('event: complete\ndata:\n\n');
/** A comment every 12 s keeps proxies from closing a quiet board's connection. */
const PING_MS = 12_000;
const SSE_HEADERS = { 'content-type': 'text/event-stream', connection: 'keep-alive', 'cache-control': 'no-cache', 'content-encoding': 'none' };

/** Unread bytes a board may hold back (several seconds of batches) before its stream is ended. */
const MAX_UNREAD_BYTES = 1 << 20;

/**
 * The GraphQL over SSE "distinct connections" mode, as Yoga's own processor speaks it, fed by
 * pushes: each batch the Feed receives is answered (shared) and written at once. Answers still
 * being computed keep their order. The stream of a board that stops reading ends past
 * MAX_UNREAD_BYTES (what it holds is delivered first); it then re-reads the snapshot. Stopping
 * goes through `wrapped`, the plugins' view of the same stream, so their end hooks run.
 */
function pushedSseResponse(feed: Feed<unknown>, toAnswer: ToAnswer, wrapped: AsyncIterator<ExecutionResult>, fetchAPI: { Response: typeof Response }): Response {
  let stopped = false;
  /** Stops the source (which leaves the hub) once. */
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(ping);
    Promise.resolve(wrapped.return?.()).catch((e: unknown) => console.error('live feed: could not stop a subscription', e));
  };
  const body = new Readable({
    read() {},
    destroy(error, callback) {
      stop(); // the board went away
      callback(error);
    },
  });
  const finish = () => {
    if (stopped || body.destroyed) return;
    body.push(COMPLETE);
    body.push(null);
    stop();
  };
  const fail = (error: unknown) => {
    console.error('live feed: the subscription failed; the connection is closed', error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  const send = (bytes: Buffer) => {
    if (stopped || body.destroyed) return;
    // A board that stopped reading: its stream ends instead of piling up (it re-reads on waking).
    if (!body.push(bytes) && body.readableLength > MAX_UNREAD_BYTES) finish();
  };
  let queued = 0;
  let order: Promise<void> = Promise.resolve();
  const inOrder = (step: () => void) => {
    if (queued === 0) step();
    else order = order.then(step);
  };
  body.push(PING);
  const ping = setInterval(() => send(PING), PING_MS);
  feed.attach({
    next(event) {
      let result: ExecutionResult | Promise<ExecutionResult>;
      try {
        result = toAnswer(event);
        if (queued === 0 && !(result instanceof Promise)) return send(sseMessage(result));
      } catch (error) {
        // Called from the hub's fan-out: this board's failure ends this board only.
        return fail(error);
      }
      queued += 1;
      order = order
        .then(() => result)
        .then((r) => send(sseMessage(r)), fail)
        .finally(() => {
          queued -= 1;
        });
    },
    end: () => inOrder(finish),
    fail: (error) => inOrder(() => fail(error)),
  });
  return new fetchAPI.Response(body as unknown as ReadableStream, { status: 200, headers: SSE_HEADERS });
}

export function sharedEventsPlugin(): Plugin {
  /** The request's board Feed and how to answer its events, for the pushed SSE writer. */
  const feeds = new WeakMap<Request, { feed: Feed<unknown>; toAnswer: ToAnswer }>();
  return {
    onSubscribe({ args, setSubscribeFn }) {
      if (!sharedField(args.schema, args.document, args.operationName)) return;
      const request = (args.contextValue as { request?: Request }).request;
      setSubscribeFn(async (subscribeArgs) => {
        const source = await createSourceEventStream(subscribeArgs);
        if (!(Symbol.asyncIterator in source)) return source;
        const key = operationKey(subscribeArgs);
        const toAnswer: ToAnswer = (event) => answer(subscribeArgs, key, event);
        if (request && source instanceof Feed) feeds.set(request, { feed: source as Feed<unknown>, toAnswer });
        return mapEvents(source[Symbol.asyncIterator](), toAnswer);
      });
    },
    onResultProcess({ request, result, setResultProcessor }) {
      const pushed = feeds.get(request);
      if (!pushed || !(Symbol.asyncIterator in Object(result))) return;
      if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) return;
      setResultProcessor((r, fetchAPI) => pushedSseResponse(pushed.feed, pushed.toAnswer, (r as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator](), fetchAPI), 'text/event-stream');
    },
  };
}
