import type { DocumentOrigin } from '../model.js';
import { parsePartialDate } from './date.js';
import type { ReadResult } from './types.js';

/**
 * Articles as JSON: a .json file holds one object or an array of them (or an object whose
 * `articles`/`items`/`documents` is one); a .jsonl file one object per line. Each object needs
 * `text` (or `content`/`body`); `title`, `url`, `published`, `outlet`/`source`, `author`,
 * `language` and `id` are optional.
 */

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(str).filter((x) => x).join(', ') || null;
  if (v !== null && typeof v === 'object' && 'name' in v) return str((v as { name: unknown }).name);
  return null;
}

function articleFrom(value: unknown, input: string, origin: DocumentOrigin): ReadResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { input, error: 'not a JSON object' };
  const o = value as Record<string, unknown>;
  const text = [o.text, o.content, o.body, o.articleBody].find((t) => typeof t === 'string' && t.trim().length > 0);
  if (typeof text !== 'string') return { input, error: 'no "text" field' };
  const publishedValue = o.published ?? o.date ?? o.datePublished ?? o.published_at ?? null;
  const published = parsePartialDate(publishedValue);
  return {
    input,
    raw: {
      text,
      title: str(o.title ?? o.headline),
      url: str(o.url ?? o.link),
      outlet: str(o.outlet ?? o.source ?? o.publisher),
      author: str(o.author ?? o.authors ?? o.byline),
      published,
      language: str(o.language ?? o.lang),
      origin,
    },
    warning: publishedValue !== null && publishedValue !== undefined && !published ? `unreadable date ${JSON.stringify(publishedValue)}` : undefined,
  };
}

function label(path: string, o: unknown, fallback: string): string {
  const id = o !== null && typeof o === 'object' ? (o as Record<string, unknown>).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `${path}#${id}` : `${path}${fallback}`;
}

export function readJson(text: string, path: string, origin: DocumentOrigin): ReadResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return [{ input: path, error: `invalid JSON: ${(e as Error).message}` }];
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    const list = [o.articles, o.items, o.documents].find(Array.isArray);
    if (list && o.text === undefined) value = list;
  }
  if (!Array.isArray(value)) return [articleFrom(value, path, origin)];
  if (value.length === 0) return [{ input: path, error: 'empty JSON array' }];
  return value.map((v, i) => articleFrom(v, label(path, v, `[${i}]`), origin));
}

export function readJsonl(text: string, path: string, origin: DocumentOrigin): ReadResult[] {
  const out: ReadResult[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      out.push({ input: `${path}:${i + 1}`, error: `invalid JSON: ${(e as Error).message}` });
      continue;
    }
    out.push(articleFrom(value, label(path, value, `:${i + 1}`), origin));
  }
  if (out.length === 0) return [{ input: path, error: 'no JSON lines' }];
  return out;
}
