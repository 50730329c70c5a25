import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseMention, scoreEntities } from './gold.js';

describe('gold scoring of entities', () => {
  it('compares texts without case, a leading "the" or a possessive', () => {
    expect(normaliseMention('The Wagner Group')).toBe(normaliseMention('the Wagner Group'));
    expect(normaliseMention('Wagner’s')).toBe('wagner');
    expect(normaliseMention('the Malian  army')).toBe('malian army');
  });

  it('matches by canonical name or any mention; optional items count neither way', () => {
    const gold = [
      { name: 'Malian Armed Forces', mentions: ['the Malian army'] },
      { name: 'Wagner Group', mentions: ['Wagner'] },
      { name: 'Islamic extremists and insurgents', mentions: ['militants'], optional: true },
      { name: 'Beverly Ochieng', mentions: ['Beverly Ochieng'] },
    ];
    const output = [
      { id: 'military-forces-of-mali', name: 'Military Forces of Mali', mentions: ['the Malian army'] },
      { id: 'wagner-group', name: 'Wagner Group', mentions: ['The Wagner Group', 'Wagner'] },
      { id: 'unnamed:militants', name: 'militants', mentions: ['militants'] },
      { id: 'provisional:telegram', name: 'Telegram', mentions: ['Telegram'] },
    ];
    const s = scoreEntities(gold, output, ['Telegram']);
    expect({ tp: s.tp, fp: s.fp, fn: s.fn }).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.missed).toEqual(['Beverly Ochieng']);
    expect(s.spurious.map((x) => x.name)).toEqual(['Telegram']);
    expect(s.notEntitiesProduced).toEqual(['Telegram']);
  });
});

// Needs ../shared/gold beside the project; skipped on a clone without it.
const GOLD = '../shared/gold';
describe.skipIf(!existsSync(GOLD))('gold development set (../shared/gold)', () => {
  it('finds the gold actors with no not_entities', async () => {
    const { evaluator } = await import('./gold.js');
    const report = await evaluator.run({ data: GOLD });
    const docs = report.details.documents as Record<string, Record<string, { missed: string[]; fp: number; tp: number; notEntitiesProduced: string[] }>>;
    let tp = 0;
    let fp = 0;
    for (const scores of Object.values(docs)) {
      tp += scores.actors.tp;
      fp += scores.actors.fp;
      expect(scores.actors.notEntitiesProduced).toEqual([]);
      // persons outside the knowledge base come from the name tagger alone
      for (const m of scores.actors.missed) expect(['Frédéric Barbry', 'Beverly Ochieng']).toContain(m);
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
