/**
 * `npm run bench [-- --quick] [-- --json]`: sitrep's throughput, memory, start-up and storage
 * figures, with peer libraries measured in the same run on the same corpus and printed as ratios.
 * Each measurement runs in its own process (see measure.ts) so no library's heap or JIT state
 * colours another's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBenchCorpus, scaledCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');

/** `--name value` from the command line, or undefined. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * End-to-end `sitrep ingest` runs (reading, extraction, storage), by number of articles; the
 * queries are timed on the largest. The full run ingests 10k and 100k articles for real (about
 * 15 minutes here). `--fill N` instead fills a database of N articles by fill.ts (stored
 * extraction reused across copies) when N is larger than the largest ingest, e.g.
 * `--sizes 10000 --fill 100000` for a shorter run. The quick run ingests 2,000: with fewer, each
 * worker's model loading (about 1.5 s of CPU) is most of what the figure measures.
 */
const ingestSizes = (option('--sizes') ?? (quick ? '2000' : '10000,100000')).split(',').map(Number).filter((n) => n > 0);
const fillSize = Number(option('--fill') ?? 0);
const fillPool = Number(option('--pool') ?? 2000);

function log(line: string): void {
  process.stderr.write(line + '\n');
}

interface Measured {
  name: string;
  mbps: number;
  cpuMBps: number;
  articlesPerS: number;
  maxRssMB: number;
  loadMs: number;
  bytes: number;
  articles: number;
  stages?: Record<string, { seconds: number; mbps: number; share: number }>;
}

function measure(name: string, steady = false): Measured {
  const args = [join(here, 'measure.js'), name, ...(steady ? ['--steady'] : quick ? ['--quick'] : [])];
  const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measured;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function startupMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < (quick ? 5 : 10); i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

async function writeJsonl(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (const a of scaledCorpus(loadBenchCorpus(), count)) {
    if (!out.write(JSON.stringify({ id: a.id, text: a.text, published: a.published }) + '\n')) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

interface IngestFigures {
  articles: number;
  /** wall time of the whole `sitrep ingest` process */
  seconds: number;
  articlesPerS: number;
  /** the rate `sitrep ingest --json` reports for itself */
  reportedArticlesPerS?: number;
  eventsP50Ms?: number;
  eventsP95Ms?: number;
  searchP50Ms?: number;
  searchP95Ms?: number;
}

async function ingest(count: number, dir: string): Promise<IngestFigures & { db: string }> {
  const input = join(dir, `scale-${count}.jsonl`);
  await writeJsonl(input, count);
  const db = join(dir, `ingest-${count}.db`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'ingest', input, '--db', db, '--json', '--max-bytes', String(2 ** 31)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(input, { force: true });
  if (r.status !== 0) throw new Error(`bench: ingest of ${count} articles failed: ${r.stderr.slice(-2000)}`);
  // the command's own clock starts after start-up and opening the store, and includes loading models
  const summary = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { docsPerSecond?: number };
  return { db, articles: count, seconds, articlesPerS: count / seconds, reportedArticlesPerS: summary.docsPerSecond };
}

interface FillFigures {
  articles: number;
  pool: number;
  extractSeconds: number;
  seconds: number;
  putArticlesPerS: number;
  maxRssMB: number;
}

function fill(count: number, pool: number, db: string): FillFigures {
  const out = execFileSync(process.execPath, [join(here, 'fill.js'), db, String(count), String(pool)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as FillFigures;
}

async function queryLatency(db: string): Promise<Partial<IngestFigures>> {
  const { openStore } = await import('../src/store/index.js');
  const store = await openStore(db);
  try {
    const countries = ['ML', 'BF', 'NE', 'US', 'NG', 'FR', 'RU', 'SY'];
    const types = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Protests', 'Strategic developments'];
    const words = ['attack', 'election', 'president', 'soldiers', 'Mali', 'virus', 'police', 'campaign', 'killed', 'market', 'governor "health care"', 'fire NEAR(', 'tax*'];
    const events: number[] = [];
    const search: number[] = [];
    const n = quick ? 40 : 200;
    for (let i = 0; i < n; i++) {
      let t0 = performance.now();
      await store.listEvents({ country: countries[i % countries.length], type: i % 2 ? types[i % types.length] : undefined, from: '2024-01-01', to: '2024-12-31', limit: 50 });
      events.push(performance.now() - t0);
      t0 = performance.now();
      await store.listDocuments({ search: words[i % words.length], limit: 20 });
      search.push(performance.now() - t0);
    }
    return {
      eventsP50Ms: percentile(events, 50),
      eventsP95Ms: percentile(events, 95),
      searchP50Ms: percentile(search, 50),
      searchP95Ms: percentile(search, 95),
    };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  log(`bench: ${quick ? 'quick' : 'full'} run on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  const measured: Record<string, Measured> = {};
  for (const name of ['regex', 'sitrep', 'chrono', 'wink', 'compromise']) {
    log(`bench: measuring ${name}...`);
    measured[name] = measure(name);
    log(`  ${name}: ${measured[name].mbps.toFixed(2)} MB/s (${measured[name].cpuMBps.toFixed(2)} MB/s of CPU), ${measured[name].articlesPerS.toFixed(0)} articles/s, max RSS ${measured[name].maxRssMB.toFixed(0)} MB`);
  }
  // sitrep and wink-nlp again after 3.4 MB of other articles: the sustained rate of a long ingest
  const steady: Record<string, Measured> = {};
  for (const name of ['sitrep', 'wink']) {
    log(`bench: measuring ${name} in steady state...`);
    steady[name] = measure(name, true);
    log(`  ${name}: ${steady[name].mbps.toFixed(2)} MB/s (${steady[name].cpuMBps.toFixed(2)} MB/s of CPU) after the warm-up`);
  }
  log('bench: start-up...');
  const helpMs = startupMs([cli, '--help']);
  const nodeMs = startupMs(['-e', '0']);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const ingestRuns: IngestFigures[] = [];
  let fillFigures: FillFigures | null = null;
  let queries: Partial<IngestFigures> = {};
  let queryDbArticles = 0;
  try {
    let queryDb = '';
    for (const size of ingestSizes) {
      log(`bench: sitrep ingest of ${size} articles...`);
      const run = await ingest(size, dir);
      ingestRuns.push({ articles: run.articles, seconds: run.seconds, articlesPerS: run.articlesPerS, reportedArticlesPerS: run.reportedArticlesPerS });
      log(`  ${run.articlesPerS.toFixed(1)} articles/s (${run.seconds.toFixed(0)} s)`);
      if (run.articles >= queryDbArticles) {
        if (queryDb) rmSync(queryDb, { force: true });
        queryDb = run.db;
        queryDbArticles = run.articles;
      } else rmSync(run.db, { force: true });
    }
    if (fillSize > queryDbArticles) {
      log(`bench: filling a store with ${fillSize} articles (extraction of ${Math.min(fillPool, fillSize)} reused)...`);
      if (queryDb) rmSync(queryDb, { force: true });
      queryDb = join(dir, `fill-${fillSize}.db`);
      fillFigures = fill(fillSize, fillPool, queryDb);
      queryDbArticles = fillSize;
      log(`  ${fillFigures.putArticlesPerS.toFixed(1)} documents stored/s`);
    }
    log(`bench: queries on the ${queryDbArticles}-article database...`);
    queries = await queryLatency(queryDb);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const largest = ingestRuns.reduce((a, b) => (b.articles > a.articles ? b : a));
  const s = measured.sitrep;
  const result = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: loadAtStart, loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
    corpus: { articles: s.articles, bytes: s.bytes },
    extractMBps: s.mbps,
    extractArticlesPerS: s.articlesPerS,
    extractCpuMBps: s.cpuMBps,
    extractSteadyMBps: steady.sitrep.mbps,
    extractSteadyCpuMBps: steady.sitrep.cpuMBps,
    winkSteadyMBps: steady.wink.mbps,
    steadyStages: steady.sitrep.stages,
    regexCpuMBps: measured.regex.cpuMBps,
    chronoCpuMBps: measured.chrono.cpuMBps,
    winkCpuMBps: measured.wink.cpuMBps,
    compromiseCpuMBps: measured.compromise.cpuMBps,
    regexMBps: measured.regex.mbps,
    chronoMBps: measured.chrono.mbps,
    winkMBps: measured.wink.mbps,
    compromiseMBps: measured.compromise.mbps,
    ratios: {
      sitrepOverRegex: s.mbps / measured.regex.mbps,
      sitrepOverChrono: s.mbps / measured.chrono.mbps,
      sitrepOverWink: s.mbps / measured.wink.mbps,
      sitrepOverCompromise: s.mbps / measured.compromise.mbps,
    },
    stages: s.stages,
    peakRssMB: s.maxRssMB,
    modelLoadMs: s.loadMs,
    helpStartupMs: helpMs,
    nodeStartupMs: nodeMs,
    ingest: ingestRuns,
    ingestArticlesPerS: largest.articlesPerS,
    fill: fillFigures,
    queryDbArticles,
    eventsP50Ms: queries.eventsP50Ms,
    eventsP95Ms: queries.eventsP95Ms,
    searchP50Ms: queries.searchP50Ms,
    searchP95Ms: queries.searchP95Ms,
  };
  const results = join(root, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const body = JSON.stringify(result, null, 2) + '\n';
  writeFileSync(join(results, `${result.mode}-latest.json`), body);
  writeFileSync(join(results, `${result.mode}-${result.date.slice(0, 16).replace(/[:T]/g, '-')}.json`), body);
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const rows: [string, string][] = [
    ['extraction (all stages)', `${s.mbps.toFixed(2)} MB/s wall, ${s.cpuMBps.toFixed(2)} MB/s of CPU, ${s.articlesPerS.toFixed(0)} articles/s`],
    ['extraction, steady state', `${steady.sitrep.mbps.toFixed(2)} MB/s wall, ${steady.sitrep.cpuMBps.toFixed(2)} MB/s of CPU (wink-nlp ${steady.wink.mbps.toFixed(2)} MB/s; sitrep = ${(steady.sitrep.mbps / steady.wink.mbps).toFixed(2)}x)`],
    ['regex tokenizer pass', `${measured.regex.mbps.toFixed(1)} MB/s (sitrep = ${result.ratios.sitrepOverRegex.toFixed(3)}x)`],
    ['chrono-node alone', `${measured.chrono.mbps.toFixed(2)} MB/s (sitrep = ${result.ratios.sitrepOverChrono.toFixed(2)}x)`],
    ['wink-nlp + English model', `${measured.wink.mbps.toFixed(2)} MB/s (sitrep = ${result.ratios.sitrepOverWink.toFixed(2)}x)`],
    ['compromise people/places/orgs', `${measured.compromise.mbps.toFixed(3)} MB/s (sitrep = ${result.ratios.sitrepOverCompromise.toFixed(1)}x)`],
    ['peak RSS, extraction', `${s.maxRssMB.toFixed(0)} MB`],
    ['sitrep --help', `${helpMs.toFixed(0)} ms (node -e 0: ${nodeMs.toFixed(0)} ms)`],
    ...ingestRuns.map((r): [string, string] => [`ingest ${r.articles} articles`, `${r.articlesPerS.toFixed(0)} articles/s`]),
    ...(fillFigures ? [[`store fill ${fillFigures.articles}`, `${fillFigures.putArticlesPerS.toFixed(0)} documents/s (extraction reused)`] as [string, string]] : []),
    [`event list p50/p95 (${queryDbArticles})`, `${queries.eventsP50Ms?.toFixed(1)} / ${queries.eventsP95Ms?.toFixed(1)} ms`],
    [`document search p50/p95 (${queryDbArticles})`, `${queries.searchP50Ms?.toFixed(1)} / ${queries.searchP95Ms?.toFixed(1)} ms`],
  ];
  process.stdout.write(rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join('\n') + '\n');
  if (s.stages) {
    process.stdout.write('\nper stage:\n');
    for (const [name, st] of Object.entries(s.stages)) process.stdout.write(`  ${name.padEnd(12)} ${(st.share * 100).toFixed(1).padStart(5)}%  ${st.mbps.toFixed(1)} MB/s\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
