/** GraphQL for voter registration (rules.md C): the list, import, duplicates, publication, objections. */
import { and, eq, like, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import { ageOn, classifySearch, maskResidentId } from '@huanjie/domain';
import { voter, voterDuplicate, voterObjection, type Db } from '@huanjie/db';
import { builder } from '../builder.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { communityOfElection, electionOfVoter, requireReadableElection } from '../access/scopes.ts';
import { Election } from '../cycle/types.ts';
import type { ImportProgressEvent } from '../events.ts';
import { importVoters, voterImportTemplate, type VoterImportRowError } from './import.ts';
import {
  decideDuplicate,
  decideObjection,
  fileObjection,
  latestVersion,
  objectionOverdue,
  publicationDeadline,
  publishObjectionDecision,
  publishVoterList,
  registerVoter,
  removeVoter,
  revealResidentId,
  type PublishedEntry,
} from './service.ts';

export const SexEnum = builder.enumType('Sex', {
  values: { MALE: { value: 'M', description: '男' }, FEMALE: { value: 'F', description: '女' } } as const,
});

export const RegistrationCategoryEnum = builder.enumType('RegistrationCategory', {
  description: 'C1 — VCOL Art. 13: how a person is registrable here.',
  values: {
    RESIDENT: { value: 'resident', description: '户籍在本村(居)并在本村(居)居住' },
    REGISTERED_AWAY: { value: 'registered-away', description: '户籍在本村(居)不在本村(居)居住，本人表示参加选举' },
    NON_REGISTERED_RESIDENT: { value: 'non-registered-resident', description: '在本村(居)居住一年以上，本人申请并经同意' },
  } as const,
});

const VoterStatusEnum = builder.enumType('VoterStatus', {
  values: { REGISTERED: { value: 'registered', description: '已登记' }, REMOVED: { value: 'removed', description: '已移出' } } as const,
});

/** What the voter-certificate QR code holds: resolved back to the voter at check-in. */
export function certificateCode(serial: string): string {
  return `HJV1:${serial}`;
}

export const Voter = builder.drizzleNode('voter', {
  name: 'Voter',
  description: '登记参加选举的选民',
  id: { column: (v) => v.id },
  authScopes: (v) => ({ readCommunity: v.communityId }),
  fields: (t) => ({
    serial: t.exposeString('serial', { description: '参选证编号' }),
    name: t.exposeString('name'),
    sex: t.field({ type: SexEnum, resolve: (v) => v.sex }),
    residentId: t.string({
      description: 'Always masked (first 6 and last 4); see revealResidentId.',
      resolve: (v) => maskResidentId(v.residentId),
    }),
    age: t.int({
      description: 'Age on the election day (C2).',
      select: { columns: { birthDate: true }, with: { election: { columns: { electionDay: true } } } },
      resolve: (v) => ageOn(v.birthDate, v.election.electionDay),
    }),
    group: t.exposeString('groupName'),
    householdNo: t.exposeString('householdNo'),
    address: t.exposeString('address'),
    category: t.field({ type: RegistrationCategoryEnum, resolve: (v) => v.category }),
    approval: t.exposeString('approval'),
    status: t.field({ type: VoterStatusEnum, resolve: (v) => v.status }),
    removedReason: t.exposeString('removedReason', { nullable: true }),
    community: t.relation('community'),
    certificateCode: t.string({ description: 'The text of the certificate QR code.', resolve: (v) => certificateCode(v.serial) }),
    certificateQrSvg: t.string({
      description: 'The certificate QR code as an SVG image (参选证).',
      resolve: (v) => QRCode.toString(certificateCode(v.serial), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
    }),
  }),
});

const ImportProgressRef = builder.objectRef<ImportProgressEvent>('ImportProgress').implement({
  fields: (t) => ({
    phase: t.exposeString('phase', { description: 'reading | checking | saving | done | failed' }),
    done: t.exposeInt('done'),
    total: t.exposeInt('total'),
  }),
});

const VoterImportRowErrorRef = builder.objectRef<VoterImportRowError>('VoterImportRowError').implement({
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'Row number in the file (the header is row 1).' }),
    name: t.exposeString('name'),
    field: t.exposeString('field', { description: 'The column at fault, as the file names it.' }),
    message: t.exposeString('message'),
  }),
});

export const VoterImport = builder.drizzleNode('voterImport', {
  name: 'VoterImport',
  id: { column: (i) => i.id },
  authScopes: async (i, ctx) => {
    const communityId = await communityOfElection(ctx.db, i.electionId);
    return { readCommunity: communityId ?? -1 };
  },
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    rows: t.exposeInt('rows'),
    imported: t.exposeInt('imported'),
    rejected: t.exposeInt('rejected'),
    duplicates: t.exposeInt('duplicates'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    errorCount: t.int({ resolve: (i) => (i.errors as VoterImportRowError[]).length }),
    errors: t.field({
      type: [VoterImportRowErrorRef],
      description: 'The per-row report; the full report downloads as XLSX from reportUrl.',
      args: { first: t.arg.int({ defaultValue: 200 }) },
      resolve: (i, args) => (i.errors as VoterImportRowError[]).slice(0, Math.max(0, args.first ?? 200)),
    }),
    reportUrl: t.string({ resolve: (i) => `/downloads/voter-imports/${i.id}/report.xlsx` }),
  }),
});

interface ExistingRegistration {
  readonly serial: string;
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly group: string;
  readonly communityName: string;
  readonly residentId: string;
}

const ExistingRegistrationRef = builder.objectRef<ExistingRegistration>('ExistingRegistration').implement({
  description: 'The registration a duplicate row collides with (possibly in another community).',
  fields: (t) => ({
    serial: t.exposeString('serial'),
    name: t.exposeString('name'),
    sex: t.field({ type: SexEnum, resolve: (r) => r.sex }),
    group: t.exposeString('group'),
    communityName: t.exposeString('communityName'),
    residentId: t.string({ resolve: (r) => maskResidentId(r.residentId) }),
  }),
});

const DuplicateStatusEnum = builder.enumType('DuplicateStatus', {
  values: {
    OPEN: { value: 'open', description: '待处理' },
    KEPT_EXISTING: { value: 'kept-existing', description: '保留原登记' },
    MOVED: { value: 'moved', description: '改在此处登记' },
  } as const,
});

export const VoterDuplicate = builder.drizzleNode('voterDuplicate', {
  name: 'VoterDuplicate',
  description: 'C4: a row whose person is already registered, shown beside that registration.',
  id: { column: (d) => d.id },
  authScopes: async (d, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, d.electionId)) ?? -1 }),
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber'),
    name: t.exposeString('name'),
    sex: t.field({ type: SexEnum, resolve: (d) => d.sex }),
    residentId: t.string({ resolve: (d) => maskResidentId(d.residentId) }),
    group: t.exposeString('groupName'),
    address: t.exposeString('address'),
    status: t.field({ type: DuplicateStatusEnum, resolve: (d) => d.status }),
    existing: t.field({
      type: ExistingRegistrationRef,
      nullable: true,
      select: { with: { existing: { with: { community: { columns: { name: true } } } } } },
      resolve: (d) =>
        d.existing
          ? {
              serial: d.existing.serial,
              name: d.existing.name,
              sex: d.existing.sex,
              group: d.existing.groupName,
              communityName: d.existing.community.name,
              residentId: d.existing.residentId,
            }
          : null,
    }),
  }),
});

const PublishedEntryRef = builder.objectRef<PublishedEntry>('PublishedVoter').implement({
  description: 'A line of the posted list: never an ID number.',
  fields: (t) => ({
    serial: t.exposeString('serial'),
    name: t.exposeString('name'),
    sex: t.field({ type: SexEnum, resolve: (e) => e.sex }),
    group: t.exposeString('group'),
  }),
});

export const VoterListVersion = builder.drizzleNode('voterListVersion', {
  name: 'VoterListVersion',
  description: 'A published, frozen voter list (C5) with its SHA-256.',
  id: { column: (v) => v.id },
  fields: (t) => ({
    version: t.exposeInt('version'),
    publishedOn: t.expose('publishedOn', { type: 'Date' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    voterCount: t.exposeInt('voterCount'),
    sha256: t.exposeString('sha256'),
    publishedBy: t.string({
      nullable: true,
      select: { with: { publisher: { columns: { displayName: true } } } },
      resolve: (v) => v.publisher?.displayName ?? null,
    }),
    onTime: t.boolean({
      description: 'Published at least 20 days before election day (C5).',
      select: { with: { election: { columns: { electionDay: true } } } },
      resolve: (v) => v.publishedOn <= publicationDeadline(v.election.electionDay),
    }),
    entries: t.field({
      type: [PublishedEntryRef],
      select: { columns: { content: true } },
      resolve: (v) => v.content as PublishedEntry[],
    }),
  }),
});

const ChangeKindEnum = builder.enumType('VoterListChangeKind', {
  values: { ADD: { value: 'add', description: '增补' }, REMOVE: { value: 'remove', description: '移出' } } as const,
});

export const VoterListChange = builder.drizzleObject('voterListChange', {
  name: 'VoterListChange',
  description: 'A supplement to a published list (C7).',
  fields: (t) => ({
    kind: t.field({ type: ChangeKindEnum, resolve: (c) => c.kind }),
    reason: t.exposeString('reason'),
    afterVersion: t.exposeInt('afterVersion'),
    at: t.expose('at', { type: 'DateTime' }),
    voter: t.field({
      type: PublishedEntryRef,
      select: { with: { voter: { columns: { serial: true, name: true, sex: true, groupName: true } } } },
      resolve: (c) => ({ serial: c.voter.serial, name: c.voter.name, sex: c.voter.sex, group: c.voter.groupName }),
    }),
  }),
});

const ObjectionKindEnum = builder.enumType('ObjectionKind', {
  values: {
    OMISSION: { value: 'omission', description: '漏登' },
    ERROR: { value: 'error', description: '错登' },
    INELIGIBLE: { value: 'ineligible', description: '不应登记' },
    OTHER: { value: 'other', description: '其他' },
  } as const,
});

export const VoterObjection = builder.drizzleNode('voterObjection', {
  name: 'VoterObjection',
  description: '对选民名单的申诉 (C6)',
  id: { column: (o) => o.id },
  authScopes: async (o, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, o.electionId)) ?? -1 }),
  fields: (t) => ({
    complainant: t.exposeString('complainant'),
    subjectName: t.exposeString('subjectName'),
    kind: t.field({ type: ObjectionKindEnum, resolve: (o) => o.kind }),
    content: t.exposeString('content'),
    receivedOn: t.expose('receivedOn', { type: 'Date' }),
    late: t.exposeBoolean('late', { description: 'Filed after the 5 days following publication (C6).' }),
    decideBy: t.expose('decideBy', { type: 'Date' }),
    upheld: t.exposeBoolean('upheld', { nullable: true }),
    decision: t.exposeString('decision', { nullable: true }),
    decidedOn: t.expose('decidedOn', { type: 'Date', nullable: true }),
    decisionPublishedOn: t.expose('decisionPublishedOn', { type: 'Date', nullable: true }),
    overdue: t.boolean({ resolve: (o, _a, ctx) => objectionOverdue(o, ctx.clock.today()) }),
    voter: t.relation('voter', { nullable: true }),
  }),
});

const VoterListStatus = builder.objectRef<{ electionId: number; electionDay: string }>('VoterListStatus').implement({
  description: 'Where an election’s voter list stands (C5–C7).',
  fields: (t) => ({
    registered: t.int({ resolve: (s, _a, ctx) => ctx.db.$count(voter, and(eq(voter.electionId, s.electionId), eq(voter.status, 'registered'))) }),
    publishBy: t.field({ type: 'Date', description: 'C5: 20 days before election day.', resolve: (s) => publicationDeadline(s.electionDay) }),
    latest: t.field({ type: VoterListVersion, nullable: true, resolve: (s, _a, ctx) => latestVersion(ctx.db, s.electionId) }),
    overdue: t.boolean({
      description: 'Not yet published and the deadline has passed.',
      resolve: async (s, _a, ctx) => ctx.clock.today() > publicationDeadline(s.electionDay) && (await latestVersion(ctx.db, s.electionId)) === null,
    }),
  }),
});

builder.objectFields(Election, (t) => ({
  voterList: t.field({ type: VoterListStatus, resolve: (e) => ({ electionId: e.id, electionDay: e.electionDay }) }),
  overdueObjections: t.int({
    description: 'Objections not decided within 3 days (C6): highlighted on the overview.',
    resolve: async (e, _a, ctx) => {
      const rows = await ctx.db.select({ decidedOn: voterObjection.decidedOn, decideBy: voterObjection.decideBy }).from(voterObjection).where(eq(voterObjection.electionId, e.id));
      return rows.filter((o) => objectionOverdue(o, ctx.clock.today())).length;
    },
  }),
}));

/** One screenful to decide at a time; the rest follow as these are decided (voterDuplicateCount says how many). */
const DUPLICATES_SHOWN = 500;

/** Escape LIKE wildcards in what the user typed. */
function likeText(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function voterSearch(electionId: number, status: 'registered' | 'removed', search: string | null | undefined, group: string | null | undefined) {
  const conditions: SQL[] = [eq(voter.electionId, electionId), eq(voter.status, status)];
  const filter: Record<string, unknown> = { electionId, status };
  if (group) {
    conditions.push(eq(voter.groupName, group));
    filter.groupName = group;
  }
  const text = search?.trim();
  if (text) {
    const q = classifySearch(text);
    const [column, key, pattern] =
      q.kind === 'idTail'
        ? ([voter.residentId, 'residentId', `%${likeText(q.value)}`] as const)
        : q.kind === 'initials'
          ? ([voter.pinyin, 'pinyin', `${likeText(q.value)}%`] as const)
          : ([voter.name, 'name', `%${likeText(q.value)}%`] as const);
    conditions.push(like(column, pattern));
    filter[key] = { like: pattern };
  }
  return { sql: and(...conditions)!, filter };
}

builder.queryFields((t) => ({
  voters: t.drizzleConnection({
    type: 'voter',
    description: 'The voter list of one election, paged on the server; search by name, pinyin initials ("zs") or the last digits of the ID.',
    authScopes: { signedIn: true },
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      search: t.arg.string(),
      group: t.arg.string(),
      status: t.arg({ type: VoterStatusEnum, defaultValue: 'registered' }),
    },
    totalCount: async (_root, args, ctx) => ctx.db.$count(voter, voterSearch(Number(args.electionId.id), args.status ?? 'registered', args.search, args.group).sql),
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      const { filter } = voterSearch(electionId, args.status ?? 'registered', args.search, args.group);
      return ctx.db.query.voter.findMany(query({ where: filter, orderBy: { id: 'asc' } }));
    },
  }),
  voterByCertificate: t.drizzleField({
    type: 'voter',
    nullable: true,
    description: 'Resolve a scanned certificate QR code (or a typed serial) to the voter.',
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const serial = args.code.trim().replace(/^HJV1:/, '');
      const found = await ctx.db.query.voter.findFirst(query({ where: { electionId: Number(args.electionId.id), serial } }));
      return found ?? null;
    },
  }),
  voterImports: t.drizzleField({
    type: ['voterImport'],
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.query.voterImport.findMany(query({ where: { electionId }, orderBy: { id: 'desc' } }));
    },
  }),
  voterDuplicates: t.drizzleField({
    type: ['voterDuplicate'],
    description: 'C4: rows whose person is already registered, side by side with that registration.',
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), status: t.arg({ type: DuplicateStatusEnum, defaultValue: 'open' }) },
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.query.voterDuplicate.findMany(query({ where: { electionId, status: args.status ?? 'open' }, orderBy: { rowNumber: 'asc' }, limit: DUPLICATES_SHOWN }));
    },
  }),
  voterDuplicateCount: t.int({
    description: `How many duplicates of this status there are: voterDuplicates shows the first ${DUPLICATES_SHOWN}.`,
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), status: t.arg({ type: DuplicateStatusEnum, defaultValue: 'open' }) },
    resolve: async (_root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.$count(voterDuplicate, and(eq(voterDuplicate.electionId, electionId), eq(voterDuplicate.status, args.status ?? 'open')));
    },
  }),
  voterListVersions: t.drizzleField({
    type: ['voterListVersion'],
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.query.voterListVersion.findMany(query({ where: { electionId }, orderBy: { version: 'desc' } }));
    },
  }),
  voterListSupplements: t.drizzleField({
    type: ['voterListChange'],
    description: 'C7: changes since publication, posted as supplements.',
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.query.voterListChange.findMany(query({ where: { electionId }, orderBy: { id: 'asc' } }));
    },
  }),
  voterObjections: t.drizzleField({
    type: ['voterObjection'],
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    resolve: async (query, _root, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      return ctx.db.query.voterObjection.findMany(query({ where: { electionId }, orderBy: { id: 'asc' } }));
    },
  }),
}));

const VoterInput = builder.inputType('VoterInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    sex: t.string({ required: true, description: '男/女' }),
    residentId: t.string({ required: true }),
    group: t.string(),
    householdNo: t.string(),
    address: t.string(),
    category: t.field({ type: RegistrationCategoryEnum }),
    approval: t.string(),
  }),
});

const ObjectionInput = builder.inputType('ObjectionInput', {
  fields: (t) => ({
    complainant: t.string({ required: true }),
    voterId: t.globalID({ for: [Voter] }),
    subjectName: t.string(),
    kind: t.field({ type: ObjectionKindEnum, required: true }),
    content: t.string({ required: true }),
    receivedOn: t.field({ type: 'Date' }),
  }),
});

const DuplicateDecisionEnum = builder.enumType('DuplicateDecision', {
  values: {
    KEEP_EXISTING: { value: 'keep-existing', description: '保留原登记，不导入此行' },
    REPLACE: { value: 'replace', description: '移出原登记，改在此处登记' },
  } as const,
});

const RevealedResidentId = builder.objectRef<{ residentId: string }>('RevealedResidentId').implement({
  fields: (t) => ({ residentId: t.exposeString('residentId') }),
});

const categoryNumbers = { resident: '1', 'registered-away': '2', 'non-registered-resident': '3' } as const;

/** The community of a voter-scoped row, for mutation auth scopes. */
async function communityOf(db: Db, table: 'voter' | 'voterDuplicate' | 'voterObjection', id: number): Promise<number> {
  const electionId =
    table === 'voter'
      ? await electionOfVoter(db, id)
      : table === 'voterDuplicate'
        ? (await db.select({ e: voterDuplicate.electionId }).from(voterDuplicate).where(eq(voterDuplicate.id, id)))[0]?.e
        : (await db.select({ e: voterObjection.electionId }).from(voterObjection).where(eq(voterObjection.id, id)))[0]?.e;
  return electionId === undefined || electionId === -1 ? -1 : ((await communityOfElection(db, electionId)) ?? -1);
}

builder.mutationFields((t) => ({
  importVoters: t.drizzleField({
    type: 'voterImport',
    errors: userErrors,
    description: `CSV or XLSX voter roll: ${voterImportTemplate.headers.join(', ')} (name, sex and ID number required). Progress is published on importProgress(uploadId).`,
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      file: t.arg({ type: 'File', required: true }),
      uploadId: t.arg.string({ description: 'Chosen by the client to follow importProgress.' }),
    },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (query, _root, args, ctx) => {
      const uploadId = args.uploadId;
      const publish = (p: ImportProgressEvent) => {
        if (uploadId) ctx.events.publish('importProgress', uploadId, p);
      };
      const bytes = new Uint8Array(await args.file.arrayBuffer());
      const result = await importVoters(ctx, Number(args.electionId.id), args.file.name, bytes, publish);
      if (!result.ok) publish({ phase: 'failed', done: 0, total: 0 });
      const summary = unwrap(result);
      return (await ctx.db.query.voterImport.findFirst(query({ where: { id: summary.importId } })))!;
    },
  }),
  registerVoter: t.drizzleField({
    type: 'voter',
    errors: userErrors,
    description: 'Register one person by hand; after publication a reason is required (posted as a supplement, C7).',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      input: t.arg({ type: VoterInput, required: true }),
      reason: t.arg.string(),
    },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_query, _root, { electionId, input, reason }, ctx) =>
      unwrap(
        await registerVoter(
          ctx,
          Number(electionId.id),
          {
            name: input.name,
            sex: input.sex,
            residentId: input.residentId,
            groupName: input.group ?? '',
            householdNo: input.householdNo ?? '',
            address: input.address ?? '',
            category: input.category ? categoryNumbers[input.category] : '',
            approval: input.approval ?? '',
          },
          reason ?? null,
        ),
      ),
  }),
  removeVoter: t.drizzleField({
    type: 'voter',
    errors: userErrors,
    args: { voterId: t.arg.globalID({ required: true, for: [Voter] }), reason: t.arg.string({ required: true }) },
    authScopes: async (_root, args, ctx) => ({ manageCommunity: await communityOf(ctx.db, 'voter', Number(args.voterId.id)) }),
    resolve: async (_query, _root, { voterId, reason }, ctx) => unwrap(await removeVoter(ctx, Number(voterId.id), reason)),
  }),
  decideVoterDuplicate: t.drizzleField({
    type: 'voterDuplicate',
    errors: userErrors,
    args: {
      duplicateId: t.arg.globalID({ required: true, for: [VoterDuplicate] }),
      decision: t.arg({ type: DuplicateDecisionEnum, required: true }),
      reason: t.arg.string(),
    },
    authScopes: async (_root, args, ctx) => ({ manageCommunity: await communityOf(ctx.db, 'voterDuplicate', Number(args.duplicateId.id)) }),
    resolve: async (_query, _root, { duplicateId, decision, reason }, ctx) => unwrap(await decideDuplicate(ctx, Number(duplicateId.id), decision, reason ?? '')),
  }),
  publishVoterList: t.drizzleField({
    type: 'voterListVersion',
    errors: userErrors,
    description: 'C5: freeze and publish the list (name, sex, group), with its SHA-256.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_query, _root, { electionId }, ctx) => unwrap(await publishVoterList(ctx, Number(electionId.id))),
  }),
  revealResidentId: t.field({
    type: RevealedResidentId,
    errors: userErrors,
    description: 'The full ID number of one voter, for roles with the unmask scope; every call is audited.',
    args: { voterId: t.arg.globalID({ required: true, for: [Voter] }) },
    authScopes: async (_root, args, ctx) => ({ unmaskResidentId: await communityOf(ctx.db, 'voter', Number(args.voterId.id)) }),
    resolve: async (_root, { voterId }, ctx) => ({ residentId: unwrap(await revealResidentId(ctx, Number(voterId.id))) }),
  }),
  fileObjection: t.drizzleField({
    type: 'voterObjection',
    errors: userErrors,
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), input: t.arg({ type: ObjectionInput, required: true }) },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_query, _root, { electionId, input }, ctx) =>
      unwrap(
        await fileObjection(ctx, Number(electionId.id), {
          complainant: input.complainant,
          voterId: input.voterId ? Number(input.voterId.id) : null,
          subjectName: input.subjectName ?? '',
          kind: input.kind,
          content: input.content,
          receivedOn: input.receivedOn ?? null,
        }),
      ),
  }),
  decideObjection: t.drizzleField({
    type: 'voterObjection',
    errors: userErrors,
    args: {
      objectionId: t.arg.globalID({ required: true, for: [VoterObjection] }),
      upheld: t.arg.boolean({ required: true }),
      decision: t.arg.string({ required: true }),
    },
    authScopes: async (_root, args, ctx) => ({ manageCommunity: await communityOf(ctx.db, 'voterObjection', Number(args.objectionId.id)) }),
    resolve: async (_query, _root, { objectionId, upheld, decision }, ctx) => unwrap(await decideObjection(ctx, Number(objectionId.id), upheld, decision)),
  }),
  publishObjectionDecision: t.drizzleField({
    type: 'voterObjection',
    errors: userErrors,
    args: { objectionId: t.arg.globalID({ required: true, for: [VoterObjection] }) },
    authScopes: async (_root, args, ctx) => ({ manageCommunity: await communityOf(ctx.db, 'voterObjection', Number(args.objectionId.id)) }),
    resolve: async (_query, _root, { objectionId }, ctx) => unwrap(await publishObjectionDecision(ctx, Number(objectionId.id))),
  }),
}));

builder.subscriptionFields((t) => ({
  importProgress: t.field({
    type: ImportProgressRef,
    description: 'Progress of an upload, keyed by the uploadId the client passed to importVoters.',
    authScopes: { signedIn: true },
    args: { uploadId: t.arg.string({ required: true }) },
    subscribe: (_root, args, ctx) => ctx.events.subscribe('importProgress', args.uploadId),
    resolve: (p) => p,
  }),
}));

