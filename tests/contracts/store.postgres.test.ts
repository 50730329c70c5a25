import { randomBytes } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/ingest/document.js';
import { migrations } from '../../src/store/migrations.js';
import { connectionConfig, openPostgresStore, postgresDialect } from '../../src/store/postgres.js';
import { storeContract } from './store.contract.js';

/**
 * The same contract against a real PostgreSQL server, each test in a schema of its own that is
 * dropped afterwards. Without a server the suite is skipped with the reason printed, unless
 * SITREP_REQUIRE_POSTGRES=1 (as in .ci/run), which turns the absence into a failure.
 */
const url = process.env.SITREP_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test';
const required = process.env.SITREP_REQUIRE_POSTGRES === '1';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ ...connectionConfig(url), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || (error as { code?: string }).code || String(error) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const problem = await reachable();

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client(connectionConfig(url));
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

if (problem === null) {
  storeContract('PostgreSQL', async () => {
    const schema = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    return {
      store: await openPostgresStore(url, { schema }),
      reopen: () => openPostgresStore(url, { schema }),
      cleanup: () => dropSchema(schema),
    };
  });

  describe('schema migration 0006 on PostgreSQL', () => {
    it('moves the mentions of a store written before it to (document key, index), in their order', async () => {
      const schema = `sitrep_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      const old = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...connectionConfig(url), options: `-c search_path=${schema}` }) }) });
      try {
        await sql`create schema ${sql.id(schema)}`.execute(old);
        const before = Object.fromEntries(Object.entries(migrations(postgresDialect)).filter(([name]) => name < '0006'));
        expect((await new Migrator({ db: old, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
        const doc = documentFromText('JNIM fighters attacked an army post near Boulikessi on Sunday.', '2020-11-02');
        await sql`insert into documents (id, language, text, paragraphs, sentences, sentence_count, story_id, ingested_at)
          values (${doc.id}, ${doc.language}, ${doc.text}, ${JSON.stringify(doc.paragraphs)}, ${JSON.stringify(doc.sentences)}, ${doc.sentences.length}, ${doc.id}, '2020-11-02T00:00:00Z')`.execute(old);
        await sql`insert into stories (id, created_at) values (${doc.id}, '2020-11-02T00:00:00Z')`.execute(old);
        await sql`insert into mentions (document_id, kind, start, "end", sentence, canonical_id, label, text, payload) values
          (${doc.id}, 'place', 44, 54, 0, 'geonames:2460596', 'Boulikessi', 'Boulikessi', '{}'),
          (${doc.id}, 'actor', 0, 4, 0, 'jnim', 'JNIM', 'JNIM', '{}')`.execute(old);
        await old.destroy();
        const store = await openPostgresStore(url, { schema });
        try {
          expect((await store.getDocument(doc.id))?.mentions.map((m) => [m.kind, m.start, m.canonicalId])).toEqual([
            ['actor', 0, 'jnim'],
            ['place', 44, 'geonames:2460596'],
          ]);
          expect(await store.topMentions('place')).toEqual([{ canonicalId: 'geonames:2460596', label: 'Boulikessi', documents: 1, mentions: 1 }]);
        } finally {
          await store.close();
        }
      } finally {
        await old.destroy().catch(() => {});
        await dropSchema(schema);
      }
    });
  });
} else if (required) {
  describe('Store contract: PostgreSQL', () => {
    it('needs a PostgreSQL server (SITREP_REQUIRE_POSTGRES=1)', () => {
      throw new Error(`PostgreSQL at ${url} is not reachable: ${problem}`);
    });
  });
} else {
  process.stderr.write(`store.postgres.test: skipped, PostgreSQL at ${url} is not reachable (${problem}); set SITREP_REQUIRE_POSTGRES=1 to fail instead\n`);
  describe.skip(`Store contract: PostgreSQL (skipped: ${url} not reachable)`, () => {
    it('needs a server', () => {});
  });
}
