/**
 * Rule heads that are lists of words, found in one pass over the text instead of one regex scan
 * per rule. A head such as `/\b(?:years|months|weeks)\b/gi` can only match at the start of a run
 * of word characters (`\w` = [A-Za-z0-9_], as `\b` reads them without the `u` flag), so one walk
 * over the runs, with a look-up of each plausible run, gives exactly the matches of every such head.
 * Heads of other shapes keep their regex.
 */

/** A head of the form `\b(?:a|b|c)` or `\b(?:a|b|c)\b`, optionally followed by `|<pattern starting with \d>`. */
export interface LiteralHead {
  /** the alternatives, in the order the regex tries them */
  alts: string[];
  /** a trailing `\b`: the alternative must be the whole run */
  whole: boolean;
  /** the `i` flag */
  ci: boolean;
  /** the part after the word list (it starts with a digit, so its matches never meet the words') */
  rest: RegExp | null;
  /** per alternative, instead of `whole`: whether it must be the whole run */
  wholeAlts?: boolean[];
}

/** The word list of a head regex, or null when it has another shape. */
export function literalHead(re: RegExp): LiteralHead | null {
  if (!/^[gi]*$/.test(re.flags)) return null;
  const m = /^\\b(?:\(\?:([A-Za-z]+(?:\|[A-Za-z]+)*)\)|([A-Za-z]+))(\\b)?(?:\|(\\d.*))?$/.exec(re.source);
  if (!m) return null;
  const alts = (m[1] ?? m[2]).split('|');
  const rest = m[4] ? new RegExp(m[4], re.flags.includes('g') ? re.flags : `${re.flags}g`) : null;
  if (rest && /\|/.test(m[4])) return null;
  return { alts, whole: m[3] !== undefined, ci: re.flags.includes('i'), rest };
}

/**
 * For a pattern whose every match starts (after `\b`) with one of the words written in it, as
 * "today" or "the" in `\b(?:(later|earlier)\s+)?(the\s+day\s+before\s+yesterday|today)`: every
 * word of the source as an alternative, a prefix of the run or, for a word always followed by a
 * space, the whole run. A run that none of them begins cannot start a match, so the runs the
 * scanner finds are a superset of the match starts.
 */
export function sourceWords(re: RegExp): LiteralHead {
  const src = re.source;
  // each word of the source, and whether every time it is written it is followed by at least one
  // space ("the\s+past", "a later"): a match that starts with it then has it as its whole first
  // run, so "the" need not be tried at "there" or "a" at "attack"
  const spaced = new Map<string, boolean>();
  for (const m of src.matchAll(/\\[A-Za-z]|['’]?[A-Za-z]+/g)) {
    const w = m[0];
    // escapes are no words; a word right after an apostrophe ("Year's") is inside an alternative, never its start
    if (!/^[A-Za-z]/.test(w)) continue;
    const end = m.index + w.length;
    const space = src.startsWith('\\s', end) ? end + 2 : src[end] === ' ' ? end + 1 : -1;
    // "\s*", "\s?", "\s{0,2}" may match no space at all
    const atLeastOne = space >= 0 && src[space] !== '*' && src[space] !== '?' && !src.startsWith('{0', space);
    spaced.set(w, (spaced.get(w) ?? true) && atLeastOne);
  }
  const alts = [...spaced.keys()];
  return { alts, whole: false, ci: re.flags.includes('i'), rest: null, wholeAlts: alts.map((w) => spaced.get(w)!) };
}

/** 1 for the ASCII word characters ([A-Za-z0-9_]): one table read has fewer branches to mispredict than four range tests */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;

function isWordChar(c: number): boolean {
  return c < 128 && WORD_CHAR[c] === 1;
}

interface Slot {
  head: number;
  /** position of the alternative in its head: the regex takes the first that matches */
  order: number;
}

/** A trie over the ASCII characters of alternatives: node k's child for code c is `next[k * 128 + c]` (0: none). */
class CharTrie {
  next = new Int32Array(128 * 64);
  /** alternatives ending at a node that match as a prefix of the run */
  prefix: Slot[][] = [[]];
  /** alternatives ending at a node that must be the whole run */
  whole: Slot[][] = [[]];

  add(key: string, slot: Slot, whole: boolean): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = this.next[node * 128 + c];
      if (child === 0) {
        child = this.prefix.length;
        this.prefix.push([]);
        this.whole.push([]);
        if ((child + 1) * 128 > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[node * 128 + c] = child;
      }
      node = child;
    }
    (whole ? this.whole : this.prefix)[node].push(slot);
  }
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** A set of literal heads compiled for one pass. */
export class HeadScanner {
  private readonly heads: LiteralHead[];
  /** alternatives of `i` heads, lower case, walked with the run lower-cased */
  private readonly ci = new CharTrie();
  /** alternatives of case-sensitive heads */
  private readonly cs = new CharTrie();
  private readonly hasCi: boolean;
  private readonly hasCs: boolean;

  constructor(heads: LiteralHead[]) {
    this.heads = heads;
    let hasCi = false;
    let hasCs = false;
    heads.forEach((h, head) => {
      h.alts.forEach((alt, order) => {
        const whole = h.wholeAlts?.[order] ?? h.whole;
        if (h.ci) this.ci.add(alt.toLowerCase(), { head, order }, whole);
        else this.cs.add(alt, { head, order }, whole);
        if (h.ci) hasCi = true;
        else hasCs = true;
      });
    });
    this.hasCi = hasCi;
    this.hasCs = hasCs;
  }

  /** Records for each head of `slots` the first alternative (in the regex's order) that matches,
   * as `best`/`bestLength`; a head marked for the first time in this run goes on `touched`. */
  private mark(slots: Slot[], length: number, best: Int32Array, bestLength: Int32Array, touched: Int32Array, count: number): number {
    for (const s of slots) {
      const b = best[s.head];
      if (b === -1) touched[count++] = s.head;
      if (b === -1 || s.order < b) {
        best[s.head] = s.order;
        bestLength[s.head] = length;
      }
    }
    return count;
  }

  /** For each head, its matches in `text` as [index, length] pairs in order: what `head.re` finds. */
  scan(text: string): [number, number][][] {
    const out: [number, number][][] = this.heads.map(() => []);
    const best = new Int32Array(this.heads.length).fill(-1);
    const bestLength = new Int32Array(this.heads.length);
    const touched = new Int32Array(this.heads.length);
    const ci = this.ci;
    const cs = this.cs;
    const ciNext = ci.next;
    const csNext = cs.next;
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      // one pass over the run walks both tries; -1: that walk has left its trie
      const r = i;
      let a = this.hasCi ? 0 : -1;
      let b = this.hasCs ? 0 : -1;
      let count = 0;
      for (;;) {
        if (a >= 0) {
          a = ciNext[a * 128 + lowerAscii(c)];
          if (a === 0) a = -1;
          else if (ci.prefix[a].length > 0) count = this.mark(ci.prefix[a], i + 1 - r, best, bestLength, touched, count);
        }
        if (b >= 0) {
          b = csNext[b * 128 + c];
          if (b === 0) b = -1;
          else if (cs.prefix[b].length > 0) count = this.mark(cs.prefix[b], i + 1 - r, best, bestLength, touched, count);
        }
        i++;
        if (i >= n) break;
        c = text.charCodeAt(i);
        if (!isWordChar(c)) break;
        if (a < 0 && b < 0) {
          // both walks are over: skip to the end of the run
          while (i < n && isWordChar(text.charCodeAt(i))) i++;
          break;
        }
      }
      if (a > 0 && ci.whole[a].length > 0) count = this.mark(ci.whole[a], i - r, best, bestLength, touched, count);
      if (b > 0 && cs.whole[b].length > 0) count = this.mark(cs.whole[b], i - r, best, bestLength, touched, count);
      for (let k = 0; k < count; k++) {
        const h = touched[k];
        out[h].push([r, bestLength[h]]);
        best[h] = -1;
      }
    }
    // the digit part of a head ("|\d{4}-\d\d-\d\d") never overlaps a word match: merge in order
    this.heads.forEach((h, k) => {
      if (!h.rest) return;
      const extra: [number, number][] = [];
      h.rest.lastIndex = 0;
      for (let m = h.rest.exec(text); m !== null; m = h.rest.exec(text)) {
        if (m[0].length === 0) {
          h.rest.lastIndex++;
          continue;
        }
        extra.push([m.index, m[0].length]);
      }
      if (extra.length > 0) out[k] = out[k].concat(extra).sort((a, b) => a[0] - b[0]);
    });
    return out;
  }
}
