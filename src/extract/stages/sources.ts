import type { ActorMention, Document, Extraction, SourceMention, Span, Token } from '../../model.js';
import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { cueLexicon, frenchCueLexicon } from '../attribution/lexicon.js';
import { attributeSentence, isCueStart, quotations, type SentenceView } from '../attribution/rules.js';
import { attributeFrenchSentence, isFrenchCueStart } from '../attribution/french.js';
import { looksEnglish } from '../../text/sentencelanguage.js';
import { TypeFlags } from './tokens.js';
import { lowerTokens } from '../attribution/lowertokens.js';

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'who', 'the group', 'the ministry', 'the army']);

/** The first actor mention inside [start, end), by offset: the head of "X, a spokesman for Y". */
function actorIn(actors: ActorMention[], start: number, end: number): ActorMention | null {
  // actors are sorted by start: find the first that ends after `start`, by binary search on start
  let lo = 0;
  let hi = actors.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (actors[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  // one mention may begin before the span and reach into it
  if (lo > 0 && actors[lo - 1].end > start) return actors[lo - 1];
  return lo < actors.length && actors[lo].start < end ? actors[lo] : null;
}

/** The actor a pronoun source stands for: the last linked source nearby, else the previous sentence's first actor. */
function antecedent(doc: Document, results: Extraction, sentence: number, own: SourceMention[]): string | undefined {
  for (let i = own.length - 1; i >= 0; i--) {
    if (own[i].sentence < sentence - 3) break;
    if (own[i].sourceActorId) return own[i].sourceActorId;
  }
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const sent = doc.sentences[s];
    const a = actorIn(results.actors, sent.start, sent.end);
    if (a) return a.actorId;
  }
  return undefined;
}

/** Each word type's `isCueStart`, asked once. */
const CUE_STARTS = new TypeFlags((text) => (isCueStart(text.toLowerCase(), cueLexicon()) ? 1 : 0));
/** The same for French cues, in French documents. */
const FRENCH_CUE_STARTS = new TypeFlags((text) => (isFrenchCueStart(text.toLowerCase(), frenchCueLexicon()) ? 1 : 0));

/** French rules read straight apostrophes: "d’après" as "d'après". */
function straightened(lower: string[]): string[] {
  return lower.map((w) => (w.includes('’') ? w.replace(/’/g, "'") : w));
}

/**
 * Who says so: reporting and certainty cues with their source, content and channel. Runs after the
 * actors stage so a source can be linked to the actor it names or, for a pronoun, to the actor the
 * previous sentence was about.
 */
export const sourcesStage: Stage = {
  name: 'sources',
  run(doc, results) {
    const lex = cueLexicon();
    const byParagraph = doc.paragraphs;
    const actors = [...results.actors].sort((a, b) => a.start - b.start);
    const linked: Extraction = actors === results.actors ? results : { ...results, actors };
    const out: SourceMention[] = [];
    let t = 0;
    const tokens = results.tokens;
    const lowerAll = lowerTokens(tokens);
    const cueStart = CUE_STARTS.of(tokens);
    // a French document's sentences are read with the French cues, but for those that read as English
    const french = doc.language === 'fr';
    const frenchStart = french ? FRENCH_CUE_STARTS.of(tokens) : undefined;
    const frLex = french ? frenchCueLexicon() : null;
    const quoted = new Map<number, Span[]>();
    for (const sentence of doc.sentences) {
      while (t < tokens.length && tokens[t].sentence < sentence.index) t++;
      const from = t;
      const inFrench = frLex !== null && !looksEnglish(doc.text.slice(sentence.start, sentence.end));
      const startTable = inFrench ? frenchStart : cueStart;
      let starts = startTable === undefined;
      for (; t < tokens.length && tokens[t].sentence === sentence.index; t++) if (startTable !== undefined && startTable[t] === 1) starts = true;
      // a sentence with no word that may start a cue has no source: nothing to read in it
      if (t === from || !starts) continue;
      const sentTokens: Token[] = tokens.slice(from, t);
      const paragraph = byParagraph[sentence.paragraph] ?? sentence;
      let q = quoted.get(sentence.paragraph);
      if (!q) {
        q = quotations(doc.text, paragraph.start, paragraph.end);
        quoted.set(sentence.paragraph, q);
      }
      const view: SentenceView = {
        text: doc.text,
        tokens: sentTokens,
        lower: inFrench ? straightened(lowerAll.slice(from, t)) : lowerAll.slice(from, t),
        sentence,
        paragraph,
        quoted: q,
        cueStart: inFrench ? undefined : cueStart?.subarray(from, t),
      };
      for (const a of frLex && inFrench ? attributeFrenchSentence(view, frLex) : attributeSentence(view, lex)) {
        const mention: SourceMention = {
          stage: 'sources',
          rule: a.rule,
          cue: a.cue,
          source: a.source,
          content: a.content,
          channel: a.channel,
          cueType: a.cueType,
          sentence: sentence.index,
        };
        if (a.source) {
          const actor = actorIn(actors, a.source.start, a.source.end);
          if (actor) mention.sourceActorId = actor.actorId;
          else if (PRONOUNS.has(a.source.text.toLowerCase()) || (inFrench && frLex?.pronouns.has(a.source.text.toLowerCase()))) {
            const id = antecedent(doc, linked, sentence.index, out);
            if (id) mention.sourceActorId = id;
          }
        }
        out.push(mention);
        trace(results, { stage: 'sources', rule: a.rule, message: `${a.cueType} cue "${a.cue.text}"${a.source ? ` source "${a.source.text}"` : ''}`, span: a.cue });
      }
    }
    results.sources.push(...out);
  },
};
