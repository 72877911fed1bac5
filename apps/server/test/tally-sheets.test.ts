/**
 * Tally-sheet double entry (issue 6): two clerks enter a box's sheet independently; matching sheets
 * are accepted and count like entered ballots; a mismatch shows both and waits for a scrutineer;
 * a sheet whose numbers exceed the ballots returned is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from './harness.ts';
import { setUpCount, type CountFixture } from './counting-fixture.ts';

const ENTER = `mutation($b: ID!, $s: Int!, $p: [SheetPositionInput!]!) { enterTallySheet(boxId: $b, spoiled: $s, positions: $p) {
  __typename ... on TallySheetState { status sheets { slot spoiled accepted } } ... on Error { code message } } }`;

describe('tally sheets with double entry', () => {
  let app: TestApp;
  let admin: TestClient;
  let clerks: TestClient[];
  let f: CountFixture;
  const boxes: string[] = [];

  const q = async (query: string, variables: Record<string, unknown>, client = admin) => {
    const res = await client.query(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const sheet = (director: Record<string, number>, members: Record<string, number>, voidMembers = 0) => [
    { voidSections: 0, votes: Object.entries(director).map(([mark, votes]) => ({ mark, votes })) },
    { voidSections: voidMembers, votes: Object.entries(members).map(([mark, votes]) => ({ mark, votes })) },
  ];

  beforeAll(async () => {
    app = await createTestApp('2026-12-20');
    admin = await app.signedIn();
    f = await setUpCount(admin, 'H001');
    clerks = [];
    for (const name of ['clerk-h1', 'clerk-h2']) {
      await q(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename } }`, { i: { username: name, displayName: name, password: 'clerk-password-h', role: 'CLERK', communityIds: [f.communityId] } });
      clerks.push(await app.signedIn(name, 'clerk-password-h'));
    }
    for (const [i, returned] of [6, 4].entries()) {
      const b = await q(`mutation($e: ID!, $p: ID!, $n: Int!) { openBox(electionId: $e, placeId: $p, ballotsReturned: $n) { __typename ... on BoxCount { id } } }`, { e: f.electionId, p: f.places[i], n: returned });
      boxes.push(b.openBox.id);
    }
  });
  afterAll(() => app.close());

  it('refuses a sheet whose numbers exceed the ballots returned', async () => {
    const r = await q(ENTER, { b: boxes[0], s: 0, p: sheet({ [f.mark['王强']!]: 7 }, {}) }, clerks[0]);
    expect(r.enterTallySheet).toMatchObject({ code: 'INVALID_SHEET', message: expect.stringContaining('超过该栏有效选票 6 张') });
  });

  it('accepts two matching sheets and counts them like ballots', async () => {
    const entry = sheet({ [f.mark['王强']!]: 4, [f.mark['张建国']!]: 1 }, { [f.mark['赵丽']!]: 4, [f.mark['陈静']!]: 3, 李小明: 1 }, 1);
    const first = await q(ENTER, { b: boxes[0], s: 1, p: entry }, clerks[0]);
    expect(first.enterTallySheet).toMatchObject({ status: 'waiting' });
    const read = `query($b: ID!) { node(id: $b) { ... on BoxCount { tallySheets { sheets { mine spoiled positions { voidSections } } } } } }`;
    const mine = await q(read, { b: boxes[0] }, clerks[0]);
    expect(mine.node.tallySheets.sheets).toEqual([{ mine: true, spoiled: 1, positions: [{ voidSections: 0 }, { voidSections: 1 }] }]);
    // Independent entry: the second clerk (and anyone else) sees that a sheet is in, not its figures.
    for (const other of [clerks[1]!, admin]) {
      const theirs = await q(read, { b: boxes[0] }, other);
      expect(theirs.node.tallySheets.sheets).toEqual([{ mine: false, spoiled: null, positions: null }]);
    }
    const again = await q(ENTER, { b: boxes[0], s: 1, p: entry }, clerks[0]);
    expect(again.enterTallySheet.sheets).toHaveLength(1); // the same clerk replaces their own entry
    const second = await q(ENTER, { b: boxes[0], s: 1, p: entry.map((p) => ({ ...p, votes: [...p.votes].reverse() })) }, clerks[1]);
    expect(second.enterTallySheet).toMatchObject({ status: 'accepted' });
    const board = await q(`query($e: ID!) { tallyBoard(electionId: $e) { ballotsCounted positions { voidSections tally { name votes } } } }`, { e: f.electionId });
    expect(board.tallyBoard.ballotsCounted).toBe(6);
    expect(board.tallyBoard.positions[0].tally).toEqual([{ name: '王强', votes: 4 }, { name: '张建国', votes: 1 }]);
    expect(board.tallyBoard.positions[1]).toMatchObject({ voidSections: 1, tally: [{ name: '赵丽', votes: 4 }, { name: '陈静', votes: 3 }, { name: '李小明', votes: 1 }] });
    // Counted by its sheet: no ballot-by-ballot entry or correction on top of it.
    const extra = await q(`mutation($i: BallotInput!) { recordBallot(input: $i) { __typename ... on Error { code } } }`, { i: { boxId: boxes[0], clientId: 'after-sheet-1', sections: [[], []] } });
    expect(extra.recordBallot).toEqual({ __typename: 'UserError', code: 'BOX_COUNTED_BY_SHEET' });
    const close = await q(`mutation($b: ID!) { closeBox(boxId: $b) { __typename ... on BoxCount { status } } }`, { b: boxes[0] });
    expect(close.closeBox.status).toBe('closed');
  });

  it('shows a mismatch with both sheets and accepts the one a scrutineer chooses', async () => {
    await q(ENTER, { b: boxes[1], s: 0, p: sheet({ [f.mark['王强']!]: 3 }, { [f.mark['黄芳']!]: 4 }) }, clerks[0]);
    const mismatch = await q(ENTER, { b: boxes[1], s: 0, p: sheet({ [f.mark['王强']!]: 2 }, { [f.mark['黄芳']!]: 4 }) }, clerks[1]);
    expect(mismatch.enterTallySheet).toMatchObject({ status: 'mismatch', sheets: [{ slot: 1, accepted: false }, { slot: 2, accepted: false }] });
    const third = await q(ENTER, { b: boxes[1], s: 0, p: sheet({}, {}) }, admin);
    expect(third.enterTallySheet.code).toBe('SHEETS_COMPLETE');
    // Settling it is for the election committee's scrutineer, not a clerk.
    const byClerk = await clerks[0]!.query(`mutation($b: ID!) { decideTallySheets(boxId: $b, slot: 1, reason: "复核原始选票") { __typename } }`, { b: boxes[1] });
    expect(byClerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const decided = await q(`mutation($b: ID!) { decideTallySheets(boxId: $b, slot: 1, reason: "复核原始选票，王强得 3 票") { __typename ... on TallySheetState { status } } }`, { b: boxes[1] });
    expect(decided.decideTallySheets).toEqual({ __typename: 'TallySheetState', status: 'accepted' });
    const board = await q(`query($e: ID!) { tallyBoard(electionId: $e) { ballotsCounted positions { tally { name votes } } } }`, { e: f.electionId });
    expect(board.tallyBoard.ballotsCounted).toBe(10);
    expect(board.tallyBoard.positions[0].tally[0]).toEqual({ name: '王强', votes: 7 });
  });
});
