import type { Document, Extraction } from '../model.js';
import { emptyExtraction } from '../model.js';
import type { Stage } from './stage.js';
import { tokensStage } from './stages/tokens.js';
import { namesStage } from './stages/names.js';
import { actorsStage } from './stages/actors.js';
import { placesStage } from './stages/places.js';
import { timesStage } from './stages/times.js';
import { quantitiesStage } from './stages/quantities.js';
import { sourcesStage } from './stages/sources.js';
import { eventsStage } from './stages/events.js';
import { statementsStage } from './stages/statements.js';

/** The one ordered list: recognisers first, then the refiners that link and assemble. */
export const stages: readonly Stage[] = [
  tokensStage,
  namesStage,
  actorsStage,
  placesStage,
  timesStage,
  quantitiesStage,
  sourcesStage,
  eventsStage,
  statementsStage,
];

export interface ExtractOptions {
  /** record which rule produced what; off by default and then free */
  trace?: boolean;
  /** run the stages up to and including this one */
  until?: string;
}

export function extract(doc: Document, options: ExtractOptions = {}): Extraction {
  const results = emptyExtraction(options.trace ?? false);
  for (const stage of stages) {
    stage.run(doc, results);
    if (options.until === stage.name) break;
  }
  return results;
}

/**
 * Several documents at once, stage by stage: each stage's tables stay in the CPU cache across the
 * batch instead of being pushed out by the other stages after every document (about 10 % less CPU
 * at 32 documents, docs/performance.md). Each document's result is the same as `extract` gives
 * it; a document a stage fails on gets its error and drops out of the later stages, the others go on.
 */
export function extractBatch(docs: readonly Document[], options: ExtractOptions = {}): (Extraction | Error)[] {
  const out: (Extraction | Error)[] = docs.map(() => emptyExtraction(options.trace ?? false));
  for (const stage of stages) {
    for (let i = 0; i < docs.length; i++) {
      const results = out[i];
      if (results instanceof Error) continue;
      try {
        stage.run(docs[i], results);
      } catch (error) {
        out[i] = error instanceof Error ? error : new Error(String(error));
      }
    }
    if (options.until === stage.name) break;
  }
  return out;
}
