/**
 * The walking skeleton end to end in a real browser: Debian's Chromium driving the built admin
 * console and tally app, served by the real server on a real (embedded) database.
 * Needs `vite build` of apps/admin and apps/tally first (turbo's test task builds them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { communityImportTemplate } from '../../../../packages/schema/src/organization/import.ts';
import type { RunningServer } from '../../src/server.ts';
import { signIn, startBrowserRig, type BrowserRig } from './helpers.ts';

const PASSWORD = 'browser-admin-pw';

/** vitest's default poll of 1 s is shorter than a round trip plus a re-render on a loaded machine. */
const eventually = { timeout: 15_000, interval: 100 };

describe('the admin console and the tally app in a browser', () => {
  let rig: BrowserRig | undefined;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    rig = await startBrowserRig({ adminPassword: PASSWORD, today: '2026-11-25' });
    ({ server, browser, page } = rig);
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('sends a signed-out visitor to sign-in, and refuses a wrong password in Chinese', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.getByTestId('sign-in-notice').count()).toBe(0); // a first visit is no error
    await signIn(page, 'admin', 'not-the-password');
    await expect.poll(() => page.getByTestId('sign-in-error').textContent(), eventually).toContain('用户名或密码错误');
    await signIn(page, 'admin', PASSWORD);
    await page.waitForURL(`${server.url}/`);
    await page.getByText('全镇换届进度').waitFor();
    await page.getByTestId('township-name').filter({ hasText: /\S/ }).waitFor();
  });

  it('sets up the cycle with its default election day', async () => {
    await page.getByRole('menuitem', { name: '换届周期' }).click();
    await page.getByText('设立换届周期').waitFor();
    const day = page.getByPlaceholder('请选择日期');
    await day.click();
    await day.fill('2026-12-20');
    await day.press('Enter'); // confirms the day and submits the form
    await page.getByText('各社区选举日').waitFor();
  });

  it('creates a community, and shows the server’s message when its code is used twice, keeping what was typed', async () => {
    await page.getByRole('menuitem', { name: '社区' }).click();
    await page.getByTestId('create-community').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), eventually).toBe('community-code');
    await page.keyboard.type('T001');
    await page.getByTestId('community-name').fill('测试村');
    await page.keyboard.press('Enter');
    await page.getByTestId('community-link-T001').waitFor();

    await page.getByTestId('create-community').click();
    await page.getByTestId('community-code').fill('T001');
    await page.getByTestId('community-name').fill('另一个村');
    await page.keyboard.press('Enter');
    await page.getByText('社区代码 T001 已被“测试村”使用').waitFor();
    expect(await page.getByTestId('community-name').inputValue()).toBe('另一个村');
    await page.keyboard.press('Escape');
  });

  it('imports a spreadsheet, listing each bad row and keeping the good ones', async () => {
    await page.getByTestId('import-communities').click();
    const csv = ['社区代码,社区名称,类型,区域,小组,户数,人口', 'T002,导入村,村,农村,一组,40,130', 'T003,坏行村,镇,农村,一组,10,20'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'communities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByTestId('import-summary').textContent(), eventually).toContain('共 2 行：新增 2 项，更新 0 项，未导入 1 行。');
    const errors = page.getByTestId('import-errors');
    expect(await errors.textContent()).toContain('类型“镇”无法识别，应为“村”或“居”');
    await page.keyboard.press('Escape');
    await page.getByTestId('community-link-T002').waitFor();
  });

  it('ticks a checklist step and the overview counts it', async () => {
    await page.getByRole('menuitem', { name: '全镇总览' }).click();
    const done = page.getByTestId('steps-done-T001');
    await expect.poll(() => done.textContent(), eventually).toBe('0/9');
    await page.getByTestId('overview-row-T001').getByTestId('overdue-T001-SURVEY').waitFor();

    await page.getByTestId('overview-row-T001').getByRole('link', { name: '测试村' }).click();
    await page.getByTestId('community-title').waitFor();
    const survey = page.getByTestId('step-SURVEY');
    expect(await survey.isChecked()).toBe(false);
    await survey.click();
    await expect.poll(() => page.getByTestId('status-SURVEY').textContent(), eventually).toBe('已完成');
    expect(await survey.isChecked()).toBe(true);

    await page.getByRole('menuitem', { name: '全镇总览' }).click();
    await expect.poll(() => done.textContent(), eventually).toBe('1/9');
    expect(await page.getByTestId('overdue-T001-SURVEY').count()).toBe(0);
  });

  it('switches to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByText('Township progress').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByText('Township progress').waitFor(); // the choice is kept
    await page.getByTestId('lang-switch').click();
    await page.getByText('全镇换届进度').waitFor();
  });

  it('offers an import template with exactly the columns the server reads', async () => {
    const href = await page.goto(`${server.url}/communities`).then(() => page.getByTestId('download-template').getAttribute('href'));
    const res = await fetch(`${server.url}${href}`);
    expect(res.status).toBe(200);
    const header = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header?.split(',')).toEqual([...communityImportTemplate.headers]);
  });

  it('opens the tally app at /tally: sign-in, then the election picker', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    try {
      const tally = await context.newPage();
      await tally.goto(`${server.url}/tally/`);
      await tally.waitForURL(/\/tally\/sign-in$/);
      await tally.getByText('换届选举计票系统').waitFor();
      await signIn(tally, 'admin', PASSWORD);
      await tally.getByTestId('election-picker').waitFor();
      await tally.getByTestId('election-T001').click();
      await tally.getByTestId('tally-election').waitFor();
      expect(await tally.getByTestId('tally-election').textContent()).toContain('测试村');
      expect(await tally.getByTestId('tally-election').textContent()).toContain('2026年12月20日');
    } finally {
      await context.close();
    }
  });

  it('sends the user back to sign-in with the server’s reason when the session is gone', async () => {
    await page.context().clearCookies();
    await page.getByRole('menuitem', { name: '全镇总览' }).click();
    await page.waitForURL(/\/sign-in$/);
    await expect.poll(() => page.getByTestId('sign-in-notice').textContent(), eventually).toContain('请先登录');
  });
});
