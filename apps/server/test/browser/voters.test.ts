/**
 * Voter registration and the run-up to the vote in a real browser (issues 4 and 5): the import with
 * its live progress and per-row report, search, publication, certificates, seats, candidates with
 * the formal list check, the overview's flags, and the printable ballot. Needs the built admin
 * console (turbo builds it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeResidentId } from '@huanjie/domain';
import { confirmPopconfirm, formReady, graphqlAs, screenshotOnFailure, signIn, startBrowserRig, type BrowserRig } from './helpers.ts';

const PASSWORD = 'browser-voters-pw';
const ZHANG_SAN = makeResidentId('510181', '1980-01-01', 11);
const id = (birth: string, seq: number) => makeResidentId('510181', birth, seq);

// 12 registrable people, one person twice, and one planted error of each kind.
const PEOPLE: readonly (readonly [name: string, sex: '男' | '女', birth: string, group: string])[] = [
  ['王强', '男', '1980-09-09', '一组'], ['李秀英', '女', '1975-06-12', '一组'], ['赵丽', '女', '1985-01-20', '二组'],
  ['刘伟', '男', '1972-11-11', '二组'], ['陈静', '女', '1990-02-02', '二组'], ['杨明', '男', '1966-07-07', '三组'],
  ['黄芳', '女', '1988-08-08', '三组'], ['周军', '男', '1979-04-04', '三组'], ['吴敏', '女', '1983-05-05', '一组'],
  ['徐洋', '男', '1992-10-10', '一组'], ['孙艳', '女', '1970-12-12', '二组'],
];
const ROLL = [
  '姓名,性别,公民身份号码,村民小组,户号,住址,登记类别,批准情况',
  `张三,男,${ZHANG_SAN},一组,01-001,金花村一组1号,1,`,
  ...PEOPLE.map(([name, sex, birth, group], i) => `${name},${sex},${id(birth, i * 2 + (sex === '男' ? 21 : 22))},${group},,,1,`),
  `赵六,男,${id('1970-05-05', 35).slice(0, 17)}${id('1970-05-05', 35).endsWith('0') ? '1' : '0'},一组,,,1,`, // wrong check digit
  `钱七,男,510181700505035,一组,,,1,`, // 15-digit legacy number
  `吴十,男,${id('2009-01-01', 43)},一组,,,1,`, // 17 on election day
  `,男,${id('1962-08-08', 49)},一组,,,1,`, // no name
  `张三,男,${ZHANG_SAN},一组,,,1,`, // the same person twice in the file
].join('\n');
const REGISTERED = 1 + PEOPLE.length;

/**
 * How long a poll may wait for the screen to catch up with the server. vitest's default of 1 s is
 * shorter than a round trip plus a re-render on a loaded two-core machine: a run failed that way.
 */
const eventually = { timeout: 15_000, interval: 100 };

describe('voter registration and the run-up to the vote in a browser', () => {
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

  it('signs in; the cycle and a community are set up; the overview flags a voter list past its publication day', async () => {
    await page.goto(`${url}/sign-in`);
    await signIn(page, 'admin', PASSWORD);
    await page.getByText('全镇换届进度').waitFor();
    // Set-up through the API with the browser's session: the foundation test covers these screens.
    await graphqlAs(page, url, `mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
    await graphqlAs(page, url, `mutation { createCommunity(input: { code: "K001", name: "金花村", kind: VILLAGE, area: RURAL }) { __typename } }`);
    // Election day 12-10: the list was due on 11-20 (C5), five days before today.
    await graphqlAs(page, url, `mutation { createCommunity(input: { code: "K002", name: "银花村", kind: VILLAGE, area: RURAL, electionDay: "2026-12-10" }) { __typename } }`);
    await page.reload();
    await page.getByTestId('overdue-K002-voter-list').waitFor();
    expect(await page.getByTestId('overdue-K001-voter-list').count()).toBe(0);
    await page.goto(`${url}/communities/K001`);
    await page.getByTestId('tab-voters').click();
    await page.waitForURL(/\/communities\/K001\/voters$/);
    await page.getByTestId('deadline-VOTER_REGISTRATION').waitFor();
    expect(await page.getByTestId('deadline-VOTER_REGISTRATION').textContent()).toContain('2026年11月30日'); // 20 days before 12-20
  });

  it('imports a roll with planted errors: the progress bar reaches 100% from the server’s events, then the row-by-row report', async () => {
    await page.getByTestId('view-import').click();
    await page.getByTestId('voter-import-file').setInputFiles({ name: 'roll.csv', mimeType: 'text/csv', buffer: Buffer.from(ROLL) });
    const progress = page.getByTestId('voter-import-progress');
    // data-phase and the percentage are fed only by the importProgress subscription.
    await expect.poll(() => progress.getAttribute('data-phase'), eventually).toBe('done');
    expect(await progress.getAttribute('data-percent')).toBe('100');
    await page.getByTestId('voter-import-summary').waitFor();
    expect(await page.getByTestId('voter-import-summary').textContent()).toContain(`共 17 行：导入 ${REGISTERED} 人，未导入 4 行，重复登记 1 人。`);
    const errors = (await page.getByTestId('voter-import-errors').textContent()) ?? '';
    for (const reason of ['校验码错误', '15 位旧身份证号码', '未满 18 周岁', '姓名为空', '与第 2 行的公民身份号码重复']) expect(errors).toContain(reason);

    const report = await page.getByTestId('voter-import-report').getAttribute('href');
    const download = await page.request.get(`${url}${report}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');
    const template = await page.request.get(`${url}${await page.getByTestId('voter-template').getAttribute('href')}`);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
  });

  it('finds 张三 by the initials "zs", ID masked, and shows the full number on request', async () => {
    await page.getByRole('tab', { name: '选民名单' }).click();
    const search = page.getByTestId('voter-search').locator('input');
    await search.fill('zs');
    await search.press('Enter');
    const names = page.getByTestId('voter-table').getByTestId('voter-name');
    await expect.poll(() => names.allTextContents(), eventually).toEqual(['张三']);
    const residentId = page.getByTestId('voter-table').getByTestId('resident-id');
    expect(await residentId.textContent()).toBe(`${ZHANG_SAN.slice(0, 6)}********${ZHANG_SAN.slice(-4)}`);
    await page.getByTestId('reveal-id').click();
    await expect.poll(() => residentId.textContent(), eventually).toBe(ZHANG_SAN);
  });

  it('publishes the list on time; afterwards an addition without a reason gets the server’s message under the reason', async () => {
    await page.getByTestId('view-publication').click();
    await page.getByTestId('publish-voter-list').click();
    await confirmPopconfirm(page);
    await page.getByTestId('voter-list-sha').waitFor();
    expect(await page.getByTestId('voter-list-versions').textContent()).toContain('按时公布');
    await expect.poll(() => page.getByTestId('voters-published').textContent(), eventually).toContain('第 1 版');

    await page.getByRole('tab', { name: '选民名单' }).click();
    await page.getByTestId('register-voter').click();
    await formReady(page, 'register-voter-form');
    const form = page.getByTestId('register-voter-form');
    await form.getByTestId('voter-form-name').fill('何小明');
    await form.getByRole('radio', { name: '男' }).check();
    await form.getByTestId('voter-form-id').fill(id('1991-03-03', 71));
    await form.getByTestId('form-submit').click();
    await form.getByText('选民名单已公布，增减选民须填写原因（将作为补充公告公布）').waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
  });

  it('prints one certificate with its QR code per voter, and a public list without ID numbers', async () => {
    await page.goto(`${url}/communities/K001/print/certificates`);
    await page.getByTestId('certificates-range').waitFor();
    expect(await page.getByTestId('certificate').count()).toBe(REGISTERED);
    expect(await page.locator('[data-testid="certificate"] svg').count()).toBe(REGISTERED);
    expect(await page.getByTestId('certificate').first().textContent()).toContain('张三');

    await page.goto(`${url}/communities/K001/print/voter-list`);
    await page.getByTestId('public-voter-list').waitFor();
    expect(await page.getByTestId('public-voter').count()).toBe(REGISTERED);
    expect(await page.getByTestId('public-voter-list').textContent()).not.toContain(ZHANG_SAN.slice(6, 14));
  });

  it('sets the seats (refusing a plan outside 3–7 with the server’s reason), adds candidates and shows the formal list check', async () => {
    await page.goto(`${url}/communities/K001/candidates`);
    await page.getByTestId('deadline-NOMINATION').waitFor();
    const seats = async (director: number, deputies: number, members: number) => {
      await page.getByTestId('seats-director').fill(String(director));
      await page.getByTestId('seats-deputies').fill(String(deputies));
      await page.getByTestId('seats-members').fill(String(members));
      await page.getByTestId('save-seat-plan').click();
    };
    await seats(1, 1, 6);
    await expect.poll(() => page.getByTestId('seat-plan-error').textContent(), eventually).toContain('应为 3 至 7 名');
    await seats(1, 0, 2);
    await page.getByText('已保存职位与职数').waitFor();

    await addCandidate(page, '王强', '主任');
    await expect.poll(() => page.getByTestId('formal-list-error').allTextContents(), eventually).toContainEqual(expect.stringContaining('D2'));
    await addCandidate(page, '杨明', '主任');
    for (const name of ['赵丽', '陈静', '黄芳']) await addCandidate(page, name, '委员');
    await page.getByTestId('formal-list-ok').waitFor();
    expect(await page.getByTestId('formal-list-error').count()).toBe(0);
    expect(await page.getByTestId('formal-list-warning').allTextContents()).toContainEqual(expect.stringContaining('D5'));
    // The server lists them by position, then in surname stroke order: 王 (4) before 杨 (7).
    expect(await page.getByTestId('candidates-table').getByTestId('candidate-name').allTextContents()).toEqual(['王强', '杨明', '陈静', '赵丽', '黄芳']);
    // D5: the township sees the unsigned commitment letters on its overview.
    await page.getByRole('menuitem', { name: '全镇总览' }).click();
    await expect.poll(() => page.getByTestId('unsigned-K001').textContent(), eventually).toBe('5 名候选人未签承诺书');
  });

  it('prints the ballot: a section per position, candidates in order, a mark box each, and the write-in columns', async () => {
    await page.goto(`${url}/communities/K001/print/ballot`);
    await page.getByTestId('ballot-section').first().waitFor();
    expect(await page.getByTestId('ballot-instruction').textContent()).toContain('同意的在姓名下方空格内划○，不同意的不划；另选他人的在另选人栏内写上姓名');
    const sections = page.getByTestId('ballot-section');
    expect(await sections.count()).toBe(2);
    expect(await sections.nth(0).locator('h2').textContent()).toContain('主任');
    expect(await sections.nth(0).getByTestId('ballot-candidate').allTextContents()).toEqual(['王强', '杨明']);
    expect(await sections.nth(0).getByTestId('ballot-write-in').count()).toBe(1);
    expect(await sections.nth(1).getByTestId('ballot-candidate').allTextContents()).toEqual(['陈静', '赵丽', '黄芳']);
    expect(await sections.nth(1).getByTestId('ballot-write-in').count()).toBe(2);
  });
});

/** The add-candidate dialog, as a user drives it: search the voter list, pick, choose the position. */
async function addCandidate(page: Page, name: string, position: string): Promise<void> {
  await page.getByTestId('add-candidate').click();
  await formReady(page, 'add-candidate-form');
  const form = page.getByTestId('add-candidate-form');
  await pickVoter(page, 'candidate-voter', name);
  // antd's button-style radios hide their input: click the label, then make sure it took.
  await form.locator('label').filter({ hasText: new RegExp(`^\\s*${position}\\s*$`) }).click();
  await expect.poll(() => form.getByRole('radio', { name: position, exact: true }).isChecked(), eventually).toBe(true);
  await form.getByTestId('form-submit').click();
  await form.waitFor({ state: 'hidden' });
  await page.getByTestId('candidates-table').getByText(name, { exact: true }).waitFor();
}

/** Types a name into a VoterPicker, waits until the server's answer is that one voter, and picks it with Enter. */
async function pickVoter(page: Page, pickerTestId: string, name: string): Promise<void> {
  const picker = page.getByTestId(pickerTestId);
  await picker.locator('input').fill(name);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect.poll(() => options.evaluateAll((els) => els.map((e) => e.getAttribute('title'))), eventually).toEqual([name]);
  await picker.locator('input').press('Enter');
  await expect.poll(() => picker.textContent(), eventually).toContain(name);
}
