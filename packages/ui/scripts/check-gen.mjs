#!/usr/bin/env node
// The apps' documents are typed by src/graphql-env.d.ts, generated from packages/schema/schema.graphql.
// Fail when it is stale, so that a schema change cannot pass typecheck against yesterday's schema.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'huanjie-gql-'));
const fresh = path.join(dir, 'graphql-env.d.ts');
try {
  execFileSync('gql-tada', ['generate-output', '--output', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (readFileSync(fresh, 'utf8') !== readFileSync('src/graphql-env.d.ts', 'utf8')) {
    console.error('src/graphql-env.d.ts 与 schema.graphql 不一致，请运行 pnpm --filter @huanjie/ui gen 并提交。\n' +
      'src/graphql-env.d.ts is stale: run `pnpm --filter @huanjie/ui gen` and commit it.');
    process.exit(1);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
