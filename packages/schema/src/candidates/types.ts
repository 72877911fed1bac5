/** GraphQL for positions, the election committee, candidates, staff and proxies (rules.md A, B, D, E). */
import { and, eq } from 'drizzle-orm';
import { ageBand, formalListDeadline, plannedPositions, sortItemsByStrokes, type RuleProblem } from '@huanjie/domain';
import { candidateListPublication, type Db } from '@huanjie/db';
import { builder } from '../builder.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { communityOfElection, electionOfVoter } from '../access/scopes.ts';
import { Election } from '../cycle/types.ts';
import { SexEnum, Voter } from '../voters/types.ts';
import { PollingPlace } from '../polling/types.ts';
import { appointStaff, recordKinship, recordProxy, revokeProxy } from '../polling/people.ts';
import { setElectionCommittee } from '../committee/service.ts';
import { candidatesOf, electionRules } from '../rules/load.ts';
import { chooseFormalCandidates, enterGroupNominations, nominationState, publishPreliminaryList, type NominationState } from './nominations.ts';
import {
  addCandidate,
  ageOf,
  ballotLayout,
  formalListReport,
  publishCandidateList,
  setSeatPlan,
  updateCandidate,
  withdrawCandidate,
  type BallotSection,
} from './service.ts';

export const PositionKindEnum = builder.enumType('PositionKind', {
  values: {
    DIRECTOR: { value: 'director', description: '主任' },
    DEPUTY: { value: 'deputy', description: '副主任' },
    MEMBER: { value: 'member', description: '委员' },
  } as const,
});

const CandidateStageEnum = builder.enumType('CandidateStage', {
  values: { PRELIMINARY: { value: 'preliminary', description: '初步候选人' }, FORMAL: { value: 'formal', description: '正式候选人' } } as const,
});

const EducationEnum = builder.enumType('EducationLevel', {
  values: {
    JUNIOR_MIDDLE_OR_BELOW: { value: 'junior-middle-or-below', description: '初中及以下' },
    SENIOR_SECONDARY: { value: 'senior-secondary', description: '高中及中专' },
    COLLEGE_OR_ABOVE: { value: 'college-or-above', description: '大专及以上' },
  } as const,
});

const StaffRoleEnum = builder.enumType('StaffRole', {
  values: {
    READER: { value: 'reader', description: '唱票人' },
    TALLY_CLERK: { value: 'tally-clerk', description: '计票人' },
    SCRUTINEER: { value: 'scrutineer', description: '监票人' },
    WRITER: { value: 'writer', description: '代写人' },
  } as const,
});

const NearRelativeEnum = builder.enumType('NearRelativeKind', {
  description: 'A3: what one person is to another.',
  values: {
    SPOUSE: { value: 'spouse', description: '配偶' },
    PARENT: { value: 'parent', description: '父母' },
    CHILD: { value: 'child', description: '子女' },
    SIBLING: { value: 'sibling', description: '兄弟姐妹' },
    GRANDPARENT: { value: 'grandparent', description: '祖父母、外祖父母' },
    GRANDCHILD: { value: 'grandchild', description: '孙子女、外孙子女' },
  } as const,
});

const RuleProblemRef = builder.objectRef<RuleProblem>('RuleProblem').implement({
  description: 'A finding of a rule check, naming the rule of rules.md.',
  fields: (t) => ({ code: t.exposeString('code'), rule: t.exposeString('rule'), message: t.exposeString('message') }),
});

const RuleReportRef = builder.objectRef<{ ok: boolean; errors: readonly RuleProblem[]; warnings: readonly RuleProblem[] }>('RuleReport').implement({
  fields: (t) => ({
    ok: t.exposeBoolean('ok'),
    errors: t.field({ type: [RuleProblemRef], resolve: (r) => [...r.errors] }),
    warnings: t.field({ type: [RuleProblemRef], resolve: (r) => [...r.warnings] }),
  }),
});

export const Candidate = builder.drizzleNode('candidate', {
  name: 'Candidate',
  description: '候选人 (D)',
  id: { column: (c) => c.id },
  authScopes: async (c, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, c.electionId)) ?? -1 }),
  fields: (t) => ({
    position: t.field({ type: PositionKindEnum, resolve: (c) => c.position }),
    stage: t.field({ type: CandidateStageEnum, resolve: (c) => c.stage }),
    votes: t.exposeInt('votes', { description: 'Nominations or preliminary votes.' }),
    name: t.string({ select: { with: { voter: { columns: { name: true } } } }, resolve: (c) => c.voter.name }),
    sex: t.field({ type: SexEnum, select: { with: { voter: { columns: { sex: true } } } }, resolve: (c) => c.voter.sex }),
    age: t.int({
      description: 'On election day, from the ID number.',
      select: { with: { voter: { columns: { residentId: true } }, election: { columns: { electionDay: true } } } },
      resolve: (c) => ageOf(c.voter.residentId, c.election.electionDay),
    }),
    ageBand: t.string({
      select: { with: { voter: { columns: { residentId: true } }, election: { columns: { electionDay: true } } } },
      resolve: async (c, _a, ctx) => {
        const rules = await electionRules(ctx.db, c.electionId);
        return rules ? ageBand(ageOf(c.voter.residentId, c.election.electionDay), rules.profile).titleZh : '';
      },
    }),
    education: t.field({ type: EducationEnum, nullable: true, resolve: (c) => c.education }),
    partyMember: t.exposeBoolean('partyMember'),
    incumbent: t.exposeBoolean('incumbent'),
    commitmentSignedOn: t.expose('commitmentSignedOn', { type: 'Date', nullable: true }),
    withdrawnReason: t.exposeString('withdrawnReason', { nullable: true }),
    voter: t.relation('voter'),
  }),
});

const SeatPlanRef = builder.objectRef<{ director: number; deputies: number; members: number; reservedWomenSeats: number }>('SeatPlan').implement({
  fields: (t) => ({
    director: t.exposeInt('director'),
    deputies: t.exposeInt('deputies'),
    members: t.exposeInt('members'),
    reservedWomenSeats: t.exposeInt('reservedWomenSeats', { description: 'A2/F8 under profiles that reserve a member seat for a woman.' }),
  }),
});

const BallotSectionRef = builder.objectRef<BallotSection>('BallotSection').implement({
  description: 'A section of the ballot: what the tally app counts for one position.',
  fields: (t) => ({
    position: t.field({ type: PositionKindEnum, resolve: (s) => s.position }),
    title: t.exposeString('titleZh'),
    seats: t.exposeInt('seats'),
    reservedWomenSeats: t.exposeInt('reservedWomenSeats'),
    candidates: t.field({ type: [Candidate], resolve: async (s, _a, ctx) => {
      const rows = await ctx.db.query.candidate.findMany({ where: { id: { in: s.candidates.map((c) => c.id) } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return s.candidates.map((c) => byId.get(c.id)!);
    } }),
    writeInLines: t.exposeInt('writeInLines'),
  }),
});

const CommitteePersonRef = builder.drizzleObject('electionCommitteePerson', {
  name: 'ElectionCommitteePerson',
  fields: (t) => ({
    standing: t.exposeString('standing', { description: 'member | reserve | removed' }),
    chair: t.boolean({ resolve: (p) => p.role === 'chair' && p.standing === 'member' }),
    votes: t.exposeInt('votes', { nullable: true }),
    removedReason: t.exposeString('removedReason', { nullable: true }),
    voter: t.relation('voter'),
  }),
});

const StaffRef = builder.drizzleObject('staff', {
  name: 'Staff',
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, resolve: (s) => s.role }),
    voter: t.relation('voter'),
    place: t.relation('place', { nullable: true }),
  }),
});

builder.drizzleObject('kinship', {
  name: 'Kinship',
  description: 'A3: `relative` is the `kind` of `voter`.',
  fields: (t) => ({
    kind: t.field({ type: NearRelativeEnum, resolve: (k) => k.kind }),
    voter: t.relation('voter'),
    relative: t.relation('relative'),
  }),
});

const ProxyRef = builder.drizzleObject('proxy', {
  name: 'Proxy',
  description: '委托投票 (E3)',
  fields: (t) => ({
    relation: t.field({ type: NearRelativeEnum, resolve: (p) => p.relation }),
    writtenOn: t.expose('writtenOn', { type: 'Date' }),
    principal: t.relation('principal'),
    holder: t.relation('holder'),
  }),
});

builder.objectFields(Election, (t) => ({
  seatPlan: t.field({
    type: SeatPlanRef,
    nullable: true,
    resolve: async (e, _a, ctx) => {
      const rules = await electionRules(ctx.db, e.id);
      if (!rules?.seatPlan) return null;
      const member = plannedPositions(rules.seatPlan, rules.profile).find((p) => p.id === 'member');
      return { ...rules.seatPlan, reservedWomenSeats: member?.reservedWomenSeats ?? 0 };
    },
  }),
  candidates: t.field({
    type: [Candidate],
    description: 'Standing candidates of a stage, by position then in stroke order of names (D3–D4).',
    args: { stage: t.arg({ type: CandidateStageEnum, defaultValue: 'formal' }) },
    resolve: async (e, args, ctx) => {
      const rows = await ctx.db.query.candidate.findMany({ where: { electionId: e.id, stage: args.stage ?? 'formal', withdrawnReason: { isNull: true } }, with: { voter: true } });
      const order = { director: 0, deputy: 1, member: 2 } as const;
      return sortItemsByStrokes(rows, (r) => r.voter.name).sort((a, b) => order[a.position] - order[b.position]);
    },
  }),
  formalListCheck: t.field({
    type: RuleReportRef,
    description: 'D2, D3, D5, D6, A2: the formal list checked whole; errors block publication.',
    resolve: async (e, _a, ctx) => (await formalListReport(ctx.db, e.id, ctx.clock.today())) ?? { ok: false, errors: [], warnings: [] },
  }),
  unsignedCommitments: t.int({
    description: 'D5: formal candidates without a signed commitment letter (竞争承诺书): a warning on the overview.',
    resolve: async (e, _a, ctx) => (await candidatesOf(ctx.db, e.id, 'formal')).filter((c) => c.commitmentSignedOn === null).length,
  }),
  formalListDeadline: t.field({ type: 'Date', description: 'D3: 5 days before election day.', resolve: (e) => formalListDeadline(e.electionDay) }),
  formalListPublishedOn: t.field({
    type: 'Date',
    nullable: true,
    resolve: async (e, _a, ctx) => {
      const rows = await ctx.db.select({ on: candidateListPublication.publishedOn }).from(candidateListPublication).where(and(eq(candidateListPublication.electionId, e.id), eq(candidateListPublication.stage, 'formal'))).orderBy(candidateListPublication.id);
      return rows.at(-1)?.on ?? null;
    },
  }),
  ballotLayout: t.field({
    type: [BallotSectionRef],
    description: 'The printable ballot, section per position; empty until the seats are decided.',
    resolve: async (e, _a, ctx) => (await ballotLayout(ctx.db, e.id)) ?? [],
  }),
  electionCommittee: t.field({
    type: [CommitteePersonRef],
    resolve: (e, _a, ctx) => ctx.db.query.electionCommitteePerson.findMany({ where: { electionId: e.id }, orderBy: { id: 'asc' } }),
  }),
  staff: t.field({ type: [StaffRef], resolve: (e, _a, ctx) => ctx.db.query.staff.findMany({ where: { electionId: e.id }, orderBy: { id: 'asc' } }) }),
  proxies: t.field({
    type: [ProxyRef],
    description: 'E3: the published list of principals and proxy holders.',
    resolve: (e, _a, ctx) => ctx.db.query.proxy.findMany({ where: { electionId: e.id, status: 'active' }, orderBy: { id: 'asc' } }),
  }),
}));

const SeatPlanInput = builder.inputType('SeatPlanInput', {
  fields: (t) => ({ director: t.int({ required: true }), deputies: t.int({ required: true }), members: t.int({ required: true }) }),
});

const CommitteeInput = builder.inputType('ElectionCommitteeInput', {
  fields: (t) => ({
    members: t.field({ type: [builder.inputType('ElectionCommitteeMemberInput', { fields: (f) => ({ voterId: f.globalID({ required: true, for: [Voter] }), chair: f.boolean({ defaultValue: false }) }) })], required: true }),
    reserve: t.field({ type: [builder.inputType('ElectionCommitteeReserveInput', { fields: (f) => ({ voterId: f.globalID({ required: true, for: [Voter] }), votes: f.int({ required: true }) }) })], defaultValue: [] }),
  }),
});

const CandidateInput = builder.inputType('CandidateInput', {
  fields: (t) => ({
    voterId: t.globalID({ required: true, for: [Voter] }),
    position: t.field({ type: PositionKindEnum, required: true }),
    stage: t.field({ type: CandidateStageEnum, defaultValue: 'formal' }),
    votes: t.int({ defaultValue: 0 }),
    education: t.field({ type: EducationEnum }),
    partyMember: t.boolean({ defaultValue: false }),
    incumbent: t.boolean({ defaultValue: false }),
  }),
});

const CandidateDetailsInput = builder.inputType('CandidateDetailsInput', {
  fields: (t) => ({
    education: t.field({ type: EducationEnum }),
    partyMember: t.boolean(),
    incumbent: t.boolean(),
    commitmentSignedOn: t.field({ type: 'Date' }),
  }),
});

const PublishedCandidateList = builder.objectRef<{ publishedOn: string; warnings: readonly RuleProblem[]; content: readonly { position: 'director' | 'deputy' | 'member'; name: string; sex: 'M' | 'F'; age: number }[] }>('PublishedCandidateList').implement({
  fields: (t) => ({
    publishedOn: t.field({ type: 'Date', resolve: (p) => p.publishedOn }),
    warnings: t.field({ type: [RuleProblemRef], resolve: (p) => [...p.warnings] }),
    entries: t.field({
      type: [builder.objectRef<{ position: 'director' | 'deputy' | 'member'; name: string; sex: 'M' | 'F'; age: number }>('PublishedCandidate').implement({
        fields: (f) => ({
          position: f.field({ type: PositionKindEnum, resolve: (c) => c.position }),
          name: f.exposeString('name'),
          sex: f.field({ type: SexEnum, resolve: (c) => c.sex }),
          age: f.exposeInt('age'),
        }),
      })],
      resolve: (p) => [...p.content],
    }),
  }),
});

const CommitteeResult = builder.objectRef<{ warnings: readonly RuleProblem[] }>('ElectionCommitteeResult').implement({
  fields: (t) => ({ warnings: t.field({ type: [RuleProblemRef], resolve: (r) => [...r.warnings] }) }),
});

async function electionOfCandidate(db: Db, candidateId: number): Promise<number> {
  const row = await db.query.candidate.findFirst({ where: { id: candidateId }, columns: { electionId: true } });
  return row?.electionId ?? -1;
}

builder.mutationFields((t) => ({
  setSeatPlan: t.field({
    type: SeatPlanRef,
    errors: userErrors,
    description: 'A1: seats per position (3–7 in all for a village, 5–9 for residents).',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), input: t.arg({ type: SeatPlanInput, required: true }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, { electionId, input }, ctx) => {
      const plan = unwrap(await setSeatPlan(ctx, Number(electionId.id), input));
      const rules = await electionRules(ctx.db, Number(electionId.id));
      const member = rules ? plannedPositions(plan, rules.profile).find((p) => p.id === 'member') : undefined;
      return { ...plan, reservedWomenSeats: member?.reservedWomenSeats ?? 0 };
    },
  }),
  setElectionCommittee: t.field({
    type: CommitteeResult,
    errors: userErrors,
    description: 'B1: the election committee (one chair) and the reserve of the original vote (B2).',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), input: t.arg({ type: CommitteeInput, required: true }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, { electionId, input }, ctx) =>
      unwrap(
        await setElectionCommittee(ctx, Number(electionId.id), {
          members: input.members.map((m) => ({ voterId: Number(m.voterId.id), chair: m.chair ?? false })),
          reserve: (input.reserve ?? []).map((r) => ({ voterId: Number(r.voterId.id), votes: r.votes })),
        }),
      ),
  }),
  addCandidate: t.drizzleField({
    type: 'candidate',
    errors: userErrors,
    description: 'D6: a registered voter of this community; B2: leaves the election committee if on it.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), input: t.arg({ type: CandidateInput, required: true }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, { electionId, input }, ctx) =>
      unwrap(
        await addCandidate(ctx, Number(electionId.id), {
          voterId: Number(input.voterId.id),
          position: input.position,
          stage: input.stage ?? 'formal',
          votes: input.votes ?? 0,
          education: input.education ?? null,
          partyMember: input.partyMember ?? false,
          incumbent: input.incumbent ?? false,
        }),
      ),
  }),
  updateCandidate: t.drizzleField({
    type: 'candidate',
    errors: userErrors,
    args: { candidateId: t.arg.globalID({ required: true, for: [Candidate] }), input: t.arg({ type: CandidateDetailsInput, required: true }) },
    authScopes: async (_r, args, ctx) => ({ manageElection: await electionOfCandidate(ctx.db, Number(args.candidateId.id)) }),
    resolve: async (_q, _r, { candidateId, input }, ctx) => unwrap(await updateCandidate(ctx, Number(candidateId.id), input)),
  }),
  withdrawCandidate: t.drizzleField({
    type: 'candidate',
    errors: userErrors,
    args: { candidateId: t.arg.globalID({ required: true, for: [Candidate] }), reason: t.arg.string({ required: true }) },
    authScopes: async (_r, args, ctx) => ({ manageElection: await electionOfCandidate(ctx.db, Number(args.candidateId.id)) }),
    resolve: async (_q, _r, { candidateId, reason }, ctx) => unwrap(await withdrawCandidate(ctx, Number(candidateId.id), reason)),
  }),
  publishCandidateList: t.field({
    type: PublishedCandidateList,
    errors: userErrors,
    description: 'D3: publish the formal list in stroke order; refused while the list breaks a rule.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, { electionId }, ctx) => unwrap(await publishCandidateList(ctx, Number(electionId.id))),
  }),
  recordKinship: t.drizzleField({
    type: 'kinship',
    errors: userErrors,
    description: 'A3: record that `relative` is the `kind` of `voter` (e.g. kind PARENT: the father).',
    args: {
      voterId: t.arg.globalID({ required: true, for: [Voter] }),
      relativeId: t.arg.globalID({ required: true, for: [Voter] }),
      kind: t.arg({ type: NearRelativeEnum, required: true }),
    },
    authScopes: async (_r, args, ctx) => ({ manageElection: await electionOfVoter(ctx.db, Number(args.voterId.id)) }),
    resolve: async (_q, _r, { voterId, relativeId, kind }, ctx) => unwrap(await recordKinship(ctx, Number(voterId.id), Number(relativeId.id), kind)),
  }),
  appointStaff: t.drizzleField({
    type: 'staff',
    errors: userErrors,
    description: 'B3, E6: never a candidate or a near relative of one.',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      voterId: t.arg.globalID({ required: true, for: [Voter] }),
      role: t.arg({ type: StaffRoleEnum, required: true }),
      placeId: t.arg.globalID({ for: [PollingPlace] }),
    },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, args, ctx) =>
      unwrap(await appointStaff(ctx, Number(args.electionId.id), { voterId: Number(args.voterId.id), role: args.role, placeId: args.placeId ? Number(args.placeId.id) : null })),
  }),
  revokeProxy: t.drizzleField({
    type: 'proxy',
    errors: userErrors,
    description: 'E3/E5: revoke a principal’s proxy with the reason (refused once the holder collected the ballot).',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      principalId: t.arg.globalID({ required: true, for: [Voter] }),
      reason: t.arg.string({ required: true }),
    },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, args, ctx) => unwrap(await revokeProxy(ctx, Number(args.electionId.id), Number(args.principalId.id), args.reason)),
  }),
  recordProxy: t.drizzleField({
    type: 'proxy',
    errors: userErrors,
    description: 'E3–E5: a written proxy to a near relative registered here; at most the profile’s principals per holder.',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      principalId: t.arg.globalID({ required: true, for: [Voter] }),
      holderId: t.arg.globalID({ required: true, for: [Voter] }),
      relation: t.arg({ type: NearRelativeEnum, required: true, description: 'What the holder is to the principal.' }),
      writtenOn: t.arg({ type: 'Date', required: true }),
    },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, args, ctx) =>
      unwrap(
        await recordProxy(ctx, Number(args.electionId.id), {
          principalId: Number(args.principalId.id),
          holderId: Number(args.holderId.id),
          relation: args.relation,
          writtenOn: args.writtenOn,
        }),
      ),
  }),
}));

const NomineeRef = builder.objectRef<{ voterId: string; name: string; nominations: number }>('Nominee').implement({
  fields: (t) => ({
    voter: t.field({ type: Voter, resolve: async (n, _a, ctx) => (await ctx.db.query.voter.findFirst({ where: { id: Number(n.voterId) } }))! }),
    name: t.exposeString('name'),
    nominations: t.exposeInt('nominations'),
  }),
});

const PositionNominationsRef = builder.objectRef<{ position: 'director' | 'deputy' | 'member'; nominees: readonly { voterId: string; name: string; nominations: number }[] }>('PositionNominations').implement({
  fields: (t) => ({
    position: t.field({ type: PositionKindEnum, resolve: (p) => p.position }),
    nominees: t.field({ type: [NomineeRef], description: 'Most nominations first; equal counts in stroke order.', resolve: (p) => [...p.nominees] }),
  }),
});

const NominationStateRef = builder.objectRef<NominationState>('NominationState').implement({
  description: 'D1: direct nomination (海选) so far.',
  fields: (t) => ({
    participants: t.exposeInt('participants'),
    registered: t.exposeInt('registered'),
    quorumProblem: t.exposeString('quorumProblem', { nullable: true, description: 'Why the nomination is not (yet) valid, or null.' }),
    positions: t.field({ type: [PositionNominationsRef], resolve: (s) => [...s.tally.positions] }),
    problems: t.field({ type: [RuleProblemRef], resolve: (s) => [...s.tally.problems] }),
  }),
});

builder.objectField(Election, 'nominations', (t) =>
  t.field({ type: NominationStateRef, nullable: true, description: 'Null until the seats are decided.', resolve: (e, _a, ctx) => nominationState(ctx.db, e.id) }),
);

const GroupCountInput = builder.inputType('GroupNominationInput', {
  fields: (t) => ({
    voterId: t.globalID({ required: true, for: [Voter] }),
    position: t.field({ type: PositionKindEnum, required: true }),
    nominations: t.int({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  enterGroupNominations: t.field({
    type: NominationStateRef,
    errors: userErrors,
    description: 'D1: one group’s nomination count sheet (replaces an earlier entry for the group).',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      groupName: t.arg.string({ required: true }),
      participants: t.arg.int({ required: true }),
      counts: t.arg({ type: [GroupCountInput], required: true }),
    },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, args, ctx) =>
      unwrap(
        await enterGroupNominations(
          ctx,
          Number(args.electionId.id),
          args.groupName,
          args.participants,
          args.counts.map((c) => ({ voterId: Number(c.voterId.id), position: c.position, nominations: c.nominations })),
        ),
      ),
  }),
  publishPreliminaryList: t.field({
    type: NominationStateRef,
    errors: userErrors,
    description: 'D1: the preliminary candidates from the nomination totals, once the quorum holds.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, args, ctx) => unwrap(await publishPreliminaryList(ctx, Number(args.electionId.id))),
  }),
  chooseFormalCandidates: t.field({
    type: builder.objectRef<{ chosen: number }>('FormalChoice').implement({ fields: (f) => ({ chosen: f.exposeInt('chosen') }) }),
    errors: userErrors,
    description: 'D2: the formal candidates of a position from the preliminary list (default: seats + the least margin).',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), position: t.arg({ type: PositionKindEnum, required: true }), formalCount: t.arg.int() },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, args, ctx) => ({ chosen: unwrap(await chooseFormalCandidates(ctx, Number(args.electionId.id), args.position, args.formalCount ?? null)) }),
  }),
}));
