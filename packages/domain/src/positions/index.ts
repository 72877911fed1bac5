// A1, A2, A3, A6 — the committee's positions, seats and composition
export * from './seats.ts';
export * from './relatives.ts';
