/**
 * What the browser tests share: the real server on a fresh embedded database, Debian's Chromium,
 * the sign-in form, and GraphQL calls made with the browser's own session (for test setup only).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.ts';
import { adminDist, tallyDist } from '../../src/static.ts';
import { launchChromium } from './chromium.ts';

export interface BrowserRig {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Fails with the way out when the apps are not built (turbo builds them before the tests). */
export function requireBuiltApps(): void {
  for (const dist of [adminDist, tallyDist]) {
    if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist} is not built: run pnpm build (turbo builds it before this test)`);
  }
}

export async function startBrowserRig(options: { readonly adminPassword: string; readonly today: string }): Promise<BrowserRig> {
  requireBuiltApps();
  // Always the embedded database: these tests are about the apps, the PostgreSQL run covers the API.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'huanjie-browser-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, adminPassword: options.adminPassword, today: options.today });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const latency = Number(process.env.BROWSER_TEST_LATENCY_MS ?? 0);
    if (latency > 0) {
      // BROWSER_TEST_LATENCY_MS=1200 delays every GraphQL request: a test that passes so waits for the screen, not for luck.
      await page.route('**/graphql', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, latency));
        await route.continue();
      });
    }
    const running = { server, browser };
    return {
      server,
      browser,
      context,
      page,
      async close() {
        await running.browser.close();
        await running.server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Waits until a FormModal has finished opening: it focuses its first field once its animation is
 * over, and a click during the animation can miss (seen on a loaded machine).
 */
export async function formReady(page: Page, formTestId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement?.closest(`[data-testid="${id}"]`) != null, formTestId, { timeout: 15_000 });
}

/** Keeps a picture of the page when a test failed, and says where. */
export async function screenshotOnFailure(page: Page | undefined, test: { readonly name: string; readonly result?: { readonly state: string } | undefined }): Promise<void> {
  if (!page || test.result?.state !== 'fail') return;
  const dir = path.join(tmpdir(), 'huanjie-browser-failures');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${test.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  console.error(`screenshot of the failure: ${file}`);
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.keyboard.press('Enter'); // Enter submits: the form is keyboard-first
}

export interface GraphQLResult<T> {
  readonly data?: T;
  readonly errors?: readonly { readonly message: string }[];
}

/** A GraphQL request with the page's session cookie: for setting up what a test is not about. */
export async function graphqlAs<T>(page: Page, baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables } });
  const body = (await response.json()) as GraphQLResult<T>;
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/**
 * Clicks 确定 of the open Popconfirm once its opening animation is over: a click while it still
 * scales up can land beside the button (a run failed so), Playwright's stability check notwithstanding.
 * Closed Popconfirms stay in the page, hidden: only the open one is meant.
 */
export async function confirmPopconfirm(page: Page): Promise<void> {
  const popconfirm = page.locator('.ant-popconfirm:not(.ant-popover-hidden):not([class*="-appear"]):not([class*="-enter"])');
  await popconfirm.getByRole('button', { name: /确\s*定/ }).click();
  await popconfirm.waitFor({ state: 'hidden' });
}
