import { tokenize } from '../../text/tokenize.js';
import { TYPES, makeLabel } from './features.js';
import type { GazetteerLists } from './gazetteer.js';
import { labelSpans } from './model.js';

/**
 * Known names from the actor knowledge base (the `org` and `person` lists a model was trained
 * with) reconcile the tagger's spans: where the tagger found a name inside a known name, the
 * known name's extent and type win. "Russian mercenary [Wagner Group]PER" becomes ORG, and
 * "[National Movement]ORG for the [Liberation of Azawad]ORG" one ORG. The tagger still decides
 * whether there is a name at all: a known alias the tagger saw nothing in is left alone, and a
 * span reaching outside the known name ("Richard Wagner") is kept as the tagger had it.
 */
export class KnownNames {
  /**
   * -> 1 + index in TYPES. One-word names are kept as written ("IS" is not "is"); longer ones
   * have their first word lower-cased, tokens joined by U+0001 ("Al-Qaeda in the Islamic
   * Maghreb" is the listed "al-Qaeda in the Islamic Maghreb", but "Islamic state" is not
   * "Islamic State").
   */
  private readonly phrases = new Map<string, number>();
  /** lower-cased first token -> most tokens of a name starting with it */
  private readonly longest = new Map<string, number>();

  constructor(lists: GazetteerLists) {
    const add = (names: readonly string[] | undefined, type: (typeof TYPES)[number]): void => {
      for (const name of names ?? []) {
        const toks = tokenize(name).map((t) => t.text);
        if (toks.length === 0 || toks.length > 12) continue;
        const key = phraseKey(toks);
        // a person's name listed as an organisation alias too ("Wagner") stays an organisation
        if (this.phrases.has(key)) continue;
        this.phrases.set(key, TYPES.indexOf(type) + 1);
        const first = toks[0].toLowerCase();
        if ((this.longest.get(first) ?? 0) < toks.length) this.longest.set(first, toks.length);
      }
    };
    add(lists.org, 'ORG');
    add(lists.person, 'PER');
    for (const [key, type] of this.phrases) {
      if (key.startsWith(ONE)) continue;
      const parts = key.split('\u0001');
      let head = this.heads.get(parts[0]);
      if (!head) {
        head = { type: 0, next: new Map() };
        this.heads.set(parts[0], head);
        this.headList.push(head);
      }
      let node: KnownNode = head;
      for (let p = 1; p < parts.length; p++) {
        let child: KnownNode | undefined = node.next.get(parts[p]);
        if (!child) {
          child = { type: 0, next: new Map() };
          node.next.set(parts[p], child);
        }
        node = child;
      }
      node.type = type;
    }
  }

  /**
   * The names of two or more tokens as a trie: lower-cased first token, then the others as
   * written, so a sentence is matched word by word without building joined keys.
   */
  private readonly heads = new Map<string, KnownNode>();
  private readonly headList: KnownNode[] = [];

  get size(): number {
    return this.phrases.size;
  }

  /**
   * Per word as written: (type of the one-word name it is, 0 none) << 8 + (longest name starting
   * with its lower-cased form, at most 12) * 4 + its headline class (0 says nothing, 1 capitals,
   * 2 other), so a sentence costs one look-up per word.
   * Bounded: emptied when it grows past WORD_CACHE.
   */
  private readonly words = new Map<string, number>();

  private wordInfo(w: string): number {
    let v = this.words.get(w);
    if (v === undefined) {
      if (this.words.size >= WORD_CACHE) this.words.clear();
      v = this.computeInfo(w);
      this.words.set(w, v);
    }
    return v;
  }

  private computeInfo(w: string): number {
    const longest = this.longest.get(w.toLowerCase()) ?? 0;
    let v = longest * 4 + (w.length < 2 || !/\p{L}/u.test(w) ? 0 : w === w.toUpperCase() ? 1 : 2);
    if (longest > 0) v += (this.phrases.get(ONE + w) ?? 0) << 8;
    return v;
  }

  /**
   * wordInfo + 1 (0: not yet known) by the tagger's word id, for the epoch of ids `idEpoch`:
   * a typed-array read per token instead of a string-keyed map look-up.
   */
  private byId = new Int32Array(0);
  private idEpoch = -1;

  /** index in headList + 1 of the trie node of a word's lower-cased form (0: none), by word id as byId */
  private headById = new Int32Array(0);

  private infoOf(words: readonly string[], i: number, ids: Int32Array | undefined, from: number): number {
    if (!ids) return this.wordInfo(words[i]);
    const id = ids[from + i];
    const v = this.byId[id];
    if (v !== 0) return v - 1;
    const info = this.computeInfo(words[i]);
    this.byId[id] = info + 1;
    const head = info >= 4 ? this.heads.get(words[i].toLowerCase()) : undefined;
    this.headById[id] = head ? this.headList.indexOf(head) + 1 : 0;
    return info;
  }

  /** The longest name of two or more tokens from word i by joined keys, else (len, type) as given. */
  private longestByKeys(words: readonly string[], i: number, max: number, len: number, type: number): [number, number] {
    let key = words[i].toLowerCase();
    for (let l = 2; l <= max && i + l <= words.length; l++) {
      key += '\u0001' + words[i + l - 1];
      const t = this.phrases.get(key);
      if (t !== undefined) {
        len = l;
        type = t;
      }
    }
    return [len, type];
  }

  /** reconcile() of every sentence of a document the tagger just tagged (`ids`, `epoch`, `count`: its word ids, see NerModel). */
  reconcileDocument(sentences: readonly (readonly string[])[], labels: readonly Uint8Array[], ids: Int32Array, epoch: number, count: number): void {
    let from = 0;
    for (let i = 0; i < sentences.length; i++) {
      this.reconcile(sentences[i], labels[i], ids, from, epoch, count);
      from += sentences[i].length;
    }
  }

  /**
   * reconcileDocument when the document's words are `words[ids[t]]` (the tagger's words by id,
   * see NerModel.words) and its sentences as long as their label arrays.
   */
  reconcileWords(words: readonly string[], labels: readonly Uint8Array[], ids: Int32Array, epoch: number, count: number): void {
    let from = 0;
    for (const sentenceLabels of labels) {
      const n = sentenceLabels.length;
      // reconcile reads the words only where the tagger found a name
      if (sentenceLabels.some((l) => l !== 0)) {
        const sentence = new Array<string>(n);
        for (let i = 0; i < n; i++) sentence[i] = words[ids[from + i]];
        this.reconcile(sentence, sentenceLabels, ids, from, epoch, count);
      }
      from += n;
    }
  }

  /**
   * Rewrites `labels` (BILOU ids) of one sentence in place. `ids[from..)`, when given, are the
   * tagger's word ids of `words` (see FeatureTagger.documentIds), numbered in epoch `epoch`.
   */
  reconcile(words: readonly string[], labels: Uint8Array, ids?: Int32Array, from = 0, epoch = 0, maxId = 0): void {
    if (this.phrases.size === 0) return;
    let any = false;
    for (let i = 0; i < labels.length && !any; i++) any = labels[i] !== 0;
    if (!any) return;
    if (ids) {
      if (epoch !== this.idEpoch) {
        this.byId.fill(0);
        this.idEpoch = epoch;
      }
      if (this.byId.length <= maxId) {
        const size = Math.max(maxId + 1, this.byId.length * 2);
        const grown = new Int32Array(size);
        grown.set(this.byId);
        this.byId = grown;
        const heads = new Int32Array(size);
        heads.set(this.headById);
        this.headById = heads;
      }
    }
    // Headlines in capitals make acronyms of common words ("IS", "AU"): no reconciling there.
    let caps = 0;
    let other = 0;
    let candidates = false;
    for (let i = 0; i < words.length; i++) {
      const v = this.infoOf(words, i, ids, from);
      if ((v & 3) === 1) caps++;
      else if ((v & 3) === 2) other++;
      if (v >= 4) candidates = true;
    }
    if (!candidates || (caps >= 2 && caps > 2 * other)) return;
    const spans = labelSpans(labels);
    for (let i = 0; i < words.length; i++) {
      const v = this.infoOf(words, i, ids, from);
      const max = (v >> 2) & 63;
      if (max === 0) continue;
      let len = 0;
      let type = 0;
      if (v >> 8 !== 0) {
        len = 1;
        type = v >> 8;
      }
      if (max > 1 && i + 1 < words.length) {
        let node = ids ? this.headList[this.headById[ids[from + i]] - 1] : this.heads.get(words[i].toLowerCase());
        // joined keys and the trie's paths correspond while the words hold no U+0001
        for (let l = 2; node && l <= max && i + l <= words.length; l++) {
          const word = words[i + l - 1];
          if (word.includes('\u0001')) {
            [len, type] = this.longestByKeys(words, i, max, len, type);
            break;
          }
          node = node.next.get(word);
          if (node && node.type !== 0) {
            len = l;
            type = node.type;
          }
        }
      }
      if (len === 0) continue;
      const end = i + len;
      const inside = spans.filter((s) => s.start < end && s.end > i);
      if (inside.length === 0 || inside.some((s) => s.start < i || s.end > end)) continue;
      // a one-word alias only retypes a name the tagger found on exactly that word
      if (len === 1 && !(inside[0].start === i && inside[0].end === end)) continue;
      if (len === 1) labels[i] = makeLabel(type, 3);
      else {
        labels[i] = makeLabel(type, 0);
        for (let k = i + 1; k < end - 1; k++) labels[k] = makeLabel(type, 1);
        labels[end - 1] = makeLabel(type, 2);
      }
      i = end - 1;
    }
  }
}

interface KnownNode {
  /** 1 + index in TYPES of the name ending here, 0 none */
  type: number;
  next: Map<string, KnownNode>;
}

const ONE = '\u0002';
const WORD_CACHE = 200_000;

function phraseKey(toks: readonly string[]): string {
  return toks.length === 1 ? ONE + toks[0] : [toks[0].toLowerCase(), ...toks.slice(1)].join('\u0001');
}
