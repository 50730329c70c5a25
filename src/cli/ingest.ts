import type { Command } from 'commander';
import type { PutStatus, Store, StoreCounts } from '../store/store.js';

// Only commander and types at load time: the readers, the pipeline and the store are imported
// inside the action so `sitrep --help` stays fast.

export interface IngestOptions {
  db?: string;
  published?: string;
  maxBytes?: number;
  json?: boolean;
  /** no per-document lines or bar (the demo prints its own report) */
  quiet?: boolean;
}

export interface IngestFailure {
  input: string;
  reason: string;
}

export interface IngestSummary {
  db: string;
  /** documents read (stored, duplicate or failed after reading) */
  documents: number;
  new: number;
  storyDuplicates: number;
  duplicates: number;
  failed: IngestFailure[];
  seconds: number;
  docsPerSecond: number;
  totals: StoreCounts;
}

export function parseCount(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive whole number, got "${value}"`);
  return n;
}

function shortTitle(title: string | null, width = 60): string {
  if (!title) return '(no title)';
  return title.length <= width ? title : title.slice(0, width - 1) + '…';
}

/** A progress bar on a terminal; one plain line per document otherwise. Both on stderr. */
interface Progress {
  update(done: number, line: string, status: string): void;
  grow(total: number): void;
  stop(): void;
}

async function progressFor(total: number, quiet: boolean): Promise<Progress> {
  const err = process.stderr;
  if (quiet) return { update() {}, grow() {}, stop() {} };
  if (!err.isTTY) {
    return {
      update: (done, line) => err.write(`[${done}/${Math.max(done, total)}] ${line}\n`),
      grow() {},
      stop() {},
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: err,
      format: 'ingest [{bar}] {value}/{total} | {speed} docs/s | ETA {eta_formatted} | {status}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let size = Math.max(total, 1);
  bar.start(size, 0, { speed: '0.0', status: '' });
  // Ctrl-C: give the terminal its cursor back. A transaction left open is never committed, so
  // the database keeps every document stored so far and nothing of the one being written.
  const interrupted = () => {
    bar.stop();
    process.stderr.write('sitrep ingest: interrupted\n');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  return {
    update(done, _line, status) {
      if (done > size) {
        size = done;
        bar.setTotal(size);
      }
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { speed: (done / Math.max(seconds, 1e-3)).toFixed(1), status: status.slice(0, 40) });
    },
    grow(n) {
      if (n > size) {
        size = n;
        bar.setTotal(size);
      }
    },
    stop: () => {
      process.removeListener('SIGINT', interrupted);
      bar.stop();
    },
  };
}

const LABEL: Record<PutStatus, string> = { new: 'new      ', 'story-duplicate': 'story-dup', duplicate: 'duplicate' };

/**
 * Reads every input, extracts, and stores each document in its own transaction. A failing input
 * is recorded with its reason and never stops the others.
 */
export async function runIngest(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const [{ openStore, defaultDbLocation }, { expandInputs, readInputs, SUPPORTED_FILE_EXTENSIONS }, { extract }] = await Promise.all([
    import('../store/index.js'),
    import('../ingest/index.js'),
    import('../extract/pipeline.js'),
  ]);
  const db = options.db ?? defaultDbLocation();
  const store: Store = await openStore(db);
  const started = performance.now();
  const summary: IngestSummary = { db, documents: 0, new: 0, storyDuplicates: 0, duplicates: 0, failed: [], seconds: 0, docsPerSecond: 0, totals: await store.counts() };
  let progress: Progress | null = null;
  try {
    let total = inputs.length;
    try {
      total = (await expandInputs(inputs)).length;
    } catch {
      // The reader reports a missing or unreadable input by name below; the count is only for the bar.
    }
    progress = await progressFor(total, options.quiet ?? false);
    let done = 0;
    for await (const item of readInputs(inputs, { published: options.published, maxBytes: options.maxBytes })) {
      done++;
      if (!item.doc) {
        const reason = item.error ?? 'unreadable';
        summary.failed.push({ input: item.input, reason });
        progress.update(done, `failed    ${item.input}: ${reason}`, `failed: ${item.input}`);
        continue;
      }
      const doc = item.doc;
      summary.documents++;
      try {
        // An exact duplicate needs no extraction: only its origin may be new.
        let extraction = null;
        if (!(await store.exists(doc.id))) {
          try {
            extraction = extract(doc);
          } catch (error) {
            throw new Error(`extraction failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
        }
        const result = await store.put(doc, extraction);
        if (result.status === 'new') summary.new++;
        else if (result.status === 'story-duplicate') summary.storyDuplicates++;
        else summary.duplicates++;
        progress.update(done, `${LABEL[result.status]} ${doc.id.slice(0, 12)}  ${shortTitle(doc.title)}  (${item.input})${item.warning ? ` warning: ${item.warning}` : ''}`, shortTitle(doc.title, 40));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        summary.failed.push({ input: item.input, reason });
        progress.update(done, `failed    ${item.input}: ${reason}`, `failed: ${item.input}`);
      }
    }
    if (done === 0) summary.failed.push({ input: inputs.join(' '), reason: `no articles found (folders are searched for ${SUPPORTED_FILE_EXTENSIONS.join(' ')})` });
  } finally {
    progress?.stop();
    summary.seconds = (performance.now() - started) / 1000;
    summary.docsPerSecond = summary.documents / Math.max(summary.seconds, 1e-6);
    try {
      summary.totals = await store.counts();
    } finally {
      await store.close();
    }
  }
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Read ${s.documents} document${s.documents === 1 ? '' : 's'} in ${s.seconds.toFixed(1)} s (${s.docsPerSecond.toFixed(1)} docs/s) into ${s.db}`,
    `  new                ${s.new}`,
    `  story duplicates   ${s.storyDuplicates}  (new documents grouped into a story already stored)`,
    `  exact duplicates   ${s.duplicates}  (already stored; only new origins added)`,
    `  failed             ${s.failed.length}`,
  ];
  for (const f of s.failed) lines.push(`    ${f.input}: ${f.reason}`);
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  lines.push(`${s.db} holds ${n(s.totals.documents, 'document', 'documents')} in ${n(s.totals.stories, 'story', 'stories')}, ${n(s.totals.events, 'event', 'events')}, ${n(s.totals.statements, 'statement', 'statements')}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('Read articles, extract what they report and store them: files, folders (recursive), URLs and RSS/Atom feeds')
    .argument('<inputs...>', 'files (.txt .md .html .json .jsonl; feeds as .xml .rss .atom), folders (recursive), http(s) URLs of articles or feeds')
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)')
    .option('--published <date>', 'publication date for inputs that carry none (ISO 8601: 2025, 2025-06, 2025-06-06)')
    .option('--max-bytes <n>', 'largest input to read, in bytes (default 20 MB)', parseCount)
    .option('--json', 'print the summary as one JSON object on stdout')
    .addHelpText('after', '\nExit status is 1 when any input failed; the others are stored all the same.\nExample: sitrep ingest examples/ --db /tmp/sitrep.db')
    .action(async (inputs: string[], options: IngestOptions) => {
      const summary = await runIngest(inputs, options);
      process.stdout.write(options.json ? JSON.stringify(summary) + '\n' : formatSummary(summary));
      if (summary.failed.length > 0) {
        process.stderr.write(`sitrep ingest: ${summary.failed.length} input${summary.failed.length === 1 ? '' : 's'} failed: ${summary.failed.map((f) => f.input).join(', ')}\n`);
        process.exitCode = 1;
      }
    });
}
