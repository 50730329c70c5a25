import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentFromText } from '../ingest/document.js';
import type { Document } from '../model.js';
import { extract, extractBatch } from './pipeline.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/articles/', import.meta.url));

describe('extractBatch', () => {
  it('gives every document what extract gives it alone, stage by stage over the batch', () => {
    const docs = readdirSync(EXAMPLES)
      .filter((name) => name.endsWith('.md') || name.endsWith('.txt'))
      .sort()
      .map((name) => documentFromText(readFileSync(EXAMPLES + name, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), '2024-01-01'));
    expect(docs.length).toBeGreaterThan(2);
    const batch = extractBatch(docs);
    expect(batch).toEqual(docs.map((d) => extract(d)));
    // batches are stateless: the same documents in another order give the same results
    expect(extractBatch([...docs].reverse()).reverse()).toEqual(batch);
  });

  it('a document a stage fails on gets its error; the others in the batch go on', () => {
    const good = documentFromText('Malian soldiers clashed with JNIM fighters near Gao on Sunday, the army said.', '2024-01-01');
    // a document without its sentences: the first stage cannot read it
    const broken = { ...good, sentences: null } as unknown as Document;
    expect(() => extract(broken)).toThrow();
    const [first, second, third] = extractBatch([good, broken, good]);
    expect(second).toBeInstanceOf(Error);
    expect(first).toEqual(extract(good));
    expect(third).toEqual(extract(good));
  });
});
