import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { loadNameTagger } from '../ner/load.js';
import { labelSpans } from '../ner/model.js';
import { tokenTypes } from './tokens.js';

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
  if (!hasQuote(text)) return text;
  return text.replace(/[“”„]/g, '"').replace(/[‘’‚`´]/g, "'");
}

/** QUOTES.test for one token, without a regex run per token */
function hasQuote(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ` ´ ‘ ’ ‚ “ ” „ (U+201B is not one of them)
    if (c === 0x60 || c === 0xb4 || (c >= 0x2018 && c <= 0x201e && c !== 0x201b)) return true;
  }
  return false;
}

export const namesStage: Stage = {
  name: 'names',
  run(doc, results) {
    const tokens = results.tokens;
    if (tokens.length === 0) return;
    const tagger = loadNameTagger();
    const typed = tokenTypes(tokens);
    let labels: Uint8Array[];
    if (typed) labels = tagger.tagTypes(typed.types, typed.ids, typed.sentenceLengths, normalise);
    else {
      // one test of the whole text spares most documents a test per token
      const quotes = QUOTES.test(doc.text);
      const sentences: string[][] = [];
      let current: string[] = [];
      let sentence = tokens[0].sentence;
      for (const t of tokens) {
        if (t.sentence !== sentence) {
          sentences.push(current);
          current = [];
        }
        sentence = t.sentence;
        current.push(quotes ? normalise(t.text) : t.text);
      }
      sentences.push(current);
      labels = tagger.tag(sentences);
    }
    let base = 0;
    for (const sentenceLabels of labels) {
      for (const span of labelSpans(sentenceLabels)) {
        const first = tokens[base + span.start];
        const last = tokens[base + span.end - 1];
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
        // the message is built only when a trace is kept
        if (results.trace) trace(results, { stage: 'names', rule: 'perceptron', message: `${mention.type} ${mention.text}`, span: { start: mention.start, end: mention.end } });
      }
      base += sentenceLabels.length;
    }
  },
};
