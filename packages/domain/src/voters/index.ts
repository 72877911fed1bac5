export * from './categories.ts';
export * from './row.ts';
export * from './search.ts';
