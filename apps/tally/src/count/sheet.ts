/**
 * A box's tally sheet (计票单) as a clerk types it, as a pure state: 作废票, and per position the
 * votes of each candidate, 另选他人 rows (name + votes) and the void sections. It becomes the
 * input of `enterTallySheet`, shows its totals beside the form, and two entered sheets are compared
 * figure by figure for the mismatch view. An empty field is 0.
 */
import type { EntrySection } from './draft.ts';

export interface WriteInRow {
  /** Stable across edits (React key, focus target). */
  readonly key: string;
  readonly name: string;
  readonly votes: string;
}

export interface SheetPositionDraft {
  /** Candidate id → votes as typed (digits only; '' is 0). */
  readonly votes: Readonly<Record<string, string>>;
  readonly writeIns: readonly WriteInRow[];
  readonly voidSections: string;
}

export interface SheetDraft {
  readonly spoiled: string;
  /** Aligned with the round's positions (the sections). */
  readonly positions: readonly SheetPositionDraft[];
}

/** The input of `enterTallySheet` (SheetPositionInput). */
export interface SheetInput {
  readonly spoiled: number;
  readonly positions: { voidSections: number; votes: { mark: string; votes: number }[] }[];
}

/** A sheet as the server returns it (TallySheet). */
export interface SheetFigures {
  readonly spoiled: number;
  readonly positions: readonly { readonly voidSections: number; readonly votes: readonly { readonly mark: string; readonly votes: number }[] }[];
}

/** The sheets whose figures the server showed (another clerk's are withheld until both are in). */
export function withFigures<T extends { readonly spoiled: number | null; readonly positions: SheetFigures['positions'] | null }>(sheets: readonly T[]): (T & SheetFigures)[] {
  return sheets.filter((s): s is T & SheetFigures => s.spoiled !== null && s.positions !== null);
}

export function emptySheetDraft(sections: readonly EntrySection[]): SheetDraft {
  return { spoiled: '', positions: sections.map(() => ({ votes: {}, writeIns: [], voidSections: '' })) };
}

const FULL_WIDTH_ZERO = 0xff10;

/** What a number field keeps of what was typed: digits (full-width ones from a Chinese IME too), at most 5. */
export function digits(raw: string): string {
  return raw
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - FULL_WIDTH_ZERO))
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 5);
}

export function numberOf(field: string): number {
  return field === '' ? 0 : Number(field);
}

const MAX_WRITE_IN = 30; // the server's limit for a written-in name

/** The written-in name as it is sent: trimmed, inner spaces dropped (a name read out has none). */
export function writeInName(raw: string): string {
  return raw.replace(/\s+/g, '').slice(0, MAX_WRITE_IN);
}

export type SheetProblem =
  | { readonly kind: 'writeInNoName'; readonly position: number; readonly votes: number }
  | { readonly kind: 'writeInNoVotes'; readonly position: number; readonly name: string };

/** Rows that cannot mean anything: votes without a name, a name without votes. */
export function sheetProblems(draft: SheetDraft): SheetProblem[] {
  const problems: SheetProblem[] = [];
  draft.positions.forEach((p, position) => {
    for (const row of p.writeIns) {
      const name = writeInName(row.name);
      const votes = numberOf(row.votes);
      if (!name && votes > 0) problems.push({ kind: 'writeInNoName', position, votes });
      else if (name && votes === 0) problems.push({ kind: 'writeInNoVotes', position, name });
    }
  });
  return problems;
}

/**
 * The sheet as `enterTallySheet` takes it. Zero votes are left out (the server compares only names
 * with votes); a write-in that repeats a name adds up; a written-in formal candidate of the position
 * counts for that candidate, as on the entry screen.
 */
export function sheetInput(sections: readonly EntrySection[], draft: SheetDraft): SheetInput {
  return {
    spoiled: numberOf(draft.spoiled),
    positions: sections.map((section, i) => {
      const p = draft.positions[i] ?? { votes: {}, writeIns: [], voidSections: '' };
      const votes = new Map<string, number>();
      const add = (mark: string, n: number) => {
        if (n > 0) votes.set(mark, (votes.get(mark) ?? 0) + n);
      };
      for (const c of section.candidates) add(c.id, numberOf(p.votes[c.id] ?? ''));
      for (const row of p.writeIns) {
        const name = writeInName(row.name);
        if (!name) continue;
        add(section.candidates.find((c) => c.name === name)?.id ?? name, numberOf(row.votes));
      }
      return { voidSections: numberOf(p.voidSections), votes: [...votes].map(([mark, n]) => ({ mark, votes: n })) };
    }),
  };
}

export interface PositionFigures {
  /** All votes of the position. */
  readonly total: number;
  readonly voidSections: number;
  /** Ballots whose section of this position counts: valid ballots less the void sections. */
  readonly sections: number;
  /** sections × seats. */
  readonly maxVotes: number;
  /** More void sections than valid ballots. */
  readonly voidOver: boolean;
  /** Names with more votes than sections. */
  readonly overNames: readonly { readonly mark: string; readonly votes: number }[];
  readonly totalOver: boolean;
}

export interface SheetTotals {
  readonly returned: number;
  readonly spoiled: number;
  readonly spoiledOver: boolean;
  /** Returned less spoiled (never below 0). */
  readonly valid: number;
  readonly positions: readonly PositionFigures[];
}

/** The sheet's sums beside the form, with the same limits as the server's check (F3, F4). */
export function sheetTotals(sections: readonly EntrySection[], sheet: SheetFigures, returned: number): SheetTotals {
  const valid = Math.max(0, returned - sheet.spoiled);
  return {
    returned,
    spoiled: sheet.spoiled,
    spoiledOver: sheet.spoiled > returned,
    valid,
    positions: sections.map((s, i) => {
      const p = sheet.positions[i] ?? { voidSections: 0, votes: [] };
      const usable = Math.max(0, valid - p.voidSections);
      const total = p.votes.reduce((sum, v) => sum + v.votes, 0);
      return {
        total,
        voidSections: p.voidSections,
        sections: usable,
        maxVotes: usable * s.seats,
        voidOver: p.voidSections > valid,
        overNames: p.votes.filter((v) => v.votes > usable),
        totalOver: total > usable * s.seats,
      };
    }),
  };
}

export interface CompareRow {
  readonly key: string;
  /** -1 for 作废票, else the position (section) index. */
  readonly position: number;
  readonly kind: 'spoiled' | 'candidate' | 'writeIn' | 'void';
  /** The candidate id or written-in name; '' for spoiled and void rows. */
  readonly mark: string;
  /** One figure per sheet, in the order given. */
  readonly figures: readonly number[];
  readonly differs: boolean;
}

/**
 * Two (or more) entered sheets figure by figure: 作废票, then per position every candidate in the
 * printed order, the written-in names of any sheet (sorted), and the void sections. A name missing
 * from a sheet is 0 there.
 */
export function compareSheets(sections: readonly EntrySection[], sheets: readonly SheetFigures[]): CompareRow[] {
  const row = (key: string, position: number, kind: CompareRow['kind'], mark: string, figures: number[]): CompareRow => ({
    key,
    position,
    kind,
    mark,
    figures,
    differs: figures.some((f) => f !== figures[0]),
  });
  const rows: CompareRow[] = [row('spoiled', -1, 'spoiled', '', sheets.map((s) => s.spoiled))];
  sections.forEach((section, i) => {
    const votesOf = (sheet: SheetFigures, mark: string) => sheet.positions[i]?.votes.find((v) => v.mark === mark)?.votes ?? 0;
    const known = new Set(section.candidates.map((c) => c.id));
    for (const c of section.candidates) rows.push(row(`${section.id}:${c.id}`, i, 'candidate', c.id, sheets.map((s) => votesOf(s, c.id))));
    const written = new Set<string>();
    for (const sheet of sheets) for (const v of sheet.positions[i]?.votes ?? []) if (!known.has(v.mark) && v.votes > 0) written.add(v.mark);
    for (const name of [...written].sort((a, b) => a.localeCompare(b, 'zh-CN'))) rows.push(row(`${section.id}:w:${name}`, i, 'writeIn', name, sheets.map((s) => votesOf(s, name))));
    rows.push(row(`${section.id}:void`, i, 'void', '', sheets.map((s) => s.positions[i]?.voidSections ?? 0)));
  });
  return rows;
}

/** The server's INVALID_SHEET message names a candidate by its mark ("c12 得 9 票…"): show the name. */
export function withNames(sections: readonly EntrySection[], message: string): string {
  const names = new Map(sections.flatMap((s) => s.candidates.map((c) => [c.id, c.name] as const)));
  return message.replace(/\b[a-z]\d+\b/g, (mark) => names.get(mark) ?? mark);
}
