import { describe, expect, it } from 'vitest';
import type { Document } from '../model.js';
import { isHeadingSpan } from './heading.js';

const text = 'Malian troops entered Kidal in November 2023.\n\nAftermath\n\nThe Wagner Group said it lost fighters.\n\nReferences';

// paragraphs as the document builder marks them: runs of text between blank lines
function docOf(body: string): Document {
  const paragraphs = [...body.matchAll(/[^\n]+/g)].map((m, index) => ({ index, start: m.index, end: m.index + m[0].length }));
  return { id: 'test', title: null, url: null, outlet: null, author: null, published: null, language: 'en', text: body, paragraphs, sentences: [], origins: [] };
}

describe('isHeadingSpan', () => {
  const doc = docOf(text);
  const span = (s: string) => [doc.text.indexOf(s), doc.text.indexOf(s) + s.length] as const;

  it('knows a title standing alone as its paragraph', () => {
    expect(isHeadingSpan(doc, ...span('Aftermath'))).toBe(true);
    expect(isHeadingSpan(doc, ...span('References'))).toBe(true);
  });

  it('does not take a name inside a sentence for a heading', () => {
    expect(isHeadingSpan(doc, ...span('Wagner Group'))).toBe(false);
    expect(isHeadingSpan(doc, ...span('Kidal'))).toBe(false);
  });
});
