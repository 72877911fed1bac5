/** F3: the result is announced on the spot — the zh-CN account a scrutineer reads aloud. */
import { describe, expect, it } from 'vitest';
import { determine, explainDetermination, parseCountInput } from '../../src/index.ts';

function account(json: unknown): string {
  const input = parseCountInput(json);
  if (!input.ok) throw new Error(input.error.messageEn);
  return explainDetermination(input.value, determine(input.value));
}

const ballots = (count: number, ballot: object) => Array.from({ length: count }, () => ballot);

describe('the account of a count', () => {
  it('says who is elected with how many votes, against which threshold', () => {
    const text = account({
      registeredVoters: 1000,
      ballotsIssued: 700,
      positions: [{ id: 'director', seats: 1 }],
      candidates: [
        { id: 'c1', name: '张三', sex: 'M', position: 'director' },
        { id: 'c2', name: '李秀英', sex: 'F', position: 'director' },
      ],
      ballots: [...ballots(420, { director: ['c1'] }), ...ballots(270, { director: ['c2'] }), ...ballots(8, { spoiled: true })],
    });
    expect(text).toContain('张三 得 420 票，超过参加投票人数 698 的半数（350 票），当选主任');
    expect(text).toContain('收回选票 698 张，其中废票 8 张');
    expect(text).toContain('NO_WOMAN_ELECTED');
  });

  it('says why a void round elects nobody', () => {
    const text = account({
      registeredVoters: 20,
      ballotsIssued: 10,
      positions: [{ id: 'director', seats: 1 }],
      ballots: ballots(10, { director: ['王小明'] }),
    });
    expect(text).toContain('本轮选举无效');
    expect(text).toContain('TURNOUT_NOT_MAJORITY');
    expect(text).not.toContain('当选主任');
  });

  it('names write-ins as such, ties and the run-off', () => {
    const text = account({
      registeredVoters: 10,
      ballotsIssued: 9,
      positions: [{ id: 'member', seats: 2 }],
      candidates: [{ id: 'm1', name: '陈明', sex: 'M', position: 'member' }],
      ballots: [...ballots(3, { member: ['m1', '王小明'] }), ...ballots(3, { member: ['m1', '李四'] }), ...ballots(2, { member: ['王小明', '李四'] }), { member: ['m1'] }],
    });
    expect(text).toContain('陈明 得 7 票');
    expect(text).toContain('再次投票（F7）的人选：李四（另选他人）（5 票）、王小明（另选他人）（5 票）');
  });

  it('says exactly one third wins in a run-off', () => {
    const text = account({
      round: 'runoff',
      registeredVoters: 12,
      ballotsIssued: 9,
      positions: [{ id: 'deputy', seats: 1 }],
      candidates: [{ id: 'v1', name: '吴芳', sex: 'F', position: 'deputy' }],
      ballots: [...ballots(3, { deputy: ['v1'] }), ...ballots(6, {})],
    });
    expect(text).toContain('吴芳 得 3 票，达到参加投票人数 9 的三分之一（3 票），当选副主任');
  });
});
