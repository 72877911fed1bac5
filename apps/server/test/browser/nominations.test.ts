/**
 * Direct nomination (海选, rules.md D1–D2, issue 5 point 3) in a real browser: two groups' count
 * sheets entered by keyboard on the candidates tab, the quorum message until more than half took
 * part, the server's refusals shown (a count over the participants, publishing before the quorum, a
 * formal list without margin), then the preliminary list published and the formal candidates
 * chosen, each reaching the candidate list. Needs the built admin console (turbo builds it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { makeResidentId } from '@huanjie/domain';
import { confirmPopconfirm, formReady, graphqlAs, screenshotOnFailure, signIn, startBrowserRig, type BrowserRig } from './helpers.ts';

const PASSWORD = 'browser-nominations-pw';
// Ten registered voters: more than half is six, so one group of five is not enough.
const PEOPLE: readonly (readonly [name: string, sex: '男' | '女', birth: string, group: string])[] = [
  ['王强', '男', '1970-03-03', '一组'], ['张建国', '男', '1971-03-03', '一组'], ['赵丽', '女', '1972-03-03', '一组'],
  ['陈静', '女', '1973-03-03', '一组'], ['黄芳', '女', '1974-03-03', '一组'], ['刘伟', '男', '1975-03-03', '二组'],
  ['杨明', '男', '1976-03-03', '二组'], ['周军', '男', '1977-03-03', '二组'], ['吴敏', '女', '1978-03-03', '二组'],
  ['徐洋', '男', '1979-03-03', '二组'],
];

/** Waits for the screen, not for luck: a loaded machine can take seconds for a round trip and a render. */
const eventually = { timeout: 15_000, interval: 100 };

describe('direct nomination in a browser', () => {
  let rig: BrowserRig | undefined;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    rig = await startBrowserRig({ adminPassword: PASSWORD, today: '2026-11-25' });
    page = rig.page;
    url = rig.server.url;
  });

  afterEach(async ({ task }) => {
    await screenshotOnFailure(rig?.page, task);
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('sets up a community with ten voters and its seats; the candidates tab shows the nomination card', async () => {
    await page.goto(`${url}/sign-in`);
    await signIn(page, 'admin', PASSWORD);
    await page.getByText('全镇换届进度').waitFor();
    // Set-up through the API with the browser's session: other tests cover these screens.
    await graphqlAs(page, url, `mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    const created = await graphqlAs<{ createCommunity: { id: string; election: { id: string } } }>(
      page,
      url,
      `mutation { createCommunity(input: { code: "N001", name: "河坝村", kind: VILLAGE, area: RURAL }) { ... on Community { id election { id } } } }`,
    );
    const electionId = created.createCommunity.election.id;
    for (const [i, name] of ['一组', '二组'].entries()) {
      await graphqlAs(page, url, `mutation($input: CreateGroupInput!) { createGroup(input: $input) { __typename } }`, {
        input: { communityId: created.createCommunity.id, name, number: i + 1, households: 10, population: 30 },
      });
    }
    for (const [i, [name, sex, birth, group]] of PEOPLE.entries()) {
      const residentId = makeResidentId('510181', birth, i * 2 + (sex === '男' ? 21 : 22));
      const res = await graphqlAs<{ registerVoter: { __typename: string } }>(
        page,
        url,
        `mutation($e: ID!, $input: VoterInput!) { registerVoter(electionId: $e, input: $input) { __typename ... on UserError { message } } }`,
        { e: electionId, input: { name, sex, residentId, group } },
      );
      expect(res.registerVoter).toEqual({ __typename: 'Voter' });
    }
    await graphqlAs(page, url, `mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 0, members: 2 }) { __typename } }`, { e: electionId });

    await page.goto(`${url}/communities/N001/candidates`);
    await page.getByTestId('nominations-card').getByText('海选提名').waitFor();
    await expect.poll(() => page.getByTestId('nomination-participation').textContent(), eventually).toBe('参加提名 0 人，登记选民 10 人');
    await page.getByTestId('nomination-quorum').waitFor();
  });

  it('enters 一组’s sheet by keyboard; five of ten is not more than half, and publishing is refused naming D1', async () => {
    await openSheet(page);
    await page.keyboard.type('一组');
    await page.keyboard.press('Enter'); // with the group typed, Enter moves on (an open list closes)
    await waitForFocus(page, 'sheet-participants');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'sheet-person', 0);
    await enterRow(page, 0, '王强', 4);
    await enterRow(page, 1, '张建国', 1);
    await enterRow(page, 2, '赵丽', 3, '委员');
    await enterRow(page, 3, '陈静', 2, undefined, { last: true });
    const form = page.getByTestId('nomination-sheet-form');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'hidden' });
    await page.getByText('已录入一组的提名统计表（参加 5 人）').waitFor();

    await expect.poll(() => page.getByTestId('nomination-participation').textContent(), eventually).toBe('参加提名 5 人，登记选民 10 人');
    expect(await page.getByTestId('nomination-quorum').textContent()).toContain('未超过');
    expect(await totals(page, 'DIRECTOR')).toEqual(['王强 4', '张建国 1']);
    expect(await totals(page, 'MEMBER')).toEqual(['赵丽 3', '陈静 2']);

    await page.getByTestId('publish-preliminary').click();
    await confirmPopconfirm(page);
    await expect.poll(() => page.getByTestId('preliminary-error').textContent(), eventually).toContain('D1');
    expect(await page.getByTestId('preliminary-error').textContent()).toContain('未超过');
  });

  it('enters 二组’s sheet: a count over the participants gets the server’s message and the values stay; corrected, the quorum holds', async () => {
    await openSheet(page);
    // The group from the community's list this time.
    const group = page.getByTestId('nomination-sheet-form').locator('input').first();
    await page.keyboard.type('二');
    // As with a row's position: on a busy machine the click can land while the list is still
    // opening and not take; type and choose again until the group shows.
    await vi.waitFor(
      async () => {
        if ((await group.inputValue()) !== '二组') {
          if (!(await page.locator('.ant-select-dropdown:visible').count())) await group.fill('二');
          await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '二组' }).click({ timeout: 3_000 });
        }
        expect(await group.inputValue()).toBe('二组');
      },
      { timeout: 30_000, interval: 200 },
    );
    await group.press('Enter');
    await waitForFocus(page, 'sheet-participants');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'sheet-person', 0);
    await enterRow(page, 0, '张建国', 2);
    await enterRow(page, 1, '黄芳', 4, '委员');
    await enterRow(page, 2, '刘伟', 1, undefined, { last: true });
    const form = page.getByTestId('nomination-sheet-form');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => form.getByTestId('form-error').textContent(), eventually).toContain('提名票数 4 无效');
    // Nothing changed on the server; the sheet keeps what was typed.
    expect(await page.getByTestId('nomination-quorum').count()).toBe(1);
    const row = form.getByTestId('nomination-row').nth(1);
    await row.getByTestId('sheet-count').fill('3');
    await form.getByTestId('form-submit').click();
    await form.waitFor({ state: 'hidden' });

    await page.getByTestId('nomination-quorum-met').waitFor();
    expect(await page.getByTestId('nomination-quorum').count()).toBe(0);
    expect(await page.getByTestId('nomination-participation').textContent()).toBe('参加提名 8 人，登记选民 10 人');
    // Most nominations first, as the server orders them; equal counts in stroke order (赵 9 before 黄 11).
    await expect.poll(() => totals(page, 'DIRECTOR'), eventually).toEqual(['王强 4', '张建国 3']);
    expect(await totals(page, 'MEMBER')).toEqual(['赵丽 3', '黄芳 3', '陈静 2', '刘伟 1']);
  });

  it('publishes the preliminary list: six preliminary candidates, by position and in stroke order', async () => {
    await page.getByTestId('publish-preliminary').click();
    await confirmPopconfirm(page);
    await page.getByText('已公布初步候选人 6 名').waitFor();
    expect(await page.getByTestId('preliminary-error').count()).toBe(0);
    await page.locator('.ant-segmented').getByText('初步候选人', { exact: true }).click();
    const names = page.getByTestId('candidates-table').getByTestId('candidate-name');
    await expect.poll(() => names.allTextContents(), eventually).toEqual(['王强', '张建国', '刘伟', '陈静', '赵丽', '黄芳']);
    // No formal candidates yet: the formal list check says so, naming D2.
    await expect.poll(() => page.getByTestId('formal-list-error').allTextContents(), eventually).toContainEqual(expect.stringContaining('D2'));
  });

  it('chooses the formal candidates: two members for two seats is refused naming D2; by default the top within the margin', async () => {
    const members = page.getByTestId('nominations-MEMBER');
    await members.getByTestId('formal-count-MEMBER').fill('2');
    await members.getByTestId('choose-formal-MEMBER').click();
    await expect.poll(() => members.getByTestId('formal-choice-error').textContent(), eventually).toContain('D2');

    await page.getByTestId('choose-formal-DIRECTOR').click();
    await page.getByText('已确定主任正式候选人 2 名').waitFor();
    await members.getByTestId('formal-count-MEMBER').fill('');
    await members.getByTestId('formal-count-MEMBER').press('Enter'); // Enter in the count chooses
    await page.getByText('已确定委员正式候选人 3 名').waitFor();
    expect(await members.getByTestId('formal-choice-error').count()).toBe(0);

    await page.locator('.ant-segmented').getByText('正式候选人', { exact: true }).click();
    const names = page.getByTestId('candidates-table').getByTestId('candidate-name');
    await expect.poll(() => names.allTextContents(), eventually).toEqual(['王强', '张建国', '陈静', '赵丽', '黄芳']);
    // The formal list check followed: the margin of D2 holds for both positions now.
    await expect.poll(() => page.getByTestId('formal-list-error').allTextContents(), eventually).not.toContainEqual(expect.stringContaining('D2'));
  });

  it('revokes an unused proxy with a reason on the polling tab (E3/E5)', async () => {
    const found = await graphqlAs<{ community: { election: { id: string } } }>(page, url, `{ community(code: "N001") { election { id } } }`);
    const e = found.community.election.id;
    const voters = await graphqlAs<{ voters: { edges: { node: { id: string; name: string } }[] } }>(page, url, `query($e: ID!) { voters(electionId: $e, first: 20) { edges { node { id name } } } }`, { e });
    const id = Object.fromEntries(voters.voters.edges.map((x) => [x.node.name, x.node.id]));
    const recorded = await graphqlAs<{ recordProxy: { __typename: string } }>(
      page,
      url,
      `mutation($e: ID!, $p: ID!, $h: ID!) { recordProxy(electionId: $e, principalId: $p, holderId: $h, relation: SIBLING, writtenOn: "2026-11-20") { __typename } }`,
      { e, p: id['刘伟'], h: id['杨明'] },
    );
    expect(recorded.recordProxy.__typename).toBe('Proxy');
    await page.goto(`${url}/communities/N001/polling`);
    await page.getByTestId('revoke-proxy-刘伟').click();
    const form = page.getByTestId('revoke-proxy-form');
    await form.locator('textarea').fill('本人回村，亲自投票');
    await form.getByRole('button', { name: /撤销委托/ }).click();
    await expect.poll(() => page.getByTestId('proxies-table').textContent(), eventually).toContain('没有委托投票');
  });

  it('removes a polling place added by mistake; one with staff posted stays, with the server’s reason (E2)', async () => {
    const boxes = page.getByTestId('places-table').locator('tbody tr.ant-table-row td:first-child');
    for (const [name, box] of [['三组投票站', '03'], ['错录的投票站', '08']]) {
      await page.getByTestId('add-place').click();
      await formReady(page, 'add-place-form');
      const form = page.getByTestId('add-place-form');
      await form.getByTestId('place-name').fill(name!);
      await form.getByTestId('place-box').fill(box!);
      await form.getByTestId('form-submit').click();
      await form.waitFor({ state: 'hidden' });
    }
    await expect.poll(() => boxes.allTextContents(), eventually).toEqual(['03', '08']);
    // Someone posted to 三组投票站 (through the API, as the staff screen would).
    const found = await graphqlAs<{ community: { election: { id: string; pollingPlaces: { id: string; boxNumber: string }[] } } }>(page, url, `{ community(code: "N001") { election { id pollingPlaces { id boxNumber } } } }`);
    const { id: e, pollingPlaces } = found.community.election;
    const voters = await graphqlAs<{ voters: { edges: { node: { id: string; name: string } }[] } }>(page, url, `query($e: ID!) { voters(electionId: $e, first: 20) { edges { node { id name } } } }`, { e });
    const zhou = voters.voters.edges.find((x) => x.node.name === '周军')!.node.id;
    const posted = await graphqlAs<{ appointStaff: { __typename: string; message?: string } }>(page, url, `mutation($e: ID!, $p: ID, $v: ID!) { appointStaff(electionId: $e, placeId: $p, role: WRITER, voterId: $v) { __typename ... on Error { message } } }`, {
      e,
      p: pollingPlaces.find((x) => x.boxNumber === '03')!.id,
      v: zhou,
    });
    expect(posted.appointStaff).toEqual({ __typename: 'Staff' });

    await page.getByTestId('remove-place-03').click();
    await confirmPopconfirm(page);
    await page.locator('.ant-message').getByText('三组投票站已安排工作人员 1 名，不能删除').waitFor();
    await page.getByTestId('remove-place-08').click();
    await confirmPopconfirm(page);
    await expect.poll(() => boxes.allTextContents(), eventually).toEqual(['03']);
  });
});

async function openSheet(page: Page): Promise<void> {
  await page.getByTestId('enter-nominations').click();
  await formReady(page, 'nomination-sheet-form');
}

/** Waits until the focus is in the field with this test id (in the given row of the sheet, if any). */
async function waitForFocus(page: Page, testId: string, row?: number): Promise<void> {
  await page.waitForFunction(
    ({ testId, row }) => {
      const active = document.activeElement;
      const field = active?.closest(`[data-testid="${testId}"]`);
      if (!field) return false;
      return row === null || field.closest('[data-testid="nomination-row"]') === document.querySelectorAll('[data-testid="nomination-row"]')[row];
    },
    { testId, row: row ?? null },
    { timeout: 15_000 },
  );
}

/**
 * One row of the sheet as a clerk types it: the focus is in the row's nominee picker; the name, the
 * one match picked with Enter (which moves to the count), the position if it differs from the row
 * above, the count, and Enter for the next row unless it is the last.
 */
async function enterRow(page: Page, index: number, name: string, count: number, position?: string, options: { readonly last?: boolean } = {}): Promise<void> {
  const row = page.getByTestId('nomination-sheet-form').getByTestId('nomination-row').nth(index);
  if (position) await choosePosition(page, row, position);
  const picker = row.getByTestId('sheet-person');
  await picker.locator('input').fill(name);
  const matches = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(() => matches.evaluateAll((els) => els.map((e) => e.getAttribute('title'))), eventually).toEqual([name]);
  await picker.locator('input').press('Enter');
  await expect.poll(() => picker.textContent(), eventually).toContain(name);
  await waitForFocus(page, 'sheet-count', index);
  await page.keyboard.type(String(count));
  if (!options.last) {
    await page.keyboard.press('Enter');
    await waitForFocus(page, 'sheet-person', index + 1);
  }
}

async function choosePosition(page: Page, row: Locator, position: string): Promise<void> {
  const select = row.getByTestId('sheet-position');
  // On a busy machine antd's dropdown can still be opening (or another one closing) when the
  // option is clicked, and the choice does not take: open and choose again until it shows.
  await vi.waitFor(
    async () => {
      if (!(await select.textContent())?.includes(position)) {
        await select.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${position}$`) }).click({ timeout: 3_000 });
      }
      expect(await select.textContent()).toContain(position);
    },
    { timeout: 30_000, interval: 200 },
  );
}

/** A position's running totals as "name count", in the order shown. */
async function totals(page: Page, position: string): Promise<string[]> {
  const rows = page.getByTestId(`nominations-${position}`).locator('tbody tr.ant-table-row');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => `${tr.querySelector('[data-testid="nominee-name"]')?.textContent} ${tr.querySelector('[data-testid="nominee-count"]')?.textContent}`),
  );
}
