/**
 * The nine steps of a community's 换届, as a township writes them (rules.md §S; the seed's section
 * 二(三) 1–9). `statutory` steps have deadlines fixed by law or by the election rules (C5/C6, D3, F3,
 * G2) that no profile may change; the others take their offsets from `RulesProfile.schedule`.
 */

export type StepKey =
  | 'survey'
  | 'electionCommittee'
  | 'voterRegistration'
  | 'nomination'
  | 'election'
  | 'otherBodies'
  | 'handover'
  | 'inspection'
  | 'talks';

export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface ScheduleStep {
  readonly step: StepNumber;
  readonly key: StepKey;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly statutory: boolean;
  readonly basis: string;
}

export const scheduleSteps: readonly ScheduleStep[] = [
  {
    step: 1,
    key: 'survey',
    titleZh: '调查摸底',
    titleEn: 'Survey of committees, representatives and groups; problem ledger opened',
    statutory: false,
    basis: 'Profile default schedule.survey (S; seed 二(三)1)',
  },
  {
    step: 2,
    key: 'electionCommittee',
    titleZh: '推选村(居)民选举委员会',
    titleEn: 'Election committee elected and posted',
    statutory: false,
    basis: 'VCOL Art. 12 (B1); deadline: profile default schedule.electionCommittee (SC practice)',
  },
  {
    step: 3,
    key: 'voterRegistration',
    titleZh: '选民登记并张榜公布',
    titleEn: 'Voter registration; list of registered voters published',
    statutory: true,
    basis: 'VCOL Art. 14 (C5, C6)',
  },
  {
    step: 4,
    key: 'nomination',
    titleZh: '提名候选人并公布正式候选人名单',
    titleEn: 'Candidates nominated; formal candidate list published',
    statutory: true,
    basis: 'VCOL Art. 15; MCA; SC (D3)',
  },
  {
    step: 5,
    key: 'election',
    titleZh: '投票选举',
    titleEn: 'Election; results announced on the spot',
    statutory: true,
    basis: 'VCOL Art. 15 (F3)',
  },
  {
    step: 6,
    key: 'otherBodies',
    titleZh: '推选其他组织',
    titleEn: 'Group leaders, representatives, council and supervision committee elected',
    statutory: false,
    basis: 'VCOL Art. 25, 32 (G3, G4); deadline: profile default schedule.otherBodies',
  },
  {
    step: 7,
    key: 'handover',
    titleZh: '工作移交',
    titleEn: 'Handover; rules and village compacts revised',
    statutory: true,
    basis: 'VCOL Art. 20 (G2)',
  },
  {
    step: 8,
    key: 'inspection',
    titleZh: '检查验收',
    titleEn: 'Inspection and acceptance by the township',
    statutory: false,
    basis: 'Profile default schedule.inspection (S; seed 二(三)8)',
  },
  {
    step: 9,
    key: 'talks',
    titleZh: '谈心谈话',
    titleEn: 'Talks with outgoing, unsuccessful and new members',
    statutory: false,
    basis: 'Profile default schedule.talks (S; seed 二(三)9)',
  },
];

/** The step definition for a number or key. */
export function getScheduleStep(step: StepNumber | StepKey): ScheduleStep {
  const found = scheduleSteps.find((s) => s.step === step || s.key === step);
  if (found === undefined) throw new Error(`unknown schedule step ${JSON.stringify(step)}`);
  return found;
}
