import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.js';
import { StoreOpenError } from './store.js';

// Opening the wrong thing must fail with the file's name and a reason a user can act on.
describe('openSqliteStore on bad targets', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-neg-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a file that is not a database', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'The Wagner Group announced its departure from Mali.\n'.repeat(100));
    const error = await openSqliteStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not a SQLite database/);
  });

  it('names a folder given as the database', async () => {
    const folder = join(dir, 'db');
    mkdirSync(folder);
    await expect(openSqliteStore(folder)).rejects.toThrow(/db: is a folder/);
  });

  it('names a missing folder', async () => {
    const file = join(dir, 'missing', 'sitrep.db');
    await expect(openSqliteStore(file)).rejects.toThrow(/missing.*does not exist/);
  });

  it('names a missing file opened read-only', async () => {
    await expect(openSqliteStore(join(dir, 'none.db'), { readonly: true })).rejects.toThrow(/none\.db: no such database file/);
  });

  it('opens an existing store read-only', async () => {
    const file = join(dir, 'sitrep.db');
    await (await openSqliteStore(file)).close();
    const store = await openSqliteStore(file, { readonly: true });
    try {
      expect(await store.counts()).toMatchObject({ documents: 0 });
    } finally {
      await store.close();
    }
  });

  it('says when another process holds the database locked', async () => {
    const file = join(dir, 'sitrep.db');
    const other = new BetterSqlite3(file);
    other.exec('create table t (x)');
    other.exec('begin exclusive');
    other.exec('insert into t values (1)');
    try {
      const error = await openSqliteStore(file, { busyTimeoutMs: 50 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreOpenError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(/locked/);
    } finally {
      other.exec('rollback');
      other.close();
    }
  });

  it('says when a newer sitrep wrote the schema', async () => {
    const file = join(dir, 'sitrep.db');
    await (await openSqliteStore(file)).close();
    const raw = new BetterSqlite3(file);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    await expect(openSqliteStore(file)).rejects.toThrow(/newer sitrep.*9999_future/);
  });
});

describe('openSqliteStore', () => {
  it('writes in WAL mode and migrates once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));
    try {
      const file = join(dir, 'sitrep.db');
      await (await openSqliteStore(file)).close();
      await (await openSqliteStore(file)).close();
      const raw = new BetterSqlite3(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('select name from kysely_migration order by name').all()).toEqual([{ name: '0001_core' }, { name: '0002_search' }, { name: '0003_story_bands_compact' }, { name: '0004_story_bands_by_seq' }, { name: '0005_mentions_canonical_partial' }, { name: '0006_mentions_by_seq' }]);
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
