import { describe, expect, it } from 'vitest';
import { evaluator } from './stories.js';

// data/dedup is in the repository (derived from Wikipedia, CC BY-SA), so this runs on any clone.
describe('stories evaluator', () => {
  it('scores the labelled pairs at the chosen threshold', async () => {
    const report = await evaluator.run({ data: 'data/dedup/pairs.jsonl' });
    expect(report.overall.samePairs).toBeGreaterThan(100);
    expect(report.overall.differentPairs).toBeGreaterThan(80);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.table).toContain('threshold');
  });
});
