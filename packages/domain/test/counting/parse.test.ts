/** counting-format.md: bad input is refused naming the first bad field, in zh-CN and English. */
import { describe, expect, it } from 'vitest';
import { parseCountInput } from '../../src/index.ts';

const good = {
  profile: 'national',
  round: 'first',
  registeredVoters: 10,
  ballotsIssued: 8,
  positions: [{ id: 'director', seats: 1 }, { id: 'member', seats: 2 }],
  candidates: [{ id: 'd1', name: '王建国', sex: 'M', position: 'director' }],
  ballots: [{ director: ['d1'], member: ['王小明'] }, { spoiled: true }, {}],
};

function fieldOf(json: unknown): string {
  const result = parseCountInput(json);
  if (result.ok) throw new Error('accepted');
  expect(result.error.messageZh).not.toBe('');
  expect(result.error.messageEn).not.toBe('');
  return result.error.field;
}

describe('parsing a count file', () => {
  it('accepts the format of counting-format.md, sections aligned with the positions', () => {
    const result = parseCountInput(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ballots).toEqual([
      { kind: 'marked', sections: [['d1'], ['王小明']] },
      { kind: 'spoiled' },
      { kind: 'marked', sections: [[], []] },
    ]);
  });

  it('defaults the profile to national, the round to first and the options to the profile', () => {
    const { profile: _p, round: _r, ...bare } = good;
    const result = parseCountInput(bare);
    expect(result.ok && [result.value.profile, result.value.round, result.value.options]).toEqual(['national', 'first', {}]);
  });

  it('names a missing ballotsIssued', () => {
    const { ballotsIssued: _b, ...rest } = good;
    expect(fieldOf(rest)).toBe('ballotsIssued');
  });

  it('names a negative count', () => {
    expect(fieldOf({ ...good, registeredVoters: -1 })).toBe('registeredVoters');
    expect(fieldOf({ ...good, ballotsIssued: -3 })).toBe('ballotsIssued');
    expect(fieldOf({ ...good, positions: [{ id: 'director', seats: -1 }] })).toBe('positions[0].seats');
  });

  it('names a fractional or textual count', () => {
    expect(fieldOf({ ...good, ballotsIssued: 7.5 })).toBe('ballotsIssued');
    expect(fieldOf({ ...good, registeredVoters: '10' })).toBe('registeredVoters');
  });

  it('names more ballots issued than registered voters', () => {
    expect(fieldOf({ ...good, ballotsIssued: 11 })).toBe('ballotsIssued');
  });

  it('names a section for a position that was not declared', () => {
    expect(fieldOf({ ...good, ballots: [{ director: [] }, { deputy: ['d1'] }] })).toBe('ballots[1].deputy');
    expect(fieldOf({ ...good, ballots: [{ '副 主任': ['d1'] }] })).toBe('ballots[0]["副 主任"]');
  });

  it('names a candidate standing for a position that was not declared', () => {
    expect(fieldOf({ ...good, candidates: [{ id: 'v1', name: '周平', sex: 'F', position: 'deputy' }] })).toBe('candidates[0].position');
  });

  it('names a mark that is not a name, and a section that is not a list', () => {
    expect(fieldOf({ ...good, ballots: [{ member: ['a', 3] }] })).toBe('ballots[0].member[1]');
    expect(fieldOf({ ...good, ballots: [{ member: 'a' }] })).toBe('ballots[0].member');
    expect(fieldOf({ ...good, ballots: [{ spoiled: 'yes' }] })).toBe('ballots[0].spoiled');
  });

  it('names an unknown profile, round or option, and a bad option value', () => {
    expect(fieldOf({ ...good, profile: 'guangdong' })).toBe('profile');
    expect(fieldOf({ ...good, round: 'second' })).toBe('round');
    expect(fieldOf({ ...good, options: { womenSeats: 'reserved-member' } })).toBe('options.womenSeats');
    expect(fieldOf({ ...good, options: { runoffMargin: -1 } })).toBe('options.runoffMargin');
    expect(fieldOf({ ...good, options: { overvote: 'paper' } })).toBe('options.overvote');
  });

  it('names duplicate positions and candidates, and a missing list', () => {
    expect(fieldOf({ ...good, positions: [{ id: 'member', seats: 1 }, { id: 'member', seats: 2 }] })).toBe('positions[1].id');
    expect(fieldOf({ ...good, candidates: [good.candidates[0], good.candidates[0]] })).toBe('candidates[1].id');
    const { ballots: _b, ...noBallots } = good;
    expect(fieldOf(noBallots)).toBe('ballots');
    expect(fieldOf({ ...good, positions: [] })).toBe('positions');
  });

  it('refuses an input that is not an object', () => {
    expect(fieldOf([good])).toBe('');
    expect(fieldOf(null)).toBe('');
  });
});
