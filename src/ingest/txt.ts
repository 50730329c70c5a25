import type { RawArticle } from './document.js';
import type { DocumentOrigin } from '../model.js';

/** A first line that reads as a headline: short, no final full stop, more text after it. */
export function headlineOf(text: string): string | null {
  const trimmed = text.replace(/^\s+/, '');
  const nl = trimmed.indexOf('\n');
  if (nl < 0) return null;
  const first = trimmed.slice(0, nl).trim();
  if (first.length === 0 || first.length > 160 || /[.:;,]$/.test(first)) return null;
  if (trimmed.slice(nl).trim().length === 0) return null;
  return first;
}

export function readTxt(text: string, origin: DocumentOrigin): RawArticle {
  return { text, title: headlineOf(text), origin };
}
