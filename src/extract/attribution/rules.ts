import type { Channel, Span, Token } from '../../model.js';
import type { CueLexicon, CueType } from './lexicon.js';

/**
 * Who says what, by rules over one sentence's tokens. There is no parser: a reporting cue is found
 * by lexicon lookup, its source is the noun phrase on the side English puts it ("X said", "said X",
 * "according to X"), and its content is the quote, the "that" clause, the clause before ", X said"
 * or the rest of the sentence. Each helper is a bounded walk over the tokens next to the cue, so a
 * sentence costs a few passes at most.
 */

export interface TextSpan extends Span {
  text: string;
}

export interface Attribution {
  cue: TextSpan;
  source: TextSpan | null;
  content: TextSpan | null;
  channel: Channel;
  cueType: CueType;
  rule: string;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'any', 'every', 'each', 'no', 'such']);
const PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from', 'with', 'on', 'by', 'to', 'about', 'over', 'under', 'into', 'after', 'before', 'during', 'between', 'against', 'among', 'amid', 'near', 'within', 'without', 'via', 'through', 'following', 'despite', 'since', 'than', 'like', 'upon', 'across', 'toward', 'towards']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'may', 'might', 'must', 'did', 'does', 'do', 'shall']);
/** Words that open a clause: the subject noun phrase of a cue never reaches past them. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'whom', 'whose', 'but', 'because', 'while', 'if', 'when', 'although', 'though', 'whereas', 'where', 'so', 'yet', 'unless', 'whether', 'once', 'until', 'after', 'before', 'as', 'then', 'also', 'not', 'however', 'meanwhile', 'why', 'how', 'what', 'there', 'here']);
const RELATIVES = new Set(['who', 'which', 'that']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it']);
const OPEN_QUOTES = new Set(['“', '"', '«', '‘', "'", '„']);
const CLOSE_QUOTES = new Set(['”', '"', '»', '’', "'"]);
const QUOTE_CHARS = new Set(['“', '”', '"', '«', '»', '„']);
/** Tokens after a cue that still leave the clause "complete": "he added." "he added, ..." */
const COMPLEMENT_STARTERS = new Set(['that', ',', '.', ':', ';', '“', '"', '«', 'in', 'on', 'to', 'during', 'at', 'via', 'through', '—', '–', '-', '?', '!', '”', '»', 'when', 'after', 'before', 'while', 'later', 'today', 'yesterday', 'adding', 'saying']);

export interface SentenceView {
  /** the document text */
  text: string;
  tokens: Token[];
  lower: string[];
  /** bounds of the sentence and of its paragraph, for quotes that run past the sentence */
  sentence: Span;
  paragraph: Span;
}

function isWord(t: string): boolean {
  const c = t.charCodeAt(0);
  // letters, digits, and the clitic 's / ’s token
  return /[\p{L}\p{N}]/u.test(t[0]) || ((c === 39 || c === 0x2019) && t.length > 1);
}

function isCapitalised(t: string): boolean {
  const ch = t[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function span(v: SentenceView, from: number, to: number): TextSpan {
  const start = v.tokens[from].start;
  const end = v.tokens[to].end;
  return { start, end, text: v.text.slice(start, end) };
}

function charSpan(v: SentenceView, start: number, end: number): TextSpan | null {
  // trims blanks and a trailing comma, semicolon or full stop that is outside any quote
  while (start < end && /\s/.test(v.text[start])) start++;
  while (end > start && /[\s,;:.—–-]/.test(v.text[end - 1])) end--;
  while (start < end && /[,;:—–-]/.test(v.text[start])) {
    start++;
    while (start < end && /\s/.test(v.text[start])) start++;
  }
  if (end <= start) return null;
  return { start, end, text: v.text.slice(start, end) };
}

/**
 * The noun phrase ending at token `end`, walking left: it takes names, nouns, determiners and
 * prepositional phrases inside the phrase ("a spokesman for the army") and stops at punctuation,
 * at a word that opens a clause, at an auxiliary, or at a past-tense verb.
 */
export function npLeft(v: SentenceView, end: number, lex: CueLexicon, limit = 12): number {
  let i = end;
  while (i > 0 && end - i < limit) {
    const prev = v.tokens[i - 1].text;
    const lower = v.lower[i - 1];
    if (!isWord(prev)) {
      if (prev === '&' || prev === '-') {
        i--;
        continue;
      }
      break;
    }
    if (CLAUSE_OPENERS.has(lower) || AUX.has(lower) || RELATIVES.has(lower)) break;
    if (lex.verbs.has(lower) && !DETERMINERS.has(v.lower[i - 2] ?? '')) break;
    if ((lower === 'and' || lower === 'or') && (i < 2 || !isWord(v.tokens[i - 2].text))) break;
    // a lower-case word ending in -ed right after a noun is a verb ("the attack killed ..."),
    // unless a determiner or preposition stands before it ("the armed men")
    if (lower.length > 4 && lower.endsWith('ed') && !isCapitalised(prev) && i - 2 >= 0 && !DETERMINERS.has(v.lower[i - 2]) && !PREPOSITIONS.has(v.lower[i - 2])) break;
    i--;
  }
  // an opening adverbial ("In Bamako the minister", "On Friday officials") is not part of the source
  if (i < end && PREPOSITIONS.has(v.lower[i])) {
    let cut = -1;
    for (let k = end; k > i; k--) {
      if (DETERMINERS.has(v.lower[k])) {
        cut = k;
        break;
      }
    }
    if (cut < 0) {
      // no determiner: keep the last run of words after the preposition's own object
      cut = i + 2 <= end ? i + 2 : end;
    }
    i = cut;
  }
  return i;
}

/** The noun phrase starting at token `start`, walking right (for "said X" and "according to X"). */
export function npRight(v: SentenceView, start: number, lex: CueLexicon, limit = 12): number {
  const n = v.tokens.length;
  let i = start;
  if (i >= n || !isWord(v.tokens[i].text)) return start - 1;
  while (i + 1 < n && i - start < limit) {
    const next = v.tokens[i + 1].text;
    const lower = v.lower[i + 1];
    if (!isWord(next)) {
      if (next === '&' || next === '-') {
        i++;
        continue;
      }
      break;
    }
    if (lower === 'that' || lower === 'who' || lower === 'which' || AUX.has(lower) || lex.verbs.has(lower) || CLAUSE_OPENERS.has(lower)) break;
    if ((lower === 'and' || lower === 'or') && i + 2 < n && SUBJECT_PRONOUNS.has(v.lower[i + 2])) break;
    if ((lower === 'in' || lower === 'on') && i + 2 < n && (v.lower[i + 2] === 'a' || v.lower[i + 2] === 'an') && i + 3 < n && lex.channels.has(v.lower[i + 3])) break;
    i++;
  }
  return i;
}

/** Index of the first token after the subject-side run of adverbs and auxiliaries before `cue`. */
function skipBetweenLeft(v: SentenceView, cue: number, lex: CueLexicon): number {
  let k = cue - 1;
  while (k >= 0 && lex.between.has(v.lower[k]) && cue - k <= 4) k--;
  return k;
}

/** A channel phrase in the sentence, the one closest to the cue. */
export function findChannel(v: SentenceView, cueIndex: number, lex: CueLexicon, from = 0, to = v.tokens.length): Channel {
  let best: Channel = null;
  let bestDistance = Infinity;
  for (let i = from; i < to; i++) {
    const candidates = lex.channels.get(v.lower[i]);
    if (!candidates) continue;
    for (const c of candidates) {
      let ok = i + c.rest.length < to;
      for (let r = 0; ok && r < c.rest.length; r++) ok = v.lower[i + 1 + r] === c.rest[r];
      if (!ok) continue;
      if (c.capitalised && !isCapitalised(v.tokens[c.rest.length > 0 ? i + 1 : i].text)) continue;
      // "report" names a channel only as a noun phrase ("in a report", "a UN report"), not "reported"
      const d = Math.abs(i - cueIndex);
      if (d < bestDistance) {
        bestDistance = d;
        best = c.channel;
      }
      break;
    }
  }
  return best;
}

/** Start offset of the quotation that ends at `close` (a closing quote), searched back in the paragraph. */
function quoteOpen(v: SentenceView, close: number): number {
  for (let p = close - 1; p >= v.paragraph.start; p--) {
    const ch = v.text[p];
    if (ch === '“' || ch === '«' || ch === '„') return p;
    if (ch === '"') return p;
  }
  return -1;
}

/** End offset (exclusive) of the quotation that opens at `open`, searched forward in the paragraph. */
function quoteClose(v: SentenceView, open: number): number {
  const opener = v.text[open];
  for (let p = open + 1; p < v.paragraph.end; p++) {
    const ch = v.text[p];
    if (ch === '”' || ch === '»' || (opener === '"' && ch === '"')) return p + 1;
    if (opener === '“' && ch === '"') return p + 1;
  }
  return v.paragraph.end;
}

/** The content after the cue (and after a source or addressee that follows it). */
function contentAfter(v: SentenceView, after: number, lex: CueLexicon): TextSpan | null {
  const n = v.tokens.length;
  let i = after;
  // a channel or time phrase between cue and content: "said in a statement on Friday that"
  for (let guard = 0; guard < 3 && i < n; guard++) {
    if ((v.lower[i] === 'in' || v.lower[i] === 'on' || v.lower[i] === 'during' || v.lower[i] === 'via') && i + 1 < n) {
      let j = i + 1;
      let hit = false;
      while (j < n && j - i <= 6 && isWord(v.tokens[j].text) && v.lower[j] !== 'that') {
        if (lex.channels.has(v.lower[j]) || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tuesday)$/.test(v.lower[j])) hit = true;
        j++;
      }
      if (hit) {
        i = j;
        continue;
      }
    }
    break;
  }
  while (i < n && (v.tokens[i].text === ',' || v.tokens[i].text === ':')) i++;
  if (i >= n) return null;
  const t = v.tokens[i].text;
  if (OPEN_QUOTES.has(t) && QUOTE_CHARS.has(t)) {
    const start = v.tokens[i].start;
    return charSpan(v, start, quoteClose(v, start));
  }
  return charSpan(v, v.tokens[i].start, sentenceEnd(v));
}

function sentenceEnd(v: SentenceView): number {
  const last = v.tokens[v.tokens.length - 1];
  // a sentence that ends inside a quotation keeps the closing quote
  if (last && CLOSE_QUOTES.has(last.text)) return last.end;
  return v.sentence.end;
}

/** The content before the source in "CONTENT, X said." (or before the cue in "CONTENT, said X."). */
function contentBefore(v: SentenceView, endToken: number): TextSpan | null {
  // endToken: index of the first token of the source/cue; content ends before the comma in front
  let e = endToken - 1;
  while (e >= 0 && (v.tokens[e].text === ',' || v.tokens[e].text === '—' || v.tokens[e].text === '–')) e--;
  if (e < 0) return null;
  const endTok = v.tokens[e];
  let start = v.tokens[0].start;
  if (CLOSE_QUOTES.has(endTok.text) && QUOTE_CHARS.has(endTok.text)) {
    const open = quoteOpen(v, endTok.start);
    if (open >= 0) start = Math.min(start, open);
  } else if (OPEN_QUOTES.has(v.tokens[0].text)) {
    start = v.tokens[0].start;
  }
  const first = v.tokens[0];
  // skip a connective that opens the sentence ("But ..."): content starts after it only if no quote
  void first;
  return charSpan(v, start, endTok.end);
}

/** Whether the tokens after `i` close the clause: "..., X said." / "..., X said on Friday." */
function clauseEndsAfter(v: SentenceView, i: number, lex: CueLexicon): boolean {
  const n = v.tokens.length;
  let j = i + 1;
  // an addressee or a channel/time phrase may follow: "told Reuters", "said in a statement on Friday"
  let guard = 0;
  while (j < n && guard++ < 10) {
    const t = v.tokens[j].text;
    if (t === '.' || t === '!' || t === '?' || t === ';') return true;
    if (CLOSE_QUOTES.has(t) && j === n - 1) return true;
    if (t === ',' || t === '—') {
      // ", adding that ..." or ", citing ..." is a second attribution; the first clause is complete
      return true;
    }
    const lower = v.lower[j];
    if (lower === 'that' || OPEN_QUOTES.has(t) || t === ':') return false;
    if (!isWord(t)) return false;
    if (lex.verbs.has(lower) && !PREPOSITIONS.has(lower)) return false;
    j++;
  }
  return j >= n;
}

interface Cue {
  from: number;
  to: number;
  type: CueType;
  kind: 'verb' | 'preposition' | 'hedge' | 'passive' | 'adjective';
  lemma: string;
  complement: boolean;
}

/** Cues of one sentence, left to right, with the contexts that make a form a non-cue filtered out. */
export function findCues(v: SentenceView, lex: CueLexicon): Cue[] {
  const out: Cue[] = [];
  const n = v.tokens.length;
  for (let i = 0; i < n; i++) {
    const lower = v.lower[i];
    const prev = i > 0 ? v.lower[i - 1] : '';
    const next = i + 1 < n ? v.lower[i + 1] : '';

    const preps = lex.prepositions.get(lower);
    if (preps) {
      let matched = false;
      for (const p of preps) {
        let ok = i + p.rest.length < n;
        for (let r = 0; ok && r < p.rest.length; r++) ok = v.lower[i + 1 + r] === p.rest[r];
        if (!ok) continue;
        const after = i + p.rest.length + 1;
        // "according to plan", "according to the law": manner, not a source
        let head = after;
        while (head < n && DETERMINERS.has(v.lower[head])) head++;
        if (after >= n || lex.notSources.has(v.lower[head] ?? '') || !isWord(v.tokens[after].text)) continue;
        out.push({ from: i, to: i + p.rest.length, type: p.type, kind: 'preposition', lemma: v.lower.slice(i, i + p.rest.length + 1).join(' '), complement: false });
        i += p.rest.length;
        matched = true;
        break;
      }
      if (matched) continue;
    }

    const hedge = lex.hedges.get(lower);
    if (hedge) {
      out.push({ from: i, to: i, type: hedge, kind: 'hedge', lemma: lower, complement: false });
      continue;
    }

    // passive participles: "is believed to", "it is reported that", "were presumed dead", "was told by"
    const participle = lex.participles.get(lower);
    if (participle && BE.has(prev === 'not' || prev === 'widely' || prev === 'also' || prev === 'generally' || prev === 'now' ? (v.lower[i - 2] ?? '') : prev)) {
      if (next === 'by') {
        // "was reported by local media": a named source after "by" makes it an ordinary report
        out.push({ from: i, to: i, type: participle === 'belief' ? 'belief' : 'report', kind: 'passive', lemma: lower, complement: false });
      } else {
        out.push({ from: i, to: i, type: participle, kind: 'passive', lemma: lower, complement: false });
      }
      continue;
    }

    const adjective = lex.adjectives.get(lower);
    if (adjective && (i === 0 || DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || !isWord(v.tokens[i - 1].text) || prev === 'and') && i + 1 < n && isWord(v.tokens[i + 1].text) && next !== 'that' && next !== 'by' && !AUX.has(next) && !lex.verbs.has(next) && !OBJECT_PRONOUNS.has(next)) {
      // "suspected militants", "the alleged massacre", "an estimated 2,000", but not "X alleged that"
      if (i === 0 || DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || prev === 'and' || !isWord(v.tokens[i - 1].text)) {
        if (!(i > 0 && isCapitalised(v.tokens[i - 1].text) && !DETERMINERS.has(prev))) {
          out.push({ from: i, to: i, type: adjective, kind: 'adjective', lemma: lower, complement: false });
          continue;
        }
      }
    }

    const verbs = lex.verbs.get(lower);
    if (!verbs) continue;
    for (const entry of verbs) {
      let ok = i + entry.rest.length < n;
      for (let r = 0; ok && r < entry.rest.length; r++) ok = v.lower[i + 1 + r] === entry.rest[r];
      if (!ok) continue;
      const last = i + entry.rest.length;
      const after = last + 1 < n ? v.lower[last + 1] : '';
      // "the said agreement", "his claims", "a noted author", "a warning": noun or adjective
      if (DETERMINERS.has(prev) && prev !== 'that') break;
      if (prev === 'that' && (lower === 'said' || lower === 'claims') && i === 1) break;
      if (lower === 'told' && prev === 'all') break;
      // "to say", "declined to comment": an infinitive names no act of saying
      if (prev === 'to' && !entry.lemma.startsWith('explain')) break;
      // passive "was told", "were warned" without a source
      if (BE.has(prev) && (lower.endsWith('ed') || lower === 'told' || lower === 'said')) break;
      // plural nouns that look like verbs: "claims of abuses", "reports were", "warns"
      if ((lower.endsWith('s') || lower === 'claim' || lower === 'report') && (PREPOSITIONS.has(after) && after !== 'to' && after !== 'on' && after !== 'in' || AUX.has(after) || after === 'and' || after === 'that' && lower === 'claims' && PREPOSITIONS.has(prev))) break;
      if ((lower === 'claim' || lower === 'say' || lower === 'think' || lower === 'believe' || lower === 'deny' || lower === 'warn' || lower === 'argue' || lower === 'accuse' || lower === 'allege' || lower === 'explain' || lower === 'tell') && !(SUBJECT_PRONOUNS.has(prev) || lex.between.has(prev) || (prev.endsWith('s') && !AUX.has(prev)) || prev === 'i')) break;
      if (lower === 'warning' && (after === 'shots' || after === 'signs' || after === 'sign')) break;
      if (entry.complement && after && !COMPLEMENT_STARTERS.has(after) && !QUOTE_CHARS.has(v.tokens[last + 1].text)) break;
      out.push({ from: i, to: last, type: entry.type, kind: 'verb', lemma: entry.lemma, complement: entry.complement });
      i = last;
      break;
    }
  }
  return out;
}

/** Sentence-initial subject, for participle cues (", saying ...") whose subject is the main clause's. */
function mainSubject(v: SentenceView, lex: CueLexicon, before: number): [number, number] | null {
  let s = 0;
  while (s < before && !isWord(v.tokens[s].text)) s++;
  if (s >= before) return null;
  // skip an opening adverbial up to its comma ("On Friday, the army ...")
  for (let k = s; k < Math.min(before, s + 8); k++) {
    if (v.tokens[k].text === ',') {
      if (PREPOSITIONS.has(v.lower[s]) || /^(last|earlier|later|meanwhile|however|but|and|yesterday|today)$/.test(v.lower[s])) s = k + 1;
      break;
    }
  }
  const e = npRight(v, s, lex, 8);
  if (e < s) return null;
  // a subject ends at a lower-case verb-like word: keep only words up to the first -ed/-s verb after a noun
  let end = s;
  for (let k = s; k <= e && k < before; k++) {
    if (k > s && /ed$/.test(v.lower[k]) && !isCapitalised(v.tokens[k].text)) break;
    end = k;
  }
  return [s, end];
}

/** The attributions of one sentence. `previous` holds the sentence's earlier results, for participles. */
export function attributeSentence(v: SentenceView, lex: CueLexicon): Attribution[] {
  const cues = findCues(v, lex);
  const out: Attribution[] = [];
  const n = v.tokens.length;
  for (const cue of cues) {
    const cueSpan = span(v, cue.from, cue.to);
    const channel = findChannel(v, cue.from, lex);
    let source: TextSpan | null = null;
    let content: TextSpan | null = null;
    let rule: string = cue.kind;

    if (cue.kind === 'preposition') {
      const s = cue.to + 1;
      const e = npRight(v, s, lex);
      if (e >= s) source = span(v, s, e);
      // "according to X, CONTENT." or "CONTENT, according to X."
      const afterSource = e + 1;
      let k = cue.from - 1;
      while (k >= 0 && (v.lower[k] === 'and' || v.lower[k] === 'but')) k--;
      const initial = k < 0 || !isWord(v.tokens[k].text) && v.tokens[k].text !== ')';
      const tail = afterSource >= n || /^[.;!?]$/.test(v.tokens[afterSource].text) || (afterSource === n - 1 && CLOSE_QUOTES.has(v.tokens[afterSource].text));
      if (tail && cue.from > 0) {
        content = contentBefore(v, cue.from);
        rule = 'according-to-final';
      } else if (initial && afterSource < n) {
        content = charSpan(v, v.tokens[afterSource].start, sentenceEnd(v));
        rule = 'according-to-initial';
      } else if (afterSource < n) {
        // mid-sentence: what follows until the end is the claim
        content = charSpan(v, v.tokens[afterSource].start, sentenceEnd(v));
        rule = 'according-to-medial';
      }
      if (cue.lemma === 'citing' || cue.lemma === 'quoting') {
        content = cue.from > 0 ? contentBefore(v, cue.from) : null;
        rule = cue.lemma;
      }
    } else if (cue.kind === 'hedge' || cue.kind === 'adjective') {
      if (cue.kind === 'adjective') {
        const e = npRight(v, cue.to + 1, lex, 6);
        content = e > cue.to ? span(v, cue.to + 1, e) : null;
      } else {
        content = charSpan(v, v.tokens[0].start, sentenceEnd(v));
      }
    } else if (cue.kind === 'passive') {
      const next = cue.to + 1 < n ? v.lower[cue.to + 1] : '';
      if (next === 'by') {
        const e = npRight(v, cue.to + 2, lex);
        if (e >= cue.to + 2) source = span(v, cue.to + 2, e);
        rule = 'passive-by';
      }
      content = charSpan(v, v.tokens[0].start, sentenceEnd(v));
    } else {
      // verb cues
      const k = skipBetweenLeft(v, cue.from, lex);
      const prevTok = k >= 0 ? v.tokens[k].text : '';
      const nextIdx = cue.to + 1;
      const nextTok = nextIdx < n ? v.tokens[nextIdx].text : '';
      const nextLower = nextIdx < n ? v.lower[nextIdx] : '';
      const inverted = (k < 0 || prevTok === ',' || (CLOSE_QUOTES.has(prevTok) && QUOTE_CHARS.has(prevTok))) && nextIdx < n && isWord(nextTok) && nextLower !== 'that' && !lex.between.has(nextLower) && !OBJECT_PRONOUNS.has(nextLower) && (isCapitalised(nextTok) || DETERMINERS.has(nextLower) || SUBJECT_PRONOUNS.has(nextLower) || /^(officials?|sources?|witnesses|residents|police|analysts?|experts?|spokes\w+)$/.test(nextLower));
      const participle = cue.from > 0 && v.lower[cue.from].endsWith('ing') && (prevTok === ',' || prevTok === '—' || k < 0);
      if (participle) {
        // ", saying that ...": the subject of the main clause speaks
        const earlier = out.length > 0 ? out[out.length - 1].source : null;
        if (earlier) source = earlier;
        else {
          const subj = mainSubject(v, lex, cue.from);
          if (subj) source = span(v, subj[0], subj[1]);
        }
        content = contentAfter(v, nextIdx, lex);
        rule = 'participle';
      } else if (inverted) {
        // '"...," said the spokesman' / "..., said X, a spokesman for Y."
        const e = npRight(v, nextIdx, lex);
        source = span(v, nextIdx, e);
        // apposition after the inverted source: ", said Fatou Diallo, a local official."
        content = k >= 0 ? contentBefore(v, cue.from) : contentAfter(v, e + 1, lex);
        rule = 'inverted';
      } else if (k >= 0 && isWord(prevTok)) {
        let e = k;
        let relative = false;
        // "a force that has asserted", "officials who said": the antecedent speaks
        if (RELATIVES.has(v.lower[e]) && e > 0) {
          relative = true;
          e--;
          if (v.tokens[e].text === ',') e--;
        }
        if (e >= 0 && isWord(v.tokens[e].text)) {
          let s = npLeft(v, e, lex);
          // apposition before the verb: "X, a spokesman for Y, said" handled below; here "X, 45, said"
          source = span(v, s, e);
          if (relative) {
            // include the head the relative clause hangs on, and its own apposition: "the Africa Corps, a force that"
            if (s > 1 && v.tokens[s - 1].text === ',') {
              const s2 = npLeft(v, s - 2, lex);
              if (s2 <= s - 2) s = s2;
              source = span(v, s, e);
            }
            rule = 'relative-subject';
          } else rule = 'subject';
          if (clauseEndsAfter(v, cue.to, lex) && s > 0) {
            content = contentBefore(v, s);
            if (content && content.end > source.start) content = null;
            if (!content) content = contentAfter(v, nextIdx, lex);
            else rule += '-final';
          } else {
            content = contentAfter(v, addresseeEnd(v, cue, lex) + 1, lex);
          }
        } else {
          content = contentAfter(v, nextIdx, lex);
        }
      } else if (k >= 0 && prevTok === ',' && k > 0) {
        // apposition: "X, a spokesman for Y, said that ..." (the comma closes the apposition)
        const appositionEnd = k - 1;
        let s = npLeft(v, appositionEnd, lex);
        if (s > 1 && v.tokens[s - 1].text === ',') {
          const s2 = npLeft(v, s - 2, lex);
          if (s2 <= s - 2) s = s2;
        }
        if (s <= appositionEnd) source = span(v, s, appositionEnd);
        content = clauseEndsAfter(v, cue.to, lex) && s > 0 ? contentBefore(v, s) : contentAfter(v, addresseeEnd(v, cue, lex) + 1, lex);
        rule = 'apposition-subject';
      } else {
        content = contentAfter(v, nextIdx, lex);
        rule = 'no-subject';
      }
    }
    out.push({ cue: cueSpan, source, content, channel, cueType: cue.type, rule });
  }
  return out;
}

/** After "told", "warned", "accused", "urged", "asked": the addressee before the content. */
function addresseeEnd(v: SentenceView, cue: Cue, lex: CueLexicon): number {
  const takesObject = cue.lemma === 'tell' || cue.lemma === 'warn' || cue.lemma === 'urge' || cue.lemma === 'ask' || cue.lemma === 'remind' || cue.lemma === 'inform';
  if (!takesObject) return cue.to;
  const n = v.tokens.length;
  const s = cue.to + 1;
  if (s >= n || !isWord(v.tokens[s].text) || v.lower[s] === 'that') return cue.to;
  if (OBJECT_PRONOUNS.has(v.lower[s])) return s;
  const e = npRight(v, s, lex, 6);
  return e >= s ? e : cue.to;
}
