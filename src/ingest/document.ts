import { createHash } from 'node:crypto';
import type { Document, DocumentOrigin, Paragraph, PartialDate, Sentence } from '../model.js';
import { normaliseText } from '../text/normalise.js';
import { splitParagraphs, splitParagraphSentences } from '../text/sentences.js';
import { detectLanguage, normaliseLanguageTag } from '../text/language.js';
import { parsePartialDate } from './date.js';

/** What a format reader hands over: text plus whatever metadata the format carried. */
export interface RawArticle {
  text: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  author?: string | null;
  published?: PartialDate | null;
  /** a declared language (front matter, JSON field): trusted over detection */
  language?: string | null;
  /** a language the source claims loosely (HTML lang, feed language): used only when detection cannot tell */
  languageHint?: string | null;
  origin: DocumentOrigin;
}

/** One line, single spaces, null when nothing is left. */
function cleanField(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = normaliseText(value).replace(/\s+/g, ' ').trim();
  return v.length > 0 ? v : null;
}

export function documentId(normalisedText: string): string {
  return createHash('sha256').update(normalisedText, 'utf8').digest('hex');
}

function languageOf(text: string, hint: string | null | undefined): string {
  const detected = detectLanguage(text);
  return detected !== 'und' ? detected : (normaliseLanguageTag(hint) ?? 'und');
}

/** Builds the Document: normalised text, its id, paragraphs and sentences with offsets, language. */
export function buildDocument(raw: RawArticle): Document {
  const text = normaliseText(raw.text);
  if (text.length === 0) throw new Error('no text');
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  for (const p of splitParagraphs(text)) {
    const index = paragraphs.length;
    paragraphs.push({ start: p.start, end: p.end, index });
    for (const s of splitParagraphSentences(text, p.start, p.end)) {
      sentences.push({ start: s.start, end: s.end, index: sentences.length, paragraph: index });
    }
  }
  return {
    id: documentId(text),
    title: cleanField(raw.title),
    url: cleanField(raw.url),
    outlet: cleanField(raw.outlet),
    author: cleanField(raw.author),
    published: raw.published ?? null,
    language: normaliseLanguageTag(raw.language) ?? languageOf(text, raw.languageHint),
    text,
    paragraphs,
    sentences,
    origins: [raw.origin],
  };
}

/** A Document from bare text, for tests and evaluators; `published` is ISO at any precision. */
export function documentFromText(text: string, published?: string | null): Document {
  return buildDocument({
    text,
    published: published ? parsePartialDate(published) : null,
    origin: { location: 'text', format: 'txt', readAt: new Date(0).toISOString() },
  });
}
