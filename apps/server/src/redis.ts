/**
 * With REDIS_URL, live events go through Redis so that several server processes behind any load
 * balancer serve one count (architecture.md): every process publishes to and hears from Redis.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { createEvents, type EventMap, type Events } from '@huanjie/schema';
import type { PubSubEventTarget } from 'graphql-yoga';

export interface RedisEvents {
  readonly events: Events;
  close(): Promise<void>;
}

export async function redisEvents(url: string): Promise<RedisEvents> {
  // Two connections: a subscribed Redis connection can do nothing but listen.
  const publishClient = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await Promise.all([publishClient.connect(), subscribeClient.connect()]);
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient }) as unknown as PubSubEventTarget<EventMap>;
  return {
    events: createEvents(eventTarget),
    async close() {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
