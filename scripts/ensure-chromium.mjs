#!/usr/bin/env node
// The browser tests drive Debian's Chromium (no browser download is possible here). Install it,
// with CJK fonts for the screenshots, when it is missing and we may (root with apt-get).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    `未找到 Chromium（${chromium}），浏览器测试需要它。请安装：sudo apt-get install chromium fonts-noto-cjk\n` +
      `Chromium not found at ${chromium}; the browser tests need it: sudo apt-get install chromium fonts-noto-cjk`,
  );
  process.exit(1);
}
console.log('Installing chromium and CJK fonts with apt-get …');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execSync('apt-get update -qq', { stdio: 'inherit', env });
execSync('apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit', env });
