import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type IngestItem } from './index.js';
import { startServer, type TestServer } from './fixtures/server.js';
import { USER_AGENT } from './fetch.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

// The Boulikessi paragraphs of fixtures/boulikessi.txt (Wikipedia, CC BY-SA 4.0), as a feed's full item text.
const boulikessi = fixture('boulikessi.txt').split('\n\n').slice(1).join('</p><p>');

let server: TestServer;
const agents: string[] = [];

beforeAll(async () => {
  server = await startServer({
    '/article': (req, res) => {
      agents.push(String(req.headers['user-agent']));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fixture('minusma.html'));
    },
    '/plain': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(fixture('boulikessi.txt'));
    },
    '/html-as-plain': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(fixture('minusma.html'));
    },
    '/latin1': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(Buffer.from(`<html><body><article><p>${fixture('boulikessi.txt').split('\n\n')[2]}</p></article></body></html>`, 'latin1'));
    },
    '/hop/*': (req, res) => {
      const n = Number(req.url!.split('/').pop());
      res.writeHead(302, { location: n > 1 ? `/hop/${n - 1}` : '/article' });
      res.end();
    },
    '/feed': (_req, res, base) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Example Sahel Monitor</title><link>${base}/</link>
<item><title>Boulikessi</title><link>${base}/boulikessi</link><pubDate>Mon, 02 Nov 2020 18:00:00 GMT</pubDate><description><![CDATA[<p>${boulikessi}</p>]]></description></item>
<item><title>Timbuktu super camp attacked</title><link>${base}/article</link><pubDate>Sun, 15 Apr 2018 12:00:00 GMT</pubDate><description>Militants attacked the MINUSMA base.</description></item>
<item><title>Gone</title><link>${base}/gone</link><pubDate>Sun, 15 Apr 2018 12:00:00 GMT</pubDate><description>Only a summary of a page that is gone.</description></item>
</channel></rss>`);
    },
    '/excerpt-feed': (_req, res, base) => {
      res.writeHead(200, { 'content-type': 'application/atom+xml' });
      res.end(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Excerpts</title><entry><title>Timbuktu</title><link href="${base}/article"/>
<summary>${boulikessi.replace(/<\/?p>/g, ' ')} [&#8230;]</summary></entry></feed>`);
    },
  });
});
afterAll(async () => {
  await server.close();
});

async function readAll(inputs: string[]): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs)) out.push(item);
  return out;
}

describe('readInputs: URLs', () => {
  it('reads an HTML page by its content type and names sitrep in the User-Agent', async () => {
    const [item] = await readAll([`${server.base}/article`]);
    expect(item.doc).toMatchObject({ title: 'Militants attack UN super camp in Timbuktu', outlet: 'Example Wire', published: { value: '2018-04-15' } });
    expect(item.doc!.origins[0]).toMatchObject({ location: `${server.base}/article`, format: 'url' });
    expect(agents.at(-1)).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^sitrep\//);
  });

  it('reads text/plain as text, unless it is an HTML page', async () => {
    const [plain, html] = await readAll([`${server.base}/plain`, `${server.base}/html-as-plain`]);
    expect(plain.doc!.title).toBe('Battle of Boulikessi');
    expect(plain.doc!.url).toBe(`${server.base}/plain`);
    expect(html.doc!.title).toBe('Militants attack UN super camp in Timbuktu');
  });

  it('decodes the charset the server declares', async () => {
    const [item] = await readAll([`${server.base}/latin1`]);
    expect(item.doc!.text).toContain('Frédéric Barbry');
  });

  it('follows up to five redirects', async () => {
    const [item] = await readAll([`${server.base}/hop/5`]);
    expect(item.error).toBeUndefined();
    expect(item.doc!.title).toBe('Militants attack UN super camp in Timbuktu');
  });

  it('reads a feed URL: complete items as they are, summaries by fetching their link, keeping the summary when the link fails', async () => {
    const before = server.requests.length;
    const items = await readAll([`${server.base}/feed`]);
    expect(items).toHaveLength(3);
    const [full, linked, gone] = items;
    expect(full.doc!.text).toContain('Florence Parly');
    expect(full.doc!.published).toEqual({ value: '2020-11-02T18:00:00Z', precision: 'time' });
    expect(server.requests.slice(before)).not.toContain('/boulikessi'); // complete: not fetched
    // the page's metadata wins over the feed's
    expect(linked.doc).toMatchObject({ title: 'Militants attack UN super camp in Timbuktu', published: { value: '2018-04-15', precision: 'day' } });
    expect(linked.doc!.text).toContain('Quick Reaction Force');
    expect(linked.doc!.origins[0]).toMatchObject({ format: 'feed', feed: `${server.base}/feed` });
    expect(gone.doc!.text).toBe('Only a summary of a page that is gone.');
    expect(gone.warning).toMatch(/HTTP 404/);
  });

  it('fetches the link of a long item that ends like an excerpt ("[…]")', async () => {
    const [item] = await readAll([`${server.base}/excerpt-feed`]);
    expect(item.doc!.text).toContain('Quick Reaction Force');
  });
});
