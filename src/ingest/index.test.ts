import { mkdtemp, mkdir, copyFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, readInputs, type IngestItem, type IngestOptions } from './index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fx = (name: string): string => join(FIXTURES, name);

async function readAll(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) out.push(item);
  return out;
}

async function one(input: string, options?: IngestOptions): Promise<IngestItem> {
  const items = await readAll([input], options);
  expect(items).toHaveLength(1);
  return items[0];
}

describe('readInputs: files', () => {
  it('reads plain text, taking a headline-like first line as the title', async () => {
    const { doc, error } = await one(fx('boulikessi.txt'));
    expect(error).toBeUndefined();
    expect(doc!.title).toBe('Battle of Boulikessi');
    expect(doc!.published).toBeNull();
    expect(doc!.language).toBe('en');
    expect(doc!.origins[0]).toMatchObject({ location: fx('boulikessi.txt'), format: 'txt' });
    expect(doc!.sentences[0]).toMatchObject({ start: 0, end: 'Battle of Boulikessi'.length });
  });

  it('reads Markdown front matter (title, published, url, source as outlet, language, author) and strips markup', async () => {
    const { doc } = await one(fx('boulikessi.md'));
    expect(doc).toMatchObject({
      title: 'French forces strike JNIM column near Boulikessi',
      published: { value: '2020-11-02', precision: 'day' },
      url: 'https://news.example.org/2020/11/02/boulikessi',
      outlet: 'Example Sahel Monitor',
      author: 'Example Desk',
      language: 'en',
    });
    expect(doc!.text.startsWith('The battle of Boulikessi took place on October 30 and 31, 2020 during the war in Mali.\n\nBattle\n\n')).toBe(true);
    expect(doc!.text).not.toMatch(/\*\*|\]\(|##/);
  });

  it('reads the main text of an HTML page and its metadata from JSON-LD and meta tags', async () => {
    const { doc } = await one(fx('minusma.html'));
    expect(doc).toMatchObject({
      title: 'Militants attack UN super camp in Timbuktu',
      outlet: 'Example Wire',
      author: 'A. Correspondent',
      url: 'https://wire.example.com/africa/timbuktu-super-camp',
      published: { value: '2018-04-15', precision: 'day' },
      language: 'en',
    });
    expect(doc!.text).toContain('known informally as the "super camp"');
    expect(doc!.text).toContain('condemned the attack.');
    expect(doc!.text.startsWith('On 14 April 2018')).toBe(true); // no byline, no cookie banner
    for (const furniture of ['Most read', 'cookies', 'All rights reserved', 'Markets rally', 'analytics']) expect(doc!.text).not.toContain(furniture);
    expect(doc!.paragraphs.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the precision of a date given only to the month (Dublin Core meta)', async () => {
    const { doc } = await one(fx('boulikessi.html'));
    expect(doc!.published).toEqual({ value: '2020-11', precision: 'month' });
    expect(doc!.author).toBe('Example Desk');
  });

  it('reads a JSON array and JSON Lines, one document per object', async () => {
    const json = await readAll([fx('articles.json')]);
    expect(json.map((i) => i.input)).toEqual([`${fx('articles.json')}#boulikessi`, `${fx('articles.json')}#boulikessi-short`]);
    expect(json[0].doc).toMatchObject({ title: 'Battle of Boulikessi', outlet: 'Example Sahel Monitor', published: { value: '2020-11-02', precision: 'day' } });
    expect(json[1].doc!.published).toEqual({ value: '2020-11', precision: 'month' });
    const jsonl = await readAll([fx('articles.jsonl')]);
    expect(jsonl).toHaveLength(2);
    expect(jsonl[0].doc).toMatchObject({ author: 'Desk', published: { value: '2018-04-14', precision: 'day' } });
    expect(jsonl[1].doc!.published).toEqual({ value: '2018-04-15T09:20:00Z', precision: 'time' });
  });

  it('reads RSS 2.0, Atom and RDF feeds whose items carry their full text', async () => {
    const rss = await one(fx('feed.rss'));
    expect(rss.doc).toMatchObject({
      title: 'French forces strike JNIM column near Boulikessi',
      outlet: 'Example Sahel Monitor',
      author: 'Example Desk',
      published: { value: '2020-11-02T18:00:00Z', precision: 'time' },
    });
    expect(rss.doc!.origins[0]).toMatchObject({ format: 'feed', feed: fx('feed.rss'), location: 'https://news.example.org/2020/11/02/boulikessi' });
    expect(rss.doc!.text).toContain('Florence Parly');
    const atom = await one(fx('feed.atom'));
    expect(atom.doc).toMatchObject({ outlet: 'Example Wire: Africa', author: 'A. Correspondent' });
    expect(atom.doc!.paragraphs).toHaveLength(3);
    const rdf = await one(fx('feed.rdf'));
    expect(rdf.doc!.published).toEqual({ value: '2018-04-15', precision: 'day' });
  });

  it('uses --published only when the input has no date of its own', async () => {
    expect((await one(fx('boulikessi.txt'), { published: '2020-11' })).doc!.published).toEqual({ value: '2020-11', precision: 'month' });
    expect((await one(fx('boulikessi.md'), { published: '2021' })).doc!.published!.value).toBe('2020-11-02');
    await expect(readAll([fx('boulikessi.txt')], { published: 'yesterday' })).rejects.toThrow(/not an ISO 8601 date/);
  });

  it('gives the same id to the same text read twice', async () => {
    const [a, b] = await readAll([fx('boulikessi.txt'), fx('boulikessi.txt')]);
    expect(a.doc!.id).toBe(b.doc!.id);
  });
});

describe('expandInputs and format detection', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sitrep-ingest-'));
    await mkdir(join(dir, 'sub', 'deeper'), { recursive: true });
    await mkdir(join(dir, '.git'));
    await copyFile(fx('boulikessi.md'), join(dir, 'b.md'));
    await copyFile(fx('minusma.html'), join(dir, 'sub', 'a.txt')); // HTML saved as .txt
    await copyFile(fx('feed.atom'), join(dir, 'sub', 'deeper', 'wire-feed')); // a feed without extension
    await copyFile(fx('boulikessi.txt'), join(dir, 'sub', 'notes.txt'));
    await writeFile(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(dir, '.git', 'HEAD.txt'), 'ref: refs/heads/main\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('expands folders recursively to supported files, sorted, and keeps URLs and files as given', async () => {
    const feed = join(dir, 'sub', 'deeper', 'wire-feed');
    expect(await expandInputs([dir, 'https://example.org/a', feed])).toEqual([
      join(dir, 'b.md'),
      join(dir, 'sub', 'a.txt'),
      join(dir, 'sub', 'notes.txt'),
      'https://example.org/a',
      feed,
    ]);
  });

  it('marks non-English text with its detected language, over a page\'s declared lang', async () => {
    // our own French sentences
    const fr =
      "Dans la soirée du 30 octobre 2020, l'armée française a lancé une opération contre une colonne du JNIM près de Boulikessi. " +
      'Plus de cinquante combattants ont été neutralisés, selon la ministre des Armées.';
    const frDir = await mkdtemp(join(tmpdir(), 'sitrep-fr-'));
    await writeFile(join(frDir, 'fr.txt'), fr);
    await writeFile(join(frDir, 'fr.html'), `<html lang="en"><body><article><p>${fr}</p></article></body></html>`);
    const [txt, html] = await readAll([join(frDir, 'fr.txt'), join(frDir, 'fr.html')]);
    expect(txt.doc!.language).toBe('fr');
    expect(html.doc!.language).toBe('fr');
    await rm(frDir, { recursive: true, force: true });
  });

  it('reads by content when the extension lies', async () => {
    const [html] = await readAll([join(dir, 'sub', 'a.txt')]);
    expect(html.doc!.origins[0].format).toBe('html');
    expect(html.doc!.title).toBe('Militants attack UN super camp in Timbuktu');
    const [feed] = await readAll([join(dir, 'sub', 'deeper', 'wire-feed')]);
    expect(feed.doc!.origins[0].format).toBe('feed');
  });
});
