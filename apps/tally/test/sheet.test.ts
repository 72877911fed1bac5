/** The tally sheet as typed: what is sent, the sums beside the form, and two sheets compared. */
import { describe, expect, it } from 'vitest';
import type { EntrySection } from '../src/count/draft.ts';
import { compareSheets, digits, emptySheetDraft, sheetInput, sheetProblems, sheetTotals, withNames, type SheetDraft } from '../src/count/sheet.ts';

const sections: EntrySection[] = [
  { id: 'director', title: '主任', seats: 1, candidates: [{ id: 'c1', name: '王强', key: '1' }, { id: 'c2', name: '张建国', key: '2' }] },
  { id: 'member', title: '委员', seats: 2, candidates: [{ id: 'c4', name: '陈静', key: '1' }, { id: 'c3', name: '赵丽', key: '2' }, { id: 'c5', name: '黄芳', key: '3' }] },
];

const typed: SheetDraft = {
  spoiled: '1',
  positions: [
    { votes: { c1: '4', c2: '' }, writeIns: [], voidSections: '' },
    {
      votes: { c4: '3', c3: '0', c5: '2' },
      writeIns: [
        { key: 'a', name: ' 刘 伟 ', votes: '1' },
        { key: 'b', name: '刘伟', votes: '2' },
        { key: 'c', name: '黄芳', votes: '1' }, // a candidate written in counts for the candidate
        { key: 'd', name: '', votes: '' },
      ],
      voidSections: '1',
    },
  ],
};

describe('tally sheet entry', () => {
  it('keeps digits only, full-width ones too', () => {
    expect(digits('１２')).toBe('12');
    expect(digits('3a-4')).toBe('34');
    expect(digits('007')).toBe('7');
    expect(digits('0')).toBe('0');
    expect(digits('1234567')).toBe('12345');
  });

  it('sends what was typed, without zeros, write-ins added up and aligned with the positions', () => {
    expect(sheetInput(sections, emptySheetDraft(sections))).toEqual({ spoiled: 0, positions: [{ voidSections: 0, votes: [] }, { voidSections: 0, votes: [] }] });
    expect(sheetInput(sections, typed)).toEqual({
      spoiled: 1,
      positions: [
        { voidSections: 0, votes: [{ mark: 'c1', votes: 4 }] },
        {
          voidSections: 1,
          votes: [
            { mark: 'c4', votes: 3 },
            { mark: 'c5', votes: 3 },
            { mark: '刘伟', votes: 3 },
          ],
        },
      ],
    });
  });

  it('flags a write-in with votes and no name, or a name and no votes', () => {
    expect(sheetProblems(typed)).toEqual([]);
    const bad: SheetDraft = {
      ...typed,
      positions: [typed.positions[0]!, { ...typed.positions[1]!, writeIns: [{ key: 'x', name: '', votes: '2' }, { key: 'y', name: '李四', votes: '' }] }],
    };
    expect(sheetProblems(bad)).toEqual([
      { kind: 'writeInNoName', position: 1, votes: 2 },
      { kind: 'writeInNoVotes', position: 1, name: '李四' },
    ]);
  });

  it('sums each position against the valid sections, with the server’s limits', () => {
    const totals = sheetTotals(sections, sheetInput(sections, typed), 6);
    expect(totals).toMatchObject({ returned: 6, spoiled: 1, valid: 5, spoiledOver: false });
    expect(totals.positions[0]).toMatchObject({ total: 4, sections: 5, maxVotes: 5, totalOver: false, overNames: [] });
    expect(totals.positions[1]).toMatchObject({ total: 9, sections: 4, maxVotes: 8, totalOver: true, overNames: [] });
    const over = sheetTotals(sections, { spoiled: 0, positions: [{ voidSections: 0, votes: [{ mark: 'c1', votes: 7 }] }, { voidSections: 7, votes: [] }] }, 6);
    expect(over.positions[0]?.overNames).toEqual([{ mark: 'c1', votes: 7 }]);
    expect(over.positions[1]?.voidOver).toBe(true);
  });

  it('compares two sheets figure by figure, a missing name being 0', () => {
    const a = { spoiled: 0, positions: [{ voidSections: 0, votes: [{ mark: 'c1', votes: 3 }] }, { voidSections: 0, votes: [{ mark: 'c5', votes: 4 }] }] };
    const b = { spoiled: 0, positions: [{ voidSections: 0, votes: [{ mark: 'c1', votes: 2 }] }, { voidSections: 0, votes: [{ mark: 'c5', votes: 4 }, { mark: '刘伟', votes: 1 }] }] };
    const rows = compareSheets(sections, [a, b]);
    expect(rows.map((r) => r.key)).toEqual(['spoiled', 'director:c1', 'director:c2', 'director:void', 'member:c4', 'member:c3', 'member:c5', 'member:w:刘伟', 'member:void']);
    expect(rows.filter((r) => r.differs).map((r) => [r.key, r.figures])).toEqual([
      ['director:c1', [3, 2]],
      ['member:w:刘伟', [0, 1]],
    ]);
  });

  it('names the candidate in the server’s refusal', () => {
    expect(withNames(sections, 'c1 得 9 票，超过该栏有效选票 5 张')).toBe('王强 得 9 票，超过该栏有效选票 5 张');
    expect(withNames(sections, '刘伟 得 9 票，超过该栏有效选票 5 张')).toBe('刘伟 得 9 票，超过该栏有效选票 5 张');
  });
});
