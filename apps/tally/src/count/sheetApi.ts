/**
 * The tally-sheet calls, through the typed fetch of api/request.ts so that the screen can tell a
 * network failure (submit again later) from a refusal (show the server's message) — a clerk's
 * FORBIDDEN on decideTallySheets, or an INVALID_SHEET naming the figure that exceeds the box.
 */
import { graphql, type ResultOf } from '@huanjie/ui/graphql';
import { gqlRequest, type RequestOutcome } from '../api/request.ts';
import type { SheetInput } from './sheet.ts';

export const BoxSheetsQuery = graphql(`
  query BoxTallySheets($id: ID!) {
    node(id: $id) {
      __typename
      ... on BoxCount {
        id status counted ballotsReturned
        tallySheets { status sheets { slot spoiled enteredAt accepted decisionReason positions { voidSections votes { mark votes } } } }
      }
    }
  }
`);

const EnterTallySheetMutation = graphql(`
  mutation EnterTallySheet($boxId: ID!, $spoiled: Int!, $positions: [SheetPositionInput!]!) {
    enterTallySheet(boxId: $boxId, spoiled: $spoiled, positions: $positions) {
      __typename
      ... on TallySheetState { status sheets { slot spoiled enteredAt accepted decisionReason positions { voidSections votes { mark votes } } } }
      ... on Error { code message }
    }
  }
`);

const DecideTallySheetsMutation = graphql(`
  mutation DecideTallySheets($boxId: ID!, $slot: Int!, $reason: String!) {
    decideTallySheets(boxId: $boxId, slot: $slot, reason: $reason) {
      __typename
      ... on TallySheetState { status sheets { slot spoiled enteredAt accepted decisionReason positions { voidSections votes { mark votes } } } }
      ... on Error { code message }
    }
  }
`);

const CloseSheetBoxMutation = graphql(`
  mutation CloseSheetBox($boxId: ID!) {
    closeBox(boxId: $boxId) {
      __typename
      ... on BoxCount { id status }
      ... on Error { code message }
    }
  }
`);

type BoxNode = Extract<NonNullable<ResultOf<typeof BoxSheetsQuery>['node']>, { __typename: 'BoxCount' }>;
export type SheetStateData = BoxNode['tallySheets'];
export type SheetData = SheetStateData['sheets'][number];
export type SheetStatus = 'waiting' | 'accepted' | 'mismatch';

export function statusOf(state: SheetStateData): SheetStatus {
  return state.status === 'accepted' || state.status === 'mismatch' ? state.status : 'waiting';
}

/** The box as the sheet screen follows it. */
export interface BoxSheets {
  readonly status: string;
  readonly counted: number;
  readonly ballotsReturned: number;
  readonly sheets: SheetStateData;
}

/** What a sheet call ends in, for the screen. */
export type SheetOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** A UserError or a refused request (FORBIDDEN): the server's message, as it is. */
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'auth'; readonly message: string };

function settle<R, T>(outcome: RequestOutcome<R>, pick: (data: R) => SheetOutcome<T>): SheetOutcome<T> {
  return outcome.kind === 'data' ? pick(outcome.data) : outcome;
}

function refusalOf(answer: { readonly __typename: string; readonly code?: string; readonly message?: string }): Extract<SheetOutcome<never>, { kind: 'refused' }> {
  return { kind: 'refused', code: answer.code ?? answer.__typename, message: answer.message ?? answer.__typename };
}

export async function readBoxSheets(boxId: string, signal?: AbortSignal): Promise<SheetOutcome<BoxSheets>> {
  return settle(await gqlRequest(BoxSheetsQuery, { id: boxId }, signal), (data) =>
    data.node?.__typename === 'BoxCount'
      ? { kind: 'ok', value: { status: data.node.status, counted: data.node.counted, ballotsReturned: data.node.ballotsReturned, sheets: data.node.tallySheets } }
      : { kind: 'refused', code: 'NOT_FOUND', message: 'NOT_FOUND' },
  );
}

export async function enterTallySheet(boxId: string, sheet: SheetInput): Promise<SheetOutcome<SheetStateData>> {
  return settle(await gqlRequest(EnterTallySheetMutation, { boxId, spoiled: sheet.spoiled, positions: sheet.positions }), (data) => {
    const answer = data.enterTallySheet;
    return answer.__typename === 'TallySheetState' ? { kind: 'ok', value: answer } : refusalOf(answer);
  });
}

export async function decideTallySheets(boxId: string, slot: number, reason: string): Promise<SheetOutcome<SheetStateData>> {
  return settle(await gqlRequest(DecideTallySheetsMutation, { boxId, slot, reason }), (data) => {
    const answer = data.decideTallySheets;
    return answer.__typename === 'TallySheetState' ? { kind: 'ok', value: answer } : refusalOf(answer);
  });
}

export async function closeSheetBox(boxId: string): Promise<SheetOutcome<null>> {
  return settle(await gqlRequest(CloseSheetBoxMutation, { boxId }), (data) => {
    const answer = data.closeBox;
    return answer.__typename === 'BoxCount' ? { kind: 'ok', value: null } : refusalOf(answer);
  });
}
