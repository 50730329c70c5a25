/**
 * `npm run bench [-- --quick] [-- --json]`: sitrep's throughput, memory, start-up and storage
 * figures, with peer libraries measured in the same run on the same corpus and printed as ratios.
 * Each measurement runs in its own process (see measure.ts) so no library's heap or JIT state
 * colours another's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBenchCorpus, scaledCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const quick = process.argv.includes('--quick');
const json = process.argv.includes('--json');

function log(line: string): void {
  process.stderr.write(line + '\n');
}

interface Measured {
  name: string;
  mbps: number;
  articlesPerS: number;
  maxRssMB: number;
  loadMs: number;
  bytes: number;
  articles: number;
  stages?: Record<string, { seconds: number; mbps: number; share: number }>;
}

function measure(name: string): Measured {
  const args = [join(here, 'measure.js'), name, ...(quick ? ['--quick'] : [])];
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
  seconds: number;
  articlesPerS: number;
  eventsP50Ms?: number;
  eventsP95Ms?: number;
  searchP50Ms?: number;
  searchP95Ms?: number;
}

async function ingest(count: number, queries: boolean): Promise<IngestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const input = join(dir, `scale-${count}.jsonl`);
    await writeJsonl(input, count);
    const db = join(dir, 'bench.db');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'ingest', input, '--db', db], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`bench: ingest of ${count} articles failed: ${r.stderr.slice(-2000)}`);
    const figures: IngestFigures = { articles: count, seconds, articlesPerS: count / seconds };
    if (queries) Object.assign(figures, await queryLatency(db));
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  log(`bench: ${quick ? 'quick' : 'full'} run on ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  const measured: Record<string, Measured> = {};
  for (const name of ['regex', 'sitrep', 'chrono', 'wink', 'compromise']) {
    log(`bench: measuring ${name}...`);
    measured[name] = measure(name);
    log(`  ${name}: ${measured[name].mbps.toFixed(2)} MB/s, ${measured[name].articlesPerS.toFixed(0)} articles/s, max RSS ${measured[name].maxRssMB.toFixed(0)} MB`);
  }
  log('bench: start-up...');
  const helpMs = startupMs([cli, '--help']);
  const nodeMs = startupMs(['-e', '0']);
  const sizes = quick ? [2_000] : [10_000, 100_000];
  const ingestRuns: IngestFigures[] = [];
  for (const [i, size] of sizes.entries()) {
    log(`bench: ingest of ${size} articles...`);
    ingestRuns.push(await ingest(size, i === sizes.length - 1));
    log(`  ${ingestRuns[i].articlesPerS.toFixed(0)} articles/s`);
  }
  const largest = ingestRuns[ingestRuns.length - 1];
  const s = measured.sitrep;
  const result = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    corpus: { articles: s.articles, bytes: s.bytes },
    extractMBps: s.mbps,
    extractArticlesPerS: s.articlesPerS,
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
    eventsP50Ms: largest.eventsP50Ms,
    eventsP95Ms: largest.eventsP95Ms,
    searchP50Ms: largest.searchP50Ms,
    searchP95Ms: largest.searchP95Ms,
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', `${quick ? 'quick' : 'full'}-latest.json`), JSON.stringify(result, null, 2) + '\n');
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const rows: [string, string][] = [
    ['extraction (all stages)', `${s.mbps.toFixed(2)} MB/s, ${s.articlesPerS.toFixed(0)} articles/s`],
    ['regex tokenizer pass', `${measured.regex.mbps.toFixed(1)} MB/s (sitrep = ${result.ratios.sitrepOverRegex.toFixed(3)}x)`],
    ['chrono-node alone', `${measured.chrono.mbps.toFixed(2)} MB/s (sitrep = ${result.ratios.sitrepOverChrono.toFixed(2)}x)`],
    ['wink-nlp + English model', `${measured.wink.mbps.toFixed(2)} MB/s (sitrep = ${result.ratios.sitrepOverWink.toFixed(2)}x)`],
    ['compromise people/places/orgs', `${measured.compromise.mbps.toFixed(3)} MB/s (sitrep = ${result.ratios.sitrepOverCompromise.toFixed(1)}x)`],
    ['peak RSS, extraction', `${s.maxRssMB.toFixed(0)} MB`],
    ['sitrep --help', `${helpMs.toFixed(0)} ms (node -e 0: ${nodeMs.toFixed(0)} ms)`],
    ...ingestRuns.map((r): [string, string] => [`ingest ${r.articles} articles`, `${r.articlesPerS.toFixed(0)} articles/s`]),
    ['event list p50/p95', `${largest.eventsP50Ms?.toFixed(1)} / ${largest.eventsP95Ms?.toFixed(1)} ms`],
    ['document search p50/p95', `${largest.searchP50Ms?.toFixed(1)} / ${largest.searchP95Ms?.toFixed(1)} ms`],
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
