/**
 * Where the project's spec lives (../shared/spec beside the repository), for the tests that read
 * it in place: HUANJIE_SPEC_DIR, then the folder beside the checkout, then the workplace's copy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

export function specDir(sub: string): string {
  const candidates = [
    process.env.HUANJIE_SPEC_DIR ? path.join(process.env.HUANJIE_SPEC_DIR, sub) : null,
    path.resolve(repoRoot, '../shared/spec', sub),
    path.join('/work/shared/spec', sub),
  ];
  return candidates.find((dir): dir is string => dir !== null && existsSync(dir)) ?? path.resolve(repoRoot, '../shared/spec', sub);
}
