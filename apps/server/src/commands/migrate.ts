import type { Config } from '../config.ts';
import { openDatabase } from '../server.ts';

export async function migrateCommand(config: Config): Promise<number> {
  const database = await openDatabase(config);
  console.log(`数据库已是最新 / migrations applied (${database.kind} ${database.location})`);
  await database.close();
  return 0;
}
