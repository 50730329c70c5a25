import type { Document } from '../model.js';

/**
 * Whether [start, end) is a section title standing alone as its own paragraph ("References",
 * "See also", "Aftermath"): articles read from Markdown or HTML keep their headings as short
 * paragraphs without closing punctuation, and a name tagger reads them as capitalised names.
 */
export function isHeadingSpan(doc: Document, start: number, end: number): boolean {
  const paragraph = doc.paragraphs.find((p) => p.start <= start && end <= p.end);
  if (!paragraph) return false;
  const text = doc.text.slice(paragraph.start, paragraph.end).trim();
  if (text.length === 0 || /[.!?:;,"”’)]$/.test(text)) return false;
  const words = text.split(/\s+/).length;
  // the name covers the whole paragraph, and the paragraph is as short as a title
  return words <= 4 && doc.text.slice(start, end).trim() === text;
}
