import { describe, expect, it } from 'vitest';
import { buildDocument, documentFromText } from './document.js';

// Sentences from the English Wikipedia article "Wagner Group activities in Mali" (CC BY-SA 4.0).
const TEXT = [
  'Wagner Group in Mali',
  'The Wagner Group began deploying to Mali in December 2021, after the Malian junta hired the Russian company. According to U.S. officials, about 2,000 mercenaries were in the country by 2023.',
  'In June 2025 the group announced its departure. The Africa Corps, under the Russian Ministry of Defence, remained.',
].join('\n');

describe('buildDocument', () => {
  it('normalises the text, hashes it and finds paragraphs and sentences with offsets', () => {
    const doc = documentFromText(`  ${TEXT.replace(/ /g, '  ')}\r\n`, '2025-06');
    expect(doc.text).toBe(TEXT);
    expect(doc.id).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.published).toEqual({ value: '2025-06', precision: 'month' });
    expect(doc.language).toBe('en');
    expect(doc.paragraphs).toHaveLength(3);
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toEqual([
      'Wagner Group in Mali',
      'The Wagner Group began deploying to Mali in December 2021, after the Malian junta hired the Russian company.',
      'According to U.S. officials, about 2,000 mercenaries were in the country by 2023.',
      'In June 2025 the group announced its departure.',
      'The Africa Corps, under the Russian Ministry of Defence, remained.',
    ]);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2, 2]);
  });

  it('gives the same id to the same words whatever the spacing and line endings', () => {
    expect(documentFromText(TEXT).id).toBe(documentFromText(TEXT.replace(/\n/g, '\r\n') + '\n\n').id);
  });

  it('keeps metadata, a declared language and an unknown date as null', () => {
    const doc = buildDocument({
      text: TEXT,
      title: '  Wagner   in Mali ',
      language: 'en-GB',
      origin: { location: 'a.txt', format: 'txt', readAt: '2025-01-01T00:00:00.000Z' },
    });
    expect(doc.title).toBe('Wagner in Mali');
    expect(doc.language).toBe('en');
    expect(doc.published).toBeNull();
    expect(doc.origins).toHaveLength(1);
  });

  it('marks a short text as undetermined language', () => {
    expect(documentFromText('Bamako, Mali').language).toBe('und');
  });
});

describe('buildDocument paragraphs', () => {
  it('keeps a hard-wrapped paragraph whole when blank lines separate paragraphs', () => {
    // after the English Wikipedia article "Islamist insurgency in the Sahel" (CC BY-SA 4.0)
    const text =
      'Background\n' +
      'The Islamist insurgency in the Sahel began in 2012 when armed groups took\n' +
      'control of northern Mali, and it has since spread to Burkina Faso and\n' +
      'Niger.\n\nSecond paragraph.';
    const doc = documentFromText(text);
    expect(doc.paragraphs).toHaveLength(2);
    expect(doc.sentences.map((s) => doc.text.slice(s.start, s.end))).toEqual([
      'Background',
      'The Islamist insurgency in the Sahel began in 2012 when armed groups took\ncontrol of northern Mali, and it has since spread to Burkina Faso and\nNiger.',
      'Second paragraph.',
    ]);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});
