import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combatantNames, evaluator, infoboxRange } from './infobox.js';

describe('infobox check', () => {
  it('reads infobox dates and ranges', () => {
    expect(infoboxRange('30-31 October 2020')).toEqual({ from: '2020-10-30', to: '2020-10-31' });
    expect(infoboxRange('May 24, 2021')).toEqual({ from: '2021-05-24', to: '2021-05-24' });
    expect(infoboxRange('15 February 2011 – present')).toEqual({ from: '2011-02-15', to: '9999-12-31' });
  });
  it('splits combatant cells into names without flags, bullets or years', () => {
    expect(combatantNames('🇳🇪 Niger\n🇺🇸 United States\n🇫🇷 France')).toEqual(['Niger', 'United States', 'France']);
    expect(combatantNames('🇫🇷 France Supported by: 🇺🇸 United States (intelligence support)')).toEqual(['France', 'United States']);
    expect(combatantNames("Al-Qaeda\n* Ansar Dine (2012–17)")).toEqual(['Al-Qaeda', 'Ansar Dine']);
  });
  const corpus = '../shared/corpus/wikipedia';
  it.skipIf(!existsSync(corpus))('runs over the Wikipedia corpus in ../shared (skipped without it)', async () => {
    const r = await evaluator.run({ data: corpus });
    expect(r.overall.total as number).toBeGreaterThan(0);
  });
});
