/**
 * Live turnout of the round ballots are issued for: read once, then the `turnout` subscription
 * (one event per ballot issued anywhere in the community), reconnecting after a break. The
 * subscription's first figure is the first round's, so figures of another round are skipped.
 */
import { useEffect, useState } from 'react';
import { gqlRequest } from '../api/request.ts';
import { subscribeSse, type SseSubscription } from '../api/sse.ts';
import type { Connection } from '../live/feed.ts';
import { TurnoutQuery, TurnoutSubscription, type Turnout } from './data.ts';

export function useTurnout(electionId: string, round: number): { readonly turnout: Turnout | null; readonly connection: Connection } {
  const [turnout, setTurnout] = useState<Turnout | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    let stopped = false;
    let subscription: SseSubscription | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    const retry = () => {
      if (stopped) return;
      setConnection('reconnecting');
      timer = setTimeout(connect, Math.min(8_000, 500 * 2 ** failures));
      failures += 1;
    };
    const connect = async () => {
      const first = await gqlRequest(TurnoutQuery, { id: electionId, round });
      if (stopped) return;
      if (first.kind === 'data' && first.data.node?.__typename === 'Election') setTurnout(first.data.node.turnout);
      subscription = subscribeSse(
        TurnoutSubscription,
        { electionId },
        {
          onOpen: () => {
            failures = 0;
            setConnection('live');
          },
          onResult: (r) => {
            if (r.kind === 'data' && r.data.turnout.round === round) setTurnout(r.data.turnout);
          },
          onEnd: retry,
        },
      );
    };
    void connect();
    const online = () => {
      subscription?.close();
      if (timer) clearTimeout(timer);
      void connect();
    };
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      window.removeEventListener('online', online);
      subscription?.close();
      if (timer) clearTimeout(timer);
    };
  }, [electionId, round]);
  return { turnout, connection };
}
