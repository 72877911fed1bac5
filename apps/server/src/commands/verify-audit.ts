import { verifyAuditChain } from '@huanjie/schema';
import type { Config } from '../config.ts';
import { openDatabase } from '../server.ts';

/** Exit 0 when the chain holds; 1 naming the first broken link otherwise. */
export async function verifyAuditCommand(config: Config): Promise<number> {
  const database = await openDatabase(config);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      process.stdout.write(`审计日志完整：共 ${result.events} 条记录，哈希链校验通过 / audit chain intact: ${result.events} events\n`);
      return 0;
    }
    process.stdout.write(
      `审计日志被篡改：第 ${result.brokenAt} 号记录${result.reason} / audit chain broken at event ${result.brokenAt}\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
