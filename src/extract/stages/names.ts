import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { loadNameTagger } from '../ner/load.js';
import { labelSpans } from '../ner/model.js';
import { tokenTypes } from './tokens.js';
import { isTitleAbbreviation } from '../../text/sentences.js';
import type { Token } from '../../model.js';

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

/**
 * A title or an initial the tokens split from its full stop ("Gen" ".", "W" "."). The tagger
 * learnt from Reuters text as CoNLL-2003 tokenised it, where such a word keeps its stop
 * ("Gen.", "W."); read apart, "Gen" looks like a place and the stop ends "George W" before Bush.
 */
function isAbbreviation(text: string): boolean {
  if (text.length === 1) return text !== text.toLowerCase();
  return isTitleAbbreviation(text);
}

/** The words the tagger reads: some are two tokens (see isAbbreviation); `first` and `last` give each word's tokens. */
interface TaggerWords {
  /** per word, its first token and its last */
  first: Int32Array;
  last: Int32Array;
  /** words per sentence */
  lengths: Int32Array;
}

/**
 * The words as CoNLL-2003 wrote them: an abbreviation with the full stop right after it, when the
 * stop does not end the sentence ("Gen.", "W."), and words joined by hyphens with no space
 * ("U.S.-led", "2012-2013", "5-0"), which sitrep's tokens split. Null when every token is a word.
 */
function taggerWords(tokens: readonly Token[], sentenceLengths: Int32Array): TaggerWords | null {
  // most documents have nothing to join: a stop or a hyphen right after a token is rare enough
  // that one pass over the texts spares the arrays
  let any = false;
  for (let i = 1; i < tokens.length && !any; i++) {
    const t = tokens[i].text;
    any = (t === '.' || t === '-') && tokens[i].start === tokens[i - 1].end;
  }
  if (!any) return null;
  const first = new Int32Array(tokens.length);
  const last = new Int32Array(tokens.length);
  const lengths = new Int32Array(sentenceLengths.length);
  let t = 0;
  let w = 0;
  for (let si = 0; si < sentenceLengths.length; si++) {
    const end = t + sentenceLengths[si];
    const before = w;
    while (t < end) {
      first[w] = t;
      t = wordEnd(tokens, t, end);
      last[w++] = t++;
    }
    lengths[si] = w - before;
  }
  return w === tokens.length ? null : { first: first.subarray(0, w), last: last.subarray(0, w), lengths };
}

/** The last token of the word that starts at token `t`, in a sentence whose tokens end before `end`. */
function wordEnd(tokens: readonly Token[], t: number, end: number): number {
  // the stop must not be the sentence's last token
  if (t + 2 < end && tokens[t + 1].text === '.' && touching(tokens, t) && isAbbreviation(tokens[t].text)) return t + 1;
  let u = t;
  while (u + 2 < end && tokens[u + 1].text === '-' && touching(tokens, u) && touching(tokens, u + 1) && isWordLike(tokens[u + 2].text) && isWordLike(tokens[u].text)) u += 2;
  return u;
}

function touching(tokens: readonly Token[], i: number): boolean {
  return tokens[i + 1].start === tokens[i].end;
}

function isWordLike(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || text.charAt(0).toLowerCase() !== text.charAt(0).toUpperCase();
}

function isInitial(tokens: readonly Token[], words: TaggerWords, w: number): boolean {
  const a = words.first[w];
  return words.last[w] === a + 1 && tokens[a + 1].text === '.' && tokens[a].text.length === 1;
}

/** Titles that open place names as well ("St. Louis", "Mt. Kenya", "Ft. Worth"). */
const PLACE_TITLES = new Set(['St', 'Ste', 'Mt', 'Ft']);

/**
 * Where a name starts in the words [from, to) the tagger read as one: after the last title of a
 * person written with its stop. CoNLL leaves titles out of names ("Mr." is no part of "Mr.
 * Manafort"), and what stands before a title qualifies it ("Texas Sen. Ted Cruz", "Florida
 * Gov."), so a name ending in a title names nobody (to is then returned).
 */
function afterTitles(tokens: readonly Token[], words: TaggerWords, from: number, to: number): number {
  let start = from;
  for (let w = from; w < to; w++) {
    const text = tokens[words.first[w]].text;
    if (words.last[w] === words.first[w] + 1 && tokens[words.last[w]].text === '.' && isTitleAbbreviation(text) && !PLACE_TITLES.has(text)) start = w + 1;
  }
  return start;
}

/**
 * Where a name read up to word `to` ends: a middle initial never ends one, so a name the tagger
 * closed on an initial takes the capitalised words after it ("George W." then "Bush",
 * "Rexford G." then "Tugwell"). `limit` is the end of the sentence.
 */
function nameEnd(tokens: readonly Token[], words: TaggerWords, to: number, limit: number): number {
  let end = to;
  while (end < limit && isInitial(tokens, words, end - 1) && isCapitalised(tokens[words.first[end]].text)) end++;
  return end;
}


function isCapitalised(text: string): boolean {
  const c = text.charAt(0);
  return c !== c.toLowerCase() && text.length > 1 && text.slice(1) !== text.slice(1).toUpperCase();
}

/** Tokens per sentence, for the sentences that have any. */
function lengthsOf(tokens: readonly Token[]): Int32Array {
  const out: number[] = [];
  let sentence = -1;
  for (const t of tokens) {
    if (t.sentence !== sentence) out.push(0);
    sentence = t.sentence;
    out[out.length - 1]++;
  }
  return Int32Array.from(out);
}

export const namesStage: Stage = {
  name: 'names',
  run(doc, results) {
    const tokens = results.tokens;
    if (tokens.length === 0) return;
    const tagger = loadNameTagger();
    const typed = tokenTypes(tokens);
    const words = taggerWords(tokens, typed ? typed.sentenceLengths : lengthsOf(tokens));
    let labels: Uint8Array[];
    if (typed) {
      let ids = typed.ids;
      let lengths = typed.sentenceLengths;
      if (words) {
        ids = new Int32Array(words.first.length);
        for (let w = 0; w < ids.length; w++) {
          const a = words.first[w];
          const b = words.last[w];
          ids[w] = a === b ? typed.ids[a] : typed.types.idOf(doc.text, tokens[a].start, tokens[b].end);
        }
        lengths = words.lengths;
      }
      labels = tagger.tagTypes(typed.types, ids, lengths, normalise);
    } else {
      // one test of the whole text spares most documents a test per token
      const quotes = QUOTES.test(doc.text);
      const texts = words ? Array.from(words.first, (a, w) => doc.text.slice(tokens[a].start, tokens[words.last[w]].end)) : tokens.map((t) => t.text);
      const lengths = words ? words.lengths : lengthsOf(tokens);
      const sentences: string[][] = [];
      let at = 0;
      for (const n of lengths) {
        sentences.push(texts.slice(at, at + n).map((text) => (quotes ? normalise(text) : text)));
        at += n;
      }
      labels = tagger.tag(sentences);
    }
    let base = 0;
    for (const sentenceLabels of labels) {
      // a name widened over the next word (see nameEnd) is the only one there
      let taken = 0;
      for (const span of labelSpans(sentenceLabels)) {
        // what a widened name left of this one is of no known type ("Putin's Russia" after "Vladimir V.")
        if (span.start < taken) continue;
        const from = words ? afterTitles(tokens, words, base + span.start, base + span.end) - base : span.start;
        if (from === span.end) continue;
        const to = words ? nameEnd(tokens, words, base + span.end, base + sentenceLabels.length) - base : span.end;
        // a title stands before a person's name, and a middle initial inside one, whatever the tagger made of the whole
        const type = from > span.start || to > span.end ? 'PER' : span.type;
        taken = to;
        const first = tokens[words ? words.first[base + from] : base + from];
        const last = tokens[words ? words.last[base + to - 1] : base + to - 1];
        const mention = {
          type,
          start: first.start,
          end: last.end,
          text: doc.text.slice(first.start, last.end),
          sentence: first.sentence,
          stage: 'names',
          rule: to > span.end ? 'perceptron+initial' : 'perceptron',
        };
        results.names.push(mention);
        // the message is built only when a trace is kept
        if (results.trace) trace(results, { stage: 'names', rule: mention.rule, message: `${mention.type} ${mention.text}`, span: { start: mention.start, end: mention.end } });
      }
      base += sentenceLabels.length;
    }
  },
};
