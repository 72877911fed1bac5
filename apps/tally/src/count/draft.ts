/**
 * The ballot being entered, as a pure state and the keys that change it. One section per position
 * of the round; each candidate of a section has one key (1–9, then q–p), so a clerk enters a ballot
 * as it is read out: marks, → to the next section, marks, Enter. Everything on the numeric keypad
 * works too (/ * move between sections, - undoes, + writes in).
 */
import { countSection } from '@huanjie/domain';

export const CANDIDATE_KEYS = '123456789qwertyuiop';

export interface EntryCandidate {
  /** The ballot mark: "c12" (formal) or "v7" (a run-off's written-in person). */
  readonly id: string;
  readonly name: string;
  readonly key: string;
}

export interface EntrySection {
  readonly id: string;
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly EntryCandidate[];
}

export type DraftKind = 'marks' | 'blank' | 'spoiled';

export interface Draft {
  readonly section: number;
  /** Per section: candidate ids and written-in names, in the order marked. */
  readonly marks: readonly (readonly string[])[];
  readonly kind: DraftKind;
}

export type DraftAction =
  | { readonly type: 'toggle'; readonly key: string }
  | { readonly type: 'move'; readonly by: 1 | -1 }
  | { readonly type: 'goto'; readonly section: number }
  | { readonly type: 'writeIn'; readonly name: string }
  | { readonly type: 'remove'; readonly section: number; readonly mark: string }
  | { readonly type: 'undo' }
  | { readonly type: 'blank' }
  | { readonly type: 'spoiled' }
  | { readonly type: 'clear' };

/** What a key asks of the entry screen besides changing the draft. */
export type KeyCommand = { readonly type: 'draft'; readonly action: DraftAction } | { readonly type: 'commit' } | { readonly type: 'openWriteIn' };

export function emptyDraft(sections: readonly EntrySection[]): Draft {
  return { section: 0, marks: sections.map(() => []), kind: 'marks' };
}

export function hasMarks(draft: Draft): boolean {
  return draft.marks.some((m) => m.length > 0);
}

function setSection(draft: Draft, i: number, marks: readonly string[]): Draft {
  return { ...draft, kind: 'marks', marks: draft.marks.map((m, j) => (j === i ? marks : m)) };
}

export function reduceDraft(sections: readonly EntrySection[], draft: Draft, action: DraftAction): Draft {
  const n = sections.length;
  const current = draft.marks[draft.section] ?? [];
  switch (action.type) {
    case 'toggle': {
      if (draft.kind !== 'marks') return draft; // blank or spoiled: Esc first
      const candidate = sections[draft.section]?.candidates.find((c) => c.key === action.key);
      if (!candidate) return draft;
      return setSection(draft, draft.section, current.includes(candidate.id) ? current.filter((m) => m !== candidate.id) : [...current, candidate.id]);
    }
    case 'move':
      return n === 0 ? draft : { ...draft, section: (draft.section + action.by + n) % n };
    case 'goto':
      return action.section >= 0 && action.section < n ? { ...draft, section: action.section } : draft;
    case 'writeIn': {
      if (draft.kind !== 'marks') return draft;
      const name = action.name.trim();
      if (!name) return draft;
      // A written-in formal candidate of this section is a vote for that candidate.
      const candidate = sections[draft.section]?.candidates.find((c) => c.name === name);
      const mark = candidate?.id ?? name;
      return current.includes(mark) ? draft : setSection(draft, draft.section, [...current, mark]);
    }
    case 'remove': {
      const marks = draft.marks[action.section] ?? [];
      return { ...draft, marks: draft.marks.map((m, j) => (j === action.section ? marks.filter((x) => x !== action.mark) : m)) };
    }
    case 'undo':
      return current.length === 0 ? draft : setSection(draft, draft.section, current.slice(0, -1));
    case 'blank':
      return hasMarks(draft) ? draft : { ...draft, kind: 'blank' };
    case 'spoiled':
      return hasMarks(draft) ? draft : { ...draft, kind: 'spoiled' };
    case 'clear':
      return emptyDraft(sections);
  }
}

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** The entry screen's key scheme (shown on screen by KeyHelp). */
export function commandForKey(e: KeyInput): KeyCommand | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const draft = (action: DraftAction): KeyCommand => ({ type: 'draft', action });
  if (CANDIDATE_KEYS.includes(key) && key.length === 1) return draft({ type: 'toggle', key });
  switch (key) {
    case 'Enter':
      return { type: 'commit' };
    case 'Tab':
      return draft({ type: 'move', by: e.shiftKey ? -1 : 1 });
    case 'ArrowRight':
    case 'ArrowDown':
    case '*':
      return draft({ type: 'move', by: 1 });
    case 'ArrowLeft':
    case 'ArrowUp':
    case '/':
      return draft({ type: 'move', by: -1 });
    case '+':
    case '=':
      return { type: 'openWriteIn' };
    case 'Backspace':
    case '-':
      return draft({ type: 'undo' });
    case '0':
      return draft({ type: 'blank' });
    case '.':
    case ',':
      return draft({ type: 'spoiled' });
    case 'Escape':
      return draft({ type: 'clear' });
    default:
      return null;
  }
}

/** F4 as the ballot is entered: the sections that are void because they name more people than seats. */
export function overmarked(sections: readonly EntrySection[], draft: Draft): boolean[] {
  return sections.map((s, i) => draft.kind === 'marks' && countSection(draft.marks[i] ?? [], s.seats).void);
}

/** The ballot as recordBallot takes it. */
export function ballotOf(draft: Draft): { spoiled: boolean; sections: string[][] } {
  if (draft.kind === 'spoiled') return { spoiled: true, sections: [] };
  if (draft.kind === 'blank') return { spoiled: false, sections: draft.marks.map(() => []) };
  return { spoiled: false, sections: draft.marks.map((m) => [...m]) };
}

/** "主任 王强｜委员 赵丽、陈静" — for the clerk's confirmation and the latest entries. */
export function summarize(
  titles: readonly string[],
  ballot: { readonly spoiled: boolean; readonly sections: readonly (readonly string[])[] },
  nameOf: (mark: string) => string,
  words: { readonly spoiled: string; readonly blank: string; readonly none: string },
): string {
  if (ballot.spoiled) return words.spoiled;
  if (ballot.sections.every((s) => s.length === 0)) return words.blank;
  return titles.map((title, i) => `${title} ${(ballot.sections[i] ?? []).map(nameOf).join('、') || words.none}`).join('｜');
}
