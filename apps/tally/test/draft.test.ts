/** The entry screen's keys, as the clerk uses them while the reader reads out a ballot. */
import { describe, expect, it } from 'vitest';
import { ballotOf, commandForKey, emptyDraft, overmarked, reduceDraft, summarize, type Draft, type EntrySection } from '../src/count/draft.ts';

const sections: EntrySection[] = [
  { id: 'director', title: '主任', seats: 1, candidates: [{ id: 'c1', name: '王强', key: '1' }, { id: 'c2', name: '张建国', key: '2' }] },
  { id: 'member', title: '委员', seats: 2, candidates: [{ id: 'c4', name: '陈静', key: '1' }, { id: 'c3', name: '赵丽', key: '2' }, { id: 'c5', name: '黄芳', key: '3' }] },
];

/** Types keys the way the window listener receives them. */
function type(keys: string[], draft: Draft = emptyDraft(sections)): { draft: Draft; commits: number; writeIns: number } {
  let commits = 0;
  let writeIns = 0;
  for (const key of keys) {
    const command = commandForKey({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false });
    if (!command) continue;
    if (command.type === 'commit') commits += 1;
    else if (command.type === 'openWriteIn') writeIns += 1;
    else draft = reduceDraft(sections, draft, command.action);
  }
  return { draft, commits, writeIns };
}

describe('ballot entry by keyboard', () => {
  it('marks with one key per candidate, moves between sections, and commits with Enter', () => {
    const { draft, commits } = type(['1', 'ArrowRight', '2', '3', 'Enter']);
    expect(ballotOf(draft)).toEqual({ spoiled: false, sections: [['c1'], ['c3', 'c5']] });
    expect(commits).toBe(1);
  });

  it('a second press takes the mark off; Backspace undoes the last one; Esc clears the ballot', () => {
    expect(ballotOf(type(['1', '2', '2']).draft).sections).toEqual([['c1'], []]);
    expect(ballotOf(type(['1', '2', 'Backspace']).draft).sections).toEqual([['c1'], []]);
    expect(type(['1', 'ArrowRight', '1', 'Escape']).draft).toEqual(emptyDraft(sections));
  });

  it('warns as soon as a section names more people than its seats (F4)', () => {
    const { draft } = type(['1', '2', 'ArrowRight', '1']);
    expect(overmarked(sections, draft)).toEqual([true, false]);
  });

  it('blank and spoiled need an empty ballot first, so a stray key cannot throw marks away', () => {
    expect(type(['0']).draft.kind).toBe('blank');
    expect(ballotOf(type(['0']).draft)).toEqual({ spoiled: false, sections: [[], []] });
    expect(ballotOf(type(['.']).draft)).toEqual({ spoiled: true, sections: [] });
    expect(type(['1', '0']).draft.kind).toBe('marks');
    expect(type(['.', '1']).draft.kind).toBe('spoiled'); // no marks on a spoiled ballot
  });

  it('a written-in name of the section’s own candidate is that candidate’s vote; others stay names', () => {
    let draft = type(['ArrowRight']).draft;
    draft = reduceDraft(sections, draft, { type: 'writeIn', name: '赵丽' });
    draft = reduceDraft(sections, draft, { type: 'writeIn', name: ' 刘伟 ' });
    draft = reduceDraft(sections, draft, { type: 'writeIn', name: '刘伟' });
    expect(ballotOf(draft).sections).toEqual([[], ['c3', '刘伟']]);
    expect(type(['+']).writeIns).toBe(1);
  });

  it('wraps around the sections both ways and works from the numeric keypad', () => {
    expect(type(['ArrowLeft']).draft.section).toBe(1);
    expect(type(['*', '*']).draft.section).toBe(0);
    expect(type(['/']).draft.section).toBe(1);
  });

  it('summarises a ballot for the clerk in the glossary’s words', () => {
    const names = new Map([['c1', '王强'], ['c3', '赵丽']]);
    const words = { spoiled: '作废票', blank: '空白票', none: '未划' };
    const nameOf = (m: string) => names.get(m) ?? m;
    expect(summarize(['主任', '委员'], { spoiled: false, sections: [['c1'], ['c3', '刘伟']] }, nameOf, words)).toBe('主任 王强｜委员 赵丽、刘伟');
    expect(summarize(['主任', '委员'], { spoiled: false, sections: [[], ['c3']] }, nameOf, words)).toBe('主任 未划｜委员 赵丽');
    expect(summarize(['主任', '委员'], { spoiled: true, sections: [] }, nameOf, words)).toBe('作废票');
    expect(summarize(['主任', '委员'], { spoiled: false, sections: [[], []] }, nameOf, words)).toBe('空白票');
  });
});
