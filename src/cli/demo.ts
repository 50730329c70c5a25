import type { Command } from 'commander';
import type { IngestOptions } from './ingest.js';

/** The bundled examples/articles/ folder, found from this module whether it runs from src/ or dist/src/. */
async function examplesFolder(): Promise<string> {
  const [{ existsSync }, { dirname, join }, { fileURLToPath }] = await Promise.all([import('node:fs'), import('node:path'), import('node:url')]);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, 'ATTRIBUTION.md'))) return join(candidate, 'articles');
    dir = dirname(dir);
  }
  throw new Error('demo: the bundled examples/ folder was not found beside the installed sitrep');
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('Ingest the bundled sample articles (examples/articles/, Wikipedia, CC BY-SA) into ./sitrep.db and print what sitrep found')
    .option('--db <file>', 'where to store them (default: $SITREP_DB or ./sitrep.db)')
    .action(async (options: IngestOptions) => {
      const [{ runIngest, formatSummary }, { openExistingStore }] = await Promise.all([import('./ingest.js'), import('./docs.js')]);
      const folder = await examplesFolder();
      const summary = await runIngest([folder], { db: options.db });
      const out: string[] = [formatSummary(summary)];
      const store = await openExistingStore(summary.db);
      try {
        const docs = await store.listDocuments({ limit: 0 });
        out.push(`Documents (${docs.length})`);
        for (const d of docs) out.push(`  ${d.id.slice(0, 12)}  ${(d.published?.value ?? '—').padEnd(10)}  ${String(d.sentenceCount).padStart(4)} sentences  ${d.title ?? '(no title)'}`);
        const top = async (kind: 'actor' | 'place', title: string) => {
          const rows = await store.topMentions(kind, 10);
          out.push(`${title} (by documents mentioning them)`);
          if (rows.length === 0) out.push('  (none found)');
          for (const r of rows) out.push(`  ${String(r.documents).padStart(3)} docs ${String(r.mentions).padStart(4)} mentions  ${r.label}`);
        };
        await top('actor', 'Top actors');
        await top('place', 'Top places');
        const events = await store.listEvents({ limit: 15 });
        const total = (await store.counts()).events;
        out.push(`Events (${total}${total > events.length ? `, latest ${events.length} shown` : ''})`);
        if (events.length === 0) out.push('  (none found)');
        for (const e of events) {
          const type = [e.acledType, e.acledSubtype].filter(Boolean).join(' / ') || e.extra || e.plover || 'event';
          const actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
          out.push(`  ${(e.dateFrom ?? '—').padEnd(10)}  ${type}${actors ? ` · ${actors}` : ''}${e.location ? ` · ${e.location}` : ''}${e.fatalities.best !== null ? ` · ${e.fatalities.best} killed` : ''}`);
        }
        out.push('', `Next: sitrep docs --db ${summary.db} · sitrep show <id> · sitrep docs --search "JNIM" · sitrep extract examples/articles/`);
      } finally {
        await store.close();
      }
      process.stdout.write(out.join('\n') + '\n');
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}
