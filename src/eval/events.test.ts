import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_LABELS, caseLabel, classifySnippet, evaluator, leadEnd, readCase } from './events.js';
import { classScores } from './_classify-metrics.js';

describe('CASE 2021 evaluator', () => {
  it('maps every kind to one of the 30 labels', () => {
    expect(caseLabel('drone-strike')).toBe('AIR_STRIKE');
    expect(caseLabel('withdrawal')).toBe('CHANGE_TO_GROUP_ACT');
    expect(caseLabel(null)).toBe('OTHER');
    expect(CASE_LABELS).toHaveLength(30);
  });

  it('reads the TSV layout and classifies made-up snippets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-case-'));
    const file = join(dir, 'x.tsv');
    writeFileSync(file, 'id\tEventSnippet\tSubType\n1\tA suicide bomber blew himself up at a checkpoint in Gao, killing four soldiers.\tSUIC_BOMB\n3\tRiot police fired tear gas at protesters in Niamey.\tPROTEST_WITH_INTER\n');
    const items = readCase(file);
    expect(items.map((i) => i.label)).toEqual(['SUIC_BOMB', 'PROTEST_WITH_INTER']);
    expect(items.map((i) => classifySnippet(i.text))).toEqual(['SUIC_BOMB', 'PROTEST_WITH_INTER']);
    expect(leadEnd('First one. Second one.')).toBe('First one.'.length);
  });

  it('computes accuracy, macro and weighted F1', () => {
    const s = classScores([{ gold: 'A', predicted: 'A' }, { gold: 'A', predicted: 'B' }, { gold: 'B', predicted: 'B' }], ['A', 'B']);
    expect(s.accuracy).toBeCloseTo(2 / 3);
    expect(s.perLabel['A'].f1).toBeCloseTo(2 / 3);
    expect(s.perLabel['B'].f1).toBeCloseTo(2 / 3);
    expect(s.macroF1).toBeCloseTo(2 / 3);
  });

  const real = '../shared/bench/events/case2021-task2-dev.tsv';
  it.skipIf(!existsSync(real))('meets the targets on the CASE dev file in ../shared (skipped without it)', async () => {
    const report = await evaluator.run({ data: real });
    expect(report.overall.macroF1 as number).toBeGreaterThanOrEqual(0.75);
    expect(report.overall.accuracy as number).toBeGreaterThanOrEqual(0.8);
  });
});
