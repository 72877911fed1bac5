/**
 * The entry queue (architecture.md, "one ballot on counting day", step 1): every ballot is written
 * to the store BEFORE it is sent, then sent one at a time in the order it was entered. A network
 * failure leaves it at the head of the queue and the queue retries (backing off, or at once when
 * the browser is back online); since the server returns the first result for a repeated clientId,
 * a resend after a lost answer cannot count it twice. A refusal (a full or closed box) is kept and
 * shown, never dropped.
 */
import { graphql } from '@huanjie/ui/graphql';
import { gqlRequest } from '../api/request.ts';
import type { EntryStore, StoredEntry } from './store.ts';

export const RecordBallotMutation = graphql(`
  mutation RecordBallot($input: BallotInput!) {
    recordBallot(input: $input) {
      __typename
      ... on Ballot { id seq }
      ... on Error { code message }
    }
  }
`);

export interface QueueStatus {
  /** Entered and not yet acknowledged. */
  readonly pending: number;
  /** The last send failed for want of a network; the queue is waiting to retry. */
  readonly offline: boolean;
  /** The session expired: entries wait until the clerk signs in again. */
  readonly signedOut: boolean;
  readonly storage: EntryStore['kind'];
  /** Bumped on every change. */
  readonly version: number;
}

export interface NewEntry {
  readonly electionId: string;
  readonly round: number;
  readonly boxId: string;
  readonly spoiled: boolean;
  readonly sections: readonly (readonly string[])[];
}

const BACKOFF_MS = [300, 1_000, 2_000, 4_000, 8_000];

export class EntryQueue {
  private entries: StoredEntry[] = [];
  private status: QueueStatus;
  private readonly listeners = new Set<() => void>();
  private running = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private lastOrder = 0;

  private constructor(private readonly store: EntryStore) {
    this.status = { pending: 0, offline: false, signedOut: false, storage: store.kind, version: 0 };
  }

  static async open(store: EntryStore): Promise<EntryQueue> {
    const queue = new EntryQueue(store);
    queue.entries = await store.all();
    queue.lastOrder = queue.entries.at(-1)?.order ?? 0;
    queue.changed({});
    return queue;
  }

  get current(): QueueStatus {
    return this.status;
  }

  /** Entries of a box, in entry order. */
  entriesOf(boxId: string): readonly StoredEntry[] {
    return this.entries.filter((e) => e.boxId === boxId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.retryNow);
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    this.retryNow();
  }

  /** Stores the ballot, then queues it for sending; resolves once it is stored. */
  async enqueue(input: NewEntry): Promise<StoredEntry> {
    // Unique and increasing even for two entries in the same millisecond.
    this.lastOrder = Math.max(Date.now(), this.lastOrder + 1);
    const entry: StoredEntry = {
      ...input,
      clientId: crypto.randomUUID(),
      order: this.lastOrder,
      enteredAt: new Date().toISOString(),
      state: 'pending',
      ballotId: null,
      seq: null,
      refusal: null,
      voided: false,
    };
    this.entries.push(entry);
    this.changed({});
    try {
      await this.store.put(entry);
    } finally {
      // Even if the store failed, sending beats losing the ballot; the caller shows the failure.
      void this.pump();
    }
    return entry;
  }

  async markVoided(clientId: string): Promise<void> {
    const entry = this.entries.find((e) => e.clientId === clientId);
    if (entry) await this.replace({ ...entry, voided: true });
  }

  readonly retryNow = (): void => {
    this.wake?.();
  };

  private changed(patch: Partial<QueueStatus>): void {
    const pending = this.entries.filter((e) => e.state === 'pending').length;
    this.status = { ...this.status, ...patch, pending, version: this.status.version + 1 };
    for (const l of this.listeners) l();
  }

  private async replace(next: StoredEntry): Promise<void> {
    this.entries = this.entries.map((e) => (e.clientId === next.clientId ? next : e));
    this.changed({});
    await this.store.put(next);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Sends pending entries in order, one at a time; only one pump runs. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let failures = 0;
    try {
      while (!this.stopped) {
        const next = this.entries.find((e) => e.state === 'pending');
        if (!next) break;
        const outcome = await gqlRequest(RecordBallotMutation, {
          input: { boxId: next.boxId, clientId: next.clientId, spoiled: next.spoiled, sections: next.sections.map((s) => [...s]) },
        });
        if (outcome.kind === 'network' || outcome.kind === 'auth') {
          this.changed({ offline: outcome.kind === 'network', signedOut: outcome.kind === 'auth' });
          await this.sleep(BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 8_000);
          failures += 1;
          continue;
        }
        failures = 0;
        if (this.status.offline || this.status.signedOut) this.changed({ offline: false, signedOut: false });
        const current = this.entries.find((e) => e.clientId === next.clientId) ?? next;
        if (outcome.kind === 'refused') {
          await this.replace({ ...current, state: 'refused', refusal: { code: outcome.code, message: outcome.message } });
          continue;
        }
        const result = outcome.data.recordBallot;
        if (result.__typename === 'Ballot') {
          await this.replace({ ...current, state: 'sent', ballotId: result.id, seq: result.seq });
        } else {
          await this.replace({ ...current, state: 'refused', refusal: { code: result.code, message: result.message } });
        }
      }
    } finally {
      this.running = false;
      this.wake = null;
    }
  }
}
