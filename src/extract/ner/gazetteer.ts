import { tokenize } from '../../text/tokenize.js';

/**
 * Name lists as tagger features: a token inside a phrase from a list gets the list's id and
 * its position (first token, inside, or the whole phrase). The lists travel inside the model
 * file, so the features at tagging time are exactly those the weights were trained with.
 */

export const GAZ_MAX_LEN = 5;

export type GazetteerLists = Record<string, string[]>;

interface TrieNode {
  /** lists of the phrase ending here (0: none) */
  mask: number;
  next: Map<string, TrieNode>;
}

export class Gazetteer {
  readonly listNames: string[];
  /** lower-cased phrase (tokens joined by one space) -> bitmask of lists */
  private readonly phrases = new Map<string, number>();
  /** lower-cased first token -> longest phrase length starting with it */
  private readonly firsts = new Map<string, number>();
  /**
   * The phrases' keys split at their spaces, as a trie: walking it with a sentence's words looks
   * up each word once instead of hashing a longer joined key per length.
   */
  private readonly trie = new Map<string, TrieNode>();

  /**
   * Hashes (as features.ts hashes a lower-cased word) of words the training text writes in lower
   * case: a capitalised word at the start of a sentence that is not among them is likely a name.
   */
  readonly common: Set<number>;

  constructor(
    readonly lists: GazetteerLists,
    readonly commonHashes: readonly number[] = [],
  ) {
    this.common = new Set(commonHashes);
    this.listNames = Object.keys(lists).slice(0, 10);
    this.listNames.forEach((name, id) => {
      for (const phrase of lists[name]) {
        const toks = tokenize(phrase).map((t) => t.text.toLowerCase());
        if (toks.length === 0 || toks.length > GAZ_MAX_LEN) continue;
        const key = toks.join(' ');
        this.phrases.set(key, (this.phrases.get(key) ?? 0) | (1 << id));
        if ((this.firsts.get(toks[0]) ?? 0) < toks.length) this.firsts.set(toks[0], toks.length);
      }
    });
    for (const [key, mask] of this.phrases) {
      let level = this.trie;
      let node: TrieNode | undefined;
      for (const part of key.split(' ')) {
        node = level.get(part);
        if (!node) {
          node = { mask: 0, next: new Map() };
          level.set(part, node);
        }
        level = node.next;
      }
      if (node) node.mask = mask;
    }
  }

  /** The most tokens of a phrase starting with this lower-cased word (0: none). */
  longestFrom(lower: string): number {
    return this.firsts.get(lower) ?? 0;
  }

  /**
   * Writes, per token, a bitmask: bit 3*list + 0 for a phrase's first token, +1 inside, +2 a
   * one-token phrase. Longest match wins from each start; phrases start only at a capitalised
   * token (or anywhere in an all-capitals headline), so "chad" the verb never matches. Only
   * `lower[0..n)` is read.
   */
  match(lower: readonly string[], capitalised: Uint8Array, out: Uint32Array, longestFrom?: Uint8Array, n = lower.length): void {
    out.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      if (!capitalised[i]) continue;
      // `longestFrom`, when given, holds longestFrom() of each token (the caller caches it per word)
      const longest = longestFrom ? longestFrom[i] : (this.firsts.get(lower[i]) ?? 0);
      if (longest === 0) continue;
      let bestLen = 0;
      let bestMask = 0;
      // Joined keys and the trie's paths correspond while the words hold no space; a word with
      // one (never from the tokenizer) is looked up by its joined keys.
      let level = this.trie;
      for (let len = 1; len <= longest && i + len <= n; len++) {
        const word = lower[i + len - 1];
        if (word.includes(' ')) {
          bestLen = bestMask = 0;
          let key = '';
          for (let l = 1; l <= longest && i + l <= n; l++) {
            key = l === 1 ? lower[i] : key + ' ' + lower[i + l - 1];
            const mask = this.phrases.get(key);
            if (mask !== undefined) {
              bestLen = l;
              bestMask = mask;
            }
          }
          break;
        }
        const node = level.get(word);
        if (!node) break;
        if (node.mask !== 0) {
          bestLen = len;
          bestMask = node.mask;
        }
        level = node.next;
      }
      if (bestLen === 0) continue;
      for (let l = 0; l < this.listNames.length; l++) {
        if (!(bestMask & (1 << l))) continue;
        if (bestLen === 1) out[i] |= 1 << (3 * l + 2);
        else {
          out[i] |= 1 << (3 * l);
          for (let k = 1; k < bestLen; k++) out[i + k] |= 1 << (3 * l + 1);
        }
      }
      i += bestLen - 1;
    }
  }
}
