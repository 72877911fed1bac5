/**
 * Counting-day load (issue 6): one server process on PostgreSQL, BOARDS live boards subscribed
 * over SSE, RATE ballot entries per second started through the real GraphQL API (open loop).
 * Prints ballots per second sustained and the entry-to-board latency (p50/p99 over every
 * board × ballot), then the latency of a bare SSE echo server on this machine sending one message
 * to every connection as often as Huanjie sends its boards a batch, for the ratio.
 * Bars: ≥ 1,000 entries/s, p99 < 150 ms. Entries are offered at 1,100/s by default, so that what is
 * sustained shows the bar met rather than the offer; the first WARMUP seconds are not measured.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test tsx bench/live.ts
 * (creates and drops a database `huanjie_bench_live` on that server). Knobs: BOARDS, RATE,
 * SECONDS, WARMUP, ECHO=0 (skip the echo), TIMELINE=1 (latency per half second),
 * BENCH_NODE_FLAGS (the server's node flags, default as `pnpm huanjie`), BENCH_EXTERNAL=1 (measure
 * a server already running on BENCH_PORT and huanjie_bench_live, e.g. under a profiler).
 * Also prints the server's CPU while measured (all threads, and the main thread's share), on Linux.
 * The load generator shares the machine with the server and PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { makeResidentId } from '@huanjie/domain';
import { BATCH_MS } from '@huanjie/schema';

const BOARDS = Number(process.env.BOARDS ?? 500);
const RATE = Number(process.env.RATE ?? 1100);
const SECONDS = Number(process.env.SECONDS ?? 15);
/**
 * Entered at the same rate before measuring, so that the figures are of a server in its stride
 * (JIT, pool, caches, the heap grown to its working size): with TIMELINE=1 the seconds 3 to 6
 * after start show a p50 about twice the later one, which is not what a server up since morning does.
 */
const WARMUP = Number(process.env.WARMUP ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 4555);
const root = path.resolve(import.meta.dirname, '..');

if (!process.env.DATABASE_URL) {
  console.error('bench/live.ts measures PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}
const adminUrl = new URL(process.env.DATABASE_URL);
const benchDb = new URL(adminUrl);
benchDb.pathname = '/huanjie_bench_live';

async function recreateDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  await client.query('drop database if exists huanjie_bench_live with (force)');
  await client.query('create database huanjie_bench_live');
  await client.end();
}

function startHuanjie(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Started as `pnpm huanjie start` starts it (package.json), young generation flag included.
    // node itself (tsx as a loader, not as a parent process), so that its CPU time can be read.
    const child = spawn(process.execPath, ['--import', 'tsx', ...(process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=64').split(' ').filter(Boolean), 'apps/server/src/cli.ts', 'start'], {
      cwd: root,
      env: { ...process.env, PORT: String(PORT), DATABASE_URL: benchDb.toString(), REDIS_URL: '', HUANJIE_ADMIN_PASSWORD: 'bench-live-pw-1', HUANJIE_TODAY: '2026-12-20', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('GraphQL API')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const base = `http://127.0.0.1:${PORT}`;
let cookie = '';
async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  return body.data;
}

async function setUp(): Promise<{ electionId: string; boxIds: string[]; marks: string[] }> {
  await gql(`mutation { signIn(username: "admin", password: "bench-live-pw-1") { __typename } }`);
  await gql(`mutation { createCycle(input: { name: "2026年换届", year: 2026, profile: NATIONAL, electionDay: "2026-12-20" }) { __typename } }`);
  const c = await gql(`mutation { createCommunity(input: { code: "L001", name: "压力测试村", kind: VILLAGE, area: RURAL }) { ... on Community { election { id } } } }`);
  const electionId: string = c.createCommunity.election.id;
  const rows = Array.from({ length: 12 }, (_, i) => `候选${i},男,${makeResidentId('510181', `19${60 + i}-01-01`, 1)}`);
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: `mutation($e: ID!, $file: File!) { importVoters(electionId: $e, file: $file) { __typename } }`, variables: { e: electionId, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new File([['姓名,性别,身份证号', ...rows].join('\n')], 'roll.csv'));
  await fetch(`${base}/graphql`, { method: 'POST', headers: { cookie }, body: form });
  const voters = (await gql(`query($e: ID!) { voters(electionId: $e, first: 20) { edges { node { id } } } }`, { e: electionId })).voters.edges.map((x: { node: { id: string } }) => x.node.id);
  await gql(`mutation($e: ID!) { setSeatPlan(electionId: $e, input: { director: 1, deputies: 1, members: 3 }) { __typename } }`, { e: electionId });
  const positions = ['DIRECTOR', 'DIRECTOR', 'DEPUTY', 'DEPUTY', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER', 'MEMBER'];
  const marks: string[] = [];
  for (const [i, position] of positions.entries()) {
    const a = await gql(`mutation($e: ID!, $i: CandidateInput!) { addCandidate(electionId: $e, input: $i) { ... on Candidate { id } } }`, { e: electionId, i: { voterId: voters[i], position } });
    marks.push(`c${Buffer.from(a.addCandidate.id, 'base64').toString().split(':')[1]}`);
  }
  const boxIds: string[] = [];
  for (let b = 0; b < 8; b += 1) {
    const p = await gql(`mutation($e: ID!, $n: String!) { createPollingPlace(electionId: $e, input: { kind: STATION, name: $n, boxNumber: $n }) { ... on PollingPlace { id } } }`, { e: electionId, n: `0${b}` });
    const box = await gql(`mutation($e: ID!, $p: ID!) { openBox(electionId: $e, placeId: $p, ballotsReturned: 1000000) { ... on BoxCount { id } } }`, { e: electionId, p: p.createPollingPlace.id });
    boxIds.push(box.openBox.id);
  }
  return { electionId, boxIds, marks };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/**
 * An SSE connection that reports, with its arrival time, the number after each `marker` (ASCII) in
 * the messages it receives. Cheap on purpose — a bare TCP socket, not node's HTTP client (with it
 * the generator took 0.38 core instead of 0.31), bytes, no decoding, no regular expression — as
 * the load generator shares the machine's two cores with the server and PostgreSQL. The chunked framing between messages is skipped over like the headers: only the
 * marker is looked for. A message split across two reads is put back together first.
 */
function sseNumbers(url: string, body: string | null, marker: string, onNumber: (n: number, at: number) => void): Promise<() => void> {
  const needle = Buffer.from(marker);
  const { hostname, port, pathname } = new URL(url);
  const head = [`${body ? 'POST' : 'GET'} ${pathname} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Accept: text/event-stream', 'Content-Type: application/json', `Content-Length: ${body ? Buffer.byteLength(body) : 0}`];
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    let answered = false;
    let rest: Buffer | null = null;
    socket.on('data', (chunk: Buffer) => {
      const at = performance.now();
      if (!answered) {
        answered = true;
        if (!chunk.toString('latin1', 0, 12).startsWith('HTTP/1.1 200')) {
          socket.destroy();
          return reject(new Error(`subscription refused: ${chunk.toString('utf8', 0, 200)}`));
        }
        resolve(() => socket.destroy());
      }
      const data = rest ? Buffer.concat([rest, chunk]) : chunk;
      const last = data.lastIndexOf('\n\n'); // messages end with a blank line
      const end = last === -1 ? 0 : last + 2;
      rest = end < data.length ? data.subarray(end) : null;
      for (let i = data.indexOf(needle); i !== -1 && i < end; i = data.indexOf(needle, i + 1)) {
        let n = 0;
        for (let j = i + needle.length; data[j]! >= 48 && data[j]! <= 57; j += 1) n = n * 10 + data[j]! - 48;
        onNumber(n, at);
      }
    });
    socket.on('error', (error) => {
      if (!answered) reject(error);
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n${body ?? ''}`);
  });
}

function post(url: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Numbers recorded while measuring, in a growing Float64Array: no object per arrival and nothing
 * for the load generator's own garbage collector to trace. Kept as objects in arrays, the arrivals
 * of 500 boards cost the generator 1 s of young-generation pauses in 15 s (up to 58 ms each; now
 * about 0.3 s), and every pause of the generator was timed as the server's latency.
 */
class Series {
  private data = new Float64Array(4096);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  pair(a: number, b: number): void {
    this.push(a);
    this.push(b);
  }

  get(i: number): number {
    return this.data[i]!;
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
}

function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

async function measureHuanjie(serverPid: number | null): Promise<void> {
  const { electionId, boxIds, marks } = await setUp();
  const snapshot = (await gql(`query($e: ID!) { tallyBoard(electionId: $e) { seq round } }`, { e: electionId })).tallyBoard as { seq: number; round: number };
  /** Per board, per batch received: the last sequence number it brought, and when (pairs). */
  const boards: Series[] = [];
  const stops: (() => void)[] = [];
  const subscription = JSON.stringify({
    query: `subscription($e: ID!, $r: Int, $a: Int) { tallyDeltas(electionId: $e, round: $r, afterSeq: $a) { toSeq tally } }`,
    variables: { e: electionId, r: snapshot.round, a: snapshot.seq },
  });
  for (let i = 0; i < BOARDS; i += 1) {
    const arrivals = new Series();
    boards.push(arrivals);
    stops.push(await sseNumbers(`${base}/graphql`, subscription, '"toSeq":', (seq, at) => arrivals.pair(seq, at)));
  }
  const answers = new Series();
  /** Each entered ballot's seq and when its entry was sent (pairs). */
  const sentAt = new Series();
  console.log(`${BOARDS} boards subscribed to tallyDeltas; entering ${RATE} ballots/s for ${WARMUP} s of warm-up, then ${SECONDS} s measured …`);
  await new Promise((r) => setTimeout(r, 500));

  // Open loop, like a hall of clerks each entering a ballot every two seconds: RATE entries are
  // started per second whatever the server's answers, so a slow server shows as latency, not as a
  // politely lower rate.
  let entered = 0;
  let failed = 0;
  /** What the first refused entry was answered, so a refusal is explained, not only counted. */
  let firstFailure = '';
  let n = 0;
  let inflight = 0;
  const begun = performance.now();
  const started = begun + WARMUP * 1000;
  let cpuAtStart: ReturnType<typeof cpuSeconds> = null;
  if (serverPid) setTimeout(() => (cpuAtStart = cpuSeconds(serverPid)), WARMUP * 1000);
  while (performance.now() - begun < (WARMUP + SECONDS) * 1000) {
    const due = Math.floor(((performance.now() - begun) / 1000) * RATE);
    for (; n < due; n += 1) {
      const sections = [[marks[n % 2]!], [marks[2 + (n % 2)]!], [marks[4 + (n % 5)]!, marks[4 + ((n + 1) % 5)]!, ...(n % 50 === 0 ? ['王小明'] : [])]];
      const t0 = performance.now();
      inflight += 1;
      void post(
        `${base}/graphql`,
        JSON.stringify({ query: `mutation($i: BallotInput!) { recordBallot(input: $i) { __typename ... on Ballot { seq } } }`, variables: { i: { boxId: boxIds[n % boxIds.length], clientId: `bench-${n}-${process.pid}`, sections } } }),
        { cookie },
      ).then(
        (text) => {
          if (t0 < started) return;
          answers.push(performance.now() - t0);
          const seq = /"seq":(\d+)/.exec(text);
          if (seq) {
            entered += 1;
            sentAt.pair(Number(seq[1]), t0);
          } else {
            failed += 1;
            firstFailure ||= text.slice(0, 200);
          }
        },
        (error: unknown) => {
          if (t0 < started) return;
          failed += 1;
          firstFailure ||= String(error);
        },
      ).finally(() => (inflight -= 1));
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  while (inflight > 0) await new Promise((r) => setTimeout(r, 10));
  const seconds = (performance.now() - started) / 1000;
  const cpuAtEnd = serverPid ? cpuSeconds(serverPid) : null;
  await new Promise((r) => setTimeout(r, 1000));
  for (const stop of stops) stop();

  // Entry-to-board latency of every ballot on every board: the first batch whose toSeq covers it.
  const ballots = Array.from({ length: sentAt.length / 2 }, (_, k) => [sentAt.get(2 * k), sentAt.get(2 * k + 1)] as const).sort((a, b) => a[0] - b[0]);
  /** For each ballot, in seq order: the delay until `arrivals` brought it (NaN if it never did). */
  const delays = function* (arrivals: Series): Generator<readonly [t0: number, delay: number]> {
    let i = 0;
    const batches = arrivals.length / 2;
    for (const [seq, t0] of ballots) {
      while (i < batches && arrivals.get(2 * i) < seq) i += 1;
      yield [t0, i < batches ? arrivals.get(2 * i + 1) - t0 : NaN];
    }
  };
  const latencies = new Float64Array(ballots.length * boards.length);
  let delivered = 0;
  let missing = 0;
  for (const arrivals of boards) {
    for (const [, delay] of delays(arrivals)) {
      if (Number.isNaN(delay)) missing += 1;
      else latencies[delivered++] = delay;
    }
  }
  if (process.env.TIMELINE) {
    // Per 500 ms of entry start: p50/p99 entry-to-board latency (diagnosis).
    const bins = new Map<number, number[]>();
    for (const arrivals of boards.slice(0, 20)) {
      for (const [t0, delay] of delays(arrivals)) {
        if (Number.isNaN(delay)) continue;
        const k = Math.floor((t0 - started) / 500);
        if (!bins.has(k)) bins.set(k, []);
        bins.get(k)!.push(delay);
      }
    }
    for (const [k, v] of [...bins].sort((a, b) => a[0] - b[0])) {
      v.sort((a, b) => a - b);
      console.log(`  t=${(k / 2).toFixed(1)}s p50 ${percentile(v, 50).toFixed(0)} p99 ${percentile(v, 99).toFixed(0)} max ${v.at(-1)!.toFixed(0)}`);
    }
  }
  const sortedLatencies = latencies.subarray(0, delivered).sort();
  const sortedAnswers = answers.sorted();
  console.log(`Huanjie: ${entered} ballots in ${seconds.toFixed(1)} s → ${Math.round(entered / seconds).toLocaleString('en')} entries/s sustained (bar 1,000)${failed ? `, ${failed} refused (first: ${firstFailure})` : ''}; entry answered p50 ${percentile(sortedAnswers, 50).toFixed(1)} ms, p99 ${percentile(sortedAnswers, 99).toFixed(1)} ms`);
  console.log(`  ${delivered.toLocaleString('en')} ballot deliveries to boards${missing ? ` (${missing} missing)` : ''}; entry-to-board latency p50 ${percentile(sortedLatencies, 50).toFixed(1)} ms, p99 ${percentile(sortedLatencies, 99).toFixed(1)} ms (bar 150 ms)`);
  lastHuanjieP99 = percentile(sortedLatencies, 99);
  if (cpuAtStart && cpuAtEnd) {
    const { process: p0, main: m0 } = cpuAtStart;
    console.log(`  server CPU while measured: ${((cpuAtEnd.process - p0) / seconds).toFixed(2)} cores in all, main thread ${Math.round((100 * (cpuAtEnd.main - m0)) / seconds)} % busy`);
  }
}

let lastHuanjieP99 = NaN;

/** CPU seconds used so far by a process, and by its main thread alone (Linux /proc; null elsewhere). */
function cpuSeconds(pid: number): { process: number; main: number } | null {
  const read = (file: string) => {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (1/100 s).
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  try {
    return { process: read(`/proc/${pid}/stat`), main: read(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return null;
  }
}

/** The floor: a bare node:http server that writes each POSTed line to every SSE connection. */
async function measureEcho(): Promise<void> {
  const code = `
    const http = require('node:http');
    const clients = new Set();
    const server = http.createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
        res.write(': ok\\n\\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const line = 'data: ' + body + '\\n\\n';
        for (const c of clients) c.write(line);
        res.end('ok');
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  const url = `http://127.0.0.1:${port}`;
  const sent = new Map<number, number>();
  const latencies = new Series();
  const stops: (() => void)[] = [];
  for (let i = 0; i < BOARDS; i += 1) {
    stops.push(
      await sseNumbers(url, null, 'tag', (tag, at) => {
        const t0 = sent.get(tag);
        if (t0 !== undefined) latencies.push(at - t0);
      }),
    );
  }
  await new Promise((r) => setTimeout(r, 300));
  // Open loop at the rate Huanjie writes to each board (one batch every BATCH_MS): the floor of
  // getting one message to every connection on this machine.
  const rate = 1000 / BATCH_MS;
  const began = performance.now();
  let n = 0;
  const posts: Promise<string>[] = [];
  while (performance.now() - began < 5000) {
    for (const due = Math.floor(((performance.now() - began) / 1000) * rate); n < due; n += 1) {
      sent.set(n, performance.now());
      posts.push(post(url, `tag${n}`, {}));
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(posts);
  await new Promise((r) => setTimeout(r, 500));
  for (const stop of stops) stop();
  child.kill();
  const sorted = latencies.sorted();
  const p99 = percentile(sorted, 99);
  console.log(`bare SSE echo: ${Number(rate.toFixed(1))} messages/s to ${BOARDS} connections (one per ${BATCH_MS} ms, as Huanjie's boards get); latency p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  console.log(`ratio Huanjie p99 / echo p99: ${(lastHuanjieP99 / p99).toFixed(1)}×`);
}

if (process.env.BENCH_EXTERNAL) {
  // A server started by hand (e.g. under --cpu-prof) on BENCH_PORT and huanjie_bench_live.
  await measureHuanjie(null);
} else {
  await recreateDatabase();
  const server = await startHuanjie();
  try {
    await measureHuanjie(server.pid ?? null);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
if (process.env.ECHO !== "0") await measureEcho();
if (!process.env.BENCH_EXTERNAL) {
  // The external server still holds its connections; whoever started it drops the database.
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  await client.query('drop database if exists huanjie_bench_live with (force)');
  await client.end();
}
process.exit(0);
