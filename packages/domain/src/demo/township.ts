/**
 * A deterministic demo township modelled on the seed (玉堂镇, 都江堰市, Sichuan: one town-centre
 * residents' community and fifteen rural communities, all called 社区 as the seed does). Sizes,
 * residents and election days come from a seeded generator, so the same seed always gives the
 * same township. The residents are a sample (about 40 per community) for demos, not a full roll.
 */
import type { ProfileName } from '../profile.ts';
import { makeResidentId } from '../ids/residentId.ts';
import type { ResidentIdSex } from '../ids/residentId.ts';
import { addDays, diffDays } from '../schedule/deadlines.ts';
import { chineseNumeral, femaleGivenNames, maleGivenNames, nameEra, surnames } from './names.ts';
import { createRandom } from './random.ts';
import type { SeededRandom } from './random.ts';

export type DemoCommunityKind = 'village' | 'residents';
export type DemoArea = 'town-centre' | 'rural';

export interface DemoGroup {
  /** 村(居)民小组: '一组', '二组', … */
  readonly name: string;
  readonly households: number;
  readonly population: number;
}

export interface DemoResident {
  readonly name: string;
  readonly sex: ResidentIdSex;
  readonly residentId: string;
  readonly birthDate: string;
  readonly groupName: string;
  /** Household number within the community: group number and household, e.g. '03-017'. */
  readonly householdNo: string;
}

export interface DemoCommunity {
  /** 12-digit statistical division code: township code + 001–199 for residents', 201–399 for villages. */
  readonly code: string;
  readonly name: string;
  readonly kind: DemoCommunityKind;
  readonly area: DemoArea;
  readonly groups: readonly DemoGroup[];
  /** Sums over the groups. */
  readonly households: number;
  readonly population: number;
  readonly residents: readonly DemoResident[];
}

export interface DemoCycle {
  readonly name: string;
  readonly year: number;
  readonly profile: ProfileName;
  /** Election day (ISO date) per community code. */
  readonly electionDays: Readonly<Record<string, string>>;
}

export interface DemoTownship {
  readonly name: string;
  /** 9-digit township code. */
  readonly code: string;
  readonly county: string;
  readonly province: string;
  /** The 6-digit region code used in the residents' ID numbers. */
  readonly regionCode: string;
  readonly communities: readonly DemoCommunity[];
  /** Sums over the communities. */
  readonly groupCount: number;
  readonly households: number;
  readonly population: number;
  readonly cycle: DemoCycle;
}

export const DEMO_TOWNSHIP_NAME = '玉堂镇';
export const DEMO_TOWNSHIP_CODE = '510181103';
export const DEMO_REGION_CODE = '510181';

interface CommunitySpec {
  readonly number: string;
  readonly name: string;
  readonly kind: DemoCommunityKind;
  readonly area: DemoArea;
}

/** The seed names 白玉社区 as the town-centre community; the fifteen rural names are invented but typical of the area. */
const COMMUNITY_SPECS: readonly CommunitySpec[] = [
  { number: '001', name: '白玉社区', kind: 'residents', area: 'town-centre' },
  ...[
    '龙凤社区', '观凤社区', '水井社区', '福寿社区', '中兴社区',
    '白马社区', '凤鸣社区', '和平社区', '金龙社区', '马家社区',
    '双河社区', '高桥社区', '新桥社区', '泉水社区', '五里社区',
  ].map(
    (name, i): CommunitySpec => ({ number: String(201 + i), name, kind: 'village', area: 'rural' }),
  ),
];

const GROUPS_MIN = 6;
const GROUPS_MAX = 15;
const HOUSEHOLDS_PER_GROUP_MIN = 40;
const HOUSEHOLDS_PER_GROUP_MAX = 120;
const PEOPLE_PER_HOUSEHOLD_MIN = 2.5;
const PEOPLE_PER_HOUSEHOLD_MAX = 3.5;
const RESIDENTS_MIN = 36;
const RESIDENTS_MAX = 44;
const BIRTH_YEAR_MIN = 1940;
const BIRTH_YEAR_MAX = 2008;

/** Rural election days fall in 2026-12-20…31; the town centre votes a few days after the last of them (as in the seed). */
const RURAL_FIRST_DAY = '2026-12-20';
const RURAL_LAST_DAY = '2026-12-31';
const RURAL_BATCHES = 3;
const NEW_YEAR_HOLIDAY: readonly string[] = ['2027-01-01', '2027-01-02', '2027-01-03'];

function randomBirthDate(random: SeededRandom, year: number): string {
  const first = `${year}-01-01`;
  const daysInYear = diffDays(first, `${year + 1}-01-01`);
  return addDays(first, random.int(0, daysInYear - 1));
}

function randomSurname(random: SeededRandom): string {
  return random.pickWeighted(surnames, (s) => s.weight).surname;
}

function givenName(random: SeededRandom, sex: ResidentIdSex, birthYear: number): string {
  const lists = sex === 'M' ? maleGivenNames : femaleGivenNames;
  return random.pick(lists[nameEra(birthYear)]);
}

interface Person {
  readonly surname: string;
  readonly sex: ResidentIdSex;
  readonly birthYear: number;
}

function clampYear(year: number): number {
  return Math.min(BIRTH_YEAR_MAX, Math.max(BIRTH_YEAR_MIN, year));
}

/** A plausible household: a head, usually a spouse, children born to them, sometimes an elderly parent. */
function buildHousehold(random: SeededRandom): readonly Person[] {
  const headSex: ResidentIdSex = random.chance(0.85) ? 'M' : 'F';
  const head: Person = { surname: randomSurname(random), sex: headSex, birthYear: random.int(1940, 1985) };
  const members: Person[] = [head];

  let spouse: Person | null = null;
  if (random.chance(0.8)) {
    const spouseSex: ResidentIdSex = headSex === 'M' ? 'F' : 'M';
    const gap = random.int(0, 4);
    spouse = {
      surname: randomSurname(random),
      sex: spouseSex,
      birthYear: clampYear(head.birthYear + (spouseSex === 'F' ? gap : -gap)),
    };
    members.push(spouse);
  }

  const father = [head, spouse].find((p) => p !== null && p.sex === 'M') ?? head;
  const mother = [head, spouse].find((p) => p !== null && p.sex === 'F') ?? head;
  const children = random.int(0, head.birthYear < 1965 ? 3 : 2);
  let childYear = mother.birthYear + random.int(21, 27);
  for (let i = 0; i < children && childYear <= BIRTH_YEAR_MAX; i += 1) {
    members.push({ surname: father.surname, sex: random.chance(0.52) ? 'M' : 'F', birthYear: childYear });
    childYear += random.int(2, 6);
  }

  if (head.birthYear >= 1965 && random.chance(0.2)) {
    const parentSex: ResidentIdSex = random.chance(0.4) ? 'M' : 'F';
    const parentYear = head.birthYear - random.int(22, 30);
    if (parentYear >= BIRTH_YEAR_MIN) {
      members.push({
        surname: parentSex === 'M' ? head.surname : randomSurname(random),
        sex: parentSex,
        birthYear: parentYear,
      });
    }
  }
  return members;
}

/** A unique valid ID: the sequence's parity follows the sex (C2 — GB 11643-1999, odd = male). */
function uniqueResidentId(random: SeededRandom, birthDate: string, sex: ResidentIdSex, used: Set<string>): string {
  let sequence = random.int(0, 499) * 2 + (sex === 'M' ? 1 : 0);
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const id = makeResidentId(DEMO_REGION_CODE, birthDate, sequence);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
    sequence = (sequence + 2) % 1000;
  }
  throw new Error(`no free ID sequence for ${birthDate} ${sex}`);
}

function buildGroups(random: SeededRandom): readonly DemoGroup[] {
  const count = random.int(GROUPS_MIN, GROUPS_MAX);
  return Array.from({ length: count }, (_, i): DemoGroup => {
    const households = random.int(HOUSEHOLDS_PER_GROUP_MIN, HOUSEHOLDS_PER_GROUP_MAX);
    const population = Math.round(households * random.float(PEOPLE_PER_HOUSEHOLD_MIN, PEOPLE_PER_HOUSEHOLD_MAX));
    return { name: `${chineseNumeral(i + 1)}组`, households, population };
  });
}

function buildResidents(random: SeededRandom, groups: readonly DemoGroup[], used: Set<string>): readonly DemoResident[] {
  const target = random.int(RESIDENTS_MIN, RESIDENTS_MAX);
  const residents: DemoResident[] = [];
  const takenHouseholds = new Set<string>();
  while (residents.length < target) {
    const groupIndex = groups.indexOf(random.pickWeighted(groups, (g) => g.population));
    const group = groups[groupIndex];
    if (group === undefined) throw new Error('group not found');
    const householdNo = `${String(groupIndex + 1).padStart(2, '0')}-${String(random.int(1, group.households)).padStart(3, '0')}`;
    if (takenHouseholds.has(householdNo)) continue;
    takenHouseholds.add(householdNo);
    for (const person of buildHousehold(random)) {
      if (residents.length >= target) break;
      const birthDate = randomBirthDate(random, person.birthYear);
      residents.push({
        name: `${person.surname}${givenName(random, person.sex, person.birthYear)}`,
        sex: person.sex,
        residentId: uniqueResidentId(random, birthDate, person.sex, used),
        birthDate,
        groupName: group.name,
        householdNo,
      });
    }
  }
  // A roll reads in household order; members keep their order within a household (stable sort).
  return [...residents].sort((a, b) => (a.householdNo < b.householdNo ? -1 : a.householdNo > b.householdNo ? 1 : 0));
}

function buildElectionDays(random: SeededRandom, communities: readonly DemoCommunity[]): Readonly<Record<string, string>> {
  const span = diffDays(RURAL_FIRST_DAY, RURAL_LAST_DAY);
  const batches = new Set<string>();
  while (batches.size < RURAL_BATCHES) batches.add(addDays(RURAL_FIRST_DAY, random.int(0, span)));
  const batchDays = [...batches].sort();

  const days: Record<string, string> = {};
  for (const community of communities) {
    if (community.area === 'rural') days[community.code] = random.pick(batchDays);
  }
  const lastRural = Object.values(days).sort().at(-1) ?? RURAL_LAST_DAY;
  let townCentreDay = addDays(lastRural, random.int(3, 7));
  while (NEW_YEAR_HOLIDAY.includes(townCentreDay)) townCentreDay = addDays(townCentreDay, 1);
  for (const community of communities) {
    if (community.area === 'town-centre') days[community.code] = townCentreDay;
  }
  return days;
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** The demo township for `seed`: the same seed always yields the same township. */
export function buildDemoTownship(seed = 1): DemoTownship {
  const random = createRandom(seed);
  const usedIds = new Set<string>();
  const communities = COMMUNITY_SPECS.map((spec): DemoCommunity => {
    const groups = buildGroups(random);
    return {
      code: `${DEMO_TOWNSHIP_CODE}${spec.number}`,
      name: spec.name,
      kind: spec.kind,
      area: spec.area,
      groups,
      households: sum(groups, (g) => g.households),
      population: sum(groups, (g) => g.population),
      residents: buildResidents(random, groups, usedIds),
    };
  });
  return {
    name: DEMO_TOWNSHIP_NAME,
    code: DEMO_TOWNSHIP_CODE,
    county: '都江堰市',
    province: '四川省',
    regionCode: DEMO_REGION_CODE,
    communities,
    groupCount: sum(communities, (c) => c.groups.length),
    households: sum(communities, (c) => c.households),
    population: sum(communities, (c) => c.population),
    cycle: {
      name: '2026年村（社区）两委换届',
      year: 2026,
      profile: 'sichuan',
      electionDays: buildElectionDays(random, communities),
    },
  };
}
