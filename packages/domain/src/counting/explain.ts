// F3 — VCOL Art. 15: the result is announced on the spot — an account in zh-CN a scrutineer can read aloud
import { assertNever } from '../basics.ts';
import type { ProfileName } from '../profile.ts';
import { resolveCountRules } from './rules.ts';
import type { CountInput, CountWarning, Determination, InvalidReason, PositionResult, Round } from './types.ts';
import { RESERVED_SEAT_POSITION, womanTest } from './women.ts';

const POSITION_NAMES: Readonly<Record<string, string>> = { director: '主任', deputy: '副主任', member: '委员' };

/** 主任 / 副主任 / 委员 for the usual positions; any other position by its id. */
export function positionName(id: string): string {
  return Object.prototype.hasOwnProperty.call(POSITION_NAMES, id) ? (POSITION_NAMES[id] ?? id) : id;
}

function roundName(round: Round): string {
  switch (round) {
    case 'first':
      return '第一次投票';
    case 'runoff':
      return '另行选举';
    default:
      return assertNever(round, 'round');
  }
}

function profileName(profile: ProfileName): string {
  switch (profile) {
    case 'national':
      return '全国通用（national）';
    case 'sichuan':
      return '四川省（sichuan）';
    default:
      return assertNever(profile, 'profile');
  }
}

function reasonText(reason: InvalidReason, input: CountInput, ballotsCast: number): string {
  switch (reason) {
    case 'TURNOUT_NOT_MAJORITY':
      return `参加投票的 ${input.ballotsIssued} 人未超过登记参加选举的 ${input.registeredVoters} 人的半数（F1，TURNOUT_NOT_MAJORITY）`;
    case 'BALLOTS_EXCEED_VOTERS':
      return `收回选票 ${ballotsCast} 张，多于发出的 ${input.ballotsIssued} 张（F2，BALLOTS_EXCEED_VOTERS）`;
    default:
      return assertNever(reason, 'invalid reason');
  }
}

function warningText(warning: CountWarning): string {
  switch (warning) {
    case 'NO_WOMAN_ELECTED':
      return '提示：当选人中没有妇女（NO_WOMAN_ELECTED）；村民委员会成员中应当有妇女成员（村民委员会组织法第六条，A2）。';
    default:
      return assertNever(warning, 'warning');
  }
}

/**
 * A zh-CN account of a determination, in the order a scrutineer announces it: the ballots, the
 * round's validity, then per position the threshold, the tally, who is elected and why, the open
 * seats and who stands for them, and the warnings.
 */
export function explainDetermination(input: CountInput, determination: Determination): string {
  const rules = resolveCountRules(input.profile, input.options);
  const names = new Map(input.candidates.map((c) => [c.id, c.name]));
  const person = (id: string): string => names.get(id) ?? `${id}（另选他人）`;
  const people = (ids: readonly string[]): string => ids.map(person).join('、');
  const cast = determination.ballotsCast;
  const spoiled = input.ballots.filter((b) => b.kind === 'spoiled').length;
  const lines: string[] = [];

  lines.push(`【计票结果】${roundName(input.round)}，规则配置：${profileName(input.profile)}。`);
  lines.push(
    `登记参加选举 ${input.registeredVoters} 人，发出选票 ${input.ballotsIssued} 张，收回选票 ${cast} 张，其中废票 ${spoiled} 张。`,
  );
  if (determination.valid) {
    lines.push(
      `参加投票的 ${input.ballotsIssued} 人超过登记参加选举的 ${input.registeredVoters} 人的半数（F1），收回选票不多于发出选票（F2），本轮选举有效。`,
    );
  } else {
    const reasons = determination.invalidReasons.map((r) => reasonText(r, input, cast));
    lines.push(`${reasons.join('；')}。本轮选举无效，不产生当选人，应当重新投票。`);
  }
  if (rules.overvote === 'ballot') lines.push('依照本配置，任一职务所选人数多于应选名额的选票整张作废（F4）。');
  if (rules.aggregateAcrossPositions) {
    lines.push('依照本配置，较高职务的得票计入较低职务，同一张选票对同一人只计一次；已当选较高职务的人不再计入较低职务（F6、F11）。');
  }
  if (rules.womenSeat === 'reserved-member' && input.round === 'first') {
    lines.push('依照本配置，如无妇女当选，最后一个委员名额保留给妇女（F8）。');
  }

  for (const position of determination.positions) {
    lines.push('');
    lines.push(...explainPosition(position, input, determination, person, people));
  }

  if (determination.warnings.length > 0) lines.push('');
  for (const warning of determination.warnings) lines.push(warningText(warning));
  return lines.join('\n');
}

function explainPosition(
  position: PositionResult,
  input: CountInput,
  determination: Determination,
  person: (id: string) => string,
  people: (ids: readonly string[]) => string,
): string[] {
  const cast = determination.ballotsCast;
  const title = positionName(position.id);
  const first = input.round === 'first';
  const measure = first ? '半数' : '三分之一';
  const rule = first ? 'F5' : 'F9';
  const votes = new Map(position.tally.map((e) => [e.id, e.votes]));
  const votesOf = (id: string): number => votes.get(id) ?? 0;
  const lines: string[] = [];

  lines.push(
    cast === 0
      ? `【${title}】应选 ${position.seats} 名。没有收回选票，无人能够当选（${rule}）。`
      : `【${title}】应选 ${position.seats} 名。${first ? '得票超过' : '得票达到'}参加投票人数 ${cast} 的${measure}方能当选，即至少 ${position.threshold} 票（${rule}）。`,
  );
  lines.push(
    position.tally.length === 0
      ? '得票：无人得票。'
      : `得票：${position.tally.map((e) => `${person(e.id)} ${e.votes} 票`).join('，')}。`,
  );
  if (position.voidSections > 0) {
    lines.push(`该职务所选人数多于应选名额的选票 ${position.voidSections} 张，该职务部分无效（F4）。`);
  }
  if (!determination.valid) {
    lines.push(`本轮选举无效，${title}不产生当选人。`);
    return lines;
  }

  for (const id of position.elected) {
    const reached = first ? '超过' : '达到';
    lines.push(`${person(id)} 得 ${votesOf(id)} 票，${reached}参加投票人数 ${cast} 的${measure}（${position.threshold} 票），当选${title}。`);
  }

  const tied = new Set(position.tied);
  const electedHere = new Set(position.elected);
  const reservedForWoman =
    first && position.id === RESERVED_SEAT_POSITION && resolveCountRules(input.profile, input.options).womenSeat === 'reserved-member';
  const isWoman = womanTest(input.candidates);
  const elsewhere = new Map<string, string>();
  for (const other of determination.positions) {
    if (other.id === position.id) continue;
    for (const id of other.elected) elsewhere.set(id, other.id);
  }
  const below: string[] = [];
  for (const entry of position.tally) {
    if (electedHere.has(entry.id) || tied.has(entry.id)) continue;
    if (entry.votes < position.threshold) {
      below.push(`${person(entry.id)} ${entry.votes} 票`);
      continue;
    }
    const other = elsewhere.get(entry.id);
    if (other !== undefined) {
      lines.push(`${person(entry.id)} 得 ${entry.votes} 票，已当选${positionName(other)}，不再当选${title}（F11）。`);
    } else if (
      reservedForWoman &&
      !isWoman(entry.id) &&
      (position.elected.some((id) => isWoman(id) && votesOf(id) < entry.votes) ||
        (position.vacancies > 0 && determination.warnings.includes('NO_WOMAN_ELECTED')))
    ) {
      lines.push(`${person(entry.id)} 得 ${entry.votes} 票，因最后一个委员名额保留给得票最多的达到当选票数的妇女，未当选（F8）。`);
    } else {
      lines.push(`${person(entry.id)} 得 ${entry.votes} 票，虽达到当选票数，但得票少于当选人，名额已满，未当选（F7）。`);
    }
  }
  if (below.length > 0) {
    lines.push(`${below.join('，')}，${first ? '未超过' : '未达到'}${measure}（${position.threshold} 票），未当选。`);
  }

  if (position.tied.length > 0) {
    const groups = new Map<number, string[]>();
    for (const id of position.tied) groups.set(votesOf(id), [...(groups.get(votesOf(id)) ?? []), id]);
    for (const [count, ids] of groups) {
      lines.push(`${people(ids)} 各得 ${count} 票，票数相等，不能确定最后的当选人，该名额暂缺，由票数相等的人再次投票（F7）。`);
    }
  }
  if (position.vacancies === 0) {
    lines.push(`${title}名额已选足。`);
    return lines;
  }
  const list = (ids: readonly string[]): string => ids.map((id) => `${person(id)}（${votesOf(id)} 票）`).join('、');
  // F7 seats go to a new vote among the tied; the other open seats of a first round to the run-off (F9).
  const runoff = position.runoffCandidates.filter((id) => !tied.has(id));
  lines.push(`${title}尚缺 ${position.vacancies} 名。`);
  if (position.tied.length > 0) lines.push(`再次投票（F7）的人选：${list(position.tied)}。`);
  if (first && runoff.length > 0) {
    // F8 left the reserved seat open (no woman reached the threshold) unless the women are tied for it.
    const womenOnly =
      reservedForWoman && determination.warnings.includes('NO_WOMAN_ELECTED') && !position.tied.some(isWoman);
    lines.push(`另行选举（F9）的候选人：${list(runoff)}。`);
    if (womenOnly) lines.push('其中保留给妇女的委员名额只在妇女候选人中另行选举（F8）。');
  } else if (first && position.tied.length === 0) {
    lines.push('没有可列入另行选举的人选，由村民选举委员会依法确定候选人（F9）。');
  } else if (!first && position.tied.length === 0) {
    lines.push(`另行选举后仍缺的名额暂缺，留待以后补选（F10）。`);
  }
  return lines;
}
