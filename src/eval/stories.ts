import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bandKeys, estimateSimilarity, minhashOf, shingleHashes, SHINGLE_WORDS, STORY_THRESHOLD } from '../resolve/stories.js';
import { formatTable, prf, type Counts, type Evaluator } from './evaluator.js';

/**
 * Story grouping on labelled pairs (data/dedup/pairs.jsonl, texts in articles.jsonl beside it):
 * a pair is grouped when the two signatures share an LSH band key (the store only compares such
 * candidates) and their estimated similarity reaches STORY_THRESHOLD. Prints precision and recall
 * at the threshold, recall by transformation, the hardest negatives, and sweeps over thresholds
 * and shingle sizes.
 */

interface Pair {
  a: string;
  b: string;
  label: 'same' | 'different';
  kind: string;
}

interface Scored extends Pair {
  similarity: number;
  candidate: boolean;
  /** exact Jaccard of the shingle sets, to show the estimate's error */
  jaccard: number;
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  const set = new Set(a);
  let inter = 0;
  for (const x of b) if (set.has(x)) inter++;
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

function parseJsonl<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

function score(pairs: Pair[], texts: Map<string, string>, k: number): Scored[] {
  const cache = new Map<string, { hashes: Uint32Array; sig: Uint32Array; keys: Set<string> }>();
  const get = (id: string) => {
    let c = cache.get(id);
    if (!c) {
      const text = texts.get(id);
      if (text === undefined) throw new Error(`stories: pair names unknown text ${id}`);
      const hashes = shingleHashes(text, k);
      const sig = minhashOf(hashes);
      c = { hashes, sig, keys: new Set(bandKeys(sig)) };
      cache.set(id, c);
    }
    return c;
  };
  return pairs.map((p) => {
    const a = get(p.a);
    const b = get(p.b);
    const candidate = [...a.keys].some((key) => b.keys.has(key));
    return { ...p, similarity: estimateSimilarity(a.sig, b.sig), candidate, jaccard: jaccard(a.hashes, b.hashes) };
  });
}

/** Pair counts at a threshold: on the MinHash estimate behind LSH (what sitrep does), or on the
 * exact Jaccard of the shingle sets (what the estimate estimates). */
function countsAt(scored: Scored[], threshold: number, exact = false): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of scored) {
    const grouped = exact ? s.jaccard >= threshold : s.candidate && s.similarity >= threshold;
    if (grouped && s.label === 'same') c.tp++;
    else if (grouped) c.fp++;
    else if (s.label === 'same') c.fn++;
  }
  return c;
}

export const evaluator: Evaluator = {
  task: 'stories',
  description: 'story grouping (MinHash/LSH) precision and recall on labelled near-duplicate and different-story pairs',
  defaultData: ['data/dedup/pairs.jsonl'],
  async run({ data }) {
    const pairs = parseJsonl<Pair>(await readFile(data, 'utf8'));
    const articles = parseJsonl<{ id: string; text: string }>(await readFile(join(dirname(data), 'articles.jsonl'), 'utf8'));
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const scored = score(pairs, texts, SHINGLE_WORDS);

    const at = prf(countsAt(scored, STORY_THRESHOLD));
    const rows: (string | number)[][] = [['threshold', 'precision', 'recall', 'f1', 'tp', 'fp', 'fn']];
    const sweep: Record<string, unknown>[] = [];
    for (let t = 0.1; t < 0.951; t += 0.025) {
      const threshold = Math.round(t * 1000) / 1000;
      const c = countsAt(scored, threshold);
      const r = prf(c);
      sweep.push({ threshold, ...r, ...c });
      rows.push([threshold.toFixed(3) + (threshold === STORY_THRESHOLD ? ' *' : ''), r.precision, r.recall, r.f1, c.tp, c.fp, c.fn]);
    }

    const kinds = [...new Set(scored.map((s) => s.kind))];
    const byKind: Record<string, unknown> = {};
    const kindRows: (string | number)[][] = [['pair kind', 'label', 'pairs', 'grouped', 'min sim', 'mean sim', 'max sim']];
    for (const kind of kinds) {
      const ss = scored.filter((s) => s.kind === kind);
      const grouped = ss.filter((s) => s.candidate && s.similarity >= STORY_THRESHOLD).length;
      const sims = ss.map((s) => s.similarity);
      const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
      byKind[kind] = { label: ss[0].label, pairs: ss.length, grouped, min: Math.min(...sims), mean, max: Math.max(...sims) };
      kindRows.push([kind, ss[0].label, ss.length, grouped, Math.min(...sims), mean, Math.max(...sims)]);
    }

    const shingleRows: (string | number)[][] = [['shingle words', 'best threshold', 'precision', 'recall', 'f1', 'lowest same', 'highest different']];
    for (const k of [2, 3, 4, 5, 6]) {
      const s = k === SHINGLE_WORDS ? scored : score(pairs, texts, k);
      let best = { t: 0, f1: -1, p: 0, r: 0 };
      for (let t = 0.05; t < 0.951; t += 0.025) {
        const r = prf(countsAt(s, t, true));
        if (r.f1 > best.f1) best = { t: Math.round(t * 1000) / 1000, f1: r.f1, p: r.precision, r: r.recall };
      }
      const lowestSame = Math.min(...s.filter((x) => x.label === 'same').map((x) => x.jaccard));
      const highestDifferent = Math.max(...s.filter((x) => x.label === 'different').map((x) => x.jaccard));
      shingleRows.push([String(k) + (k === SHINGLE_WORDS ? ' *' : ''), best.t, best.p, best.r, best.f1, lowestSame, highestDifferent]);
    }

    const errors = [...scored.map((s) => Math.abs(s.similarity - s.jaccard))].sort((a, b) => a - b);
    const hardestDifferent = scored
      .filter((s) => s.label === 'different')
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 5)
      .map((s) => ({ a: s.a, b: s.b, kind: s.kind, similarity: s.similarity }));
    const weakestSame = scored
      .filter((s) => s.label === 'same')
      .sort((a, b) => a.similarity - b.similarity)
      .slice(0, 5)
      .map((s) => ({ a: s.a, b: s.b, kind: s.kind, similarity: s.similarity }));

    const same = scored.filter((s) => s.label === 'same').length;
    return {
      task: 'stories',
      data,
      overall: { ...at, threshold: STORY_THRESHOLD, shingleWords: SHINGLE_WORDS, samePairs: same, differentPairs: scored.length - same },
      details: {
        sweep,
        byKind,
        hardestDifferent,
        weakestSame,
        estimateError: { median: errors[Math.floor(errors.length / 2)], p95: errors[Math.floor(errors.length * 0.95)], max: errors[errors.length - 1] },
      },
      table: [
        `threshold ${STORY_THRESHOLD}, ${SHINGLE_WORDS}-word shingles, LSH candidates only: precision ${at.precision.toFixed(4)} recall ${at.recall.toFixed(4)} f1 ${at.f1.toFixed(4)}`,
        `${same} same-story pairs, ${scored.length - same} different-story pairs`,
        '',
        formatTable(rows),
        '',
        formatTable(kindRows),
        '',
        'exact Jaccard of shingle sets, best threshold per shingle size (without LSH):',
        formatTable(shingleRows),
        '',
        `MinHash estimate vs exact Jaccard: median error ${errors[Math.floor(errors.length / 2)].toFixed(4)}, 95th percentile ${errors[Math.floor(errors.length * 0.95)].toFixed(4)}`,
      ].join('\n'),
    };
  },
};
