import { setFlagsFromString } from 'node:v8';

/**
 * How long V8 lets a function run before optimising it, in bytecodes executed (V8's default in
 * Node 20 is 67,584). sitrep's stages are large, branchy functions whose type feedback fills in
 * slowly: at the default budget they are optimised before most of their branches have run, then
 * deoptimised by the first article that takes a new branch and compiled again, several times over
 * (a compile of the largest costs 300 ms of a compile thread's CPU). At four times the default,
 * on the bench's cold pass (2.8 MB), the compile threads' CPU fell from about 9.3 s to 5.0 s while
 * the main thread's stayed at about 8 s; docs/performance.md has the measurement.
 */
export const INTERRUPT_BUDGET = 270_000;

let tuned = false;

/**
 * Sets the process-wide tier-up budget. Called first thing by the CLI (and by the bench for
 * sitrep's runs), before any extraction code has run; worker threads share the process's flags.
 */
export function tuneJit(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
