export * from './residentId.ts';
