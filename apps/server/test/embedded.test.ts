/** The embedded database (PGlite under the data directory); excluded from the PostgreSQL run. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server.ts';
import { CREATE_COMMUNITY } from './harness.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('the server on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'huanjie-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps all data across a restart', async () => {
    const first = await startServer({ port: 0, host: '127.0.0.1', dataDir, adminPassword: 'restart-pw-1' });
    expect(first.firstAdmin).toEqual({ username: 'admin', password: 'restart-pw-1' });
    const post = (url: string, body: unknown, cookie = '') =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    const signIn = { query: `mutation { signIn(username: "admin", password: "restart-pw-1") { __typename } }` };
    let res = await post(first.url, signIn);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    await post(first.url, { query: CREATE_COMMUNITY, variables: { input: { code: 'R1', name: '重启村', kind: 'VILLAGE', area: 'RURAL' } } }, cookie);
    expect((await fetch(`${first.url}/healthz`).then((r) => r.json())) as unknown).toEqual({ ok: true, database: 'pglite' });
    await first.close();

    const second = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    try {
      expect(second.firstAdmin).toBeNull();
      res = await post(second.url, { query: `{ community(code: "R1") { name } }` }, cookie);
      expect(await res.json()).toEqual({ data: { community: { name: '重启村' } } });
    } finally {
      await second.close();
    }
  });

  it('answers the CLI: communities as JSON only, and verify-audit naming the broken link', async () => {
    const env = { ...process.env, HUANJIE_DATA_DIR: dataDir, DATABASE_URL: '' };
    const cli = (args: string[]) => run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/server/src/cli.ts', ...args], { cwd: repoRoot, env });
    const list = await cli(['communities']);
    expect(JSON.parse(list.stdout)).toEqual([{ code: 'R1', name: '重启村', kind: 'village' }]);
    const verified = await cli(['verify-audit']);
    expect(verified.stdout).toMatch(/审计日志完整：共 \d+ 条记录/);
  });
});
