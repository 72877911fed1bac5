/**
 * One progress bar for an import's phases as the server reports them (importProgress): reading the
 * file, checking rows, saving; each phase owns a share of the bar so that it never goes backwards.
 */
export type ImportPhase = 'reading' | 'checking' | 'saving' | 'done' | 'failed';

export interface ImportProgressEvent {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

const span: Record<Exclude<ImportPhase, 'done' | 'failed'>, readonly [from: number, to: number]> = {
  reading: [0, 10],
  checking: [10, 50],
  saving: [50, 99],
};

export function isImportPhase(phase: string): phase is ImportPhase {
  return phase === 'reading' || phase === 'checking' || phase === 'saving' || phase === 'done' || phase === 'failed';
}

/** Whole percent, 0–100; 100 only once the server says done. */
export function importPercent(p: ImportProgressEvent, before = 0): number {
  if (!isImportPhase(p.phase)) return before;
  if (p.phase === 'done') return 100;
  if (p.phase === 'failed') return before;
  const [from, to] = span[p.phase];
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.max(before, Math.floor(from + (to - from) * share));
}
