import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { runIngest, type IngestSummary } from './ingest.js';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ARTICLES: Record<string, string> = {
  'a-djibo.txt': 'Gunmen killed 12 villagers near Djibo on Sunday, the army said. JNIM claimed the attack on Monday.',
  'b-boulikessi.txt': 'French Mirage jets struck a meeting of JNIM fighters near Boulikessi in central Mali on 30 October 2020, Florence Parly said.',
  // The same article again under another name: stored once, its origin added.
  'c-djibo-copy.txt': 'Gunmen killed 12 villagers near Djibo on Sunday, the army said. JNIM claimed the attack on Monday.',
  'd-empty.txt': '   \n',
  'e-kidal.txt': 'Wagner Group mercenaries and Malian soldiers took control of Kidal on 14 November 2023 after the rebels withdrew.',
};

async function ingestWith(workers: number): Promise<{ summary: IngestSummary; events: unknown[]; docs: string[] }> {
  const folder = join(tmp, `in-${workers}`);
  const db = join(tmp, `w${workers}.db`);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(folder, name), text);
  const summary = await runIngest([folder], { db, quiet: true, workers });
  const store = await openStore(db);
  try {
    const events = (await store.listEvents({ limit: 1000 })).map(({ documentId, index, acledType, dateFrom, country }) => ({ documentId, index, acledType, dateFrom, country }));
    const docs = (await store.listDocuments({ limit: 100 })).map((d) => d.id).sort();
    return { summary, events, docs };
  } finally {
    await store.close();
  }
}

describe('sitrep ingest with extraction workers', () => {
  it('stores and reports the same as extraction in the main thread, in input order', async () => {
    const one = await ingestWith(1);
    const two = await ingestWith(2);
    const strip = (s: IngestSummary) => ({ ...s, db: '', seconds: 0, docsPerSecond: 0, failed: s.failed.map((f) => ({ ...f, input: f.input.replace(/in-\d/, 'in') })) });
    expect(strip(two.summary)).toEqual(strip(one.summary));
    expect(one.summary).toMatchObject({ documents: 4, new: 3, duplicates: 1 });
    expect(one.summary.failed.map((f) => f.input)).toEqual([expect.stringMatching(/d-empty\.txt$/)]);
    expect(two.events).toEqual(one.events);
    expect(two.docs).toEqual(one.docs);
  }, 120_000);
});
