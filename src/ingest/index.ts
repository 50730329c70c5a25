import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../model.js';
import { decodeBytes } from './bytes.js';
import { parsePartialDate } from './date.js';
import { detectFormat, SUPPORTED_EXTENSIONS, formatFromExtension } from './detect.js';
import { buildDocument } from './document.js';
import { readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJson, readJsonl } from './json.js';
import { readMarkdown } from './markdown.js';
import { readTxt } from './txt.js';
import { declaredCharset, fetchArticle, readUrl } from './url.js';
import { DEFAULT_MAX_BYTES, errorMessage, formatBytes, type ReadResult } from './types.js';

/**
 * Ingest entry point: files, folders, URLs and feeds in, Documents out, one at a time. A bad
 * input becomes an item carrying its error and the next input is read as if nothing happened.
 */

export interface IngestOptions {
  /** publication date for documents that carry none (ISO 8601 at any precision) */
  published?: string;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface IngestItem {
  /** names the file, URL or feed item */
  input: string;
  doc?: Document;
  error?: string;
  /** read, with a remark (e.g. a feed summary kept because its link failed) */
  warning?: string;
}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // .git, editor droppings
    const path = join(dir, e.name);
    if (e.isDirectory()) await walk(path, out);
    else if (formatFromExtension(path) === null) continue;
    else if (e.isFile()) out.push(path);
    else if (e.isSymbolicLink()) {
      // a linked file is read; a linked folder is not followed (links can loop)
      const target = await stat(path).catch(() => null);
      if (target?.isFile()) out.push(path);
    }
  }
}

/**
 * Inputs as the list of things that will be read: folders expanded recursively to the files
 * with a supported extension (sorted), files and URLs kept as given. A path that does not exist
 * is kept too, so that reading it reports the error.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (isUrl(input) || input === STDIN) {
      out.push(input);
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) {
      const files: string[] = [];
      await walk(input, files);
      out.push(...files);
    } else out.push(input);
  }
  return out;
}

/** Extensions read when a folder is expanded. */
export const SUPPORTED_FILE_EXTENSIONS = [...SUPPORTED_EXTENSIONS].sort();

function fileError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return errorMessage(e);
}

/** All of a stream, refusing it once it passes `maxBytes`. */
async function readStream(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`larger than ${formatBytes(maxBytes)} limit (more than ${maxBytes} bytes)`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** "-" names standard input. */
export const STDIN = '-';

async function* readPath(path: string, options: IngestOptions, readAt: string): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string;
  try {
    let bytes: Buffer;
    if (path === STDIN) bytes = await readStream(process.stdin, maxBytes);
    else {
      const info = await stat(path);
      if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: info.isDirectory() ? 'EISDIR' : undefined });
      if (info.size > maxBytes) throw new Error(`larger than ${formatBytes(maxBytes)} limit (${info.size} bytes)`);
      bytes = await readFile(path);
    }
    try {
      text = decodeBytes(bytes);
    } catch (e) {
      // a page saved with its legacy charset declared in it is still readable
      const charset = declaredCharset(bytes);
      if (!charset || charset === 'utf-8' || charset === 'utf8' || !errorMessage(e).startsWith('invalid UTF-8')) throw e;
      text = decodeBytes(bytes, { charset });
    }
  } catch (e) {
    yield { input: path, error: fileError(e) };
    return;
  }
  const format = detectFormat(path === STDIN ? '' : path, text);
  const origin = { location: path === STDIN ? 'stdin' : path, format: path === STDIN ? ('stdin' as const) : format, readAt };
  try {
    switch (format) {
      case 'txt':
        yield { input: path, raw: readTxt(text, origin) };
        return;
      case 'md':
        yield { input: path, raw: readMarkdown(text, origin) };
        return;
      case 'html':
        yield { input: path, raw: readHtml(text, origin) };
        return;
      case 'json':
        yield* readJson(text, path, origin);
        return;
      case 'jsonl':
        yield* readJsonl(text, path, origin);
        return;
      case 'feed':
        yield* readFeed(text, path, readAt, (link) => fetchArticle(link, options, readAt));
        return;
    }
  } catch (e) {
    yield { input: path, error: errorMessage(e) };
  }
}

function toItem(r: ReadResult, fallbackPublished: ReturnType<typeof parsePartialDate>): IngestItem {
  if (!r.raw) return { input: r.input, error: r.error ?? 'unreadable' };
  try {
    const doc = buildDocument({ ...r.raw, published: r.raw.published ?? fallbackPublished });
    return r.warning ? { input: r.input, doc, warning: r.warning } : { input: r.input, doc };
  } catch (e) {
    const message = errorMessage(e);
    return { input: r.input, error: message === 'no text' ? 'no text (only white space)' : message };
  }
}

export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const fallback = options.published ? parsePartialDate(options.published) : null;
  if (options.published && !fallback) throw new Error(`--published: not an ISO 8601 date: ${options.published}`);
  const readAt = new Date().toISOString();
  for (const input of await expandInputs(inputs)) {
    const results = isUrl(input) ? readUrl(input, options, readAt) : readPath(input, options, readAt);
    for await (const r of results) yield toItem(r, fallback);
  }
}
