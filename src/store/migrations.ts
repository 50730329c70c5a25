import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { bandKeyNumber } from './band-keys.js';
import type { StoreDialect } from './dialect.js';
import type { Database } from './schema.js';

/**
 * Versioned migrations, kept in code so the built CLI needs no migration folder. Names sort in
 * the order they run; a released migration is never edited, a change is a new one.
 */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_core': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('documents')
          .addColumn('seq', 'integer', (c) => dialect.serialKey(c))
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text')
          .addColumn('url', 'text')
          .addColumn('outlet', 'text')
          .addColumn('author', 'text')
          .addColumn('published_value', 'text')
          .addColumn('published_precision', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('paragraphs', 'text', (c) => c.notNull())
          .addColumn('sentences', 'text', (c) => c.notNull())
          .addColumn('sentence_count', 'integer', (c) => c.notNull())
          .addColumn('story_id', 'text', (c) => c.notNull())
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('documents_story').on('documents').column('story_id').execute();
        await db.schema.createIndex('documents_published').on('documents').column('published_value').execute();

        await db.schema
          .createTable('origins')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('location', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('feed', 'text')
          .addColumn('read_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('origins_pk', ['document_id', 'location'])
          .execute();

        await db.schema
          .createTable('stories')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('story_bands')
          .addColumn('band_key', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('story_bands_pk', ['band_key', 'document_id'])
          .execute();

        await db.schema
          .createTable('signatures')
          .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
          .addColumn('signature', dialect.binaryType, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('mentions')
          .addColumn('id', 'integer', (c) => dialect.serialKey(c))
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('sentence', 'integer', (c) => c.notNull())
          .addColumn('canonical_id', 'text')
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('mentions_document').on('mentions').columns(['document_id', 'kind']).execute();
        await db.schema.createIndex('mentions_canonical').on('mentions').columns(['kind', 'canonical_id']).execute();

        await db.schema
          .createTable('events')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('acled_type', 'text')
          .addColumn('acled_subtype', 'text')
          .addColumn('plover', 'text')
          .addColumn('extra', 'text')
          .addColumn('actor1', 'text')
          .addColumn('actor2', 'text')
          .addColumn('country', 'text')
          .addColumn('admin1', 'text')
          .addColumn('location', 'text')
          .addColumn('lat', 'double precision')
          .addColumn('lon', 'double precision')
          .addColumn('date_from', 'text')
          .addColumn('date_to', 'text')
          .addColumn('date_precision', 'text')
          .addColumn('fatalities_low', 'integer')
          .addColumn('fatalities_best', 'integer')
          .addColumn('fatalities_high', 'integer')
          .addColumn('modality', 'text', (c) => c.notNull())
          .addColumn('attributed_to', 'text')
          .addColumn('main', 'integer', (c) => c.notNull())
          .addColumn('sentence', 'integer', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('events_pk', ['document_id', 'idx'])
          .execute();
        // The filtered event list: by country, actor, type, and a date range.
        await db.schema.createIndex('events_country_date').on('events').columns(['country', 'date_from']).execute();
        await db.schema.createIndex('events_actor1').on('events').column('actor1').execute();
        await db.schema.createIndex('events_actor2').on('events').column('actor2').execute();
        await db.schema.createIndex('events_type').on('events').columns(['acled_type', 'acled_subtype']).execute();
        await db.schema.createIndex('events_date').on('events').columns(['date_from', 'date_to']).execute();

        await db.schema
          .createTable('statements')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('predicate', 'text', (c) => c.notNull())
          .addColumn('object', 'text')
          .addColumn('modality', 'text', (c) => c.notNull())
          .addColumn('attributed_to', 'text')
          .addColumn('sentence', 'integer', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('statements_pk', ['document_id', 'idx'])
          .execute();
        await db.schema.createIndex('statements_subject').on('statements').columns(['subject', 'predicate']).execute();
      },
    },
    '0002_search': dialect.searchMigration,
    '0003_story_bands_compact': {
      // Band keys as 64-bit integers instead of 19-character strings, and on SQLite a WITHOUT
      // ROWID table: the rows live in the primary key's own B-tree instead of a rowid table plus
      // an index holding them again. 64 rows per document, so this was the largest table after
      // the mentions. Existing keys are converted by the same function new documents use.
      async up(db: Kysely<unknown>) {
        const any = db as Kysely<{ story_bands: { band_key: string | bigint; document_id: string }; story_bands_compact: { band_key: bigint; document_id: string } }>;
        await any.schema.dropTable('story_bands_compact').ifExists().execute();
        let table = any.schema
          .createTable('story_bands_compact')
          .addColumn('band_key', 'bigint', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('story_bands_compact_pk', ['band_key', 'document_id']);
        if (dialect.name === 'sqlite') table = table.modifyEnd(sql`without rowid`);
        await table.execute();
        // In pages by key, so a large store is not read into memory at once.
        const page = 20_000;
        let after: { band_key: string; document_id: string } | null = null;
        for (;;) {
          let q = any.selectFrom('story_bands').select(['band_key', 'document_id']);
          if (after) {
            const a = after;
            q = q.where((eb) => eb.or([eb('band_key', '>', a.band_key), eb.and([eb('band_key', '=', a.band_key), eb('document_id', '>', a.document_id)])]));
          }
          const rows = (await q.orderBy('band_key').orderBy('document_id').limit(page).execute()) as { band_key: string; document_id: string }[];
          if (rows.length === 0) break;
          for (let i = 0; i < rows.length; i += 400) {
            await any
              .insertInto('story_bands_compact')
              .values(rows.slice(i, i + 400).map((r) => ({ band_key: bandKeyNumber(r.band_key), document_id: r.document_id })))
              .onConflict((oc) => oc.columns(['band_key', 'document_id']).doNothing())
              .execute();
          }
          after = rows[rows.length - 1]!;
        }
        await any.schema.dropTable('story_bands').execute();
        await any.schema.alterTable('story_bands_compact').renameTo('story_bands').execute();
      },
    },
    '0004_story_bands_by_seq': {
      // The band rows point at the document by its integer key instead of its 64-character id:
      // 64 rows per document inserted at random places of the key order, so the row size is
      // what decides how many pages each document dirties (an 8,000-document store: about 5x
      // smaller table, half the CPU time of those inserts). Same keys, same candidates.
      async up(db: Kysely<unknown>) {
        const any = db as Kysely<{
          story_bands: { band_key: bigint; document_id: string };
          story_bands_by_seq: { band_key: bigint; document_seq: number };
          documents: { id: string; seq: number };
        }>;
        await any.schema.dropTable('story_bands_by_seq').ifExists().execute();
        let table = any.schema
          .createTable('story_bands_by_seq')
          .addColumn('band_key', 'bigint', (c) => c.notNull())
          .addColumn('document_seq', 'integer', (c) => c.notNull().references('documents.seq').onDelete('cascade'))
          .addPrimaryKeyConstraint('story_bands_by_seq_pk', ['band_key', 'document_seq']);
        if (dialect.name === 'sqlite') table = table.modifyEnd(sql`without rowid`);
        await table.execute();
        await any
          .insertInto('story_bands_by_seq')
          .columns(['band_key', 'document_seq'])
          .expression((eb) => eb.selectFrom('story_bands').innerJoin('documents', 'documents.id', 'story_bands.document_id').select(['story_bands.band_key', 'documents.seq']))
          .execute();
        await any.schema.dropTable('story_bands').execute();
        await any.schema.alterTable('story_bands_by_seq').renameTo('story_bands').execute();
      },
    },
    '0005_mentions_canonical_partial': {
      // The one query by (kind, canonical_id), the top mentions of a kind, asks only for
      // mentions that have a canonical id; names never have one (44 % of the rows of the scale
      // corpus), so the index leaves them out and each document writes fewer index entries.
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex('mentions_canonical').execute();
        await db.schema.createIndex('mentions_canonical').on('mentions').columns(['kind', 'canonical_id']).where(sql.ref('canonical_id'), 'is not', null).execute();
      },
    },
    '0006_mentions_by_seq': {
      // A mention points at its document by the document's integer key and is known by its
      // index in that document, as events and statements are, instead of carrying the
      // 64-character id in every row and again in an index of its own (60 mentions per news
      // article: that id and index were 40 % of a store's bytes). The primary key (document,
      // index) serves reading a document's mentions; rows keep their order (old ids ascend).
      async up(db: Kysely<unknown>) {
        const any = db as Kysely<{
          mentions: { id: number; document_id: string; kind: string; start: number; end: number; sentence: number; canonical_id: string | null; label: string; text: string; payload: string };
          mentions_by_seq: { document_seq: number; idx: number; kind: string; start: number; end: number; sentence: number; canonical_id: string | null; label: string; text: string; payload: string };
          documents: { id: string; seq: number };
        }>;
        await any.schema.dropTable('mentions_by_seq').ifExists().execute();
        await any.schema
          .createTable('mentions_by_seq')
          .addColumn('document_seq', 'integer', (c) => c.notNull().references('documents.seq').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .addColumn('sentence', 'integer', (c) => c.notNull())
          .addColumn('canonical_id', 'text')
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('mentions_by_seq_pk', ['document_seq', 'idx'])
          .execute();
        await any
          .insertInto('mentions_by_seq')
          .columns(['document_seq', 'idx', 'kind', 'start', 'end', 'sentence', 'canonical_id', 'label', 'text', 'payload'])
          .expression((eb) =>
            eb
              .selectFrom('mentions')
              .innerJoin('documents', 'documents.id', 'mentions.document_id')
              .select(['documents.seq', 'mentions.id', 'mentions.kind', 'mentions.start', 'mentions.end', 'mentions.sentence', 'mentions.canonical_id', 'mentions.label', 'mentions.text', 'mentions.payload']),
          )
          .execute();
        await any.schema.dropTable('mentions').execute();
        await any.schema.alterTable('mentions_by_seq').renameTo('mentions').execute();
        await any.schema.createIndex('mentions_canonical').on('mentions').columns(['kind', 'canonical_id']).where(sql.ref('canonical_id'), 'is not', null).execute();
      },
    },
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

/** Brings a store up to the latest schema; throws with the failing migration's name. */
export async function migrate(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  const list = migrations(dialect);
  const migrator = new Migrator({ db, provider: new InCodeProvider(list) });
  const known = new Set(Object.keys(list));
  // A database written by a newer sitrep has migrations this one does not know: say so plainly
  // rather than Kysely's "corrupted migrations".
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  let applied: string[] = [];
  if (tables.some((t) => t.name === 'kysely_migration')) {
    const rows = await (db as unknown as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').execute();
    applied = rows.map((r) => r.name);
  }
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`written by a newer sitrep (unknown schema migrations: ${unknown.join(', ')})`);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(failed ? `schema migration ${failed.migrationName} failed: ${reason}` : reason, { cause: error });
  }
}
