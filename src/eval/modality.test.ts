import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluator, foldModality, goldLabel, readMeantime } from './modality.js';

// A made-up sentence in MEANTIME's layout (the real files stay in ../shared/bench).
const sample = [
  '1\tThe\t_\t_\t_\t_',
  '2\trebels\t_\t_\t_\t_',
  '3\twill\t_\t_\t_\t_',
  '4\tnot\t_\t_\t_\t_',
  '5\tattack\tB-E-1\tB-CERTAIN-1\tB-NEG-1\tB-FUTURE-1',
  '6\tthe\t_\t_\t_\t_',
  '7\ttown\t_\t_\t_\t_',
  '8\t.\t_\t_\t_\t_',
  '',
  '9\tTroops\t_\t_\t_\t_',
  '10\tretook\tB-E-2\tB-CERTAIN-2\tB-POS-2\tB-NON_FUTURE-2',
  '11\tGao\t_\t_\t_\t_',
  '',
].join('\n');

describe('modality evaluator (MEANTIME layout)', () => {
  it('rebuilds sentences and maps gold attributes to four labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-meantime-'));
    const file = join(dir, 'x.conll');
    writeFileSync(file, sample);
    const events = readMeantime(file);
    expect(events).toHaveLength(2);
    expect(events[0].sentence).toBe('The rebels will not attack the town .');
    expect(events[0].sentence.slice(events[0].start, events[0].end)).toBe('attack');
    expect(goldLabel(events[0])).toBe('negated');
    expect(goldLabel(events[1])).toBe('asserted');
    expect(goldLabel({ certainty: 'POSSIBLE', polarity: 'POS', time: 'FUTURE' })).toBe('hypothetical');
    expect(goldLabel({ certainty: 'CERTAIN', polarity: 'POS', time: 'FUTURE' })).toBe('future');
    expect(foldModality('claimed')).toBe('asserted');
    expect(foldModality('denied')).toBe('negated');
  });

  it('scores a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-meantime-'));
    writeFileSync(join(dir, 'a.conll'), sample);
    const report = await evaluator.run({ data: dir });
    expect(report.overall.accuracy).toBe(1);
  });

  const real = '../shared/bench/modality/meantime';
  it.skipIf(!existsSync(real))('reaches macro F1 0.70 on the MEANTIME files in ../shared (skipped without them)', async () => {
    const report = await evaluator.run({ data: real });
    expect(report.overall.macroF1 as number).toBeGreaterThanOrEqual(0.7);
  });
});
