// F3, F4 — a box counted from its tally sheet (计票单): the sheet's numbers checked, and expanded
// into ballots that the engine counts exactly as the sheet says
import type { CountBallot, CountPosition } from './types.ts';

/** One position on the sheet: void sections (F4) and votes per candidate id or written-in name. */
export interface SheetPosition {
  readonly voidSections: number;
  readonly votes: Readonly<Record<string, number>>;
}

export interface TallySheetTotals {
  readonly spoiled: number;
  /** Aligned with the round's positions. */
  readonly positions: readonly SheetPosition[];
}

export type SheetProblem = { readonly field: string; readonly message: string };

const whole = (n: number) => Number.isInteger(n) && n >= 0;

/**
 * The sheet must be possible for the box: spoiled ≤ ballots returned; per position, void sections
 * ≤ valid ballots, nobody more votes than the valid sections, and no more marks than seats allow.
 */
export function checkTallySheet(totals: TallySheetTotals, positions: readonly CountPosition[], ballotsReturned: number): SheetProblem | null {
  if (!whole(totals.spoiled)) return { field: 'spoiled', message: '作废票数必须是非负整数' };
  if (totals.spoiled > ballotsReturned) return { field: 'spoiled', message: `作废票 ${totals.spoiled} 张，超过收回选票 ${ballotsReturned} 张` };
  if (totals.positions.length !== positions.length) return { field: 'positions', message: `计票单应有 ${positions.length} 个职位栏` };
  const valid = ballotsReturned - totals.spoiled;
  for (const [i, p] of positions.entries()) {
    const sheet = totals.positions[i]!;
    const field = `positions[${i}]`;
    if (!whole(sheet.voidSections)) return { field, message: '无效栏数必须是非负整数' };
    if (sheet.voidSections > valid) return { field, message: `无效栏 ${sheet.voidSections} 张，超过有效选票 ${valid} 张` };
    const sections = valid - sheet.voidSections;
    let marks = 0;
    for (const [name, votes] of Object.entries(sheet.votes)) {
      if (!whole(votes)) return { field, message: `${name} 的得票数必须是非负整数` };
      if (votes > sections) return { field, message: `${name} 得 ${votes} 票，超过该栏有效选票 ${sections} 张` };
      marks += votes;
    }
    if (marks > sections * p.seats) return { field, message: `该栏共 ${marks} 票，超过有效选票 ${sections} 张 × 应选 ${p.seats} 名` };
  }
  return null;
}

/**
 * Ballots equivalent to a (checked) sheet: the same spoiled ballots, void sections and votes. Each
 * name's votes go to consecutive sections, wrapping around, so nobody appears twice in a section
 * and no section holds more names than seats. Void sections hold seats + 1 placeholder marks.
 * Not valid under F6 aggregation, where which positions share a ballot matters.
 */
export function ballotsFromSheet(totals: TallySheetTotals, positions: readonly CountPosition[], ballotsReturned: number): CountBallot[] {
  const valid = ballotsReturned - totals.spoiled;
  const sections: string[][][] = Array.from({ length: valid }, () => positions.map(() => []));
  positions.forEach((p, i) => {
    const sheet = totals.positions[i]!;
    for (let v = 0; v < sheet.voidSections; v += 1) {
      sections[v]![i] = Array.from({ length: p.seats + 1 }, (_, k) => `（无效栏${k + 1}）`);
    }
    const usable = valid - sheet.voidSections;
    let slot = 0;
    const names = Object.entries(sheet.votes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, votes] of names) {
      for (let k = 0; k < votes; k += 1) {
        sections[sheet.voidSections + (slot % usable)]![i]!.push(name);
        slot += 1;
      }
    }
  });
  return [
    ...sections.map((s): CountBallot => ({ kind: 'marked', sections: s })),
    ...Array.from({ length: totals.spoiled }, (): CountBallot => ({ kind: 'spoiled' })),
  ];
}

/** Two clerks' sheets agree exactly (the order of names does not matter). */
export function sheetsMatch(a: TallySheetTotals, b: TallySheetTotals): boolean {
  if (a.spoiled !== b.spoiled || a.positions.length !== b.positions.length) return false;
  return a.positions.every((p, i) => {
    const q = b.positions[i]!;
    const ka = Object.entries(p.votes).filter(([, v]) => v > 0);
    const kb = Object.entries(q.votes).filter(([, v]) => v > 0);
    return p.voidSections === q.voidSections && ka.length === kb.length && ka.every(([name, v]) => q.votes[name] === v);
  });
}
