/**
 * The counting engine at township scale: one round of a 5-position election with 100,000 ballots
 * returned — each ballot has five sections, with write-ins, duplicate marks, over-marked (void)
 * sections and spoiled ballots mixed in — determined in memory (F1–F11).
 * Bar (issue 3): at least 1,000,000 ballots/s for `determine` (one pass, no quadratic step).
 * Also shown: the same with `parseCountInput` of the exported file's JSON value first, and with
 * cross-position aggregation (F6) and the reserved women's seat (F8) on.
 * `BALLOTS=… tsx bench/count.ts` changes the size.
 */
import { determine, mulberry32, parseCountInput } from '@huanjie/domain';
import type { CountInput } from '@huanjie/domain';

const BALLOTS = Number(process.env.BALLOTS ?? 100_000);
const RUNS = 7;

// director, deputies, members, and the separately elected women's and ethnic-minority members
// some provinces have (A2): five sections on every ballot.
const positions = [
  { id: 'director', seats: 1, candidates: 3 },
  { id: 'deputy', seats: 2, candidates: 4 },
  { id: 'member', seats: 4, candidates: 7 },
  { id: 'womenMember', seats: 1, candidates: 2 },
  { id: 'ethnicMember', seats: 1, candidates: 2 },
] as const;
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const writeIns = ['王小明', '李大山', '张秀兰', '刘德明'];

/** Deterministic (mulberry32), so every run counts the same ballots. */
const random = mulberry32;

function buildExport(ballots: number): unknown {
  const next = random(20261220);
  const candidates = positions.flatMap((position, p) =>
    Array.from({ length: position.candidates }, (_, i) => ({
      id: `${position.id}-${i + 1}`,
      name: `${surnames[(p * 7 + i) % surnames.length]}候选${i + 1}`,
      sex: position.id === 'womenMember' || i % 3 === 1 ? 'F' : 'M',
      position: position.id,
    })),
  );
  const rows: unknown[] = [];
  for (let b = 0; b < ballots; b += 1) {
    if (next() < 0.01) {
      rows.push({ spoiled: true });
      continue;
    }
    const ballot: Record<string, string[]> = {};
    for (const position of positions) {
      const marks: string[] = [];
      const roll = next();
      // 3% over-marked (void section), 5% abstain, most fill the section; marks favour the first
      // `seats` candidates so that seats are filled, with 1% write-ins and the odd duplicate.
      const count = roll < 0.03 ? position.seats + 1 : roll < 0.08 ? 0 : roll < 0.7 ? position.seats : 1 + Math.floor(next() * position.seats);
      for (let m = 0; m < count; m += 1) {
        const r = next();
        const favourite = next() < 0.75;
        marks.push(
          r < 0.01
            ? (writeIns[Math.floor(next() * writeIns.length)] ?? '王小明')
            : `${position.id}-${1 + Math.floor(next() * (favourite ? position.seats : position.candidates))}`,
        );
      }
      ballot[position.id] = marks;
    }
    rows.push(ballot);
  }
  return {
    profile: 'national',
    round: 'first',
    registeredVoters: Math.ceil(ballots * 1.3),
    ballotsIssued: ballots + 20,
    positions: positions.map(({ id, seats }) => ({ id, seats })),
    candidates,
    ballots: rows,
  };
}

function parse(json: unknown): CountInput {
  const result = parseCountInput(json);
  if (!result.ok) throw new Error(`${result.error.field}: ${result.error.messageEn}`);
  return result.value;
}

/** Median seconds of RUNS timed runs, after one untimed warm-up. */
function time(run: () => unknown): number {
  run();
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    run();
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return seconds[Math.floor(RUNS / 2)] ?? Number.NaN;
}

const rate = (seconds: number): string => `${Math.round(BALLOTS / seconds).toLocaleString('en')} ballots/s`;

const exported = buildExport(BALLOTS);
const input = parse(exported);
const options = { ...input, options: { aggregateAcrossPositions: true, womenSeat: 'reserved-member' as const } };
console.log(`count bench: ${BALLOTS.toLocaleString('en')} ballots × ${positions.length} positions, median of ${RUNS} runs`);

const result = determine(input);
console.log(
  result.positions
    .map((p) => `${p.id}: elected ${p.elected.join(',') || '—'}, void sections ${p.voidSections}, tally ${p.tally.length}`)
    .join('\n'),
);

const determineSeconds = time(() => determine(input));
const parseSeconds = time(() => determine(parse(exported)));
const optionsSeconds = time(() => determine(options));
console.log(`determine            ${(determineSeconds * 1000).toFixed(1)} ms → ${rate(determineSeconds)} (bar: 1,000,000 ballots/s)`);
console.log(`parse + determine    ${(parseSeconds * 1000).toFixed(1)} ms → ${rate(parseSeconds)}`);
console.log(`determine, F6 + F8   ${(optionsSeconds * 1000).toFixed(1)} ms → ${rate(optionsSeconds)}`);
if (BALLOTS / determineSeconds < 1_000_000) process.exitCode = 1;
