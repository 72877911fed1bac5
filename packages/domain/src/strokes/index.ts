// D3, D4 — 姓氏笔画 (surname stroke order) collation
export { compareByStrokes, createStrokeComparator, sortByStrokes, sortItemsByStrokes } from './compare.ts';
export type { SingleGivenName, StrokeCollationOptions } from './compare.ts';
export { charStrokes } from './chars.ts';
export type { CharStrokes } from './chars.ts';
export { strokeClasses, strokeClassOfName, strokeClassRank, strokeNameClasses } from './classes.ts';
export type { StrokeClass, StrokeClassInfo } from './classes.ts';
export { compoundSurnames, splitName } from './surnames.ts';
export type { SplitName } from './surnames.ts';
