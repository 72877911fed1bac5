/**
 * A3, B3, E3, E6 (and G4) — near relatives (近亲属): spouse, parents, children, siblings,
 * grandparents, grandchildren (rules.md A3; the same list as Civil Code Art. 1045). In-laws are
 * not near relatives here. People are referred to by an id the caller chooses (the voter id).
 */

export type NearRelativeKind = 'spouse' | 'parent' | 'child' | 'sibling' | 'grandparent' | 'grandchild';

export interface NearRelativeKindInfo {
  readonly kind: NearRelativeKind;
  readonly titleZh: string;
  readonly titleEn: string;
  /** what the person is to the relative: a parent's child, a grandchild's grandparent. */
  readonly inverse: NearRelativeKind;
}

/** A3 — the six kinds of near relative. */
export const nearRelativeKinds: readonly NearRelativeKindInfo[] = [
  { kind: 'spouse', titleZh: '配偶', titleEn: 'spouse', inverse: 'spouse' },
  { kind: 'parent', titleZh: '父母', titleEn: 'parent', inverse: 'child' },
  { kind: 'child', titleZh: '子女', titleEn: 'child', inverse: 'parent' },
  { kind: 'sibling', titleZh: '兄弟姐妹', titleEn: 'sibling', inverse: 'sibling' },
  { kind: 'grandparent', titleZh: '祖父母、外祖父母', titleEn: 'grandparent', inverse: 'grandchild' },
  { kind: 'grandchild', titleZh: '孙子女、外孙子女', titleEn: 'grandchild', inverse: 'grandparent' },
];

/** A3 — `relative` is the `kind` of `person` (e.g. { person: son, relative: father, kind: 'parent' }). */
export interface Kinship {
  readonly person: string;
  readonly relative: string;
  readonly kind: NearRelativeKind;
}

export interface KinshipIndex {
  /** What `other` is to `person` (the kinship read in either direction), or null if not near relatives. */
  readonly relation: (person: string, other: string) => NearRelativeKind | null;
  /** Every recorded near relative of `person`, with what they are to `person`. */
  readonly relativesOf: (person: string) => ReadonlyMap<string, NearRelativeKind>;
}

/** A3 — the description of a near-relative kind. */
export function nearRelativeInfo(kind: NearRelativeKind): NearRelativeKindInfo {
  const info = nearRelativeKinds.find((k) => k.kind === kind);
  if (info === undefined) throw new Error(`unknown near-relative kind ${kind}`);
  return info;
}

/** A3 — zh-CN word for what someone is to another: 子女, 配偶 … */
export function nearRelativeTitle(kind: NearRelativeKind): string {
  return nearRelativeInfo(kind).titleZh;
}

const EMPTY: ReadonlyMap<string, NearRelativeKind> = new Map();

/**
 * A3 — an index over recorded kinships, read in both directions. A pair recorded twice keeps its
 * first kind (they are near relatives either way; only the wording changes). Self-kinship is ignored.
 */
export function indexKinship(kinships: readonly Kinship[]): KinshipIndex {
  const byPerson = new Map<string, Map<string, NearRelativeKind>>();
  const add = (person: string, other: string, kind: NearRelativeKind): void => {
    let relatives = byPerson.get(person);
    if (relatives === undefined) {
      relatives = new Map();
      byPerson.set(person, relatives);
    }
    if (!relatives.has(other)) relatives.set(other, kind);
  };
  for (const { person, relative, kind } of kinships) {
    if (person === relative) continue;
    if (byPerson.get(person)?.has(relative) ?? false) continue;
    add(person, relative, kind);
    add(relative, person, nearRelativeInfo(kind).inverse);
  }
  return {
    relation: (person, other) => byPerson.get(person)?.get(other) ?? null,
    relativesOf: (person) => byPerson.get(person) ?? EMPTY,
  };
}
