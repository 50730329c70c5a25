/**
 * Story grouping: syndicated copies of one wire story (another headline, outlet boilerplate, a
 * trimmed or extended ending, light copy edits) share most of their word sequences. MinHash
 * estimates the Jaccard similarity of two documents' sets of word shingles from fixed-size
 * signatures; LSH banding turns "similar signatures" into "equal band keys" so the store finds
 * candidates by index lookup instead of comparing every pair.
 *
 * Everything is deterministic (fixed seeds, no Math.random): the same text gives the same
 * signature on every machine, so signatures can be stored and compared later.
 * See docs/dedup.md for the choice of parameters and threshold, measured on data/dedup/.
 */

import { fmix } from '../text/hash.js';

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature. */
export const NUM_HASHES = 128;
/** LSH bands × rows per band = NUM_HASHES. */
export const BANDS = 64;
export const ROWS = NUM_HASHES / BANDS;
/**
 * Estimated Jaccard similarity of shingle sets at or above which two documents are one story.
 * Chosen on data/dedup/ (docs/dedup.md): there the exact similarity of syndicated copies is 0.355
 * and up, of different stories (even short briefs wrapped in the same outlet's boilerplate) 0.294
 * and below; the threshold sits mid-gap because the 128-hash estimate wanders by about ±0.04.
 * With 64 bands of 2 rows a pair at similarity s shares a band key with probability
 * 1 - (1 - s^2)^64: 0.999 at 0.325, 0.47 at 0.1, 0.025 at 0.02, so LSH loses almost no pair
 * above the threshold and proposes few unrelated ones.
 */
export const STORY_THRESHOLD = 0.325;

/** 128 fixed 32-bit seeds from a small deterministic generator (splitmix32). */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let state = 0x5171e9;
  for (let i = 0; i < NUM_HASHES; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = fmix(state);
  }
  return seeds;
})();

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function isWordCode(lower: string, i: number, c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters (and emoji): part of a word either way
  return WORD_CHAR.test(lower[i]);
}

/**
 * One 32-bit hash per word of the text: runs of letters, digits and marks, lowercased, with an
 * inner apostrophe (’ read as ') kept ("Mali's"); punctuation and layout play no part. A single
 * scan with no intermediate strings, since this runs on every ingested byte.
 */
export function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    let word = isWordCode(lower, i, c);
    if (!word && inWord && (c === 39 || c === 0x2019) && i + 1 < lower.length && isWordCode(lower, i + 1, lower.charCodeAt(i + 1))) {
      word = true;
      c = 39;
    }
    if (word) {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    } else if (inWord) {
      out.push(fmix(h >>> 0));
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out.push(fmix(h >>> 0));
  return out;
}

/** The hash of each run of k words (of all the words when there are fewer), in text order. */
function shingleList(text: string, k: number): Uint32Array {
  const words = wordHashes(text);
  const n = words.length;
  const width = n > 0 && n < k ? n : k;
  const out = new Uint32Array(Math.max(0, n - width + 1));
  for (let i = 0; i < out.length; i++) {
    let h = 0x3c6ef372;
    for (let j = 0; j < width; j++) h = fmix((Math.imul(h, FNV_PRIME) ^ words[i + j]) >>> 0);
    out[i] = h;
  }
  return out;
}

/** Distinct 32-bit hashes of the text's k-word shingles (a text shorter than k words is one shingle). */
export function shingleHashes(text: string, k = SHINGLE_WORDS): Uint32Array {
  return Uint32Array.from(new Set(shingleList(text, k)));
}

/**
 * MinHash signature: for each of NUM_HASHES seeded permutations of the 32-bit hash space, the
 * smallest permuted shingle hash. A text without words gets all-ones (similar to nothing).
 */
export function minhash(text: string): Uint32Array {
  // A repeated shingle cannot change a minimum, so the list need not be made distinct first.
  return minhashOf(shingleList(text, SHINGLE_WORDS));
}

export function minhashOf(hashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES);
  // One seed at a time with its minimum in a local: the same minima as filling the signature
  // shingle by shingle, without a load and a store of the signature per pair.
  for (let i = 0; i < NUM_HASHES; i++) {
    const seed = SEEDS[i];
    let min = 0xffffffff;
    for (let s = 0; s < hashes.length; s++) {
      // fmix (text/hash.ts) written out: this loop runs 128 times per shingle of every document
      let h = hashes[s] ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const v = h >>> 0;
      if (v < min) min = v;
    }
    sig[i] = min;
  }
  return sig;
}

/** Fraction of signature positions that agree: an unbiased estimate of the Jaccard similarity. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error(`signatures differ in length (${a.length} vs ${b.length})`);
  let same = 0;
  let empty = true;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) same++;
    if (a[i] !== 0xffffffff) empty = false;
  }
  if (empty) return 0; // two empty texts are not one story
  return same / a.length;
}

/**
 * The two 32-bit row hashes of each LSH band, in band order; none for a signature of an empty
 * text. `bandKeys` spells them as strings, the store packs them into integers directly.
 */
export function forEachBand(sig: Uint32Array, each: (band: number, h1: number, h2: number) => void): void {
  if (sig.length !== NUM_HASHES) throw new Error(`expected a signature of ${NUM_HASHES} values, got ${sig.length}`);
  let empty = true;
  for (let i = 0; i < sig.length; i++) if (sig[i] !== 0xffffffff) empty = false;
  if (empty) return;
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x9747b28c ^ b;
    let h2 = 0x1b873593 ^ b;
    for (let r = 0; r < ROWS; r++) {
      const v = sig[b * ROWS + r];
      h1 = fmix((h1 ^ v) >>> 0);
      h2 = fmix((Math.imul(h2, 31) + v) >>> 0);
    }
    each(b, h1, h2);
  }
}

/**
 * LSH band keys: one per band, "<band>:<hash of its rows>". Two documents that share any key
 * are candidates; their estimated similarity then decides.
 */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  forEachBand(sig, (b, h1, h2) => {
    keys.push(`${b.toString(16).padStart(2, '0')}:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`);
  });
  return keys;
}

/** Little-endian bytes of a signature, for storage (512 bytes for 128 hashes). */
export function signatureToBuffer(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}

export function signatureFromBuffer(buf: Uint8Array): Uint32Array {
  if (buf.length % 4 !== 0) throw new Error(`signature buffer length ${buf.length} is not a multiple of 4`);
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const sig = new Uint32Array(buf.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = view.readUInt32LE(i * 4);
  return sig;
}
