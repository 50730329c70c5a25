import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { storeContract } from './store.contract.js';

// A real SQLite file in a fresh temporary folder for every test.
storeContract('SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
  const file = join(dir, 'sitrep.db');
  return {
    store: await openSqliteStore(file),
    reopen: () => openSqliteStore(file),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
