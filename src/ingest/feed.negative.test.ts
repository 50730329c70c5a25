import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type IngestItem } from './index.js';
import { readFeed } from './feed.js';
import type { ReadResult } from './types.js';
import { startServer, type TestServer } from './fixtures/server.js';

const SECRET = 'SITREP-SECRET-7f3a9c';
let dir: string;
let secretFile: string;
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-feed-'));
  secretFile = join(dir, 'secret.txt');
  await writeFile(secretFile, SECRET);
  server = await startServer({
    '/dtd': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml-dtd' });
      res.end(`<!ENTITY leak "${SECRET}">`);
    },
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function readFeedFile(name: string, xml: string): Promise<IngestItem[]> {
  const path = join(dir, name);
  await writeFile(path, xml);
  const items: IngestItem[] = [];
  for await (const item of readInputs([path])) items.push(item);
  return items;
}

const item = (description: string): string =>
  `<item><title>Attack near Gao</title><description>${description}</description><pubDate>Mon, 02 Nov 2020 18:00:00 GMT</pubDate></item>`;

describe('bad feeds', () => {
  it('malformed feed (unclosed elements)', async () => {
    const items = await readFeedFile('broken.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>${item('Gunmen attacked.')}`);
    expect(items).toHaveLength(1);
    expect(items[0].doc).toBeUndefined();
    expect(items[0].error).toMatch(/^malformed feed: unclosed element\(s\) rss,channel/);
  });

  it('malformed feed (mismatched tags)', async () => {
    const [only] = await readFeedFile('mismatch.rss', '<rss><channel><title>T</channel></rss>');
    expect(only.error).toMatch(/^malformed feed: Expected closing tag 'title'/);
  });

  it('XML that is not a feed', async () => {
    const [only] = await readFeedFile('note.xml', '<?xml version="1.0"?><note><to>Tove</to></note>');
    expect(only.error).toMatch(/^malformed feed: /);
  });

  it('external entity (file and URL) is refused and never resolved', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY file SYSTEM "file://${secretFile}">
  <!ENTITY remote SYSTEM "${server.base}/secret">
  <!ENTITY % dtd SYSTEM "${server.base}/dtd"> %dtd;
]>
<rss version="2.0"><channel><title>Feed</title>${item('&file; &remote; &leak;')}</channel></rss>`;
    const items = await readFeedFile('xxe.xml', xxe);
    expect(items).toEqual([{ input: join(dir, 'xxe.xml'), error: 'feed declares an XML entity (refused)' }]);
    expect(server.requests).toEqual([]);
    expect(JSON.stringify(items)).not.toContain(SECRET);
  });

  it('entity expansion ("billion laughs") is refused, never expanded', async () => {
    const levels = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${levels.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol9;</title>${item('&lol9;')}</channel></rss>`;
    const items = await readFeedFile('lol.xml', bomb);
    expect(items).toEqual([{ input: join(dir, 'lol.xml'), error: 'feed declares an XML entity (refused)' }]);
  });

  it('a DOCTYPE naming an external DTD (RSS 0.91 style) is read without fetching the DTD', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "${server.base}/dtd">
<rss version="0.91"><channel><title>Old feed</title>${item('Gunmen attacked an army post near Gao on Monday, the army said in a statement.')}</channel></rss>`;
    const items = await readFeedFile('old.rss', xml);
    expect(items).toHaveLength(1);
    expect(items[0].doc!.text).toBe('Gunmen attacked an army post near Gao on Monday, the army said in a statement.');
    expect(server.requests).toEqual([]);
  });

  it('a feed without items', async () => {
    const [only] = await readFeedFile('empty.xml', '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>');
    expect(only.error).toBe('feed has no items');
  });

  it('an item with neither text nor link', async () => {
    const items = await readFeedFile('hollow.xml', `<rss version="2.0"><channel><title>T</title><item><title>Headline only</title></item>${item('Gunmen attacked an army post near Gao.')}</channel></rss>`);
    expect(items.map((i) => i.error ?? 'doc')).toEqual(['feed item has no text and no link', 'doc']);
  });
  it('a public feed linking to a private address: the link is never fetched', async () => {
    const fetched: string[] = [];
    const xml = `<rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>http://169.254.169.254/latest/meta-data</link><description>Gunmen attacked an army post near Gao.</description></item>
<item><title>B</title><link>http://localhost:8080/admin</link></item></channel></rss>`;
    const out: ReadResult[] = [];
    const fetcher = (url: string): Promise<never> => {
      fetched.push(url);
      return Promise.reject(new Error('must not be called'));
    };
    for await (const r of readFeed(xml, 'https://news.example.org/feed', '2026-01-01T00:00:00Z', fetcher)) out.push(r);
    expect(fetched).toEqual([]);
    expect(out[0]).toMatchObject({ raw: { text: 'Gunmen attacked an army post near Gao.' }, warning: expect.stringMatching(/private address \(169\.254\.169\.254\) from a public feed refused; kept the feed's summary/) });
    expect(out[1]).toMatchObject({ input: 'https://news.example.org/feed > http://localhost:8080/admin', error: expect.stringMatching(/^feed item has no text and its link to a private address \(localhost\)/) });
  });
});
