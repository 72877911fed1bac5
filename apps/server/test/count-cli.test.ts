/**
 * `huanjie count [--explain] FILE` through the real CLI (tsx apps/server/src/cli.ts, as
 * `pnpm huanjie` runs it): the determination JSON and nothing else; the zh-CN account after it with
 * --explain; bad input → exit 2 and one line naming the field, never a stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { specDir } from '../../../scripts/spec-dir.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const scenarios = specDir('counting-scenarios');
const scenario = path.join(scenarios, 'basic-majority.json');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/server/src/cli.ts', 'count', ...args],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const valid = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;

describe('huanjie count', () => {
  let dir: string;
  const file = (name: string, content: string): string => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'huanjie-count-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the determination of a scenario as JSON and nothing else', async () => {
    const run = await cli([scenario]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const expected = readFileSync(path.join(scenarios, 'basic-majority.expected.json'), 'utf8');
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(expected));
    expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
  });

  it('with --explain prints the same JSON, an empty line, then the zh-CN account', async () => {
    const run = await cli(['--explain', scenario]);
    expect(run.code).toBe(0);
    const plain = await cli([scenario]);
    expect(run.stdout.startsWith(`${plain.stdout}\n`)).toBe(true);
    const account = run.stdout.slice(plain.stdout.length + 1);
    expect(account).toContain('王建国 得 7 票，超过参加投票人数 12 的半数（7 票），当选主任');
  });

  const badInputs: readonly (readonly [string, () => string, RegExp])[] = [
    ['a file that is not JSON', () => file('not-json.json', '{"ballots": [}'), /JSON/],
    [
      'a section for an undeclared position',
      () => file('undeclared.json', JSON.stringify({ ...valid, ballots: [{ director: ['d1'] }, { deputy: ['d1'] }] })),
      /ballots\[1\]\.deputy/,
    ],
    ['a negative count', () => file('negative.json', JSON.stringify({ ...valid, registeredVoters: -20 })), /registeredVoters/],
    [
      'ballotsIssued missing',
      () => {
        const { ballotsIssued: _missing, ...rest } = valid;
        return file('no-issued.json', JSON.stringify(rest));
      },
      /ballotsIssued/,
    ],
    ['a file that does not exist', () => path.join(dir, 'no-such-file.json'), /no-such-file\.json/],
  ];

  for (const [what, make, names] of badInputs) {
    it(`refuses ${what}: exit 2, one line in zh-CN and English naming it`, async () => {
      const run = await cli([make()]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.split('\n');
      expect(lines).toHaveLength(2); // one line and its newline
      const [line] = lines;
      expect(line).toMatch(names);
      expect(line).toMatch(/[\u4e00-\u9fff]/);
      expect(line).toMatch(/ \/ [a-z]/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('refuses a call without a file with its usage', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('用法 / usage: count [--explain] FILE\n');
  });
});
