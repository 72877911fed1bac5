/**
 * Public live feeds answered once per event, not once per subscriber. On counting day 500 boards
 * watch one count; for a subscription field marked `extensions: { sharedEvents: true }` — its
 * answer depends only on the event and the operation, never on who asks — each event is executed
 * once per distinct operation and variables, serialised once, and the same bytes are written to
 * every board over SSE. Otherwise Yoga would execute, stringify and encode it 500 times.
 *
 * Boards in step receive the very same event object from the hub (board.ts shares it), which is
 * what makes an event the cache key; a board catching up gets its own object and its own answer.
 * The SSE writer reads these answers directly, not through the plugins' per-message hooks, so it
 * masks unexpected errors itself, as Yoga would.
 */
import { Readable } from 'node:stream';
import { createSourceEventStream, execute, getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The subscription's root field, if the operation subscribes to a single one marked shared. */
function sharedField(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return false;
  const selections = operation.selectionSet.selections;
  if (selections.length !== 1 || selections[0]!.kind !== 'Field') return false;
  const field = schema.getSubscriptionType()?.getFields()[selections[0]!.name.value];
  return field?.extensions?.['sharedEvents'] === true;
}

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
function mapEvents(source: AsyncIterator<unknown>, map: (event: unknown) => ExecutionResult | Promise<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
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

/**
 * The GraphQL over SSE "distinct connections" mode, as Yoga's own processor speaks it. Reads the
 * shared answers; stopping goes through `wrapped`, the plugins' view of the same stream, so their
 * end hooks run.
 */
function sseResponse(results: AsyncIterator<ExecutionResult>, wrapped: AsyncIterator<ExecutionResult>, fetchAPI: { Response: typeof Response }): Response {
  let reading = false;
  const body = new Readable({
    read() {
      if (reading) return;
      reading = true;
      results.next().then(
        (step) => {
          reading = false;
          if (step.done) {
            clearInterval(ping);
            body.push(COMPLETE);
            body.push(null);
          } else {
            body.push(sseMessage(step.value));
          }
        },
        (error: unknown) => {
          console.error('live feed: the subscription failed; the connection is closed', error);
          body.destroy(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
    destroy(error, callback) {
      // The board went away (or the feed failed): stop its source, which leaves the hub.
      clearInterval(ping);
      Promise.resolve(wrapped.return?.()).catch((e: unknown) => console.error('live feed: could not stop a subscription', e));
      callback(error);
    },
  });
  body.push(PING);
  const ping = setInterval(() => body.push(PING), PING_MS);
  return new fetchAPI.Response(body as unknown as ReadableStream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', connection: 'keep-alive', 'cache-control': 'no-cache', 'content-encoding': 'none' },
  });
}

export function sharedEventsPlugin(): Plugin {
  /** The request's stream of shared answers, before the plugins' per-message hooks. */
  const streams = new WeakMap<Request, AsyncIterator<ExecutionResult>>();
  return {
    onSubscribe({ args, setSubscribeFn }) {
      if (!sharedField(args.schema, args.document, args.operationName)) return;
      const request = (args.contextValue as { request?: Request }).request;
      setSubscribeFn(async (subscribeArgs) => {
        const source = await createSourceEventStream(subscribeArgs);
        if (!(Symbol.asyncIterator in source)) return source;
        const key = operationKey(subscribeArgs);
        const answers = mapEvents(source[Symbol.asyncIterator](), (event) => answer(subscribeArgs, key, event));
        if (request) streams.set(request, answers);
        return answers;
      });
    },
    onResultProcess({ request, result, setResultProcessor }) {
      const answers = streams.get(request);
      if (!answers || !(Symbol.asyncIterator in Object(result))) return;
      if (!(request.headers.get('accept') ?? '').includes('text/event-stream')) return;
      setResultProcessor((r, fetchAPI) => sseResponse(answers, (r as AsyncIterable<ExecutionResult>)[Symbol.asyncIterator](), fetchAPI), 'text/event-stream');
    },
  };
}
