import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { LiveFeed, type FeedState } from './feed.ts';

/** The live count of an election's current round, kept up to date for as long as the component lives. */
export function useLiveCount(electionId: string, replay: boolean): FeedState & { readonly feed: LiveFeed } {
  const feed = useMemo(() => new LiveFeed(electionId, { replay }), [electionId, replay]);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  const state = useSyncExternalStore(
    (onChange) => feed.subscribe(onChange),
    () => feed.current,
  );
  return { ...state, feed };
}
