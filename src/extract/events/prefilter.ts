/**
 * Where a cue pattern can start: a sound over-approximation read from the pattern's own source,
 * so a document is scanned once for word starts and each pattern is tried (sticky) only where it
 * could match, instead of at every character. Nothing here is tuned by hand: when a pattern
 * changes, its prefixes change with it, and a pattern the analysis cannot bound is scanned whole.
 *
 * The claim computed for a pattern: every match begins at a word start (after `\b`, on an ASCII
 * word character) and, lower-cased, with one of `prefixes` (1 to K characters). Lookarounds and
 * `\b` inside the pattern only narrow what matches, so they are skipped; character classes,
 * `\w`, `.` and the like end a prefix.
 */

type Node =
  | { t: 'char'; c: string[] } // one character out of a small literal set
  | { t: 'any' } // one character out of a set too wide to list
  | { t: 'zero'; wordBoundary: boolean } // zero-width: \b, \B, ^, $, lookarounds
  | { t: 'alt'; alts: Node[][] }
  | { t: 'rep'; node: Node; min: number; max: number };

class Unsupported extends Error {}

/** Classes listed character by character up to this size; wider ones are 'any'. */
const MAX_CLASS = 12;

function parse(src: string, ignoreCase: boolean): Node[][] {
  let i = 0;
  const lit = (ch: string): Node => {
    const set = new Set([ch]);
    if (ignoreCase) {
      set.add(ch.toLowerCase());
      set.add(ch.toUpperCase());
    }
    return { t: 'char', c: [...set] };
  };
  const parseClass = (): Node => {
    // at the character after '['
    let negated = false;
    if (src[i] === '^') {
      negated = true;
      i++;
    }
    // JavaScript reads "[]" as the empty class and "[^]" as any character
    if (src[i] === ']') throw new Unsupported('empty class');
    const chars: string[] = [];
    let wide = false;
    while (i < src.length && src[i] !== ']') {
      let ch = src[i++];
      if (ch === '\\') {
        const e = src[i++];
        if ('dDwWsSpP'.includes(e)) {
          wide = true;
          if ((e === 'p' || e === 'P') && src[i] === '{') i = src.indexOf('}', i) + 1;
          continue;
        }
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0', b: '\b' };
        if (e === 'u' || e === 'x' || e === 'c') throw new Unsupported('escape in class');
        ch = simple[e] ?? e;
      }
      if (src[i] === '-' && src[i + 1] !== ']' && i + 1 < src.length) {
        i++;
        let to = src[i++];
        if (to === '\\') {
          const e = src[i++];
          if (/[a-zA-Z0-9]/.test(e)) throw new Unsupported('escape in range');
          to = e;
        }
        const a = ch.codePointAt(0)!;
        const b = to.codePointAt(0)!;
        if (b - a > MAX_CLASS) wide = true;
        else for (let c = a; c <= b; c++) chars.push(String.fromCodePoint(c));
        continue;
      }
      chars.push(ch);
    }
    if (src[i] !== ']') throw new Unsupported('unterminated class');
    i++;
    if (negated || wide) return { t: 'any' };
    const set = new Set<string>();
    for (const c of chars) {
      set.add(c);
      if (ignoreCase) {
        set.add(c.toLowerCase());
        set.add(c.toUpperCase());
      }
    }
    return set.size > MAX_CLASS ? { t: 'any' } : { t: 'char', c: [...set] };
  };
  const parseAtom = (): Node => {
    const ch = src[i++];
    if (ch === '(') {
      let look = false;
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '=' || src[i + 1] === '!') {
          i += 2;
          look = true;
        } else if (src[i + 1] === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) {
          i += 3;
          look = true;
        } else if (src[i + 1] === '<') {
          i = src.indexOf('>', i) + 1;
          if (i === 0) throw new Unsupported('group name');
        } else throw new Unsupported('group kind');
      }
      const alts = parseAlts();
      if (src[i] !== ')') throw new Unsupported('unbalanced');
      i++;
      return look ? { t: 'zero', wordBoundary: false } : { t: 'alt', alts };
    }
    if (ch === '[') return parseClass();
    if (ch === '.') return { t: 'any' };
    if (ch === '^' || ch === '$') return { t: 'zero', wordBoundary: false };
    if (ch === '\\') {
      const e = src[i++];
      if (e === undefined) throw new Unsupported('trailing backslash');
      if (e === 'b') return { t: 'zero', wordBoundary: true };
      if (e === 'B') return { t: 'zero', wordBoundary: false };
      if ('dDwWsS'.includes(e)) return { t: 'any' };
      if (e === 'p' || e === 'P') {
        if (src[i] === '{') i = src.indexOf('}', i) + 1;
        return { t: 'any' };
      }
      if (/[0-9kcux]/.test(e)) throw new Unsupported('escape');
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
      return lit(simple[e] ?? e);
    }
    if (ch === ')' || ch === '|' || ch === '*' || ch === '+' || ch === '?' || ch === '{') throw new Unsupported(`unexpected ${ch}`);
    return lit(ch);
  };
  const parseQuantifier = (node: Node): Node => {
    let min = -1;
    let max = -1;
    const q = src[i];
    if (q === '?') [min, max] = [0, 1];
    else if (q === '*') [min, max] = [0, Infinity];
    else if (q === '+') [min, max] = [1, Infinity];
    else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('brace');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
    } else return node;
    i++;
    if (src[i] === '?') i++; // lazy: the same strings can match
    if (node.t === 'zero') return node;
    return parseQuantifier({ t: 'rep', node, min, max });
  };
  const parseSeq = (): Node[] => {
    const seq: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') seq.push(parseQuantifier(parseAtom()));
    return seq;
  };
  const parseAlts = (): Node[][] => {
    const alts = [parseSeq()];
    while (src[i] === '|') {
      i++;
      alts.push(parseSeq());
    }
    return alts;
  };
  const top = parseAlts();
  if (i !== src.length) throw new Unsupported('trailing input');
  return top;
}

/** Prefixes of what a node matches: `done` when the string cannot be extended by what follows. */
type Prefixes = Map<string, boolean>;

const MAX_SET = 4000;

function add(out: Prefixes, s: string, done: boolean): void {
  // reached both ways: "starts with s" (done) covers "is s, then what follows" (open)
  const had = out.get(s);
  out.set(s, had === undefined ? done : had || done);
  if (out.size > MAX_SET) throw new Unsupported('too many prefixes');
}

function concat(items: Prefixes, next: Prefixes, k: number): Prefixes {
  const out: Prefixes = new Map();
  for (const [s, done] of items) {
    if (done) {
      add(out, s, true);
      continue;
    }
    for (const [t, d2] of next) {
      const u = s + t;
      if (u.length >= k) add(out, u.slice(0, k), true);
      else add(out, u, d2);
    }
  }
  return out;
}

function prefixesOfSeq(seq: Node[], k: number): Prefixes {
  let items: Prefixes = new Map([['', false]]);
  for (const node of seq) items = concat(items, prefixesOf(node, k), k);
  return items;
}

function prefixesOf(node: Node, k: number): Prefixes {
  switch (node.t) {
    case 'char':
      return new Map(node.c.map((c) => [c.toLowerCase(), false] as [string, boolean]));
    case 'any':
      return new Map([['', true]]);
    case 'zero':
      return new Map([['', false]]);
    case 'alt': {
      const out: Prefixes = new Map();
      for (const seq of node.alts) for (const [s, d] of prefixesOfSeq(seq, k)) add(out, s, d);
      return out;
    }
    case 'rep': {
      const out: Prefixes = new Map();
      if (node.min === 0) add(out, '', false);
      if (node.max === 0) return out;
      const once = prefixesOf(node.node, k);
      // one repetition exactly when at most one is allowed; otherwise what follows the first
      // repetition is unknown here, so its strings are closed
      for (const [s, d] of once) add(out, s, node.max === 1 || s === '' ? d : true);
      return out;
    }
  }
}

const WORD = /^[a-z0-9_]/;

/**
 * The lower-cased prefixes (1 to `k` characters) one of which begins every match of the pattern,
 * every match also beginning at a word start; null when that cannot be shown.
 */
export function wordStartPrefixes(source: string, flags: string, k = 3): string[] | null {
  let top: Node[][];
  try {
    top = parse(source, flags.includes('i'));
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  if (top.length !== 1) return null;
  const seq = top[0];
  // zero-width assertions, among them \b, then the first character
  let boundary = false;
  let first = 0;
  while (first < seq.length && seq[first].t === 'zero') {
    if ((seq[first] as { wordBoundary: boolean }).wordBoundary) boundary = true;
    first++;
  }
  if (!boundary) return null;
  let prefixes: Prefixes;
  try {
    prefixes = prefixesOfSeq(seq.slice(first), k);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const out: string[] = [];
  for (const s of prefixes.keys()) {
    if (s === '' || !WORD.test(s)) return null;
    out.push(s);
  }
  return out;
}

/**
 * The finite set of lower-cased strings a pattern of plain alternatives matches ("backed|armed by",
 * "reports? directly"), assertions such as `\b` ignored: a superset of what it matches. Null when
 * the pattern is not such a finite set of strings up to `max` characters.
 */
export function literalStrings(source: string, flags: string, max = 40): string[] | null {
  try {
    const top = parse(source, flags.includes('i'));
    const out: string[] = [];
    for (const [s, done] of prefixesOf({ t: 'alt', alts: top }, max + 1)) {
      if (done || s === '') return null;
      out.push(s);
    }
    return out;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** Characters whose case folding reaches ASCII letters or changes length: texts with them are scanned whole. */
export const FOLDING_HAZARD = /[\u0130\u017f\u212a]/;

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

interface TrieNode {
  /** children by character code */
  children: Map<number, TrieNode>;
  /** patterns that own the prefix ending here */
  owners: number[];
}

/**
 * The prefixes of many patterns in one trie, walked once at each word start of a text: a word
 * leaves the trie after a character or two unless some pattern may begin with it.
 *
 * The trie is flattened into typed arrays (this walk runs at most word starts of every document):
 * characters map to a small alphabet of the characters the prefixes use (0: none of them), node k's
 * child for class c is `next[k * classes + c]` (0: none, the root being node 0), and the patterns
 * owning node k are `owners[ownerFrom[k] .. ownerFrom[k + 1])`.
 *
 * Before any walk, the classes of the first three characters are looked up in a bit set of the
 * triples that begin a string of the trie: a few kilobytes that stay in the processor's cache
 * between documents, where the trie itself (hundreds of kilobytes) does not, and that reject
 * most positions a test of two characters let through ("the", "and", "com" begin no string,
 * though "th", "an" and "co" do).
 */
export class PrefixIndex {
  readonly size: number;
  /** class of each ASCII character code; other characters are looked up in `otherClass` */
  private readonly asciiClass = new Uint8Array(128);
  private readonly otherClass = new Map<number, number>();
  private readonly classes: number;
  /** 16-bit node numbers: half the memory a walk reads from, most of it outside the processor's cache */
  private readonly next: Uint16Array;
  private readonly ownerFrom: Int32Array;
  private readonly owners: Int32Array;
  /** 1 for a node without children: a walk ends there */
  private readonly leaf: Uint8Array;
  /** bit `(a * classes + b) * classes + c` set when a string of the trie begins with characters of
   * classes a, b, c; a string of one or two characters sets every triple it begins, class 0 (any
   * other character, or the end of the text) included */
  private readonly triples: Int32Array;

  constructor(prefixesByPattern: readonly (readonly string[] | null)[]) {
    this.size = prefixesByPattern.length;
    const root: TrieNode = { children: new Map(), owners: [] };
    const codes = new Set<number>();
    prefixesByPattern.forEach((prefixes, index) => {
      for (const prefix of prefixes ?? []) {
        let node = root;
        for (let i = 0; i < prefix.length; i++) {
          const c = prefix.charCodeAt(i);
          codes.add(c);
          let next = node.children.get(c);
          if (!next) {
            next = { children: new Map(), owners: [] };
            node.children.set(c, next);
          }
          node = next;
        }
        if (!node.owners.includes(index)) node.owners.push(index);
      }
    });
    let classes = 1;
    for (const c of [...codes].sort((a, b) => a - b)) {
      if (c < 128) this.asciiClass[c] = classes++;
      else this.otherClass.set(c, classes++);
    }
    this.classes = classes;
    // number the nodes breadth first, the root 0
    const order: TrieNode[] = [root];
    for (let k = 0; k < order.length; k++) for (const child of order[k].children.values()) order.push(child);
    const id = new Map(order.map((node, k) => [node, k]));
    if (order.length > 0xffff) throw new Error(`PrefixIndex: ${order.length} trie nodes, more than 16-bit numbers hold`);
    this.next = new Uint16Array(order.length * classes);
    this.ownerFrom = new Int32Array(order.length + 1);
    this.leaf = new Uint8Array(order.length);
    const owners: number[] = [];
    order.forEach((node, k) => {
      this.ownerFrom[k] = owners.length;
      owners.push(...node.owners);
      if (node.children.size === 0) this.leaf[k] = 1;
      for (const [c, child] of node.children) this.next[k * classes + this.classOf(c)] = id.get(child)!;
    });
    this.ownerFrom[order.length] = owners.length;
    this.owners = Int32Array.from(owners);
    this.triples = new Int32Array(((classes * classes * classes) >>> 5) + 1);
    for (const prefixes of prefixesByPattern) {
      for (const prefix of prefixes ?? []) {
        const head: number[] = [];
        for (let i = 0; i < Math.min(3, prefix.length); i++) head.push(this.classOf(prefix.charCodeAt(i)));
        if (head.length === 0) continue;
        for (let b = 0; b < classes; b++) {
          if (head.length > 1 && b !== head[1]) continue;
          for (let c = 0; c < classes; c++) {
            if (head.length > 2 && c !== head[2]) continue;
            const t = (head[0] * classes + b) * classes + c;
            this.triples[t >>> 5] |= 1 << (t & 31);
          }
        }
      }
    }
  }

  private classOf(c: number): number {
    return c < 128 ? this.asciiClass[c] : this.otherClass.get(c) ?? 0;
  }

  /**
   * For each pattern, whether one of its strings begins inside each span of `spans` (sorted,
   * not overlapping): a walk of the trie at every character, not only at word starts.
   */
  spansWith(lower: string, spans: readonly { start: number; end: number }[]): boolean[][] {
    const out: boolean[][] = Array.from({ length: this.size }, () => new Array<boolean>(spans.length).fill(false));
    const n = lower.length;
    const { triples, next, classes, ownerFrom, owners, leaf } = this;
    let si = 0;
    // the classes of the characters at p, p + 1 and p + 2, carried along
    let b = n > 0 ? this.classOf(lower.charCodeAt(0)) : 0;
    let c = n > 1 ? this.classOf(lower.charCodeAt(1)) : 0;
    for (let p = 0; p < n; p++) {
      const a = b;
      b = c;
      c = p + 2 < n ? this.classOf(lower.charCodeAt(p + 2)) : 0;
      const t = (a * classes + b) * classes + c;
      if ((triples[t >>> 5] & (1 << (t & 31))) === 0) continue;
      while (si < spans.length && spans[si].end <= p) si++;
      if (si >= spans.length) break;
      if (p < spans[si].start) continue;
      let node = 0;
      for (let q = p; q < n; q++) {
        const cls = this.classOf(lower.charCodeAt(q));
        if (cls === 0) break;
        node = next[node * classes + cls];
        if (node === 0) break;
        for (let o = ownerFrom[node]; o < ownerFrom[node + 1]; o++) out[owners[o]][si] = true;
        if (leaf[node] === 1) break;
      }
    }
    return out;
  }

  /** For each pattern, the word starts of `lower` where it may match, in increasing order. */
  starts(lower: string): number[][] {
    const out: number[][] = Array.from({ length: this.size }, () => []);
    const n = lower.length;
    const { triples, next, classes, ownerFrom, owners, leaf } = this;
    let prevWord = false;
    for (let p = 0; p < n; p++) {
      const c0 = lower.charCodeAt(p);
      const word = isWordCode(c0);
      if (word && !prevWord) {
        prevWord = true;
        const b = p + 1 < n ? this.classOf(lower.charCodeAt(p + 1)) : 0;
        const c = p + 2 < n ? this.classOf(lower.charCodeAt(p + 2)) : 0;
        const t = (this.asciiClass[c0] * classes + b) * classes + c;
        if ((triples[t >>> 5] & (1 << (t & 31))) === 0) continue;
        let node = 0;
        for (let q = p; q < n; q++) {
          const cls = this.classOf(lower.charCodeAt(q));
          if (cls === 0) break;
          node = next[node * classes + cls];
          if (node === 0) break;
          for (let o = ownerFrom[node]; o < ownerFrom[node + 1]; o++) {
            const list = out[owners[o]];
            // one pattern may own several prefixes of one word ("a", "an"): one start each
            if (list.length === 0 || list[list.length - 1] !== p) list.push(p);
          }
          if (leaf[node] === 1) break;
        }
      }
      prevWord = word;
    }
    return out;
  }
}
