import type { RawArticle } from './document.js';

/** What a format reader yields for one article: the article, or why there is none. */
export interface ReadResult {
  /** names the file, URL or feed item */
  input: string;
  raw?: RawArticle;
  error?: string;
  /** the article was read but something about it is worth saying (e.g. only a feed summary) */
  warning?: string;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${n} bytes`;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
