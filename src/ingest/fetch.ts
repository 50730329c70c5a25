import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './types.js';

/**
 * HTTP GET for ingest: one deadline for the whole exchange (headers and body), a byte limit
 * counted while the body streams (an endless body ends in an error, not in memory exhaustion),
 * redirects followed by hand so their number is bounded, and only content types sitrep reads.
 */

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface Fetched {
  /** the URL after redirects */
  url: string;
  status: number;
  /** media type without parameters, lower case; '' when the server sent none */
  contentType: string;
  charset: string | null;
  body: Uint8Array;
}

export const USER_AGENT = 'sitrep/0.1 (conflict-news ingest; +https://github.com/sitrep)';

const ACCEPTED = new Set([
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+xml',
  'text/plain',
  'text/markdown',
  'application/json',
  'application/ld+json',
  'application/x-ndjson',
  'application/jsonl',
]);

export function acceptsContentType(type: string): boolean {
  return type === '' || ACCEPTED.has(type) || (type.startsWith('application/') && type.endsWith('+xml'));
}

function parseContentType(header: string | null): { type: string; charset: string | null } {
  if (!header) return { type: '', charset: null };
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    default:
      return cause?.message ?? (e instanceof Error ? e.message : String(e));
  }
}

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeoutError = (): Error => new Error(`timeout after ${timeoutMs / 1000} s`);
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        throw new Error(`invalid URL ${current}`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`unsupported URL scheme ${parsed.protocol}`);
      let res: Response;
      try {
        res = await fetch(parsed, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            'user-agent': USER_AGENT,
            accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8,*/*;q=0.1',
          },
        });
      } catch (e) {
        if (timedOut) throw timeoutError();
        throw new Error(describeNetworkError(e));
      }
      if (REDIRECT.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new Error(`HTTP ${res.status} redirect without a Location`);
        if (redirects + 1 > maxRedirects) throw new Error(`too many redirects (more than ${maxRedirects})`);
        current = new URL(location, parsed).href;
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
      }
      const { type, charset } = parseContentType(res.headers.get('content-type'));
      if (!acceptsContentType(type)) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`unsupported content type ${type}`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`body exceeds ${maxBytes} bytes (Content-Length ${declared})`);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      if (res.body) {
        const reader = res.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            total += value.byteLength;
            if (total > maxBytes) {
              controller.abort();
              throw new Error(`body exceeds ${maxBytes} bytes`);
            }
            chunks.push(value);
          }
        } catch (e) {
          if (timedOut) throw timeoutError();
          if (e instanceof Error && e.message.startsWith('body exceeds')) throw e;
          throw new Error(describeNetworkError(e));
        }
      }
      const body = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        body.set(c, at);
        at += c.byteLength;
      }
      return { url: current, status: res.status, contentType: type, charset, body };
    }
  } finally {
    clearTimeout(timer);
  }
}
