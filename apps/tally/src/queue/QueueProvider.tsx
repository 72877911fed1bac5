/** One entry queue per signed-in app: it keeps sending while the clerk moves between screens. */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { EntryQueue, type QueueStatus } from './queue.ts';
import { openEntryStore } from './store.ts';

const QueueContext = createContext<EntryQueue | null>(null);

export function QueueProvider({ children }: { readonly children: ReactNode }) {
  const [queue, setQueue] = useState<EntryQueue | null>(null);
  useEffect(() => {
    let live = true;
    let opened: EntryQueue | null = null;
    void (async () => {
      const q = await EntryQueue.open(await openEntryStore());
      if (!live) return;
      opened = q;
      q.start();
      setQueue(q);
    })();
    return () => {
      live = false;
      opened?.stop();
    };
  }, []);
  return <QueueContext.Provider value={queue}>{children}</QueueContext.Provider>;
}

/** The queue, or null while its store is opening. */
export function useEntryQueue(): EntryQueue | null {
  return useContext(QueueContext);
}

const idle: QueueStatus = { pending: 0, offline: false, signedOut: false, storage: 'indexeddb', version: 0 };

export function useQueueStatus(queue: EntryQueue | null): QueueStatus {
  return useSyncExternalStore(
    (onChange) => queue?.subscribe(onChange) ?? (() => undefined),
    () => queue?.current ?? idle,
  );
}
