import type { Config } from '../config.ts';
import { startServer } from '../server.ts';

/** Runs until SIGINT/SIGTERM; returns -1 so the CLI leaves the process running. */
export async function startCommand(config: Config): Promise<number> {
  const server = await startServer({
    port: config.port,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    today: config.today,
    adminPassword: config.adminPassword,
    log: (line) => console.log(line),
  });
  console.log(`  管理后台 admin console: ${server.url}/`);
  console.log(`  计票系统 tally app:     ${server.url}/tally/`);
  console.log(`  GraphQL API:            ${server.url}/graphql`);
  if (server.firstAdmin) {
    console.log('');
    console.log('首次启动，已创建乡镇管理员账号 / first start: the township admin account was created');
    console.log(`  用户名 username: ${server.firstAdmin.username}`);
    console.log(`  密码   password: ${server.firstAdmin.password}`);
    console.log('请登录后妥善保管密码；此密码只显示这一次。 / Keep it safe: it is shown only once.');
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}
