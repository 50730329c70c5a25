import { hashString, mix } from './hash.js';
import type { Gazetteer } from './gazetteer.js';

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
/** Whether `label` may follow `prev` (NL stands for the sentence start). */
export function allowed(prev: number, label: number): boolean {
  const open = prev !== 0 && prev !== NL && labelPart(prev) < 2;
  if (open) return label !== 0 && labelType(label) === labelType(prev) && (labelPart(label) === 1 || labelPart(label) === 2);
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
const NSLOT = 14;

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

interface WordEntry {
  h: Uint32Array;
  lower: string;
  /** cached scores of this word's features at offsets 0, -1, +1, -2, +2 (fixed models only) */
  vec: Float32Array | null;
  /** bit o set when offset o of `vec` is filled */
  done: number;
}

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

function charShape(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  return c;
}

function describe(word: string): WordEntry {
  const lower = word.toLowerCase();
  const upperForm = word.toUpperCase();
  const h = new Uint32Array(NSLOT);
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

  h[S_EXACT] = hashString(word, 1);
  h[S_LOWER] = hashString(lower, 2);
  h[S_SHAPE] = hashString(shape, 3);
  h[S_CLASS] = hashString(cls, 4);
  for (let k = 1; k <= 4; k++) {
    if (lower.length > k) {
      h[S_PRE + k - 1] = hashString(lower.slice(0, k), 10 + k);
      h[S_SUF + k - 1] = hashString(lower.slice(-k), 20 + k);
    }
  }
  h[S_LEN] = Math.min(word.length, 12);
  h[S_FLAGS] = flags;
  return { h, lower, vec: null, done: 0 };
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

/** Stands for the missing neighbours before the first and after the last word. */
function sentinel(atom: number): WordEntry {
  const h = new Uint32Array(NSLOT);
  h[S_EXACT] = h[S_LOWER] = h[S_SHAPE] = h[S_CLASS] = atom;
  return { h, lower: '', vec: null, done: 0 };
}

/** Keys of the features of one word seen at an offset: 0 itself, 1 left, 2 right, 3 two left, 4 two right. */
function wordKeys(h: Uint32Array, offset: number, keys: Uint32Array, k: number): number {
  switch (offset) {
    case 0: {
      keys[k++] = mix(T.bias, 0);
      keys[k++] = mix(T.w0, h[S_EXACT]);
      keys[k++] = mix(T.l0, h[S_LOWER]);
      keys[k++] = mix(T.shape0, h[S_SHAPE]);
      keys[k++] = mix(T.class0, h[S_CLASS]);
      for (let j = 0; j < 4; j++) {
        if (h[S_PRE + j] !== 0) keys[k++] = mix(T.pre + j, h[S_PRE + j]);
        if (h[S_SUF + j] !== 0) keys[k++] = mix(T.suf + j, h[S_SUF + j]);
      }
      keys[k++] = mix(T.len0, h[S_LEN]);
      const flags = h[S_FLAGS];
      for (let b = 0; b < 9; b++) if (flags & (1 << b)) keys[k++] = mix(T.flag, b);
      break;
    }
    case 1:
      keys[k++] = mix(T.lm1, h[S_LOWER]);
      keys[k++] = mix(T.wm1, h[S_EXACT]);
      keys[k++] = mix(T.cm1, h[S_CLASS]);
      keys[k++] = mix(T.shm1, h[S_SHAPE]);
      if (h[S_SUF + 2] !== 0) keys[k++] = mix(T.sufm1, h[S_SUF + 2]);
      if (h[S_PRE + 2] !== 0) keys[k++] = mix(T.prem1, h[S_PRE + 2]);
      break;
    case 2:
      keys[k++] = mix(T.lp1, h[S_LOWER]);
      keys[k++] = mix(T.wp1, h[S_EXACT]);
      keys[k++] = mix(T.cp1, h[S_CLASS]);
      keys[k++] = mix(T.shp1, h[S_SHAPE]);
      if (h[S_SUF + 2] !== 0) keys[k++] = mix(T.sufp1, h[S_SUF + 2]);
      if (h[S_PRE + 2] !== 0) keys[k++] = mix(T.prep1, h[S_PRE + 2]);
      break;
    case 3:
      keys[k++] = mix(T.lm2, h[S_LOWER]);
      keys[k++] = mix(T.wm2, h[S_EXACT]);
      keys[k++] = mix(T.cm2, h[S_CLASS]);
      break;
    default:
      keys[k++] = mix(T.lp2, h[S_LOWER]);
      keys[k++] = mix(T.wp2, h[S_EXACT]);
      keys[k++] = mix(T.cp2, h[S_CLASS]);
  }
  for (let j = 0; j < k; j++) if (keys[j] === 0) keys[j] = 1;
  return k;
}

function isQuoteOrBracket(w: string): boolean {
  return w === '"' || w === '``' || w === "''" || w === '“' || w === '‘' || w === "'" || w === '(' || w === '[' || w === '-' || w === '--' || w === ':';
}

const MAX_FEATURES = 160;
// a word entry with its cached scores is about 0.5 kB: this bounds the cache near 50 MB
const MAX_CACHE = 100_000;

/** Per-document state for the non-local features. */
interface DocState {
  /** lower-cased forms seen written all in lower case somewhere in the document */
  lowerSeen: Set<string>;
  /** lower-cased forms seen capitalised in mid-sentence (not a headline) */
  capMid: Set<string>;
  /** labels (as types 0..4) given so far to each capitalised lower-cased form */
  history: Map<string, Int32Array>;
  /**
   * Context aggregation (Ratinov & Roth 2009): for each capitalised form, the lower-cased words
   * just before and after its occurrences anywhere in the document, so "Velarde" alone inherits
   * the "Ex-Yankee Randy" of an earlier mention. Hashes, at most AGG_MAX of each.
   */
  contexts: Map<string, number[]>;
}

const AGG_MAX = 8;

export class FeatureTagger {
  private cache = new Map<string, WordEntry>();
  private readonly keys = new Uint32Array(MAX_FEATURES);
  private readonly scores = new Float64Array(NL);
  private lowers: string[] = [];
  private capitalised = new Uint8Array(256);
  private gaz = new Uint32Array(256);
  private readonly partial = new Float64Array(NL);
  private readonly wordBuf = new Uint32Array(64);
  private readonly wordScores = new Float64Array(NL);
  private bos = sentinel(BOS);
  private eos = sentinel(EOS);

  private addWordScores(e: WordEntry, offset: number, scorer: Scorer, out: Float64Array): void {
    if (e.vec === null) e.vec = new Float32Array(5 * NL);
    const base = offset * NL;
    if (!(e.done & (1 << offset))) {
      const n = wordKeys(e.h, offset, this.wordBuf, 0);
      scorer.score(this.wordBuf, n, this.wordScores);
      e.vec.set(this.wordScores, base);
      e.done |= 1 << offset;
    }
    const v = e.vec;
    for (let l = 0; l < NL; l++) out[l] += v[base + l];
  }

  constructor(readonly gazetteer: Gazetteer) {}

  /** Forgets the word cache (for measurements that must not profit from a previous pass). */
  clearCache(): void {
    this.cache.clear();
    this.bos = sentinel(BOS);
    this.eos = sentinel(EOS);
  }

  private entry(word: string): WordEntry {
    let e = this.cache.get(word);
    if (e === undefined) {
      if (this.cache.size >= MAX_CACHE) this.cache.clear();
      e = describe(word);
      if (this.gazetteer.common.has(e.h[S_LOWER])) e.h[S_FLAGS] |= F_COMMON;
      this.cache.set(word, e);
    }
    return e;
  }

  /** Tags one document (its sentences as token strings, in order); returns label ids per sentence. */
  tagDocument(sentences: readonly (readonly string[])[], scorer: Scorer, learner?: Learner): Uint8Array[] {
    const doc: DocState = { lowerSeen: new Set(), capMid: new Set(), history: new Map(), contexts: new Map() };
    // one look-up per token in the word cache, shared by the document pass and tagging
    const docEntries: WordEntry[][] = [];
    const headlines: boolean[] = [];
    for (const s of sentences) {
      const es: WordEntry[] = new Array<WordEntry>(s.length);
      for (let i = 0; i < s.length; i++) es[i] = this.entry(s[i]);
      const acs = allCapsSentence(es);
      docEntries.push(es);
      headlines.push(acs);
      for (let i = 0; i < s.length; i++) {
        const e = es[i];
        const f = e.h[S_FLAGS];
        if (f & F_LOWER) doc.lowerSeen.add(e.lower);
        else if (!acs && i > 0 && f & F_INITCAP && !(f & F_ALLCAPS) && !isQuoteOrBracket(s[i - 1])) doc.capMid.add(e.lower);
        if (f & F_UPPER && !acs) {
          let ctx = doc.contexts.get(e.lower);
          if (ctx === undefined) doc.contexts.set(e.lower, (ctx = []));
          if (ctx.length < 2 * AGG_MAX) {
            const before = mix(1, i > 0 ? es[i - 1].h[S_LOWER] : BOS);
            const after = mix(2, i + 1 < s.length ? es[i + 1].h[S_LOWER] : EOS);
            if (!ctx.includes(before)) ctx.push(before);
            if (!ctx.includes(after)) ctx.push(after);
          }
        }
      }
    }
    const out: Uint8Array[] = [];
    for (let si = 0; si < sentences.length; si++) {
      out.push(this.tagSentence(sentences[si], docEntries[si], headlines[si], doc, scorer, learner ? learner.gold[si] : null, learner));
    }
    return out;
  }

  private tagSentence(words: readonly string[], entries: WordEntry[], acs: boolean, doc: DocState, scorer: Scorer, gold: Uint8Array | null, learner?: Learner): Uint8Array {
    const n = words.length;
    const labels = new Uint8Array(n);
    if (n === 0) return labels;
    if (this.capitalised.length < n) {
      this.capitalised = new Uint8Array(n * 2);
      this.gaz = new Uint32Array(n * 2);
    }
    const lowers = this.lowers;
    lowers.length = n;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      lowers[i] = e.lower;
      this.capitalised[i] = acs || e.h[S_FLAGS] & F_INITCAP || e.h[S_FLAGS] & F_ALLCAPS ? 1 : 0;
    }
    this.gazetteer.match(lowers, this.capitalised, this.gaz);
    const gaz = this.gaz;
    const keys = this.keys;
    const scores = this.scores;

    let p1: number = BOS_LABEL;
    let p2: number = BOS_LABEL;
    const fast = scorer.fixed === true;
    const part = this.partial;
    for (let i = 0; i < n; i++) {
      const e0 = entries[i];
      const em1 = i > 0 ? entries[i - 1] : this.bos;
      const em2 = i > 1 ? entries[i - 2] : this.bos;
      const ep1 = i + 1 < n ? entries[i + 1] : this.eos;
      const ep2 = i + 2 < n ? entries[i + 2] : this.eos;
      const h = e0.h;
      const hm1 = em1.h;
      const hp1 = ep1.h;
      const flags = h[S_FLAGS];
      const l0 = h[S_LOWER];
      const c0 = h[S_CLASS];
      let k = 0;
      // Features of one word at one offset are the same wherever the word occurs, so a fixed
      // model scores them once per word type and offset and caches the sum.
      if (fast) {
        part.fill(0);
        this.addWordScores(e0, 0, scorer, part);
        this.addWordScores(em1, 1, scorer, part);
        this.addWordScores(ep1, 2, scorer, part);
        this.addWordScores(em2, 3, scorer, part);
        this.addWordScores(ep2, 4, scorer, part);
      } else {
        k = wordKeys(h, 0, keys, k);
        k = wordKeys(hm1, 1, keys, k);
        k = wordKeys(hp1, 2, keys, k);
        k = wordKeys(em2.h, 3, keys, k);
        k = wordKeys(ep2.h, 4, keys, k);
      }

      const lm1 = hm1[S_LOWER];
      const lp1 = hp1[S_LOWER];
      const cm1 = hm1[S_CLASS];
      const cp1 = hp1[S_CLASS];
      keys[k++] = mix(mix(T.ctri, cm1), mix(c0, cp1));
      keys[k++] = mix(mix(T.bim, lm1), l0);
      keys[k++] = mix(mix(T.bip, l0), lp1);
      keys[k++] = mix(mix(T.lm1c0, lm1), c0);
      keys[k++] = mix(mix(T.c0lp1, c0), lp1);
      keys[k++] = mix(mix(T.cm1l0, cm1), l0);
      keys[k++] = mix(mix(T.l0cp1, l0), cp1);
      // the run of capitalised words this one sits in: its length and where in it we are
      {
        let a = i;
        while (a > 0 && this.capitalised[a - 1] && !acs) a--;
        let b = i;
        while (b + 1 < n && this.capitalised[b + 1] && !acs) b++;
        if (this.capitalised[i] && !acs) {
          const len = Math.min(b - a + 1, 5);
          keys[k++] = mix(T.capRun, len);
          keys[k++] = mix(T.capRunPos, len * 8 + Math.min(i - a, 4) * 2 + (i === b ? 1 : 0));
        }
      }

      // capitalisation means less at the start of a sentence and nothing in a headline
      const init = i === 0 || (i === 1 && isQuoteOrBracket(words[0]));
      if (init) {
        keys[k++] = mix(T.init, c0);
        keys[k++] = mix(T.initL, l0);
      }
      if (acs) {
        keys[k++] = mix(T.acs, 0);
        keys[k++] = mix(T.acsL, l0);
        keys[k++] = mix(T.acsShape, mix(cm1, cp1));
      }
      if (flags & F_UPPER) {
        const lower = lowers[i];
        const d = (doc.lowerSeen.has(lower) ? 1 : 0) | (doc.capMid.has(lower) ? 2 : 0);
        const pos = acs ? 2 : init ? 1 : 0;
        keys[k++] = mix(T.doc, d * 3 + pos);
        keys[k++] = mix(mix(T.docC, d), c0);
        const common = flags & F_COMMON ? 1 : 0;
        keys[k++] = mix(T.lex, common * 3 + pos);
        keys[k++] = mix(mix(T.lexC, common * 3 + pos), c0);
      }

      const g0 = gaz[i];
      const gm1 = i > 0 ? gaz[i - 1] : 0;
      const gp1 = i + 1 < n ? gaz[i + 1] : 0;
      const gm2 = i > 1 ? gaz[i - 2] : 0;
      const gp2 = i + 2 < n ? gaz[i + 2] : 0;
      if (g0 | gm1 | gp1 | gm2 | gp2) {
        for (let b = 0; b < 30; b++) {
          const bit = 1 << b;
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

      if (flags & F_UPPER) {
        const ctx = doc.contexts.get(lowers[i]);
        if (ctx !== undefined) for (let j = 0; j < ctx.length; j++) keys[k++] = mix(T.agg, ctx[j]);
      }

      keys[k++] = mix(T.p1, p1);
      keys[k++] = mix(mix(T.p2, p2), p1);
      keys[k++] = mix(mix(T.p1l, p1), l0);
      keys[k++] = mix(mix(T.p1c, p1), c0);
      keys[k++] = mix(mix(T.p1lm1, p1), lm1);
      keys[k++] = mix(mix(T.p1cc, p1), mix(cm1, c0));

      if (flags & F_UPPER) {
        const hist = doc.history.get(lowers[i]);
        if (hist !== undefined) {
          let best = 0;
          for (let t = 0; t < 5; t++) {
            if (hist[t] > 0) keys[k++] = mix(T.h, t);
            if (hist[t] > hist[best]) best = t;
          }
          keys[k++] = mix(T.hm, best);
          keys[k++] = mix(mix(T.hmc, best), acs ? 2 : init ? 1 : 0);
        }
      }
      for (let j = 0; j < k; j++) if (keys[j] === 0) keys[j] = 1;

      scorer.score(keys, k, scores);
      if (fast) for (let l = 0; l < NL; l++) scores[l] += part[l];
      let pred = 0;
      let bestScore = -Infinity;
      let free = 0;
      let freeScore = -Infinity;
      for (let l = 0; l < NL; l++) {
        const last = i === n - 1;
        // a name cannot stay open past the end of the sentence
        if (last && l !== 0 && labelPart(l) < 2) continue;
        if (allowed(p1, l) && scores[l] > bestScore) {
          bestScore = scores[l];
          pred = l;
        }
        if (allowed(0, l) && scores[l] > freeScore && !(last && l !== 0 && labelPart(l) === 0)) {
          freeScore = scores[l];
          free = l;
        }
      }
      // A name left open by the previous word is closed there when this word would rather not
      // continue it (B becomes U, I becomes L), instead of forcing "Armed Forces , Florence".
      if (p1 !== BOS_LABEL && p1 !== 0 && labelPart(p1) < 2 && freeScore > bestScore) {
        p1 = labelPart(p1) === 0 ? p1 + 3 : p1 + 1;
        labels[i - 1] = p1;
        pred = free;
      }
      if (learner && gold) learner.update(keys, k, gold[i], pred);
      labels[i] = pred;
      if (flags & F_UPPER) {
        const lower = lowers[i];
        let hist = doc.history.get(lower);
        if (hist === undefined) {
          hist = new Int32Array(5);
          doc.history.set(lower, hist);
        }
        hist[labelType(pred)]++;
      }
      p2 = p1;
      p1 = pred;
    }
    return labels;
  }
}

/**
 * A headline in capitals ("EU REJECTS GERMAN CALL"): most words with letters are all capitals.
 * Punctuation and one-letter words say nothing either way.
 */
function allCapsSentence(entries: readonly WordEntry[]): boolean {
  let caps = 0;
  let other = 0;
  for (const e of entries) {
    const f = e.h[S_FLAGS];
    if (f & F_NOLETTER || e.lower.length === 1) continue;
    if (f & F_ALLCAPS) caps++;
    else other++;
  }
  return caps >= 2 && caps > 2 * other;
}
