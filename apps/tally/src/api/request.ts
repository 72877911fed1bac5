/**
 * A typed GraphQL request with plain fetch, for the places where the app must tell a network failure
 * (retry later) from a refusal (show it) — the entry queue and the live feed. Pages use urql.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from 'urql';

export const GRAPHQL_URL = '/graphql';

export type RequestOutcome<R> =
  | { readonly kind: 'data'; readonly data: R }
  /** No answer, a 5xx or an unexpected server error: worth retrying (the server dedupes what repeats). */
  | { readonly kind: 'network'; readonly message: string }
  /** The session is missing or expired: sign in again. */
  | { readonly kind: 'auth'; readonly message: string }
  /** The server refused the request (e.g. FORBIDDEN): retrying will not help. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

interface WireError {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown };
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** Classifies a GraphQL response body (also used for results arriving over SSE). */
export function outcomeOf<R>(body: unknown): RequestOutcome<R> {
  if (typeof body !== 'object' || body === null) return { kind: 'network', message: 'invalid response' };
  const { data, errors } = body as { data?: unknown; errors?: readonly WireError[] };
  const first = Array.isArray(errors) ? (errors[0] as WireError | undefined) : undefined;
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const message = typeof first.message === 'string' ? first.message : code;
    if (AUTH_CODES.has(code)) return { kind: 'auth', message };
    // Masked unexpected errors are the server's trouble, not the request's: try again later.
    if (code === 'INTERNAL_SERVER_ERROR') return { kind: 'network', message };
    return { kind: 'refused', code, message };
  }
  if (data === undefined || data === null) return { kind: 'network', message: 'empty response' };
  // The shape is the document's: the server validated the operation against the same schema.
  return { kind: 'data', data: data as R };
}

export async function gqlRequest<R, V>(document: TypedDocumentNode<R, V>, variables: V, signal?: AbortSignal): Promise<RequestOutcome<R>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: print(document), variables }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  if (response.status >= 500) return { kind: 'network', message: `HTTP ${response.status}` };
  try {
    return outcomeOf<R>(await response.json());
  } catch {
    return { kind: 'network', message: `HTTP ${response.status}` };
  }
}

/**
 * The database id inside a Relay global id ("BoxCount:5", base64). Events and ballots carry
 * database ids (TallyEvent.boxId, Ballot.id) while nodes carry global ids; this joins the two.
 */
export function localIdOf(globalId: string): number | null {
  try {
    const [, id] = atob(globalId).split(':');
    const n = Number(id);
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}
