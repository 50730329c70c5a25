import { Kysely, PostgresDialect, sql, type Migration } from 'kysely';
import { userInfo } from 'node:os';
import pg from 'pg';
import type { SearchHit, StoreDialect } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { StoreOpenError, type Store } from './store.js';

/**
 * PostgreSQL specifics: a stored tsvector over title and text with a GIN index. Everything else
 * is in kysely-store.ts and migrations.ts.
 */

// Folding accents with translate() (immutable, unlike unaccent) lets the generated column and
// the query agree that "Goita" is "Goïta" without a contrib extension.
const ACCENTED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźžżÀÁÂÃÄÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÕÖØŌŐŔŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŹŽŻ';
const PLAIN = 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzzAAAAAAAAACCCDEEEEEEEEIIIIIILNNNOOOOOOOORRSSSTUUUUUUUUYYZZZ';

const searchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table documents add column search tsvector generated always as (
      setweight(to_tsvector('english', translate(coalesce(title, ''), ${sql.lit(ACCENTED)}, ${sql.lit(PLAIN)})), 'A') ||
      setweight(to_tsvector('english', translate(text, ${sql.lit(ACCENTED)}, ${sql.lit(PLAIN)})), 'B')
    ) stored`.execute(db);
    await sql`create index documents_search on documents using gin (search)`.execute(db);
  },
};

function fold(term: string): string {
  let out = '';
  for (const ch of term) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? PLAIN[i] : ch;
  }
  return out;
}

export const postgresDialect: StoreDialect = {
  name: 'postgres',
  binaryType: 'bytea',
  serialKey: (c) => c.generatedAlwaysAsIdentity().primaryKey(),
  searchMigration,
  async search(db: Kysely<Database>, terms: string[], limit: number, offset: number): Promise<SearchHit[]> {
    // plainto_tsquery reads its argument as plain words joined by AND: it has no syntax to abuse.
    const words = terms.map(fold).join(' ');
    const result = await sql<{ id: string; rank: number; snippet: string }>`
      select d.id as id,
             -ts_rank_cd(d.search, q) as rank,
             ts_headline('english', d.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1') as snippet
        from documents d, plainto_tsquery('english', ${words}) q
       where d.search @@ q
       order by rank, d.id
       limit ${limit} offset ${offset}`.execute(db);
    return result.rows.map((r) => ({ id: r.id, rank: Number(r.rank), snippet: r.snippet.replace(/\s+/g, ' ').trim() }));
  },
};

export interface PostgresOptions {
  /** keep all tables in this schema (created if missing); the tests use one per run */
  schema?: string;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED') return 'cannot connect (is PostgreSQL running there?)';
  if (e.code === 'ENOTFOUND') return 'unknown host';
  if (e.code === '28P01' || e.code === '28000') return 'authentication failed';
  if (e.code === '3D000') return 'no such database';
  return e.message ?? String(error);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * pg settings from a URL. A URL without a user name means "the operating-system user", as it
 * does for psql; pg itself would send an empty name when USER is unset (as in containers).
 */
export function connectionConfig(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  const config: pg.PoolConfig = { connectionString: url };
  if (!parsed.username) config.user = process.env.PGUSER || process.env.USER || userInfo().username;
  if (config.user) {
    // pg lets the URL's empty user win over `user`; put the name into the URL instead.
    parsed.username = encodeURIComponent(config.user);
    config.connectionString = parsed.toString();
  }
  return config;
}

/** Opens a PostgreSQL store and brings its schema up to date; errors name the server (password hidden). */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const location = redact(url) + (options.schema ? ` (schema ${options.schema})` : '');
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new StoreOpenError(location, 'schema names are lower-case letters, digits and _');
  }
  const pool = new pg.Pool({
    ...connectionConfig(url),
    max: 4,
    connectionTimeoutMillis: 5000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
    await migrate(db, postgresDialect);
  } catch (error) {
    await db.destroy();
    throw new StoreOpenError(location, describe(error), { cause: error });
  }
  return new KyselyStore(db, postgresDialect, location);
}
