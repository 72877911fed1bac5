export * from './basics.ts';
export * from './profile.ts';
