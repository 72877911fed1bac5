import { graphqlTestConfig } from '../../vitest.shared.ts';

const config = graphqlTestConfig();
// Suites pick their databases from the environment, so none is ever reported "skipped":
// the embedded database's own tests do not apply on PostgreSQL; scale-out needs PostgreSQL and Redis.
const exclude = ['node_modules/**'];
if (process.env.DATABASE_URL) exclude.push('test/embedded.test.ts');
if (!(process.env.DATABASE_URL && process.env.REDIS_URL)) exclude.push('test/scale-out.test.ts');
config.test!.exclude = exclude;

export default config;
