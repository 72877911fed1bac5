/** Rules.md C1–C3 for one row of a voter roll, and the search keys of a voter. */
import { describe, expect, it } from 'vitest';
import { checkVoterRow, classifySearch, makeResidentId, parseCategory, pinyinInitials, categoryInfo } from '../src/index.ts';

const DAY = '2026-12-20';
const male = makeResidentId('510181', '1980-01-01', 11);
const female = makeResidentId('510181', '1985-02-02', 22);
const row = (over: Partial<Parameters<typeof checkVoterRow>[0]> = {}) => ({ name: '张三', sex: '男', residentId: male, ...over });
const reasons = (r: ReturnType<typeof checkVoterRow>) => (r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`));

describe('checkVoterRow', () => {
  it('accepts a complete category-1 row and derives birth date and age from the ID (C2)', () => {
    const r = checkVoterRow({ ...row(), groupName: ' 一组 ', householdNo: '01-001', address: '一组1号' }, DAY);
    expect(r).toEqual({
      ok: true,
      voter: { name: '张三', sex: 'M', residentId: male, birthDate: '1980-01-01', age: 46, groupName: '一组', householdNo: '01-001', address: '一组1号', category: 'resident', approval: '' },
    });
  });

  it('normalises a lower-case x and surrounding spaces in the ID number', () => {
    const withX = [...Array(1000).keys()].map((s) => makeResidentId('510181', '1990-03-03', s)).find((v) => v.endsWith('X'))!;
    const seq = Number(withX.slice(14, 17));
    const r = checkVoterRow(row({ residentId: `  ${withX.toLowerCase()} `, sex: seq % 2 ? '男' : '女' }), DAY);
    expect(r.ok && r.voter.residentId).toBe(withX);
  });

  it('rejects a sex that contradicts the ID (odd sequence = male)', () => {
    expect(reasons(checkVoterRow(row({ sex: '女' }), DAY))).toEqual(['sex: 性别与身份证号码不符：号码显示为男']);
    expect(checkVoterRow(row({ name: '李秀英', sex: 'F', residentId: female }), DAY).ok).toBe(true);
  });

  it('rejects an unreadable or empty sex and an empty name', () => {
    expect(reasons(checkVoterRow(row({ sex: '未知' }), DAY))).toEqual(['sex: 性别“未知”无法识别，应为“男”或“女”']);
    expect(reasons(checkVoterRow(row({ sex: ' ' }), DAY))).toEqual(['sex: 性别为空']);
    expect(reasons(checkVoterRow(row({ name: '  ' }), DAY))).toEqual(['name: 姓名为空']);
  });

  it('C2: 18 on election day exactly is enough; one day short is not', () => {
    const eighteenOnTheDay = makeResidentId('510181', '2008-12-20', 31);
    const oneDayShort = makeResidentId('510181', '2008-12-21', 31);
    expect(checkVoterRow(row({ residentId: eighteenOnTheDay }), DAY).ok).toBe(true);
    expect(reasons(checkVoterRow(row({ residentId: oneDayShort }), DAY))).toEqual(['age: 选举日（2026-12-20）未满 18 周岁（出生于 2008-12-21）']);
  });

  it('rejects bad ID numbers with the reason from the check', () => {
    expect(reasons(checkVoterRow(row({ residentId: '510181800101001' }), DAY))).toEqual(['residentId: 15 位旧身份证号码，请换成 18 位号码']);
    const wrong = `${male.slice(0, 17)}${male.endsWith('0') ? '1' : '0'}`;
    expect(reasons(checkVoterRow(row({ residentId: wrong }), DAY))[0]).toMatch(/^residentId: 校验码错误/);
    expect(reasons(checkVoterRow(row({ residentId: '' }), DAY))).toEqual(['residentId: 身份证号码为空']);
  });

  it('C1: category 3 needs the recorded approval; unknown categories are refused', () => {
    expect(reasons(checkVoterRow(row({ category: '3' }), DAY))).toEqual(['approval: 登记类别 3（非户籍居住一年以上）须记录村(居)民会议或代表会议的同意']);
    const approved = checkVoterRow(row({ category: '3', approval: '2026-11-10 村民代表会议同意' }), DAY);
    expect(approved.ok && approved.voter.category).toBe('non-registered-resident');
    expect(reasons(checkVoterRow(row({ category: '4' }), DAY))).toEqual(['category: 登记类别“4”无法识别，应为 1、2 或 3']);
  });

  it('C3: a person deprived of political rights is flagged out', () => {
    expect(reasons(checkVoterRow(row({ politicalRights: '被剥夺政治权利' }), DAY))).toEqual(['politicalRights: 依法被剥夺政治权利的人不能登记']);
    expect(checkVoterRow(row({ politicalRights: '有' }), DAY).ok).toBe(true);
  });

  it('reports every problem of a row at once', () => {
    expect(reasons(checkVoterRow({ name: '', sex: '女', residentId: male, category: '3' }, DAY))).toHaveLength(3);
  });
});

describe('registration categories (C1)', () => {
  it.each([
    ['', 'resident'],
    ['1', 'resident'],
    ['一', 'resident'],
    ['2', 'registered-away'],
    ['户籍在本村不在本村居住', 'registered-away'],
    ['3', 'non-registered-resident'],
    ['居住一年以上', 'non-registered-resident'],
    ['x', null],
  ])('%j → %s', (raw, expected) => {
    expect(parseCategory(raw)).toBe(expected);
  });

  it('only category 3 needs an approval', () => {
    expect([categoryInfo('resident'), categoryInfo('registered-away'), categoryInfo('non-registered-resident')].map((c) => c.needsApproval)).toEqual([false, false, true]);
  });
});

describe('search keys', () => {
  it('pinyin initials: "zs" for 张三, surnames read as surnames', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(pinyinInitials('李秀英')).toBe('lxy');
    expect(pinyinInitials('单雄信')).toBe('sxx'); // 单 as a surname is Shàn
    expect(pinyinInitials('曾国藩')).toBe('zgf'); // 曾 as a surname is Zēng
  });

  it('classifies what a clerk typed', () => {
    expect(classifySearch(' zs ')).toEqual({ kind: 'initials', value: 'zs' });
    expect(classifySearch('0016')).toEqual({ kind: 'idTail', value: '0016' });
    expect(classifySearch('002x')).toEqual({ kind: 'idTail', value: '002X' });
    expect(classifySearch('张')).toEqual({ kind: 'name', value: '张' });
  });
});
