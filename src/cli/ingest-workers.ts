import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Document, Extraction } from '../model.js';
import type { PreparedDocument } from '../store/rows.js';

// Extraction is pure CPU work on one document, so `sitrep ingest` spreads it over worker threads
// while the main thread keeps reading inputs and is the only writer of the store
// (docs/ARCHITECTURE.md). This module is both the pool (main thread) and the worker's entry:
// the worker loads this same file with a marker in workerData, so there is one file to build and
// to find whether it runs from dist/ (JavaScript) or from the sources under vitest (TypeScript).

const ROLE = 'sitrep-extract-worker';

interface Job {
  id: number;
  doc: Document;
  /** reply with the rows the store writes (store/rows.ts) rather than the extraction */
  prepare: boolean;
}
type Reply = { id: number; extraction: Extraction } | { id: number; prepared: PreparedDocument } | { id: number; error: string };

/** Extracts documents, one at a time or several at once; results come back per document. */
export interface Extractor {
  extract(doc: Document): Promise<Extraction>;
  /**
   * The document's extraction made into the rows the store writes, in the same thread as the
   * extraction: the thread that writes the store is then left with the writes alone.
   */
  prepare(doc: Document): Promise<PreparedDocument>;
  /** how many documents may usefully be in flight at once */
  readonly parallelism: number;
  close(): Promise<void>;
}

/** The number of workers `sitrep ingest` uses when not told: one per core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Extraction in this thread (`--workers 1`, and a single document): no thread, no copying. */
export async function inProcessExtractor(): Promise<Extractor> {
  const [{ extract }, { prepareDocument }] = await Promise.all([import('../extract/pipeline.js'), import('../store/rows.js')]);
  return {
    parallelism: 1,
    extract: async (doc) => extract(doc),
    prepare: async (doc) => prepareDocument(doc, extract(doc)),
    close: async () => {},
  };
}

interface Slot {
  worker: Worker;
  /** jobs sent to this worker and not answered yet, by id */
  jobs: Map<number, { resolve(x: Extraction | PreparedDocument): void; reject(e: Error): void }>;
  dead: boolean;
}

/**
 * A pool of `size` extraction workers. Workers start on demand (a run of one document starts
 * one), each loads the models once, and a job goes to the worker with the fewest in flight. A
 * worker that dies fails only its own jobs and is replaced on the next job.
 */
export function workerExtractor(size: number): Extractor {
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  const here = import.meta.url;

  function spawn(): Slot {
    const options = { workerData: { role: ROLE } };
    // From the sources (vitest, tsx) the worker registers the TypeScript loader before loading this
    // file; a worker cannot take `--import` in its execArgv on Node 20.
    const worker = here.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(here)}); })`, { ...options, eval: true })
      : new Worker(fileURLToPath(here), options);
    const slot: Slot = { worker, jobs: new Map(), dead: false };
    const fail = (error: Error) => {
      if (slot.dead) return;
      slot.dead = true;
      for (const job of slot.jobs.values()) job.reject(error);
      slot.jobs.clear();
    };
    worker.on('message', (reply: Reply) => {
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if ('error' in reply) job.reject(new Error(reply.error));
      else job.resolve('prepared' in reply ? reply.prepared : reply.extraction);
    });
    worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => fail(new Error(`extraction worker exited (code ${code})`)));
    slots.push(slot);
    return slot;
  }

  function pick(): Slot {
    for (let i = slots.length - 1; i >= 0; i--) if (slots[i]!.dead) slots.splice(i, 1);
    let best: Slot | null = null;
    for (const s of slots) if (!best || s.jobs.size < best.jobs.size) best = s;
    // A new worker only when every running one is busy: a lone document starts one worker.
    if ((!best || best.jobs.size > 0) && slots.length < size) return spawn();
    return best!;
  }

  function send<T extends Extraction | PreparedDocument>(doc: Document, prepare: boolean): Promise<T> {
    if (closed) return Promise.reject(new Error('extraction pool is closed'));
    const slot = pick();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      // Copying the document may throw (a value no thread can receive): that job alone fails.
      slot.worker.postMessage({ id, doc, prepare } satisfies Job);
      slot.jobs.set(id, { resolve: resolve as (x: Extraction | PreparedDocument) => void, reject });
    });
  }

  return {
    parallelism: size,
    extract: (doc) => send<Extraction>(doc, false),
    prepare: (doc) => send<PreparedDocument>(doc, true),
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (s) => {
          s.dead = true;
          for (const job of s.jobs.values()) job.reject(new Error('extraction pool is closed'));
          s.jobs.clear();
          await s.worker.terminate();
        }),
      );
      slots.length = 0;
    },
  };
}

/** `workers` threads (default one per core); 1 extracts in this thread. */
export async function openExtractor(workers: number = defaultWorkers()): Promise<Extractor> {
  return workers <= 1 ? inProcessExtractor() : workerExtractor(workers);
}

/** The most documents a worker extracts together (extractBatch), when that many are waiting. */
export const WORKER_BATCH = 16;

async function serve(): Promise<void> {
  const [{ extractBatch }, { prepareDocument }] = await Promise.all([import('../extract/pipeline.js'), import('../store/rows.js')]);
  const port = parentPort!;
  // Jobs that arrive while a batch runs wait in the port; the next turn takes all of them
  // (up to WORKER_BATCH) and runs them stage by stage.
  const waiting: Job[] = [];
  let scheduled = false;
  const drain = (): void => {
    scheduled = false;
    const jobs = waiting.splice(0, WORKER_BATCH);
    const results = extractBatch(jobs.map((j) => j.doc));
    jobs.forEach((job, i) => {
      const x = results[i];
      let reply: Reply;
      if (x instanceof Error) reply = { id: job.id, error: x.message };
      // Tokens are the stages' working material and the store keeps none of them: not copied back.
      else if (!job.prepare) reply = { id: job.id, extraction: { ...x, tokens: [] } };
      else {
        try {
          reply = { id: job.id, prepared: prepareDocument(job.doc, x) };
        } catch (error) {
          reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
        }
      }
      port.postMessage(reply);
    });
    if (waiting.length > 0 && !scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  };
  port.on('message', (job: Job) => {
    waiting.push(job);
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) void serve();
