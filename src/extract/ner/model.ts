import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { HashIndex } from './hash.js';
import { FEATURE_VERSION, FeatureTagger, NL, TYPES, bioLabel, labelPart, labelType } from './features.js';
import type { Learner, Scorer } from './features.js';
import { Gazetteer } from './gazetteer.js';
import type { GazetteerLists } from './gazetteer.js';
import type { NameType } from '../../model.js';
import type { WordTypes } from '../../text/wordtypes.js';

/**
 * A trained name tagger: feature hashes -> rows of label weights, and the name lists its
 * gazetteer features were trained with. Saved as one gzipped binary file:
 * "SRNER001", u32 header length, JSON header, then (4-byte aligned) the row keys as u32, one
 * float32 scale per row, and the weights as int8, row-major, one column per label.
 */

export interface ModelMeta {
  featureVersion: number;
  labels: string[];
  /** free-form facts recorded by training: data, date, epochs, figures */
  training: Record<string, unknown>;
}

interface Header extends ModelMeta {
  rows: number;
  gazetteer: GazetteerLists;
  common: number[];
}

const MAGIC = 'SRNER001';
/** words of the key filter (see NerModel.filter) and where in a key its word index starts */
const FILTER_MASK = (1 << 16) - 1;
const FILTER_SHIFT = 11;

export interface TokenSpan {
  type: NameType;
  /** first token index */
  start: number;
  /** one past the last token index */
  end: number;
}

export class NerModel implements Scorer {
  private readonly tagger: FeatureTagger;
  private readonly index: HashIndex;

  constructor(
    keys: Uint32Array,
    readonly weights: Float32Array,
    readonly gazetteer: Gazetteer,
    readonly meta: ModelMeta,
  ) {
    if (weights.length !== keys.length * NL) throw new Error('ner model: weights do not match keys');
    this.index = HashIndex.fromKeys(keys);
    this.tagger = new FeatureTagger(gazetteer);
    // Scoring table: a compact open-addressing key array (small enough to stay in the CPU's
    // cache, so the many features a model never saw cost little) beside, per slot, where the
    // row's weights start and how many there are, packed in one int32. Rows are sparse (a
    // perceptron only moves the gold and the predicted label of a feature), so each keeps only
    // its nonzero (label, weight) pairs.
    let cap = 16;
    while (cap < keys.length * 1.5) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(2 * cap);
    let nnz = 0;
    for (let j = 0; j < weights.length; j++) if (weights[j] !== 0) nnz++;
    if (nnz >= 1 << 26) throw new Error('ner model: too many weights');
    this.rowLabel = new Uint8Array(nnz);
    this.rowWeight = new Float32Array(nnz);
    let p = 0;
    for (let r = 0; r < keys.length; r++) {
      let i = keys[r] & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = keys[r] | 0;
      const first = p;
      for (let l = 0; l < NL; l++) {
        const v = weights[r * NL + l];
        if (v === 0) continue;
        this.rowLabel[p] = l;
        this.rowWeight[p++] = v;
      }
      this.slots[2 * i + 1] = (first << 5) | (p - first);
      const b = keys[r] | 0;
      this.filter[(b >>> FILTER_SHIFT) & FILTER_MASK] |= (1 << (b & 31)) | (1 << ((b >>> 5) & 31));
    }
  }

  /**
   * A Bloom filter over the keys (two bits in one 32-bit word per key, 256 kB, so it stays in
   * the CPU's cache): most keys looked up are features the model never saw (97 % of word-pair
   * features in news text), and the filter turns away all but about 1 % of those without a
   * probe of the larger table. Keys it lets through are looked up as before.
   */
  private readonly filter = new Int32Array(FILTER_MASK + 1);

  readonly fixed = true;
  private readonly mask: number;
  /**
   * Per slot, the key (as int32) and then the start << 5 | count of its row in rowLabel/rowWeight,
   * side by side so a hit costs one cache line.
   */
  private readonly slots: Int32Array;
  private readonly rowLabel: Uint8Array;
  private readonly rowWeight: Float32Array;

  /** The same weights with other training facts recorded. */
  withTraining(training: Record<string, unknown>): NerModel {
    return new NerModel(this.index.keysByRow(), this.weights, this.gazetteer, { ...this.meta, training });
  }

  /** Feature keys by row. */
  keys(): Uint32Array {
    return this.index.keysByRow();
  }

  get rows(): number {
    return this.index.size;
  }

  score(keys: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0);
    this.addScores(keys, n, out);
  }

  /** Adds the weights of `keys[0..n)` to `out`. */
  addScores(keys: Uint32Array | Int32Array, n: number, out: Float64Array): void {
    this.addScoresAt(keys, 0, n, out, 0);
  }

  /** Adds the weights of `keys[from..to)` to `out[at..at + NL)`. */
  addScoresAt(keys: Uint32Array | Int32Array, from: number, to: number, out: Float64Array, at: number): void {
    const slots = this.slots;
    const lab = this.rowLabel;
    const wt = this.rowWeight;
    const mask = this.mask;
    const filter = this.filter;
    for (let j = from; j < to; j++) {
      const key = keys[j] | 0;
      const bits = (1 << (key & 31)) | (1 << ((key >>> 5) & 31));
      if ((filter[(key >>> FILTER_SHIFT) & FILTER_MASK] & bits) !== bits) continue;
      let i = key & mask;
      for (;;) {
        const k = slots[2 * i];
        if (k === key) {
          const packed = slots[2 * i + 1];
          const first = packed >>> 5;
          const end = first + (packed & 31);
          for (let p = first; p < end; p++) out[at + lab[p]] += wt[p];
          break;
        }
        if (k === 0) break;
        i = (i + 1) & mask;
      }
    }
  }

  /** packed start << 5 | count of the row of `key` (0, an empty row, when the model lacks it) */
  ref(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    key |= 0;
    const bits = (1 << (key & 31)) | (1 << ((key >>> 5) & 31));
    if ((this.filter[(key >>> FILTER_SHIFT) & FILTER_MASK] & bits) !== bits) return 0;
    let i = key & mask;
    for (;;) {
      const k = slots[2 * i];
      if (k === key) return slots[2 * i + 1];
      if (k === 0) return 0;
      i = (i + 1) & mask;
    }
  }

  addRef(ref: number, out: Float64Array, at: number): void {
    const lab = this.rowLabel;
    const wt = this.rowWeight;
    const first = ref >>> 5;
    const end = first + (ref & 31);
    for (let p = first; p < end; p++) out[at + lab[p]] += wt[p];
  }

  clearCache(): void {
    this.tagger.clearCache();
  }

  /** The tagger's word ids of the last document's tokens, in order (see FeatureTagger.documentIds). */
  get documentIds(): Int32Array {
    return this.tagger.documentIds;
  }

  /** The words by the tagger's word id (see documentIds). */
  get words(): readonly string[] {
    return this.tagger.words;
  }

  /** Bumped when word ids are handed out anew. */
  get wordIdEpoch(): number {
    return this.tagger.wordIdEpoch;
  }

  /** One more than the largest word id handed out so far. */
  get wordIdCount(): number {
    return this.tagger.wordIdCount;
  }

  /** Label ids (indexes into LABELS, BILOU) per sentence of one document. */
  tagDocument(sentences: readonly (readonly string[])[], learner?: Learner): Uint8Array[] {
    return this.tagger.tagDocument(sentences, this, learner);
  }

  /** tagDocument of a document given as word types (see FeatureTagger.tagDocumentTypes). */
  tagDocumentTypes(types: WordTypes, typeIds: Int32Array, lengths: Int32Array, wordOf: (text: string) => string): Uint8Array[] {
    return this.tagger.tagDocumentTypes(types, typeIds, lengths, wordOf, this);
  }

  /** BIO label strings per sentence. */
  tagDocumentLabels(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagDocument(sentences).map((s) => Array.from(s, bioLabel));
  }

  save(path: string): number {
    const buf = this.serialise();
    writeFileSync(path, buf);
    return buf.length;
  }

  /**
   * Rows are quantised to int8 with one float32 scale per row: weights span orders of magnitude
   * across features (a bias against a rare word), so one scale for the whole model would round
   * most of them to zero.
   */
  serialise(): Buffer {
    const keys = this.index.keysByRow();
    const rows = keys.length;
    const header: Header = { ...this.meta, rows, gazetteer: this.gazetteer.lists, common: [...this.gazetteer.commonHashes] };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const pre = 8 + 4 + headerBytes.length;
    const pad = (4 - (pre % 4)) % 4;
    const scales = new Float32Array(rows);
    const q = new Int8Array(rows * NL);
    for (let r = 0; r < rows; r++) {
      let m = 0;
      for (let l = 0; l < NL; l++) m = Math.max(m, Math.abs(this.weights[r * NL + l]));
      const scale = m === 0 ? 1 : m / 127;
      scales[r] = scale;
      for (let l = 0; l < NL; l++) q[r * NL + l] = Math.round(this.weights[r * NL + l] / scales[r]);
    }
    const len = Buffer.alloc(4);
    len.writeUInt32LE(headerBytes.length);
    const raw = Buffer.concat([
      Buffer.from(MAGIC, 'ascii'),
      len,
      headerBytes,
      Buffer.alloc(pad),
      Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength),
      Buffer.from(scales.buffer, scales.byteOffset, scales.byteLength),
      Buffer.from(q.buffer, q.byteOffset, q.byteLength),
    ]);
    return gzipSync(raw, { level: 9 });
  }

  static load(path: string): NerModel {
    return NerModel.deserialise(readFileSync(path));
  }

  static deserialise(gz: Buffer): NerModel {
    const raw = gunzipSync(gz);
    if (raw.toString('ascii', 0, 8) !== MAGIC) throw new Error('ner model: not a sitrep NER model file');
    const hlen = raw.readUInt32LE(8);
    const header = JSON.parse(raw.toString('utf8', 12, 12 + hlen)) as Header;
    if (header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`ner model: trained with feature version ${header.featureVersion}, code has ${FEATURE_VERSION}; retrain with npm run train:ner`);
    }
    const rows = header.rows;
    let off = 12 + hlen;
    off += (4 - (off % 4)) % 4;
    // copied into fresh typed arrays: a Buffer's offset need not be aligned
    const keys = new Uint32Array(rows);
    Buffer.from(keys.buffer).set(raw.subarray(off, off + rows * 4));
    off += rows * 4;
    const scales = new Float32Array(rows);
    Buffer.from(scales.buffer).set(raw.subarray(off, off + rows * 4));
    off += rows * 4;
    const q = new Int8Array(raw.buffer, raw.byteOffset + off, rows * NL);
    const weights = new Float32Array(rows * NL);
    for (let r = 0; r < rows; r++) {
      const scale = scales[r];
      const base = r * NL;
      for (let l = 0; l < NL; l++) weights[base + l] = q[base + l] * scale;
    }
    const meta: ModelMeta = { featureVersion: header.featureVersion, labels: header.labels, training: header.training };
    return new NerModel(keys, weights, new Gazetteer(header.gazetteer, header.common), meta);
  }
}

/** Entity spans of a BILOU label sequence; tolerant of ill-formed sequences. */
export function labelSpans(labels: Uint8Array | readonly number[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const t = labelType(l);
    if (t === 0) {
      cur = null;
      continue;
    }
    const part = labelPart(l);
    if (cur && (part === 1 || part === 2) && TYPES[t - 1] === cur.type) cur.end = i + 1;
    else {
      cur = { type: TYPES[t - 1], start: i, end: i + 1 };
      out.push(cur);
    }
    if (part >= 2) cur = null;
  }
  return out;
}
