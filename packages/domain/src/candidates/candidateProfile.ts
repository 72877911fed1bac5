/**
 * D3, H — what the published candidate list and the statistics show about a candidate: sex and
 * age derived from the resident ID number (C2, GB 11643; age on election day), the age band of
 * the profile (H), education, party membership, incumbency (继任 when re-elected, A4).
 */
import { ageOn, parseResidentId, type ResidentIdSex } from '../ids/index.ts';
import { accept, refuse, type Decision } from '../problems.ts';
import type { RulesProfile } from '../profile.ts';

/** H — the seed's three education groups: 初中及以下, 高中及中专, 大专及以上. */
export type EducationLevel = 'junior-middle-or-below' | 'senior-secondary' | 'college-or-above';

export const educationLevels: readonly { readonly level: EducationLevel; readonly titleZh: string }[] = [
  { level: 'junior-middle-or-below', titleZh: '初中及以下' },
  { level: 'senior-secondary', titleZh: '高中及中专' },
  { level: 'college-or-above', titleZh: '大专及以上' },
];

export interface AgeBand {
  /** 0 … ageBands.length */
  readonly index: number;
  /** inclusive bounds; null for the open ends */
  readonly min: number | null;
  readonly max: number | null;
  readonly titleZh: string;
}

/** H — the age band of an age, from the profile's inclusive upper bounds ([34, 45, 55]: 35岁以下, 35—45岁, 46—55岁, 55岁以上). */
export function ageBand(age: number, profile: RulesProfile): AgeBand {
  const bounds = profile.ageBands;
  let index = bounds.findIndex((upper) => age <= upper);
  if (index === -1) index = bounds.length;
  const min = index === 0 ? null : (bounds[index - 1] ?? 0) + 1;
  const max = index === bounds.length ? null : (bounds[index] ?? 0);
  const titleZh = min === null ? `${(max ?? 0) + 1}岁以下` : max === null ? `${min - 1}岁以上` : `${min}—${max}岁`;
  return { index, min, max, titleZh };
}

export interface CandidateProfileInput {
  readonly name: string;
  readonly residentId: string;
  readonly education: EducationLevel | null;
  readonly partyMember: boolean;
  /** a member of the outgoing committee standing again */
  readonly incumbent: boolean;
}

export interface CandidateProfile {
  readonly name: string;
  readonly sex: ResidentIdSex;
  readonly birthDate: string;
  /** full years on election day */
  readonly age: number;
  readonly ageBand: AgeBand;
  readonly education: EducationLevel | null;
  readonly partyMember: boolean;
  readonly incumbent: boolean;
}

/** C2, H — the candidate's profile; sex and age come from the ID number, never typed in twice. */
export function candidateProfile(
  input: CandidateProfileInput,
  electionDay: string,
  profile: RulesProfile,
): Decision<CandidateProfile, 'INVALID_RESIDENT_ID'> {
  const id = parseResidentId(input.residentId);
  if (!id.ok) return refuse('INVALID_RESIDENT_ID', 'C2', `${input.name}的身份证号码无效：${id.reason}（C2，GB 11643）`);
  const age = ageOn(id.birthDate, electionDay);
  return accept({
    name: input.name,
    sex: id.sex,
    birthDate: id.birthDate,
    age,
    ageBand: ageBand(age, profile),
    education: input.education,
    partyMember: input.partyMember,
    incumbent: input.incumbent,
  });
}
