import type { CueType, FrenchCueLexicon, VerbEntry } from './lexicon.js';
import { charSpan, contentBefore, findChannel, insideQuotation, isCapitalised, isWord, quoteClose, sentenceEnd, span, type Attribution, type SentenceView, type TextSpan } from './rules.js';

/**
 * Who says what in a French sentence, by the same bounded walks as the English rules but over
 * French word order: the source before its verb and auxiliary ("L'armée a indiqué que"), after it
 * in an aside ("…, a indiqué l'état-major", "…, a-t-il déclaré"), after a preposition ("selon des
 * sources locales", "de source sécuritaire"), and the conditional of a reported past ("auraient
 * tué") as a hedge without a source. The view's `lower` holds straight apostrophes.
 */

const DETERMINERS = new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'au', 'aux', 'chaque', 'aucun', 'aucune', 'plusieurs', 'quelques']);
/** Words that open a clause: a subject never reaches past them. */
const CLAUSE_WORDS = new Set(['que', 'qui', 'dont', 'où', 'mais', 'car', 'donc', 'si', 'quand', 'lorsque', 'puisque', 'tandis', 'comme', 'alors', 'afin', 'or', 'ni', 'puis', 'ensuite', 'après', 'avant', 'pendant', 'depuis', 'lors']);
/** Elided clause words written as one token with what follows: "qu'ils", "lorsqu'il", "s'il". */
const ELIDED_CLAUSE = /^(?:qu|lorsqu|puisqu|s)'/;
/** Forms of "être" and "avoir" that are the verb of a clause, not part of a subject. */
const VERB_STOPS = new Set(['est', 'sont', 'était', 'étaient', 'sera', 'seront', 'serait', 'seraient', 'été', 'a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'auraient', 'fait', 'font', 'va', 'vont']);
/** An auxiliary with its inverted subject pronoun: "a-t-il", "ont-ils", "avait-elle". */
const INVERTED_AUX = /^(?:a|ont|avait|avaient|aurait|auraient)-(?:t-)?(il|elle|ils|elles|on)$/;
/** A finite verb with its inverted subject pronoun: "indique-t-il", "précisent-ils". */
const INVERTED_PRONOUN = /-(?:t-)?(il|elle|ils|elles|on)$/;
const TIME_WORDS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', "aujourd'hui", 'matin', 'soir', 'nuit', 'dernier', 'dernière', 'veille', 'lendemain', 'récemment', 'ensuite', 'également', 'aussi']);
/** Words of a phrase standing between a cue and the end of its clause: "dans un communiqué", "à l'AFP". */
const PHRASE_WORDS = new Set(['dans', 'sur', 'lors', 'via', 'par', 'à', 'au', 'aux', 'de', "d'", 'du', 'des', 'en', 'devant', 'auprès']);
/** Tokens after a complement-taking cue that give it its complement ("a ajouté que", "a assuré :"). */
const COMPLEMENT_STARTERS = new Set(['que', ',', '.', ':', ';', '«', '"', '“', '—', '–', 'dans', 'sur', 'lors', 'à', 'au', 'devant', 'auprès', 'avoir', 'être', "n'avoir", "s'être", "n'être"]);
const OPEN_QUOTES = new Set(['«', '“', '"', '„']);
/** Infinitives that open a reported complement ("a affirmé avoir tué", "dit être"). */
const INFINITIVE_COMPLEMENT = new Set(['avoir', 'être', "n'avoir", "s'être", "n'être", 'n’avoir', 's’être', 'n’être']);
const CLOSE_QUOTES = new Set(['»', '”', '"']);
/** Verbs after which "de source(s) …" names where the news came from ("a-t-on appris de source sécuritaire"). */
const LEARNT = /^(?:appris|apprend|apprenait|apprend-on|a-t-on|indique-t-on|précise-t-on)$/;

/** "a appris l'AFP de sources locales": the learning verb, then the outlet that learnt it, right before token `i`. */
function learntBy(v: SentenceView, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    if (LEARNT.test(v.lower[j])) return j < i - 1;
    const t = v.tokens[j].text;
    if (!(isCapitalised(t.replace(/^[ldLD]['’]/, '')) || /^[ld]['’]$/i.test(t))) return false;
  }
  return false;
}

/** "a-t-on appris mercredi de sources …": the learning verb before `i`, past words of time. */
function learntBefore(v: SentenceView, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && TIME_WORDS.has(v.lower[j])) j--;
  return j < i - 1 && j >= 0 && LEARNT.test(v.lower[j]);
}

interface FrenchCue {
  from: number;
  to: number;
  type: CueType;
  kind: 'verb' | 'inverted' | 'preposition' | 'hedge' | 'adjective';
  entry?: VerbEntry;
  /** the source, when the cue's own token names it ("a-t-il": il) */
  pronoun?: TextSpan;
}

function startsClause(lower: string): boolean {
  return CLAUSE_WORDS.has(lower) || ELIDED_CLAUSE.test(lower);
}

/** An auxiliary written with an elided negation or object pronoun ("n'a", "l'ont") as the auxiliary alone. */
function auxiliaryOf(lower: string): string {
  return lower.length > 2 && lower[1] === "'" && (lower[0] === 'n' || lower[0] === 'l') ? lower.slice(2) : lower;
}

function isVerbLike(lower: string, lex: FrenchCueLexicon): boolean {
  lower = auxiliaryOf(lower);
  return VERB_STOPS.has(lower) || lex.auxiliaries.has(lower) || lex.forms.has(lower) || lex.participles.has(lower) || INVERTED_AUX.test(lower);
}

/** The noun phrase ending at token `end`, walking left to punctuation, a clause word or a verb. */
function subjectStart(v: SentenceView, end: number, lex: FrenchCueLexicon): number {
  let i = end;
  while (i > 0 && end - i < 12) {
    const prev = v.tokens[i - 1].text;
    const lower = v.lower[i - 1];
    if (!isWord(prev)) {
      if (prev === '-') {
        i--;
        continue;
      }
      break;
    }
    if (startsClause(lower) || isVerbLike(lower, lex)) break;
    // "le Mali et le Niger ont affirmé": names on both sides make one subject; otherwise a new clause
    if ((lower === 'et' || lower === 'ou') && !(i >= 2 && isCapitalised(v.tokens[i - 2].text) && isCapitalised(v.tokens[i].text))) break;
    i--;
  }
  // a dash kept for a hyphenated name cannot open one ("NIAMEY (AFP) - Le régime …")
  while (i < end && !isWord(v.tokens[i].text)) i++;
  // a sentence-initial connective is no part of the subject
  while (i < end && /^(?:et|mais|or|puis|enfin|ainsi|toutefois|cependant)$/.test(v.lower[i])) i++;
  return i;
}

/** The noun phrase starting at `start`, walking right to punctuation, a verb, a time word or a channel phrase. */
function phraseEnd(v: SentenceView, start: number, lex: FrenchCueLexicon): number {
  const n = v.tokens.length;
  if (start >= n || !isWord(v.tokens[start].text)) return start - 1;
  let i = start;
  while (i + 1 < n && i - start < 10) {
    const next = v.tokens[i + 1].text;
    const lower = v.lower[i + 1];
    if (!isWord(next)) {
      if (next === '-') {
        i++;
        continue;
      }
      // an acronym in brackets belongs to the name: "l'Agence d'information du Burkina (AIB)"
      if (next === '(' && i + 3 < n && v.tokens[i + 3].text === ')') {
        i += 3;
        continue;
      }
      break;
    }
    if (startsClause(lower) || isVerbLike(lower, lex) || TIME_WORDS.has(lower) || lex.prepositions.has(lower)) break;
    // "à l'AFP": the one spoken to, not part of the source
    if (lower === 'à' || lower === 'au' || lower === 'aux' || lower === 'auprès' || lower === 'devant') break;
    if ((lower === 'dans' || lower === 'sur' || lower === 'lors' || lower === 'via' || lower === 'par') && channelAhead(v, i + 2, lex)) break;
    if ((lower === 'et' || lower === 'ou') && i + 2 < n && lex.pronouns.has(v.lower[i + 2])) break;
    i++;
  }
  return i;
}

/** Whether a channel word stands within the next few tokens ("dans un communiqué", "sur sa chaîne Telegram"). */
function channelAhead(v: SentenceView, from: number, lex: FrenchCueLexicon): boolean {
  for (let k = from; k < Math.min(v.tokens.length, from + 4); k++) {
    const w = v.lower[k];
    if (lex.channels.channels.has(w) || lex.channels.channels.has(w.replace(/^[ld]'/, ''))) return true;
  }
  return false;
}

/** Index of the first token after the words that may stand between a verb and what comes before it. */
function skipBetweenLeft(v: SentenceView, at: number, lex: FrenchCueLexicon): number {
  let k = at - 1;
  while (k >= 0 && at - k <= 4 && (lex.between.has(v.lower[k]) || (v.lower[k].length > 6 && v.lower[k].endsWith('ment')))) k--;
  return k;
}

/** Where a clause's content begins after its cue: past an addressee, a channel phrase, a time, "que". */
function contentAfter(v: SentenceView, after: number): TextSpan | null {
  const n = v.tokens.length;
  let i = after;
  // "a déclaré à l'AFP", "a indiqué dans un communiqué publié lundi", "a précisé mardi soir"
  for (let guard = 0; guard < 12 && i < n; guard++) {
    const w = v.lower[i];
    if (TIME_WORDS.has(w) || (PHRASE_WORDS.has(w) && phraseToComplement(v, i))) i = phraseToComplement(v, i) ?? i + 1;
    else break;
  }
  while (i < n && (v.tokens[i].text === ',' || v.tokens[i].text === ':')) i++;
  if (i >= n) return null;
  if (v.lower[i] === 'que') i++;
  if (i >= n) return null;
  const t = v.tokens[i];
  if (OPEN_QUOTES.has(t.text)) return charSpan(v, t.start, quoteClose(v, t.start));
  // "qu'ils ont tué": the content starts after the elided conjunction
  const start = v.lower[i].startsWith("qu'") ? t.start + 3 : t.start;
  return charSpan(v, start, sentenceEnd(v));
}

/**
 * The end of a phrase starting at the preposition at `i` when it leads to a complement ("que", a
 * quotation, a colon) or to the clause's end, else null: "a indiqué dans un communiqué que" skips
 * the phrase, "a revendiqué l'attaque sur sa chaîne" has none to skip.
 */
function phraseToComplement(v: SentenceView, i: number): number | null {
  const n = v.tokens.length;
  for (let j = i + 1; j < n && j - i <= 8; j++) {
    const t = v.tokens[j].text;
    // "a affirmé dans un communiqué avoir « neutralisé » …": an infinitive opens the complement too
    if (v.lower[j] === 'que' || v.lower[j].startsWith("qu'") || t === ':' || t === ',' || OPEN_QUOTES.has(t) || INFINITIVE_COMPLEMENT.has(v.lower[j])) return j;
    if (!isWord(t)) return null;
  }
  return null;
}

/** Whether the clause ends after the cue at `i`, but for a channel, an addressee or a time: "…, l'armée a indiqué dans un communiqué." */
function clauseEndsAfter(v: SentenceView, i: number): boolean {
  const n = v.tokens.length;
  let inPhrase = false;
  for (let j = i + 1; j < n && j - i <= 12; j++) {
    const t = v.tokens[j].text;
    const w = v.lower[j];
    if (t === '.' || t === '!' || t === '?' || t === ';') return true;
    if (t === ',') return !(j + 1 < n && OPEN_QUOTES.has(v.tokens[j + 1].text));
    if (CLOSE_QUOTES.has(t) && j === n - 1) return true;
    if (!isWord(t)) return false;
    if (w === 'que' || w.startsWith("qu'")) return false;
    if (PHRASE_WORDS.has(w)) {
      inPhrase = true;
      continue;
    }
    if (inPhrase || TIME_WORDS.has(w) || (w.length > 6 && w.endsWith('ment'))) continue;
    return false;
  }
  return true;
}

/** The verb entry a token's lower-case text starts, multi-word forms checked token by token. */
function matchEntry(v: SentenceView, i: number, table: Map<string, VerbEntry[]>, key = v.lower[i]): VerbEntry | null {
  const entries = table.get(key);
  if (!entries) return null;
  for (const e of entries) {
    let ok = i + e.rest.length < v.tokens.length;
    for (let r = 0; ok && r < e.rest.length; r++) ok = v.lower[i + 1 + r] === e.rest[r];
    if (ok) return e;
  }
  return null;
}

/** "déclaré la guerre", "condamné à mort": an act, not speech. */
function actNotSpeech(v: SentenceView, last: number, entry: VerbEntry): boolean {
  if (!entry.notBefore) return false;
  for (let d = 1; d <= 4 && last + d < v.tokens.length; d++) if (entry.notBefore.has(v.lower[last + d])) return true;
  return false;
}

function hasComplement(v: SentenceView, last: number): boolean {
  if (last + 1 >= v.tokens.length) return true;
  const w = v.lower[last + 1];
  return COMPLEMENT_STARTERS.has(w) || w.startsWith("qu'") || TIME_WORDS.has(w) || OPEN_QUOTES.has(v.tokens[last + 1].text);
}

/** Whether a noun phrase follows the cue ending at `last`, as the source of an inverted aside does (", a indiqué l'état-major"). */
/** "…, a indiqué à l'AFP un élu local": the one told, between the verb and its inverted subject */
function pastAddressee(v: SentenceView, k: number): number {
  const w = v.lower[k];
  if (w !== 'à' && w !== 'au' && w !== 'aux') return k;
  let j = k + 1;
  for (let steps = 0; steps < 3 && j < v.tokens.length; steps++, j++) {
    const t = v.tokens[j].text;
    const lw = v.lower[j];
    if (!(lw === "l'" || lw === 'la' || lw === 'le' || ADDRESSEES.has(lw) || isCapitalised(t.replace(/^[lL]['’]/, '')))) break;
  }
  // the subject must follow: an article or a name
  return j > k + 1 && j < v.tokens.length && (DETERMINERS.has(v.lower[j]) || isCapitalised(v.tokens[j].text)) ? j : k;
}

/** Who a speaker tells, in an inverted aside ("a déclaré à la presse"). */
const ADDRESSEES = new Set(['presse', 'journalistes', 'médias', 'agence', "l'afp", "l'agence", 'afp', 'reuters', 'rfi', 'ap']);

function namesAfter(v: SentenceView, last: number): boolean {
  let k = last + 1;
  while (k < v.tokens.length && TIME_WORDS.has(v.lower[k])) k++;
  k = pastAddressee(v, k);
  const w = v.lower[k];
  // "…, ont indiqué mardi des sources locales": "des" opens the speakers, not a phrase
  if (w === 'des' && SPEAKERS.has(v.lower[k + 1] ?? '')) return true;
  return k < v.tokens.length && isWord(v.tokens[k].text) && !startsClause(w) && !COMPLEMENT_STARTERS.has(w) && !PHRASE_WORDS.has(w);
}

/** Nouns of people who speak to the press, after "des" in an inverted aside. */
const SPEAKERS = new Set(['sources', 'responsables', 'témoins', 'habitants', 'élus', 'officiels', 'notables', 'militaires', 'experts', 'analystes', 'diplomates', 'observateurs', 'médias', 'proches', 'membres', 'agents', 'officiers', 'autorités', 'humanitaires', 'rescapés', 'survivants', 'villageois']);

/** The subject pronoun inside an inverted token ("a-t-il": il), as its own span; "on" names nobody. */
function invertedPronoun(v: SentenceView, i: number, re: RegExp): TextSpan | undefined {
  const m = re.exec(v.lower[i]);
  if (!m || m[1] === 'on') return undefined;
  const end = v.tokens[i].end;
  const start = end - m[1].length;
  return { start, end, text: v.text.slice(start, end) };
}

/** Whether a hypothetical clause ("si", "s'il", "même si", "au cas où") precedes token `i` in the sentence. */
function afterCondition(v: SentenceView, i: number): boolean {
  for (let k = 0; k < i; k++) {
    const w = v.lower[k];
    if (w === 'si' || w === "s'il" || w === "s'ils" || (w === 'cas' && v.lower[k + 1] === 'où')) return true;
  }
  return false;
}

/** The cues of one French sentence, left to right. */
export function findFrenchCues(v: SentenceView, lex: FrenchCueLexicon): FrenchCue[] {
  const out: FrenchCue[] = [];
  const n = v.tokens.length;
  for (let i = 0; i < n; i++) {
    const lower = v.lower[i];
    const prev = i > 0 ? v.lower[i - 1] : '';
    const prevIsWord = i > 0 && isWord(v.tokens[i - 1].text);

    const prep = lex.prepositions.get(lower);
    if (prep) {
      let head = i + 1;
      while (head < n && DETERMINERS.has(v.lower[head])) head++;
      const h = v.lower[head] ?? '';
      // "selon le plan", "selon que": manner or a clause, not a source
      if (i + 1 < n && isWord(v.tokens[i + 1].text) && !lex.notSources.has(h) && !lex.notSources.has(h.replace(/^[ld]'/, '')) && !startsClause(v.lower[i + 1])) {
        out.push({ from: i, to: i, type: prep, kind: 'preposition' });
      }
      continue;
    }
    // "de source sécuritaire", "a-t-on appris de sources concordantes"
    if (lower === 'de' && (v.lower[i + 1] === 'source' || v.lower[i + 1] === 'sources') && (!prevIsWord || LEARNT.test(prev) || learntBy(v, i) || learntBefore(v, i))) {
      out.push({ from: i, to: i, type: 'report', kind: 'preposition' });
      continue;
    }

    const hedge = lex.hedges.get(lower);
    if (hedge) {
      out.push({ from: i, to: i, type: hedge, kind: 'hedge' });
      continue;
    }

    const conditional = lex.conditionals.get(lower);
    if (conditional) {
      let k = i + 1;
      while (k < n && lex.between.has(v.lower[k])) k++;
      // "auraient pu tuer" is a possibility, "si …, ils auraient tué" a counterfactual: neither is a report
      if (k < n && isWord(v.tokens[k].text) && !lex.modalParticiples.has(v.lower[k]) && !afterCondition(v, i)) out.push({ from: i, to: i, type: conditional, kind: 'hedge' });
      continue;
    }

    const adjective = lex.adjectives.get(lower);
    if (adjective && prevIsWord && !DETERMINERS.has(prev) && !VERB_STOPS.has(prev)) {
      out.push({ from: i, to: i, type: adjective, kind: 'adjective' });
      continue;
    }

    // a participle after its auxiliary: "a indiqué", "n'ont pas confirmé", "a-t-il déclaré"
    const participle = matchEntry(v, i, lex.participles);
    if (participle) {
      const k = skipBetweenLeft(v, i, lex);
      const aux = k >= 0 ? auxiliaryOf(v.lower[k]) : '';
      const inverted = INVERTED_AUX.test(aux);
      if (k >= 0 && (lex.auxiliaries.has(aux) || inverted)) {
        const last = i + participle.rest.length;
        const before = k > 0 ? v.tokens[k - 1].text : '';
        const aside = k > 0 && (before === ',' || CLOSE_QUOTES.has(before) || before === '—');
        if (!actNotSpeech(v, last, participle) && (!participle.complement || aside || inverted || hasComplement(v, last))) {
          const pronoun = inverted ? invertedPronoun(v, k, INVERTED_AUX) : undefined;
          out.push({ from: k, to: last, type: participle.type, kind: inverted || (aside && namesAfter(v, last)) ? 'inverted' : 'verb', entry: participle, ...(pronoun ? { pronoun } : {}) });
          i = last;
          continue;
        }
      }
    }

    // a finite form: after a subject ("L'armée affirme avoir …"), or inverted ("…, indique-t-il")
    const bare = INVERTED_PRONOUN.test(lower) ? lower.replace(INVERTED_PRONOUN, '') : lower;
    const form = matchEntry(v, i, lex.forms, bare);
    if (form) {
      const last = i + form.rest.length;
      const inverted = bare !== lower;
      const aside = i > 0 && (v.tokens[i - 1].text === ',' || CLOSE_QUOTES.has(v.tokens[i - 1].text));
      // "l'annonce", "une date précise", "de la déclaration": a noun or an adjective
      const nominal = DETERMINERS.has(prev) || prev === 'de' || prev === "d'";
      const subjectBefore = prevIsWord && !nominal && (lex.pronouns.has(prev) || prev === 'qui' || hasComplement(v, last) || DETERMINERS.has(v.lower[last + 1] ?? '') || (v.lower[last + 1] ?? '').startsWith("l'"));
      if (!actNotSpeech(v, last, form) && (inverted || (aside && namesAfter(v, last)) || subjectBefore) && (!form.complement || inverted || aside || hasComplement(v, last))) {
        const pronoun = inverted ? invertedPronoun(v, i, INVERTED_PRONOUN) : undefined;
        out.push({ from: i, to: last, type: form.type, kind: inverted || (aside && namesAfter(v, last)) ? 'inverted' : 'verb', entry: form, ...(pronoun ? { pronoun } : {}) });
        i = last;
      }
    }
  }
  return out;
}

/** The attributions of one French sentence. */
export function attributeFrenchSentence(v: SentenceView, lex: FrenchCueLexicon): Attribution[] {
  const out: Attribution[] = [];
  const n = v.tokens.length;
  for (const cue of findFrenchCues(v, lex)) {
    // a speaker's own reporting inside a quotation is part of what is quoted
    if (cue.kind !== 'hedge' && insideQuotation(v, v.tokens[cue.from].start)) continue;
    const channel = findChannel(v, cue.from, lex.channels);
    let source: TextSpan | null = null;
    let content: TextSpan | null = null;
    let rule: string = cue.kind;
    if (cue.kind === 'preposition') {
      // "de source sécuritaire": the source is the phrase the word "source" heads
      const s = cue.to + 1;
      const e = phraseEnd(v, s, lex);
      if (e >= s) source = span(v, s, e);
      const after = e + 1;
      const initial = cue.from === 0 || !isWord(v.tokens[cue.from - 1].text) || /^(?:et|mais)$/.test(v.lower[cue.from - 1]);
      // ("…, selon un rapport de l'ONU publié vendredi.": a date after the source still ends the sentence)
      let rest = after;
      while (rest < n && (TIME_WORDS.has(v.lower[rest]) || /^(?:\d{1,4}|le|dernier|derni[eè]re)$/u.test(v.lower[rest]))) rest++;
      const tail = rest >= n || /^[.;!?]$/.test(v.tokens[rest].text);
      // "…, selon l'armée, tuant 12 soldats": set off by commas, the source speaks for the sentence
      const aside = cue.from > 0 && v.tokens[cue.from - 1].text === ',' && after < n && v.tokens[after].text === ',';
      if (tail && cue.from > 0) {
        content = contentBefore(v, cue.from);
        rule = 'fr-selon-final';
      } else if (aside) {
        content = charSpan(v, v.tokens[0].start, sentenceEnd(v));
        rule = 'fr-selon-aside';
      } else if (after < n) {
        content = charSpan(v, v.tokens[after].start, sentenceEnd(v));
        rule = initial ? 'fr-selon-initial' : 'fr-selon-medial';
      }
    } else if (cue.kind === 'hedge') {
      content = charSpan(v, v.tokens[0].start, sentenceEnd(v));
      rule = lex.conditionals.has(v.lower[cue.from]) ? 'fr-conditional' : 'fr-hedge';
    } else if (cue.kind === 'adjective') {
      const s = subjectStart(v, cue.from - 1, lex);
      content = s < cue.from ? span(v, s, cue.from - 1) : null;
      rule = 'fr-adjective';
    } else if (cue.kind === 'inverted') {
      // "…, a indiqué l'état-major", "…, a-t-il déclaré", "« … », précise le communiqué"
      if (cue.pronoun) source = cue.pronoun;
      else {
        let s = cue.to + 1;
        while (s < n && TIME_WORDS.has(v.lower[s])) s++;
        s = pastAddressee(v, s);
        const e = phraseEnd(v, s, lex);
        if (e >= s) source = span(v, s, e);
      }
      content = contentBefore(v, cue.from);
      rule = 'fr-inverted';
    } else {
      if (cue.pronoun) source = cue.pronoun;
      let subjectAt = -1;
      if (!source) {
        const k = skipBetweenLeft(v, cue.from, lex);
        // "des rebelles touareg du Cadre stratégique permanent (CSP) ont affirmé": the acronym in
        // brackets closes the subject
        const open = k >= 2 && v.tokens[k].text === ')' ? v.tokens.findLastIndex((t, j) => j < k && j >= k - 4 && t.text === '(') : -1;
        if (open > 0 && isWord(v.tokens[open - 1].text)) {
          const s = subjectStart(v, open - 1, lex);
          if (s <= open - 1) {
            source = span(v, s, k);
            subjectAt = s;
          }
        } else if (k >= 0 && isWord(v.tokens[k].text)) {
          let end = k;
          // "l'armée, qui affirme avoir …": the antecedent speaks
          if (v.lower[end] === 'qui' && end > 0) {
            end--;
            if (v.tokens[end].text === ',') end--;
          }
          if (end >= 0 && isWord(v.tokens[end].text)) {
            const s = subjectStart(v, end, lex);
            if (s <= end) {
              source = span(v, s, end);
              subjectAt = s;
            }
          }
        }
      }
      if (subjectAt > 0 && clauseEndsAfter(v, cue.to)) {
        content = contentBefore(v, subjectAt);
        rule = 'fr-subject-final';
      }
      if (!content) {
        content = contentAfter(v, cue.to + 1);
        rule = source ? 'fr-subject' : 'fr-no-subject';
      }
    }
    out.push({ cue: span(v, cue.from, cue.to), source, content, channel, cueType: cue.type, rule });
  }
  return out;
}

/** Every word that may start a French cue, for the sources stage to pass over sentences without one. */
export function isFrenchCueStart(lower: string, lex: FrenchCueLexicon): boolean {
  const bare = lower.replace(/’/g, "'");
  return (
    bare === 'de' ||
    lex.prepositions.has(bare) ||
    lex.hedges.has(bare) ||
    lex.conditionals.has(bare) ||
    lex.adjectives.has(bare) ||
    lex.participles.has(bare) ||
    lex.forms.has(bare) ||
    lex.forms.has(bare.replace(INVERTED_PRONOUN, ''))
  );
}
