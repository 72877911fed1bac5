export * from './steps.ts';
export * from './deadlines.ts';
