import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromText } from '../ingest/document.js';
import { emptyExtraction } from '../model.js';
import { bandKeys, minhash, signatureToBuffer } from '../resolve/stories.js';
import { migrations } from './migrations.js';
import { openSqliteStore, sqliteDialect } from './sqlite.js';

const ORIGINAL =
  'French Mirage jets struck a meeting of JNIM fighters near Boulikessi in central Mali on 30 October 2020, killing about 50 of them, ' +
  'Defence Minister Florence Parly said on Monday. The strike followed a tip-off about a gathering of motorbikes near the border with Burkina Faso.';
const COPY = `BAMAKO (Reuters) - ${ORIGINAL}\n\nReporting by the Bamako newsroom.`;

/** A SQLite store as a version before migration `first` left it: every earlier migration run. */
async function storeBefore(file: string, first: string): Promise<{ raw: BetterSqlite3.Database; old: Kysely<unknown> }> {
  const raw = new BetterSqlite3(file);
  const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  const before = Object.fromEntries(Object.entries(migrations(sqliteDialect)).filter(([name]) => name < first));
  expect((await new Migrator({ db: old, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
  return { raw, old };
}

describe('schema migrations 0003 and 0004: integer band keys, by document key', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('converts the text band keys of a store written before it, and stories still group', async () => {
    const file = join(dir, 'old.db');
    // A store as the previous version left it: the first two migrations and text band keys.
    const { raw, old } = await storeBefore(file, '0003');
    const doc = documentFromText(ORIGINAL, '2020-11-02');
    const signature = minhash(doc.text);
    raw
      .prepare('insert into documents (id, language, text, paragraphs, sentences, sentence_count, story_id, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(doc.id, doc.language, doc.text, JSON.stringify(doc.paragraphs), JSON.stringify(doc.sentences), doc.sentences.length, doc.id, '2020-11-02T00:00:00Z');
    raw.prepare('insert into stories (id, created_at) values (?, ?)').run(doc.id, '2020-11-02T00:00:00Z');
    const insertBand = raw.prepare('insert into story_bands (band_key, document_id) values (?, ?)');
    const keys = [...new Set(bandKeys(signature))];
    for (const k of keys) insertBand.run(k, doc.id);
    raw.prepare('insert into signatures (document_id, signature) values (?, ?)').run(doc.id, signatureToBuffer(signature));
    await old.destroy();

    const store = await openSqliteStore(file);
    try {
      const check = new BetterSqlite3(file, { readonly: true });
      const rows = check.prepare('select typeof(band_key) as t, count(*) as n from story_bands group by 1').all();
      // 0004: each band row points at its document by the document's integer key
      const linked = check.prepare('select count(*) as n from story_bands b join documents d on d.seq = b.document_seq where d.id = ?').get(doc.id);
      check.close();
      expect(rows).toEqual([{ t: 'integer', n: keys.length }]);
      expect(linked).toEqual({ n: keys.length });
      const copy = documentFromText(COPY, '2020-11-02');
      const put = await store.put(copy, emptyExtraction());
      expect(put).toMatchObject({ status: 'story-duplicate', storyId: doc.id });
    } finally {
      await store.close();
    }
  });
});

describe('schema migration 0005: the canonical-id index leaves out mentions without one', () => {
  it('rebuilds the index of a store written before it, and the top mentions query uses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
    try {
      const file = join(dir, 'old.db');
      const { old } = await storeBefore(file, '0005');
      await old.destroy();

      await (await openSqliteStore(file)).close();
      const check = new BetterSqlite3(file, { readonly: true });
      const index = check.prepare("select sql from sqlite_schema where name = 'mentions_canonical'").get() as { sql: string };
      const plan = check
        .prepare("explain query plan select canonical_id, count(*) from mentions where kind = 'actor' and canonical_id is not null group by canonical_id")
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' ');
      check.close();
      expect(index.sql).toMatch(/where "canonical_id" is not null$/);
      expect(plan).toMatch(/USING (COVERING )?INDEX mentions_canonical/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schema migration 0006: mentions by document key and index', () => {
  it('moves the mentions of a store written before it, in their order, and new documents write theirs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-migrate-'));
    try {
      const file = join(dir, 'old.db');
      const { raw, old } = await storeBefore(file, '0006');
      const doc = documentFromText(ORIGINAL, '2020-11-02');
      raw
        .prepare('insert into documents (id, language, text, paragraphs, sentences, sentence_count, story_id, ingested_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(doc.id, doc.language, doc.text, JSON.stringify(doc.paragraphs), JSON.stringify(doc.sentences), doc.sentences.length, doc.id, '2020-11-02T00:00:00Z');
      raw.prepare('insert into stories (id, created_at) values (?, ?)').run(doc.id, '2020-11-02T00:00:00Z');
      const mention = raw.prepare('insert into mentions (document_id, kind, start, end, sentence, canonical_id, label, text, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      // written out of text order: reading orders by offset, then by the order they were written
      mention.run(doc.id, 'place', 77, 87, 0, 'geonames:2460596', 'Boulikessi', 'Boulikessi', JSON.stringify({ rule: 'gazetteer' }));
      mention.run(doc.id, 'actor', 39, 43, 0, 'jnim', 'JNIM', 'JNIM', JSON.stringify({ rule: 'kb-alias' }));
      mention.run(doc.id, 'name', 39, 43, 0, null, 'JNIM', 'JNIM', JSON.stringify({ type: 'ORG' }));
      await old.destroy();

      const store = await openSqliteStore(file);
      try {
        const stored = await store.getDocument(doc.id);
        expect(stored?.mentions.map((m) => [m.kind, m.start, m.canonicalId, m.payload])).toEqual([
          ['actor', 39, 'jnim', { rule: 'kb-alias', start: 39, end: 43, text: 'JNIM', sentence: 0 }],
          ['name', 39, null, { type: 'ORG', start: 39, end: 43, text: 'JNIM', sentence: 0 }],
          ['place', 77, 'geonames:2460596', { rule: 'gazetteer', start: 77, end: 87, text: 'Boulikessi', sentence: 0 }],
        ]);
        const other = documentFromText('Gunmen attacked a convoy of Malian soldiers near Gao on Sunday, the army said.', '2021-03-01');
        const x = emptyExtraction();
        x.actors.push({ start: 0, end: 6, sentence: 0, text: 'Gunmen', actorId: 'unidentified-armed-group', name: 'Unidentified Armed Group', kind: 'armed-group', inter: 3, country: null, provisional: false, stage: 'actors', rule: 'test' } as never);
        await store.put(other, x);
        expect(await store.topMentions('actor')).toEqual([
          { canonicalId: 'jnim', label: 'JNIM', documents: 1, mentions: 1 },
          { canonicalId: 'unidentified-armed-group', label: 'Unidentified Armed Group', documents: 1, mentions: 1 },
        ]);
        expect((await store.getDocument(other.id))?.mentions.map((m) => m.text)).toEqual(['Gunmen']);
        const check = new BetterSqlite3(file, { readonly: true });
        const columns = check.prepare('select name from pragma_table_info(?)').all('mentions').map((r) => (r as { name: string }).name);
        const indexes = check.prepare("select name from sqlite_schema where type = 'index' and tbl_name = 'mentions' and sql is not null").all();
        check.close();
        expect(columns.slice(0, 2)).toEqual(['document_seq', 'idx']);
        expect(indexes).toEqual([{ name: 'mentions_canonical' }]);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
