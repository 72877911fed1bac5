/**
 * Where ballot entries wait until the server acknowledges them: IndexedDB (survives a reload, a
 * crash or a flat battery), behind a small promise wrapper. If IndexedDB cannot be opened (some
 * private modes), a memory store keeps the app working and the screen says so.
 */

export interface Refusal {
  readonly code: string;
  readonly message: string;
}

/** One ballot as the clerk entered it, with what became of it. */
export interface StoredEntry {
  /** crypto.randomUUID(): the idempotency key; a resend returns the first result. */
  readonly clientId: string;
  readonly electionId: string;
  readonly round: number;
  /** BoxCount global id. */
  readonly boxId: string;
  /** Sending order: when it was entered, made unique. */
  readonly order: number;
  readonly enteredAt: string;
  readonly spoiled: boolean;
  readonly sections: readonly (readonly string[])[];
  readonly state: 'pending' | 'sent' | 'refused';
  /** The server's ballot id and sequence number once sent. */
  readonly ballotId: number | null;
  readonly seq: number | null;
  readonly refusal: Refusal | null;
  /** Corrected (作废更正) after it was sent. */
  readonly voided: boolean;
}

export interface EntryStore {
  readonly kind: 'indexeddb' | 'memory';
  put(entry: StoredEntry): Promise<void>;
  all(): Promise<StoredEntry[]>;
}

const DB_NAME = 'huanjie-tally';
const STORE = 'entries';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'clientId' });
      store.createIndex('order', 'order');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB blocked'));
  });
}

class IndexedDbStore implements EntryStore {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBDatabase) {}

  async put(entry: StoredEntry): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(entry);
    // Resolved when the write is durable for IndexedDB, not merely queued.
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  }

  async all(): Promise<StoredEntry[]> {
    const tx = this.db.transaction(STORE, 'readonly');
    return promised(tx.objectStore(STORE).index('order').getAll() as IDBRequest<StoredEntry[]>);
  }
}

class MemoryStore implements EntryStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, StoredEntry>();

  async put(entry: StoredEntry): Promise<void> {
    this.entries.set(entry.clientId, entry);
  }

  async all(): Promise<StoredEntry[]> {
    return [...this.entries.values()].sort((a, b) => a.order - b.order);
  }
}

export async function openEntryStore(): Promise<EntryStore> {
  try {
    return new IndexedDbStore(await openDatabase());
  } catch {
    return new MemoryStore();
  }
}
