/**
 * One measurement in its own process, so that each library is timed and weighed alone:
 * `node dist/bench/measure.js <regex|chrono|wink|compromise|sitrep> [--quick | --steady]` prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { loadBenchCorpus, type BenchArticle } from './corpus.js';

interface Measured {
  name: string;
  bytes: number;
  articles: number;
  seconds: number;
  mbps: number;
  /** MB per second of this process's CPU time (user + system): the per-core figure, less
   * disturbed than wall time when other processes share the machine */
  cpuMBps: number;
  articlesPerS: number;
  maxRssMB: number;
  loadMs: number;
  stages?: Record<string, { seconds: number; mbps: number; share: number }>;
}

/** Runs one batch of articles: one article at a time for the libraries, a worker's batch for sitrep. */
type Run = (articles: BenchArticle[]) => void;

function batches(articles: BenchArticle[], size: number): BenchArticle[][] {
  const out: BenchArticle[][] = [];
  for (let i = 0; i < articles.length; i += size) out.push(articles.slice(i, i + size));
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRuns(corpus: BenchArticle[], warmup: BenchArticle[], run: Run, batch: number, repeats: number, afterWarmup: () => void): { seconds: number; cpuSeconds: number } {
  // warm-up: let the JIT see the hot paths, on articles the timed runs do not read when there are
  // any, so per-word caches meet the timed text as they would meet the next articles of a stream
  for (const b of batches(warmup.length > 0 ? warmup : corpus.slice(0, 20), batch)) run(b);
  afterWarmup();
  const timed = batches(corpus, batch);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const b of timed) run(b);
    const c = process.cpuUsage(c0);
    times.push((performance.now() - t0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { seconds: median(times), cpuSeconds: median(cpu) };
}

async function setup(name: string): Promise<{ run: Run; batch: number; stageTimes?: Map<string, number> }> {
  switch (name) {
    case 'regex': {
      const word = /[\p{L}\p{M}\d]+|[^\s\p{L}\p{M}\d]/gu;
      let sink = 0;
      return { batch: 1, run: ([a]) => { for (const _ of a.text.matchAll(word)) sink++; if (sink < 0) console.log(sink); } };
    }
    case 'chrono': {
      const chrono = await import('chrono-node');
      return { batch: 1, run: ([a]) => { chrono.parse(a.text, a.published ? new Date(a.published) : new Date('2020-01-01')); } };
    }
    case 'wink': {
      const { default: winkNLP } = await import('wink-nlp');
      const { default: model } = await import('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return { batch: 1, run: ([a]) => { const doc = nlp.readDoc(a.text); doc.entities().out(its.detail); doc.tokens().out(its.pos); } };
    }
    case 'compromise': {
      const { default: nlp } = await import('compromise');
      return { batch: 1, run: ([a]) => { const doc = nlp(a.text); doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array'); } };
    }
    case 'sitrep': {
      // as the CLI runs it (src/cli/jit.ts), set before any stage's code has run
      const { tuneJit } = await import('../src/cli/jit.js');
      tuneJit();
      const { stages } = await import('../src/extract/pipeline.js');
      const { emptyExtraction } = await import('../src/model.js');
      const { documentFromText } = await import('../src/ingest/document.js');
      const { WORKER_BATCH } = await import('../src/cli/ingest-workers.js');
      const stageTimes = new Map<string, number>();
      // stage by stage over a batch, as extractBatch runs in each `sitrep ingest` worker: a stage's
      // tables stay in the CPU cache across the batch (docs/performance.md)
      const run: Run = (articles) => {
        let t = performance.now();
        const docs = articles.map((a) => documentFromText(a.text, a.published));
        let now = performance.now();
        stageTimes.set('document', (stageTimes.get('document') ?? 0) + now - t);
        const results = docs.map(() => emptyExtraction());
        for (const stage of stages) {
          t = now;
          for (let i = 0; i < docs.length; i++) stage.run(docs[i], results[i]);
          now = performance.now();
          stageTimes.set(stage.name, (stageTimes.get(stage.name) ?? 0) + now - t);
        }
      };
      // load models and gazetteers once, outside the timed runs
      run([{ id: 'load', text: 'Malian soldiers clashed with JNIM fighters near Gao on Sunday, the army said.', published: '2024-01-01' }]);
      stageTimes.clear();
      return { run, batch: WORKER_BATCH, stageTimes };
    }
    default:
      throw new Error(`bench: unknown measurement ${name}`);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  const quick = process.argv.includes('--quick');
  // steady state: the quick slice timed after every other article of the corpus (3.4 MB) has gone
  // through, as in a long ingest, where the JIT's compile work and the first fill of the per-word
  // caches are paid once; the text timed is still text the caches have not seen
  const steady = process.argv.includes('--steady');
  let corpus = loadBenchCorpus();
  if (corpus.length === 0) throw new Error('bench: no corpus found under ../shared');
  let warmup: BenchArticle[] = [];
  if (steady) {
    let budget = 2_500_000;
    const timed = corpus.filter((a) => (budget -= a.text.length) > 0);
    warmup = corpus.slice(timed.length);
    corpus = timed;
  } else if (quick || name === 'compromise') {
    // compromise runs at ~0.16 MB/s: a fixed slice keeps its run short; ratios are per MB anyway
    let budget = name === 'compromise' ? 600_000 : 2_500_000;
    const timed = corpus.filter((a) => (budget -= a.text.length) > 0);
    // the same 300 kB of other articles warm up every library
    let warmBudget = 300_000;
    warmup = corpus.slice(timed.length).filter((a) => (warmBudget -= a.text.length) > 0);
    corpus = timed;
  }
  const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const t0 = performance.now();
  const { run, batch, stageTimes } = await setup(name);
  const loadMs = performance.now() - t0;
  // the slow extractors run once over the corpus (minutes on a loaded machine); fast ones take the median of three
  const repeats = quick || name === 'compromise' || name === 'sitrep' ? 1 : 3;
  const { seconds, cpuSeconds } = timeRuns(corpus, warmup, run, batch, repeats, () => stageTimes?.clear());
  const result: Measured = {
    name,
    bytes,
    articles: corpus.length,
    seconds,
    mbps: bytes / 1e6 / seconds,
    cpuMBps: bytes / 1e6 / cpuSeconds,
    articlesPerS: corpus.length / seconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    loadMs,
  };
  if (stageTimes) {
    const total = [...stageTimes.values()].reduce((a, b) => a + b, 0);
    result.stages = {};
    for (const [stage, ms] of stageTimes) {
      const s = ms / 1000 / repeats;
      result.stages[stage] = { seconds: s, mbps: bytes / 1e6 / s, share: ms / total };
    }
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench measure: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
