import { defineConfig } from 'vitest/config';

// script-lock needs a second connection to PostgreSQL; the suites pick their database from the
// environment, so none is ever reported "skipped".
const exclude = ['node_modules/**'];
if (!process.env.DATABASE_URL) exclude.push('test/script-lock.test.ts');

export default defineConfig({ test: { include: ['test/**/*.test.ts'], exclude, testTimeout: 30_000, hookTimeout: 60_000 } });
