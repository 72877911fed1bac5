/**
 * A small seeded pseudo-random generator (mulberry32) for deterministic demo data and fixtures.
 * Not for anything that must be unpredictable.
 */
import { assertDefined } from '../basics.ts';

export interface SeededRandom {
  /** A float in [0, 1). */
  readonly next: () => number;
  /** An integer in [min, max], both inclusive. */
  readonly int: (min: number, max: number) => number;
  /** A float in [min, max). */
  readonly float: (min: number, max: number) => number;
  /** True with probability p. */
  readonly chance: (p: number) => boolean;
  /** One element, uniformly. */
  readonly pick: <T>(items: readonly T[]) => T;
  /** One element, with probability proportional to `weight(item)`. */
  readonly pickWeighted: <T>(items: readonly T[], weight: (item: T) => number) => T;
}

/** mulberry32: a 32-bit state generator (Tommy Ettinger), good enough for demo data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return assertDefined(items[int(0, items.length - 1)], 'picked item');
  };
  const pickWeighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    if (items.length === 0 || !(total > 0)) throw new Error('pickWeighted needs a positive total weight');
    let target = next() * total;
    for (const item of items) {
      target -= weight(item);
      if (target < 0) return item;
    }
    return assertDefined(items[items.length - 1], 'last item');
  };
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick,
    pickWeighted,
  };
}
