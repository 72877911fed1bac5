export * from './township.ts';
export { createRandom, mulberry32 } from './random.ts';
export type { SeededRandom } from './random.ts';
export { chineseNumeral } from './names.ts';
