import type { Document, Sentence, TimeMention } from '../../model.js';
import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { parseIsoParts, type Ymd } from '../time/calendar.js';
import { describe } from '../time/describe.js';
import { tagTimes, type Dct } from '../time/tagger.js';

/** The publication date as the tagger's anchor; null keeps relative expressions unanchored. */
export function publicationAnchor(doc: Document): Dct | null {
  if (!doc.published) return null;
  const parts = parseIsoParts(doc.published.value);
  return parts ? { y: parts.y, m: parts.m, d: parts.d } : null;
}

export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s.index;
  }
  return sentences.length ? sentences[Math.max(0, Math.min(sentences.length - 1, hi))].index : 0;
}

/** Time expressions normalised against the publication date (TIMEX3 values, precision, bounds).
 * The whole text goes through the tagger once, so chrono runs once per document. */
export const timesStage: Stage = {
  name: 'times',
  run(doc, results) {
    const dct = publicationAnchor(doc);
    const anchor: Ymd | null = dct ? { y: dct.y, m: dct.m ?? 7, d: dct.d ?? (dct.m ? 15 : 1) } : null;
    for (const t of tagTimes(doc.text, dct, { language: doc.language })) {
      const b = describe(t, anchor);
      const mention: TimeMention = {
        start: t.start,
        end: t.end,
        text: t.text,
        sentence: sentenceAt(doc.sentences, t.start),
        stage: 'times',
        rule: t.rule,
        timexType: t.type,
        value: t.value,
        precision: b.precision,
        anchored: t.anchored,
      };
      if (b.from !== undefined) mention.from = b.from;
      if (b.to !== undefined) mention.to = b.to;
      if (b.before !== undefined) mention.before = b.before;
      if (b.after !== undefined) mention.after = b.after;
      if (t.mod) mention.mod = t.mod;
      results.times.push(mention);
      if (results.trace) trace(results, { stage: 'times', rule: t.rule, message: `${t.type} ${t.value}`, span: { start: t.start, end: t.end } });
    }
  },
};
