import { asc } from 'drizzle-orm';
import { community } from '@huanjie/db';
import type { Config } from '../config.ts';
import { openDatabase } from '../server.ts';

/** Prints the communities as a JSON array of {code, name, kind}. */
export async function communitiesCommand(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    const rows = await database.db
      .select({ code: community.code, name: community.name, kind: community.kind })
      .from(community)
      .orderBy(asc(community.code));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
