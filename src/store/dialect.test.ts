import { describe, expect, it } from 'vitest';
import { searchTerms } from './dialect.js';

describe('searchTerms', () => {
  it('keeps the words of a query, lower-cased, accents and scripts intact', () => {
    expect(searchTerms('Wagner Group leaves Mali')).toEqual(['wagner', 'group', 'leaves', 'mali']);
    expect(searchTerms("coup d'état à Bamako")).toEqual(['coup', 'd', 'état', 'à', 'bamako']);
    expect(searchTerms('2,000 mercenaries')).toEqual(['2', '000', 'mercenaries']);
    expect(searchTerms('فاغنر مالي')).toEqual(['فاغنر', 'مالي']);
  });

  it('drops every piece of query syntax', () => {
    expect(searchTerms('"Africa Corps" NEAR(Wagner, 5) -Prigozhin title:Mali Bama* ^JNIM')).toEqual(['africa', 'corps', 'near', 'wagner', '5', 'prigozhin', 'title', 'mali', 'bama', 'jnim']);
    expect(searchTerms('AND OR NOT')).toEqual(['and', 'or', 'not']);
    expect(searchTerms('"\'*-()^:')).toEqual([]);
    expect(searchTerms('')).toEqual([]);
  });

  it('caps the number of terms', () => {
    expect(searchTerms('word '.repeat(100))).toHaveLength(32);
  });
});
