import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction } from '../../model.js';
import { tokensStage } from './tokens.js';
import { namesStage } from './names.js';

function names(text: string): string[] {
  const doc = documentFromText(text);
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  namesStage.run(doc, results);
  return results.names.map((m) => m.text);
}

describe('names stage: what is not a name', () => {
  it('finds nothing in lower-case prose', () => {
    expect(names('the soldiers said the convoy was attacked near the river crossing at dawn.')).toEqual([]);
  });

  it('does not take capitalised function words at the start of a sentence for names', () => {
    for (const text of [
      'The attack killed at least twelve civilians.',
      'However, the army denied the report.',
      'In the evening, gunmen on motorcycles raided the market.',
      'They fled towards the border before dawn.',
      'According to local sources, the village was burned.',
    ]) {
      const found = names(text);
      for (const w of ['The', 'However', 'In', 'They', 'According']) expect(found).not.toContain(w);
    }
  });

  it('adds nothing when there are no tokens', () => {
    const results = emptyExtraction();
    namesStage.run(documentFromText('Mali'), results);
    expect(results.names).toEqual([]);
  });

  it('tags nothing in text of punctuation and numbers', () => {
    expect(names('12 , 300 ... 45 %')).toEqual([]);
  });

  it('does not take a month or a weekday for a name', () => {
    const found = names('On Tuesday, 14 March, the convoy reached the town.');
    expect(found).not.toContain('Tuesday');
    expect(found).not.toContain('March');
  });

  it('takes no title, nor the place or party before one, for a name', () => {
    const found = names('Democratic candidates went further, with former Maryland Gov. Martin O’Malley calling the plan a fraud. Col. Assimi Goïta spoke after Lt. Col. Damiba.');
    for (const w of ['Maryland Gov', 'Maryland Gov.', 'Gov', 'Gov.', 'Col', 'Col.', 'Lt', 'Lt.']) expect(found).not.toContain(w);
    expect(found).toContain('Martin O’Malley');
  });

  it('keeps the title of a place name ("St. Louis") in the place', () => {
    const found = names('The plane landed in St. Louis on Monday.');
    expect(found).toContain('St. Louis');
  });
});
