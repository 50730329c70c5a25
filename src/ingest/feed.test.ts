import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type IngestItem } from './index.js';
import { isPrivateHost, refusedLink, repairFeedXml } from './feed.js';

let dir: string;
let paragraphs: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-feeds-'));
  const text = await readFile(fileURLToPath(new URL('./fixtures/boulikessi.txt', import.meta.url)), 'utf8');
  paragraphs = text.split('\n\n').slice(1);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFile1(name: string, content: string): Promise<IngestItem[]> {
  const path = join(dir, name);
  await writeFile(path, content);
  const items: IngestItem[] = [];
  for await (const item of readInputs([path])) items.push(item);
  return items;
}

describe('JSON Feed', () => {
  const jsonFeed = (): string =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example Sahel Monitor',
      language: 'en',
      authors: [{ name: 'Example Desk' }],
      items: [
        {
          id: '1',
          url: 'https://news.example.org/2020/11/02/boulikessi',
          title: 'French forces strike JNIM column near Boulikessi',
          content_html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
          date_published: '2020-11-02T18:00:00Z',
          authors: [{ name: 'A. Correspondent' }],
        },
        { id: '2', title: 'Plain item', content_text: paragraphs[0], date_published: '2020-11-03' },
      ],
    });

  it('reads its items with title, outlet, author and date, by content whatever the extension', async () => {
    for (const name of ['feed.json', 'feed.txt', 'feed-without-extension']) {
      const items = await readFile1(name, jsonFeed());
      expect(items.map((i) => i.error ?? 'doc')).toEqual(['doc', 'doc']);
      expect(items[0].doc).toMatchObject({
        title: 'French forces strike JNIM column near Boulikessi',
        outlet: 'Example Sahel Monitor',
        author: 'A. Correspondent',
        url: 'https://news.example.org/2020/11/02/boulikessi',
        published: { value: '2020-11-02T18:00:00Z', precision: 'time' },
      });
      expect(items[0].doc!.paragraphs).toHaveLength(paragraphs.length);
      expect(items[0].doc!.origins[0]).toMatchObject({ format: 'feed', feed: join(dir, name) });
      // the feed's author stands in for an item's own
      expect(items[1].doc).toMatchObject({ title: 'Plain item', author: 'Example Desk', published: { value: '2020-11-03', precision: 'day' } });
    }
  });

  it('a broken JSON Feed is an error naming the file', async () => {
    const [only] = await readFile1('broken.json', '{"version": "https://jsonfeed.org/version/1", "items": [');
    expect(only.input).toBe(join(dir, 'broken.json'));
    expect(only.error).toMatch(/^malformed JSON Feed: /);
    const [noItems] = await readFile1('noitems.json', '{"version": "https://jsonfeed.org/version/1.1", "title": "T"}');
    expect(noItems.error).toBe('malformed JSON Feed: no "items" list');
  });
});

describe('XML feeds with bare ampersands', () => {
  it('reads a feed whose title, link and text carry a bare "&"', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Mali & Niger Monitor</title>
<item><title>Attack near Gao & Menaka</title><link>https://news.example.org/a?x=1&y=2</link>
<description>${paragraphs[0].replace(/&/g, '&amp;')} Troops &amp; police were deployed.</description></item></channel></rss>`;
    const [only] = await readFile1('ampersand.rss', xml);
    expect(only.error).toBeUndefined();
    expect(only.doc).toMatchObject({ title: 'Attack near Gao & Menaka', outlet: 'Mali & Niger Monitor', url: 'https://news.example.org/a?x=1&y=2' });
    expect(only.doc!.text).toContain('Troops & police were deployed.');
  });

  it('escapes only ampersands that start no reference', () => {
    expect(repairFeedXml('a & b &amp; c &#38; d &#x26; e &eacute; f &')).toBe('a &amp; b &amp; c &#38; d &#x26; e &eacute; f &amp;');
  });
});

describe('feed item links', () => {
  it('knows private and loopback hosts as written', () => {
    for (const host of ['localhost', 'api.localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '[::1]', '::', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', 'printer.local', 'metadata.google.internal']) {
      expect(isPrivateHost(host), host).toBe(true);
    }
    for (const host of ['news.example.org', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2001:db8::1', 'localhost.example.org']) {
      expect(isPrivateHost(host), host).toBe(false);
    }
  });

  it('a public feed may not send sitrep to a private address; a local feed or file may', () => {
    expect(refusedLink('https://news.example.org/feed', 'http://169.254.169.254/latest/meta-data')).toMatch(/private address \(169\.254\.169\.254\)/);
    expect(refusedLink('https://news.example.org/feed', 'http://localhost:8080/admin')).toMatch(/private address/);
    expect(refusedLink('https://news.example.org/feed', 'https://news.example.org/story')).toBeNull();
    expect(refusedLink('http://127.0.0.1:8000/feed', 'http://127.0.0.1:8000/story')).toBeNull();
    expect(refusedLink('/home/analyst/feeds/wire.xml', 'http://10.0.0.5/story')).toBeNull();
    expect(refusedLink('https://news.example.org/feed', 'file:///etc/passwd')).toBe('not an http(s) link');
  });
});
