/** Writes schema.graphql from the code (pnpm gen); a test checks the committed file matches. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/index.ts';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');
writeFileSync(out, printedSchema());
console.log(`wrote ${out}`);
