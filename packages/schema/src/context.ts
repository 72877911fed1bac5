import type { Database, Db } from '@huanjie/db';
import type { Events } from './events.ts';
import type { TallyHub } from './tally/board.ts';

export type Role = 'township-admin' | 'community-committee' | 'clerk' | 'observer';

/** Who is asking: the signed-in account, with the communities its role is scoped to. */
export interface Actor {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly communityIds: ReadonlySet<number>;
}

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in the township's time zone (Asia/Shanghai), 'YYYY-MM-DD'. */
  today(): string;
}

export interface Context {
  readonly db: Db;
  readonly database: Database;
  readonly actor: Actor | null;
  /** 'expired' when the request carried a session cookie that is no longer valid. */
  readonly session: 'none' | 'valid' | 'expired';
  readonly clock: Clock;
  readonly events: Events;
  /** Fans the count's events out to this process's boards (one pub/sub subscription per election). */
  readonly tallyHub: TallyHub;
  /** Cookies to set on the response (session sign-in/out). */
  setCookie(cookie: string): void;
  /** The raw session token the request carried, if any (for sign-out). */
  readonly sessionToken: string | null;
}

export function systemClock(timeZone = 'Asia/Shanghai'): Clock {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    now: () => new Date(),
    today: () => fmt.format(new Date()),
  };
}

/** A clock fixed at a given day, for tests and demos (HUANJIE_TODAY). */
export function fixedClock(today: string): Clock {
  return {
    now: () => new Date(),
    today: () => today,
  };
}
