import type { QuantityMention, Token } from '../../model.js';
import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { findQuantities, MAY_COUNT, tokenClass } from '../quantity/find.js';
import { TypeFlags } from './tokens.js';
import { quantityLexicon } from '../quantity/lexicon.js';
import { lowerTokens } from '../attribution/lowertokens.js';
import { looksEnglish } from '../../text/sentencelanguage.js';

/**
 * Counts with what they count, as low / best / high (docs/times-and-quantities.md): "about 2,000
 * mercenaries", "killing at least 12 soldiers", "dozens of civilians were abducted", and reports of
 * losses with no number ("heavy losses": all three null, never an invented figure). Reads the
 * tokens stage's tokens; a number inside a time expression of the times stage is not a count.
 */
/** Each word type's `tokenClass`, asked once per language: a word's class depends on the lexicon. */
const TOKEN_CLASSES = new TypeFlags((text) => tokenClass(text.toLowerCase(), quantityLexicon()));
const FRENCH_TOKEN_CLASSES = new TypeFlags((text) => tokenClass(text.toLowerCase(), quantityLexicon('fr')));

export const quantitiesStage: Stage = {
  name: 'quantities',
  run(doc, results) {
    // French words count only in French documents: 'un' ("UN peacekeepers") or 'de' never start a count in English
    const french = doc.language === 'fr';
    const lex = quantityLexicon(french ? 'fr' : 'en');
    const english = quantityLexicon();
    // built by push, not `map` (whose result may be holey): inTime then meets one array shape
    const times: (readonly [number, number])[] = [];
    for (const t of results.times) times.push([t.start, t.end]);
    times.sort((a, b) => a[0] - b[0]);
    const inTime = (pos: number): boolean => {
      let lo = 0;
      let hi = times.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (pos < times[mid][0]) hi = mid - 1;
        else if (pos >= times[mid][1]) lo = mid + 1;
        else return true;
      }
      return false;
    };
    let from = 0;
    const toks: Token[] = results.tokens;
    const lower = lowerTokens(toks);
    const classes = (french ? FRENCH_TOKEN_CLASSES : TOKEN_CLASSES).of(toks);
    // the English classes of a French document's tokens, made when a sentence first reads as English
    let englishClasses: typeof classes | null = null;
    while (from < toks.length) {
      let to = from;
      const sentence = toks[from].sentence;
      while (to < toks.length && toks[to].sentence === sentence) to++;
      // a sentence of a French document that reads as English is read with the English words: a
      // short English text may be detected as French
      const asEnglish = french && looksEnglish(doc.text.slice(toks[from].start, toks[to - 1].end));
      if (asEnglish && englishClasses === null) englishClasses = TOKEN_CLASSES.of(toks);
      const sentenceClasses = asEnglish ? englishClasses ?? undefined : classes;
      let found = sentenceClasses === undefined ? MAY_COUNT : 0;
      if (sentenceClasses !== undefined) for (let k = from; k < to; k++) found |= sentenceClasses[k];
      // most sentences hold no figure and no casualty word: nothing to read in them
      if ((found & MAY_COUNT) === 0) {
        from = to;
        continue;
      }
      const counts = findQuantities(toks.slice(from, to), asEnglish ? english : lex, inTime, lower.slice(from, to), sentenceClasses?.subarray(from, to));
      for (const q of counts) {
        const mention: QuantityMention = {
          start: q.start,
          end: q.end,
          text: doc.text.slice(q.start, q.end),
          sentence,
          stage: 'quantities',
          rule: q.rule,
          low: q.low,
          best: q.best,
          high: q.high,
          approximate: q.approximate,
          counts: q.counts,
          countsText: q.countsText,
        };
        results.quantities.push(mention);
        if (results.trace) trace(results, { stage: 'quantities', rule: q.rule, message: `${q.counts ?? '?'} ${q.low ?? '-'}/${q.best ?? '-'}/${q.high ?? '-'}${q.subject ? ` (${q.subject})` : ''}`, span: { start: q.start, end: q.end } });
      }
      from = to;
    }
  },
};
