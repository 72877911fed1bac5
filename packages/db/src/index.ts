export * from './client.ts';
export * from './tables.ts';
export { relations } from './relations.ts';
export * from './script.ts';
