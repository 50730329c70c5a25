import type { Store } from './store.js';

export * from './store.js';

/** The database file used when neither --db nor SITREP_DB says otherwise. */
export const DEFAULT_DB = 'sitrep.db';

export function defaultDbLocation(): string {
  return process.env.SITREP_DB && process.env.SITREP_DB.trim() !== '' ? process.env.SITREP_DB : DEFAULT_DB;
}

/**
 * Opens the store at `location`: a `postgres://` or `postgresql://` URL opens PostgreSQL (add
 * `?schema=name` to use a schema of its own),
 * anything else is a SQLite file path. Each dialect is loaded only when used.
 */
export async function openStore(location: string = defaultDbLocation(), options: { readonly?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const { openPostgresStore } = await import('./postgres.js');
    // `?schema=name` keeps sitrep's tables in a schema of their own; pg itself has no such parameter.
    const url = new URL(location);
    const schema = url.searchParams.get('schema') ?? undefined;
    url.searchParams.delete('schema');
    return openPostgresStore(url.toString(), { schema });
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(location, options);
}
