// B3, E1–E7 — polling: places, staff, proxies, ballot issuance
export * from './places.ts';
export * from './staff.ts';
export * from './proxies.ts';
export * from './issuance.ts';
