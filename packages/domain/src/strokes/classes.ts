/**
 * D4 — the five basic stroke classes of 姓氏笔画 collation, in collation order, and the table that
 * maps the stroke names of cnchar-order 3.2.6 onto them.
 *
 * Mapping (rules.md D4: 提 counts as 横, 竖钩 as 竖, 捺 as 点, every turning stroke as 折):
 *
 * | class    | cnchar-order names                                                            |
 * | -------- | ----------------------------------------------------------------------------- |
 * | 横 一    | 横, 提                                                                        |
 * | 竖 丨    | 竖, 竖钩                                                                      |
 * | 撇 丿    | 撇                                                                            |
 * | 点 丶    | 点, 点2, 捺                                                                   |
 * | 折 乛    | 横折, 横撇, 横钩, 横折钩, 横折提, 横折折, 横折弯, 横折折折, 横折折撇,          |
 * |          | 横折折折钩, 横撇弯钩, 横斜钩, 竖提, 竖弯, 竖弯钩, 竖折撇, 竖折折, 竖折折钩,     |
 * |          | 撇折, 撇点, 弯钩, 斜钩, 卧钩                                                   |
 *
 * Why by name and not by shape: cnchar-order's `点2` (the left dot of 宀, 冖, 心, 火 …) carries the
 * shape ㇀ of 提 in its stroke table, a slip in the data; its name says what it is. Names such as
 * `横撇|横钩` stand for either stroke; both alternatives must fall in the same class (they do).
 */

export type StrokeClass = 'heng' | 'shu' | 'pie' | 'dian' | 'zhe';

export interface StrokeClassInfo {
  readonly strokeClass: StrokeClass;
  /** 1…5: the collation order 横 竖 撇 点 折. */
  readonly rank: 1 | 2 | 3 | 4 | 5;
  readonly symbol: string;
  readonly titleZh: string;
}

/** D4 — 横(一) 竖(丨) 撇(丿) 点(丶) 折(乛), in collation order. */
export const strokeClasses: readonly StrokeClassInfo[] = [
  { strokeClass: 'heng', rank: 1, symbol: '一', titleZh: '横' },
  { strokeClass: 'shu', rank: 2, symbol: '丨', titleZh: '竖' },
  { strokeClass: 'pie', rank: 3, symbol: '丿', titleZh: '撇' },
  { strokeClass: 'dian', rank: 4, symbol: '丶', titleZh: '点' },
  { strokeClass: 'zhe', rank: 5, symbol: '乛', titleZh: '折' },
];

const RANK: Readonly<Record<StrokeClass, 1 | 2 | 3 | 4 | 5>> = { heng: 1, shu: 2, pie: 3, dian: 4, zhe: 5 };

/** D4 — collation rank of a stroke class (横 1 … 折 5). */
export function strokeClassRank(strokeClass: StrokeClass): 1 | 2 | 3 | 4 | 5 {
  return RANK[strokeClass];
}

const ZHE: readonly string[] = [
  '横折', '横撇', '横钩', '横折钩', '横折提', '横折折', '横折弯', '横折折折', '横折折撇',
  '横折折折钩', '横撇弯钩', '横斜钩', '竖提', '竖弯', '竖弯钩', '竖折撇', '竖折折', '竖折折钩',
  '撇折', '撇点', '弯钩', '斜钩', '卧钩',
];

/** D4 — every stroke name cnchar-order 3.2.6 uses, with its class (the table above). */
export const strokeNameClasses: ReadonlyMap<string, StrokeClass> = new Map<string, StrokeClass>([
  ['横', 'heng'],
  ['提', 'heng'],
  ['竖', 'shu'],
  ['竖钩', 'shu'],
  ['撇', 'pie'],
  ['点', 'dian'],
  ['点2', 'dian'],
  ['捺', 'dian'],
  ...ZHE.map((name): [string, StrokeClass] => [name, 'zhe']),
]);

/**
 * D4 — the class of one cnchar-order stroke name (`横撇|横钩` allowed when every alternative is of
 * one class); null for a name the table does not know, so a changed cnchar data set is noticed.
 */
export function strokeClassOfName(name: string): StrokeClass | null {
  let found: StrokeClass | null = null;
  for (const alternative of name.split('|')) {
    const strokeClass = strokeNameClasses.get(alternative.trim());
    if (strokeClass === undefined) return null;
    if (found !== null && found !== strokeClass) return null;
    found = strokeClass;
  }
  return found;
}
