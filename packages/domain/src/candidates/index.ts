// D1–D7, A2 — nomination and candidates
export * from './eligibility.ts';
export * from './nomination.ts';
export * from './margin.ts';
export * from './selection.ts';
export * from './list.ts';
export * from './candidateProfile.ts';
