import { TYPES, makeLabel } from './features.js';

/**
 * CoNLL-2003 layout: one token per line with its columns, the NER tag last, a blank line
 * between sentences and `-DOCSTART-` between documents. Tags may be IOB1 (I- unless a span
 * follows one of the same type) or IOB2 (B- on every span's first token); both read the same.
 * Only the token column is used: in production sitrep sees raw text, not POS or chunk tags.
 */

export interface ConllDocument {
  sentences: string[][];
  tags: string[][];
}

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [], tags: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length) {
      doc.sentences.push(words);
      doc.tags.push(tags);
    }
    words = [];
    tags = [];
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [], tags: [] };
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endDoc();
      continue;
    }
    words.push(cols[0]);
    tags.push(cols.length > 1 ? cols[cols.length - 1] : 'O');
  }
  endDoc();
  return docs;
}

export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/** Spans of a tag sequence by conlleval's rules (IOB1, IOB2 and stray I- alike). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag === 'O' || tag.length < 2) {
      cur = null;
      continue;
    }
    const prefix = tag[0];
    const type = tag.slice(2);
    if (cur && prefix === 'I' && cur.type === type) {
      cur.end = i + 1;
      continue;
    }
    cur = { type, start: i, end: i + 1 };
    out.push(cur);
  }
  return out;
}

/** Label ids (BILOU) for any IOB1/IOB2 tag sequence; types outside PER/ORG/LOC/MISC become O. */
export function toLabelIds(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  for (const c of chunks(tags)) {
    const t = (TYPES as readonly string[]).indexOf(c.type) + 1;
    if (t === 0) continue;
    if (c.end - c.start === 1) {
      out[c.start] = makeLabel(t, 3);
      continue;
    }
    out[c.start] = makeLabel(t, 0);
    for (let i = c.start + 1; i < c.end - 1; i++) out[i] = makeLabel(t, 1);
    out[c.end - 1] = makeLabel(t, 2);
  }
  return out;
}

export interface TypeCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact span matching, per type, as conlleval counts it. */
export function scoreChunks(gold: readonly string[], predicted: readonly string[], counts: Map<string, TypeCounts>): void {
  const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;
  const g = new Set(chunks(gold).map(key));
  const p = chunks(predicted);
  const get = (type: string): TypeCounts => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const matched = new Set<string>();
  for (const c of p) {
    const k = key(c);
    if (g.has(k)) {
      get(c.type).tp++;
      matched.add(k);
    } else get(c.type).fp++;
  }
  for (const c of chunks(gold)) if (!matched.has(key(c))) get(c.type).fn++;
}
