import { fmix } from './hash.js';

/**
 * Word types: each distinct token text gets a small integer id on first sight, read straight from
 * the document's text (no slice is made for a text already seen), so that per-word caches of
 * later stages are array reads by id rather than string hashing and map look-ups. One table
 * serves the whole process; `epoch` changes whenever ids are handed out anew (see `clear`), so a
 * cache keyed by ids can tell its entries are stale.
 */
export class WordTypes {
  /** per slot, the text's hash and its id + 1 (0: empty) */
  private slots = new Int32Array(2 * 4096);
  private mask = 4095;
  private readonly texts: string[] = [];
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
    const texts = this.texts;
    const slots = this.slots;
    const mask = this.mask;
    const length = end - start;
    let i = h & mask;
    for (;;) {
      const stored = slots[2 * i + 1];
      if (stored === 0) break;
      if (slots[2 * i] === h) {
        const known = texts[stored - 1];
        if (known.length === length && sameText(known, text, start)) return stored - 1;
      }
      i = (i + 1) & mask;
    }
    const id = texts.length;
    texts.push(detached(text, start, end));
    slots[2 * i] = h;
    slots[2 * i + 1] = id + 1;
    if (2 * texts.length > mask) this.grow();
    return id;
  }

  /** Forgets every type (ids are handed out anew from 0). */
  clear(): void {
    this.clears++;
    this.texts.length = 0;
    this.slots.fill(0);
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = old[j] & this.mask;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = old[j];
      this.slots[2 * i + 1] = old[j + 1];
    }
  }
}

function sameText(known: string, text: string, start: number): boolean {
  for (let j = 0; j < known.length; j++) if (known.charCodeAt(j) !== text.charCodeAt(start + j)) return false;
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
