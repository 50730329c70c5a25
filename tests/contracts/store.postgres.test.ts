import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { connectionConfig, openPostgresStore } from '../../src/store/postgres.js';
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
