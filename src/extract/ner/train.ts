import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConll } from './conll.js';
import type { ConllDocument } from './conll.js';
import { FeatureTagger, NL, commonWordHashes } from './features.js';
import { Gazetteer } from './gazetteer.js';
import type { GazetteerLists } from './gazetteer.js';
import { NerModel } from './model.js';
import { AveragedPerceptron, evaluateModel, seededRandom, shuffle, toTrainingDocs, trainEpoch } from './perceptron.js';
import { DEFAULT_MODEL, packageRoot } from './paths.js';

/**
 * Trains the name tagger. The number of epochs and the pruning threshold are chosen on a
 * held-out slice of the training documents (never on a test set); the final model is then
 * trained on all training documents with those settings. Everything random is seeded.
 */

export interface TrainOptions {
  lists: GazetteerLists;
  seed?: number;
  /** fixed number of epochs: skips the held-out selection */
  epochs?: number;
  maxEpochs?: number;
  /** share of training documents held out to choose epochs and pruning */
  heldOut?: number;
  /** candidate pruning thresholds, relative to the largest weight */
  pruneCandidates?: number[];
  /** largest held-out F1 loss accepted for a smaller model */
  pruneTolerance?: number;
  /** number of perceptrons averaged in the final model */
  bag?: number;
  log?: (line: string) => void;
}

export interface TrainResult {
  model: NerModel;
  epochs: number;
  prune: number;
  /** held-out F1 after each epoch of the selection run */
  heldOutF1: number[];
  seconds: number;
}

export function trainNer(docs: ConllDocument[], options: TrainOptions): TrainResult {
  const t0 = performance.now();
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const gazetteer = new Gazetteer(options.lists, commonWordHashes(docs.flatMap((d) => d.sentences)));
  const all = toTrainingDocs(docs);
  const pruneCandidates = options.pruneCandidates ?? [0];
  const tolerance = options.pruneTolerance ?? 0.001;
  let epochs = options.epochs ?? 0;
  let prune = pruneCandidates[0];
  const heldOutF1: number[] = [];

  if (!options.epochs) {
    const split = shuffle(
      docs.map((_, i) => i),
      seededRandom(seed),
    );
    const nHeld = Math.max(1, Math.round(docs.length * (options.heldOut ?? 0.1)));
    const held = split.slice(0, nHeld).map((i) => docs[i]);
    const rest = split.slice(nHeld).map((i) => all[i]);
    const p = new AveragedPerceptron();
    const tagger = new FeatureTagger(gazetteer);
    const random = seededRandom(seed + 1);
    let best = -1;
    for (let e = 1; e <= (options.maxEpochs ?? 12); e++) {
      trainEpoch(p, tagger, rest, random);
      const f1 = evaluateModel(p.toModel(gazetteer), held).overall.f1;
      heldOutF1.push(f1);
      log(`selection epoch ${e}: held-out F1 ${f1.toFixed(4)} (${p.index.size} feature rows, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      if (f1 > best) {
        best = f1;
        epochs = e;
        // the smallest model within tolerance, measured after quantisation as it will ship
        prune = pruneCandidates[0];
        for (const cand of pruneCandidates) {
          const m = NerModel.deserialise(p.toModel(gazetteer, {}, cand).serialise());
          const pf = evaluateModel(m, held).overall.f1;
          log(`  prune ${cand}: ${m.rows} rows, held-out F1 ${pf.toFixed(4)}`);
          if (pf >= f1 - tolerance) prune = cand;
        }
      } else if (e - epochs >= 2) break;
    }
    log(`chosen: ${epochs} epochs, prune ${prune}`);
  }

  // several perceptrons over different orders of the same data, their weights averaged: a
  // cheap ensemble that smooths the order-dependence of online learning
  const bag = options.bag ?? 1;
  const models: NerModel[] = [];
  for (let b = 0; b < bag; b++) {
    const p = new AveragedPerceptron();
    const tagger = new FeatureTagger(gazetteer);
    const random = seededRandom(seed + 2 + b);
    for (let e = 1; e <= epochs; e++) {
      trainEpoch(p, tagger, all, random);
      log(`final ${b + 1}/${bag} epoch ${e} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    models.push(p.toModel(gazetteer, {}, prune));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { model: averageModels(models), epochs, prune, heldOutF1, seconds };
}

function averageModels(models: NerModel[]): NerModel {
  if (models.length === 1) return models[0];
  const sum = new Map<number, Float32Array>();
  for (const m of models) {
    const keys = m.keys();
    for (let r = 0; r < keys.length; r++) {
      let row = sum.get(keys[r]);
      if (!row) sum.set(keys[r], (row = new Float32Array(NL)));
      for (let l = 0; l < NL; l++) row[l] += m.weights[r * NL + l] / models.length;
    }
  }
  const keys = new Uint32Array(sum.size);
  const weights = new Float32Array(sum.size * NL);
  let r = 0;
  for (const [k, row] of sum) {
    keys[r] = k;
    weights.set(row, r * NL);
    r++;
  }
  return new NerModel(keys, weights, models[0].gazetteer, models[0].meta);
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const root = packageRoot();
  const data = resolve(root, arg('data', '../shared/bench/ner/eng.train')!);
  const out = resolve(root, arg('out', DEFAULT_MODEL)!);
  const seed = Number(arg('seed', '1'));
  const epochs = arg('epochs') ? Number(arg('epochs')) : undefined;
  const { buildGazetteerLists } = await import('./gazetteer-build.js');
  const lists = buildGazetteerLists({
    actorsDir: process.argv.includes('--no-actors') ? undefined : resolve(root, 'data/actors'),
    // off by default: on held-out data it was a tie (seed 2) or a gain within noise (seed 1), and
    // a tie goes to the model that needs fewer inputs
    admin1File: process.argv.includes('--admin1') ? resolve(root, '../shared/gazetteer/geonames/admin1CodesASCII.txt') : undefined,
  });
  const docs = parseConll(readFileSync(data, 'utf8'));
  const log = (s: string): void => void process.stderr.write(s + '\n');
  log(`training on ${data}: ${docs.length} documents; lists: ${Object.entries(lists).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
  const result = trainNer(docs, { lists, seed, epochs, bag: Number(arg('bag', '1')), pruneCandidates: [0, 0.001, 0.002, 0.003, 0.004, 0.006], log });
  const training = {
    data: 'CoNLL-2003 English eng.train (Reuters RCV1; Tjong Kim Sang & De Meulder 2003), research terms: the model ships, the data does not',
    documents: docs.length,
    sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
    date: new Date().toISOString().slice(0, 10),
    seed,
    epochs: result.epochs,
    prune: result.prune,
    heldOutF1: result.heldOutF1.map((f) => Number(f.toFixed(4))),
    seconds: Math.round(result.seconds),
    rows: result.model.rows,
    gazetteer: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
  };
  const model = result.model.withTraining(training);
  const bytes = model.save(out);
  log(`wrote ${out}: ${(bytes / 1e6).toFixed(2)} MB, ${model.rows} rows, ${result.seconds.toFixed(0)} s`);
  const dev = arg('measure');
  const report: Record<string, unknown> = { ...training, bytes };
  if (dev) {
    // measurement only: nothing above looked at this file
    const loaded = NerModel.load(out);
    const r = evaluateModel(loaded, parseConll(readFileSync(resolve(root, dev), 'utf8')));
    log(`${dev}: P ${r.overall.precision.toFixed(4)} R ${r.overall.recall.toFixed(4)} F1 ${r.overall.f1.toFixed(4)}`);
    for (const [t, s] of Object.entries(r.types)) log(`  ${t}: P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}`);
    report.measured = { data: dev, f1: Number(r.overall.f1.toFixed(4)), types: Object.fromEntries(Object.entries(r.types).map(([t, s]) => [t, Number(s.f1.toFixed(4))])) };
  }
  writeFileSync(out.replace(/\.bin\.gz$/, '') + '.json', JSON.stringify(report, null, 2) + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`train:ner: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
