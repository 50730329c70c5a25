import { HashIndex } from './hash.js';
import { NL, LABELS, FEATURE_VERSION, FeatureTagger } from './features.js';
import type { Scorer } from './features.js';
import { NerModel } from './model.js';
import type { ModelMeta } from './model.js';
import type { Gazetteer } from './gazetteer.js';
import { scoreChunks, toLabelIds } from './conll.js';
import type { ConllDocument, TypeCounts } from './conll.js';

/**
 * Averaged perceptron (Collins 2002) with the lazy-averaging trick: alongside the weights w it
 * keeps u = sum of (time of update x update), so the average at time c is w - u / c without
 * touching every weight at every step.
 */
export class AveragedPerceptron implements Scorer {
  readonly index = new HashIndex(1 << 18);
  private w = new Float64Array((1 << 18) * NL);
  private u = new Float64Array((1 << 18) * NL);
  private c = 1;

  score(keys: Uint32Array, n: number, out: Float64Array): void {
    out.fill(0);
    const w = this.w;
    for (let j = 0; j < n; j++) {
      const row = this.index.get(keys[j]);
      if (row < 0) continue;
      const base = row * NL;
      for (let l = 0; l < NL; l++) out[l] += w[base + l];
    }
  }

  update(keys: Uint32Array, n: number, gold: number, predicted: number): void {
    this.c++;
    if (gold === predicted) return;
    for (let j = 0; j < n; j++) {
      const row = this.index.getOrAdd(keys[j]);
      if ((row + 1) * NL > this.w.length) this.grow();
      const base = row * NL;
      this.w[base + gold] += 1;
      this.u[base + gold] += this.c;
      this.w[base + predicted] -= 1;
      this.u[base + predicted] -= this.c;
    }
  }

  private grow(): void {
    const w = new Float64Array(this.w.length * 2);
    w.set(this.w);
    this.w = w;
    const u = new Float64Array(this.u.length * 2);
    u.set(this.u);
    this.u = u;
  }

  /**
   * The averaged weights as a model, dropping rows whose largest weight is below `prune`
   * (relative to the largest weight of the model).
   */
  toModel(gazetteer: Gazetteer, meta: Partial<ModelMeta> = {}, prune = 0): NerModel {
    const keys = this.index.keysByRow();
    const rows = keys.length;
    const avg = new Float32Array(rows * NL);
    let maxAbs = 0;
    for (let i = 0; i < rows * NL; i++) {
      avg[i] = this.w[i] - this.u[i] / this.c;
      maxAbs = Math.max(maxAbs, Math.abs(avg[i]));
    }
    const threshold = prune * maxAbs;
    const keep: number[] = [];
    for (let r = 0; r < rows; r++) {
      let m = 0;
      for (let l = 0; l < NL; l++) m = Math.max(m, Math.abs(avg[r * NL + l]));
      if (m > threshold && m > 0) keep.push(r);
    }
    const kk = new Uint32Array(keep.length);
    const kw = new Float32Array(keep.length * NL);
    keep.forEach((r, i) => {
      kk[i] = keys[r];
      for (let l = 0; l < NL; l++) {
        const v = avg[r * NL + l];
        kw[i * NL + l] = Math.abs(v) > threshold ? v : 0;
      }
    });
    return new NerModel(kk, kw, gazetteer, {
      featureVersion: FEATURE_VERSION,
      labels: [...LABELS],
      training: meta.training ?? {},
    });
  }
}

/** Small, seedable PRNG (mulberry32) so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface TrainingDoc {
  sentences: string[][];
  gold: Uint8Array[];
}

export function toTrainingDocs(docs: ConllDocument[]): TrainingDoc[] {
  return docs.map((d) => ({ sentences: d.sentences, gold: d.tags.map(toLabelIds) }));
}

/** One pass over the documents in a seeded random order, predicting with the current weights. */
export function trainEpoch(p: AveragedPerceptron, tagger: FeatureTagger, docs: TrainingDoc[], random: () => number): void {
  const order = shuffle(docs.slice(), random);
  for (const d of order) {
    tagger.tagDocument(d.sentences, p, { gold: d.gold, update: (keys, n, gold, predicted) => p.update(keys, n, gold, predicted) });
  }
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prfOf(c: TypeCounts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Span-level scores of a model on documents with gold tags: overall and per type. */
export function evaluateModel(model: NerModel, docs: ConllDocument[]): { overall: Prf; types: Record<string, Prf & TypeCounts>; tokens: number; chars: number } {
  const counts = new Map<string, TypeCounts>();
  let tokens = 0;
  let chars = 0;
  for (const d of docs) {
    const predicted = model.tagDocumentLabels(d.sentences);
    d.sentences.forEach((s, i) => {
      scoreChunks(d.tags[i], predicted[i], counts);
      tokens += s.length;
      for (const w of s) chars += w.length + 1;
    });
  }
  const total: TypeCounts = { tp: 0, fp: 0, fn: 0 };
  const types: Record<string, Prf & TypeCounts> = {};
  for (const [type, c] of [...counts].sort()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    types[type] = { ...c, ...prfOf(c) };
  }
  return { overall: prfOf(total), types, tokens, chars };
}

