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
