/**
 * D4 — where the surname (姓) ends and the given name (名) begins. A compound surname (复姓) is the
 * surname as a whole; everything else has a one-character surname.
 */

/**
 * Compound surnames of the 百家姓 and a few in common use today (独孤, 完颜). Left out on purpose:
 * 单于, 宗政, 乐正, 段干, 谷梁, where a common single surname followed by a given name (单于洋 is
 * far more likely 单 + 于洋) is the likelier reading. Pass your own set in the options when a
 * community needs another.
 */
export const compoundSurnames: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '令狐', '慕容', '长孙', '宇文',
  '司徒', '夏侯', '端木', '申屠', '澹台', '万俟', '闻人', '赫连', '公羊', '公冶', '濮阳', '淳于',
  '太叔', '仲孙', '轩辕', '钟离', '鲜于', '闾丘', '司空', '亓官', '司寇', '子车', '颛孙', '巫马',
  '公西', '漆雕', '壤驷', '公良', '拓跋', '夹谷', '宰父', '百里', '东郭', '南门', '呼延', '羊舌',
  '微生', '梁丘', '左丘', '东门', '西门', '南宫', '第五', '独孤', '完颜',
]);

export interface SplitName {
  readonly surname: string;
  readonly givenName: string;
}

/**
 * D4 — surname and given name of a name (characters as code points). A compound surname counts
 * only when a given name follows it: a two-character name 欧阳 is read as 欧 + 阳.
 */
export function splitName(name: string, compound: ReadonlySet<string> = compoundSurnames): SplitName {
  const chars = [...name];
  if (chars.length === 0) return { surname: '', givenName: '' };
  const firstTwo = chars.slice(0, 2).join('');
  const surnameLength = chars.length > 2 && compound.has(firstTwo) ? 2 : 1;
  return { surname: chars.slice(0, surnameLength).join(''), givenName: chars.slice(surnameLength).join('') };
}
