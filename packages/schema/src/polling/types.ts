/** GraphQL for polling (rules.md E): places and boxes, ballot issuance, live turnout. */
import { and, eq } from 'drizzle-orm';
import { ballotIssue } from '@huanjie/db';
import { builder } from '../builder.ts';
import { userErrors } from '../error-types.ts';
import { unwrap } from '../result.ts';
import { communityOfElection } from '../access/scopes.ts';
import { Election } from '../cycle/types.ts';
import { Voter } from '../voters/types.ts';
import { createPollingPlace, issueBallot, removePollingPlace, turnout, type Turnout } from './service.ts';

const PollingPlaceKindEnum = builder.enumType('PollingPlaceKind', {
  values: {
    CENTRAL: { value: 'central', description: '中心会场' },
    STATION: { value: 'station', description: '投票站' },
    MOBILE: { value: 'mobile', description: '流动票箱' },
  } as const,
});

export const PollingPlace = builder.drizzleNode('pollingPlace', {
  name: 'PollingPlace',
  description: '投票场所及其票箱 (E2)',
  id: { column: (p) => p.id },
  authScopes: async (p, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, p.electionId)) ?? -1 }),
  fields: (t) => ({
    kind: t.field({ type: PollingPlaceKindEnum, resolve: (p) => p.kind }),
    name: t.exposeString('name'),
    boxNumber: t.exposeString('boxNumber'),
  }),
});

export const TurnoutRef = builder.objectRef<Turnout>('Turnout').implement({
  description: 'Ballots issued against registered voters (E7); majority = more than half took part.',
  fields: (t) => ({
    round: t.exposeInt('round'),
    registered: t.exposeInt('registered'),
    issued: t.exposeInt('issued'),
    majority: t.exposeBoolean('majority'),
  }),
});

export const BallotIssue = builder.drizzleObject('ballotIssue', {
  name: 'BallotIssue',
  fields: (t) => ({
    round: t.exposeInt('round'),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    voter: t.relation('voter'),
    place: t.relation('place'),
    proxyHolder: t.relation('proxyHolder', { nullable: true }),
  }),
});

builder.objectField(Voter, 'ballotIssued', (t) =>
  t.boolean({
    description: 'E7: has this voter (or their proxy holder) received the round’s ballot?',
    args: { round: t.arg.int({ defaultValue: 1 }) },
    resolve: async (v, args, ctx) => {
      const [row] = await ctx.db
        .select({ id: ballotIssue.id })
        .from(ballotIssue)
        .where(and(eq(ballotIssue.voterId, v.id), eq(ballotIssue.round, args.round ?? 1)))
        .limit(1);
      return row !== undefined;
    },
  }),
);

builder.objectFields(Election, (t) => ({
  pollingPlaces: t.field({
    type: [PollingPlace],
    resolve: (e, _a, ctx) => ctx.db.query.pollingPlace.findMany({ where: { electionId: e.id }, orderBy: { boxNumber: 'asc' } }),
  }),
  turnout: t.field({
    type: TurnoutRef,
    args: { round: t.arg.int({ defaultValue: 1 }) },
    resolve: (e, args, ctx) => turnout(ctx.db, e.id, args.round ?? 1),
  }),
}));

const PollingPlaceInput = builder.inputType('PollingPlaceInput', {
  fields: (t) => ({
    kind: t.field({ type: PollingPlaceKindEnum, required: true }),
    name: t.string({ required: true }),
    boxNumber: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  createPollingPlace: t.drizzleField({
    type: 'pollingPlace',
    errors: userErrors,
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), input: t.arg({ type: PollingPlaceInput, required: true }) },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (_q, _root, { electionId, input }, ctx) => unwrap(await createPollingPlace(ctx, Number(electionId.id), input)),
  }),
  removePollingPlace: t.drizzleField({
    type: 'election',
    errors: userErrors,
    description: 'E2: remove a place entered by mistake — only while no ballot was issued there, no box opened and no staff posted to it. Answers the election, its places without this one.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }), placeId: t.arg.globalID({ required: true, for: [PollingPlace] }) },
    authScopes: (_root, args) => ({ manageElection: Number(args.electionId.id) }),
    resolve: async (query, _root, { electionId, placeId }, ctx) => {
      unwrap(await removePollingPlace(ctx, Number(electionId.id), Number(placeId.id)));
      return (await ctx.db.query.election.findFirst(query({ where: { id: Number(electionId.id) } })))!;
    },
  }),
  issueBallot: t.drizzleField({
    type: 'ballotIssue',
    errors: userErrors,
    description: 'E7: hand a registered voter their ballot (once per round in the whole community).',
    args: {
      electionId: t.arg.globalID({ required: true, for: [Election] }),
      placeId: t.arg.globalID({ required: true, for: [PollingPlace] }),
      voterId: t.arg.globalID({ required: true, for: [Voter] }),
      proxyHolderId: t.arg.globalID({ for: [Voter], description: 'The proxy holder receiving the principal’s ballot (E3).' }),
      round: t.arg.int({ defaultValue: 1 }),
    },
    authScopes: (_root, args) => ({ workElection: Number(args.electionId.id) }),
    resolve: async (query, _root, args, ctx) => {
      const row = unwrap(
        await issueBallot(ctx, {
          electionId: Number(args.electionId.id),
          round: args.round ?? 1,
          placeId: Number(args.placeId.id),
          voterId: Number(args.voterId.id),
          proxyHolderId: args.proxyHolderId ? Number(args.proxyHolderId.id) : null,
        }),
      );
      return (await ctx.db.query.ballotIssue.findFirst(query({ where: { id: row.id } })))!;
    },
  }),
}));

builder.subscriptionFields((t) => ({
  turnout: t.field({
    type: TurnoutRef,
    description: 'Live turnout of one election: the current figures first, then one event per ballot issued.',
    args: { electionId: t.arg.globalID({ required: true, for: [Election] }) },
    authScopes: async (_root, args, ctx) => ({ readCommunity: (await communityOfElection(ctx.db, Number(args.electionId.id))) ?? -1 }),
    subscribe: async function* (_root, args, ctx) {
      const electionId = Number(args.electionId.id);
      const stream = ctx.events.subscribe('turnout', electionId);
      yield await turnout(ctx.db, electionId);
      yield* stream;
    },
    resolve: (t) => t,
  }),
}));
