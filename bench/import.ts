/**
 * Voter-roll import at township scale: 100,000 rows through the real import path (file parse,
 * domain checks, staging, set-based duplicate checks, insert) into a fresh database.
 * Bars (issue 4): ≤ 10 s on PGlite, ≤ 5 s on PostgreSQL. `DATABASE_URL=… tsx bench/import.ts`
 * measures PostgreSQL (in a throwaway schema).
 */
import { sql } from 'drizzle-orm';
import { makeResidentId } from '@huanjie/domain';
import { ensureInitialAdmin, ensureTownship, fixedClock, importVoters, createCommunity, createCycle } from '@huanjie/schema';
import { createApp } from '../apps/server/src/yoga.ts';
import { openDatabase } from '../apps/server/src/server.ts';

const ROWS = Number(process.env.ROWS ?? 100_000);
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const given = ['建国', '秀英', '伟', '芳', '明', '静', '强', '丽', '军', '敏', '洋', '艳'];

function buildCsv(rows: number): Uint8Array {
  const lines = ['姓名,性别,公民身份号码,村民小组,户号,住址,登记类别'];
  for (let i = 0; i < rows; i += 1) {
    const year = 1940 + (i % 66);
    const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const seq = (Math.floor(i / 792) * 2 + (i % 2)) % 1000;
    // Distinct people: vary the region tail and the date; odd sequence = male.
    const region = `5101${String(10 + (Math.floor(i / 1000) % 90)).padStart(2, '0')}`;
    const id = makeResidentId(region, day, seq);
    const sex = seq % 2 === 1 ? '男' : '女';
    const name = `${surnames[i % surnames.length]}${given[i % given.length]}`;
    lines.push(`${name},${sex},${id},${(i % 12) + 1}组,${String(i).padStart(6, '0')},龙凤社区${(i % 12) + 1}组,1`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const onPostgres = Boolean(process.env.DATABASE_URL);
const schema = onPostgres ? `bench_import_${process.pid}` : undefined;
const database = await openDatabase({ dataDir: 'memory://', databaseUrl: process.env.DATABASE_URL, schema });
const clock = fixedClock('2026-11-25');
const ctx = { db: database.db, actor: null, clock };
await ensureTownship(database.db);
await createCycle(ctx, { name: '2026年换届', year: 2026, profile: 'sichuan', electionDay: '2026-12-20' });
await createCommunity(ctx, { code: 'B001', name: '龙凤社区', kind: 'village', area: 'rural' });

const csv = buildCsv(ROWS);
console.log(`voter import bench: ${ROWS} rows, ${(csv.byteLength / 1e6).toFixed(1)} MB CSV, ${database.kind}`);
const started = performance.now();
const phases: Record<string, number> = {};
const result = await importVoters(ctx, 1, 'bench.csv', csv, (p) => {
  phases[p.phase] ??= performance.now() - started;
});
const seconds = (performance.now() - started) / 1000;
if (!result.ok) throw new Error(result.error.message);
const { rows, imported, rejected, duplicates } = result.value;
console.log(JSON.stringify({ rows, imported, rejected, duplicates }));
console.log(`phases (ms from start): ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
console.log(`total ${seconds.toFixed(2)} s → ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s (bar: ${onPostgres ? 5 : 10} s)`);

// A second import of the same file: every row is now a township-wide duplicate.
const again = performance.now();
const second = await importVoters(ctx, 1, 'bench.csv', csv);
if (!second.ok) throw new Error(second.error.message);
console.log(`re-import (all duplicates): ${((performance.now() - again) / 1000).toFixed(2)} s, duplicates ${second.value.duplicates}`);

// The list screen at this size: one page with its total, by search kind, through the real API.
const yoga = createApp({ database, clock });
await ensureInitialAdmin(ctx, 'bench-password-1');
const signIn = await yoga.fetch('http://localhost/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { signIn(username: "admin", password: "bench-password-1") { __typename } }' }),
});
const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
const electionId = Buffer.from('Election:1').toString('base64');
for (const search of ['', '张', 'zjg', '0016']) {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: `query($e: ID!, $s: String) { voters(electionId: $e, search: $s, first: 50) { totalCount edges { node { serial name sex residentId group age } } } }`, variables: { e: electionId, s: search } }),
    });
    const body = (await res.json()) as { data?: { voters: { totalCount: number } }; errors?: unknown };
    if (!body.data) throw new Error(JSON.stringify(body.errors).slice(0, 300));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`list page of ${ROWS.toLocaleString('en')} voters, search ${JSON.stringify(search)}: median ${times[2]!.toFixed(0)} ms`);
}

if (schema) await database.db.execute(sql.raw(`drop schema ${schema} cascade`));
await database.close();
