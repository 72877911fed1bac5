/** GraphQL for counting day (issue 6): rounds and boxes, ballot entry, the public board, results. */
import { and, count, eq } from 'drizzle-orm';
import { determine, explainDetermination, positionName, type CountCandidate, type Determination, type PositionResult, type RunningTallyState, type SheetPosition, type TallySheetTotals } from '@huanjie/domain';
import { decideTallySheets, enterTallySheet, sheetStateOf, type SheetRow, type SheetState } from './sheets.ts';
import { ballot, ballotIssue, boxCount, countRound, type Db } from '@huanjie/db';
import { builder } from '../builder.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { communityOfElection, requireReadableElection } from '../access/scopes.ts';
import { Election } from '../cycle/types.ts';
import { PollingPlace } from '../polling/types.ts';
import type { TallyEvent } from '../events.ts';
import { boardDeltaStream, boardPositions, boardSnapshot, boardStream, type BoardDelta, type BoardSnapshot } from './board.ts';
import { certifyRound, closeBox, countInputJson, createRunoff, exportCount, openBox, recordBallot, roundCandidates, voidBallot, type BallotRow } from './service.ts';

const names = (candidates: readonly CountCandidate[]) => new Map(candidates.map((c) => [c.id, c.name]));

const TallyEntryRef = builder.objectRef<{ id: string; name: string; votes: number }>('TallyEntry').implement({
  description: 'Votes for a candidate (id "c12") or a written-in name (id = the name).',
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name'), votes: t.exposeInt('votes') }),
});

const NamedRef = builder.objectRef<{ id: string; name: string }>('CountPerson').implement({
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name') }),
});

interface PositionView extends PositionResult {
  readonly names: ReadonlyMap<string, string>;
}

const PositionResultRef = builder.objectRef<PositionView>('PositionResult').implement({
  description: 'One position’s determination (counting-format.md).',
  fields: (t) => ({
    id: t.exposeString('id'),
    title: t.string({ resolve: (p) => positionName(p.id) }),
    seats: t.exposeInt('seats'),
    threshold: t.exposeInt('threshold'),
    tally: t.field({ type: [TallyEntryRef], resolve: (p) => p.tally.map((e) => ({ ...e, name: p.names.get(e.id) ?? e.id })) }),
    voidSections: t.exposeInt('voidSections'),
    elected: t.field({ type: [NamedRef], resolve: (p) => p.elected.map((id) => ({ id, name: p.names.get(id) ?? id })) }),
    vacancies: t.exposeInt('vacancies'),
    tied: t.field({ type: [NamedRef], resolve: (p) => p.tied.map((id) => ({ id, name: p.names.get(id) ?? id })) }),
    runoffCandidates: t.field({ type: [NamedRef], resolve: (p) => p.runoffCandidates.map((id) => ({ id, name: p.names.get(id) ?? id })) }),
  }),
});

interface DeterminationView {
  readonly determination: Determination;
  readonly candidates: readonly CountCandidate[];
  readonly explanation: string | null;
}

const DeterminationRef = builder.objectRef<DeterminationView>('Determination').implement({
  description: 'Who is elected, by the counting engine (rules.md F).',
  fields: (t) => ({
    valid: t.boolean({ resolve: (d) => d.determination.valid }),
    invalidReasons: t.stringList({ resolve: (d) => [...d.determination.invalidReasons] }),
    ballotsCast: t.int({ resolve: (d) => d.determination.ballotsCast }),
    positions: t.field({ type: [PositionResultRef], resolve: (d) => d.determination.positions.map((p) => ({ ...p, names: names(d.candidates) })) }),
    warnings: t.stringList({ resolve: (d) => [...d.determination.warnings] }),
    explanation: t.string({ nullable: true, description: 'The zh-CN account a scrutineer reads aloud.', resolve: (d) => d.explanation }),
    json: t.field({ type: 'JSON', description: 'The determination exactly as `huanjie count` prints it.', resolve: (d) => d.determination }),
  }),
});

const RoundPositionRef = builder.objectRef<{ id: string; seats: number }>('RoundPosition').implement({
  fields: (t) => ({ id: t.exposeString('id'), title: t.string({ resolve: (p) => positionName(p.id) }), seats: t.exposeInt('seats') }),
});

const RoundCandidateRef = builder.objectRef<CountCandidate>('RoundCandidate').implement({
  description: 'A candidate as the ballots of a round name them: id "c12" (formal) or "v7" (run-off write-in).',
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name'), sex: t.exposeString('sex'), position: t.exposeString('position') }),
});

export const BoxCount = builder.drizzleNode('boxCount', {
  name: 'BoxCount',
  description: 'A ballot box being counted in a round.',
  id: { column: (b) => b.id },
  fields: (t) => ({
    status: t.exposeString('status', { description: 'counting | closed' }),
    ballotsReturned: t.exposeInt('ballotsReturned'),
    counted: t.exposeInt('counted', { description: 'Ballots entered and not voided.' }),
    ballotsIssuedHere: t.int({
      select: { with: { round: { columns: { number: true } } } },
      resolve: async (b, _a, ctx) => {
        const [row] = await ctx.db.select({ n: count() }).from(ballotIssue).where(and(eq(ballotIssue.placeId, b.placeId), eq(ballotIssue.round, b.round.number)));
        return row?.n ?? 0;
      },
    }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    place: t.relation('place'),
  }),
});

export const CountRound = builder.drizzleNode('countRound', {
  name: 'CountRound',
  description: 'A counting round: the first, or a run-off (另行选举).',
  id: { column: (r) => r.id },
  authScopes: async (r, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, r.electionId)) ?? -1 }),
  fields: (t) => ({
    number: t.exposeInt('number'),
    kind: t.exposeString('kind', { description: 'first | runoff' }),
    seq: t.exposeInt('seq'),
    certifiedAt: t.expose('certifiedAt', { type: 'DateTime', nullable: true }),
    positions: t.field({ type: [RoundPositionRef], resolve: (r) => r.positions as { id: string; seats: number }[] }),
    candidates: t.field({ type: [RoundCandidateRef], resolve: (r) => roundCandidates(r) }),
    boxes: t.relation('boxes', { query: { orderBy: { id: 'asc' } } }),
    determination: t.field({
      type: DeterminationRef,
      nullable: true,
      description: 'At certification (定票) the stored determination; before it, the live one over the ballots entered so far.',
      resolve: async (r, _a, ctx) => {
        const input = await exportCount(ctx.db, r.electionId, r.number);
        if (!input) return null;
        const determination = (r.determination as Determination | null) ?? determine(input);
        return { determination, candidates: input.candidates, explanation: explainDetermination(input, determination) };
      },
    }),
  }),
});

builder.objectFields(Election, (t) => ({
  countRounds: t.field({
    type: [CountRound],
    resolve: (e, _a, ctx) => ctx.db.query.countRound.findMany({ where: { electionId: e.id }, orderBy: { number: 'asc' } }),
  }),
}));

const TallyBallotRef = builder.objectRef<NonNullable<TallyEvent['ballot']>>('TallyBallot').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    spoiled: t.exposeBoolean('spoiled'),
    sections: t.field({ type: t.listRef(['String']), resolve: (b) => b.sections.map((s) => [...s]) }),
  }),
});

const TallyEventRef = builder.objectRef<TallyEvent>('TallyEvent').implement({
  description: 'One change of a count; apply in seq order, skipping any seq already applied.',
  fields: (t) => ({
    round: t.exposeInt('round'),
    seq: t.exposeInt('seq'),
    kind: t.exposeString('kind', { description: 'box-opened | ballot | void | box-closed | certified | round-created' }),
    at: t.exposeString('at'),
    boxId: t.exposeInt('boxId'),
    ballotsReturned: t.exposeInt('ballotsReturned', { nullable: true }),
    ballot: t.field({ type: TallyBallotRef, nullable: true, resolve: (e) => e.ballot ?? null }),
  }),
});

const BoardPositionRef = builder.objectRef<{ id: string; seats: number; threshold: number; secured: readonly string[]; tally: { id: string; name: string; votes: number }[]; voidSections: number }>('BoardPosition').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    title: t.string({ resolve: (p) => positionName(p.id) }),
    seats: t.exposeInt('seats'),
    threshold: t.exposeInt('threshold', { description: 'Votes needed on the ballots the round can have (F5/F9).' }),
    secured: t.stringList({ description: 'Ids that have secured a seat whatever the uncounted ballots hold.', resolve: (p) => [...p.secured] }),
    tally: t.field({ type: [TallyEntryRef], resolve: (p) => p.tally }),
    voidSections: t.exposeInt('voidSections'),
  }),
});

const TallyBoardRef = builder.objectRef<BoardSnapshot>('TallyBoard').implement({
  description: 'The public live board: no personal data beyond the names on the ballot.',
  fields: (t) => ({
    communityName: t.exposeString('communityName'),
    electionDay: t.exposeString('electionDay'),
    round: t.exposeInt('round', { nullable: true }),
    roundKind: t.exposeString('roundKind'),
    seq: t.exposeInt('seq'),
    lastUpdate: t.exposeString('lastUpdate', { nullable: true }),
    registered: t.exposeInt('registered'),
    ballotsIssued: t.exposeInt('ballotsIssued'),
    ballotsReturned: t.exposeInt('ballotsReturned'),
    ballotsCounted: t.int({ resolve: (s) => s.tally.ballotsCounted }),
    places: t.exposeInt('places'),
    boxesOpened: t.exposeInt('boxesOpened'),
    boxesClosed: t.exposeInt('boxesClosed'),
    certified: t.exposeBoolean('certified'),
    candidates: t.field({ type: [RoundCandidateRef], resolve: (s) => [...s.candidates] }),
    positions: t.field({
      type: [BoardPositionRef],
      resolve: (s) => {
        const n = names(s.candidates);
        return boardPositions(s).map((p, i) => ({
          ...p,
          tally: (s.tally.tallies[i] ?? []).map((e) => ({ ...e, name: n.get(e.id) ?? e.id })),
          voidSections: s.tally.voidSections[i] ?? 0,
        }));
      },
    }),
    state: t.field({ type: 'JSON', description: 'RunningTallyState, for the board to restore and apply events to.', resolve: (s): RunningTallyState => s.tally }),
    determination: t.field({
      type: DeterminationRef,
      nullable: true,
      description: 'Once the round is certified (定票): who is elected.',
      resolve: (s) => (s.determination ? { determination: s.determination, candidates: s.candidates, explanation: null } : null),
    }),
  }),
});

const TallyBatchRef = builder.objectRef<readonly TallyEvent[]>('TallyEventBatch').implement({
  fields: (t) => ({
    events: t.field({ type: [TallyEventRef], resolve: (b) => [...b] }),
    json: t.field({
      type: 'JSON',
      description: 'The same events as plain JSON (the TallyEvent fields): one field to execute per board instead of hundreds — what a big hall of boards should select.',
      resolve: (b) => b,
    }),
  }),
});

builder.queryFields((t) => ({
  tallyBoard: t.field({
    type: TallyBoardRef,
    nullable: true,
    description: 'Public: the live board of an election (no sign-in).',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    resolve: (_r, args, ctx) => boardSnapshot(ctx.db, Number(args.electionId.id)),
  }),
  exportCount: t.field({
    type: 'JSON',
    nullable: true,
    description: 'The exact input of `huanjie count` for a round (counting-format.md), for an auditor’s recount.',
    authScopes: { signedIn: true },
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), round: t.arg.int({ defaultValue: 1 }) },
    resolve: async (_r, args, ctx) => {
      const electionId = Number(args.electionId.id);
      await requireReadableElection(ctx, electionId);
      const input = await exportCount(ctx.db, electionId, args.round ?? 1);
      return input ? countInputJson(input) : null;
    },
  }),
}));

/** A box never changes election: remembered per database handle (asked by every ballot entry). */
const boxElections = new WeakMap<Db, Map<number, number>>();

async function electionOfBox(db: Db, boxId: number): Promise<number> {
  let electionByBox = boxElections.get(db);
  if (!electionByBox) {
    electionByBox = new Map();
    boxElections.set(db, electionByBox);
  }
  const known = electionByBox.get(boxId);
  if (known !== undefined) return known;
  const [row] = await db.select({ e: countRound.electionId }).from(boxCount).innerJoin(countRound, eq(countRound.id, boxCount.roundId)).where(eq(boxCount.id, boxId));
  if (row && electionByBox.size < 100_000) electionByBox.set(boxId, row.e);
  return row?.e ?? -1;
}

async function electionOfBallot(db: Db, ballotId: number): Promise<number> {
  const [row] = await db.select({ e: countRound.electionId }).from(ballot).innerJoin(countRound, eq(countRound.id, ballot.roundId)).where(eq(ballot.id, ballotId));
  return row?.e ?? -1;
}

const BallotInput = builder.inputType('BallotInput', {
  fields: (t) => ({
    boxId: t.globalID({ required: true, for: [BoxCount] }),
    clientId: t.string({ required: true, description: 'Chosen by the tally app; a retry with the same id returns the first result.' }),
    spoiled: t.boolean({ defaultValue: false }),
    sections: t.field({ type: t.listRef(['String']), defaultValue: [], description: 'Per position of the round: candidate ids ("c12") or written-in names.' }),
  }),
});

/** A plain object type, answered from the row the writer returns: answering an entry reads nothing back. */
const BallotRef = builder.objectRef<BallotRow>('Ballot').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    seq: t.exposeInt('seq'),
    clientId: t.exposeString('clientId'),
    spoiled: t.exposeBoolean('spoiled'),
    sections: t.field({ type: t.listRef(['String']), resolve: (b) => b.sections as string[][] }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
  }),
});

builder.mutationFields((t) => ({
  openBox: t.drizzleField({
    type: 'boxCount',
    errors: userErrors,
    description: 'Open a box for counting with its ballots returned; the zero report shows every candidate at 0.',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      placeId: t.arg.globalID({ required: true, for: [PollingPlace] }),
      ballotsReturned: t.arg.int({ required: true }),
      round: t.arg.int(),
      clerkIds: t.arg.globalIDList({ defaultValue: [] }),
    },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, args, ctx) =>
      unwrap(
        await openBox(ctx, {
          electionId: Number(args.electionId.id),
          round: args.round ?? null,
          placeId: Number(args.placeId.id),
          ballotsReturned: args.ballotsReturned,
          clerkIds: (args.clerkIds ?? []).map((c) => Number(c.id)),
        }),
      ),
  }),
  recordBallot: t.field({
    type: BallotRef,
    errors: userErrors,
    args: { input: t.arg({ type: BallotInput, required: true }) },
    authScopes: async (_r, args, ctx) => ({ workElection: await electionOfBox(ctx.db, Number(args.input.boxId.id)) }),
    resolve: async (_r, { input }, ctx) =>
      unwrap(
        await recordBallot(ctx, {
          boxId: Number(input.boxId.id),
          clientId: input.clientId,
          spoiled: input.spoiled ?? false,
          sections: (input.sections ?? []).map((s) => s.map((m) => m ?? '')),
        }),
      ),
  }),
  voidBallot: t.field({
    type: BallotRef,
    errors: userErrors,
    args: { ballotId: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
    authScopes: async (_r, args, ctx) => ({ workElection: await electionOfBallot(ctx.db, args.ballotId) }),
    resolve: async (_r, { ballotId, reason }, ctx) => unwrap(await voidBallot(ctx, ballotId, reason)),
  }),
  closeBox: t.drizzleField({
    type: 'boxCount',
    errors: userErrors,
    args: { boxId: t.arg.globalID({ required: true, for: [BoxCount] }) },
    authScopes: async (_r, args, ctx) => ({ workElection: await electionOfBox(ctx.db, Number(args.boxId.id)) }),
    resolve: async (_q, _r, { boxId }, ctx) => unwrap(await closeBox(ctx, Number(boxId.id))),
  }),
  certifyRound: t.field({
    type: DeterminationRef,
    errors: userErrors,
    description: '定票: the election committee confirms a round; afterwards every tally write is refused.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), round: t.arg.int({ required: true }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_r, { electionId, round }, ctx) => {
      const determination = unwrap(await certifyRound(ctx, Number(electionId.id), round));
      const input = (await exportCount(ctx.db, Number(electionId.id), round))!;
      return { determination, candidates: input.candidates, explanation: explainDetermination(input, determination) };
    },
  }),
  createRunoff: t.drizzleField({
    type: 'countRound',
    errors: userErrors,
    description: 'F9: the run-off (另行选举) from the certified round’s open seats, in one step.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    authScopes: (_r, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _r, { electionId }, ctx) => unwrap(await createRunoff(ctx, Number(electionId.id))),
  }),
}));

const SheetVotesRef = builder.objectRef<{ mark: string; votes: number }>('SheetVotes').implement({
  fields: (t) => ({ mark: t.exposeString('mark'), votes: t.exposeInt('votes') }),
});

const SheetPositionRef = builder.objectRef<SheetPosition>('SheetPosition').implement({
  fields: (t) => ({
    voidSections: t.exposeInt('voidSections'),
    votes: t.field({ type: [SheetVotesRef], resolve: (p) => Object.entries(p.votes).map(([mark, votes]) => ({ mark, votes })) }),
  }),
});

const TallySheetRef = builder.objectRef<SheetRow>('TallySheet').implement({
  description: 'One clerk’s entry of a box’s tally sheet (计票单).',
  fields: (t) => ({
    slot: t.exposeInt('slot'),
    spoiled: t.int({ nullable: true, description: 'Null while the other entry is awaited and this one is not yours.', resolve: (s) => (s.totals === null ? null : (s.totals as TallySheetTotals).spoiled) }),
    positions: t.field({ type: [SheetPositionRef], nullable: true, description: 'Null while the other entry is awaited and this one is not yours.', resolve: (s) => (s.totals === null ? null : [...(s.totals as TallySheetTotals).positions]) }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime' }),
    accepted: t.boolean({ resolve: (s) => s.acceptedAt !== null }),
    mine: t.boolean({ description: 'Entered by the signed-in account.', resolve: (s, _a, ctx) => ctx.actor !== null && s.actorId === ctx.actor.id }),
    decisionReason: t.exposeString('decisionReason', { nullable: true }),
  }),
});

const SheetStateRef = builder.objectRef<SheetState>('TallySheetState').implement({
  fields: (t) => ({
    status: t.exposeString('status', { description: 'waiting | accepted | mismatch (both shown; a scrutineer decides)' }),
    sheets: t.field({
      type: [TallySheetRef],
      // Double entry is independent: until both are in, nobody reads the other clerk's figures.
      resolve: (s, _a, ctx) => s.sheets.map((sheet) => (s.status === 'waiting' && sheet.actorId !== ctx.actor?.id ? { ...sheet, totals: null } : sheet)),
    }),
  }),
});

builder.objectField(BoxCount, 'tallySheets', (t) => t.field({ type: SheetStateRef, resolve: (b, _a, ctx) => sheetStateOf(ctx, b.id) }));

const SheetPositionInput = builder.inputType('SheetPositionInput', {
  fields: (t) => ({
    voidSections: t.int({ defaultValue: 0 }),
    votes: t.field({ type: [builder.inputType('SheetVotesInput', { fields: (f) => ({ mark: f.string({ required: true }), votes: f.int({ required: true }) }) })], required: true }),
  }),
});

builder.mutationFields((t) => ({
  enterTallySheet: t.field({
    type: SheetStateRef,
    errors: userErrors,
    description: 'Double entry: two clerks enter the same box’s sheet; matching sheets are accepted, a mismatch waits for a scrutineer.',
    args: {
      boxId: t.arg.globalID({ required: true, for: [BoxCount] }),
      spoiled: t.arg.int({ required: true }),
      positions: t.arg({ type: [SheetPositionInput], required: true }),
    },
    authScopes: async (_r, args, ctx) => ({ workElection: await electionOfBox(ctx.db, Number(args.boxId.id)) }),
    resolve: async (_r, args, ctx) =>
      unwrap(
        await enterTallySheet(ctx, Number(args.boxId.id), {
          spoiled: args.spoiled,
          positions: args.positions.map((p) => ({ voidSections: p.voidSections ?? 0, votes: Object.fromEntries(p.votes.map((v) => [v.mark.trim(), v.votes])) })),
        }),
      ),
  }),
  decideTallySheets: t.field({
    type: SheetStateRef,
    errors: userErrors,
    description: 'A scrutineer settles a mismatch by accepting one sheet, with the reason.',
    args: { boxId: t.arg.globalID({ required: true, for: [BoxCount] }), slot: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
    authScopes: async (_r, args, ctx) => ({ manageElection: await electionOfBox(ctx.db, Number(args.boxId.id)) }),
    resolve: async (_r, args, ctx) => unwrap(await decideTallySheets(ctx, Number(args.boxId.id), args.slot, args.reason)),
  }),
}));

const BoardDeltaRef = builder.objectRef<BoardDelta>('TallyDeltaBatch').implement({
  description: 'A batch of a count summed up for a board: add `tally` (a TallyDelta) to the snapshot’s state.',
  fields: (t) => ({
    round: t.exposeInt('round'),
    fromSeq: t.exposeInt('fromSeq'),
    toSeq: t.exposeInt('toSeq'),
    lastUpdate: t.exposeString('lastUpdate'),
    tally: t.field({ type: 'JSON', description: 'TallyDelta: ballotsCounted, spoiled, voidSections[], votes[] per position.', resolve: (d) => d.tally }),
    ballotsReturned: t.exposeInt('ballotsReturned'),
    boxesOpened: t.exposeInt('boxesOpened'),
    boxesClosed: t.exposeInt('boxesClosed'),
    certified: t.exposeBoolean('certified'),
    newRound: t.exposeBoolean('newRound', { description: 'A later round began: re-read tallyBoard.' }),
  }),
});

builder.subscriptionFields((t) => ({
  tallyDeltas: t.field({
    type: BoardDeltaRef,
    description: 'Public: the live board’s feed — each batch of the count after `afterSeq`, summed up. Apply when fromSeq = your seq + 1.',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      round: t.arg.int({ defaultValue: 1 }),
      afterSeq: t.arg.int({ defaultValue: 0 }),
    },
    // Answered once per batch for all boards (apps/server/src/shared-events.ts): public, same for everyone.
    extensions: { sharedEvents: true },
    subscribe: (_r, args, ctx) => boardDeltaStream(ctx.db, ctx.tallyHub, Number(args.electionId.id), args.round ?? 1, args.afterSeq ?? 0),
    resolve: (delta) => delta,
  }),
}));

builder.subscriptionFields((t) => ({
  tallyEvents: t.field({
    type: TallyBatchRef,
    description: 'Public: the events of an election’s count after `afterSeq` of `round` (from tallyBoard), then live, in batches.',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      round: t.arg.int({ defaultValue: 1 }),
      afterSeq: t.arg.int({ defaultValue: 0 }),
    },
    // Answered once per batch for all boards (apps/server/src/shared-events.ts): public, same for everyone.
    extensions: { sharedEvents: true },
    subscribe: (_r, args, ctx) => boardStream(ctx.db, ctx.tallyHub, Number(args.electionId.id), args.round ?? 1, args.afterSeq ?? 0),
    resolve: (batch) => batch,
  }),
}));
