/** Fixture builders for the pre-vote rules (A, B, D, E): a small community roll and its families. */
import { getProfile, indexKinship, voterRoll } from '../../src/index.ts';
import type { Kinship, RegisteredVoter, RulesProfile } from '../../src/index.ts';

export const HERE = 'c-baiyu';
export const ELSEWHERE = 'c-other';

export function voter(voterId: string, name: string, sex: 'M' | 'F' = 'M', communityId = HERE): RegisteredVoter {
  return { voterId, name, sex, communityId };
}

/** 张家: 张大山 (father) — 李秀英 (his wife) — 张小明 (son) — 张小红 (daughter) — 张老汉 (his father) — 张小宝 (grandson). */
export const family = {
  father: voter('v-zds', '张大山'),
  mother: voter('v-lxy', '李秀英', 'F'),
  son: voter('v-zxm', '张小明'),
  daughter: voter('v-zxh', '张小红', 'F'),
  grandfather: voter('v-zlh', '张老汉'),
  grandson: voter('v-zxb', '张小宝'),
  brother: voter('v-zes', '张二山'),
  sonInLaw: voter('v-wq', '王强'),
} as const;

export const others = {
  wang: voter('v-wm', '王明'),
  liu: voter('v-lf', '刘芳', 'F'),
  chen: voter('v-cj', '陈杰'),
  zhao: voter('v-zl', '赵磊'),
  sun: voter('v-sl', '孙丽', 'F'),
  zhou: voter('v-zy', '周勇'),
  wu: voter('v-wj', '吴军'),
  he: voter('v-hm', '何敏', 'F'),
  ma: voter('v-mg', '马刚'),
  elsewhere: voter('v-out', '钱多', 'M', ELSEWHERE),
} as const;

export const roll = voterRoll([...Object.values(family), ...Object.values(others)]);

export const kinships: readonly Kinship[] = [
  { person: family.father.voterId, relative: family.mother.voterId, kind: 'spouse' },
  { person: family.son.voterId, relative: family.father.voterId, kind: 'parent' },
  { person: family.daughter.voterId, relative: family.father.voterId, kind: 'parent' },
  { person: family.son.voterId, relative: family.daughter.voterId, kind: 'sibling' },
  { person: family.father.voterId, relative: family.grandfather.voterId, kind: 'parent' },
  { person: family.grandson.voterId, relative: family.father.voterId, kind: 'grandparent' },
  { person: family.father.voterId, relative: family.brother.voterId, kind: 'sibling' },
  // 王强 is 张小红's husband: 张大山's son-in-law, not a near relative of 张大山.
  { person: family.daughter.voterId, relative: family.sonInLaw.voterId, kind: 'spouse' },
];

export const kinship = indexKinship(kinships);

export const national: RulesProfile = getProfile('national');
export const sichuan: RulesProfile = getProfile('sichuan');
export const reservedWomen: RulesProfile = { ...national, womenSeat: 'reserved-member' };
