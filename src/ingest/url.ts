import type { RawArticle } from './document.js';
import { decodeBytes } from './bytes.js';
import { sniffFormat } from './detect.js';
import { readFeed } from './feed.js';
import { fetchUrl, type Fetched, type FetchOptions } from './fetch.js';
import { readHtml } from './html.js';
import { readJson, readJsonl } from './json.js';
import { readMarkdown } from './markdown.js';
import { readTxt } from './txt.js';
import { errorMessage, type ReadResult } from './types.js';

/** A URL read by what the server says it is (its content type), checked against what it looks like. */

type Kind = 'html' | 'feed' | 'txt' | 'md' | 'json' | 'jsonl';

function kindOf(contentType: string, text: string): Kind {
  const sniffed = sniffFormat(text);
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml') return sniffed === 'feed' ? 'feed' : 'html';
  if (contentType.endsWith('xml')) return sniffed === 'html' ? 'html' : 'feed';
  if (contentType.includes('json')) return sniffed === 'feed' ? 'feed' : contentType.includes('nd') || contentType.includes('jsonl') ? 'jsonl' : 'json';
  if (contentType === 'text/markdown') return 'md';
  // text/plain or nothing: trust the content when it is markup
  if (sniffed === 'html' || sniffed === 'feed') return sniffed;
  if (contentType === '' && (sniffed === 'json' || sniffed === 'jsonl')) return sniffed;
  return 'txt';
}

/** The charset a page declares in its first bytes (<meta charset>, http-equiv, XML declaration). */
export function declaredCharset(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function decodeFetched(res: Fetched): string {
  if (res.body.length === 0) throw new Error('empty response body');
  return decodeBytes(res.body, { charset: res.charset ?? declaredCharset(res.body), lenient: true });
}

/** The article at `url`: fetched, decoded and read as HTML (or text) — used for feed item links. */
export async function fetchArticle(url: string, options: FetchOptions, readAt: string): Promise<RawArticle> {
  const res = await fetchUrl(url, options);
  const text = decodeFetched(res);
  const kind = kindOf(res.contentType, text);
  const origin = { location: url, format: 'url' as const, readAt };
  if (kind === 'html') return readHtml(text, origin, res.url);
  if (kind === 'txt') return readTxt(text, origin);
  if (kind === 'md') return readMarkdown(text, origin);
  throw new Error(`expected an article, got ${kind === 'feed' ? 'a feed' : 'JSON'}`);
}

export async function* readUrl(url: string, options: FetchOptions, readAt: string): AsyncGenerator<ReadResult> {
  let res: Fetched;
  let text: string;
  try {
    res = await fetchUrl(url, options);
    text = decodeFetched(res);
  } catch (e) {
    yield { input: url, error: errorMessage(e) };
    return;
  }
  const origin = { location: url, format: 'url' as const, readAt };
  try {
    switch (kindOf(res.contentType, text)) {
      case 'feed':
        yield* readFeed(text, url, readAt, (link) => fetchArticle(link, options, readAt));
        return;
      case 'html':
        yield { input: url, raw: readHtml(text, origin, res.url) };
        return;
      case 'json':
        yield* readJson(text, url, origin);
        return;
      case 'jsonl':
        yield* readJsonl(text, url, origin);
        return;
      case 'md': {
        const raw = readMarkdown(text, origin);
        yield { input: url, raw: { ...raw, url: raw.url ?? url } };
        return;
      }
      case 'txt':
        yield { input: url, raw: { ...readTxt(text, origin), url } };
        return;
    }
  } catch (e) {
    yield { input: url, error: errorMessage(e) };
  }
}
