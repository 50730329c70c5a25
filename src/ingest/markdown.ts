import { parse as parseYaml } from 'yaml';
import type { RawArticle } from './document.js';
import type { DocumentOrigin } from '../model.js';
import { parsePartialDate } from './date.js';

/**
 * Markdown with optional YAML front matter (`title`, `published`/`date`, `url`, `source` (the
 * outlet), `language`, `author`). The body is turned into plain text: headings, list items and
 * paragraphs become paragraphs; emphasis, link targets and images are dropped.
 */

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

/** Front-matter keys sitrep reads. */
const WANTED = new Set([
  'title', 'published', 'date', 'datepublished', 'url', 'link', 'source', 'outlet', 'publisher', 'language', 'lang', 'author', 'byline',
]);

/**
 * Only the top-level entries sitrep reads, so a large front matter (a parsed Wikipedia infobox
 * runs to hundreds of lines) costs a line scan instead of a full YAML parse. An entry is a line
 * starting at column 0 with `key:` plus the indented or blank lines after it.
 */
function wantedEntries(yaml: string): string {
  const out: string[] = [];
  let keep = false;
  for (const line of yaml.split('\n')) {
    const c = line.charCodeAt(0);
    if (line.length > 0 && c !== 32 && c !== 9 && c !== 35 /* # */) {
      const key = /^["']?([\w-]+)["']?\s*:/.exec(line);
      // a line at column 0 that is not `key:` (a document marker, a flow continuation): keep all
      if (!key) return yaml;
      keep = WANTED.has(key[1].toLowerCase());
    }
    if (keep) out.push(line);
  }
  return out.join('\n');
}

export function splitFrontMatter(text: string): FrontMatter {
  const src = text.replace(/^\ufeff/, '');
  const m = /^---[ \t]*\r?\n/.exec(src);
  if (!m) return { data: {}, body: src };
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = m[0].length - 1;
  const end = close.exec(src);
  if (!end) return { data: {}, body: src };
  let data: unknown;
  try {
    data = parseYaml(wantedEntries(src.slice(m[0].length, end.index)), { maxAliasCount: 50 });
  } catch (e) {
    throw new Error(`invalid YAML front matter: ${(e as Error).message.split('\n')[0]}`);
  }
  return {
    data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: src.slice(end.index + end[0].length),
  };
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v !== null && typeof v === 'object' && 'name' in v) return str((v as { name: unknown }).name);
  if (Array.isArray(v)) return v.map(str).filter((x) => x).join(', ') || null;
  return null;
}

/** Inline markup to text: images out, links to their text, emphasis and code marks off. */
function inline(line: string): string {
  return line
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/(\*\*|__)(?=\S)([^*_\n]+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]+?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

export function markdownToText(body: string): string {
  const lines = body.split(/\r?\n/);
  const blankLines = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1 && lines[i - 1].trim() !== '');
  const blocks: string[] = [];
  let current: string[] = [];
  let fence = false;
  const close = (): void => {
    if (current.length > 0) blocks.push(current.join('\n'));
    current = [];
  };
  for (const rawLine of lines) {
    const line = rawLine.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      fence = !fence;
      close();
      continue;
    }
    if (fence) {
      current.push(line);
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) {
      close(); // thematic break
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    const item = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    const quote = /^\s*>\s?(.*)$/.exec(line);
    const text = inline(heading ? heading[1] : item ? item[1] : quote ? quote[1] : line.trim()).trim();
    if (heading || item || !blankLines) {
      close();
      if (text) blocks.push(text);
      continue;
    }
    if (text) current.push(text);
  }
  close();
  return blocks.join(blankLines ? '\n\n' : '\n');
}

export function readMarkdown(text: string, origin: DocumentOrigin): RawArticle {
  const { data, body } = splitFrontMatter(text);
  const published = parsePartialDate(data.published ?? data.date ?? data.datePublished ?? null);
  return {
    text: markdownToText(body),
    title: str(data.title),
    url: str(data.url ?? data.link),
    outlet: str(data.source ?? data.outlet ?? data.publisher),
    author: str(data.author ?? data.byline),
    published,
    language: str(data.language ?? data.lang),
    origin,
  };
}
