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
/** Participles that tie a party to another inside its own description ("fighters linked to al-Qaida said"). */
const TIE_PARTICIPLES = new Set(['linked', 'tied', 'affiliated', 'allied', 'aligned', 'connected', 'attached']);
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

/** Bare (uninflected) verb forms, which double as nouns or imperatives. */
const BARE = new Set(['claim', 'say', 'think', 'believe', 'deny', 'warn', 'argue', 'accuse', 'allege', 'explain', 'tell', 'ask', 'note', 'mention', 'suggest', 'reveal', 'acknowledge', 'admit', 'confirm', 'announce', 'insist', 'report', 'recall', 'stress', 'predict', 'fear', 'hope', 'expect', 'want']);
/** Passives PolNeAR-style annotation keeps as cues: "was asked", "was announced", "was revealed". */
const PASSIVE_CUES = new Set(['asked', 'announced', 'revealed', 'quoted', 'reported', 'told', 'warned', 'accused', 'alleged', 'denied']);
/** Irregular past tenses that end a subject noun phrase ("The senator sought to ..."). */
const IRREGULAR_PAST = new Set(['sought', 'made', 'took', 'gave', 'went', 'came', 'began', 'held', 'spoke', 'met', 'led', 'won', 'lost', 'left', 'kept', 'brought', 'felt', 'ran', 'saw', 'got', 'stood', 'sent', 'built', 'spent', 'paid', 'put', 'set', 'struck', 'fought', 'fled', 'hit', 'shot', 'drew', 'chose', 'became', 'knew', 'found', 'heard', 'meant', 'read', 'rose', 'fell', 'wore', 'sat', 'cut', 'let', 'offered', 'says', 'thinks', 'wants', 'has', 'is', 'was']);
/** Words before "reports" or "claims" that make them nouns: "media reports", "unconfirmed claims". */
const NOUN_MODIFIERS = new Set(['media', 'news', 'press', 'unconfirmed', 'initial', 'early', 'conflicting', 'local', 'official', 'intelligence', 'earlier', 'recent', 'similar', 'false', 'unverified', 'multiple', 'several', 'many', 'numerous', 'such', 'contradictory', 'separate', 'later', 'first', 'latest', 'new', 'further', 'other', 'wire', 'newspaper', 'television', 'tv', 'radio', 'field', 'police', 'witness', 'unsubstantiated', 'baseless', 'competing', 'rival']);
/** Bare forms that are hardly ever nouns: a verb after any subject ("six in 10 say", "defenders argue"). */
const BARE_VERBS = new Set(['say', 'argue', 'tell', 'think', 'believe', 'deny', 'insist', 'acknowledge', 'suggest', 'warn', 'explain', 'admit', 'confirm', 'announce', 'reveal', 'allege', 'accuse', 'stress', 'predict', 'expect']);
/** Things one writes that carry what is said: "wrote a letter", "wrote an op-ed". */
const WRITTEN = new Set(['letter', 'letters', 'op-ed', 'column', 'article', 'blog', 'essay', 'memo', 'email', 'e-mail', 'message', 'note', 'post', 'book', 'report', 'statement', 'tweet', 'piece', 'editorial', 'commentary', 'review', 'foreword']);
const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier', 'later', 'recently', 'last', 'this', 'week', 'month', 'year', 'day', 'days', 'weeks', 'months', 'years', 'hours', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'ago']);

const TOPIC_DETERMINERS = new Set(['the', 'these', 'those', 'a', 'an']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec']);

/** "reported on Sunday", "said on the same day", "on 12 March": a time after "on", not a topic */
function isTimeAfterOn(v: { lower: readonly string[]; tokens: readonly { text: string }[] }, at: number): boolean {
  let w = v.lower[at] ?? '';
  if (w === 'the' || w === 'that' || w === 'this') w = v.lower[at + 1] === 'same' ? 'day' : v.lower[at + 1] ?? '';
  return TIME_WORDS.has(w) || MONTHS.has(w) || /^\d/.test(w);
}

export interface SentenceView {
  /** the document text */
  text: string;
  tokens: Token[];
  lower: string[];
  /** bounds of the sentence and of its paragraph, for quotes that run past the sentence */
  sentence: Span;
  paragraph: Span;
  /** quotations of the paragraph, closed ones only (see quotations()) */
  quoted?: Span[];
  /** per token, `isCueStart` of its lower-case text, when the caller has it already */
  cueStart?: Uint8Array;
}

/**
 * The closed quotations of a paragraph, in one pass: curly quotes pair by direction, straight
 * double quotes alternate. A quotation left open runs nowhere, so a stray mark cannot swallow the
 * rest of the paragraph.
 */
export function quotations(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = -1;
  // the regex engine finds the few quotation marks faster than a loop over every character; it
  // steps over a pair of apostrophes as the loop it replaces did
  QUOTE_MARK.lastIndex = from;
  for (let m = QUOTE_MARK.exec(text); m !== null && m.index < to; m = QUOTE_MARK.exec(text)) {
    const p = m.index;
    const ch = text.charCodeAt(p);
    if (ch === 0x201c || ch === 0xab) open = p;
    else if (ch === 0x201d || ch === 0xbb) {
      if (open >= 0) {
        out.push({ start: open, end: p + 1 });
        open = -1;
      }
    } else {
      // straight double quotes, or two apostrophes standing for one
      const end = ch === 34 ? p + 1 : p + 2;
      if (straight < 0) straight = p;
      else {
        out.push({ start: straight, end });
        straight = -1;
      }
    }
  }
  return out;
}

/** What quotations() reads: curly and angle quotes, straight double quotes, two apostrophes. */
const QUOTE_MARK = /[\u201c\u201d\u00ab\u00bb"]|''/g;

export function insideQuotation(v: SentenceView, offset: number): boolean {
  const q = v.quoted;
  if (!q || q.length === 0) return false;
  // quotations are disjoint and in order: the last one starting before the offset decides
  let lo = 0;
  let hi = q.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid].start < offset) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit >= 0 && offset < q[hit].end;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isWord(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  // the clitic 's / ’s token, then letters and digits of any script
  if ((c === 39 || c === 0x2019) && t.length > 1) return true;
  if (c < 128) return false;
  return LETTER_OR_DIGIT.test(t[0]);
}

const TITLES = new Set(['sen', 'rep', 'gov', 'gen', 'dr', 'mr', 'mrs', 'ms', 'lt', 'col', 'st', 'jr', 'sr', 'pres', 'sgt', 'capt', 'maj', 'adm', 'prof', 'rev', 'cmdr', 'brig', 'amb', 'sec', 'atty', 'supt', 'insp', 'hon', 'msgr', 'cpl', 'pvt', 'gens', 'reps', 'sens', 'mt', 'ft']);

function isAbbreviation(t: string): boolean {
  return (t.length === 1 && t >= 'A' && t <= 'Z') || TITLES.has(t.toLowerCase());
}

export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = t[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function span(v: SentenceView, from: number, to: number): TextSpan {
  const start = v.tokens[from].start;
  const end = v.tokens[to].end;
  return { start, end, text: v.text.slice(start, end) };
}

export function charSpan(v: SentenceView, start: number, end: number): TextSpan | null {
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
  let clauseStop = false;
  while (i > 0 && end - i < limit) {
    const prev = v.tokens[i - 1].text;
    const lower = v.lower[i - 1];
    if (!isWord(prev)) {
      if (prev === '&' || prev === '-') {
        i--;
        continue;
      }
      // "Sen. Marco Rubio", "George W. Bush": the full stop of a title or an initial
      if (prev === '.' && i >= 2 && isAbbreviation(v.tokens[i - 2].text)) {
        i -= 2;
        continue;
      }
      break;
    }
    if (CLAUSE_OPENERS.has(lower) || AUX.has(lower) || RELATIVES.has(lower)) {
      clauseStop = true;
      break;
    }
    if (lex.verbs.has(lower) && !DETERMINERS.has(v.lower[i - 2] ?? '')) {
      clauseStop = true;
      break;
    }
    if ((lower === 'and' || lower === 'or') && (i < 2 || !isWord(v.tokens[i - 2].text))) break;
    // "... to the highest level and President X has pledged": a new clause, not "X and Y"
    if (lower === 'and' && isCapitalised(v.tokens[i].text) && !isCapitalised(v.tokens[i - 2].text) && !/^\d/.test(v.tokens[i - 2].text)) break;
    // a lower-case word ending in -ed right after a noun is a verb ("the attack killed ..."),
    // unless a determiner or preposition stands before it ("the armed men")
    if (lower.length > 4 && lower.endsWith('ed') && !isCapitalised(prev) && i - 2 >= 0 && !DETERMINERS.has(v.lower[i - 2]) && !PREPOSITIONS.has(v.lower[i - 2])) {
      // ... unless it is a participle modifying the noun before it: "a report published Wednesday",
      // "a letter obtained by the AP"
      // "a letter obtained by the AP", and "extremists linked to al-Qaida"
      const firstAfter = v.lower[i];
      const tie = (firstAfter === 'to' || firstAfter === 'with') && TIE_PARTICIPLES.has(lower);
      if (!(TIME_WORDS.has(firstAfter) || firstAfter === 'by' || firstAfter === 'in' || firstAfter === 'on' || tie) || !isWord(v.tokens[i - 2].text)) break;
    }
    i--;
  }
  // stopped by an auxiliary or a clause word after a lower-case verb: "(will) continue through
  // the Africa Corps" is a verb and its object, whose noun phrase starts after the preposition
  if (clauseStop && i < end && !DETERMINERS.has(v.lower[i]) && !isCapitalised(v.tokens[i].text) && !/^\d/.test(v.tokens[i].text)) {
    for (let k = i + 1; k < end; k++) {
      if (PREPOSITIONS.has(v.lower[k]) && v.lower[k] !== 'of') {
        i = k + 1;
        break;
      }
    }
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
      if (next === '.' && isAbbreviation(v.tokens[i].text) && i + 2 < n && isCapitalised(v.tokens[i + 2].text)) {
        i++;
        continue;
      }
      // an acronym or party in brackets belongs to the name: "the UN refugee agency (UNHCR)"
      if (next === '(') {
        let j = i + 2;
        while (j < n && j - i <= 6 && v.tokens[j].text !== ')' && v.tokens[j].text !== '(') j++;
        if (j < n && v.tokens[j].text === ')') {
          i = j;
          continue;
        }
      }
      break;
    }
    // "exit polling reported by CNN": a participle modifying the phrase, not its verb
    if (lex.verbs.has(lower) && lower.endsWith('ed') && i + 2 < n && v.lower[i + 2] === 'by') {
      i++;
      continue;
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
  while (k >= 0 && cue - k <= 4 && (lex.between.has(v.lower[k]) || (v.lower[k].length > 4 && v.lower[k].endsWith('ly') && !isCapitalised(v.tokens[k].text)))) k--;
  return k;
}

/**
 * Channels from the most to the least specific: "in a statement on Facebook" is Facebook, "in an
 * interview with state television" a broadcast.
 */
const CHANNEL_RANK: Record<Exclude<Channel, null>, number> = {
  telegram: 0,
  x: 0,
  facebook: 0,
  website: 1,
  video: 1,
  broadcast: 2,
  'press-conference': 3,
  interview: 4,
  statement: 5,
  report: 6,
};

/** How far from its cue, in tokens, a channel phrase may stand: keeps a run-on "sentence" linear. */
const CHANNEL_WINDOW = 40;
/** How far, in characters, a quotation is followed past its sentence. */
const QUOTE_REACH = 3000;

/** The channel named in the sentence: the most specific phrase, the closest to the cue among equals. */
export function findChannel(v: SentenceView, cueIndex: number, lex: Pick<CueLexicon, 'channels' | 'reportPrepositions'>, from = Math.max(0, cueIndex - CHANNEL_WINDOW), to = Math.min(v.tokens.length, cueIndex + CHANNEL_WINDOW)): Channel {
  let best: Channel = null;
  let bestRank = Infinity;
  let bestDistance = Infinity;
  for (let i = from; i < to; i++) {
    const candidates = lex.channels.get(v.lower[i]);
    if (!candidates) continue;
    for (const c of candidates) {
      let ok = i + c.rest.length < to;
      for (let r = 0; ok && r < c.rest.length; r++) ok = v.lower[i + 1 + r] === c.rest[r];
      if (!ok) continue;
      if (c.capitalised && !phraseCapitalised(v, i, c.rest.length)) continue;
      // "the junta denied the report": a report is the channel only when the claim comes in one
      if (c.channel === 'report' && !introducedByPreposition(v, i, lex.reportPrepositions ?? REPORT_PREPOSITIONS)) continue;
      const rank = CHANNEL_RANK[c.channel];
      const d = Math.abs(i - cueIndex);
      if (rank < bestRank || (rank === bestRank && d < bestDistance)) {
        bestRank = rank;
        bestDistance = d;
        best = c.channel;
      }
      break;
    }
  }
  return best;
}

/** The single-letter words of a platform name are capitals: "on X", not "on x". */
function phraseCapitalised(v: SentenceView, i: number, rest: number): boolean {
  for (let r = 0; r <= rest; r++) {
    const t = v.tokens[i + r].text;
    if (t.length === 1 && !isCapitalised(t)) return false;
  }
  return true;
}

/** "in a report", "according to a UN report", "citing a report by": the word stands in a phrase introduced by a preposition. */
const REPORT_PREPOSITIONS = new Set(['in', 'to', 'citing', 'by', 'from']);

function introducedByPreposition(v: SentenceView, i: number, prepositions: ReadonlySet<string>): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const w = v.lower[k];
    if (prepositions.has(w)) return true;
    if (!isWord(v.tokens[k].text)) return false;
  }
  return false;
}

/** Start offset of the quotation that ends at `close` (a closing quote), searched back in the paragraph. */
function quoteOpen(v: SentenceView, close: number): number {
  for (let p = close - 1; p >= Math.max(v.paragraph.start, close - QUOTE_REACH); p--) {
    const ch = v.text[p];
    if (ch === '“' || ch === '«' || ch === '„') return p;
    if (ch === '"') return p;
  }
  return -1;
}

/** End offset (exclusive) of the quotation that opens at `open`, searched forward in the paragraph. */
export function quoteClose(v: SentenceView, open: number): number {
  const opener = v.text[open];
  const limit = Math.min(v.paragraph.end, open + QUOTE_REACH);
  for (let p = open + 1; p < limit; p++) {
    const ch = v.text[p];
    if (ch === '”' || ch === '»' || (opener === '"' && ch === '"')) return p + 1;
    if (opener === '“' && ch === '"') return p + 1;
  }
  return limit;
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
        if (lex.channels.has(v.lower[j]) || TIME_WORDS.has(v.lower[j])) hit = true;
        j++;
      }
      if (hit) {
        i = j;
        continue;
      }
    }
    break;
  }
  // "said Thursday his biggest worry", "said on Friday that"
  while (i < n && TIME_WORDS.has(v.lower[i])) i++;
  while (i < n && (v.tokens[i].text === ',' || v.tokens[i].text === ':')) i++;
  if (i >= n) return null;
  const t = v.tokens[i].text;
  if (OPEN_QUOTES.has(t) && QUOTE_CHARS.has(t)) {
    const start = v.tokens[i].start;
    return charSpan(v, start, quoteClose(v, start));
  }
  return charSpan(v, v.tokens[i].start, sentenceEnd(v));
}

export function sentenceEnd(v: SentenceView): number {
  const last = v.tokens[v.tokens.length - 1];
  // a sentence that ends inside a quotation keeps the closing quote
  if (last && CLOSE_QUOTES.has(last.text)) return last.end;
  return v.sentence.end;
}

/** The content before the source in "CONTENT, X said." (or before the cue in "CONTENT, said X."). */
export function contentBefore(v: SentenceView, endToken: number): TextSpan | null {
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

/**
 * Whether the clause ends after the cue at `i`, but for an addressee, a channel or a time phrase:
 * "..., X said.", "..., X told Reuters.", "..., X said in a statement on Friday."
 */
function clauseEndsAfter(v: SentenceView, i: number, lex: CueLexicon, takesAddressee = true): boolean {
  const n = v.tokens.length;
  let j = i + 1;
  let inPhrase = false;
  for (let guard = 0; j < n && guard < 12; guard++, j++) {
    const t = v.tokens[j].text;
    if (t === '.' || t === '!' || t === '?' || t === ';') return true;
    if (CLOSE_QUOTES.has(t) && QUOTE_CHARS.has(t) && j === n - 1) return true;
    if (t === ',' || t === '—' || t === '–') {
      // 'proclaimed, "Mission accomplished"' goes on; ", adding ..." is a new attribution
      const following = j + 1 < n ? v.tokens[j + 1].text : '';
      return !(QUOTE_CHARS.has(following) && OPEN_QUOTES.has(following));
    }
    if (!isWord(t)) return false;
    const lower = v.lower[j];
    if (lower === 'that' || (lex.verbs.has(lower) && !PREPOSITIONS.has(lower))) return false;
    if (PREPOSITIONS.has(lower)) {
      inPhrase = true;
      continue;
    }
    // "told Reuters.", "told the newspaper.": an addressee, for verbs that take one
    const addressee = takesAddressee && (DETERMINERS.has(v.lower[j - 1]) || isCapitalised(t) || DETERMINERS.has(lower));
    if (inPhrase || addressee || TIME_WORDS.has(lower) || (takesAddressee && OBJECT_PRONOUNS.has(lower)) || (lower.endsWith('ly') && lower.length > 4) || /^(reporters|journalists|lawmakers|supporters|parliament|residents|officials|delegates|listeners|viewers|followers)$/.test(lower)) continue;
    return false;
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

/** Forms that name the quoted thing: "called the report “baseless”". */
const NAMING_VERBS = new Set(['called', 'calls', 'branded', 'labelled', 'labeled', 'dubbed']);

const cueStartsByLexicon = new WeakMap<CueLexicon, Set<string>>();

/** Every word that any branch of findCues reacts to: most tokens are in no table, and one Set
 * lookup lets them pass instead of seven lookups and a walk back over adverbs. */
function cueStarts(lex: CueLexicon): Set<string> {
  let set = cueStartsByLexicon.get(lex);
  if (!set) {
    set = new Set([...lex.prepositions.keys(), ...lex.hedges.keys(), ...lex.participles.keys(), ...lex.adjectives.keys(), ...lex.evidenceVerbs.keys(), ...NAMING_VERBS, ...lex.verbs.keys()]);
    cueStartsByLexicon.set(lex, set);
  }
  return set;
}

/** Whether a token of this lower-case text may start a cue: a sentence without one has none. */
export function isCueStart(lower: string, lex: CueLexicon): boolean {
  return cueStarts(lex).has(lower);
}

/** Cues of one sentence, left to right, with the contexts that make a form a non-cue filtered out. */
export function findCues(v: SentenceView, lex: CueLexicon): Cue[] {
  const out: Cue[] = [];
  const n = v.tokens.length;
  const starts = cueStarts(lex);
  const cueStart = v.cueStart;
  for (let i = 0; i < n; i++) {
    const lower = v.lower[i];
    if (cueStart !== undefined ? cueStart[i] === 0 : !starts.has(lower)) continue;
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
    // the form of "be" before the participle, over adverbs ("was later reported", "is widely believed")
    let beAt = i - 1;
    while (beAt > 0 && i - beAt <= 3 && lex.between.has(v.lower[beAt]) && !AUX.has(v.lower[beAt])) beAt--;
    // "militants believed to number 50": a reduced passive after a noun
    const reduced = participle !== undefined && next === 'to' && i > 0 && isWord(v.tokens[i - 1].text) && !SUBJECT_PRONOUNS.has(prev) && !AUX.has(prev) && !lex.between.has(prev) && prev !== 'i';
    if (participle && (reduced || (beAt >= 0 && BE.has(v.lower[beAt])))) {
      if (next === 'by') {
        // "was reported by local media": a named source after "by" makes it an ordinary report
        out.push({ from: i, to: i, type: participle === 'belief' ? 'belief' : 'report', kind: 'passive', lemma: lower, complement: false });
      } else {
        out.push({ from: i, to: i, type: participle, kind: 'passive', lemma: lower, complement: false });
      }
      continue;
    }

    const adjective = lex.adjectives.get(lower);
    if (adjective && !DETERMINERS.has(next) && (i === 0 || DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || !isWord(v.tokens[i - 1].text) || prev === 'and') && i + 1 < n && isWord(v.tokens[i + 1].text) && next !== 'that' && next !== 'by' && !AUX.has(next) && !lex.verbs.has(next) && !OBJECT_PRONOUNS.has(next)) {
      // "suspected militants", "the alleged massacre", "an estimated 2,000", but not "X alleged that"
      if (i === 0 || DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || prev === 'and' || !isWord(v.tokens[i - 1].text)) {
        if (!(i > 0 && isCapitalised(v.tokens[i - 1].text) && !DETERMINERS.has(prev))) {
          out.push({ from: i, to: i, type: adjective, kind: 'adjective', lemma: lower, complement: false });
          continue;
        }
      }
    }

    const evidence = lex.evidenceVerbs.get(lower);
    if (evidence) {
      // "satellite images show", "a UN investigation has found that": the subject's head noun,
      // over auxiliaries and adverbs, is a document, a count or an image
      let k = i - 1;
      while (k >= 0 && i - k <= 4 && lex.between.has(v.lower[k])) k--;
      if (k >= 0 && lex.evidenceSubjects.has(v.lower[k]) && !(k > 0 && PREPOSITIONS.has(v.lower[k - 1]) && v.lower[k - 1] !== 'of')) {
        out.push({ from: i, to: i, type: evidence, kind: 'verb', lemma: lower, complement: false });
        continue;
      }
    }

    // "called the report “baseless”", "called it a lie": naming something in quotation marks
    if (NAMING_VERBS.has(lower) && i > 0 && !DETERMINERS.has(prev) && !BE.has(prev)) {
      let q = -1;
      for (let k = i + 1; k < Math.min(n, i + 7); k++) {
        if (QUOTE_CHARS.has(v.tokens[k].text) && OPEN_QUOTES.has(v.tokens[k].text)) {
          q = k;
          break;
        }
        if (!isWord(v.tokens[k].text)) break;
      }
      if (q > i + 1) {
        out.push({ from: i, to: i, type: 'report', kind: 'verb', lemma: 'call', complement: false });
        continue;
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
      // passive "was told", "were warned": no act of saying by the subject; "was asked by X" names the asker
      let pb = i - 1;
      while (pb > 0 && i - pb <= 3 && (v.lower[pb].endsWith('ly') || (lex.between.has(v.lower[pb]) && !AUX.has(v.lower[pb])))) pb--;
      if (pb >= 0 && BE.has(v.lower[pb]) && (lower.endsWith('ed') || lower === 'told' || lower === 'said')) {
        if (PASSIVE_CUES.has(lower)) out.push({ from: i, to: last, type: entry.type, kind: 'passive', lemma: entry.lemma, complement: false });
        break;
      }
      // plural nouns that look like verbs: "claims of abuses", "reports were", "media reports"
      if ((lower === 'reports' || lower === 'claims' || lower === 'notes' || lower === 'warnings' || lower === 'estimates') && (NOUN_MODIFIERS.has(prev) || after === 'as')) break;
      if ((lower.endsWith('s') || lower === 'claim' || lower === 'report') && (PREPOSITIONS.has(after) && after !== 'to' && after !== 'on' && after !== 'in' || AUX.has(after) || after === 'and' || after === 'that' && lower === 'claims' && PREPOSITIONS.has(prev))) break;
      // a bare form ("say", "claim", "deny") is a verb after a subject pronoun, an auxiliary or
      // adverb, a plural noun or a name; elsewhere it is a noun or an imperative
      if (BARE_VERBS.has(lower) && (DETERMINERS.has(prev) || (PREPOSITIONS.has(prev) && prev !== 'to') || prev === '' || !isWord(v.tokens[i - 1].text) && prev !== ',' && prev !== '”' && prev !== '"')) break;
      if (BARE.has(lower) && !BARE_VERBS.has(lower) && !(SUBJECT_PRONOUNS.has(prev) || lex.between.has(prev) || (prev.endsWith('s') && !AUX.has(prev) && !DETERMINERS.has(prev) && prev !== 'its' && prev !== 'is' && prev !== "'s" && prev !== '’s') || prev === 'i' || (i > 0 && isCapitalised(v.tokens[i - 1].text) && !isCapitalised(v.tokens[i].text)) || prev === 'who' || prev === 'they')) break;
      // "a journalist who had reported on the protests", "wrote about the army": what the work was about, not a report of it
      if (entry.lemma.startsWith('report') && (after === 'on' || after === 'about') && TOPIC_DETERMINERS.has(v.lower[last + 2] ?? '') && !isTimeAfterOn(v, last + 2) && !lex.channels.has(v.lower[last + 3] ?? '')) break;
      // credit lines: "(Reporting by David Bailey; Editing by ...)"
      if (lower === 'reporting' && next === 'by') break;
      if (lower === 'say' && (prev === 'why' || prev === 'to')) break;
      if (lower === 'warning' && (after === 'shots' || after === 'signs' || after === 'sign')) break;
      if (entry.complement && after && !COMPLEMENT_STARTERS.has(after) && !QUOTE_CHARS.has(v.tokens[last + 1].text) && !hasComplement(v, i, last)) break;
      // "continued to fight", "fighting continued": only a quotation or a colon makes it speech
      if (entry.lemma === 'continue' && !(after === ':' || QUOTE_CHARS.has(v.tokens[last + 1]?.text ?? '') || v.quoted?.some((q) => q.end <= v.tokens[i].start && q.end >= v.sentence.start))) break;
      // "declared war", "declared a state of emergency": an act, not a statement
      if (entry.notBefore && entry.notBefore.size > 0 && [1, 2, 3, 4].some((d) => entry.notBefore!.has(v.lower[last + d] ?? ''))) break;
      out.push({ from: i, to: last, type: entry.type, kind: 'verb', lemma: entry.lemma, complement: entry.complement });
      i = last;
      break;
    }
  }
  return out;
}

/** A complement-taking verb with its complement further on: inverted ('", wrote Sanders'), an adverb, a written medium. */
function hasComplement(v: SentenceView, i: number, last: number): boolean {
  const prevTok = i > 0 ? v.tokens[i - 1].text : '';
  if (prevTok === ',' || (CLOSE_QUOTES.has(prevTok) && QUOTE_CHARS.has(prevTok))) return true;
  const after = v.lower[last + 1];
  if (TIME_WORDS.has(after) || (after.endsWith('ly') && after.length > 4)) return true;
  for (let k = last + 1; k < Math.min(v.tokens.length, last + 5); k++) if (WRITTEN.has(v.lower[k])) return true;
  return false;
}

/** Sentence-initial subject, for participle cues (", saying ...") whose subject is the main clause's. */
function mainSubject(v: SentenceView, lex: CueLexicon, before: number): [number, number] | null {
  let s = 0;
  while (s < before && !isWord(v.tokens[s].text)) s++;
  // a dateline: "WASHINGTON —", "BAMAKO, Mali (AP) —"
  for (let k = s; k < Math.min(before, s + 8); k++) {
    const t = v.tokens[k].text;
    if (t === '—' || t === '–' || (t === '-' && k > s && v.tokens[k - 1].text === ')')) {
      if (v.tokens[s].text === v.tokens[s].text.toUpperCase()) s = k + 1;
      break;
    }
  }
  if (s >= before) return null;
  // skip an opening adverbial up to its comma ("On Friday, the army ...")
  for (let k = s; k < Math.min(before, s + 12); k++) {
    if (v.tokens[k].text === ',') {
      // "On Friday,", "Hours later,", "Two days ago,", "Meanwhile,"
      const last = v.lower[k - 1] ?? '';
      if (PREPOSITIONS.has(v.lower[s]) || TIME_WORDS.has(v.lower[s]) || ((TIME_WORDS.has(last) || last === 'ago') && k - s <= 4) || /^(meanwhile|however|but|and|still|instead|separately|speaking|asked|also|when|while|as|after|before|although|though|since|if|once)$/.test(v.lower[s])) s = k + 1;
      break;
    }
  }
  const e = npRight(v, s, lex, 8);
  if (e < s) return null;
  // a subject ends at a lower-case verb-like word: keep only words up to the first -ed/-s verb after a noun
  let end = s;
  for (let k = s; k <= e && k < before; k++) {
    if (k > s && !isCapitalised(v.tokens[k].text) && (/ed$/.test(v.lower[k]) || IRREGULAR_PAST.has(v.lower[k]) || lex.between.has(v.lower[k]) || v.lower[k] === '’s' || v.lower[k] === "'s" && k + 1 <= e && /ing$/.test(v.lower[k + 1]))) break;
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
    let cueSpan = span(v, cue.from, cue.to);
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
      // "…, according to local residents, who blamed the army.": a relative clause on the source ends its attribution
      const relativeAfter = afterSource + 1 < n && v.tokens[afterSource].text === ',' && /^(?:who|which|whose)$/.test(v.lower[afterSource + 1]);
      if ((tail || (relativeAfter && k > 0 && v.tokens[k].text === ',')) && cue.from > 0) {
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
        // the qualified phrase: names and numbers up to the first common noun ("suspected Boko
        // Haram fighters", "an estimated 2,000 mercenaries")
        const e0 = npRight(v, cue.to + 1, lex, 6);
        let e = cue.to;
        for (let k = cue.to + 1; k <= e0; k++) {
          e = k;
          const t = v.tokens[k].text;
          if (!isCapitalised(t) && !/^\d/.test(t)) break;
        }
        content = e > cue.to ? span(v, cue.to + 1, e) : null;
      } else {
        content = charSpan(v, v.tokens[0].start, sentenceEnd(v));
      }
    } else if (cue.kind === 'passive') {
      const next = cue.to + 1 < n ? v.lower[cue.to + 1] : '';
      let afterSource = cue.to + 1;
      if (next === 'by') {
        const e = npRight(v, cue.to + 2, lex);
        if (e >= cue.to + 2) source = span(v, cue.to + 2, e);
        afterSource = e + 1;
        rule = 'passive-by';
      }
      // "was asked whether ...": what follows; "is believed to have died": the whole clause
      content = lex.verbs.has(cue.lemma) || lex.verbs.has(v.lower[cue.from]) && !lex.participles.has(v.lower[cue.from]) ? contentAfter(v, afterSource, lex) : charSpan(v, v.tokens[0].start, sentenceEnd(v));
    } else {
      // verb cues
      // a speaker's own reporting inside a quotation ("“I said, wait,” he recalled") is part of
      // the quoted content, not a source of the article's claims
      if (insideQuotation(v, v.tokens[cue.from].start)) continue;
      const r = verbCue(v, cue, lex, out);
      source = r.source;
      content = r.content;
      rule = r.rule;
      // the cue takes in the auxiliaries and adverbs before the verb ("has also said") and a
      // colon after it, as PARC-style annotation does
      if (rule !== 'inverted' && rule !== 'inverted-initial') {
        let k = skipBetweenLeft(v, cue.from, lex) + 1;
        while (k < cue.from && (v.lower[k] === 'reportedly' || v.lower[k] === 'allegedly' || v.lower[k] === 'apparently')) k++;
        if (k < cue.from && (!source || v.tokens[k].start >= source.end)) cueSpan = span(v, k, cue.to);
      }
      if (cue.to + 1 < n && v.tokens[cue.to + 1].text === ':') cueSpan = { start: cueSpan.start, end: v.tokens[cue.to + 1].end, text: v.text.slice(cueSpan.start, v.tokens[cue.to + 1].end) };
    }
    out.push({ cue: cueSpan, source, content, channel, cueType: cue.type, rule });
  }
  return out;
}

/** One-word asides between a subject and its verb that are not appositions. */
const DISCOURSE_ASIDES = new Set(['meanwhile', 'however', 'though', 'too', 'also', 'instead', 'therefore', 'moreover', 'meantime', 'separately', 'similarly', 'likewise', 'nevertheless', 'nonetheless', 'in turn', 'in response', 'in contrast', 'for example', 'for instance', 'in a statement', 'on friday', 'on monday', 'on tuesday', 'on wednesday', 'on thursday', 'on saturday', 'on sunday', 'in fact', 'indeed', 'of course', 'still', 'then', 'now', 'later', 'earlier', 'previously', 'again']);

/** Verbs whose object is the person spoken to: "told Reuters", "warned them", "asked the minister". */
const ADDRESSEE_VERBS = new Set(['tell', 'warn', 'urge', 'ask', 'remind', 'inform', 'reply', 'respond']);

/** Verbs that take their subject after them in news prose: '"...," said the minister'. */
const INVERTING = new Set(['say', 'add', 'write', 'ask', 'note', 'explain', 'continue', 'reply', 'insist', 'argue', 'recall', 'warn', 'declare', 'report', 'tweet', 'claim', 'state', 'comment', 'respond', 'confirm', 'allege', 'stress', 'emphasise', 'quote']);
const COORDINATORS = new Set(['and', 'but', 'or', 'then', 'yet']);
const NP_START_WORDS = /^(officials?|sources?|witnesses|residents|police|analysts?|experts?|spokes\w+|aides?|diplomats?|lawmakers|villagers|locals|one|two|three|several|many|some|another)$/;

function mainOrPreviousSource(v: SentenceView, lex: CueLexicon, cueFrom: number, previous: Attribution[]): TextSpan | null {
  for (let i = previous.length - 1; i >= Math.max(0, previous.length - 4); i--) if (previous[i].source && previous[i].cue.start < v.tokens[cueFrom].start) return previous[i].source;
  const subj = mainSubject(v, lex, cueFrom);
  return subj ? span(v, subj[0], subj[1]) : null;
}

/** Index of the token that closes the noun phrase starting at `s` when the clause ends right after it, else -1. */
function npThenClauseEnd(v: SentenceView, s: number, lex: CueLexicon): number {
  const n = v.tokens.length;
  const e = npRight(v, s, lex, 8);
  if (e < s) return -1;
  const after = e + 1;
  if (after >= n) return e;
  const t = v.tokens[after].text;
  if (t === ',' || t === '.' || t === ';' || t === '—' || t === '–' || t === '!' || t === '?' || t === ':' || t === '(' || (CLOSE_QUOTES.has(t) && QUOTE_CHARS.has(t))) return e;
  if (v.lower[after] === 'in' || v.lower[after] === 'on' || v.lower[after] === 'during' || v.lower[after] === 'at' || v.lower[after] === 'when' || v.lower[after] === 'as' || v.lower[after] === 'who' || v.lower[after] === 'after') return e;
  return -1;
}

/**
 * The subject of a verb cue written before it, when what stands right before the cue is
 * punctuation: an apposition ("X, a spokesman for Y, said"), a parenthesis ("Sen. X (D-MA) said"),
 * a dash-bounded aside, or a relative clause ("X, who on Tuesday endorsed Y, said").
 */
/** Participles that open an apposition describing the noun before it ("X, formed by ...,", "X, led by ...,"). */
const APPOSITIVE_PARTICIPLES = new Set(['formed', 'founded', 'created', 'established', 'led', 'headed', 'backed', 'based', 'made', 'composed', 'known', 'launched', 'supported', 'funded', 'comprising', 'including', 'grouping', 'bringing', 'set']);

function subjectAcrossAside(v: SentenceView, k: number, lex: CueLexicon): [number, number] | null {
  let e = k;
  const t = v.tokens[e].text;
  if (t === ')') {
    let depth = 0;
    for (let j = e; j >= 0 && e - j < 30; j--) {
      if (v.tokens[j].text === ')') depth++;
      else if (v.tokens[j].text === '(' && --depth === 0) {
        if (j === 0) return null;
        const end = j - 1;
        if (!isWord(v.tokens[end].text)) return null;
        return [npLeft(v, end, lex), e];
      }
    }
    return null;
  }
  // closing quote inside an apposition: 'X, the hacker known as "Guccifer," stated'
  if (CLOSE_QUOTES.has(t)) {
    e--;
    if (e >= 0 && v.tokens[e].text === ',') e--;
    // walk back over the quoted words to the opening quote
    let j = e;
    while (j >= 0 && e - j < 12 && !(OPEN_QUOTES.has(v.tokens[j].text) && QUOTE_CHARS.has(v.tokens[j].text))) j--;
    if (j < 0 || e - j >= 12) return null;
    e = j - 1;
    if (e < 0) return null;
    if (isWord(v.tokens[e].text)) {
      const s = npLeft(v, e, lex);
      return extendOverApposition(v, s, k, lex);
    }
  }
  if (t !== ',' && t !== '—' && t !== '–') return null;
  const mark = t;
  // the aside runs back to the previous comma (or dash); the subject noun phrase stands before it
  let j = e - 1;
  while (j >= 0 && e - j < 30) {
    const x = v.tokens[j].text;
    if (x === mark || (mark === ',' && (x === '—' || x === '–'))) break;
    if ((x === '.' && !(j > 0 && isAbbreviation(v.tokens[j - 1].text))) || x === ';' || x === ':' || (QUOTE_CHARS.has(x) && mark === ',')) return null;
    j--;
  }
  if (j <= 0 || e - j >= 30) return null;
  // "The Alliance (AES), formed by Mali, Burkina Faso and Niger in 2023, announced": a participial
  // aside may hold a list with its own commas; it opens at the comma before its participle
  if (mark === ',') {
    for (let j2 = j - 1; j2 > 0 && e - j2 < 40; j2--) {
      const x = v.tokens[j2].text;
      if (x === '.' || x === ';' || x === ':' || x === '—' || x === '–') break;
      if (x === ',' && APPOSITIVE_PARTICIPLES.has(v.lower[j2 + 1])) {
        j = j2;
        break;
      }
    }
  }
  if (!isWord(v.tokens[j - 1].text)) {
    if (v.tokens[j - 1].text !== ')') return null;
    const inner = subjectAcrossAside(v, j - 1, lex);
    return inner ? [inner[0], e - 1] : null;
  }
  const s = npLeft(v, j - 1, lex);
  if (s > j - 1) return null;
  // "Hunter, meanwhile, said", "The army, for its part, denied": a discourse adverb, not an apposition
  const aside = v.lower.slice(j + 1, e).join(' ');
  if (DISCOURSE_ASIDES.has(aside) || /^for (his|her|its|their) part$/.test(aside)) return [s, j - 1];
  return extendOverApposition(v, s, e - 1, lex);
}

function extendOverApposition(v: SentenceView, s: number, end: number, lex: CueLexicon, loose = false): [number, number] {
  // at most two asides: "Woodrow Benford, 58, who lives outside Minneapolis, says"
  for (let round = 0; round < 2; round++) {
    if (s > 1 && v.tokens[s - 1].text === ',' && isWord(v.tokens[s - 2].text)) {
      const s2 = npLeft(v, s - 2, lex);
      // "In Gao, the army said": an opening adverbial is not an apposition
      if (s2 > s - 2 || (!loose && s2 > 0 && PREPOSITIONS.has(v.lower[s2 - 1])) || PREPOSITIONS.has(v.lower[s2]) || TIME_WORDS.has(v.lower[s2]) || TIME_WORDS.has(v.lower[s - 2]) || v.lower[s - 2] === 'ago') break;
      // "Speaking at a press conference, the minister said": a participial phrase, not an apposition
      if ((v.lower[s2].endsWith('ing') && !isCapitalised(v.tokens[s2 + 1]?.text ?? '')) || CLAUSE_OPENERS.has(v.lower[s2])) break;
      // an apposition opens the clause ("Rep. X, R-NY, said"); "..., the airline said" after a
      // clause of reported speech is not one
      const opener = loose || s2 === 0 || (!isWord(v.tokens[s2 - 1].text) && v.tokens[s2 - 1].text !== ',') || COORDINATORS.has(v.lower[s2 - 1]);
      const nameAfterComma = s2 > 0 && v.tokens[s2 - 1].text === ',' && isCapitalised(v.tokens[s2].text) && !TIME_WORDS.has(v.lower[s2]);
      if (!opener && !nameAfterComma) break;
      s = s2;
    } else break;
  }
  return [s, end];
}

interface VerbResult {
  source: TextSpan | null;
  content: TextSpan | null;
  rule: string;
}

/** Source and content of a verb cue, by where its subject stands. */
/** What is claimed rather than who claims: "JNIM, al-Qaida's branch, claimed the attack" is no inversion. */
const CLAIMED_THINGS = new Set(['attack', 'attacks', 'responsibility', 'credit', 'victory', 'killing', 'killings', 'bombing', 'bombings', 'ambush', 'raid', 'abduction', 'kidnapping', 'assassination', 'control']);

function claimsAThing(v: SentenceView, cue: Cue, next: number): boolean {
  if (cue.lemma !== 'claim') return false;
  const first = v.lower[next] ?? '';
  const head = first === 'the' || first === 'a' || first === 'an' || first === 'its' || first === 'their' ? v.lower[next + 1] ?? '' : first;
  return CLAIMED_THINGS.has(head);
}

function verbCue(v: SentenceView, cue: Cue, lex: CueLexicon, previous: Attribution[]): VerbResult {
  const n = v.tokens.length;
  const k = skipBetweenLeft(v, cue.from, lex);
  const prevTok = k >= 0 ? v.tokens[k].text : '';
  const prevLower = k >= 0 ? v.lower[k] : '';
  const nextIdx = cue.to + 1;
  const nextTok = nextIdx < n ? v.tokens[nextIdx].text : '';
  const nextLower = nextIdx < n ? v.lower[nextIdx] : '';
  const form = v.lower[cue.from];
  const after = (): TextSpan | null => contentAfter(v, addresseeEnd(v, cue, lex) + 1, lex);

  // ", saying that ...", "by saying", "while insisting": the main clause's subject speaks
  const beforeCue = cue.from > 0 ? v.lower[cue.from - 1] : '';
  if (form.endsWith('ing') && !BE.has(beforeCue) && !BE.has(prevLower) && beforeCue !== 'n’t' && beforeCue !== "n't" && beforeCue !== 'not') {
    return { source: mainOrPreviousSource(v, lex, cue.from, previous), content: after(), rule: 'participle' };
  }
  // "when asked", "if asked": a question put to the subject, who is not the source
  if ((form === 'asked' || form === 'told') && (prevLower === 'when' || prevLower === 'if' || prevLower === 'as' || prevLower === 'once' || k < 0)) {
    return { source: null, content: after(), rule: 'when-asked' };
  }
  // "X tweeted a photo and said ...": coordinated verbs share the subject
  if (k > 0 && COORDINATORS.has(prevLower) && (v.tokens[k - 1].text === ',' || !SUBJECT_PRONOUNS.has(v.lower[k - 1]))) {
    const beforeAnd = v.tokens[k - 1].text;
    // "officials and residents said" is a compound subject; "... the nomination and said" a second verb
    const compound = isCapitalised(beforeAnd) && k > 1 && !isWord(v.tokens[k - 2].text) ? false : /^(officials|residents|witnesses|analysts|experts|diplomats|sources|police|leaders|lawmakers)$/.test(v.lower[k - 1]);
    if (!compound) return { source: mainOrPreviousSource(v, lex, cue.from, previous), content: after(), rule: 'coordinated' };
  }
  // '"...," said the minister' / "..., said X, a spokesman."
  const initialInversion = cue.from === 0 && isCapitalised(v.tokens[0].text);
  // a closing quotation mark, including the doubled apostrophe some papers print ('',)
  const closesQuote = (CLOSE_QUOTES.has(prevTok) && QUOTE_CHARS.has(prevTok)) || (prevTok === "'" && k > 0 && v.tokens[k - 1].text === "'");
  if ((initialInversion || (k > 0 && (prevTok === ',' || prevTok === '—' || closesQuote))) && INVERTING.has(cue.lemma) && !claimsAThing(v, cue, nextIdx) && nextIdx < n && isWord(nextTok) && !OBJECT_PRONOUNS.has(nextLower) && !SUBJECT_PRONOUNS.has(nextLower) && nextLower !== 'that' && !lex.between.has(nextLower) && (isCapitalised(nextTok) || nextLower === 'the' || nextLower === 'a' || nextLower === 'an' || NP_START_WORDS.test(nextLower))) {
    const e = npThenClauseEnd(v, nextIdx, lex);
    if (e >= nextIdx) {
      let end = e;
      // apposition after the inverted source: ", said Fatou Diallo, a local official."
      if (e + 2 < n && v.tokens[e + 1].text === ',' && (v.lower[e + 2] === 'a' || v.lower[e + 2] === 'an' || v.lower[e + 2] === 'the')) {
        let j = e + 2;
        while (j < n && v.tokens[j].text !== ',' && v.tokens[j].text !== '.' && j - e < 20) j++;
        end = j - 1;
      }
      if (initialInversion) return { source: span(v, nextIdx, end), content: contentAfter(v, end + 1, lex), rule: 'inverted-initial' };
      return { source: span(v, nextIdx, end), content: contentBefore(v, cue.from), rule: 'inverted' };
    }
  }
  if (k >= 0 && isWord(prevTok)) {
    let e = k;
    let relative = false;
    // "a force that has asserted", "officials who said": the antecedent speaks
    if (RELATIVES.has(v.lower[e]) && e > 0) {
      relative = true;
      e--;
      if (v.tokens[e].text === ',') e--;
    }
    if (e < 0 || !isWord(v.tokens[e].text)) return { source: relative ? span(v, k, k) : null, content: after(), rule: relative ? 'relative-pronoun' : 'no-subject' };
    let s = npLeft(v, e, lex);
    let rule = 'subject';
    if (relative) {
      // include the head the relative clause hangs on and its apposition: "the Africa Corps, a force that"
      [s] = extendOverApposition(v, s, e, lex, true);
      // "according to local residents, who blamed ...": the residents, not the preposition
      if (v.lower[s] === 'according' && v.lower[s + 1] === 'to' && s + 2 <= e) s += 2;
      rule = 'relative-subject';
    }
    else if (s > 1 && v.tokens[s - 1].text === ',' && (v.lower[s] === 'a' || v.lower[s] === 'an' || v.lower[s] === 'the' || /^\d/.test(v.lower[s]))) {
      // "Gillibrand (D-NY), a supporter of ..., told": the apposition hangs on the name before it
      [s] = extendOverApposition(v, s, e, lex);
    } else if (s > 1 && v.tokens[s - 1].text === ')') {
      const inner = subjectAcrossAside(v, s - 1, lex);
      if (inner) s = inner[0];
    }
    // a relative source keeps its pronoun: "Harvey, who", "a force that"
    const source = span(v, s, relative ? k : e);
    return { source, ...contentFor(v, cue, lex, s, rule) };
  }
  if (k > 0) {
    const aside = subjectAcrossAside(v, k, lex);
    if (aside) {
      // PARC-style sources keep the comma that closes the apposition
      const closing = aside[1] + 1 === k && v.tokens[k].text === ',' ? k : aside[1];
      const source = span(v, aside[0], closing);
      return { source, ...contentFor(v, cue, lex, aside[0], 'apposition-subject') };
    }
  }
  return { source: null, content: after(), rule: 'no-subject' };
}

/** Content of a cue whose source starts at token `s`: before the source when the clause ends after the cue, else after. */
function contentFor(v: SentenceView, cue: Cue, lex: CueLexicon, s: number, rule: string): { content: TextSpan | null; rule: string } {
  if (s > 0 && clauseEndsAfter(v, cue.to, lex, ADDRESSEE_VERBS.has(cue.lemma))) {
    const before = contentBefore(v, s);
    if (before) return { content: before, rule: rule + '-final' };
  }
  return { content: contentAfter(v, addresseeEnd(v, cue, lex) + 1, lex), rule };
}

/** After "told", "warned", "accused", "urged", "asked": the addressee before the content. */
function addresseeEnd(v: SentenceView, cue: Cue, lex: CueLexicon): number {
  if (!ADDRESSEE_VERBS.has(cue.lemma)) return cue.to;
  const n = v.tokens.length;
  const s = cue.to + 1;
  // "asked for help": no addressee before a preposition
  if (s >= n || !isWord(v.tokens[s].text) || v.lower[s] === 'that' || PREPOSITIONS.has(v.lower[s])) return cue.to;
  if (OBJECT_PRONOUNS.has(v.lower[s])) return s;
  const e = npRight(v, s, lex, 6);
  return e >= s ? e : cue.to;
}
