// B1, B2 — the election committee (村(居)民选举委员会)
export * from './membership.ts';
export * from './withdrawal.ts';
