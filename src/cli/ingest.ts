import type { Command } from 'commander';
import type { IngestItem } from '../ingest/index.js';
import type { Document } from '../model.js';
import type { PreparedDocument } from '../store/rows.js';
import type { PutResult, PutStatus, Store, StoreCounts } from '../store/store.js';

// Only commander and types at load time: the readers, the pipeline and the store are imported
// inside the action so `sitrep --help` stays fast.

export interface IngestOptions {
  db?: string;
  published?: string;
  maxBytes?: number;
  json?: boolean;
  /** no per-document lines or bar (the demo prints its own report) */
  quiet?: boolean;
  /** extraction threads (default one per core); 1 extracts in the main thread */
  workers?: number;
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
  // the database keeps every document reported stored and nothing of those being written.
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

/**
 * The most extracted documents stored in one transaction: index pages dirtied by several
 * documents of a transaction are written to the WAL once. CPU of the store alone: 1,000 scale
 * documents 3.9-4.0 s one to a transaction, 2.8-3.0 s sixteen; 2,000 documents 3.47 s sixteen,
 * 3.05 s 64, 2.93 s 256; 10,000 documents 18.1 s 64, 16.7 s 128, 15.1 s 256. A larger batch
 * makes the progress come in larger steps and leaves more for the store alone at the end of a
 * run (about 0.4 s at 256).
 */
const STORE_BATCH = 256;

const LABEL: Record<PutStatus, string> = { new: 'new      ', 'story-duplicate': 'story-dup', duplicate: 'duplicate' };

/** One input read, with its extraction started (or not needed), waiting for its turn to be stored. */
interface Pending {
  /** position in the input order, from 1 (the progress line's count) */
  n: number;
  item: IngestItem;
  /** its extraction as the rows the store writes; null: an exact duplicate, or the same id as a document ahead of it in this run */
  extraction: Promise<PreparedDocument> | null;
}

/**
 * Reads every input, extracts, and stores each document in its own savepoint, up to STORE_BATCH
 * of them to a transaction. A failing input is recorded with its reason and never stops the
 * others. Extraction runs in worker threads (`workers`, default one per core) while the main
 * thread reads ahead; documents are stored, and reported, in input order, so the result is the
 * same whatever the number of workers.
 */
export async function runIngest(inputs: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const [{ openStore, defaultDbLocation }, { expandInputs, readInputs, SUPPORTED_FILE_EXTENSIONS }, { openExtractor, WORKER_BATCH }] = await Promise.all([
    import('../store/index.js'),
    import('../ingest/index.js'),
    import('./ingest-workers.js'),
  ]);
  const db = options.db ?? defaultDbLocation();
  const store: Store = await openStore(db);
  const started = performance.now();
  const summary: IngestSummary = { db, documents: 0, new: 0, storyDuplicates: 0, duplicates: 0, failed: [], seconds: 0, docsPerSecond: 0, totals: await store.counts() };
  let progress: Progress | null = null;
  const extractor = await openExtractor(options.workers);
  try {
    let total = inputs.length;
    try {
      total = (await expandInputs(inputs)).length;
    } catch {
      // The reader reports a missing or unreadable input by name below; the count is only for the bar.
    }
    progress = await progressFor(total, options.quiet ?? false);
    const bar = progress;
    const extractionOf = (doc: Document): Promise<PreparedDocument> =>
      extractor.prepare(doc).catch((error: unknown) => {
        throw new Error(`extraction failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
    // Ids read and not yet stored: a second copy in the same run waits for the first instead of
    // being extracted again, as it would be when the runs are one at a time.
    const ahead = new Map<string, number>();
    const queue: Pending[] = [];
    // Enough read ahead to keep every worker busy while the main thread stores, to let each
    // worker take its documents in batches (WORKER_BATCH) rather than one at a time, and to leave
    // a whole transaction's worth (STORE_BATCH) with the workers while the one before is stored.
    const window = extractor.parallelism > 1 ? Math.max(extractor.parallelism * 2 * WORKER_BATCH, 2 * STORE_BATCH) : 4;

    const settle = (doc: Document): void => {
      const left = (ahead.get(doc.id) ?? 1) - 1;
      if (left > 0) ahead.set(doc.id, left);
      else ahead.delete(doc.id);
    };
    const report = (n: number, item: IngestItem, outcome: PutResult | Error | string): void => {
      if (typeof outcome === 'string' || outcome instanceof Error) {
        const reason = typeof outcome === 'string' ? outcome : outcome.message;
        summary.failed.push({ input: item.input, reason });
        bar.update(n, `failed    ${item.input}: ${reason}`, `failed: ${item.input}`);
        return;
      }
      const doc = item.doc!;
      if (outcome.status === 'new') summary.new++;
      else if (outcome.status === 'story-duplicate') summary.storyDuplicates++;
      else summary.duplicates++;
      bar.update(n, `${LABEL[outcome.status]} ${doc.id.slice(0, 12)}  ${shortTitle(doc.title)}  (${item.input})${item.warning ? ` warning: ${item.warning}` : ''}`, shortTitle(doc.title, 40));
    };
    const failure = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

    /** Stores the document at the head of the queue: unreadable, a copy of one read before it, or extracted. */
    const storeOne = async (): Promise<void> => {
      const { n, item, extraction } = queue.shift()!;
      if (!item.doc) {
        report(n, item, item.error ?? 'unreadable');
        return;
      }
      const doc = item.doc;
      try {
        let rows: PreparedDocument | null = null;
        if (extraction) rows = await extraction;
        // A copy that waited for its first: extracted only if the first one failed.
        else if (!(await store.exists(doc.id))) rows = await extractionOf(doc);
        const [outcome] = rows ? await store.putPrepared([rows]) : [await store.put(doc, null)];
        report(n, item, outcome!);
      } catch (error) {
        report(n, item, failure(error));
      } finally {
        settle(doc);
      }
    };

    /**
     * Stores the extracted documents at the head of the queue, up to STORE_BATCH, in one
     * transaction (store.putMany): a commit per document cost a third of the store's CPU.
     * Results and reports are those of storing them one by one, in the same order.
     */
    const storeNext = async (): Promise<void> => {
      let count = 0;
      while (count < queue.length && count < STORE_BATCH && queue[count]!.item.doc && queue[count]!.extraction) count++;
      if (count <= 1) return storeOne();
      const batch = queue.splice(0, count);
      const extracted = await Promise.allSettled(batch.map((p) => p.extraction!));
      const writes: PreparedDocument[] = [];
      for (const e of extracted) if (e.status === 'fulfilled') writes.push(e.value);
      let stored: (PutResult | Error)[];
      try {
        stored = writes.length > 0 ? await store.putPrepared(writes) : [];
      } catch (error) {
        stored = writes.map(() => failure(error));
      }
      let next = 0;
      for (const [i, { n, item }] of batch.entries()) {
        const e = extracted[i]!;
        report(n, item, e.status === 'fulfilled' ? stored[next++]! : failure(e.reason));
        settle(item.doc!);
      }
    };

    let done = 0;
    try {
      for await (const item of readInputs(inputs, { published: options.published, maxBytes: options.maxBytes })) {
        done++;
        let extraction: Promise<PreparedDocument> | null = null;
        if (item.doc) {
          summary.documents++;
          const doc = item.doc;
          const copies = ahead.get(doc.id) ?? 0;
          ahead.set(doc.id, copies + 1);
          // An exact duplicate needs no extraction: only its origin may be new.
          if (copies === 0) {
            try {
              if (!(await store.exists(doc.id))) extraction = extractionOf(doc);
            } catch (error) {
              extraction = Promise.reject(error instanceof Error ? error : new Error(String(error)));
            }
            // Stored (or reported) in turn below; until then a failure is not unhandled.
            extraction?.catch(() => {});
          }
        }
        queue.push({ n: done, item, extraction });
        while (queue.length >= window) await storeNext();
      }
      while (queue.length > 0) await storeNext();
    } finally {
      // A reader that throws still leaves the documents read before it stored.
      while (queue.length > 0) await storeNext();
    }
    if (done === 0) summary.failed.push({ input: inputs.join(' '), reason: `no articles found (folders are searched for ${SUPPORTED_FILE_EXTENSIONS.join(' ')})` });
  } finally {
    progress?.stop();
    await extractor.close();
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
    .option('--workers <n>', 'extraction threads (default: one per core; 1 extracts in the main thread)', parseCount)
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
