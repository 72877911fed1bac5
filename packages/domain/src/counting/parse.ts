// F, counting-format.md — an exported count is checked before it is counted: the first bad field is named
import { err, ok } from '../basics.ts';
import type { Result } from '../basics.ts';
import { isProfileName } from '../profile.ts';
import type { ProfileName } from '../profile.ts';
import type {
  CountBallot,
  CountCandidate,
  CountInput,
  CountOptions,
  CountPosition,
  Round,
} from './types.ts';

/** The first bad field of an input, by its JSON path (e.g. `ballots[3].member`), in zh-CN and English. */
export interface CountInputError {
  /** JSON path of the field; '' for the input itself */
  readonly field: string;
  readonly messageZh: string;
  readonly messageEn: string;
}

type Parsed<T> = Result<T, CountInputError>;
type JsonObject = Readonly<Record<string, unknown>>;

function fail(field: string, messageZh: string, messageEn: string): { readonly ok: false; readonly error: CountInputError } {
  return err({ field, messageZh, messageEn });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `ballots[3].member`, or `ballots[3]["a b"]` for keys that do not read as a name. */
function child(path: string, key: string): string {
  const name = /^[\p{L}\p{N}_$-]+$/u.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return path === '' ? name.replace(/^\./, '') : `${path}${name}`;
}

const RESERVED_KEY = 'spoiled';
const NO_MARKS: readonly string[] = [];

/**
 * Checks an input of counting-format.md and returns it as a CountInput. Decisions: `profile`
 * defaults to "national" and `round` to "first" when absent, `candidates` to none (D7); unknown
 * top-level keys are ignored (an export may carry metadata) but unknown options are refused (a
 * misspelt option must not silently fall back to the profile); `ballotsIssued` may not exceed
 * `registeredVoters`. Marks are trimmed, and a mark left empty is one that cannot be made out
 * (F4): it is dropped and the rest of the section counts. A section of clean names is kept as the
 * very array of the input, not copied (100,000 ballots are parsed on every recount).
 */
export function parseCountInput(json: unknown): Parsed<CountInput> {
  if (!isObject(json)) return fail('', '输入必须是 JSON 对象', 'input must be a JSON object');

  const profile = parseProfile(json);
  if (!profile.ok) return profile;
  const options = parseOptions(json);
  if (!options.ok) return options;
  const round = parseRound(json);
  if (!round.ok) return round;
  const registeredVoters = parseCount(json, 'registeredVoters');
  if (!registeredVoters.ok) return registeredVoters;
  const ballotsIssued = parseCount(json, 'ballotsIssued');
  if (!ballotsIssued.ok) return ballotsIssued;
  if (ballotsIssued.value > registeredVoters.value) {
    return fail(
      'ballotsIssued',
      '发出选票数不能多于登记参加选举的人数',
      'ballotsIssued cannot exceed registeredVoters',
    );
  }
  const positions = parsePositions(json);
  if (!positions.ok) return positions;
  const declared = new Map(positions.value.map((position, index) => [position.id, index]));
  const candidates = parseCandidates(json, declared);
  if (!candidates.ok) return candidates;
  const ballots = parseBallots(json, declared);
  if (!ballots.ok) return ballots;

  return ok({
    profile: profile.value,
    options: options.value,
    round: round.value,
    registeredVoters: registeredVoters.value,
    ballotsIssued: ballotsIssued.value,
    positions: positions.value,
    candidates: candidates.value,
    ballots: ballots.value,
  });
}

function parseProfile(json: JsonObject): Parsed<ProfileName> {
  const value = json['profile'];
  if (value === undefined) return ok('national');
  if (typeof value !== 'string' || !isProfileName(value)) {
    return fail('profile', `未知的规则配置 ${JSON.stringify(value)}`, `unknown rules profile ${JSON.stringify(value)}`);
  }
  return ok(value);
}

function parseOptions(json: JsonObject): Parsed<CountOptions> {
  const value = json['options'];
  if (value === undefined) return ok({});
  if (!isObject(value)) return fail('options', '必须是对象', 'must be an object');
  let options: CountOptions = {};
  for (const key of Object.keys(value)) {
    const field = child('options', key);
    const option = value[key];
    switch (key) {
      case 'aggregateAcrossPositions':
        if (typeof option !== 'boolean') return fail(field, '必须是 true 或 false', 'must be true or false');
        options = { ...options, aggregateAcrossPositions: option };
        break;
      case 'womenSeat':
        if (option !== 'none' && option !== 'reserved-member') {
          return fail(field, '必须是 "none" 或 "reserved-member"', 'must be "none" or "reserved-member"');
        }
        options = { ...options, womenSeat: option };
        break;
      case 'overvote':
        if (option !== 'section' && option !== 'ballot') {
          return fail(field, '必须是 "section" 或 "ballot"', 'must be "section" or "ballot"');
        }
        options = { ...options, overvote: option };
        break;
      case 'runoffMargin':
        if (typeof option !== 'number' || !Number.isSafeInteger(option) || option < 0) {
          return fail(field, '必须是非负整数', 'must be a non-negative integer');
        }
        options = { ...options, runoffMargin: option };
        break;
      default:
        return fail(field, '未知选项', 'unknown option');
    }
  }
  return ok(options);
}

function parseRound(json: JsonObject): Parsed<Round> {
  const value = json['round'];
  if (value === undefined) return ok('first');
  if (value !== 'first' && value !== 'runoff') {
    return fail('round', '轮次必须是 "first" 或 "runoff"', 'round must be "first" or "runoff"');
  }
  return ok(value);
}

function parseCount(json: JsonObject, key: 'registeredVoters' | 'ballotsIssued'): Parsed<number> {
  const value = json[key];
  if (value === undefined) return fail(key, '缺少此字段', 'missing');
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(key, '必须是数字', 'must be a number');
  if (!Number.isSafeInteger(value)) return fail(key, '必须是整数', 'must be an integer');
  if (value < 0) return fail(key, '不能为负数', 'must not be negative');
  return ok(value);
}

function parseId(value: unknown, field: string): Parsed<string> {
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
    return fail(field, '必须是非空字符串，且首尾没有空格', 'must be a non-empty string without surrounding spaces');
  }
  return ok(value);
}

function parsePositions(json: JsonObject): Parsed<readonly CountPosition[]> {
  const value = json['positions'];
  if (value === undefined) return fail('positions', '缺少此字段', 'missing');
  if (!Array.isArray(value)) return fail('positions', '必须是数组', 'must be an array');
  if (value.length === 0) return fail('positions', '至少要有一个职务', 'at least one position is required');
  const positions: CountPosition[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const path = `positions[${i}]`;
    const position: unknown = value[i];
    if (!isObject(position)) return fail(path, '必须是对象', 'must be an object');
    const id = parseId(position['id'], `${path}.id`);
    if (!id.ok) return id;
    if (id.value === RESERVED_KEY) return fail(`${path}.id`, '"spoiled" 不能用作职务编号', '"spoiled" cannot be a position id');
    if (seen.has(id.value)) return fail(`${path}.id`, '职务重复', 'duplicate position id');
    seen.add(id.value);
    const seats = position['seats'];
    if (typeof seats !== 'number' || !Number.isSafeInteger(seats) || seats < 1) {
      return fail(`${path}.seats`, '名额必须是不小于 1 的整数', 'seats must be an integer of at least 1');
    }
    positions.push({ id: id.value, seats });
  }
  return ok(positions);
}

function parseCandidates(json: JsonObject, declared: ReadonlyMap<string, number>): Parsed<readonly CountCandidate[]> {
  const value = json['candidates'];
  if (value === undefined) return ok([]);
  if (!Array.isArray(value)) return fail('candidates', '必须是数组', 'must be an array');
  const candidates: CountCandidate[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const path = `candidates[${i}]`;
    const candidate: unknown = value[i];
    if (!isObject(candidate)) return fail(path, '必须是对象', 'must be an object');
    const id = parseId(candidate['id'], `${path}.id`);
    if (!id.ok) return id;
    if (seen.has(id.value)) return fail(`${path}.id`, '候选人编号重复', 'duplicate candidate id');
    seen.add(id.value);
    const name = candidate['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      return fail(`${path}.name`, '必须是非空字符串', 'must be a non-empty string');
    }
    const sex = candidate['sex'];
    if (sex !== 'M' && sex !== 'F') return fail(`${path}.sex`, '性别必须是 "M" 或 "F"', 'sex must be "M" or "F"');
    const position = candidate['position'];
    if (typeof position !== 'string' || !declared.has(position)) {
      return fail(`${path}.position`, '未声明的职务', 'undeclared position');
    }
    candidates.push({ id: id.value, name: name.trim(), sex, position });
  }
  return ok(candidates);
}

function parseBallots(json: JsonObject, declared: ReadonlyMap<string, number>): Parsed<readonly CountBallot[]> {
  const value = json['ballots'];
  if (value === undefined) return fail('ballots', '缺少此字段', 'missing');
  if (!Array.isArray(value)) return fail('ballots', '必须是数组', 'must be an array');
  const ballots: CountBallot[] = new Array<CountBallot>(value.length);
  for (let i = 0; i < value.length; i++) {
    const ballot = parseBallot(value[i], i, declared);
    if (!ballot.ok) return ballot;
    ballots[i] = ballot.value;
  }
  return ok(ballots);
}

const SPOILED: CountBallot = { kind: 'spoiled' };

/** One pass per ballot; a field's path is only built when it is reported (counting is hot). */
function parseBallot(value: unknown, index: number, declared: ReadonlyMap<string, number>): Parsed<CountBallot> {
  if (!isObject(value)) return fail(`ballots[${index}]`, '必须是对象', 'must be an object');
  const sections: (readonly string[])[] = new Array<readonly string[]>(declared.size).fill(NO_MARKS);
  let spoiled = false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const section = value[key];
    if (key === RESERVED_KEY) {
      if (typeof section !== 'boolean') return fail(child(`ballots[${index}]`, key), '必须是 true 或 false', 'must be true or false');
      spoiled = section;
      continue;
    }
    const at = declared.get(key);
    if (at === undefined) return fail(child(`ballots[${index}]`, key), '未声明的职务', 'undeclared position');
    const marks = parseMarks(section);
    if (typeof marks === 'number') {
      const field = child(`ballots[${index}]`, key);
      return marks < 0
        ? fail(field, '必须是名字的数组', 'must be an array of names')
        : fail(`${field}[${marks}]`, '必须是字符串', 'must be a string');
    }
    sections[at] = marks;
  }
  // A spoiled ballot (废票) counts in ballotsCast only, whatever its sections say.
  return ok(spoiled ? SPOILED : { kind: 'marked', sections });
}

/**
 * The names of a section, trimmed, without the empty ones (F4: a mark that cannot be made out is
 * ignored); or, when the section is bad, the index of the first mark that is not a string (-1:
 * the section is not an array).
 */
function parseMarks(section: unknown): readonly string[] | number {
  if (!Array.isArray(section)) return -1;
  // Usually every mark is already a clean name: the array itself is kept, nothing is copied.
  let clean = true;
  for (let m = 0; m < section.length; m++) {
    const mark: unknown = section[m];
    if (typeof mark !== 'string') return m;
    if (clean && (mark === '' || mark.trim() !== mark)) clean = false;
  }
  if (clean) return section as readonly string[];
  const marks: string[] = [];
  for (let m = 0; m < section.length; m++) {
    const name = (section[m] as string).trim();
    if (name !== '') marks.push(name);
  }
  return marks;
}
