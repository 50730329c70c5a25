import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type IngestItem, type IngestOptions } from './index.js';
import { closedPort, startServer, type TestServer } from './fixtures/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/500': (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<h1>Internal Server Error</h1>');
    },
    '/endless': (_req, res) => {
      // a body that never ends: 64 KB chunks for as long as the client reads
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/silent': () => {
      // accepts the request and never answers
    },
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      res.write('The convoy reached Gao.');
    },
    '/loop/*': (req, res) => {
      const n = Number(req.url!.split('/').pop());
      res.writeHead(301, { location: `/loop/${n + 1}` });
      res.end();
    },
    '/image': (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    },
    '/empty': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end();
    },
    '/nothing': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><nav><a href="/">Home</a></nav></body></html>');
    },
    '/ftp-redirect': (_req, res) => {
      res.writeHead(302, { location: 'ftp://127.0.0.1/file' });
      res.end();
    },
  });
});
afterAll(async () => {
  await server.close();
});

async function errorOf(url: string, options?: IngestOptions): Promise<string | undefined> {
  const items: IngestItem[] = [];
  for await (const item of readInputs([url], options)) items.push(item);
  expect(items).toHaveLength(1);
  expect(items[0].input).toBe(url);
  expect(items[0].doc).toBeUndefined();
  return items[0].error;
}

describe('bad URLs give an error naming the URL and the reason', () => {
  it('unreachable URL', async () => {
    expect(await errorOf(`http://127.0.0.1:${await closedPort()}/article`)).toBe('connection refused');
  });

  it('URL answering 500', async () => {
    expect(await errorOf(`${server.base}/500`)).toBe('HTTP 500 Internal Server Error');
  });

  it('URL with an endless body stops at the size limit', async () => {
    expect(await errorOf(`${server.base}/endless`, { maxBytes: 1024 * 1024 })).toBe(`body exceeds ${1024 * 1024} bytes`);
  });

  it('URL announcing a body over the limit is refused before reading it', async () => {
    expect(await errorOf(`${server.base}/big`)).toBe(`body exceeds ${20 * 1024 * 1024} bytes (Content-Length ${50 * 1024 * 1024})`);
  });

  it('URL that never answers times out', async () => {
    expect(await errorOf(`${server.base}/silent`, { timeoutMs: 300 })).toBe('timeout after 0.3 s');
  });

  it('too many redirects', async () => {
    expect(await errorOf(`${server.base}/loop/0`)).toBe('too many redirects (more than 5)');
    expect(await errorOf(`${server.base}/loop/0`, { maxRedirects: 1 })).toBe('too many redirects (more than 1)');
  });

  it('redirect to a scheme other than http(s)', async () => {
    expect(await errorOf(`${server.base}/ftp-redirect`)).toBe('unsupported URL scheme ftp:');
  });

  it('content type sitrep does not read', async () => {
    expect(await errorOf(`${server.base}/image`)).toBe('unsupported content type image/png');
  });

  it('empty body, and a page with no article text', async () => {
    expect(await errorOf(`${server.base}/empty`)).toBe('empty response body');
    expect(await errorOf(`${server.base}/nothing`)).toBe('no article text found in HTML');
  });

  it('a bad URL never stops the inputs after it', async () => {
    const items: IngestItem[] = [];
    const refused = `http://127.0.0.1:${await closedPort()}/x`;
    for await (const item of readInputs([`${server.base}/500`, `${server.base}/image`, refused])) items.push(item);
    expect(items.map((i) => i.error)).toEqual(['HTTP 500 Internal Server Error', 'unsupported content type image/png', 'connection refused']);
  });
});
