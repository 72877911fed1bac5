/** Configuration is the environment only, with safe defaults (architecture.md). */
import path from 'node:path';

export interface Config {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly dataDir: string;
  /** Fixes "today" (YYYY-MM-DD) for demos and tests; unset → the real date in Asia/Shanghai. */
  readonly today: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: 'silent' | 'info' | 'debug';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 无效：${env.PORT}`);
  const level = env.LOG_LEVEL ?? 'info';
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    dataDir: path.resolve(env.HUANJIE_DATA_DIR || './data'),
    today: env.HUANJIE_TODAY || undefined,
    adminPassword: env.HUANJIE_ADMIN_PASSWORD || undefined,
    logLevel: level === 'silent' || level === 'debug' ? level : 'info',
  };
}

export class ConfigError extends Error {}
