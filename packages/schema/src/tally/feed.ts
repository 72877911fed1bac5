/** Where a feed delivers: each value, then the end or the failure. */
export interface FeedSink<T> {
  next(value: T): void;
  end(): void;
  fail(error: unknown): void;
}

/**
 * A board's queue of batches as an async iterator. Lighter than a Repeater (no promise per push):
 * on counting day 500 boards each take 25 batches a second. `return()` ends it at once, also while
 * a `next()` waits, and runs `onEnd` exactly once, so a board that goes away leaves the hub.
 * A board that stops reading (a sleeping laptop with its connection still open) would make the
 * queue grow all day: past `maxQueued` the feed ends instead, and the board, when it wakes, finds
 * its stream ended and re-reads the snapshot, as after any break.
 */
export class Feed<T> implements AsyncIterableIterator<T> {
  private readonly queue: T[] = [];
  private waiting: { resolve: (step: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  private ended = false;
  private failure: { error: unknown } | null = null;

  /** Where pushes go: the reader of `next()` (queue and waiting promise) until `attach` gives another. */
  private sink: FeedSink<T> = {
    next: (value) => {
      const waiting = this.waiting;
      if (waiting) {
        this.waiting = null;
        waiting.resolve({ done: false, value });
      } else if (this.queue.length >= this.maxQueued) {
        this.queue.length = 0;
        this.end();
      } else {
        this.queue.push(value);
      }
    },
    end: () => {
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve({ done: true, value: undefined });
    },
    fail: (error) => {
      const waiting = this.waiting;
      if (waiting) {
        this.waiting = null;
        waiting.reject(error);
      } else {
        this.failure = { error };
      }
    },
  };

  constructor(
    private readonly onEnd: () => void,
    private readonly maxQueued = Number.POSITIVE_INFINITY,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  push(value: T): void {
    if (!this.ended) this.sink.next(value);
  }

  /** Ends the feed with an error: what was queued is still delivered, then the error. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.end();
    this.sink.fail(error);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ done: false, value: this.queue.shift()! });
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /**
   * Push mode, for the SSE writer of a shared feed (apps/server/src/shared-events.ts): from now on
   * every value goes straight to `sink` as it is pushed — what was queued first — with no promise
   * per value; on 500 boards 25 times a second that is most of a pull's cost. The feed is then read
   * only this way; `return()` still ends it.
   */
  attach(sink: FeedSink<T>): void {
    this.sink = sink;
    for (const value of this.queue.splice(0)) sink.next(value);
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      sink.fail(error);
    } else if (this.ended) sink.end();
  }

  return(): Promise<IteratorResult<T>> {
    this.queue.length = 0;
    this.failure = null;
    if (!this.ended) {
      this.end();
      this.sink.end();
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  private end(): void {
    this.ended = true;
    this.onEnd();
  }
}
