/**
 * An evaluator scores sitrep against one public data format. Each lives in its own module
 * `src/eval/<task>.ts` exporting `evaluator`; `sitrep eval <task>` finds it by name, so adding
 * a task touches no shared file.
 */
export interface EvalOptions {
  /** file or folder in the task's format */
  data: string;
}

export interface EvalReport {
  task: string;
  data: string;
  /** the headline figures named in the issue for this task */
  overall: Record<string, unknown>;
  /** per-type figures, confusion tables, counts */
  details: Record<string, unknown>;
  /** a human-readable table of the same figures */
  table: string;
}

export interface Evaluator {
  task: string;
  description: string;
  /** data scored by `npm run eval`, relative to the project root (../shared/bench/...) */
  defaultData: string[];
  run(options: EvalOptions): Promise<EvalReport>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Fixed-width table: first row is the header. */
export function formatTable(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(4)) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}
