import { fmix } from './hash.js';

/** ints per slot of WordTypes.slots */
const SLOT = 4;

/**
 * Word types: each distinct token text gets a small integer id on first sight, read straight from
 * the document's text (no slice is made for a text already seen), so that per-word caches of
 * later stages are array reads by id rather than string hashing and map look-ups. One table
 * serves the whole process; `epoch` changes whenever ids are handed out anew (see `clear`), so a
 * cache keyed by ids can tell its entries are stale.
 */
export class WordTypes {
  /**
   * per slot, SLOT ints: the text's hash, its id + 1 (0: empty), and where its characters start
   * in `chars` and how many there are, so a look-up reads one slot and the characters, not the
   * texts array and a string object besides
   */
  private slots = new Int32Array(SLOT * 4096);
  private mask = 4095;
  private readonly texts: string[] = [];
  /** every type's characters, one after another */
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private clears = 0;

  get epoch(): number {
    return this.clears;
  }

  get size(): number {
    return this.texts.length;
  }

  /** The text of type `id`. */
  text(id: number): string {
    return this.texts[id];
  }

  /** The id of the type of text[start, end), adding it when new. */
  idOf(text: string, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h = fmix(h) | 0;
    const slots = this.slots;
    const chars = this.chars;
    const mask = this.mask;
    const length = end - start;
    let i = h & mask;
    for (;;) {
      const stored = slots[SLOT * i + 1];
      if (stored === 0) break;
      if (slots[SLOT * i] === h && slots[SLOT * i + 3] === length && sameChars(chars, slots[SLOT * i + 2], text, start, length)) return stored - 1;
      i = (i + 1) & mask;
    }
    const id = this.texts.length;
    this.texts.push(detached(text, start, end));
    if (this.charsUsed + length > this.chars.length) this.growChars(this.charsUsed + length);
    for (let j = 0; j < length; j++) this.chars[this.charsUsed + j] = text.charCodeAt(start + j);
    slots[SLOT * i] = h;
    slots[SLOT * i + 1] = id + 1;
    slots[SLOT * i + 2] = this.charsUsed;
    slots[SLOT * i + 3] = length;
    this.charsUsed += length;
    if (2 * this.texts.length > mask) this.grow();
    return id;
  }

  /** Forgets every type (ids are handed out anew from 0). */
  clear(): void {
    this.clears++;
    this.texts.length = 0;
    this.slots.fill(0);
    this.charsUsed = 0;
  }

  private growChars(needed: number): void {
    const chars = new Uint16Array(Math.max(needed, 2 * this.chars.length));
    chars.set(this.chars.subarray(0, this.charsUsed));
    this.chars = chars;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (2 * old.length) / SLOT - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      if (old[j + 1] === 0) continue;
      let i = old[j] & this.mask;
      while (this.slots[SLOT * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(j, j + SLOT), SLOT * i);
    }
  }
}

function sameChars(chars: Uint16Array, at: number, text: string, start: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (chars[at + j] !== text.charCodeAt(start + j)) return false;
  return true;
}

/**
 * text.slice(start, end) that does not keep `text` alive: V8 makes a slice of 13 or more
 * characters a view into its parent, and the table outlives the document. Flattening a
 * concatenation copies the characters, so the view's parent is then that short copy.
 */
function detached(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  return end - start < 13 ? slice : (' ' + slice).slice(1);
}

/**
 * A table indexed by word-type id, long enough for `size` types: the same array when it already
 * is, else a copy grown by doubling, so that a growing vocabulary is copied only a few times.
 */
export function typeTableFor<T extends Uint8Array | Int32Array>(table: T, size: number): T {
  if (table.length >= size) return table;
  let length = Math.max(1, table.length);
  while (length < size) length *= 2;
  const grown = new (table.constructor as new (length: number) => T)(length);
  grown.set(table);
  return grown;
}
