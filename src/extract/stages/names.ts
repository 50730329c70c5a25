import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import type { Token } from '../../model.js';
import { loadNameTagger } from '../ner/load.js';
import { labelSpans } from '../ner/model.js';

/**
 * Names (PER / ORG / LOC / MISC) from the statistical tagger in `../ner`, sentence by sentence
 * over the shared token stream, the whole document at once so that the tagger's document-level
 * features see every mention; names the actor lists know then fix the tagger's extent and type
 * (see ner/known.ts). The model is read once, on first use.
 */

// The tagger was trained on ASCII quotes (Reuters as CoNLL-2003 tokenised it); news text has
// typographic ones.
const QUOTES = /[“”„‘’‚`´]/;
function normalise(text: string): string {
  if (!QUOTES.test(text)) return text;
  return text.replace(/[“”„]/g, '"').replace(/[‘’‚`´]/g, "'");
}

export const namesStage: Stage = {
  name: 'names',
  run(doc, results) {
    if (results.tokens.length === 0) return;
    const groups: Token[][] = [];
    let current: Token[] = [];
    let sentence = results.tokens[0].sentence;
    for (const t of results.tokens) {
      if (t.sentence !== sentence && current.length) {
        groups.push(current);
        current = [];
      }
      sentence = t.sentence;
      current.push(t);
    }
    if (current.length) groups.push(current);

    // one test of the whole text spares most documents a test per token
    const quotes = QUOTES.test(doc.text);
    const labels = loadNameTagger().tag(groups.map((g) => g.map((t) => (quotes ? normalise(t.text) : t.text))));
    groups.forEach((g, si) => {
      for (const span of labelSpans(labels[si])) {
        const first = g[span.start];
        const last = g[span.end - 1];
        const mention = {
          type: span.type,
          start: first.start,
          end: last.end,
          text: doc.text.slice(first.start, last.end),
          sentence: first.sentence,
          stage: 'names',
          rule: 'perceptron',
        };
        results.names.push(mention);
        trace(results, { stage: 'names', rule: 'perceptron', message: `${mention.type} ${mention.text}`, span: { start: mention.start, end: mention.end } });
      }
    });
  },
};
