/**
 * Tally sheets with double entry in a real browser (issue 6, point 3): two clerks, each signed in on
 * their own browser context, type the same box's 计票单 from the keyboard (Enter to the next field,
 * `+` for 另选他人); the second identical sheet is accepted, the public board shows its figures and
 * the box is closed. On a second box the sheets differ: both clerks see them side by side with the
 * differing figure marked, a clerk's decision is refused by the server, and the township admin
 * accepts one sheet with a reason. Needs `vite build` of apps/tally first (turbo's test task builds it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../src/server.ts';
import { screenshotOnFailure, signIn, startBrowserRig, type BrowserRig } from './helpers.ts';
import { ApiClient, setUpCountingElection, type CountingElection } from './tally-helpers.ts';

const PASSWORD = 'sheets-admin-pw';
const CLERK_PASSWORD = 'sheets-clerk-pw';
const DAY = '2026-12-20';
/** Waits for the screen, not for luck: a loaded machine can take seconds for a round trip and a render. */
const eventually = { timeout: 15_000, interval: 50 };

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Votes per name of a position on the public board (read from its accessible table). */
async function boardVotes(board: Page, position: string): Promise<Record<string, number>> {
  const rows = await board.locator(`[data-testid="board-votes"][data-position="${position}"]`).evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-name') ?? '', Number(el.getAttribute('data-votes'))] as const),
  );
  return Object.fromEntries(rows);
}

interface Sheet {
  readonly spoiled?: number;
  /** By field: "director-王强" → votes, "void-member" → void sections. */
  readonly figures: Readonly<Record<string, number>>;
  /** 另选他人 of the member position: name and votes. */
  readonly writeIns?: readonly (readonly [string, number])[];
}

/**
 * Types a sheet the way a clerk does, from the keyboard only: the figure of the focused field (or
 * nothing: empty is 0), Enter; at the member position's void field, `+` adds each write-in row first.
 * Ends on the submit button, and Enter submits.
 */
async function typeSheet(page: Page, sheet: Sheet): Promise<void> {
  await expect.poll(() => activeTestId(page), eventually).toBe('sheet-spoiled');
  const writeIns = [...(sheet.writeIns ?? [])];
  for (let step = 0; step < 60; step += 1) {
    const id = await activeTestId(page);
    if (id === 'sheet-submit') {
      await page.keyboard.press('Enter');
      return;
    }
    const next = writeIns[0];
    if (id === 'sheet-void-member' && next) {
      writeIns.shift();
      await page.keyboard.press('+');
      await expect.poll(() => activeTestId(page), eventually).toMatch(/^sheet-writein-name-member-\d+$/);
      await page.keyboard.type(next[0]);
      await page.keyboard.press('Enter');
      expect(await activeTestId(page)).toMatch(/^sheet-writein-votes-member-\d+$/);
      await page.keyboard.type(String(next[1]));
      await page.keyboard.press('Enter');
      expect(await activeTestId(page)).toBe('sheet-void-member');
      continue;
    }
    const key = id === 'sheet-spoiled' ? 'spoiled' : id.replace(/^sheet-votes-/, '').replace(/^sheet-(void)-(\w+)$/, '$1-$2');
    const value = key === 'spoiled' ? sheet.spoiled : sheet.figures[key];
    if (value !== undefined) await page.keyboard.type(String(value));
    await page.keyboard.press('Enter');
  }
  throw new Error(`the sheet form never reached its submit button (focus on ${await activeTestId(page)})`);
}

describe('tally sheets with double entry in the tally app', () => {
  let rig: BrowserRig | undefined;
  let server: RunningServer;
  let admin: Page;
  let clerks: Page[] = [];
  let board: Page;
  let api: ApiClient;
  let election: CountingElection;
  const boxIds: string[] = [];
  let current: Page | undefined;

  beforeAll(async () => {
    rig = await startBrowserRig({ adminPassword: PASSWORD, today: DAY });
    ({ server, page: admin } = rig);
    api = new ApiClient(server.url);
    await api.signIn('admin', PASSWORD);
    election = await setUpCountingElection(api, DAY);
    const e = await api.query(`query($id: ID!) { node(id: $id) { ... on Election { community { id } } } }`, { id: election.electionId });
    const communityId: string = e['node'].community.id;
    const second = await api.query(
      `mutation($e: ID!) { createPollingPlace(electionId: $e, input: { kind: STATION, name: "二组投票站", boxNumber: "02" }) { __typename ... on PollingPlace { id } } }`,
      { e: election.electionId },
    );
    const places = [election.placeId, second['createPollingPlace'].id as string];
    for (const [i, returned] of [5, 4].entries()) {
      const opened = await api.query(`mutation($e: ID!, $p: ID!, $n: Int!) { openBox(electionId: $e, placeId: $p, ballotsReturned: $n) { __typename ... on BoxCount { id } } }`, {
        e: election.electionId,
        p: places[i],
        n: returned,
      });
      boxIds.push(opened['openBox'].id);
    }
    for (const name of ['clerk-a', 'clerk-b']) {
      await api.query(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { __typename } }`, {
        i: { username: name, displayName: name, password: CLERK_PASSWORD, role: 'CLERK', communityIds: [communityId] },
      });
    }
    // Each clerk on a device of their own: their own context, cookie and IndexedDB.
    clerks = [];
    for (const name of ['clerk-a', 'clerk-b']) {
      const context = await rig.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(`${server.url}/tally/e/${encodeURIComponent(election.electionId)}/count`);
      await page.waitForURL(/\/tally\/sign-in$/);
      await signIn(page, name, CLERK_PASSWORD);
      await page.getByTestId('box-list').waitFor();
      clerks.push(page);
    }
    const boardContext = await rig.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    board = await boardContext.newPage();
    await board.goto(`${server.url}/tally/board/${encodeURIComponent(election.electionId)}`);
    await board.getByTestId('board-title').waitFor();
  }, 60_000);

  afterEach(async (context) => {
    await screenshotOnFailure(current, context.task);
  });

  afterAll(async () => {
    await rig?.close();
  });

  const openSheet = async (page: Page, box: '01' | '02') => {
    current = page;
    await page.getByTestId(`sheet-${box}`).click();
    await page.getByTestId('sheet-screen').waitFor();
  };

  it('accepts two identical sheets typed by two clerks, the board shows them, and the box is closed', async () => {
    const [a, b] = clerks as [Page, Page];
    await expect.poll(() => board.getByTestId('board-counted').textContent(), eventually).toContain('收回 9 张');
    await openSheet(a, '01');
    expect(await a.getByTestId('sheet-returned').textContent()).toBe('5 张');

    // A figure beyond the box is refused by the server, naming it; corrected in place, Ctrl+Enter resubmits.
    const sheet: Sheet = { spoiled: 1, figures: { 'director-王强': 9, 'director-张建国': 1, 'member-赵丽': 3, 'member-陈静': 2, 'void-member': 1 }, writeIns: [['刘伟', 1]] };
    await typeSheet(a, sheet);
    await expect.poll(() => a.getByTestId('sheet-flash').textContent(), eventually).toContain('王强 得 9 票，超过该栏有效选票 4 张');
    expect(await a.getByTestId('sheet-sum-director').textContent()).toContain('合计 10 票');
    await a.getByTestId('sheet-votes-director-王强').fill('3');
    await a.keyboard.press('Control+Enter');
    await a.getByTestId('sheet-waiting').waitFor();
    expect(await a.getByTestId('sheet-screen').getAttribute('data-status')).toBe('waiting');

    // The second clerk does not see the first one's figures: an empty form, and a note that one is in.
    await b.reload();
    await b.getByTestId('box-list').waitFor();
    await expect.poll(() => b.getByTestId('sheet-status-01').textContent(), eventually).toContain('已录入 1 / 2 份');
    await openSheet(b, '01');
    await b.getByTestId('sheet-one-entered').waitFor();
    expect(await b.getByTestId('sheet-votes-director-王强').inputValue()).toBe('');
    // The same figures, the write-in typed with an inner space and votes in another order make no difference.
    await typeSheet(b, { ...sheet, figures: { ...sheet.figures, 'director-王强': 3 }, writeIns: [['刘 伟', 1]] });
    await b.getByTestId('sheet-accepted').waitFor();
    expect(await b.getByTestId('sheet-accepted').textContent()).toContain('两份计票单一致，已通过：本箱 5 张选票已计入');
    // The first clerk's screen follows by itself.
    await expect.poll(() => a.getByTestId('sheet-screen').getAttribute('data-status'), eventually).toBe('accepted');

    await expect.poll(() => board.getByTestId('board-counted-value').textContent(), eventually).toBe('5');
    await expect.poll(() => boardVotes(board, 'director'), eventually).toEqual({ 王强: 3, 张建国: 1 });
    expect(await boardVotes(board, 'member')).toEqual({ 赵丽: 3, 陈静: 2, 刘伟: 1 });

    await b.getByTestId('sheet-close-box').click();
    await b.getByTestId('sheet-close-box-confirm').click();
    await b.getByTestId('box-list').waitFor();
    await expect.poll(() => b.getByTestId('box-01').textContent(), eventually).toContain('已结束');
    await expect.poll(() => board.getByTestId('board-boxes').textContent(), eventually).toContain('已结束 1');
  });

  it('shows two different sheets side by side; a clerk may not decide, the admin accepts one with a reason', async () => {
    const [a, b] = clerks as [Page, Page];
    await a.getByTestId('sheet-back').click();
    await a.getByTestId('box-list').waitFor();
    await openSheet(a, '02');
    await typeSheet(a, { figures: { 'director-王强': 3, 'member-黄芳': 4, 'member-赵丽': 2 } });
    await a.getByTestId('sheet-waiting').waitFor();
    await openSheet(b, '02');
    await typeSheet(b, { figures: { 'director-王强': 2, 'member-黄芳': 4, 'member-赵丽': 2 } });

    for (const page of [b, a]) {
      await page.getByTestId('sheet-mismatch').waitFor({ timeout: 15_000 });
      const differing = page.locator('[data-testid="sheet-row"][data-diff="true"]');
      expect(await differing.count()).toBe(1);
      expect(await differing.textContent()).toContain('王强');
      expect(await differing.getByTestId('sheet-figure-1').textContent()).toBe('3');
      expect(await differing.getByTestId('sheet-figure-2').textContent()).toBe('2');
    }
    expect(await b.getByTestId('sheet-mismatch').textContent()).toContain('两份计票单不一致（1 处）');

    // A clerk's decision: the server refuses it and the screen says so.
    current = b;
    await b.getByTestId('sheet-choose-2').click();
    await b.getByTestId('sheet-reason').fill('我看是 2 票');
    await b.getByTestId('sheet-decide').click();
    await expect.poll(() => b.getByTestId('sheet-decide-error').textContent(), eventually).toContain('无权');
    expect(await b.getByTestId('sheet-screen').getAttribute('data-status')).toBe('mismatch');

    // The township admin (election committee rights) sees the mismatch on the box list and decides.
    current = admin;
    await admin.goto(`${server.url}/tally/e/${encodeURIComponent(election.electionId)}/count`);
    await admin.waitForURL(/\/tally\/sign-in$/);
    await signIn(admin, 'admin', PASSWORD);
    await admin.getByTestId('box-list').waitFor();
    await expect.poll(() => admin.getByTestId('sheet-status-02').getAttribute('data-status'), eventually).toBe('mismatch');
    await expect.poll(() => admin.getByTestId('continue-02').count(), eventually).toBe(0); // no ballot entry while a sheet is open
    await openSheet(admin, '02');
    await admin.getByTestId('sheet-mismatch').waitFor();
    expect(await admin.getByTestId('sheet-decide').isDisabled()).toBe(true); // a choice and a reason first
    await admin.getByTestId('sheet-choose-1').click();
    expect(await admin.getByTestId('sheet-decide').isDisabled()).toBe(true);
    await admin.getByTestId('sheet-reason').fill('复核原始选票，王强得 3 票');
    await admin.getByTestId('sheet-decide').click();
    await admin.getByTestId('sheet-accepted').waitFor();
    expect(await admin.getByTestId('sheet-accepted').textContent()).toContain('经监票人裁定，以第 1 份为准');
    expect(await admin.getByTestId('sheet-accepted').textContent()).toContain('复核原始选票，王强得 3 票');
    for (const page of [a, b]) await expect.poll(() => page.getByTestId('sheet-screen').getAttribute('data-status'), eventually).toBe('accepted');

    await expect.poll(() => board.getByTestId('board-counted-value').textContent(), eventually).toBe('9');
    await expect.poll(() => boardVotes(board, 'director'), eventually).toEqual({ 王强: 6, 张建国: 1 });
    expect(await boardVotes(board, 'member')).toEqual({ 赵丽: 5, 陈静: 2, 黄芳: 4, 刘伟: 1 });
    const tb = await api.query(`query($e: ID!) { tallyBoard(electionId: $e) { ballotsCounted } }`, { e: election.electionId });
    expect(tb['tallyBoard'].ballotsCounted).toBe(9);
  });
});
