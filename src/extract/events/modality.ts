import type { Modality, SourceMention, Span } from '../../model.js';
import { tokenize, type RawToken } from '../../text/tokenize.js';
import { loadCues, wordSet } from './lexicon.js';
import { looksEnglish } from '../../text/sentencelanguage.js';

/**
 * Modality of one event trigger inside its sentence: is it stated as fact, negated, in the future,
 * a possibility, or relayed from a source (claimed, alleged, denied, estimated, reported)?
 *
 * Grammar decides first, scanning back from the trigger inside its clause (negators, modal
 * auxiliaries, "plans to", "failed to", "if"); then a reporting cue from the sources stage that
 * governs the clause gives its own colour. Labels follow ../shared/gold/README.md; the auxiliary
 * modes (future, hypothetical, negation) are the ones PLOVER 2.0 defines but leaves to coders.
 */

interface ModalityCues {
  negators: string[];
  negating_verbs: string[];
  hypothetical_modals: string[];
  hypothetical_words: string[];
  future_auxiliaries: string[];
  future_words: string[];
  future_nouns: string[];
  undoing_participles: string[];
  future_infinitive_heads: string[];
  hypothetical_infinitive_heads: string[];
  future_in_past_reporting: string[];
  clause_breaks: string[];
  transparent: string[];
  fr: FrenchModalityCues;
}

interface FrenchModalityCues {
  negation_particles: string[];
  negators: string[];
  negative_words: string[];
  negating_verbs: string[];
  hypothetical_modals: string[];
  hypothetical_words: string[];
  conditional_auxiliaries: string[];
  modal_participles: string[];
  future_words: string[];
  clause_breaks: string[];
}

interface FrenchLexicon {
  particles: Set<string>;
  negators: Set<string>;
  negativeWords: Set<string>;
  negatingVerbs: Set<string>;
  hypoModals: Set<string>;
  hypoWords: Set<string>;
  conditionals: Set<string>;
  modalParticiples: Set<string>;
  futureWords: Set<string>;
  breaks: Set<string>;
}

interface Lexicon {
  negators: Set<string>;
  negatingVerbs: Set<string>;
  hypoModals: Set<string>;
  hypoWords: Set<string>;
  futureAux: Set<string>;
  futureWords: Set<string>;
  futureNouns: Set<string>;
  undoingParticiples: Set<string>;
  futureHeads: Set<string>;
  hypoHeads: Set<string>;
  reporting: Set<string>;
  breaks: Set<string>;
  transparent: Set<string>;
}

let lexicon: Lexicon | null = null;
function lex(): Lexicon {
  if (lexicon) return lexicon;
  const c = loadCues<ModalityCues>('modality.yaml');
  lexicon = {
    negators: wordSet(c.negators),
    negatingVerbs: wordSet(c.negating_verbs),
    hypoModals: wordSet(c.hypothetical_modals),
    hypoWords: wordSet(c.hypothetical_words),
    futureAux: wordSet(c.future_auxiliaries),
    futureWords: wordSet(c.future_words),
    futureNouns: wordSet(c.future_nouns),
    undoingParticiples: wordSet(c.undoing_participles),
    futureHeads: wordSet(c.future_infinitive_heads),
    hypoHeads: wordSet(c.hypothetical_infinitive_heads),
    reporting: wordSet(c.future_in_past_reporting),
    breaks: wordSet(c.clause_breaks),
    transparent: wordSet(c.transparent),
  };
  return lexicon;
}

let frenchLexicon: FrenchLexicon | null = null;
function frLex(): FrenchLexicon {
  if (frenchLexicon) return frenchLexicon;
  const c = loadCues<ModalityCues>('modality.yaml').fr;
  frenchLexicon = {
    particles: wordSet(c.negation_particles),
    negators: wordSet(c.negators),
    negativeWords: wordSet(c.negative_words),
    negatingVerbs: wordSet(c.negating_verbs),
    hypoModals: wordSet(c.hypothetical_modals),
    hypoWords: wordSet(c.hypothetical_words),
    conditionals: wordSet(c.conditional_auxiliaries),
    modalParticiples: wordSet(c.modal_participles),
    futureWords: wordSet(c.future_words),
    breaks: wordSet(c.clause_breaks),
  };
  return frenchLexicon;
}

export interface ModalityResult {
  modality: Modality;
  /** the rule that decided, for provenance */
  rule: string;
  /** the cue word, when one decided */
  cue: string | null;
}

/** How far back a modal or future auxiliary may govern the trigger ("will allow developers to create"). */
const LOOSE_WINDOW = 7;

type Grammar = 'negated' | 'hypothetical' | 'future' | null;

interface GrammarHit {
  kind: Exclude<Grammar, null>;
  rule: string;
  cue: string;
}

/** Verbs whose object is an event still to come. */
const REQUEST_HEADS = new Set(['request', 'requests', 'requested', 'propose', 'proposes', 'proposed', 'offer', 'offers', 'offered', 'promise', 'promises', 'promised', 'demand', 'demands', 'demanded', 'seek', 'seeks', 'sought', 'urge', 'urges', 'urged']);

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s"]);
const PREDICATIVE_HEDGE = new Set(['likely', 'possible', 'probable', 'feared', 'expected', 'rumoured', 'rumored', 'suspected', 'imminent', 'unlikely']);

/** Heads after which "to" + verb reports something that did happen ("the first to arrive",
 * "fell 3% to close at", "continued to fall"). */
// "had to retreat", "were forced to withdraw": an obligation met, told of the past or in the
// historical present of a narrative; only a future marker ("will have to") makes it future
const NOT_IRREALIS_HEAD = /^(\d[\d.,]*|%|percent|points?|first|last|only|second|third|next|few|one|continue[sd]?|continuing|beg[au]n|begins?|start(?:ed|s)?|manag(?:e|ed|es)|went|came|used|tends?|seem(?:s|ed)?|appear(?:s|ed)?|enough|bit|somewhat|down|up|ha(?:ve|s|d|ving)|forced|obliged|compelled)$/;

/** Nominalisations after "to" are usually a destination or goal noun ("went to war", "to the negotiation"). */
function looksVerbal(w: string | undefined): boolean {
  if (!w || !/^[a-z-]+$/.test(w)) return false;
  return !/(tion|sion|ment|ness|ity|ance|ence)s?$/.test(w) && !['the', 'a', 'an', 'his', 'her', 'their', 'its'].includes(w);
}

function isAdverb(w: string): boolean {
  return w.length > 4 && w.endsWith('ly');
}

const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she', 'we', 'i', 'you', 'it']);
const FREE_RELATIVE_HEADS = new Set(['everyone', 'everybody', 'anyone', 'anybody', 'everything', 'anything', 'whatever', 'whoever', 'wherever', 'all', 'what', 'as']);

/**
 * A modal in a clause of its own that qualifies a noun ("shot everyone they could find and set
 * fire to the granaries", "fled as fast as they could"): it governs no trigger after it.
 */
function inFreeRelative(words: readonly string[], modal: number): boolean {
  return modal >= 2 && SUBJECT_PRONOUNS.has(words[modal - 1]) && FREE_RELATIVE_HEADS.has(words[modal - 2]);
}

/** Grammatical modality from the tokens before the trigger (index `ti`) and the trigger itself. */
export function grammaticalModality(words: readonly string[], ti: number, tj = ti + 1): GrammarHit | null {
  const L = lex();
  const hits: GrammarHit[] = [];
  // strict: every token between cue and trigger is an auxiliary, article or adverb
  let strict = true;
  let clauseStart = 0;
  for (let j = ti - 1; j >= 0; j--) {
    const w = words[j];
    if (L.breaks.has(w) || (w === ',' && j < ti - 1)) {
      clauseStart = j + 1;
      break;
    }
    if (w === ',') {
      clauseStart = j + 1;
      break;
    }
    const dist = ti - j;
    if (strict) {
      if (L.negators.has(w)) hits.push({ kind: 'negated', rule: 'modality.negator', cue: w });
      // "failed to reach" negates; "the failed rebellion" happened
      if (L.negatingVerbs.has(w) && !w.startsWith('fail')) hits.push({ kind: 'negated', rule: 'modality.negating-verb', cue: w });
      if (L.futureWords.has(w) && dist <= 3) hits.push({ kind: 'future', rule: 'modality.future-word', cue: w });
      if (w === 'to' && j > 0) {
        const head = words[j - 1];
        const head2 = j > 1 ? words[j - 2] : '';
        if (L.negatingVerbs.has(head)) hits.push({ kind: 'negated', rule: 'modality.negating-verb-to', cue: head });
        else if (head === 'order' && head2 === 'in') hits.push({ kind: 'hypothetical', rule: 'modality.purpose-to', cue: 'in order to' });
        else if (L.hypoHeads.has(head)) hits.push({ kind: 'hypothetical', rule: 'modality.goal-to', cue: head });
        else if (head === 'set' || head === 'going' || head === 'due' || head === 'about') {
          // "is set to", "is going to", "is due to", "is about to"
          hits.push({ kind: 'future', rule: 'modality.intent-to', cue: head });
        } else if (L.futureHeads.has(head) && !['is', 'are', 'was', 'were'].includes(head)) {
          hits.push({ kind: 'future', rule: 'modality.intent-to', cue: head });
        } else if (['is', 'are', 'was', 'were'].includes(head) && j >= 1) {
          // "the army is to withdraw": a scheduled future
          hits.push({ kind: 'future', rule: 'modality.be-to', cue: `${head} to` });
        } else if ((j === ti - 1 || (j === ti - 2 && words[ti - 1] === 'be')) && looksVerbal(words[ti]) && !NOT_IRREALIS_HEAD.test(head)) {
          // a bare infinitive ("troops sent to secure the road", "an order to withdraw") names an
          // event not yet realised when the main clause happens
          hits.push({ kind: 'future', rule: 'modality.infinitive', cue: 'to' });
        }
      }
    }
    if (dist <= LOOSE_WINDOW) {
      if (L.futureAux.has(w)) hits.push({ kind: 'future', rule: 'modality.will', cue: w });
      else if (w === 'would') {
        // "announced it would withdraw": a future seen from a past report; otherwise a conditional
        const before = words.slice(Math.max(0, j - 9), j);
        if (before.some((b) => L.reporting.has(b))) hits.push({ kind: 'future', rule: 'modality.would-reported', cue: w });
        else hits.push({ kind: 'hypothetical', rule: 'modality.would', cue: w });
      } else if (L.hypoModals.has(w) && !inFreeRelative(words, j)) hits.push({ kind: 'hypothetical', rule: 'modality.modal', cue: w });
    }
    if (L.hypoWords.has(w) && !strict) hits.push({ kind: 'hypothetical', rule: 'modality.hedge-word', cue: w });
    else if (L.hypoWords.has(w)) hits.push({ kind: 'hypothetical', rule: 'modality.hedge-word', cue: w });
    if (!(L.transparent.has(w) || isAdverb(w) || L.negators.has(w))) strict = false;
  }
  // "no one was killed", "none of the soldiers were hurt": a negative subject in the same clause
  for (let j = clauseStart; j < ti; j++) {
    const w = words[j];
    if ((w === 'no' && (words[j + 1] === 'one' || ti === j + 1)) || w === 'nobody' || w === 'none' || w === 'nothing') {
      hits.push({ kind: 'negated', rule: 'modality.negative-subject', cue: w });
    }
  }
  // the trigger itself names an intention ("a joint plan", "the peace roadmap"), not when it is the verb ("plans to")
  if (L.futureNouns.has(words[ti]) && words[ti + 1] !== 'to' && ti > 0 && ['a', 'the', 'its', 'their', 'new', 'joint'].includes(words[ti - 1])) {
    hits.push({ kind: 'future', rule: 'modality.future-noun', cue: words[ti] });
  }
  // "the attack was foiled", "talks were postponed": the event is reported as not happening
  // the event is the subject of a future predicate: "additional troops will be deployed", "the cuts will be made"
  for (let k = tj; k < Math.min(words.length, tj + 4); k++) {
    const w = words[k];
    if (L.breaks.has(w) || w === ',') break;
    if (L.futureAux.has(w) && k <= tj + 1) {
      hits.push({ kind: 'future', rule: 'modality.subject-of-will', cue: w });
      break;
    }
  }
  // a noun asked for, offered or planned is not yet real: "called for a re-run", "offers funding"
  for (let j = ti - 1; j >= Math.max(0, ti - 4); j--) {
    const w = words[j];
    if (L.breaks.has(w) || w === ',') break;
    if (REQUEST_HEADS.has(w) || (w === 'for' && j > 0 && /^call/.test(words[j - 1]))) {
      hits.push({ kind: 'future', rule: 'modality.requested', cue: w });
      break;
    }
    if (!(L.transparent.has(w) || isAdverb(w) || /^[a-z-]+$/.test(w))) break;
  }
  // the predicate may follow a prepositional phrase: "the attack on the barracks was foiled"
  for (let k = tj; k < Math.min(words.length, tj + 9); k++) {
    const w = words[k];
    if (L.breaks.has(w) || w === ',') break;
    const aux = k > tj && BE.has(words[k - 1]);
    if (L.undoingParticiples.has(w) && (aux || k === tj)) {
      hits.push({ kind: 'negated', rule: 'modality.undone-after', cue: w });
      break;
    }
    // "a new offensive is likely", "an attack was feared"
    if (aux && k - tj <= 3 && PREDICATIVE_HEDGE.has(w)) {
      hits.push({ kind: 'hypothetical', rule: 'modality.predicative-hedge', cue: w });
      break;
    }
  }
  // "the now-cancelled deal", "a foiled attack"
  if (ti > 0) {
    const prev = words[ti - 1].split('-').pop() as string;
    if (L.undoingParticiples.has(prev)) hits.push({ kind: 'negated', rule: 'modality.undone-before', cue: words[ti - 1] });
  }
  // "no casualties", "no attack": a negated noun trigger
  if (ti > 0 && words[ti - 1] === 'no') hits.push({ kind: 'negated', rule: 'modality.no-noun', cue: 'no' });
  void tj;
  const order: Record<GrammarHit['kind'], number> = { negated: 0, hypothetical: 1, future: 2 };
  hits.sort((a, b) => order[a.kind] - order[b.kind]);
  return hits[0] ?? null;
}

/** "n'a", "n'ont", "n'était": an elided negation particle on the auxiliary. */
function elidedNegation(w: string): boolean {
  return w.length > 2 && w.startsWith("n'");
}

/**
 * Grammatical modality of a trigger in a French sentence, from the tokens before it in its clause:
 * negation ("n'a pas été tué", "sans faire de victimes"), possibility ("pourrait", "risque de",
 * "si"), the future ("va", "prévoit de", "sera déployé"), and a conditional after a "si" clause.
 */
export function frenchGrammaticalModality(words: readonly string[], ti: number): GrammarHit | null {
  const L = frLex();
  const hits: GrammarHit[] = [];
  let clauseStart = 0;
  for (let j = ti - 1; j >= 0; j--) {
    const w = words[j];
    if (L.breaks.has(w) || w === ',' || w.startsWith("qu'")) {
      clauseStart = j + 1;
      break;
    }
  }
  let negator: string | null = null;
  for (let j = ti - 1; j >= clauseStart; j--) {
    const w = words[j];
    const dist = ti - j;
    if (L.negators.has(w) && dist <= 4) negator = w;
    if ((L.particles.has(w) || elidedNegation(w)) && negator && dist <= 6) hits.push({ kind: 'negated', rule: 'modality.fr-negation', cue: `${w} ${negator}` });
    if (L.negativeWords.has(w) && dist <= 3) hits.push({ kind: 'negated', rule: 'modality.fr-negative-word', cue: w });
    if (L.negatingVerbs.has(w) && dist <= 4) hits.push({ kind: 'negated', rule: 'modality.fr-negating-verb', cue: w });
    if (L.hypoModals.has(w) && dist <= LOOSE_WINDOW) hits.push({ kind: 'hypothetical', rule: 'modality.fr-modal', cue: w });
    if (L.modalParticiples.has(w) && j > 0 && L.conditionals.has(words[j - 1])) hits.push({ kind: 'hypothetical', rule: 'modality.fr-modal', cue: `${words[j - 1]} ${w}` });
    if (L.hypoWords.has(w)) hits.push({ kind: 'hypothetical', rule: 'modality.fr-hedge-word', cue: w });
    if (L.futureWords.has(w) && dist <= 3) hits.push({ kind: 'future', rule: 'modality.fr-future', cue: w });
    // "si l'armée n'était pas intervenue, les assaillants auraient tué …": a counterfactual
    if (L.conditionals.has(w) && dist <= 3 && words.slice(0, j).some((x) => x === 'si' || x === "s'il" || x === "s'ils")) hits.push({ kind: 'hypothetical', rule: 'modality.fr-counterfactual', cue: w });
  }
  const order: Record<GrammarHit['kind'], number> = { negated: 0, hypothetical: 1, future: 2 };
  hits.sort((a, b) => order[a.kind] - order[b.kind]);
  return hits[0] ?? null;
}

/** Maps a source cue type (sources stage) to the modality it lends an otherwise plain clause. */
const ALLEGING_HEDGE = /^(?:alleged(?:ly)?|purported(?:ly)?|supposedly|prétendument|présumée?s?)$/iu;

export function modalityOfCue(cueType: SourceMention['cueType'], namedSource: boolean): Modality {
  switch (cueType) {
    case 'claim':
      return 'claimed';
    case 'denial':
      return 'denied';
    case 'accusation':
      return 'alleged';
    case 'estimate':
      return 'estimated';
    case 'hedge':
      return namedSource ? 'reported' : 'reported';
    case 'belief':
      return 'hypothetical';
    case 'report':
      return 'reported';
  }
}

export interface ModalityOptions {
  /** the sources that govern the clause of the trigger, closest first */
  sources?: readonly SourceMention[];
  /** the sentence's tokens as `tokenize(sentence, base)` gives them, when already at hand */
  tokens?: readonly RawToken[];
  /** the document's language: a French document's sentences are read with the French words, but for those that read as English */
  language?: string;
}

/** Tokens of a sentence, lower-cased, and the index range of the trigger span among them. */
let lastTokens: { sentence: string; base: number; tokens: readonly RawToken[]; words: string[] } | null = null;

/** Lower-cased token texts, curly apostrophes straightened: one pass over the sentence, not one per token. */
function lowerWords(sentence: string, base: number, toks: readonly RawToken[]): string[] {
  const lower = sentence.toLowerCase();
  // lower-casing a whole string may differ from lower-casing its pieces (a length change, a
  // final sigma): then token by token
  if (lower.length !== sentence.length || sentence.includes('\u03a3')) return toks.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
  const straight = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
  return toks.map((t) => straight.slice(t.start - base, t.end - base));
}

export function locate(sentence: string, trigger: Span, base = 0, given?: readonly RawToken[]): { tokens: readonly RawToken[]; words: string[]; ti: number; tj: number } {
  // events and statements ask about the same sentence several times in a row: tokenise it once
  if (!lastTokens || lastTokens.sentence !== sentence || lastTokens.base !== base) {
    const toks = given ?? tokenize(sentence, base);
    lastTokens = { sentence, base, tokens: toks, words: lowerWords(sentence, base, toks) };
  }
  const { tokens, words } = lastTokens;
  let ti = tokens.findIndex((t) => t.end > trigger.start);
  if (ti < 0) ti = tokens.length;
  let tj = ti;
  while (tj < tokens.length && tokens[tj].start < trigger.end) tj++;
  return { tokens, words, ti, tj: Math.max(tj, ti + 1) };
}

/**
 * Modality of the event whose trigger is `trigger` (offsets into `sentence`, shifted by `base`
 * like the tokenizer's) in one sentence.
 */
export function classifyModality(sentence: string, trigger: Span, options: ModalityOptions = {}, base = 0): ModalityResult {
  const { words, ti, tj } = locate(sentence, trigger, base, options.tokens);
  const g = options.language === 'fr' && !looksEnglish(sentence) ? frenchGrammaticalModality(words, ti) : grammaticalModality(words, ti, tj);
  const source = options.sources?.[0];
  if (source && source.cueType === 'denial') return { modality: 'denied', rule: 'modality.source-denial', cue: source.cue.text };
  if (g?.kind === 'negated') return { modality: 'denied', rule: g.rule, cue: g.cue };
  if (g?.kind === 'hypothetical') return { modality: 'hypothetical', rule: g.rule, cue: g.cue };
  if (g?.kind === 'future') return { modality: 'future', rule: g.rule, cue: g.cue };
  // ("had allegedly killed": an allegation, not a mere report)
  if (source && source.cueType === 'hedge' && ALLEGING_HEDGE.test(source.cue.text)) return { modality: 'alleged', rule: 'modality.source-hedge-alleged', cue: source.cue.text };
  if (source) return { modality: modalityOfCue(source.cueType, source.source !== null), rule: `modality.source-${source.cueType}`, cue: source.cue.text };
  return { modality: 'asserted', rule: 'modality.default', cue: null };
}
