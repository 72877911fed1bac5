/**
 * The tables. One pg-core schema serves PGlite and PostgreSQL. Column names are snake_case,
 * named explicitly. The database guards the rules too: CHECK constraints and unique keys, not only code.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const township = pgTable('township', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const community = pgTable(
  'community',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id')
      .notNull()
      .references(() => township.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['village', 'residents'] }).notNull(),
    area: text('area', { enum: ['town-centre', 'rural'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('community_code_key').on(t.code),
    check('community_kind_check', sql`${t.kind} in ('village', 'residents')`),
    check('community_area_check', sql`${t.area} in ('town-centre', 'rural')`),
  ],
);

/** 村(居)民小组. */
export const communityGroup = pgTable(
  'community_group',
  {
    id: serial('id').primaryKey(),
    communityId: integer('community_id')
      .notNull()
      .references(() => community.id),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    households: integer('households').notNull().default(0),
    population: integer('population').notNull().default(0),
  },
  (t) => [
    unique('community_group_number_key').on(t.communityId, t.number),
    unique('community_group_name_key').on(t.communityId, t.name),
    check('community_group_households_check', sql`${t.households} >= 0`),
    check('community_group_population_check', sql`${t.population} >= 0`),
  ],
);

export const cycle = pgTable(
  'cycle',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id')
      .notNull()
      .references(() => township.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    profile: text('profile', { enum: ['national', 'sichuan'] }).notNull(),
    defaultElectionDay: date('default_election_day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('cycle_year_key').on(t.townshipId, t.year),
    check('cycle_profile_check', sql`${t.profile} in ('national', 'sichuan')`),
  ],
);

/** One community's election within a cycle. */
export const election = pgTable(
  'election',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycle.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => community.id),
    electionDay: date('election_day', { mode: 'string' }).notNull(),
    /** A1: seats of each position, decided per community before the election (null: not yet). */
    directorSeats: integer('director_seats'),
    deputySeats: integer('deputy_seats'),
    memberSeats: integer('member_seats'),
  },
  (t) => [
    unique('election_cycle_community_key').on(t.cycleId, t.communityId),
    check('election_seats_check', sql`coalesce(${t.directorSeats}, 0) >= 0 and coalesce(${t.deputySeats}, 0) >= 0 and coalesce(${t.memberSeats}, 0) >= 0`),
  ],
);

export const stepKeys = [
  'survey',
  'electionCommittee',
  'voterRegistration',
  'nomination',
  'election',
  'otherBodies',
  'handover',
  'inspection',
  'talks',
] as const;

/** A ticked step of the nine-step checklist (rules.md §S); an unticked step has no row. */
export const checklistStep = pgTable(
  'checklist_step',
  {
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    stepKey: text('step_key', { enum: stepKeys }).notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.stepKey] })],
);

export const roles = ['township-admin', 'community-committee', 'clerk', 'observer'] as const;

export const account = pgTable(
  'account',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('account_username_key').on(t.username),
    check(
      'account_role_check',
      sql`${t.role} in ('township-admin', 'community-committee', 'clerk', 'observer')`,
    ),
  ],
);

/** The communities a community-scoped account may see and change. */
export const accountCommunity = pgTable(
  'account_community',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => community.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.communityId] })],
);

/** Sign-in sessions; the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);

/**
 * The audit trail: append-only (a trigger refuses UPDATE and DELETE) and hash-chained
 * (each row's hash covers the previous row's hash), so any later edit breaks the chain.
 */
export const auditEvent = pgTable('audit_event', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  actorId: integer('actor_id'),
  actor: text('actor').notNull(),
  operation: text('operation').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Settings the server keeps for itself (e.g. the generated session secret). */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const sexes = ['M', 'F'] as const;
export const registrationCategories = ['resident', 'registered-away', 'non-registered-resident'] as const;

/**
 * A registered voter (登记参加选举的村(居)民) of one community's election. A person registers in one
 * place only in a cycle (C4): the partial unique index on (cycle, resident id) enforces it
 * township-wide. Removed registrations stay, with their reason.
 */
export const voter = pgTable(
  'voter',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycle.id),
    communityId: integer('community_id')
      .notNull()
      .references(() => community.id),
    /** Voter-certificate serial (参选证编号), unique in the cycle. */
    serial: text('serial').notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    residentId: text('resident_id').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    groupName: text('group_name').notNull().default(''),
    householdNo: text('household_no').notNull().default(''),
    address: text('address').notNull().default(''),
    category: text('category', { enum: registrationCategories }).notNull(),
    approval: text('approval').notNull().default(''),
    pinyin: text('pinyin').notNull().default(''),
    importId: integer('import_id'),
    status: text('status', { enum: ['registered', 'removed'] }).notNull().default('registered'),
    removedReason: text('removed_reason'),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voter_cycle_person_key').on(t.cycleId, t.residentId).where(sql`${t.status} = 'registered'`),
    unique('voter_cycle_serial_key').on(t.cycleId, t.serial),
    index('voter_election_idx').on(t.electionId, t.status),
    check('voter_sex_check', sql`${t.sex} in ('M', 'F')`),
    check('voter_status_check', sql`${t.status} in ('registered', 'removed')`),
    check('voter_resident_id_check', sql`${t.residentId} ~ '^[0-9]{17}[0-9X]$'`),
    check('voter_removed_check', sql`(${t.status} = 'removed') = (${t.removedReason} is not null)`),
  ],
);

/** One import of a voter roll: its summary and per-row report. */
export const voterImport = pgTable('voter_import', {
  id: serial('id').primaryKey(),
  electionId: integer('election_id')
    .notNull()
    .references(() => election.id),
  fileName: text('file_name').notNull(),
  rows: integer('rows').notNull(),
  imported: integer('imported').notNull(),
  rejected: integer('rejected').notNull(),
  duplicates: integer('duplicates').notNull(),
  /** [{ row, field, message }] */
  errors: jsonb('errors').notNull(),
  actorId: integer('actor_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A row whose person is already registered (in the same file, this community, or another
 * community of the township): kept side by side with the existing registration for a decision.
 */
export const voterDuplicate = pgTable(
  'voter_duplicate',
  {
    id: serial('id').primaryKey(),
    importId: integer('import_id')
      .notNull()
      .references(() => voterImport.id),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    rowNumber: integer('row_number').notNull(),
    name: text('name').notNull(),
    sex: text('sex', { enum: sexes }).notNull(),
    residentId: text('resident_id').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    groupName: text('group_name').notNull().default(''),
    householdNo: text('household_no').notNull().default(''),
    address: text('address').notNull().default(''),
    category: text('category', { enum: registrationCategories }).notNull(),
    approval: text('approval').notNull().default(''),
    existingVoterId: integer('existing_voter_id').references(() => voter.id),
    status: text('status', { enum: ['open', 'kept-existing', 'moved'] }).notNull().default('open'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('voter_duplicate_election_idx').on(t.electionId, t.status)],
);

/**
 * A published voter list (C5): a frozen copy of what was posted — name, sex, group, never ID
 * numbers — with its SHA-256 so anyone can later check the posted list against it.
 */
export const voterListVersion = pgTable(
  'voter_list_version',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    version: integer('version').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedBy: integer('published_by').references(() => account.id),
    voterCount: integer('voter_count').notNull(),
    /** SHA-256 (hex) of `content` serialized as canonical JSON. */
    sha256: text('sha256').notNull(),
    /** [{ serial, name, sex, group }] in list order. */
    content: jsonb('content').notNull(),
  },
  (t) => [unique('voter_list_version_key').on(t.electionId, t.version)],
);

export const voterChangeKinds = ['add', 'remove'] as const;

/** A change to a published list (C7), posted as a supplement (补充公告) with its reason. */
export const voterListChange = pgTable(
  'voter_list_change',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    kind: text('kind', { enum: voterChangeKinds }).notNull(),
    reason: text('reason').notNull(),
    /** The published version this change supplements. */
    afterVersion: integer('after_version').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id').references(() => account.id),
  },
  (t) => [
    index('voter_list_change_election_idx').on(t.electionId),
    check('voter_list_change_kind_check', sql`${t.kind} in ('add', 'remove')`),
    check('voter_list_change_reason_check', sql`length(trim(${t.reason})) > 0`),
  ],
);

export const objectionKinds = ['omission', 'error', 'ineligible', 'other'] as const;

/** An objection to the voter list (申诉, C6): filed, decided within the statutory days, published. */
export const voterObjection = pgTable(
  'voter_objection',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    complainant: text('complainant').notNull(),
    /** The voter objected to, when the objection is about a registered voter. */
    voterId: integer('voter_id').references(() => voter.id),
    subjectName: text('subject_name').notNull(),
    kind: text('kind', { enum: objectionKinds }).notNull(),
    content: text('content').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Filed after the 5-day window (C6): recorded, flagged, still decided. */
    late: boolean('late').notNull(),
    decideBy: date('decide_by', { mode: 'string' }).notNull(),
    upheld: boolean('upheld'),
    decision: text('decision'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionPublishedOn: date('decision_published_on', { mode: 'string' }),
  },
  (t) => [
    index('voter_objection_election_idx').on(t.electionId),
    check('voter_objection_kind_check', sql`${t.kind} in ('omission', 'error', 'ineligible', 'other')`),
    check('voter_objection_decided_check', sql`(${t.decidedOn} is null) = (${t.decision} is null)`),
  ],
);

export const pollingPlaceKinds = ['central', 'station', 'mobile'] as const;

/** Where people vote (E2): the central meeting, polling stations, mobile boxes; one box each. */
export const pollingPlace = pgTable(
  'polling_place',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    kind: text('kind', { enum: pollingPlaceKinds }).notNull(),
    name: text('name').notNull(),
    /** 票箱编号, unique in the election. */
    boxNumber: text('box_number').notNull(),
  },
  (t) => [
    unique('polling_place_box_key').on(t.electionId, t.boxNumber),
    check('polling_place_kind_check', sql`${t.kind} in ('central', 'station', 'mobile')`),
  ],
);

/**
 * A ballot handed to a voter (E7): once per voter per round in the whole community, whichever
 * station; the unique key makes the database refuse the second of two racing stations.
 */
export const ballotIssue = pgTable(
  'ballot_issue',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    /** 1 for the election, 2… for run-offs (另行选举). */
    round: integer('round').notNull().default(1),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    placeId: integer('place_id')
      .notNull()
      .references(() => pollingPlace.id),
    /** Set when a proxy holder received the principal's ballot (E3). */
    proxyHolderId: integer('proxy_holder_id').references(() => voter.id),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorId: integer('actor_id').references(() => account.id),
  },
  (t) => [unique('ballot_issue_voter_key').on(t.electionId, t.round, t.voterId), index('ballot_issue_election_idx').on(t.electionId, t.round)],
);

export const nearRelativeKinds = ['spouse', 'parent', 'child', 'sibling', 'grandparent', 'grandchild'] as const;

/**
 * A recorded near-relative tie between two registered voters (A3): `relativeId` is the `kind` of
 * `voterId`. The conflict checks of B3, E3 and E6 read it in both directions.
 */
export const kinship = pgTable(
  'kinship',
  {
    id: serial('id').primaryKey(),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    relativeId: integer('relative_id')
      .notNull()
      .references(() => voter.id),
    kind: text('kind', { enum: nearRelativeKinds }).notNull(),
  },
  (t) => [
    unique('kinship_pair_key').on(t.voterId, t.relativeId),
    check('kinship_not_self_check', sql`${t.voterId} <> ${t.relativeId}`),
  ],
);

/**
 * A written proxy (委托投票, E3–E5): the principal's ballot goes to a near relative who is a
 * registered voter of the same community; a principal has one active proxy.
 */
export const proxy = pgTable(
  'proxy',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    principalId: integer('principal_id')
      .notNull()
      .references(() => voter.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => voter.id),
    /** What the holder is to the principal, as the written proxy states it. */
    relation: text('relation', { enum: nearRelativeKinds }).notNull(),
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull().default('active'),
  },
  (t) => [
    uniqueIndex('proxy_principal_key').on(t.electionId, t.principalId).where(sql`${t.status} = 'active'`),
    index('proxy_holder_idx').on(t.electionId, t.holderId),
    check('proxy_not_self_check', sql`${t.principalId} <> ${t.holderId}`),
  ],
);

/**
 * The election committee (B1): members (one chair) chosen from the registered voters, and the
 * reserve — the next people of the original vote — from whom B2 vacancies are filled.
 */
export const electionCommitteePerson = pgTable(
  'election_committee_person',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    standing: text('standing', { enum: ['member', 'reserve', 'removed'] }).notNull(),
    role: text('role', { enum: ['chair', 'member'] }),
    /** Votes in the original vote (reserve order, B2). */
    votes: integer('votes'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    unique('election_committee_person_key').on(t.electionId, t.voterId),
    uniqueIndex('election_committee_chair_key').on(t.electionId).where(sql`${t.role} = 'chair' and ${t.standing} = 'member'`),
    check('election_committee_standing_check', sql`${t.standing} in ('member', 'reserve', 'removed')`),
  ],
);

export const positionKinds = ['director', 'deputy', 'member'] as const;
export const educationLevels = ['junior-middle-or-below', 'senior-secondary', 'college-or-above'] as const;

/** A candidate (候选人, D): on the preliminary or the formal list of one position. */
export const candidate = pgTable(
  'candidate',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    position: text('position', { enum: positionKinds }).notNull(),
    stage: text('stage', { enum: ['preliminary', 'formal'] }).notNull(),
    /** Nominations (D1) or preliminary votes; orders the list under profiles that do (D3). */
    votes: integer('votes').notNull().default(0),
    education: text('education', { enum: educationLevels }),
    partyMember: boolean('party_member').notNull().default(false),
    incumbent: boolean('incumbent').notNull().default(false),
    /** D5: the day the commitment letter (竞争承诺书) was signed. */
    commitmentSignedOn: date('commitment_signed_on', { mode: 'string' }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    uniqueIndex('candidate_key').on(t.electionId, t.stage, t.position, t.voterId).where(sql`${t.withdrawnReason} is null`),
    check('candidate_position_check', sql`${t.position} in ('director', 'deputy', 'member')`),
  ],
);

/** A published candidate list (D3): the day, and the list in its published (stroke) order. */
export const candidateListPublication = pgTable(
  'candidate_list_publication',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    stage: text('stage', { enum: ['preliminary', 'formal'] }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** [{ position, name, sex, age }] in published order. */
    content: jsonb('content').notNull(),
  },
  (t) => [index('candidate_list_publication_idx').on(t.electionId, t.stage)],
);

export const staffRoles = ['reader', 'tally-clerk', 'scrutineer', 'writer'] as const;

/** Counting and polling staff (唱票人, 计票人, 监票人, 代写人): never a candidate or their near relative (B3, E6). */
export const staff = pgTable(
  'staff',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    role: text('role', { enum: staffRoles }).notNull(),
    placeId: integer('place_id').references(() => pollingPlace.id),
  },
  (t) => [unique('staff_key').on(t.electionId, t.voterId, t.role)],
);

/**
 * A counting round of one election (F): the first round, or a run-off (另行选举, F9). `seq` is the
 * number of the round's last live event: every ballot and correction takes the next one in its own
 * transaction, so boards can apply events in order and skip what they already have.
 */
export const countRound = pgTable(
  'count_round',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    /** 1 = first round; 2… = run-offs. Matches ballot_issue.round. */
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['first', 'runoff'] }).notNull(),
    /** The sections of this round's ballot: [{ id, seats }] highest first (counting-format.md). */
    positions: jsonb('positions').notNull(),
    /** [{ id, name, sex, position }]: the formal candidates frozen when counting began, or the run-off's (F9). */
    candidates: jsonb('candidates').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    certifiedAt: timestamp('certified_at', { withTimezone: true, mode: 'date' }),
    certifiedBy: integer('certified_by').references(() => account.id),
    /** The determination at certification (定票), as counting-format.md prints it. */
    determination: jsonb('determination'),
  },
  (t) => [unique('count_round_key').on(t.electionId, t.number)],
);

/** A ballot box being counted in a round: opened with a zero report, counted, closed (immutable). */
export const boxCount = pgTable(
  'box_count',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => countRound.id),
    placeId: integer('place_id')
      .notNull()
      .references(() => pollingPlace.id),
    status: text('status', { enum: ['counting', 'closed'] }).notNull(),
    /** 收回选票: ballots found in the box when it was opened. */
    ballotsReturned: integer('ballots_returned').notNull(),
    /** Ballots entered and not voided, kept by the same transactions that enter and void them. */
    counted: integer('counted').notNull().default(0),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('box_count_key').on(t.roundId, t.placeId),
    check('box_count_returned_check', sql`${t.ballotsReturned} >= 0`),
    // The database, too, refuses more entries than ballots returned.
    check('box_count_counted_check', sql`${t.counted} >= 0 and ${t.counted} <= ${t.ballotsReturned}`),
  ],
);

/**
 * One ballot as read out (唱票), immutable: `sections` is aligned with the round's positions and
 * holds the marks of counting-format.md (a candidate id like "c12", or a written-in name).
 * `clientId` is the tally app's idempotency key: a retry returns the first row.
 */
export const ballot = pgTable(
  'ballot',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => countRound.id),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxCount.id),
    clientId: text('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    spoiled: boolean('spoiled').notNull(),
    sections: jsonb('sections').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorId: integer('actor_id').references(() => account.id),
  },
  (t) => [
    unique('ballot_client_key').on(t.roundId, t.clientId),
    unique('ballot_seq_key').on(t.roundId, t.seq),
    index('ballot_box_idx').on(t.boxId),
  ],
);

/** A correction: the ballot row stays, this row voids it with the reason (nothing is deleted). */
export const ballotVoid = pgTable('ballot_void', {
  ballotId: integer('ballot_id')
    .primaryKey()
    .references(() => ballot.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  actorId: integer('actor_id').references(() => account.id),
});

/** Accounts assigned to enter a box's ballots; a box with none assigned takes any clerk of the community. */
export const boxClerk = pgTable(
  'box_clerk',
  {
    boxId: integer('box_id')
      .notNull()
      .references(() => boxCount.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => account.id),
  },
  (t) => [primaryKey({ columns: [t.boxId, t.accountId] })],
);

/**
 * The live events of a count, as published after each commit (architecture.md: sequence numbers):
 * a board that reconnects replays those after the last one it applied.
 */
export const tallyEvent = pgTable(
  'tally_event',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => countRound.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    /** The TallyEvent as published. */
    payload: jsonb('payload').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.seq] }), index('tally_event_election_idx').on(t.electionId, t.roundId, t.seq)],
);

/**
 * A box counted from its tally sheet (计票单) instead of ballot by ballot: two clerks enter the
 * same sheet independently; matching sheets are accepted, a mismatch waits for a scrutineer.
 * `totals`: { spoiled, positions: [{ voidSections, votes: { mark: n } }] } aligned with the round.
 */
export const tallySheet = pgTable(
  'tally_sheet',
  {
    id: serial('id').primaryKey(),
    boxId: integer('box_id')
      .notNull()
      .references(() => boxCount.id),
    slot: integer('slot').notNull(),
    actorId: integer('actor_id').references(() => account.id),
    totals: jsonb('totals').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when the sheet's numbers became the box's ballots (matching, or a scrutineer's choice). */
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    decisionReason: text('decision_reason'),
  },
  (t) => [unique('tally_sheet_slot_key').on(t.boxId, t.slot), check('tally_sheet_slot_check', sql`${t.slot} in (1, 2)`)],
);

/** D1: a group's direct nomination (海选): how many took part, for the quorum. */
export const nominationGroup = pgTable(
  'nomination_group',
  {
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    groupName: text('group_name').notNull(),
    participants: integer('participants').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.groupName] }), check('nomination_group_participants_check', sql`${t.participants} >= 0`)],
);

/** D1: nominations a person received in one group for one position, as the group's count sheet says. */
export const nominationCount = pgTable(
  'nomination_count',
  {
    electionId: integer('election_id')
      .notNull()
      .references(() => election.id),
    groupName: text('group_name').notNull(),
    position: text('position', { enum: positionKinds }).notNull(),
    voterId: integer('voter_id')
      .notNull()
      .references(() => voter.id),
    nominations: integer('nominations').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.groupName, t.position, t.voterId] }), check('nomination_count_check', sql`${t.nominations} >= 0`)],
);
