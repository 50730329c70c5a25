import BetterSqlite3 from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, SqliteDialect, sql, type Migration } from 'kysely';
import type { SearchHit, StoreDialect } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { StoreOpenError, type Store } from './store.js';

/**
 * SQLite specifics: the FTS5 index and the integer key it points at. Everything else is in
 * kysely-store.ts and migrations.ts.
 */
const searchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // External content: the index stores no second copy of the text, and triggers keep it in
    // step with `documents` inside the writer's own transaction. Porter stemming lets "attack"
    // find "attacks"; remove_diacritics lets "Goita" find "Goïta".
    await sql`create virtual table documents_fts using fts5(title, text, content='documents', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger documents_fts_insert after insert on documents begin
      insert into documents_fts(rowid, title, text) values (new.seq, coalesce(new.title, ''), new.text);
    end`.execute(db);
    await sql`create trigger documents_fts_delete after delete on documents begin
      insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, coalesce(old.title, ''), old.text);
    end`.execute(db);
    await sql`create trigger documents_fts_update after update of title, text on documents begin
      insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, coalesce(old.title, ''), old.text);
      insert into documents_fts(rowid, title, text) values (new.seq, coalesce(new.title, ''), new.text);
    end`.execute(db);
  },
};

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  binaryType: 'blob',
  // INTEGER PRIMARY KEY is SQLite's rowid alias: numbered by SQLite and kept by VACUUM.
  serialKey: (c) => c.primaryKey(),
  searchMigration,
  async search(db: Kysely<Database>, terms: string[], limit: number, offset: number): Promise<SearchHit[]> {
    // Each term becomes an FTS5 string ("..."), so nothing the user typed is read as syntax.
    const match = terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');
    // Ranked by bm25 alone first: reading the documents row of every hit (for the tie-break on
    // id) and a snippet of every hit cost more than the ranking on a large store. Only hits
    // ranked no worse than the last one wanted are joined and ordered by (rank, id), so ties at
    // the cut are ordered as before; snippets are made for the page only.
    const result = await sql<SearchHit>`
      with hits as materialized (
             select rowid as seq, bm25(documents_fts, 4.0, 1.0) as rank
               from documents_fts where documents_fts match ${match}),
           page as (
             select hits.seq as seq, hits.rank as rank, d.id as id
               from hits join documents d on d.seq = hits.seq
              where hits.rank <= coalesce((select rank from hits order by rank limit 1 offset ${limit + offset - 1}), 1e308)
              order by hits.rank, d.id
              limit ${limit} offset ${offset})
      select page.id as id, page.rank as rank, snippet(documents_fts, -1, '[', ']', '…', 16) as snippet
        from page join documents_fts on documents_fts.rowid = page.seq
       where documents_fts match ${match}
       order by page.rank, page.id`.execute(db);
    return result.rows.map((r) => ({ id: r.id, rank: Number(r.rank), snippet: r.snippet.replace(/\s+/g, ' ').trim() }));
  },
};

export interface SqliteOptions {
  /** open without writing; the file must exist */
  readonly?: boolean;
  /** how long to wait for another writer before giving up (ms); 5 s by default */
  busyTimeoutMs?: number;
}

function reasonFor(error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') return 'not a SQLite database (is this the right file?)';
  if (code === 'SQLITE_CORRUPT') return 'the database file is corrupt';
  if (code.startsWith('SQLITE_READONLY')) return 'the database is read-only (check the permissions of the file and its folder)';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the database is locked by another process; try again when it has finished';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot open the file (a folder, a missing folder, or no permission)';
  if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) return 'permission denied';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  return message;
}

/**
 * Kysely's SQLite driver prepares every statement again on every call (6 % of the store's time
 * when ingesting). The same SQL text gets the same prepared statement back, unless that one is
 * still being iterated (`busy`), which gets a fresh one. Multi-row inserts make one text per row
 * count, so the cache keeps the most recently used few hundred.
 */
function withStatementCache(raw: BetterSqlite3.Database, size = 256): { close(): void; prepare(sql: string): BetterSqlite3.Statement } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      const hit = cache.get(text);
      if (hit && !hit.busy) {
        // Most recently used last: the first key is the one to drop.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const statement = raw.prepare(text);
      if (!hit) {
        cache.set(text, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating if needed) a SQLite store in WAL mode and brings its schema up to date.
 * Every failure is a StoreOpenError naming the file.
 */
export async function openSqliteStore(file: string, options: SqliteOptions = {}): Promise<Store> {
  const memory = file === ':memory:';
  const location = memory ? file : resolve(file);
  if (!memory) {
    if (existsSync(location) && statSync(location).isDirectory()) throw new StoreOpenError(file, 'is a folder, not a database file');
    if (!options.readonly && !existsSync(dirname(location))) throw new StoreOpenError(file, `the folder ${dirname(location)} does not exist`);
    if (options.readonly && !existsSync(location)) throw new StoreOpenError(file, 'no such database file');
  }
  let raw: BetterSqlite3.Database | undefined;
  try {
    raw = new BetterSqlite3(location, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, timeout: options.busyTimeoutMs ?? 5000 });
    // The first statements read the header: a file that is not a database fails here, by name.
    raw.pragma('schema_version');
    if (!options.readonly) {
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      // Each document inserts rows at scattered keys of several indexes (story bands, mentions);
      // past the default 2 MiB of page cache every insert rereads its leaf pages.
      raw.pragma('cache_size = -65536');
      // Checkpoints dominated commit time at the default of 1,000 WAL pages: storing 1,000 short
      // documents took 8.3-8.7 s with 4.0-4.3 s in commits, at 4,000 pages 6.9 s with 2.3-2.5 s
      // (a loaded 2-core machine). A document dirties about 150 pages (64 of them story-band
      // leaves at random keys), so a checkpoint came every 25 or so documents; at 16,000 pages
      // pages dirtied again by later documents are copied back once for more of them: storing
      // 1,000 scale documents took 2.24 s of CPU at 4,000, 2.09 s at 16,000 (32,000: no better).
      // The WAL grows to about 64 MB between checkpoints and is folded back into the database
      // when the last connection closes.
      raw.pragma('wal_autocheckpoint = 16000');
      // The statement journal of each document's multi-row inserts was a temporary file in
      // /var/tmp, created and unlinked once per document (storing 1,000 scale documents: 2.42
      // -> 2.24 s of CPU in memory). It only serves rolling back one statement inside the open
      // transaction; what a commit makes durable is unchanged.
      raw.pragma('temp_store = MEMORY');
    }
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw?.close();
    throw new StoreOpenError(file, reasonFor(error), { cause: error });
  }
  const connection = raw;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  try {
    if (!options.readonly) await migrate(db, sqliteDialect);
  } catch (error) {
    await db.destroy();
    throw new StoreOpenError(file, reasonFor(error), { cause: error });
  }
  return new KyselyStore(db, sqliteDialect, memory ? file : location);
}
