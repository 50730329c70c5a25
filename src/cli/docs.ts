import type { Command } from 'commander';
import type { DocumentSummary, Store } from '../store/store.js';
import { parseCount } from './ingest.js';

/** Opens a store that must already exist: reading commands never create an empty database. */
export async function openExistingStore(db: string | undefined): Promise<Store> {
  const [{ openStore, defaultDbLocation }, { existsSync }] = await Promise.all([import('../store/index.js'), import('node:fs')]);
  const location = db ?? defaultDbLocation();
  if (!/^postgres(ql)?:\/\//i.test(location) && !existsSync(location)) {
    throw new Error(`${location}: no such database (run \`sitrep ingest <files>\` or \`sitrep demo\` first, or pass --db)`);
  }
  return openStore(location);
}

interface DocsOptions {
  search?: string;
  limit?: number;
  offset?: number;
  json?: boolean;
  db?: string;
}

/** The JSON twin of the list: every field, with each sentence's text beside its offsets. */
export function documentJson(d: DocumentSummary): Record<string, unknown> {
  const { text, paragraphs, sentences, ...rest } = d;
  return {
    ...rest,
    paragraphs,
    sentences: sentences?.map((s) => ({ ...s, text: text!.slice(s.start, s.end) })),
    text,
  };
}

function table(docs: DocumentSummary[], search: boolean): string {
  const lines: string[] = [];
  for (const d of docs) {
    const published = d.published?.value ?? '—';
    const story = d.storyId === d.id ? '' : `  [story ${d.storyId.slice(0, 12)}]`;
    lines.push(`${d.id.slice(0, 12)}  ${published.padEnd(10)}  ${String(d.sentenceCount).padStart(4)} sent.  ${d.title ?? '(no title)'}${story}`);
    if (search) lines.push(`              ${d.snippet}`);
  }
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('docs')
    .description('List stored documents, newest first, or search their titles and text')
    .option('--search <words>', 'full-text search; every word must match (inflections and accents ignored), best first')
    .option('--limit <n>', 'how many to show (default 20)', parseCount)
    .option('--offset <n>', 'skip this many first', (v: string) => (v === '0' ? 0 : parseCount(v)))
    .option('--json', 'print a JSON array with every field, the text and its sentences')
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)')
    .addHelpText('after', '\nExamples:\n  sitrep docs --search "Wagner Mali"\n  sitrep docs --json --limit 5')
    .action(async (options: DocsOptions) => {
      const store = await openExistingStore(options.db);
      try {
        const docs = await store.listDocuments({ search: options.search, limit: options.limit ?? 20, offset: options.offset, full: options.json ?? false });
        if (options.json) {
          process.stdout.write(JSON.stringify(docs.map(documentJson), null, 2) + '\n');
          return;
        }
        if (docs.length === 0) {
          process.stdout.write(options.search !== undefined ? `No document matches "${options.search}".\n` : `No documents in ${store.location}.\n`);
          return;
        }
        process.stdout.write(table(docs, options.search !== undefined));
        const counts = await store.counts();
        if (options.search === undefined && counts.documents > docs.length) {
          process.stdout.write(`(${docs.length} of ${counts.documents}; use --limit and --offset for more)\n`);
        }
      } finally {
        await store.close();
      }
    });
}
