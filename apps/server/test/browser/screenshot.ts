/**
 * Saves the README's picture of the township overview (docs/overview.png, 1440×900): the demo
 * township of `seed-demo`, seen on a fixed day in the run-up to the elections so that the picture
 * is the same on every run and shows some communities behind schedule.
 * Needs the built admin console: `pnpm build`, then `pnpm --filter @huanjie/server screenshot`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { seedDemoCommand } from '../../src/commands/seed-demo.ts';
import { startServer } from '../../src/server.ts';
import { adminDist } from '../../src/static.ts';
import { launchChromium } from './chromium.ts';

const TODAY = '2026-12-10';
const PASSWORD = 'screenshot-admin-pw';
const output = path.resolve(import.meta.dirname, '../../../../docs/overview.png');

if (!existsSync(path.join(adminDist, 'index.html'))) {
  console.error('管理后台尚未构建，请先运行 pnpm build / build the admin console first: pnpm build');
  process.exit(1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'huanjie-screenshot-'));
try {
  // The embedded database always, whatever DATABASE_URL says: the picture must not depend on it.
  const config = loadConfig({ HUANJIE_DATA_DIR: dataDir, HUANJIE_TODAY: TODAY, HUANJIE_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' });
  if ((await seedDemoCommand(config)) !== 0) throw new Error('seed-demo failed');
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, today: TODAY, adminPassword: PASSWORD });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('sign-in-username').fill('admin');
    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid^="overview-row-"]').first().waitFor();
    await page.getByTestId('township-name').filter({ hasText: /\S/ }).waitFor();
    await page.mouse.move(0, 899); // no hover highlight in the picture
    await page.waitForTimeout(300); // let the progress bars finish their transition
    mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output });
    console.log(`已保存 saved ${path.relative(process.cwd(), output)}`);
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
