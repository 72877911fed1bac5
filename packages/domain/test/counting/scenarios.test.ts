/**
 * Every scenario of the shared spec (read from ../shared/spec/counting-scenarios at test time, never
 * copied) and every scenario of our own (./scenarios): NAME.json is counted and must deep-equal
 * NAME.expected.json, key order included, as the CLI prints it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { specDir } from '../../../../scripts/spec-dir.ts';
import { determine, parseCountInput } from '../../src/index.ts';

const specScenarios = specDir('counting-scenarios');
const ownScenarios = path.resolve(import.meta.dirname, 'scenarios');

function scenarioNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** `f5-exactly-half-…` → `F5: exactly half …`: the file name is the rule as a sentence. */
function title(name: string): string {
  const match = /^([a-z]\d+(?:-[a-z]\d+)*)-(.*)$/.exec(name);
  if (!match) return name.replaceAll('-', ' ');
  return `${(match[1] ?? '').toUpperCase().replaceAll('-', ', ')}: ${(match[2] ?? '').replaceAll('-', ' ')}`;
}

function runScenarios(dir: string): void {
  const names = scenarioNames(dir);
  it('has scenarios to run', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(title(name), () => {
      const input = parseCountInput(readJson(path.join(dir, `${name}.json`)));
      if (!input.ok) throw new Error(`${name}: ${input.error.field}: ${input.error.messageEn}`);
      const determination = determine(input.value);
      const expected = readJson(path.join(dir, `${name}.expected.json`));
      expect(determination).toEqual(expected);
      // Key order too: the CLI prints the determination exactly as counting-format.md lays it out.
      expect(JSON.stringify(determination)).toBe(JSON.stringify(expected));
    });
  }
}

describe('the shared spec scenarios (counting-format.md)', () => runScenarios(specScenarios));
describe('our scenarios for each rule of rules.md F', () => runScenarios(ownScenarios));

describe('our scenarios cover rules.md F', () => {
  it('has at least one scenario for each of F1 to F11', () => {
    const names = scenarioNames(ownScenarios);
    for (let rule = 1; rule <= 11; rule++) {
      expect(names.some((name) => new RegExp(`(^|-)f${rule}-`).test(name)), `F${rule}`).toBe(true);
    }
  });
});
