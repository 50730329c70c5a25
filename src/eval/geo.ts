import { readFileSync } from 'node:fs';
import type { Document, PlaceMention } from '../model.js';
import type { EvalReport, Evaluator } from './evaluator.js';
import { formatTable, prf } from './evaluator.js';

/**
 * Geoparsing: toponym recognition P/R/F1 by span overlap, then for the recognised toponyms the
 * distance from the predicted to the gold coordinates: accuracy within 161 km (100 miles) and the
 * median error. Reads the two layouts of Gritta et al.'s gold sets: GeoVirus (`<location>` with
 * `<name>`, `<start>`, `<end>`, `<lat>`, `<lon>`) and LGL (`<toponym>` with `<phrase>` and a
 * `<gaztag>` holding `<lat>`/`<lon>`; toponyms without one count for recognition only).
 *
 * The XML is read by a small parser of our own: only the five predefined entities and numeric
 * character references are decoded, never a DTD's.
 */

export interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
}

export interface GoldArticle {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

function elementText(block: string, tag: string): string | null {
  const open = block.search(new RegExp(`<${tag}(?:\\s[^>]*)?>`));
  if (open < 0) return null;
  const startTag = block.indexOf('>', open) + 1;
  const close = block.indexOf(`</${tag}>`, startTag);
  if (close < 0) return null;
  const inner = block.slice(startTag, close);
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return cdata ? cdata[1] : decodeXml(inner);
}

function blocks(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1]);
  return out;
}

function num(s: string | null): number | null {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Puts a gold span on its name when the file's offsets are off by a few characters (GeoVirus'
 * are one too far): the nearest exact occurrence within five characters, else the span as given.
 */
function anchor(text: string, t: GoldToponym): GoldToponym {
  if (!t.text || text.slice(t.start, t.end) === t.text) return t;
  for (let d = 1; d <= 5; d++) {
    for (const s of [t.start - d, t.start + d]) {
      if (s >= 0 && text.startsWith(t.text, s)) return { ...t, start: s, end: s + t.text.length };
    }
  }
  return t;
}

/** Articles of a GeoVirus- or LGL-layout file. */
export function parseGeoXml(xml: string): GoldArticle[] {
  const articles: GoldArticle[] = [];
  const re = /<article(\s[^>]*)?>([\s\S]*?)<\/article>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attrs = m[1] ?? '';
    const body = m[2];
    const text = elementText(body, 'text') ?? '';
    const id = /docid="([^"]*)"/.exec(attrs)?.[1] ?? elementText(body, 'source') ?? String(articles.length);
    const toponyms: GoldToponym[] = [];
    for (const t of blocks(body, 'toponym')) {
      const gaz = /<gaztag[\s\S]*?<\/gaztag>/.exec(t)?.[0] ?? '';
      toponyms.push({ start: num(elementText(t, 'start'))!, end: num(elementText(t, 'end'))!, text: elementText(t, 'phrase') ?? '', lat: gaz ? num(elementText(gaz, 'lat')) : null, lon: gaz ? num(elementText(gaz, 'lon')) : null });
    }
    for (const l of blocks(body, 'location')) {
      toponyms.push({ start: num(elementText(l, 'start'))!, end: num(elementText(l, 'end'))!, text: elementText(l, 'name') ?? '', lat: num(elementText(l, 'lat')), lon: num(elementText(l, 'lon')) });
    }
    articles.push({ id, text, toponyms: toponyms.filter((t) => t.start !== null && t.end !== null && t.end > t.start).map((t) => anchor(text, t)) });
  }
  return articles;
}

/**
 * Maps offsets in the raw text to offsets in its normalised form. Normalisation only drops
 * characters, collapses white space and composes accents, so a greedy walk aligns the two.
 */
export function offsetMap(raw: string, norm: string): Int32Array {
  const map = new Int32Array(raw.length + 1);
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    map[i] = j;
    if (j < norm.length && raw[i] === norm[j]) j++;
    else if (j < norm.length && /\s/.test(raw[i]) && /\s/.test(norm[j]) && !/\s/.test(raw[i + 1] ?? '')) j++;
    else if (j < norm.length && !/\s/.test(raw[i]) && raw[i].normalize('NFC') !== raw[i] && norm[j] === raw.slice(i, i + 2).normalize('NFC')) j++;
  }
  map[raw.length] = j;
  return map;
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

export const evaluator: Evaluator = {
  task: 'geo',
  description: 'geoparsing: toponym P/R/F1 by span overlap, accuracy within 161 km and median error (GeoVirus / LGL XML layouts)',
  defaultData: ['../shared/bench/geo/GeoVirus.xml', '../shared/bench/geo/lgl.xml'],
  async run({ data }): Promise<EvalReport> {
    const { extract } = await import('../extract/pipeline.js');
    return scoreGeo(data, (doc) => extract(doc, { until: 'places' }).places);
  },
};

/** Scores the places a function finds in each article (the pipeline, or a part of it). */
export async function scoreGeo(data: string, findPlaces: (doc: Document) => PlaceMention[]): Promise<EvalReport> {
    const { documentFromText } = await import('../ingest/document.js');
    const { distanceKm } = await import('../knowledge/places.js');
    const articles = parseGeoXml(readFileSync(data, 'utf8'));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let chars = 0;
    const errors: number[] = [];
    let unresolved = 0;
    const missed = new Map<string, number>();
    const spurious = new Map<string, number>();
    const far = new Map<string, number>();
    const byKind = new Map<string, { n: number; within: number }>();
    const started = performance.now();
    let extractMs = 0;
    for (const a of articles) {
      if (!a.text.trim()) {
        fn += a.toponyms.length;
        continue;
      }
      const doc = documentFromText(a.text);
      const map = doc.text === a.text ? null : offsetMap(a.text, doc.text);
      const t0 = performance.now();
      const places = findPlaces(doc);
      extractMs += performance.now() - t0;
      chars += doc.text.length;
      const gold = a.toponyms.map((t) => ({ ...t, start: map ? map[t.start] : t.start, end: map ? map[Math.min(t.end, a.text.length)] : t.end }));
      const used = new Set<number>();
      for (const gt of gold) {
        let hit = -1;
        let bestOverlap = 0;
        places.forEach((p, i) => {
          if (used.has(i)) return;
          const o = Math.min(p.end, gt.end) - Math.max(p.start, gt.start);
          if (o > bestOverlap) {
            bestOverlap = o;
            hit = i;
          }
        });
        if (hit < 0) {
          fn++;
          missed.set(gt.text, (missed.get(gt.text) ?? 0) + 1);
          continue;
        }
        used.add(hit);
        tp++;
        if (gt.lat === null || gt.lon === null) continue;
        const p = places[hit];
        if (p.lat === null || p.lon === null) {
          unresolved++;
          errors.push(Infinity);
          continue;
        }
        const d = distanceKm(gt.lat, gt.lon, p.lat, p.lon);
        errors.push(d);
        const k = byKind.get(p.kind) ?? { n: 0, within: 0 };
        k.n++;
        if (d <= 161) k.within++;
        byKind.set(p.kind, k);
        if (d > 161) far.set(`${gt.text} -> ${p.name} (${p.kind}, ${p.country})`, (far.get(`${gt.text} -> ${p.name} (${p.kind}, ${p.country})`) ?? 0) + 1);
      }
      places.forEach((p, i) => {
        if (used.has(i)) return;
        fp++;
        spurious.set(p.text, (spurious.get(p.text) ?? 0) + 1);
      });
    }
    const { precision, recall, f1 } = prf({ tp, fp, fn });
    const within = errors.filter((d) => d <= 161).length;
    const acc161 = errors.length ? within / errors.length : 0;
    const medianKm = median(errors);
    const seconds = (performance.now() - started) / 1000;
    const top = (m: Map<string, number>): [string, number][] => [...m].sort((x, y) => y[1] - x[1]).slice(0, 120);
    const table = formatTable([
      ['measure', 'value'],
      ['articles', articles.length],
      ['gold toponyms', tp + fn],
      ['predicted', tp + fp],
      ['precision', precision],
      ['recall', recall],
      ['f1', f1],
      ['geocoded pairs', errors.length],
      ['acc161', acc161],
      ['median km', Number.isFinite(medianKm) ? medianKm : -1],
      ['unresolved', unresolved],
      ['MB/s (extract until places)', chars / 1e6 / (extractMs / 1000)],
    ]);
    return {
      task: 'geo',
      data,
      overall: { precision, recall, f1, acc161, medianKm },
      details: {
        tp,
        fp,
        fn,
        geocoded: errors.length,
        unresolved,
        articles: articles.length,
        chars,
        seconds,
        mbPerSecond: chars / 1e6 / (extractMs / 1000),
        acc161ByKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { pairs: v.n, acc161: v.within / v.n }])),
        missed: top(missed),
        spurious: top(spurious),
        far: top(far),
      },
      table,
    };
}
