import { describe, expect, it } from 'vitest';
import {
  addDays,
  checklist,
  diffDays,
  getProfile,
  getScheduleStep,
  isIsoDate,
  isObjectionInTime,
  isStepLate,
  objectionDeadline,
  objectionDecisionDeadline,
  scheduleSteps,
  stage,
  stepDeadline,
  stepStatus,
} from '../src/index.ts';
import type { ProfileName, RulesProfile, StepKey } from '../src/index.ts';

const D = '2026-12-20';

/** Deadlines for election day 2026-12-20 under the default offsets of both profiles. */
const EXPECTED: Readonly<Record<StepKey, string>> = {
  survey: '2026-11-05', // D − 45
  electionCommittee: '2026-11-20', // D − 30
  voterRegistration: '2026-11-30', // D − 20 (C5)
  nomination: '2026-12-15', // D − 5 (D3)
  election: '2026-12-20', // D
  otherBodies: '2027-01-19', // D + 30
  handover: '2026-12-30', // elected (D) + 10 (G2)
  inspection: '2027-02-03', // D + 45
  talks: '2027-01-19', // D + 30
};

const PROFILES: readonly ProfileName[] = ['national', 'sichuan'];

const customProfile: RulesProfile = {
  ...getProfile('sichuan'),
  schedule: { survey: -60, electionCommittee: -40, otherBodies: 20, inspection: 60, talks: 15 },
};

function doneMap(entries: ReadonlyArray<readonly [StepKey, string]>): ReadonlyMap<StepKey, string> {
  return new Map(entries);
}

describe('calendar helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-20', 12)).toBe('2027-01-01');
    expect(addDays('2026-12-20', -45)).toBe('2026-11-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('counts days from one date to another', () => {
    expect(diffDays('2026-11-30', '2026-12-20')).toBe(20);
    expect(diffDays('2026-12-20', '2026-11-30')).toBe(-20);
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('recognises real ISO calendar dates only', () => {
    expect(isIsoDate('2026-12-20')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('20261220')).toBe(false);
    expect(isIsoDate('2026-12-20T00:00:00Z')).toBe(false);
  });

  it('refuses malformed dates as programming errors', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
    expect(() => addDays('2026-12-20', 0.5)).toThrow();
    expect(() => diffDays('2026-12-20', 'tomorrow')).toThrow();
  });
});

describe('the nine steps (S; seed 二(三) 1–9)', () => {
  it('are numbered 1 to 9 in the order of the seed, with the township titles', () => {
    expect(scheduleSteps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(scheduleSteps.map((s) => s.titleZh)).toEqual([
      '调查摸底',
      '推选村(居)民选举委员会',
      '选民登记并张榜公布',
      '提名候选人并公布正式候选人名单',
      '投票选举',
      '推选其他组织',
      '工作移交',
      '检查验收',
      '谈心谈话',
    ]);
    for (const s of scheduleSteps) {
      expect(s.titleEn.length).toBeGreaterThan(0);
      expect(s.basis.length).toBeGreaterThan(0);
    }
  });

  it('mark registration, nomination, election and handover as fixed by law, the rest as profile defaults', () => {
    expect(scheduleSteps.filter((s) => s.statutory).map((s) => s.key)).toEqual([
      'voterRegistration',
      'nomination',
      'election',
      'handover',
    ]);
    expect(getScheduleStep(3).basis).toContain('VCOL Art. 14');
    expect(getScheduleStep('handover').basis).toContain('VCOL Art. 20');
  });

  it('can be looked up by number or key', () => {
    expect(getScheduleStep(7)).toBe(getScheduleStep('handover'));
  });
});

describe('stepDeadline (S)', () => {
  for (const name of PROFILES) {
    it(`gives the default deadlines of every step under the ${name} profile`, () => {
      const profile = getProfile(name);
      for (const s of scheduleSteps) {
        expect(stepDeadline(s.key, D, profile)).toBe(EXPECTED[s.key]);
        expect(stepDeadline(s.step, D, profile)).toBe(EXPECTED[s.key]);
      }
    });
  }

  it('publishes the voter list at least 20 days before election day (C5 — VCOL Art. 14)', () => {
    expect(diffDays(stepDeadline('voterRegistration', D, getProfile('national')), D)).toBe(20);
  });

  it('publishes the formal candidate list at least 5 days before election day (D3 — MCA; SC)', () => {
    expect(diffDays(stepDeadline('nomination', D, getProfile('sichuan')), D)).toBe(5);
  });

  it('runs the handover deadline from the day the committee was elected (G2 — VCOL Art. 20)', () => {
    expect(stepDeadline('handover', D, getProfile('sichuan'), { electedOn: '2026-12-23' })).toBe('2027-01-02');
  });

  it('takes the non-statutory offsets from the profile and never the statutory ones', () => {
    expect(stepDeadline('survey', D, customProfile)).toBe('2026-10-21');
    expect(stepDeadline('electionCommittee', D, customProfile)).toBe('2026-11-10');
    expect(stepDeadline('otherBodies', D, customProfile)).toBe('2027-01-09');
    expect(stepDeadline('inspection', D, customProfile)).toBe('2027-02-18');
    expect(stepDeadline('talks', D, customProfile)).toBe('2027-01-04');
    for (const key of ['voterRegistration', 'nomination', 'election', 'handover'] as const) {
      expect(stepDeadline(key, D, customProfile)).toBe(EXPECTED[key]);
    }
  });

  it('moves steps 5–9 to the date of a run-off or repeated election and leaves steps 1–4 alone', () => {
    const profile = getProfile('sichuan');
    const runoffDay = '2027-01-05';
    expect(stepDeadline('survey', D, profile, { runoffDay })).toBe(EXPECTED.survey);
    expect(stepDeadline('nomination', D, profile, { runoffDay })).toBe(EXPECTED.nomination);
    expect(stepDeadline('election', D, profile, { runoffDay })).toBe('2027-01-05');
    expect(stepDeadline('otherBodies', D, profile, { runoffDay })).toBe('2027-02-04');
    expect(stepDeadline('handover', D, profile, { runoffDay })).toBe('2027-01-15');
    expect(stepDeadline('inspection', D, profile, { runoffDay })).toBe('2027-02-19');
    expect(stepDeadline('talks', D, profile, { runoffDay })).toBe('2027-02-04');
  });
});

describe('stepStatus and isStepLate (S)', () => {
  const deadline = EXPECTED.voterRegistration;

  it('is due up to and including the deadline day', () => {
    expect(stepStatus({ deadline, doneOn: null }, '2026-11-29')).toBe('due');
    expect(stepStatus({ deadline, doneOn: null }, deadline)).toBe('due');
    expect(isStepLate({ deadline, doneOn: null }, deadline)).toBe(false);
  });

  it('is overdue (and late) from the day after the deadline while not done', () => {
    expect(stepStatus({ deadline, doneOn: null }, '2026-12-01')).toBe('overdue');
    expect(isStepLate({ deadline, doneOn: null }, '2026-12-01')).toBe(true);
  });

  it('is done on time when completed on the deadline day', () => {
    expect(stepStatus({ deadline, doneOn: deadline }, '2026-12-10')).toBe('done');
    expect(isStepLate({ deadline, doneOn: deadline }, '2026-12-10')).toBe(false);
  });

  it('counts as done even when completed late, and says it was late', () => {
    expect(stepStatus({ deadline, doneOn: '2026-12-01' }, '2026-12-10')).toBe('done');
    expect(isStepLate({ deadline, doneOn: '2026-12-01' }, '2026-12-10')).toBe(true);
  });
});

describe('checklist (S)', () => {
  for (const name of PROFILES) {
    it(`checks every step at its boundary day under the ${name} profile`, () => {
      const profile = getProfile(name);
      for (const s of scheduleSteps) {
        const deadline = EXPECTED[s.key];
        const onDeadline = checklist(D, doneMap([]), deadline, profile).find((i) => i.key === s.key);
        expect(onDeadline).toMatchObject({ deadline, status: 'due', late: false, daysLeft: 0, doneOn: null });
        const dayAfter = checklist(D, doneMap([]), addDays(deadline, 1), profile).find((i) => i.key === s.key);
        expect(dayAfter).toMatchObject({ deadline, status: 'overdue', late: true, daysLeft: -1 });
      }
    });
  }

  it('lists the nine steps in order with deadline, status, late and days left', () => {
    const items = checklist(
      D,
      doneMap([
        ['survey', '2026-11-01'],
        ['electionCommittee', '2026-11-22'],
      ]),
      '2026-11-28',
      getProfile('sichuan'),
    );
    expect(items.map((i) => i.key)).toEqual(scheduleSteps.map((s) => s.key));
    expect(items.map((i) => [i.key, i.status, i.late, i.daysLeft])).toEqual([
      ['survey', 'done', false, null],
      ['electionCommittee', 'done', true, null],
      ['voterRegistration', 'due', false, 2],
      ['nomination', 'due', false, 17],
      ['election', 'due', false, 22],
      ['otherBodies', 'due', false, 52],
      ['handover', 'due', false, 32],
      ['inspection', 'due', false, 67],
      ['talks', 'due', false, 52],
    ]);
    expect(items[0]?.doneOn).toBe('2026-11-01');
    expect(items[2]?.titleZh).toBe('选民登记并张榜公布');
  });

  it('passes the handover and run-off dates through', () => {
    const items = checklist(D, doneMap([]), D, getProfile('national'), { electedOn: '2026-12-22' });
    expect(items.find((i) => i.key === 'handover')?.deadline).toBe('2027-01-01');
  });

  it('refuses a malformed completion date as a programming error', () => {
    expect(() => checklist(D, doneMap([['survey', '2026-11-31']]), D, getProfile('national'))).toThrow();
  });
});

describe('stage (S)', () => {
  const profile = getProfile('sichuan');

  it('is the first step not yet done', () => {
    const current = stage(checklist(D, doneMap([['survey', '2026-11-01']]), '2026-11-10', profile));
    expect(current).not.toBe('complete');
    expect(current === 'complete' ? null : current.key).toBe('electionCommittee');
  });

  it('stays on an earlier step left open even when later ones are done', () => {
    const current = stage(checklist(D, doneMap([['electionCommittee', '2026-11-15']]), '2026-11-16', profile));
    expect(current === 'complete' ? null : current.step).toBe(1);
  });

  it('is the first step when nothing is done', () => {
    const current = stage(checklist(D, doneMap([]), '2026-10-01', profile));
    expect(current === 'complete' ? null : current.key).toBe('survey');
  });

  it('is complete when all nine steps are done, late or not', () => {
    const all = doneMap(scheduleSteps.map((s) => [s.key, addDays(EXPECTED[s.key], s.step === 8 ? 3 : 0)] as const));
    expect(stage(checklist(D, all, '2027-03-01', profile))).toBe('complete');
  });
});

describe('objection windows (C6 — VCOL Art. 14)', () => {
  it('accepts objections until 5 days after the list is published', () => {
    expect(objectionDeadline('2026-11-30')).toBe('2026-12-05');
    expect(isObjectionInTime('2026-11-30', '2026-11-30')).toBe(true);
    expect(isObjectionInTime('2026-11-30', '2026-12-05')).toBe(true);
    expect(isObjectionInTime('2026-11-30', '2026-12-06')).toBe(false);
    expect(isObjectionInTime('2026-11-30', '2026-11-29')).toBe(false);
  });

  it('gives the election committee 3 days from receipt to decide', () => {
    expect(objectionDecisionDeadline('2026-12-05')).toBe('2026-12-08');
    expect(objectionDecisionDeadline('2026-12-30')).toBe('2027-01-02');
  });
});
