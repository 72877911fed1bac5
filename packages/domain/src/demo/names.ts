/**
 * Name material for synthetic residents. Surnames carry approximate frequencies (people, in units
 * of 10,000) after the national household-register rankings published by the Ministry of Public
 * Security (2019–2020), rounded: realistic enough that a demo roll has many 王, 李, 张 and a few
 * 崔 or 汪, not a statistic to quote. Given names follow the fashions of the birth decades, so a
 * grandmother is 秀英 and her granddaughter 欣怡.
 */

export interface WeightedSurname {
  readonly surname: string;
  /** Approximate number of bearers in China, in units of 10,000. */
  readonly weight: number;
}

export const surnames: readonly WeightedSurname[] = [
  { surname: '王', weight: 10150 },
  { surname: '李', weight: 10090 },
  { surname: '张', weight: 9540 },
  { surname: '刘', weight: 7210 },
  { surname: '陈', weight: 6540 },
  { surname: '杨', weight: 4620 },
  { surname: '黄', weight: 3370 },
  { surname: '赵', weight: 2860 },
  { surname: '吴', weight: 2780 },
  { surname: '周', weight: 2760 },
  { surname: '徐', weight: 2000 },
  { surname: '孙', weight: 1960 },
  { surname: '马', weight: 1940 },
  { surname: '朱', weight: 1830 },
  { surname: '胡', weight: 1650 },
  { surname: '郭', weight: 1610 },
  { surname: '何', weight: 1500 },
  { surname: '罗', weight: 1440 },
  { surname: '高', weight: 1430 },
  { surname: '林', weight: 1410 },
  { surname: '郑', weight: 1260 },
  { surname: '梁', weight: 1210 },
  { surname: '谢', weight: 1030 },
  { surname: '宋', weight: 1020 },
  { surname: '唐', weight: 1000 },
  { surname: '许', weight: 960 },
  { surname: '韩', weight: 940 },
  { surname: '冯', weight: 930 },
  { surname: '邓', weight: 920 },
  { surname: '曹', weight: 910 },
  { surname: '彭', weight: 890 },
  { surname: '曾', weight: 880 },
  { surname: '肖', weight: 860 },
  { surname: '田', weight: 840 },
  { surname: '董', weight: 820 },
  { surname: '袁', weight: 800 },
  { surname: '潘', weight: 780 },
  { surname: '于', weight: 770 },
  { surname: '蒋', weight: 760 },
  { surname: '蔡', weight: 750 },
  { surname: '余', weight: 740 },
  { surname: '杜', weight: 730 },
  { surname: '叶', weight: 720 },
  { surname: '程', weight: 700 },
  { surname: '苏', weight: 690 },
  { surname: '魏', weight: 680 },
  { surname: '吕', weight: 670 },
  { surname: '丁', weight: 660 },
  { surname: '任', weight: 650 },
  { surname: '沈', weight: 640 },
  { surname: '姚', weight: 630 },
  { surname: '卢', weight: 620 },
  { surname: '姜', weight: 610 },
  { surname: '崔', weight: 600 },
  { surname: '钟', weight: 590 },
  { surname: '谭', weight: 580 },
  { surname: '陆', weight: 570 },
  { surname: '汪', weight: 560 },
  { surname: '范', weight: 550 },
  { surname: '廖', weight: 540 },
];

export type NameEra = 'before-1970' | '1970-1989' | 'from-1990';

export function nameEra(birthYear: number): NameEra {
  if (birthYear < 1970) return 'before-1970';
  if (birthYear < 1990) return '1970-1989';
  return 'from-1990';
}

export const maleGivenNames: Readonly<Record<NameEra, readonly string[]>> = {
  'before-1970': [
    '建国', '建华', '国强', '国华', '志明', '德明', '文华', '明华', '永福', '德全',
    '志强', '正清', '长春', '树林', '玉成', '光明', '福全', '学文', '国荣', '家富',
    '德华', '宗贵', '绍云', '开明',
  ],
  '1970-1989': [
    '伟', '勇', '军', '杰', '涛', '斌', '强', '平', '波', '刚',
    '明', '超', '磊', '鹏', '华', '林', '俊', '海涛', '建军', '小兵',
    '红军', '志勇', '国平', '春林',
  ],
  'from-1990': [
    '浩', '宇', '俊杰', '子轩', '浩然', '宇航', '鑫', '帅', '博文', '梓豪',
    '一鸣', '晨', '睿', '家豪', '志豪', '天佑', '明轩', '俊熙', '子豪', '宇轩',
  ],
};

export const femaleGivenNames: Readonly<Record<NameEra, readonly string[]>> = {
  'before-1970': [
    '秀英', '桂英', '秀兰', '玉兰', '淑珍', '桂兰', '素芳', '凤英', '玉珍', '淑华',
    '秀珍', '兰英', '翠华', '琼英', '素华', '德芳', '玉梅', '桂芳', '永秀', '泽芬',
  ],
  '1970-1989': [
    '丽', '芳', '娟', '敏', '静', '燕', '艳', '霞', '红', '英',
    '琴', '梅', '丽娟', '小红', '晓燕', '春梅', '海燕', '利', '莉', '小琼',
  ],
  'from-1990': [
    '欣怡', '诗涵', '婷', '雪', '倩', '梓涵', '雨欣', '佳怡', '思雨', '梦瑶',
    '晓雯', '可欣', '悦', '雨涵', '子涵', '心怡', '婧', '雨桐',
  ],
};

/** Chinese numerals for group names: 1 → 一, 11 → 十一, 20 → 二十. */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`chineseNumeral supports 1…99, got ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : `${tens === 1 ? '' : (digits[tens] ?? '')}十`;
  const onesPart = ones === 0 ? '' : (digits[ones] ?? '');
  return `${tensPart}${onesPart}`;
}
