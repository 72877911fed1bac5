/**
 * C1 — VCOL Art. 13: the three ways a person is registrable in a community.
 */
export type RegistrationCategory = 'resident' | 'registered-away' | 'non-registered-resident';

export interface CategoryInfo {
  readonly category: RegistrationCategory;
  readonly number: 1 | 2 | 3;
  readonly titleZh: string;
  readonly titleEn: string;
  /** C1(3): needs the approval of the villagers' assembly or representatives' assembly, recorded. */
  readonly needsApproval: boolean;
}

export const registrationCategories: readonly CategoryInfo[] = [
  // C1(1) — household registration here and living here.
  { category: 'resident', number: 1, titleZh: '户籍在本村(居)并在本村(居)居住', titleEn: 'registered and living here', needsApproval: false },
  // C1(2) — household registration here, living elsewhere, stating the wish to take part.
  { category: 'registered-away', number: 2, titleZh: '户籍在本村(居)不在本村(居)居住，本人表示参加选举', titleEn: 'registered here, living elsewhere', needsApproval: false },
  // C1(3) — living here ≥ 1 year without household registration here, applying, approved.
  { category: 'non-registered-resident', number: 3, titleZh: '户籍不在本村(居)，在本村(居)居住一年以上，本人申请并经同意', titleEn: 'living here one year or more, approved', needsApproval: true },
];

/** The category as townships write it in the 登记类别 column: 1/2/3, or words. Empty → category 1. */
export function parseCategory(raw: string): RegistrationCategory | null {
  const v = raw.trim();
  if (v === '' || v === '1' || v === '一' || v.startsWith('户籍在本村并') || v.startsWith('户籍在本村(居)并') || v === '户籍在本村居住' || v === '本村居住') {
    return 'resident';
  }
  if (v === '2' || v === '二' || v.includes('不在本村') || v.includes('外出') || v === '户籍在本村不居住') return 'registered-away';
  if (v === '3' || v === '三' || v.includes('居住一年') || v.includes('非户籍') || v.includes('外来')) return 'non-registered-resident';
  return null;
}

export function categoryInfo(category: RegistrationCategory): CategoryInfo {
  const info = registrationCategories.find((c) => c.category === category);
  if (!info) throw new Error(`unknown category ${category}`);
  return info;
}
