/** Assembles the modules into one schema; importing a module registers its types. */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars/index.ts';
import './error-types.ts';
import './access/types.ts';
import './organization/types.ts';
import './cycle/types.ts';
import './voters/types.ts';
import './polling/types.ts';
import './candidates/types.ts';
import './tally/types.ts';

export const schema: GraphQLSchema = builder.toSchema();

/** The SDL committed as schema.graphql and checked in CI against the code. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
