/** `import-voters FILE --community CODE`: prints {rows, imported, rejected, duplicates} as JSON. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { community, election } from '@huanjie/db';
import { currentCycleRow, fixedClock, importVoters, systemClock } from '@huanjie/schema';
import type { Config } from '../config.ts';
import { openDatabase } from '../server.ts';

function fail(message: string): number {
  process.stderr.write(`错误 / error: ${message}\n`);
  return 2;
}

export async function importVotersCommand(config: Config, args: readonly string[]): Promise<number> {
  const at = args.indexOf('--community');
  const code = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!file || !code) return fail('用法 / usage: import-voters FILE --community CODE');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return fail(`无法读取文件 / cannot read file: ${file}`);
  }
  const database = await openDatabase(config);
  try {
    const cycle = await currentCycleRow(database.db);
    if (!cycle) return fail('尚未建立换届周期 / no election cycle yet');
    const [target] = await database.db
      .select({ id: election.id })
      .from(election)
      .innerJoin(community, eq(community.id, election.communityId))
      .where(and(eq(election.cycleId, cycle.id), eq(community.code, code)));
    if (!target) return fail(`社区代码不存在 / no community with code ${code}`);
    const clock = config.today ? fixedClock(config.today) : systemClock();
    const result = await importVoters({ db: database.db, actor: null, clock }, target.id, path.basename(file), bytes);
    if (!result.ok) return fail(result.error.message);
    const { rows, imported, rejected, duplicates } = result.value;
    process.stdout.write(`${JSON.stringify({ rows, imported, rejected, duplicates })}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
