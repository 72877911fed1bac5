#!/usr/bin/env node
/**
 * `pnpm huanjie <command>`: the product's command line. Each command prints only its own output
 * (with `pnpm -s`), exits 0 on success, 2 on bad input, 1 on anything else.
 */
import { loadConfig, ConfigError } from './config.ts';

interface Command {
  readonly summary: string;
  run(args: readonly string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  start: {
    summary: '启动服务器（GraphQL、管理后台、计票系统） / start the server',
    run: async () => {
      // The running product is production (graphql-js then skips its development-only checks,
      // a few per cent of the server's time on counting day), unless NODE_ENV says otherwise.
      // Set before the server's modules load: graphql reads it once.
      process.env.NODE_ENV ??= 'production';
      return (await import('./commands/start.ts')).startCommand(loadConfig());
    },
  },
  migrate: {
    summary: '执行数据库迁移 / apply database migrations',
    run: async () => (await import('./commands/migrate.ts')).migrateCommand(loadConfig()),
  },
  'seed-demo': {
    summary: '载入示范乡镇（玉堂镇）/ load the demo township',
    run: async () => (await import('./commands/seed-demo.ts')).seedDemoCommand(loadConfig()),
  },
  communities: {
    summary: '以 JSON 列出社区 / print the communities as JSON',
    run: async () => (await import('./commands/communities.ts')).communitiesCommand(loadConfig()),
  },
  'verify-audit': {
    summary: '校验审计日志哈希链 / verify the audit hash chain',
    run: async () => (await import('./commands/verify-audit.ts')).verifyAuditCommand(loadConfig()),
  },
  'import-voters': {
    summary: '导入选民名册：import-voters FILE --community CODE / import a voter roll',
    run: async (args) => (await import('./commands/import-voters.ts')).importVotersCommand(loadConfig(), args),
  },
  count: {
    summary: '按法定规则重新计票：count [--explain] FILE / determine who is elected',
    run: async (args) => (await import('./commands/count.ts')).countCommand(args),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`);
  return `用法 / usage: pnpm huanjie <command>\n\n${lines.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`未知命令 / unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`配置错误 / configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // Long-running commands (start) keep the process alive themselves; the others end here.
    if (code !== -1) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
