import type { Document, Extraction, TraceEntry } from '../model.js';

/**
 * A stage is a function over the typed document and the results so far. Recognisers add
 * mentions; refiners merge, link, filter and assemble. A stage reads only what earlier stages
 * wrote, does no I/O at run time (knowledge is loaded once, before the first document) and
 * never imports from a later stage.
 */
export interface Stage {
  name: string;
  run(doc: Document, results: Extraction): void;
}

/** Records a trace entry only when tracing is on, so a disabled trace costs one null check. */
export function trace(results: Extraction, entry: TraceEntry): void {
  if (results.trace) results.trace.push(entry);
}
