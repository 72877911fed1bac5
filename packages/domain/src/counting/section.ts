// F4 — MCA, most PROV: a section with more names than seats is void; a name listed twice counts once
import { assertNever } from '../basics.ts';
import type { Overvote } from '../profile.ts';

/** F4: a section whose distinct names (approvals plus write-ins) outnumber the seats is void. */
export function sectionIsOvermarked(distinctNames: number, seats: number): boolean {
  return distinctNames > seats;
}

/** F4, option `overvote`: does an over-marked section void the whole ballot ("ballot") or only itself ("section", default)? */
export function overmarkVoidsBallot(overvote: Overvote): boolean {
  switch (overvote) {
    case 'section':
      return false;
    case 'ballot':
      return true;
    default:
      return assertNever(overvote, 'overvote');
  }
}

/**
 * Gives every name found on the ballots — a candidate id or a write-in (另选他人) — a small index,
 * and reads sections without allocating: the distinct names of a section are written to a shared
 * buffer. A mark that cannot be made out (an empty string; parseCountInput trims marks) is ignored
 * and the rest of the section counts (F4).
 */
export class MarkReader {
  /** index → candidate id or written name */
  readonly names: string[] = [];
  private readonly indexByName = new Map<string, number>();
  /** index → the last section (by serial number) that listed the name: dedup without a Set */
  private readonly lastSection: number[] = [];
  private section = 0;

  constructor(private readonly onNewName: () => void) {}

  indexOf(name: string): number {
    let index = this.indexByName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.indexByName.set(name, index);
      this.names.push(name);
      this.lastSection.push(0);
      this.onNewName();
    }
    return index;
  }

  /** Writes the indices of the section's distinct legible names to `into[at…]`; returns how many. */
  readSection(marks: readonly string[], into: number[], at: number): number {
    const section = ++this.section;
    let distinct = 0;
    for (let m = 0; m < marks.length; m++) {
      const mark = marks[m];
      if (mark === undefined || mark.length === 0) continue;
      const index = this.indexOf(mark);
      if (this.lastSection[index] === section) continue;
      this.lastSection[index] = section;
      into[at + distinct] = index;
      distinct++;
    }
    return distinct;
  }
}
