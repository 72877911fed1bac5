import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '@huanjie/schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm gen` after changing the API)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../../packages/schema/schema.graphql'), 'utf8');
    expect(committed).toBe(printedSchema());
  });
});
