import cnchar from 'cnchar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charStrokes,
  compareByStrokes,
  compoundSurnames,
  createStrokeComparator,
  sortByStrokes,
  sortItemsByStrokes,
  splitName,
  strokeClasses,
  strokeClassOfName,
  strokeNameClasses,
} from '../src/index.ts';
import type { StrokeClass } from '../src/index.ts';

/**
 * 51 surnames in 姓氏笔画 order, as published name lists print them (e.g. 中华人民共和国第十四届
 * 全国人民代表大会代表名单, “按姓氏笔画排列”: stroke count, then 横 竖 撇 点 折 stroke by stroke).
 * Each adjacent pair is re-derived in the comment from the stroke orders of 《通用规范汉字笔顺规范》
 * (GF 0023-2020), which cnchar-order follows: count of strokes, and where counts are equal the
 * first stroke at which the two differ (一 横/提, 丨 竖/竖钩, 丿 撇, 丶 点/捺, 乛 any turning stroke).
 */
const OFFICIAL_ORDER: readonly (readonly [string, string])[] = [
  ['丁', '2 一亅'],
  ['于', '3 > 2'],
  ['马', '3: 1st 乛(横折) after 于 一'],
  ['王', '4 > 3'],
  ['韦', '4: 一一 then 2nd… 王 一一丨 vs 韦 一一乛(横折钩): 3rd 丨 < 乛'],
  ['尹', '4: 1st 乛(横折) after 韦 一'],
  ['邓', '4: both 1st 乛; 2nd 尹 一 < 邓 丶'],
  ['石', '5 > 4'],
  ['卢', '5: 1st 丨 after 石 一'],
  ['叶', '5: 1st 丨 both; 2nd 卢 一 < 叶 乛'],
  ['田', '5: 丨乛一 both; 4th 叶 一 < 田 丨'],
  ['冯', '5: 1st 丶 after 田 丨'],
  ['刘', '6 > 5'],
  ['齐', '6: 丶一丿丶 both; 5th 刘 丨 < 齐 丿'],
  ['江', '6: 2nd 齐 一 < 江 丶'],
  ['许', '6: 2nd 江 丶 < 许 乛(横折提)'],
  ['孙', '6: 1st 乛 after 许 丶'],
  ['杜', '7 > 6'],
  ['李', '7: 一丨丿丶 both; 5th 杜 一 < 李 乛'],
  ['杨', '7: 一丨丿丶乛 both; 6th 李 亅(竖) < 杨 丿'],
  ['吴', '7: 1st 丨 after 杨 一'],
  ['何', '7: 1st 丿 after 吴 丨'],
  ['余', '7: 丿 both; 2nd 何 丨 < 余 丶(捺)'],
  ['汪', '7: 1st 丶 after 余 丿'],
  ['沈', '7: 丶丶一(提) both; 4th 汪 一 < 沈 丶'],
  ['宋', '7: 丶丶 both; 3rd 沈 一(提) < 宋 乛'],
  ['张', '7: 1st 乛 after 宋 丶'],
  ['陆', '7: 乛 both; 2nd 张 一 < 陆 丨'],
  ['陈', '7: 乛丨一 both; 4th 陆 一 < 陈 乛(撇折)'],
  ['林', '8 > 7'],
  ['罗', '8: 1st 丨 after 林 一'],
  ['周', '8: 1st 丿 after 罗 丨'],
  ['郑', '8: 1st 丶 after 周 丿'],
  ['赵', '9 > 8'],
  ['胡', '9: 一丨 both; 3rd 赵 一 < 胡 丨'],
  ['钟', '9: 1st 丿 after 胡 一'],
  ['姜', '9: 1st 丶 after 钟 丿'],
  ['姚', '9: 1st 乛(撇点) after 姜 丶'],
  ['袁', '10 > 9'],
  ['徐', '10: 1st 丿 after 袁 一'],
  ['高', '10: 1st 丶 after 徐 丿'],
  ['郭', '10: 丶一丨乛一 both; 6th 高 丨 < 郭 乛'],
  ['黄', '11 > 10'],
  ['曹', '11: 一丨 both; 3rd 黄 丨 < 曹 乛'],
  ['梁', '11: 1st 丶 after 曹 一'],
  ['彭', '12 > 11'],
  ['韩', '12: 一丨 both; 3rd 彭 一 < 韩 丨'],
  ['程', '12: 1st 丿 after 韩 一'],
  ['谢', '12: 1st 丶 after 程 丿'],
  ['蔡', '14 > 12'],
  ['潘', '15 > 14'],
];
const officialSurnames = OFFICIAL_ORDER.map(([s]) => s);

/** Expected stroke counts of the list, as any dictionary gives them. */
const COUNTS: Readonly<Record<string, number>> = {
  丁: 2, 于: 3, 马: 3, 王: 4, 韦: 4, 尹: 4, 邓: 4, 石: 5, 卢: 5, 叶: 5, 田: 5, 冯: 5, 刘: 6, 齐: 6, 江: 6,
  许: 6, 孙: 6, 杜: 7, 李: 7, 杨: 7, 吴: 7, 何: 7, 余: 7, 汪: 7, 沈: 7, 宋: 7, 张: 7, 陆: 7, 陈: 7, 林: 8,
  罗: 8, 周: 8, 郑: 8, 赵: 9, 胡: 9, 钟: 9, 姜: 9, 姚: 9, 袁: 10, 徐: 10, 高: 10, 郭: 10, 黄: 11, 曹: 11,
  梁: 11, 彭: 12, 韩: 12, 程: 12, 谢: 12, 蔡: 14, 潘: 15,
};

/** A seeded shuffle, so a failure is reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

const sign = (n: number): number => Math.sign(n);

describe('D4 stroke classes: cnchar-order stroke names map onto 横 竖 撇 点 折', () => {
  it('lists the five classes in collation order 横 竖 撇 点 折', () => {
    expect(strokeClasses.map((c) => c.titleZh).join('')).toBe('横竖撇点折');
    expect(strokeClasses.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ['横', 'heng'],
    ['提', 'heng'],
    ['竖', 'shu'],
    ['竖钩', 'shu'],
    ['撇', 'pie'],
    ['点', 'dian'],
    ['点2', 'dian'],
    ['捺', 'dian'],
    ['横折', 'zhe'],
    ['横撇|横钩', 'zhe'],
    ['竖提', 'zhe'],
    ['竖弯钩', 'zhe'],
    ['斜钩|卧钩', 'zhe'],
    ['撇点', 'zhe'],
    ['撇折', 'zhe'],
    ['横折折折钩|横撇弯钩', 'zhe'],
  ] as const)('counts %s as %s', (name, strokeClass) => {
    expect(strokeClassOfName(name)).toBe(strokeClass);
  });

  it('knows no stroke name outside the table, nor alternatives of different classes', () => {
    expect(strokeClassOfName('圈')).toBeNull();
    expect(strokeClassOfName('横|竖')).toBeNull();
    expect(strokeClassOfName('横|圈')).toBeNull();
  });

  it('maps every stroke name of the cnchar-order data set', () => {
    const table: unknown = cnchar.order.dict.strokeTable;
    const names = Object.values(table as Record<string, { name: string }>).map((entry) => entry.name);
    expect(names.length).toBe(26);
    for (const name of names) expect(strokeClassOfName(name), name).not.toBeNull();
    // and the table has no entry that cnchar does not use
    for (const name of strokeNameClasses.keys()) expect(names.some((n) => n.split('|').includes(name)), name).toBe(true);
  });

  it('gives every character of the cnchar-order dictionary a full stroke-class sequence', () => {
    const orders: unknown = cnchar.order.dict.orders;
    const chars = Object.keys(orders as Record<string, string>);
    expect(chars.length).toBeGreaterThan(6900);
    for (const ch of chars) {
      const strokes = charStrokes(ch);
      expect(strokes.known, ch).toBe(true);
      expect(strokes.classes.length, ch).toBe(strokes.count);
      expect(strokes.count, ch).toBe(cnchar.stroke(ch));
    }
  });

  it.each([
    ['王', ['heng', 'heng', 'shu', 'heng']],
    ['丁', ['heng', 'shu']], // 竖钩 → 竖
    ['孙', ['zhe', 'shu', 'heng', 'shu', 'pie', 'dian']], // 提 → 横, 竖钩 → 竖
    ['文', ['dian', 'heng', 'pie', 'dian']], // 捺 → 点
    ['宁', ['dian', 'dian', 'zhe', 'heng', 'shu']], // cnchar's 点2 → 点
    ['马', ['zhe', 'zhe', 'heng']],
  ] as const)('reads %s as %j', (ch, classes: readonly StrokeClass[]) => {
    expect(charStrokes(ch)).toEqual({ char: ch, known: true, count: classes.length, classes });
  });

  it('marks characters cnchar does not know as unknown with no strokes', () => {
    expect(charStrokes('琤')).toEqual({ char: '琤', known: false, count: 0, classes: [] });
    expect(charStrokes('𠀀').known).toBe(false);
    expect(charStrokes('A').known).toBe(false);
  });
});

describe('D4 surname stroke order: the official list', () => {
  it('has at least 40 surnames with the stroke counts of the dictionaries', () => {
    expect(officialSurnames.length).toBeGreaterThanOrEqual(40);
    for (const s of officialSurnames) expect(charStrokes(s).count, s).toBe(COUNTS[s]);
  });

  it.each(OFFICIAL_ORDER.slice(1).map(([b, why], i) => [OFFICIAL_ORDER[i]?.[0] ?? '', b, why] as const))(
    '%s comes before %s (%s)',
    (a, b) => {
      expect(compareByStrokes(a, b)).toBeLessThan(0);
      expect(compareByStrokes(b, a)).toBeGreaterThan(0);
    },
  );

  it('sorts any shuffle of the list back into the official order', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      expect(sortByStrokes(shuffled(officialSurnames, seed))).toEqual(officialSurnames);
    }
  });

  it('sorts full names by surname first, whatever the given names', () => {
    const names = officialSurnames.map((s, i) => `${s}${i % 2 === 0 ? '鑫' : '一'}`);
    expect(sortByStrokes(shuffled(names, 7))).toEqual(names);
  });
});

describe('D4 equal stroke counts: the first differing stroke decides', () => {
  it.each([
    ['王', '文', 'first stroke: 横 before 点 (4 strokes each)'],
    ['石', '卢', 'first stroke: 横 before 竖 (5 strokes each)'],
    ['何', '汪', 'first stroke: 撇 before 点 (7 strokes each)'],
    ['林', '欧', 'second stroke: 竖 before 撇 (8 strokes each, both begin with 横)'],
    ['齐', '江', 'second stroke: 横 before 点'],
    ['于', '万', 'second stroke: 横 before 横折钩'],
    ['千', '川', 'second stroke: 横 before 竖'],
    ['卫', '习', 'second stroke: 竖 before 点'],
    ['刘', '齐', 'fifth stroke: 竖 before 撇'],
    ['上', '千', 'first stroke: 竖 before 撇 (3 strokes each)'],
  ])('%s before %s — %s', (a, b) => {
    expect(compareByStrokes(a, b)).toBeLessThan(0);
    expect(compareByStrokes(b, a)).toBeGreaterThan(0);
  });

  it('keeps characters of identical strokes apart by code point, so same surnames stay together', () => {
    // 于 and 干 are both 横 横 竖 (竖钩 counts as 竖); 土 and 士 both 横 竖 横.
    expect(sortByStrokes(['干丽', '于明', '干一', '于华'])).toEqual(['于华', '于明', '干一', '干丽']);
    expect(sortByStrokes(['士大', '土一', '士一', '土大'])).toEqual(['土一', '土大', '士一', '士大']);
  });

  it('orders the 3-stroke surnames 于 干 万 上 千 川 卫 习 马', () => {
    const expected = ['于', '干', '万', '上', '千', '川', '卫', '习', '马'];
    expect(sortByStrokes(shuffled(expected, 11))).toEqual(expected);
  });
});

describe('D4 same surname: the given name decides, character by character', () => {
  it.each([
    ['李一鸣', '李大鸣', '一 has fewer strokes than 大'],
    ['丁小宁', '王小宁', 'the surname decides first'],
    ['王小明', '王小亮', '明 (8) before 亮 (9)'],
    ['王文', '王方', '文 and 方 both 4 strokes: third stroke 撇 before 横折钩'],
    ['张伟', '张伟华', 'a name before a longer name it begins'],
    ['陈一', '陈一一', 'a name before a longer name it begins'],
    ['田大利', '田富', 'as written (people’s congress practice): 大 (3) before 富 (12)'],
  ])('%s before %s — %s', (a, b) => {
    expect(compareByStrokes(a, b)).toBeLessThan(0);
    expect(compareByStrokes(b, a)).toBeGreaterThan(0);
  });

  it('puts a single given name first under the blank-first option (高富 before 高大富)', () => {
    const blankFirst = createStrokeComparator({ singleGivenName: 'blank-first' });
    expect(blankFirst('田富', '田大利')).toBeLessThan(0);
    expect(blankFirst('高富', '高大富')).toBeLessThan(0);
    expect(blankFirst('高大富', '高富')).toBeGreaterThan(0);
    // the surname still comes first
    expect(blankFirst('王大富', '田富')).toBeLessThan(0);
    expect(sortByStrokes(['田大利', '田富', '田一'], { singleGivenName: 'blank-first' })).toEqual(['田一', '田富', '田大利']);
    expect(sortByStrokes(['田大利', '田富', '田一'])).toEqual(['田一', '田大利', '田富']);
  });
});

describe('D4 compound surnames (复姓) count as the surname', () => {
  it('splits the common compound surnames off the given name', () => {
    for (const s of ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文', '司徒', '夏侯', '端木', '申屠', '澹台']) {
      expect(compoundSurnames.has(s), s).toBe(true);
      expect(splitName(`${s}明`)).toEqual({ surname: s, givenName: '明' });
    }
    expect(splitName('欧阳')).toEqual({ surname: '欧', givenName: '阳' });
    expect(splitName('王明')).toEqual({ surname: '王', givenName: '明' });
    expect(splitName('')).toEqual({ surname: '', givenName: '' });
    expect(splitName('单于洋')).toEqual({ surname: '单', givenName: '于洋' });
  });

  it('ranks a compound surname by its first character, not by the sum of its strokes (欧阳少东 before 洪少东)', () => {
    expect(compareByStrokes('欧阳少东', '洪少东')).toBeLessThan(0); // 欧 8 < 洪 9, though 欧阳 has 14
    expect(compareByStrokes('司马光', '刘备')).toBeLessThan(0); // 司 5 < 刘 6
    expect(compareByStrokes('石勒', '司马光')).toBeLessThan(0); // 5 strokes: 石 横 before 司 横折钩
    expect(compareByStrokes('上官婉儿', '王一')).toBeLessThan(0); // 上 3 < 王 4
  });

  it('keeps a compound surname together after the single surname it begins with', () => {
    // As plain characters 欧阳明 would come before 欧明 (阳 6 < 明 8); as surnames 欧 comes before 欧阳.
    expect(sortByStrokes(['欧阳明', '欧明', '欧阳一', '欧一'])).toEqual(['欧一', '欧明', '欧阳一', '欧阳明']);
    expect(sortByStrokes(['诸葛亮', '诸亮'])).toEqual(['诸亮', '诸葛亮']);
  });

  it('accepts a community’s own list of compound surnames', () => {
    const compare = createStrokeComparator({ compoundSurnames: new Set(['单于']) });
    // with 单于 as a surname, 单于洋 goes after every plain 单
    expect(compare('单于洋', '单大')).toBeGreaterThan(0);
    expect(compareByStrokes('单于洋', '单大')).toBeLessThan(0);
  });
});

describe('D4 fallbacks and normalisation', () => {
  it('puts characters cnchar does not know after known ones: unknown Han, then anything else', () => {
    expect(sortByStrokes(['Smith', '王𠀀', '王琤', '王鑫', '𠀀一', '齉'])).toEqual(['王鑫', '王琤', '王𠀀', '齉', '𠀀一', 'Smith']);
  });

  it('orders unknown characters among themselves by code point', () => {
    expect(compareByStrokes('王琤', '王𠀀')).toBeLessThan(0); // U+7424 < U+20000
    expect(compareByStrokes('B', 'A')).toBeGreaterThan(0);
  });

  it('ignores spaces and the middle dot of minority names in the key', () => {
    expect(sortByStrokes(['王明华', '王 明', '王一'])).toEqual(['王一', '王 明', '王明华']);
    expect(compareByStrokes('阿依古丽·买买提', '阿依古丽买买提')).not.toBe(0);
    expect(sortByStrokes(['阿依古丽·买买提', '阿一'])).toEqual(['阿一', '阿依古丽·买买提']);
  });

  it('returns 0 only for identical strings', () => {
    expect(compareByStrokes('王明', '王明')).toBe(0);
    expect(compareByStrokes('', '')).toBe(0);
    expect(compareByStrokes('王 明', '王明')).not.toBe(0);
    expect(compareByStrokes('', '王')).toBeLessThan(0);
  });
});

describe('D4 sortByStrokes is a deterministic total order', () => {
  const pool = [...officialSurnames, '欧阳', '司马', '于', '干', '土', '士', '一', '大', '明', '亮', '富', '琤', '𠀀', 'A', ' ', '·'];
  const nameArb = fc.array(fc.constantFrom(...pool), { minLength: 0, maxLength: 4 }).map((parts) => parts.join(''));

  it('does not change its input', () => {
    const input = ['王明', '丁一', '李四'];
    const copy = [...input];
    expect(sortByStrokes(input)).toEqual(['丁一', '王明', '李四']);
    expect(input).toEqual(copy);
  });

  it('gives the same result for every permutation of the same names', () => {
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 30 }), fc.integer(), (names, seed) => {
        expect(sortByStrokes(shuffled(names, seed))).toEqual(sortByStrokes(names));
      }),
    );
  });

  it('is antisymmetric and transitive, and agrees with compareByStrokes', () => {
    fc.assert(
      fc.property(nameArb, nameArb, nameArb, (a, b, c) => {
        expect(sign(compareByStrokes(a, b)) + sign(compareByStrokes(b, a))).toBe(0);
        expect(compareByStrokes(a, b) === 0).toBe(a === b);
        if (compareByStrokes(a, b) <= 0 && compareByStrokes(b, c) <= 0) expect(compareByStrokes(a, c)).toBeLessThanOrEqual(0);
        const sorted = sortByStrokes([a, b]);
        expect(compareByStrokes(sorted[0] ?? '', sorted[1] ?? '')).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('keeps the input order of items with the same name (stable)', () => {
    const items = [
      { id: 1, name: '王明' },
      { id: 2, name: '丁一' },
      { id: 3, name: '王明' },
      { id: 4, name: '王明' },
    ];
    expect(sortItemsByStrokes(items, (i) => i.name).map((i) => i.id)).toEqual([2, 1, 3, 4]);
    expect(sortItemsByStrokes([...items].reverse(), (i) => i.name).map((i) => i.id)).toEqual([2, 4, 3, 1]);
  });

  it('sorts 20,000 names quickly', () => {
    const chars = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤明华军伟芳丽英敏静秀强磊洋艳勇杰娟涛超霞刚平辉'];
    const names = Array.from({ length: 20_000 }, (_, i) => {
      const at = (k: number): string => chars[(i * k + k * k) % chars.length] ?? '';
      return `${at(7)}${at(13)}${i % 3 === 0 ? '' : at(31)}`;
    });
    const start = performance.now();
    const sorted = sortByStrokes(names);
    const ms = performance.now() - start;
    expect(sorted.length).toBe(names.length);
    for (let i = 1; i < sorted.length; i += 1) expect(compareByStrokes(sorted[i - 1] ?? '', sorted[i] ?? '')).toBeLessThanOrEqual(0);
    expect(ms).toBeLessThan(2000);
  });
});
