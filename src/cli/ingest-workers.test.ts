import { afterEach, describe, expect, it } from 'vitest';
import { documentFromText } from '../ingest/document.js';
import { extract } from '../extract/pipeline.js';
import { prepareDocument, type PreparedDocument } from '../store/rows.js';
import { openExtractor, workerExtractor, type Extractor } from './ingest-workers.js';

const TEXTS = [
  'Gunmen killed 12 villagers near Djibo on Sunday, the army said. JNIM claimed the attack on Monday.',
  'French Mirage jets struck a meeting of JNIM fighters near Boulikessi in central Mali on 30 October 2020, Florence Parly said.',
  'Wagner Group mercenaries and Malian soldiers took control of Kidal on 14 November 2023 after the rebels withdrew.',
  'The junta in Niamey ordered the French ambassador to leave Niger within 48 hours.',
];

let open: Extractor | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('extraction workers', () => {
  it('give back what extraction in this thread gives, tokens aside, whatever order they finish in', async () => {
    const docs = TEXTS.map((t) => documentFromText(t, '2025-06-09'));
    open = workerExtractor(2);
    const got = await Promise.all(docs.map((d) => open!.extract(d)));
    got.forEach((x, i) => {
      const here = extract(docs[i]!);
      expect(x).toEqual({ ...here, tokens: [] });
    });
    expect(got.reduce((n, x) => n + x.events.length + x.actors.length, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('build in the worker the rows the store would build here: mentions, events, statements, signature and band keys', async () => {
    const docs = TEXTS.map((t) => documentFromText(t, '2025-06-09'));
    open = workerExtractor(2);
    const got = await Promise.all(docs.map((d) => open!.prepare(d)));
    const sameClock = (p: PreparedDocument): PreparedDocument => ({ ...p, document: { ...p.document, ingested_at: 'now' } });
    got.forEach((p, i) => {
      expect(p.signature).toBeInstanceOf(Uint32Array);
      expect(typeof p.keys[0]).toBe('bigint');
      expect(sameClock(p)).toEqual(sameClock(prepareDocument(docs[i]!, extract(docs[i]!))));
    });
    expect(got.reduce((n, p) => n + p.mentions.length + p.events.length, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('one worker means extraction in this thread, with nothing to start', async () => {
    open = await openExtractor(1);
    expect(open.parallelism).toBe(1);
    const d = documentFromText(TEXTS[0]!);
    expect(await open.extract(d)).toEqual(extract(d));
  });
});
