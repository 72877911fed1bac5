// F — VCOL Art. 15: the counting engine's public API (counting-format.md)
export * from './types.ts';
export { parseCountInput } from './parse.ts';
export type { CountInputError } from './parse.ts';
export { determine } from './determine.ts';
export { explainDetermination, positionName } from './explain.ts';
export { resolveCountRules } from './rules.ts';
export { firstRoundThreshold, runoffThreshold, thresholdFor } from './threshold.ts';
export { turnoutIsMajority, ballotsExceedIssued, roundInvalidReasons } from './validity.ts';
export { castBound, countSection, RunningTally, securedSeats, tallyDelta, type BoardDelta, type CountedSection, type RunningTallyState, type TallyDelta } from './live.ts';
export { ballotsFromSheet, checkTallySheet, sheetsMatch, type SheetPosition, type TallySheetTotals, type SheetProblem } from './sheet.ts';
