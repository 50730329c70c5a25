import { describe, expect, it } from 'vitest';
import { documentFromText } from '../ingest/document.js';
import { workerExtractor } from './ingest-workers.js';

describe('extraction workers, when things go wrong', () => {
  it('a closed pool refuses work instead of hanging', async () => {
    const pool = workerExtractor(2);
    await pool.close();
    await expect(pool.extract(documentFromText('Gunmen killed 12 villagers near Djibo on Sunday.'))).rejects.toThrow(/closed/);
  });

  it('jobs in flight when the pool closes fail with a reason, and close does not wait for them', async () => {
    const pool = workerExtractor(1 + 1);
    const pending = pool.extract(documentFromText('Gunmen killed 12 villagers near Djibo on Sunday, the army said.'));
    const failed = expect(pending).rejects.toThrow(/closed/);
    await pool.close();
    await failed;
  }, 60_000);

  it('a document the worker cannot take fails alone and the pool goes on', async () => {
    const pool = workerExtractor(2);
    try {
      // A function cannot be copied to a thread: this one job fails, the next one is served.
      const broken = { ...documentFromText('JNIM claimed the attack.'), hook: () => 0 };
      await expect(pool.extract(broken)).rejects.toThrow();
      const x = await pool.extract(documentFromText('Gunmen killed 12 villagers near Djibo on Sunday, the army said.'));
      expect(x.events.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
