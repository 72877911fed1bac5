export * from './basics.ts';
export * from './profile.ts';
export * from './ids/index.ts';
export * from './schedule/index.ts';
export * from './demo/index.ts';
export * from './voters/index.ts';
export * from './counting/index.ts';
