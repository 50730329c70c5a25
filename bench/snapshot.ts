/**
 * Proof that a speed-up changed nothing: runs every stage over the quick bench corpus and writes
 * one JSON line per article with the document's fields and everything extraction produced (tokens
 * included), then prints
 * the SHA-256 of the whole. Two builds that extract the same are byte-identical here.
 *
 *   node dist/bench/snapshot.js [OUT.jsonl] [--bytes N]   (default: 2.5 MB, as `--quick`)
 *   cmp before.jsonl after.jsonl
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadBenchCorpus } from './corpus.js';

async function main(): Promise<void> {
  const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : null;
  const bytesFlag = process.argv.indexOf('--bytes');
  let budget = bytesFlag > 0 ? Number(process.argv[bytesFlag + 1]) : 2_500_000;
  const corpus = loadBenchCorpus().filter((a) => (budget -= a.text.length) > 0);
  if (corpus.length === 0) throw new Error('bench snapshot: no corpus found under ../shared');
  const { extract } = await import('../src/extract/pipeline.js');
  const { documentFromText } = await import('../src/ingest/document.js');
  const lines: string[] = [];
  for (const article of corpus) {
    const doc = documentFromText(article.text, article.published);
    const { text: _text, ...documentFields } = doc;
    lines.push(JSON.stringify({ id: article.id, document: documentFields, ...extract(doc) }));
  }
  const text = lines.join('\n') + '\n';
  if (out) writeFileSync(out, text);
  process.stdout.write(`${createHash('sha256').update(text).digest('hex')}  ${corpus.length} articles\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench snapshot: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
