import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { assembleEvents } from '../events/assemble.js';

/**
 * Events: triggers from data/cues/events.yaml, typed in ACLED, PLOVER and sitrep's extra kinds,
 * with actors, place, date, fatalities, modality and attribution taken from the earlier stages;
 * sentences that report one incident are merged, and the main event is marked.
 */
export const eventsStage: Stage = {
  name: 'events',
  run(doc, results) {
    const events = assembleEvents(doc, results);
    for (const e of events) {
      results.events.push(e);
      trace(results, { stage: 'events', rule: e.rules[0] ?? 'events', message: `${e.acled?.subtype ?? e.extra ?? e.plover ?? '?'} (${e.modality})`, span: e.evidence });
    }
  },
};
