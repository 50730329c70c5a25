import { hashRange, hashString, mix } from './hash.js';
import type { Gazetteer } from './gazetteer.js';
import type { WordTypes } from '../../text/wordtypes.js';

/**
 * Feature extraction and greedy left-to-right decoding shared by training and tagging.
 *
 * Each token's features are 32-bit hashes: word-type properties are hashed once per distinct
 * word (cached), contextual features mix a template id with those hashes. Greedy decoding with
 * previous-label features and the BILOU constraints does as well as Viterbi for this task
 * (Ratinov & Roth 2009) and lets features look at everything decided so far, including the
 * labels the same word got earlier in the document.
 */

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/**
 * BILOU internally (Begin, Inside, Last, Unit-length): Ratinov & Roth found it beats BIO for
 * this task because the last token of a name is as telling as the first. Reading and writing
 * use BIO/IOB1 (see `bioLabel` and conll.ts).
 */
export const LABELS = ['O', ...TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))] as const;
export const NL = LABELS.length;

/** 0 for O, else 1 + index in TYPES. */
export function labelType(label: number): number {
  return label === 0 ? 0 : ((label - 1) >> 2) + 1;
}
/** 0 B, 1 I, 2 L, 3 U (meaningless for O). */
export function labelPart(label: number): number {
  return (label - 1) & 3;
}
export function makeLabel(type: number, part: number): number {
  return 1 + (type - 1) * 4 + part;
}
/** Whether a word labelled `label` leaves a name open for the next word (B or I; NL is the sentence start). */
function leavesNameOpen(label: number): boolean {
  return label !== 0 && label !== NL && labelPart(label) < 2;
}
/** The label of a name closed at its word instead of left open: B becomes U, I becomes L. */
function closedName(label: number): number {
  return labelPart(label) === 0 ? label + 3 : label + 1;
}
/** Whether `label` may follow `prev` (NL stands for the sentence start). */
export function allowed(prev: number, label: number): boolean {
  if (leavesNameOpen(prev)) return label !== 0 && labelType(label) === labelType(prev) && (labelPart(label) === 1 || labelPart(label) === 2);
  return label === 0 || labelPart(label) === 0 || labelPart(label) === 3;
}
const BIO = Array.from(LABELS, (l) => (l === 'O' ? 'O' : (l[0] === 'B' || l[0] === 'U' ? 'B' : 'I') + l.slice(1)));

/** The BIO (IOB2) tag of a label. */
export function bioLabel(label: number): string {
  return BIO[label];
}

/** Scores every label for a token's features. */
export interface Scorer {
  score(keys: Uint32Array, n: number, out: Float64Array): void;
  /** true when weights never change, so partial scores may be cached per word */
  readonly fixed?: boolean;
  /** Adds the scores of keys[from..to) to out[at..at + NL) (lets caches fill rows in place). */
  addScoresAt?(keys: Uint32Array, from: number, to: number, out: Float64Array, at: number): void;
  /** A reference (>= 0) to the weights of one key, so a cache can keep the look-up (fixed scorers). */
  ref?(key: number): number;
  /** Adds the weights `ref` stands for to out[at..at + NL), as addScoresAt would for its key. */
  addRef?(ref: number, out: Float64Array, at: number): void;
}

/** A scorer whose weights never change and that hands out references to them (NerModel). */
type FixedScorer = Scorer & Required<Pick<Scorer, 'ref' | 'addRef'>>;

function isFixed(scorer: Scorer): scorer is FixedScorer {
  return scorer.fixed === true && scorer.ref !== undefined && scorer.addRef !== undefined;
}

export interface Learner {
  /** gold labels per sentence */
  gold: Uint8Array[];
  /** called for every token after prediction (with the features it was predicted from) */
  update(keys: Uint32Array, n: number, gold: number, predicted: number): void;
}

// word-type slots
const S_EXACT = 0;
const S_LOWER = 1;
const S_SHAPE = 2;
const S_CLASS = 3;
const S_PRE = 4; // 4 prefixes
const S_SUF = 8; // 4 suffixes
const S_LEN = 12;
const S_FLAGS = 13;
/** small class number (index in CLASSES; the sentinels after them), for tables indexed by class */
const S_CLSID = 14;
/** the lower-cased form's hash mixed with the bim and bip templates (the half of a word-pair feature it gives on the left) */
const S_BIM = 15;
const S_BIP = 16;
/** bits of the offsets whose scores wVec holds (see wordScoresAt), beside the word's other facts so a check costs no extra cache line */
const S_DONE = 17;
/**
 * bits of the pair references of this word that wRef holds: bit c for the word on the left of
 * a word of class number c, bit 16 + c for the word on its right (see pairRows)
 */
const S_PAIRS = 18;
/** the same bits, set where either of the two references is not 0 (so wRef is read only then) */
const S_PAIRS_NZ = 19;
const NSLOT = 20;

const CLASSES = ['num', 'punct', 'alnum', 'lower', 'capsdot', 'caps', 'initdot', 'init', 'initmixed', 'mixed'];
const CLS_BOS = CLASSES.length;
const CLS_EOS = CLASSES.length + 1;
/** number of class numbers */
const NC = CLASSES.length + 2;

// flag bits (kept raw, not hashed)
const F_INITCAP = 1;
const F_ALLCAPS = 2;
const F_DIGIT = 4;
const F_HYPHEN = 8;
const F_PERIOD = 16;
const F_NOLETTER = 32;
const F_LOWER = 64;
const F_UPPER = 128;
const F_QUOTE = 256;
/** set per model: the lower-cased form is a common lower-case word (see Gazetteer.common) */
const F_COMMON = 512;
/** the word is a quote, bracket, dash or colon (see isQuoteOrBracket); never a feature itself */
const F_QB = 1024;
/** the lower-cased form is one character long; never a feature itself */
const F_ONECHAR = 2048;

// template ids: any distinct integers; the model file records FEATURE_VERSION so a change here
// invalidates old models instead of silently mis-scoring them.
export const FEATURE_VERSION = 8;
const T = {
  bias: 1, w0: 2, l0: 3, shape0: 4, class0: 5, pre: 6, suf: 10, len0: 14, flag: 15,
  lm2: 20, lm1: 21, lp1: 22, lp2: 23, wm1: 24, wp1: 25, cm1: 26, cp1: 27, shm1: 28, shp1: 29,
  ctri: 30, bim: 31, bip: 32, sufm1: 33, sufp1: 34,
  init: 40, initL: 41, acs: 42, acsL: 43, doc: 44, docC: 45, acsShape: 46, lex: 47, lexC: 48,
  g0: 50, gm1: 51, gp1: 52, g0c: 53, gm2: 54, gp2: 55,
  p1: 60, p2: 61, p1l: 62, p1c: 63, p1lm1: 64, p1cc: 65,
  wm2: 80, wp2: 81, lm1c0: 82, c0lp1: 83, cm1l0: 84, l0cp1: 85, prem1: 86, prep1: 87, cm2: 88, cp2: 89,
  capRun: 90, capRunPos: 91,
  h: 70, hm: 71, hmc: 72, agg: 73,
} as const;

const BOS = hashString('<s>', 99);
const EOS = hashString('</s>', 99);
const BOS_LABEL = NL;
/** how many words after a quiet word must be calm too (see quietWords) */
const QUIET_AHEAD = 2;

function charShape(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  return c;
}

/** Writes a word's properties at `h[o..o+NSLOT)`; returns its lower-cased form. */
function describe(word: string, h: Uint32Array, o: number): string {
  const lower = word.toLowerCase();
  const upperForm = word.toUpperCase();
  let flags = 0;
  let letters = 0;
  let uppers = 0;
  let shape = '';
  let last = -1;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    const isLetter = lower[i] !== upperForm[i];
    let s: number;
    if (isLetter) {
      letters++;
      if (ch === upperForm[i]) {
        uppers++;
        s = 88;
      } else s = 120;
    } else s = charShape(word.charCodeAt(i));
    if (s !== last) shape += String.fromCharCode(s);
    last = s;
    if (s === 100) flags |= F_DIGIT;
    if (ch === '-') flags |= F_HYPHEN;
    if (ch === '.') flags |= F_PERIOD;
    if (ch === '"' || ch === "'" || ch === '`' || ch === '“' || ch === '”' || ch === '‘' || ch === '’') flags |= F_QUOTE;
  }
  if (letters === 0) flags |= F_NOLETTER;
  else {
    if (uppers > 0) flags |= F_UPPER;
    if (uppers === 0) flags |= F_LOWER;
    const first = word[0];
    if (lower[0] !== upperForm[0] && first === upperForm[0]) flags |= F_INITCAP;
    if (uppers === letters && letters > 1) flags |= F_ALLCAPS;
  }
  let cls: string;
  if (flags & F_NOLETTER) cls = flags & F_DIGIT ? 'num' : 'punct';
  else if (flags & F_DIGIT) cls = 'alnum';
  else if (flags & F_LOWER) cls = 'lower';
  else if (flags & F_ALLCAPS) cls = flags & F_PERIOD ? 'capsdot' : 'caps';
  else if (flags & F_INITCAP) cls = uppers === 1 ? (flags & F_PERIOD ? 'initdot' : 'init') : 'initmixed';
  else cls = 'mixed';

  h[o + S_EXACT] = hashString(word, 1);
  h[o + S_LOWER] = hashString(lower, 2);
  h[o + S_SHAPE] = hashString(shape, 3);
  h[o + S_CLASS] = hashString(cls, 4);
  h[o + S_CLSID] = CLASSES.indexOf(cls);
  for (let k = 1; k <= 4; k++) {
    if (lower.length > k) {
      h[o + S_PRE + k - 1] = hashRange(lower, 0, k, 10 + k);
      h[o + S_SUF + k - 1] = hashRange(lower, lower.length - k, lower.length, 20 + k);
    } else {
      h[o + S_PRE + k - 1] = 0;
      h[o + S_SUF + k - 1] = 0;
    }
  }
  h[o + S_LEN] = Math.min(word.length, 12);
  h[o + S_FLAGS] = flags | (isQuoteOrBracket(word) ? F_QB : 0) | (lower.length === 1 ? F_ONECHAR : 0);
  return lower;
}

/** Hashes of the words written in lower case at least `min` times in `sentences`. */
export function commonWordHashes(sentences: Iterable<readonly string[]>, min = 2): number[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s) if (/\p{Ll}/u.test(w) && w === w.toLowerCase()) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const out: number[] = [];
  for (const [w, c] of counts) if (c >= min) out.push(hashString(w, 2));
  return out.sort((a, b) => a - b);
}

/** Keys of the features of one word seen at an offset: 0 itself, 1 left, 2 right, 3 two left, 4 two right. */
function wordKeys(h: Uint32Array, o: number, offset: number, keys: Uint32Array, k: number): number {
  switch (offset) {
    case 0: {
      keys[k++] = mix(T.bias, 0);
      keys[k++] = mix(T.w0, h[o + S_EXACT]);
      keys[k++] = mix(T.l0, h[o + S_LOWER]);
      keys[k++] = mix(T.shape0, h[o + S_SHAPE]);
      keys[k++] = mix(T.class0, h[o + S_CLASS]);
      for (let j = 0; j < 4; j++) {
        if (h[o + S_PRE + j] !== 0) keys[k++] = mix(T.pre + j, h[o + S_PRE + j]);
        if (h[o + S_SUF + j] !== 0) keys[k++] = mix(T.suf + j, h[o + S_SUF + j]);
      }
      keys[k++] = mix(T.len0, h[o + S_LEN]);
      const flags = h[o + S_FLAGS];
      for (let b = 0; b < 9; b++) if (flags & (1 << b)) keys[k++] = mix(T.flag, b);
      break;
    }
    case 1:
      keys[k++] = mix(T.lm1, h[o + S_LOWER]);
      keys[k++] = mix(T.wm1, h[o + S_EXACT]);
      keys[k++] = mix(T.cm1, h[o + S_CLASS]);
      keys[k++] = mix(T.shm1, h[o + S_SHAPE]);
      if (h[o + S_SUF + 2] !== 0) keys[k++] = mix(T.sufm1, h[o + S_SUF + 2]);
      if (h[o + S_PRE + 2] !== 0) keys[k++] = mix(T.prem1, h[o + S_PRE + 2]);
      break;
    case 2:
      keys[k++] = mix(T.lp1, h[o + S_LOWER]);
      keys[k++] = mix(T.wp1, h[o + S_EXACT]);
      keys[k++] = mix(T.cp1, h[o + S_CLASS]);
      keys[k++] = mix(T.shp1, h[o + S_SHAPE]);
      if (h[o + S_SUF + 2] !== 0) keys[k++] = mix(T.sufp1, h[o + S_SUF + 2]);
      if (h[o + S_PRE + 2] !== 0) keys[k++] = mix(T.prep1, h[o + S_PRE + 2]);
      break;
    case 3:
      keys[k++] = mix(T.lm2, h[o + S_LOWER]);
      keys[k++] = mix(T.wm2, h[o + S_EXACT]);
      keys[k++] = mix(T.cm2, h[o + S_CLASS]);
      break;
    default:
      keys[k++] = mix(T.lp2, h[o + S_LOWER]);
      keys[k++] = mix(T.wp2, h[o + S_EXACT]);
      keys[k++] = mix(T.cp2, h[o + S_CLASS]);
  }
  for (let j = 0; j < k; j++) if (keys[j] === 0) keys[j] = 1;
  return k;
}

function isQuoteOrBracket(w: string): boolean {
  return w === '"' || w === '``' || w === "''" || w === '“' || w === '‘' || w === "'" || w === '(' || w === '[' || w === '-' || w === '--' || w === ':';
}

/** Feature keys are nonzero (0 marks an empty slot in hash tables). */
function nonzero(key: number): number {
  return key === 0 ? 1 : key;
}

/** Word-pair features of neighbours a, b seen from b. */
function pairRightKeys(keys: Uint32Array, k: number, la: number, ca: number, lb: number, cb: number): number {
  keys[k++] = mix(mix(T.bim, la), lb);
  keys[k++] = mix(mix(T.lm1c0, la), cb);
  keys[k++] = mix(mix(T.cm1l0, ca), lb);
  return k;
}

/** Word-pair features of neighbours a, b seen from a. */
function pairLeftKeys(keys: Uint32Array, k: number, la: number, ca: number, lb: number, cb: number): number {
  keys[k++] = mix(mix(T.bip, la), lb);
  keys[k++] = mix(mix(T.c0lp1, ca), lb);
  keys[k++] = mix(mix(T.l0cp1, la), cb);
  return k;
}

/** p1l (offset 5, the word itself) or p1lm1 (offset 6, as the left neighbour) with the previous label O. */
function prevWordKeys(h: Uint32Array, o: number, offset: number, keys: Uint32Array): number {
  keys[0] = offset === 5 ? mix(mix(T.p1l, 0), h[o + S_LOWER]) : mix(mix(T.p1lm1, 0), h[o + S_LOWER]);
  if (keys[0] === 0) keys[0] = 1;
  return 1;
}

function ctriKeys(keys: Uint32Array, k: number, cm1: number, c0: number, cp1: number): number {
  keys[k++] = mix(mix(T.ctri, cm1), mix(c0, cp1));
  return k;
}

function capRunKeys(keys: Uint32Array, k: number, len: number, at: number, end: number): number {
  keys[k++] = mix(T.capRun, len);
  keys[k++] = mix(T.capRunPos, len * 8 + at * 2 + end);
  return k;
}

function docKeys(keys: Uint32Array, k: number, d: number, pos: number, common: number, c0: number): number {
  keys[k++] = mix(T.doc, d * 3 + pos);
  keys[k++] = mix(mix(T.docC, d), c0);
  keys[k++] = mix(T.lex, common * 3 + pos);
  keys[k++] = mix(mix(T.lexC, common * 3 + pos), c0);
  return k;
}

function aggKeys(keys: Uint32Array, k: number, ctx: Uint32Array, from: number, n: number): number {
  for (let j = 0; j < n; j++) keys[k++] = mix(T.agg, ctx[from + j]);
  return k;
}

function prevKeys(keys: Uint32Array, k: number, p2: number, p1: number): number {
  keys[k++] = mix(T.p1, p1);
  keys[k++] = mix(mix(T.p2, p2), p1);
  return k;
}

function prevClassKeys(keys: Uint32Array, k: number, p1: number, cm1: number, c0: number): number {
  keys[k++] = mix(mix(T.p1c, p1), c0);
  keys[k++] = mix(mix(T.p1cc, p1), mix(cm1, c0));
  return k;
}

function histKeys(keys: Uint32Array, k: number, mask: number, best: number, pos: number): number {
  for (let t = 0; t < 5; t++) if (mask & (1 << t)) keys[k++] = mix(T.h, t);
  keys[k++] = mix(T.hm, best);
  keys[k++] = mix(mix(T.hmc, best), pos);
  return k;
}

/** Score sums of a feature group by a small index, filled on first use. */
class RowTable {
  tab: Float64Array;
  done: Uint8Array;
  constructor(rows: number) {
    this.tab = new Float64Array(rows * NL);
    this.done = new Uint8Array(rows);
  }
  grow(rows: number): void {
    const tab = new Float64Array(rows * NL);
    tab.set(this.tab);
    this.tab = tab;
    const done = new Uint8Array(rows);
    done.set(this.done);
    this.done = done;
  }
}

const MAX_FEATURES = 160;
/** rows of zeros standing for a cached group that does not apply to a token (see tagSentenceFixed) */
const ZERO_ROW = new Float64Array(NL);
const ZERO_VEC = new Float32Array(NL);
// a word with its cached scores takes about 0.5 kB: this bounds the cache near 50 MB
const MAX_CACHE = 100_000;
/** word ids of the sentinels standing for the missing neighbours before the first and after the last word */
const W_BOS = 0;
const W_EOS = 1;
/** cached scores per word: its own features at offsets 0..4, then (single weights, so float32 is exact) p1l and p1lm1 after O */
const VEC = 7 * NL;
/**
 * cached model references per word, by the other word's class number, of the pair features that
 * see one word's lower-cased form and the other's class: lm1c0 and l0cp1 (this word on the left),
 * cm1l0 and c0lp1 (this word on the right)
 */
const REFS = 4 * NC;

/**
 * Context aggregation (Ratinov & Roth 2009): for each capitalised form, the lower-cased words
 * just before and after its occurrences anywhere in the document, so "Velarde" alone inherits
 * the "Ex-Yankee Randy" of an earlier mention. Hashes, at most AGG_MAX of each (one more can
 * slip in: both neighbours are added once the list has room).
 */
const AGG_MAX = 8;
const CTX_STRIDE = 2 * AGG_MAX + 2;

// per lower-cased form, its record in lState: what a token reads of it, side by side
/** the number of the document that last wrote the record (see touch) */
const L_STAMP = 0;
/** the D_ bits below */
const L_DOC = 1;
/** how many context hashes lCtx holds */
const L_CTXN = 2;
/** the number of the document whose context-aggregation scores `agg` holds */
const L_AGG = 3;
/** the longest name-list phrase starting with it (see Gazetteer.longestFrom) */
const L_GAZ = 4;
/** five counts: the label types given so far to its capitalised occurrences in the document */
const L_HIST = 5;
const L_STRIDE = 10;

// per lower-cased form, document state bits
/** seen written all in lower case somewhere in the document */
const D_LOWER = 1;
/** seen capitalised in mid-sentence (not a headline) */
const D_CAPMID = 2;
/** has a label history (types given so far to its capitalised occurrences) */
const D_HIST = 4;

/** ALLOWED[prev * NL + label]: whether `label` may follow `prev` (NL stands for the sentence start). */
const ALLOWED = new Uint8Array((NL + 1) * NL);
for (let p = 0; p <= NL; p++) for (let l = 0; l < NL; l++) ALLOWED[p * NL + l] = allowed(p, l) ? 1 : 0;
/**
 * NEED[p * NL..p * NL + NEED_N[p]): in ascending order, the labels whose scores decoding after
 * `p` looks at: those allowed after `p` and those allowed after O (the free choice that may close
 * an open name). 9 of 17 outside a name, 11 inside one; the others are never summed.
 */
const NEED = new Uint8Array((NL + 1) * NL);
const NEED_N = new Uint8Array(NL + 1);
for (let p = 0; p <= NL; p++) {
  for (let l = 0; l < NL; l++) if (ALLOWED[p * NL + l] || ALLOWED[l]) NEED[p * NL + NEED_N[p]++] = l;
}
/** NEED for the last word of a sentence, where a name cannot stay open: without B and I. */
const NEED_LAST = new Uint8Array((NL + 1) * NL);
const NEED_LAST_N = new Uint8Array(NL + 1);
for (let p = 0; p <= NL; p++) {
  for (let j = p * NL; j < p * NL + NEED_N[p]; j++) {
    const l = NEED[j];
    if (l === 0 || labelPart(l) >= 2) NEED_LAST[p * NL + NEED_LAST_N[p]++] = l;
  }
}

/**
 * Words and lower-cased forms are numbered on first sight and their properties kept in flat
 * typed arrays (hashes, cached partial scores, per-document state), so the tagging loop works on
 * integers and allocates nothing per token. Document state is reset lazily: each slot carries the
 * number of the document that last wrote it.
 */
export class FeatureTagger {
  private readonly keys = new Uint32Array(MAX_FEATURES);
  private readonly scores = new Float64Array(NL);
  private readonly wordScores = new Float64Array(NL);
  private readonly wordBuf = new Uint32Array(64);
  private lowers: string[] = [];
  private capitalised = new Uint8Array(256);
  private gaz = new Uint32Array(256);
  private firstLen = new Uint8Array(256);

  // words: id -> NSLOT hashes, lower-form id, cached scores at offsets 0..4, bits of offsets filled
  private ids = new Map<string, number>();
  private nWords = 2;
  private wordCap = 0;
  private wh = new Uint32Array(0);
  private wLower = new Int32Array(0);
  private wVec = new Float32Array(0);
  /** see REFS: Scorer.ref, valid where S_PAIRS says so */
  private wRef = new Int32Array(0);
  /** the words by id */
  private readonly wordTexts: string[] = [];

  // word types (see tagDocumentTypes): the table whose ids wordOfType holds word id + 1 of (0: not yet seen)
  private types: WordTypes | null = null;
  private typesEpoch = -1;
  private wordOfType = new Int32Array(0);

  // lower-cased forms: id -> string, longest name-list phrase starting with it, document state
  private lowerIds = new Map<string, number>();
  private lowerStr: string[] = [];
  private nLowers = 0;
  private lowerCap = 0;
  /** records of L_STRIDE (see L_STAMP...) */
  private lState = new Int32Array(0);
  private lCtx = new Uint32Array(0);
  private gen = 0;
  /** per lower-cased form, the scores of its context-aggregation features in the document L_AGG names */
  private agg = new RowTable(0);

  // rows of pair scores (see pairRows): two for the right-hand rows, since one word's is used by the next
  private readonly pairBuf = [new Float64Array(NL), new Float64Array(NL)];
  private quiet = new Uint8Array(64);
  /** label quiet words O without scoring them (see quietWords); off to compare */
  skipQuiet = true;
  private readonly pairLeft = new Float64Array(NL);
  private pairR: Float64Array = ZERO_ROW;
  private pairL: Float64Array = ZERO_ROW;

  // small-domain feature groups (fixed models only), see tagSentenceFixed
  private readonly tmp = new Uint32Array(64);
  private readonly ctri = new RowTable(NC * NC * NC);
  private readonly capRun = new RowTable(6 * 5 * 2);
  private readonly docLex = new RowTable(4 * 3 * 2 * NC);
  private readonly prev = new RowTable((NL + 1) * (NL + 1));
  private readonly prevClass = new RowTable((NL + 1) * NC * NC);
  private readonly hist = new RowTable(32 * 5 * 3);

  // the current document: word ids of all its tokens, and per sentence its start and headline flag
  private docIds = new Int32Array(1024);
  /** Bumped whenever word ids are handed out anew (clearCache), so caches keyed by them can tell. */
  private idEpoch = 0;

  /** Word ids of the tokens of the last document tagged, in order (valid until the next one). */
  get documentIds(): Int32Array {
    return this.docIds;
  }

  /** The words by id (see documentIds). */
  get words(): readonly string[] {
    return this.wordTexts;
  }

  get wordIdEpoch(): number {
    return this.idEpoch;
  }

  /** One more than the largest word id handed out so far. */
  get wordIdCount(): number {
    return this.nWords;
  }

  constructor(readonly gazetteer: Gazetteer) {
    // Room for the words of a few megabytes of news at once: growing copies every table, and
    // pages of a fresh array the tagger has not written to yet cost no memory.
    this.growWords(1 << 16);
    this.growLowers(1 << 16);
    this.initSentinels();
  }

  private initSentinels(): void {
    for (const [id, atom] of [[W_BOS, BOS], [W_EOS, EOS]]) {
      const o = id * NSLOT;
      this.wh.fill(0, o, o + NSLOT);
      this.wh[o + S_EXACT] = this.wh[o + S_LOWER] = this.wh[o + S_SHAPE] = this.wh[o + S_CLASS] = atom;
      this.wh[o + S_CLSID] = id === W_BOS ? CLS_BOS : CLS_EOS;
      this.wh[o + S_BIM] = mix(T.bim, atom);
      this.wh[o + S_BIP] = mix(T.bip, atom);
      this.wLower[id] = -1;
      this.wordTexts[id] = '';
    }
  }

  private growWords(cap: number): void {
    const wh = new Uint32Array(cap * NSLOT);
    wh.set(this.wh);
    this.wh = wh;
    const wLower = new Int32Array(cap);
    wLower.set(this.wLower);
    this.wLower = wLower;
    const wVec = new Float32Array(cap * VEC);
    wVec.set(this.wVec);
    this.wVec = wVec;
    const wRef = new Int32Array(cap * REFS);
    wRef.set(this.wRef);
    this.wRef = wRef;
    this.wordCap = cap;
  }

  private growLowers(cap: number): void {
    const grow = <A extends Uint8Array | Int32Array | Uint32Array>(a: A, make: (n: number) => A, per: number): A => {
      const b = make(cap * per);
      b.set(a);
      return b;
    };
    this.lState = grow(this.lState, (n) => new Int32Array(n), L_STRIDE);
    this.lCtx = grow(this.lCtx, (n) => new Uint32Array(n), CTX_STRIDE);
    this.agg.grow(cap);
    this.lowerCap = cap;
  }

  /** Forgets the word cache (for measurements that must not profit from a previous pass). */
  clearCache(): void {
    this.idEpoch++;
    this.ids.clear();
    this.nWords = 2;
    this.lowerIds.clear();
    this.lowerStr.length = 0;
    this.nLowers = 0;
    this.wordOfType.fill(0);
    for (const t of [this.ctri, this.capRun, this.docLex, this.prev, this.prevClass, this.hist]) t.done.fill(0);
    this.initSentinels();
  }

  /**
   * The pair features of neighbours a, b without a cache: sets pairR to the scores of those seen
   * from b (in `rightBuf`) and pairL to those seen from a (in pairLeft), added in the order
   * pairRightKeys and pairLeftKeys list them, as addScoresAt would. Almost all are features the
   * model lacks (97 % in news text), and a row of none is ZERO_ROW, so most pairs cost four
   * hashes and cached look-ups: cheaper than a cache of pairs, whose rows miss the CPU's cache.
   * The four features of one word's lower-cased form with the other's class are looked up once
   * per word and class (wRef).
   */
  private pairRows(a: number, b: number, scorer: FixedScorer, rightBuf: Float64Array): void {
    const wh = this.wh;
    const oa = a * NSLOT;
    const ob = b * NSLOT;
    const la = wh[oa + S_LOWER];
    const ca = wh[oa + S_CLASS];
    const lb = wh[ob + S_LOWER];
    const cb = wh[ob + S_CLASS];
    const wRef = this.wRef;
    const ra = a * REFS + wh[ob + S_CLSID] * 4;
    const rb = b * REFS + wh[oa + S_CLSID] * 4 + 2;
    // most words have no such features for most classes: their bits, beside the word's other
    // facts, spare a read of wRef (another cache line)
    const bitA = 1 << wh[ob + S_CLSID];
    const bitB = 1 << (16 + wh[oa + S_CLSID]);
    if (!(wh[oa + S_PAIRS] & bitA)) {
      wRef[ra] = scorer.ref(nonzero(mix(mix(T.lm1c0, la), cb)));
      wRef[ra + 1] = scorer.ref(nonzero(mix(mix(T.l0cp1, la), cb)));
      wh[oa + S_PAIRS] |= bitA;
      if ((wRef[ra] | wRef[ra + 1]) !== 0) wh[oa + S_PAIRS_NZ] |= bitA;
    }
    if (!(wh[ob + S_PAIRS] & bitB)) {
      wRef[rb] = scorer.ref(nonzero(mix(mix(T.cm1l0, ca), lb)));
      wRef[rb + 1] = scorer.ref(nonzero(mix(mix(T.c0lp1, ca), lb)));
      wh[ob + S_PAIRS] |= bitB;
      if ((wRef[rb] | wRef[rb + 1]) !== 0) wh[ob + S_PAIRS_NZ] |= bitB;
    }
    const nearA = (wh[oa + S_PAIRS_NZ] & bitA) !== 0;
    const nearB = (wh[ob + S_PAIRS_NZ] & bitB) !== 0;
    const bim = scorer.ref(nonzero(mix(wh[oa + S_BIM], lb)));
    const lm1c0 = nearA ? wRef[ra] : 0;
    const cm1l0 = nearB ? wRef[rb] : 0;
    // (a reference of 0 adds nothing)
    if ((bim | lm1c0 | cm1l0) === 0) this.pairR = ZERO_ROW;
    else {
      for (let l = 0; l < NL; l++) rightBuf[l] = 0;
      if (bim !== 0) scorer.addRef(bim, rightBuf, 0);
      if (lm1c0 !== 0) scorer.addRef(lm1c0, rightBuf, 0);
      if (cm1l0 !== 0) scorer.addRef(cm1l0, rightBuf, 0);
      this.pairR = rightBuf;
    }
    const bip = scorer.ref(nonzero(mix(wh[oa + S_BIP], lb)));
    const c0lp1 = nearB ? wRef[rb + 1] : 0;
    const l0cp1 = nearA ? wRef[ra + 1] : 0;
    if ((bip | c0lp1 | l0cp1) === 0) this.pairL = ZERO_ROW;
    else {
      const leftBuf = this.pairLeft;
      for (let l = 0; l < NL; l++) leftBuf[l] = 0;
      if (bip !== 0) scorer.addRef(bip, leftBuf, 0);
      if (c0lp1 !== 0) scorer.addRef(c0lp1, leftBuf, 0);
      if (l0cp1 !== 0) scorer.addRef(l0cp1, leftBuf, 0);
      this.pairL = leftBuf;
    }
  }

  /** Scores `tmp[0..n)` into row `row` of `table`. */
  private fill(table: RowTable, row: number, n: number, scorer: Scorer): void {
    const tmp = this.tmp;
    for (let j = 0; j < n; j++) if (tmp[j] === 0) tmp[j] = 1;
    scorer.score(tmp, n, this.wordScores);
    table.tab.set(this.wordScores, row * NL);
    table.done[row] = 1;
  }

  private wordId(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.nWords++;
      if (id >= this.wordCap) this.growWords(this.wordCap * 2);
      const o = id * NSLOT;
      const lower = describe(word, this.wh, o);
      if (this.gazetteer.common.has(this.wh[o + S_LOWER])) this.wh[o + S_FLAGS] |= F_COMMON;
      this.wh[o + S_BIM] = mix(T.bim, this.wh[o + S_LOWER]);
      this.wh[o + S_BIP] = mix(T.bip, this.wh[o + S_LOWER]);
      this.wh[o + S_DONE] = 0;
      this.wh[o + S_PAIRS] = 0;
      this.wh[o + S_PAIRS_NZ] = 0;
      this.wLower[id] = this.lowerId(lower);
      this.ids.set(word, id);
      this.wordTexts[id] = word;
    }
    return id;
  }

  private lowerId(lower: string): number {
    let id = this.lowerIds.get(lower);
    if (id === undefined) {
      id = this.nLowers++;
      if (id >= this.lowerCap) this.growLowers(this.lowerCap * 2);
      this.lowerStr[id] = lower;
      const r = id * L_STRIDE;
      this.lState[r + L_GAZ] = this.gazetteer.longestFrom(lower);
      this.lState[r + L_STAMP] = -1;
      this.lState[r + L_AGG] = 0;
      this.lowerIds.set(lower, id);
    }
    return id;
  }

  /** Marks a lower-cased form as written in the current document, resetting what an earlier one left. */
  private touch(lid: number): void {
    const r = lid * L_STRIDE;
    const state = this.lState;
    if (state[r + L_STAMP] === this.gen) return;
    state[r + L_STAMP] = this.gen;
    state[r + L_DOC] = 0;
    state[r + L_CTXN] = 0;
    for (let t = 0; t < 5; t++) state[r + L_HIST + t] = 0;
  }

  /** Adds the (cached) scores of word `id`'s own features at `offset` to `out`. */
  private wordScoresAt(id: number, offset: number, scorer: Scorer): number {
    const base = id * VEC + offset * NL;
    if (!(this.wh[id * NSLOT + S_DONE] & (1 << offset))) {
      const n = offset < 5 ? wordKeys(this.wh, id * NSLOT, offset, this.wordBuf, 0) : prevWordKeys(this.wh, id * NSLOT, offset, this.wordBuf);
      scorer.score(this.wordBuf, n, this.wordScores);
      for (let l = 0; l < NL; l++) this.wVec[base + l] = this.wordScores[l];
      this.wh[id * NSLOT + S_DONE] |= 1 << offset;
    }
    return base;
  }

  /** Tags one document (its sentences as token strings, in order); returns label ids per sentence. */
  tagDocument(sentences: readonly (readonly string[])[], scorer: Scorer, learner?: Learner): Uint8Array[] {
    const lengths = new Int32Array(sentences.length);
    let total = 0;
    for (let si = 0; si < sentences.length; si++) total += lengths[si] = sentences[si].length;
    this.beginDocument(total);
    const ids = this.docIds;
    let t = 0;
    for (const s of sentences) for (let i = 0; i < s.length; i++) ids[t++] = this.wordId(s[i]);
    return this.tagWords(lengths, scorer, learner);
  }

  /**
   * tagDocument for a document given as word types (see WordTypes): `typeIds` per token,
   * `lengths` per sentence. `wordOf` gives the word the tagger reads for a type's text; it is
   * asked once per type, and each type's word id is kept, so most tokens cost an array read
   * (so every call with the same table must pass the same `wordOf`).
   */
  tagDocumentTypes(types: WordTypes, typeIds: Int32Array, lengths: Int32Array, wordOf: (text: string) => string, scorer: Scorer): Uint8Array[] {
    this.beginDocument(typeIds.length);
    if (types !== this.types || types.epoch !== this.typesEpoch) {
      this.types = types;
      this.typesEpoch = types.epoch;
      this.wordOfType.fill(0);
    }
    if (this.wordOfType.length < types.size) {
      const grown = new Int32Array(Math.max(types.size, 2 * this.wordOfType.length));
      grown.set(this.wordOfType);
      this.wordOfType = grown;
    }
    const wordOfType = this.wordOfType;
    const ids = this.docIds;
    for (let t = 0; t < typeIds.length; t++) {
      const type = typeIds[t];
      let id = wordOfType[type] - 1;
      if (id < 0) {
        id = this.wordId(wordOf(types.text(type)));
        wordOfType[type] = id + 1;
      }
      ids[t] = id;
    }
    return this.tagWords(lengths, scorer);
  }

  /** Makes room for a document of `total` tokens and starts its document state. */
  private beginDocument(total: number): void {
    // the cache is bounded, but never emptied inside a document: its ids must stay valid
    if (this.nWords + total > MAX_CACHE && this.nWords > 2) this.clearCache();
    if (this.docIds.length < total) this.docIds = new Int32Array(total * 2);
    this.gen++;
  }

  /** Tags the document whose word ids beginDocument's caller wrote to docIds, sentence by sentence. */
  private tagWords(lengths: Int32Array, scorer: Scorer, learner?: Learner): Uint8Array[] {
    const ids = this.docIds;
    const headlines = new Uint8Array(lengths.length);
    let t = 0;
    for (let si = 0; si < lengths.length; si++) {
      const n = lengths[si];
      const start = t;
      t += n;
      const acs = this.allCapsSentence(start, t);
      headlines[si] = acs ? 1 : 0;
      const wh2 = this.wh;
      for (let i = 0; i < n; i++) {
        const id = ids[start + i];
        const f = wh2[id * NSLOT + S_FLAGS];
        const lid = this.wLower[id];
        if (f & F_LOWER) {
          this.touch(lid);
          this.lState[lid * L_STRIDE + L_DOC] |= D_LOWER;
        } else if (!acs && i > 0 && f & F_INITCAP && !(f & F_ALLCAPS) && !(wh2[ids[start + i - 1] * NSLOT + S_FLAGS] & F_QB)) {
          this.touch(lid);
          this.lState[lid * L_STRIDE + L_DOC] |= D_CAPMID;
        }
        if (f & F_UPPER && !acs) {
          this.touch(lid);
          const cn = this.lState[lid * L_STRIDE + L_CTXN];
          if (cn < 2 * AGG_MAX) {
            const before = mix(1, i > 0 ? wh2[ids[start + i - 1] * NSLOT + S_LOWER] : BOS);
            const after = mix(2, i + 1 < n ? wh2[ids[start + i + 1] * NSLOT + S_LOWER] : EOS);
            this.addContext(lid, before);
            this.addContext(lid, after);
          }
        }
      }
    }
    const out: Uint8Array[] = [];
    const fixed = !learner && isFixed(scorer);
    t = 0;
    for (let si = 0; si < lengths.length; si++) {
      const n = lengths[si];
      const acs = headlines[si] === 1;
      out.push(fixed ? this.tagSentenceFixed(t, n, acs, scorer) : this.tagSentence(t, n, acs, scorer, learner ? learner.gold[si] : null, learner));
      t += n;
    }
    return out;
  }

  private addContext(lid: number, h: number): void {
    const base = lid * CTX_STRIDE;
    const n = this.lState[lid * L_STRIDE + L_CTXN];
    for (let j = 0; j < n; j++) if (this.lCtx[base + j] === h) return;
    this.lCtx[base + n] = h;
    this.lState[lid * L_STRIDE + L_CTXN] = n + 1;
  }

  /**
   * A headline in capitals ("EU REJECTS GERMAN CALL"): most words with letters are all capitals.
   * Punctuation and one-letter words say nothing either way.
   */
  private allCapsSentence(from: number, to: number): boolean {
    let caps = 0;
    let other = 0;
    for (let t = from; t < to; t++) {
      const id = this.docIds[t];
      const f = this.wh[id * NSLOT + S_FLAGS];
      if (f & (F_NOLETTER | F_ONECHAR)) continue;
      if (f & F_ALLCAPS) caps++;
      else other++;
    }
    return caps >= 2 && caps > 2 * other;
  }

  /** Fills `capitalised` and the name-list matches `gaz` of the sentence's tokens. */
  private prepareSentence(start: number, n: number, acs: boolean): void {
    if (this.capitalised.length < n) {
      this.capitalised = new Uint8Array(n * 2);
      this.gaz = new Uint32Array(n * 2);
      this.firstLen = new Uint8Array(n * 2);
    }
    const ids = this.docIds;
    const wh = this.wh;
    const wLower = this.wLower;
    const lowers = this.lowers;
    const capitalised = this.capitalised;
    const firstLen = this.firstLen;
    // `lowers` keeps its longest length (setting length per sentence is a runtime call); match reads n
    for (let i = 0; i < n; i++) {
      const id = ids[start + i];
      const lid = wLower[id];
      lowers[i] = this.lowerStr[lid];
      firstLen[i] = this.lState[lid * L_STRIDE + L_GAZ];
      const f = wh[id * NSLOT + S_FLAGS];
      capitalised[i] = acs || f & F_INITCAP || f & F_ALLCAPS ? 1 : 0;
    }
    this.gazetteer.match(lowers, capitalised, this.gaz, firstLen, n);
  }

  /**
   * Greedy decoding that scores every feature key: training (the learner updates the weights
   * of exactly these keys) and scorers that are not fixed. tagSentenceFixed gives the same labels
   * from cached partial scores.
   */
  private tagSentence(start: number, n: number, acs: boolean, scorer: Scorer, gold: Uint8Array | null, learner?: Learner): Uint8Array {
    const labels = new Uint8Array(n);
    if (n === 0) return labels;
    this.prepareSentence(start, n, acs);
    const ids = this.docIds;
    const wh = this.wh;
    const wLower = this.wLower;
    const capitalised = this.capitalised;
    const gaz = this.gaz;
    const keys = this.keys;
    const scores = this.scores;
    const lState = this.lState;
    const gen = this.gen;

    let p1: number = BOS_LABEL;
    let p2: number = BOS_LABEL;
    // training scores every word: the learner must see the quiet ones too
    const quiet = !learner && this.skipQuiet ? this.quietWords(start, n) : null;
    for (let i = 0; i < n; i++) {
      if (quiet !== null && p1 === 0 && quiet[i] === 1) {
        labels[i] = 0;
        p2 = 0;
        continue;
      }
      const id0 = ids[start + i];
      const idm1 = i > 0 ? ids[start + i - 1] : W_BOS;
      const idm2 = i > 1 ? ids[start + i - 2] : W_BOS;
      const idp1 = i + 1 < n ? ids[start + i + 1] : W_EOS;
      const idp2 = i + 2 < n ? ids[start + i + 2] : W_EOS;
      const o0 = id0 * NSLOT;
      const om1 = idm1 * NSLOT;
      const op1 = idp1 * NSLOT;
      const flags = wh[o0 + S_FLAGS];
      const l0 = wh[o0 + S_LOWER];
      const c0 = wh[o0 + S_CLASS];
      const lid = wLower[id0];
      let k = 0;
      // only the labels decoding after p1 looks at are compared (ascending, so ties break as in tagSentenceFixed)
      const nb = p1 * NL;
      const nEnd = nb + NEED_N[p1];
      k = wordKeys(wh, o0, 0, keys, k);
      k = wordKeys(wh, om1, 1, keys, k);
      k = wordKeys(wh, op1, 2, keys, k);
      k = wordKeys(wh, idm2 * NSLOT, 3, keys, k);
      k = wordKeys(wh, idp2 * NSLOT, 4, keys, k);

      const lm1 = wh[om1 + S_LOWER];
      const lp1 = wh[op1 + S_LOWER];
      const cm1 = wh[om1 + S_CLASS];
      const cp1 = wh[op1 + S_CLASS];
      k = ctriKeys(keys, k, cm1, c0, cp1);
      // word pairs: the pair (i-1, i) seen from the right and (i, i+1) from the left
      k = pairRightKeys(keys, k, lm1, cm1, l0, c0);
      k = pairLeftKeys(keys, k, l0, c0, lp1, cp1);
      // the run of capitalised words this one sits in: its length and where in it we are
      if (capitalised[i] && !acs) {
        let a = i;
        while (a > 0 && capitalised[a - 1]) a--;
        let b = i;
        while (b + 1 < n && capitalised[b + 1]) b++;
        k = capRunKeys(keys, k, Math.min(b - a + 1, 5), Math.min(i - a, 4), i === b ? 1 : 0);
      }

      // capitalisation means less at the start of a sentence and nothing in a headline
      const init = i === 0 || (i === 1 && (wh[ids[start] * NSLOT + S_FLAGS] & F_QB) !== 0);
      if (init) {
        keys[k++] = mix(T.init, c0);
        keys[k++] = mix(T.initL, l0);
      }
      if (acs) {
        keys[k++] = mix(T.acs, 0);
        keys[k++] = mix(T.acsL, l0);
        keys[k++] = mix(T.acsShape, mix(cm1, cp1));
      }
      const upper = (flags & F_UPPER) !== 0;
      const fresh = lState[lid * L_STRIDE + L_STAMP] !== gen;
      const pos = acs ? 2 : init ? 1 : 0;
      if (upper) {
        const ds = fresh ? 0 : lState[lid * L_STRIDE + L_DOC];
        const d = (ds & D_LOWER ? 1 : 0) | (ds & D_CAPMID ? 2 : 0);
        k = docKeys(keys, k, d, pos, flags & F_COMMON ? 1 : 0, c0);
      }

      const g0 = gaz[i];
      const gm1 = i > 0 ? gaz[i - 1] : 0;
      const gp1 = i + 1 < n ? gaz[i + 1] : 0;
      const gm2 = i > 1 ? gaz[i - 2] : 0;
      const gp2 = i + 2 < n ? gaz[i + 2] : 0;
      const gAny = (g0 | gm1 | gp1 | gm2 | gp2) & 0x3fffffff;
      if (gAny) {
        // Only the lists that hit are visited, in ascending order as a loop over all 30 bits
        // would; that loop checks the cap after every bit, so once the cap is reached on entry
        // it stops after bit 0.
        let rest = k > MAX_FEATURES - 40 ? gAny & 1 : gAny;
        while (rest !== 0) {
          const bit = rest & -rest;
          rest ^= bit;
          const b = 31 - Math.clz32(bit);
          if (g0 & bit) {
            keys[k++] = mix(T.g0, b);
            keys[k++] = mix(mix(T.g0c, b), c0);
          }
          if (gm1 & bit) keys[k++] = mix(T.gm1, b);
          if (gp1 & bit) keys[k++] = mix(T.gp1, b);
          if (gm2 & bit) keys[k++] = mix(T.gm2, b);
          if (gp2 & bit) keys[k++] = mix(T.gp2, b);
          if (k > MAX_FEATURES - 40) break;
        }
      }

      if (upper && !fresh) {
        const cn = lState[lid * L_STRIDE + L_CTXN];
        if (cn > 0) k = aggKeys(keys, k, this.lCtx, lid * CTX_STRIDE, cn);
      }

      k = prevKeys(keys, k, p2, p1);
      keys[k++] = mix(mix(T.p1l, p1), l0);
      keys[k++] = mix(mix(T.p1lm1, p1), lm1);
      k = prevClassKeys(keys, k, p1, cm1, c0);

      if (upper && !fresh && lState[lid * L_STRIDE + L_DOC] & D_HIST) {
        const hb = lid * L_STRIDE + L_HIST;
        const hist = lState;
        let best = 0;
        let mask = 0;
        for (let t = 0; t < 5; t++) {
          if (hist[hb + t] > 0) mask |= 1 << t;
          if (hist[hb + t] > hist[hb + best]) best = t;
        }
        k = histKeys(keys, k, mask, best, pos);
      }
      for (let j = 0; j < k; j++) if (keys[j] === 0) keys[j] = 1;

      scorer.score(keys, k, scores);
      let pred = 0;
      let bestScore = -Infinity;
      let free = 0;
      let freeScore = -Infinity;
      const last = i === n - 1;
      const allowedBase = p1 * NL;
      for (let j = nb; j < nEnd; j++) {
        const l = NEED[j];
        // a name cannot stay open past the end of the sentence
        if (last && l !== 0 && labelPart(l) < 2) continue;
        const sc = scores[l];
        if (ALLOWED[allowedBase + l] && sc > bestScore) {
          bestScore = sc;
          pred = l;
        }
        if (ALLOWED[l] && sc > freeScore && !(last && l !== 0 && labelPart(l) === 0)) {
          freeScore = sc;
          free = l;
        }
      }
      // A name left open by the previous word is closed there when this word would rather not
      // continue it (B becomes U, I becomes L), instead of forcing "Armed Forces , Florence".
      if (leavesNameOpen(p1) && freeScore > bestScore) {
        p1 = closedName(p1);
        labels[i - 1] = p1;
        pred = free;
      }
      if (learner && gold) learner.update(keys, k, gold[i], pred);
      labels[i] = pred;
      if (upper) {
        this.touch(lid);
        lState[lid * L_STRIDE + L_DOC] |= D_HIST;
        lState[lid * L_STRIDE + L_HIST + labelType(pred)]++;
      }
      p2 = p1;
      p1 = pred;
    }
    return labels;
  }

  /**
   * 1 for each quiet word of the sentence: a lower-case word, a number or punctuation, followed
   * by QUIET_AHEAD more. After a word outside any name, such a word is outside one too (tagging
   * every word of the CoNLL development set and of the bench corpus this way changed one label:
   * a lower-case "democratic" tagged MISC), so it is labelled O without being scored: about half
   * the words of news text. A name's first word is capitalised, or a particle two words ahead of
   * one ("van der Sar"), which is why the words ahead must be calm too.
   */
  private quietWords(start: number, n: number): Uint8Array {
    if (this.quiet.length < n) this.quiet = new Uint8Array(n * 2);
    const quiet = this.quiet;
    const ids = this.docIds;
    const wh = this.wh;
    let calmAhead = 0; // calm words from i on (the sentence's end counts as calm)
    for (let i = n - 1; i >= 0; i--) {
      const f = wh[ids[start + i] * NSLOT + S_FLAGS];
      const calm = (f & F_LOWER) !== 0 || (f & F_NOLETTER) !== 0;
      calmAhead = calm ? calmAhead + 1 : 0;
      quiet[i] = calm && (calmAhead > QUIET_AHEAD || i + calmAhead === n) ? 1 : 0;
    }
    return quiet;
  }

  /**
   * tagSentence for a fixed scorer without a learner: the same features, sums and decisions,
   * with every cached group's row located first and the rows summed in one pass per label, in
   * the order tagSentence adds them (a group that does not apply adds a row of zeros, which
   * changes no sum). Any change to the features goes to tagSentence too: features.test.ts
   * checks that both give the same labels.
   */
  private tagSentenceFixed(start: number, n: number, acs: boolean, scorer: FixedScorer): Uint8Array {
    const labels = new Uint8Array(n);
    if (n === 0) return labels;
    this.prepareSentence(start, n, acs);
    const ids = this.docIds;
    const wh = this.wh;
    const wLower = this.wLower;
    const capitalised = this.capitalised;
    const gaz = this.gaz;
    const keys = this.keys;
    const scores = this.scores;
    const lState = this.lState;
    const gen = this.gen;
    const tmp = this.tmp;
    const ctriTab = this.ctri.tab;
    const prevTab = this.prev.tab;
    const prevClassTab = this.prevClass.tab;

    let p1: number = BOS_LABEL;
    let p2: number = BOS_LABEL;
    // word pairs: the features of (previous word, this word) seen from the right and of (this
    // word, next word) seen from the left, the former computed with the previous word
    let which = 0;
    this.pairRows(W_BOS, ids[start], scorer, this.pairBuf[which]);
    let right = this.pairR;
    const quiet = this.skipQuiet ? this.quietWords(start, n) : null;
    let resync = false;
    for (let i = 0; i < n; i++) {
      const id0 = ids[start + i];
      const idm1 = i > 0 ? ids[start + i - 1] : W_BOS;
      if (quiet !== null && p1 === 0 && quiet[i] === 1) {
        labels[i] = 0;
        p2 = 0;
        resync = true;
        continue;
      }
      // the pair features of (previous word, this word) were not computed with a skipped word
      if (resync) {
        this.pairRows(idm1, id0, scorer, this.pairBuf[which]);
        right = this.pairR;
        resync = false;
      }
      const idm2 = i > 1 ? ids[start + i - 2] : W_BOS;
      const idp1 = i + 1 < n ? ids[start + i + 1] : W_EOS;
      const idp2 = i + 2 < n ? ids[start + i + 2] : W_EOS;
      const o0 = id0 * NSLOT;
      const om1 = idm1 * NSLOT;
      const op1 = idp1 * NSLOT;
      const flags = wh[o0 + S_FLAGS];
      const l0 = wh[o0 + S_LOWER];
      const c0 = wh[o0 + S_CLASS];
      const lid = wLower[id0];
      let k = 0;
      // only the labels decoding after p1 looks at are summed (ascending, so ties break as before)
      const last = i === n - 1;
      const need = last ? NEED_LAST : NEED;
      const nb = p1 * NL;
      const nEnd = nb + (last ? NEED_LAST_N[p1] : NEED_N[p1]);
      const b0 = this.wordScoresAt(id0, 0, scorer);
      const b1 = this.wordScoresAt(idm1, 1, scorer);
      const b2 = this.wordScoresAt(idp1, 2, scorer);
      const b3 = this.wordScoresAt(idm2, 3, scorer);
      const b4 = this.wordScoresAt(idp2, 4, scorer);
      const cm1 = wh[om1 + S_CLASS];
      const cp1 = wh[op1 + S_CLASS];
      const c0i = wh[o0 + S_CLSID];
      const cm1i = wh[om1 + S_CLSID];
      // keys the tables stand for, so the cap on name-list features sees the same count
      let skipped = 0;
      const ci = (cm1i * NC + c0i) * NC + wh[op1 + S_CLSID];
      if (!this.ctri.done[ci]) this.fill(this.ctri, ci, ctriKeys(tmp, 0, cm1, c0, cp1), scorer);
      const rCtri = ci * NL;
      skipped++;
      const rightRow = right;
      which ^= 1;
      this.pairRows(id0, idp1, scorer, this.pairBuf[which]);
      const leftRow = this.pairL;
      right = this.pairR;
      let capTab: Float64Array = ZERO_ROW;
      let rCap = 0;
      if (capitalised[i] && !acs) {
        let a = i;
        while (a > 0 && capitalised[a - 1]) a--;
        let b = i;
        while (b + 1 < n && capitalised[b + 1]) b++;
        const len = Math.min(b - a + 1, 5);
        const at = Math.min(i - a, 4);
        const end = i === b ? 1 : 0;
        const ri = (len * 5 + at) * 2 + end;
        if (!this.capRun.done[ri]) this.fill(this.capRun, ri, capRunKeys(tmp, 0, len, at, end), scorer);
        capTab = this.capRun.tab;
        rCap = ri * NL;
        skipped += 2;
      }

      const init = i === 0 || (i === 1 && (wh[ids[start] * NSLOT + S_FLAGS] & F_QB) !== 0);
      if (init) {
        keys[k++] = mix(T.init, c0);
        keys[k++] = mix(T.initL, l0);
      }
      if (acs) {
        keys[k++] = mix(T.acs, 0);
        keys[k++] = mix(T.acsL, l0);
        keys[k++] = mix(T.acsShape, mix(cm1, cp1));
      }
      const upper = (flags & F_UPPER) !== 0;
      const fresh = lState[lid * L_STRIDE + L_STAMP] !== gen;
      const pos = acs ? 2 : init ? 1 : 0;
      let docTab: Float64Array = ZERO_ROW;
      let rDoc = 0;
      if (upper) {
        const ds = fresh ? 0 : lState[lid * L_STRIDE + L_DOC];
        const d = (ds & D_LOWER ? 1 : 0) | (ds & D_CAPMID ? 2 : 0);
        const common = flags & F_COMMON ? 1 : 0;
        const di = ((d * 3 + pos) * 2 + common) * NC + c0i;
        if (!this.docLex.done[di]) this.fill(this.docLex, di, docKeys(tmp, 0, d, pos, common, c0), scorer);
        docTab = this.docLex.tab;
        rDoc = di * NL;
        skipped += 4;
      }

      const g0 = gaz[i];
      const gm1 = i > 0 ? gaz[i - 1] : 0;
      const gp1 = i + 1 < n ? gaz[i + 1] : 0;
      const gm2 = i > 1 ? gaz[i - 2] : 0;
      const gp2 = i + 2 < n ? gaz[i + 2] : 0;
      const gAny = (g0 | gm1 | gp1 | gm2 | gp2) & 0x3fffffff;
      if (gAny) {
        // as in tagSentence: the lists that hit, in ascending order, under the same cap
        let rest = k + skipped > MAX_FEATURES - 40 ? gAny & 1 : gAny;
        while (rest !== 0) {
          const bit = rest & -rest;
          rest ^= bit;
          const b = 31 - Math.clz32(bit);
          if (g0 & bit) {
            keys[k++] = mix(T.g0, b);
            keys[k++] = mix(mix(T.g0c, b), c0);
          }
          if (gm1 & bit) keys[k++] = mix(T.gm1, b);
          if (gp1 & bit) keys[k++] = mix(T.gp1, b);
          if (gm2 & bit) keys[k++] = mix(T.gm2, b);
          if (gp2 & bit) keys[k++] = mix(T.gp2, b);
          if (k + skipped > MAX_FEATURES - 40) break;
        }
      }

      let aggTab: Float64Array = ZERO_ROW;
      let rAgg = 0;
      if (upper && !fresh) {
        const cn = lState[lid * L_STRIDE + L_CTXN];
        if (cn > 0) {
          if (lState[lid * L_STRIDE + L_AGG] !== gen) {
            this.fill(this.agg, lid, aggKeys(tmp, 0, this.lCtx, lid * CTX_STRIDE, cn), scorer);
            lState[lid * L_STRIDE + L_AGG] = gen;
          }
          aggTab = this.agg.tab;
          rAgg = lid * NL;
        }
      }

      const pi = p2 * (NL + 1) + p1;
      if (!this.prev.done[pi]) this.fill(this.prev, pi, prevKeys(tmp, 0, p2, p1), scorer);
      const rPrev = pi * NL;
      const qi = (p1 * NC + cm1i) * NC + c0i;
      if (!this.prevClass.done[qi]) this.fill(this.prevClass, qi, prevClassKeys(tmp, 0, p1, cm1, c0), scorer);
      const rPrevClass = qi * NL;
      let vec56: Float32Array = ZERO_VEC;
      let b5 = 0;
      let b6 = 0;
      if (p1 === 0) {
        // after O (most words), the label-word pairs are a word's own cached scores
        b5 = this.wordScoresAt(id0, 5, scorer);
        b6 = this.wordScoresAt(idm1, 6, scorer);
        vec56 = this.wVec;
      } else {
        keys[k++] = mix(mix(T.p1l, p1), l0);
        keys[k++] = mix(mix(T.p1lm1, p1), wh[om1 + S_LOWER]);
      }

      let histTab: Float64Array = ZERO_ROW;
      let rHist = 0;
      if (upper && !fresh && lState[lid * L_STRIDE + L_DOC] & D_HIST) {
        const hb = lid * L_STRIDE + L_HIST;
        const hist = lState;
        let best = 0;
        let mask = 0;
        for (let t = 0; t < 5; t++) {
          if (hist[hb + t] > 0) mask |= 1 << t;
          if (hist[hb + t] > hist[hb + best]) best = t;
        }
        const hi = (mask * 5 + best) * 3 + pos;
        if (!this.hist.done[hi]) this.fill(this.hist, hi, histKeys(tmp, 0, mask, best, pos), scorer);
        histTab = this.hist.tab;
        rHist = hi * NL;
      }
      for (let j = 0; j < k; j++) if (keys[j] === 0) keys[j] = 1;

      // the scores of the remaining keys (none for most words: a row of zeros)
      let rest: Float64Array = ZERO_ROW;
      if (k > 0) {
        scorer.score(keys, k, scores);
        rest = scores;
      }
      // One sum per needed label, in tagSentence's order, and the decision as it goes. A group
      // that does not apply to this word is a row of zeros, and adding 0 changes no sum but
      // the sign of a zero (which no comparison sees), so it is left out.
      const vec = this.wVec;
      const hasPair = rightRow !== ZERO_ROW || leftRow !== ZERO_ROW;
      const hasCap = capTab !== ZERO_ROW;
      const hasDoc = docTab !== ZERO_ROW;
      const hasAgg = aggTab !== ZERO_ROW;
      const hasVec56 = vec56 !== ZERO_VEC;
      const hasHist = histTab !== ZERO_ROW;
      const hasRest = rest !== ZERO_ROW;
      let pred = 0;
      let bestScore = -Infinity;
      let free = 0;
      let freeScore = -Infinity;
      const allowedBase = p1 * NL;
      const open = leavesNameOpen(p1);
      for (let j = nb; j < nEnd; j++) {
        const l = need[j];
        let part = 0 + vec[b0 + l] + vec[b1 + l] + vec[b2 + l] + vec[b3 + l] + vec[b4 + l];
        part += ctriTab[rCtri + l];
        if (hasPair) part += rightRow[l] + leftRow[l];
        if (hasCap) part += capTab[rCap + l];
        if (hasDoc) part += docTab[rDoc + l];
        if (hasAgg) part += aggTab[rAgg + l];
        part += prevTab[rPrev + l];
        part += prevClassTab[rPrevClass + l];
        if (hasVec56) part += vec56[b5 + l] + vec56[b6 + l];
        if (hasHist) part += histTab[rHist + l];
        const sc = hasRest ? rest[l] + part : part;
        if (!open) {
          // every needed label may follow, and there is no open name to close
          if (sc > bestScore) {
            bestScore = sc;
            pred = l;
          }
          continue;
        }
        if (ALLOWED[allowedBase + l] && sc > bestScore) {
          bestScore = sc;
          pred = l;
        }
        if (ALLOWED[l] && sc > freeScore) {
          freeScore = sc;
          free = l;
        }
      }
      // a name left open by the previous word is closed there when this word would rather not continue it
      if (open && freeScore > bestScore) {
        p1 = closedName(p1);
        labels[i - 1] = p1;
        pred = free;
      }
      labels[i] = pred;
      if (upper) {
        this.touch(lid);
        lState[lid * L_STRIDE + L_DOC] |= D_HIST;
        lState[lid * L_STRIDE + L_HIST + labelType(pred)]++;
      }
      p2 = p1;
      p1 = pred;
    }
    return labels;
  }
}
