import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Database } from './schema.js';

/**
 * Everything that differs between SQLite and PostgreSQL, and nothing else: the rest of the
 * store (schema, migrations, queries) is written once against Kysely. Implemented by
 * store/sqlite.ts and store/postgres.ts.
 */
export interface StoreDialect {
  name: 'sqlite' | 'postgres';
  /** the column type for raw bytes */
  binaryType: 'blob' | 'bytea';
  /** an integer primary key the database numbers itself */
  serialKey(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** creates the full-text index over documents (title and text), kept in sync by the database itself */
  searchMigration: Migration;
  /**
   * Ranks documents against plain words (letters and digits only, already cleaned of any
   * query syntax), all of which must match. Best first.
   */
  search(db: Kysely<Database>, terms: string[], limit: number, offset: number): Promise<SearchHit[]>;
}

export interface SearchHit {
  id: string;
  /** lower is better */
  rank: number;
  /** context of the match with the matched words in [brackets] */
  snippet: string;
}

/**
 * The words of a user's query, as plain terms. Quotes, operators (AND, NEAR, -, *, ^, :) and
 * brackets are never passed on as syntax: a hostile or nonsensical query simply matches less.
 */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  // FTS5 and tsquery both treat a bare AND/OR/NOT/NEAR as operators; lower-casing keeps them words.
  return words.slice(0, 32).map((w) => w.toLowerCase());
}
