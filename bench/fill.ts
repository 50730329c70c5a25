/**
 * Fills a SQLite store to scale for the query-latency figures when extracting every article
 * would take too long on the machine at hand:
 * `node dist/bench/fill.js <db> <count> <pool>` extracts `pool` articles of the scale corpus,
 * then stores `count` documents, copy i being pool article i mod pool with its closing line
 * (the "Report number" paragraph) made unique, so every document has its own id and the
 * stored extraction's offsets (all before that line) stay exact. Copies of one pool article
 * group into one story, as syndicated copies of one wire story would. Prints one JSON line
 * with the store's own throughput (documents put per second, extraction excluded).
 */
import { performance } from 'node:perf_hooks';
import { loadBenchCorpus, scaledCorpus } from './corpus.js';

async function main(): Promise<void> {
  const [db, countArg, poolArg] = process.argv.slice(2);
  const count = Number(countArg);
  const poolSize = Math.min(Number(poolArg ?? 2000), count);
  if (!db || !Number.isInteger(count) || count <= 0) throw new Error('usage: fill.js <db> <count> [pool]');
  const { extract } = await import('../src/extract/pipeline.js');
  const { documentFromText } = await import('../src/ingest/document.js');
  const { openStore } = await import('../src/store/index.js');
  const { parsePartialDate } = await import('../src/ingest/date.js');
  type Pool = { head: string; published: string | null; extraction: ReturnType<typeof extract> };
  const pool: Pool[] = [];
  let t0 = performance.now();
  for (const a of scaledCorpus(loadBenchCorpus(), poolSize)) {
    const doc = documentFromText(a.text, a.published);
    const last = doc.paragraphs[doc.paragraphs.length - 1];
    const extraction = extract(doc);
    // nothing found in the closing line is kept: its text differs from copy to copy
    const before = <T extends { start: number }>(xs: T[]) => xs.filter((x) => x.start < last.start);
    extraction.tokens = before(extraction.tokens);
    extraction.names = before(extraction.names);
    extraction.actors = before(extraction.actors);
    extraction.places = before(extraction.places);
    extraction.times = before(extraction.times);
    extraction.quantities = before(extraction.quantities);
    extraction.sources = extraction.sources.filter((x) => x.cue.start < last.start);
    extraction.events = extraction.events.filter((e) => e.evidence.start < last.start);
    extraction.statements = extraction.statements.filter((s) => s.evidence.start < last.start);
    pool.push({ head: doc.text.slice(0, last.start), published: a.published, extraction });
  }
  const extractSeconds = (performance.now() - t0) / 1000;
  const store = await openStore(db);
  t0 = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      const p = pool[i % pool.length];
      const doc = buildCopy(p.head, i, p.published);
      await store.put(doc, p.extraction);
    }
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(JSON.stringify({ articles: count, pool: pool.length, extractSeconds, seconds, putArticlesPerS: count / seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');

  function buildCopy(head: string, i: number, published: string | null) {
    const doc = documentFromText(`${head}Copy ${i} of the scale corpus.`, null);
    doc.published = published ? parsePartialDate(published) : null;
    return doc;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench fill: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
