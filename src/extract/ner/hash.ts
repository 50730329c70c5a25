/**
 * Integer hashing for features. Features never exist as strings in the hot loop: a word's
 * properties are hashed once per word type, and a contextual feature is the mix of a template
 * id with those hashes, so tagging allocates nothing per token.
 */

import { fmix } from '../../text/hash.js';

export { fmix };

/** FNV-1a over UTF-16 code units, finalised; `seed` separates kinds of atom (word, suffix...). */
export function hashString(s: string, seed: number): number {
  return hashRange(s, 0, s.length, seed);
}

/** hashString(s.slice(from, to), seed) without the slice. */
export function hashRange(s: string, from: number, to: number, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) | 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two hashes; order matters. */
export function mix(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) + b + 0x7f4a7c15) | 0);
}

/**
 * Open-addressing map from a nonzero 32-bit key to a row number. Key 0 marks an empty slot,
 * so callers map a zero hash to 1 (see `featureKey`).
 */
export class HashIndex {
  keys: Uint32Array;
  rows: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = key & mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return this.rows[i];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Row of `key`, adding it as row `size` when absent. */
  getOrAdd(key: number): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.insert(key, this.size);
    return this.size++;
  }

  private insert(key: number, row: number): void {
    const mask = this.mask;
    let i = key & mask;
    while (this.keys[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.rows[i] = row;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.insert(oldKeys[i], oldRows[i]);
  }

  /** Keys ordered by row. */
  keysByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) out[this.rows[i]] = this.keys[i];
    return out;
  }

  static fromKeys(keys: Uint32Array): HashIndex {
    const index = new HashIndex(keys.length);
    for (let r = 0; r < keys.length; r++) index.insert(keys[r], r);
    index.size = keys.length;
    return index;
  }
}
