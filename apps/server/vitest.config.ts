import { graphqlTestConfig } from '../../vitest.shared.ts';

const config = graphqlTestConfig();
// Tests of the embedded database itself do not apply when the suite runs against PostgreSQL.
if (process.env.DATABASE_URL) config.test!.exclude = ['test/embedded.test.ts', 'node_modules/**'];

export default config;
