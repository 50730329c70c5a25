import { extname } from 'node:path';

/**
 * Which reader a file goes to. The extension is a first guess; the content decides when it
 * clearly says otherwise (a .txt that is an HTML page, a feed saved without .xml).
 */
export type FileFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'feed';

const BY_EXTENSION: Record<string, FileFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
};

export const SUPPORTED_EXTENSIONS = new Set(Object.keys(BY_EXTENSION));

export function formatFromExtension(path: string): FileFormat | null {
  return BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** True when `text` is a JSON Feed (https://jsonfeed.org), judged from its `version`. */
export function isJsonFeed(text: string): boolean {
  return /^\s*\{[\s\S]{0,4000}?"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 4096));
}

/** What the first bytes of a text look like, or null when they look like plain prose. */
export function sniffFormat(text: string): FileFormat | null {
  const head = text.slice(0, 2048).replace(/^[\s\ufeff]+/, '');
  const lower = head.toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /<(?:head|body)[\s>]/.test(lower)) return 'html';
  if (/<(?:rss|feed|rdf:rdf)[\s>]/.test(lower) && (lower.startsWith('<?xml') || lower.startsWith('<rss') || lower.startsWith('<feed') || lower.startsWith('<rdf') || lower.startsWith('<!--'))) {
    return 'feed';
  }
  if (lower.startsWith('<?xml')) return lower.includes('<html') ? 'html' : 'feed';
  if (head.startsWith('---\n') || head.startsWith('---\r\n')) return 'md';
  if (head.startsWith('{') && isJsonFeed(head)) return 'feed';
  if (head.startsWith('{') || head.startsWith('[')) {
    const firstLineEnd = head.indexOf('\n');
    const firstLine = (firstLineEnd < 0 ? head : head.slice(0, firstLineEnd)).trim();
    // one complete object on the first line and more after it: JSON Lines
    if (head.startsWith('{') && firstLine.endsWith('}') && firstLineEnd > 0 && text.slice(firstLineEnd).trim().startsWith('{')) {
      return 'jsonl';
    }
    return 'json';
  }
  return null;
}

/**
 * The format to read `path` with. Content wins over the extension only when it is structured
 * (HTML, feed, JSON) and the extension says plain text or nothing, or when they disagree about
 * markup (an HTML page saved as .xml).
 */
export function detectFormat(path: string, text: string): FileFormat {
  const byExt = formatFromExtension(path);
  let sniffed = sniffFormat(text);
  // prose can open with a bracket ("[Reuters] ..."): only JSON that parses counts as JSON
  if ((sniffed === 'json' || sniffed === 'jsonl') && (byExt === null || byExt === 'txt') && !parses(text, sniffed)) sniffed = null;
  if (byExt === null) return sniffed ?? 'txt';
  if (sniffed === null) return byExt;
  if (byExt === 'txt') return sniffed === 'md' ? 'txt' : sniffed;
  if ((byExt === 'feed' && sniffed === 'html') || (byExt === 'html' && sniffed === 'feed')) return sniffed;
  if (byExt === 'json' && (sniffed === 'jsonl' || sniffed === 'feed')) return sniffed;
  return byExt;
}

function parses(text: string, format: 'json' | 'jsonl'): boolean {
  const source = format === 'json' ? text : text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}
