/** The embedded database (PGlite under the data directory); excluded from the PostgreSQL run. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeResidentId } from '@huanjie/domain';
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

  it('imports a voter roll from the CLI and prints only the JSON summary; bad use exits 2 with one line', async () => {
    const env = { ...process.env, HUANJIE_DATA_DIR: dataDir, DATABASE_URL: '', HUANJIE_TODAY: '2026-11-25' };
    const cli = (args: string[]) => run(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/server/src/cli.ts', ...args], { cwd: repoRoot, env });
    const noCycle = await cli(['import-voters', 'nothing.csv', '--community', 'R1']).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect(noCycle).toMatchObject({ code: 2, stdout: '' });
    expect((noCycle as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);

    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
    try {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(username: "admin", password: "restart-pw-1") { __typename } }` }) });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: `mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }` }),
      });
    } finally {
      await server.close();
    }
    const file = path.join(dataDir, 'roll.csv');
    writeFileSync(file, ['姓名,性别,身份证号,村民小组', `张三,男,${makeResidentId('510181', '1980-01-01', 11)},一组`, `张三,男,${makeResidentId('510181', '1980-01-01', 11)},一组`, '李四,男,123,二组'].join('\n'));
    const out = await cli(['import-voters', file, '--community', 'R1']);
    expect(JSON.parse(out.stdout)).toEqual({ rows: 3, imported: 1, rejected: 1, duplicates: 1 });
  });
});
