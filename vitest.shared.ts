import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Shared by the packages whose tests load the GraphQL schema: Pothos and Yoga load graphql's
 * CommonJS build, so tests must too, or graphql sees two copies of itself ("another realm").
 */
export function graphqlTestConfig(extra: { fileParallelism?: boolean } = {}) {
  return defineConfig({
    resolve: { alias: { graphql: require.resolve('graphql', { paths: [process.cwd()] }) } },
    test: {
      include: ['test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      fileParallelism: extra.fileParallelism ?? false,
    },
  });
}
