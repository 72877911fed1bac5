/**
 * D4 — the strokes of one character, from cnchar + cnchar-order: how many, and their classes in
 * writing order. cnchar is set up once when this module loads; every character is looked up once
 * and cached, so sorting a long list costs one dictionary lookup per distinct character.
 */
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { strokeClassOfName, type StrokeClass } from './classes.ts';

// Module-level, once: installing the order plugin twice is harmless but pointless.
if (!cnchar.hasPlugin('order')) cnchar.use(order);

export interface CharStrokes {
  readonly char: string;
  /** false: cnchar-order has no stroke order for it (see `charTier`). */
  readonly known: boolean;
  readonly count: number;
  /** the class of each stroke in writing order; empty when not known. */
  readonly classes: readonly StrokeClass[];
}

const cache = new Map<string, CharStrokes>();

/** cnchar.stroke(ch, 'order', 'name') gives [[name, …]] for a known character and [null] otherwise. */
function lookupNames(char: string): readonly string[] | null {
  // cnchar splits by UTF-16 unit and knows no astral (CJK extension B+) characters anyway.
  if (char.length !== 1) return null;
  const result: unknown = cnchar.stroke(char, 'order', 'name');
  if (!Array.isArray(result) || result.length !== 1) return null;
  const names: unknown = result[0];
  if (!Array.isArray(names) || names.length === 0) return null;
  const out: string[] = [];
  for (const name of names) {
    if (typeof name !== 'string') return null;
    out.push(name);
  }
  return out;
}

/** D4 — count and classes of one character (one code point), cached. */
export function charStrokes(char: string): CharStrokes {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  const names = lookupNames(char);
  let value: CharStrokes;
  if (names === null) {
    value = { char, known: false, count: 0, classes: [] };
  } else {
    const classes = names.map((name) => {
      const strokeClass = strokeClassOfName(name);
      // A stroke name missing from the table is a bug (a cnchar upgrade), not user input.
      if (strokeClass === null) throw new Error(`stroke name ${JSON.stringify(name)} of ${char} is not mapped to a stroke class`);
      return strokeClass;
    });
    value = { char, known: true, count: classes.length, classes };
  }
  cache.set(char, value);
  return value;
}
