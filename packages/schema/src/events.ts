/**
 * Live events (GraphQL subscriptions over SSE). In-memory by default; with REDIS_URL the server
 * passes a Redis event target so that several server processes share one stream (architecture.md).
 */
import { createPubSub, type PubSub, type PubSubEventTarget } from 'graphql-yoga';

export interface ImportProgressEvent {
  readonly phase: 'reading' | 'checking' | 'saving' | 'done' | 'failed';
  readonly done: number;
  readonly total: number;
}

export interface TurnoutEvent {
  readonly electionId: number;
  readonly round: number;
  readonly registered: number;
  readonly issued: number;
  readonly majority: boolean;
}

/** One change of a count, in the order of its round's sequence numbers (architecture.md). */
export interface TallyEvent {
  readonly electionId: number;
  readonly round: number;
  readonly seq: number;
  readonly kind: 'box-opened' | 'ballot' | 'void' | 'box-closed' | 'certified' | 'round-created';
  readonly at: string;
  readonly boxId: number;
  /** box-opened: the ballots returned (收回选票) of the box. */
  readonly ballotsReturned?: number;
  /** ballot and void: the ballot (a void carries the voided ballot, to take it back out). */
  readonly ballot?: { readonly id: number; readonly spoiled: boolean; readonly sections: readonly (readonly string[])[] };
}

export type EventMap = {
  /** Every change of an election's count, after its transaction commits. */
  tally: [electionId: number, event: TallyEvent];
  /** Ballots issued against registered voters of one election, after every issuance (E7). */
  turnout: [electionId: number, turnout: TurnoutEvent];
  /** Progress of one upload, keyed by the id the client chose for it. */
  importProgress: [uploadId: string, progress: ImportProgressEvent];
};

export type Events = PubSub<EventMap>;

export function createEvents(eventTarget?: PubSubEventTarget<EventMap>): Events {
  return createPubSub<EventMap>(eventTarget ? { eventTarget } : undefined);
}
