import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs, type IngestItem, type IngestOptions } from './index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sitrep-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(inputs, options)) out.push(item);
  return out;
}

async function errorOf(name: string, content: string | Buffer, options?: IngestOptions): Promise<string | undefined> {
  const path = join(dir, name);
  await writeFile(path, content);
  const items = await readAll([path], options);
  expect(items).toHaveLength(1);
  expect(items[0].input).toBe(path);
  expect(items[0].doc).toBeUndefined();
  return items[0].error;
}

describe('bad files give an error naming the input and the reason', () => {
  it('empty file', async () => {
    expect(await errorOf('empty.txt', '')).toBe('empty file');
  });

  it('file with only white space', async () => {
    expect(await errorOf('blank.txt', ' \n\t \r\n')).toBe('no text (only white space)');
  });

  it('binary file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await errorOf('picture.txt', png)).toBe('binary content (NUL bytes)');
  });

  it('invalid UTF-8, with the offset of the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('Gao, Mali — '), Buffer.from([0xc3, 0x28]), Buffer.from(' rest')]);
    expect(await errorOf('latin.txt', bytes)).toBe(`invalid UTF-8 at byte ${Buffer.byteLength('Gao, Mali — ')}`);
  });

  it('file over the size limit (configurable)', async () => {
    const text = 'The convoy reached Gao. '.repeat(100);
    expect(await errorOf('big.txt', text, { maxBytes: 1000 })).toBe(`larger than 1000 bytes limit (${text.length} bytes)`);
    const [ok] = await readAll([join(dir, 'big.txt')], { maxBytes: 10_000 });
    expect(ok.doc).toBeDefined();
  });

  it('HTML with no text', async () => {
    const html = '<!doctype html><html><head><title>Home</title><script>var a=1;</script></head><body><nav><a href="/">Home</a></nav><img src="x.png"></body></html>';
    expect(await errorOf('empty.html', html)).toBe('no article text found in HTML');
  });

  it('a file that does not exist', async () => {
    const [item] = await readAll([join(dir, 'missing.md')]);
    expect(item).toEqual({ input: join(dir, 'missing.md'), error: 'no such file or directory' });
  });

  it('JSON that is not valid, and JSON objects without text', async () => {
    expect(await errorOf('broken.json', '{"text": "Gao"')).toMatch(/^invalid JSON: /);
    const path = join(dir, 'mixed.jsonl');
    await writeFile(path, '{"title":"no text here"}\nnot json\n{"text":"Gunmen attacked the camp at dawn, the army said."}\n');
    const items = await readAll([path]);
    expect(items.map((i) => i.error ?? 'ok')).toEqual(['no "text" field', expect.stringMatching(/^invalid JSON/), 'ok']);
    expect(items.map((i) => i.input)).toEqual([`${path}:1`, `${path}:2`, `${path}:3`]);
  });

  it('invalid YAML front matter', async () => {
    expect(await errorOf('bad.md', '---\ntitle: [unclosed\n---\nBody text of the article.\n')).toMatch(/^invalid YAML front matter/);
  });

  it('one bad file never stops a folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sitrep-mixed-'));
    await writeFile(join(folder, 'a-empty.txt'), '');
    await copyFile(join(FIXTURES, 'boulikessi.md'), join(folder, 'b-good.md'));
    await writeFile(join(folder, 'c-binary.txt'), Buffer.from([0, 1, 2, 3]));
    await copyFile(join(FIXTURES, 'minusma.html'), join(folder, 'd-good.html'));
    const items = await readAll([folder]);
    expect(items.map((i) => (i.doc ? 'doc' : i.error))).toEqual(['empty file', 'doc', 'binary content (NUL bytes)', 'doc']);
    await rm(folder, { recursive: true, force: true });
  });
});
