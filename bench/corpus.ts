import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchArticle {
  id: string;
  text: string;
  published: string | null;
}

const SHARED = '../shared';

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, ext));
    else if (name.endsWith(ext)) out.push(path);
  }
  return out;
}

function stripFrontMatter(text: string): { body: string; published: string | null } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return { body: text, published: null };
  const published = /^published:\s*"?([\d-]+)/m.exec(m[1])?.[1] ?? null;
  return { body: text.slice(m[0].length), published };
}

function xmlTexts(path: string): string[] {
  const xml = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of xml.matchAll(/<text>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/text>/g)) {
    out.push(m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return out;
}

/**
 * The real news articles sitrep is benchmarked on, read from ../shared (never copied into the
 * repo): PolNeAR's political news, the GeoVirus and LGL geoparsing articles, and the seed corpus.
 */
export function loadBenchCorpus(): BenchArticle[] {
  const articles: BenchArticle[] = [];
  for (const path of files(join(SHARED, 'corpus'), '.md')) {
    const { body, published } = stripFrontMatter(readFileSync(path, 'utf8'));
    articles.push({ id: path, text: body, published });
  }
  for (const split of ['train', 'dev']) {
    for (const path of files(join(SHARED, 'bench/attribution/polnear', split, 'text'), '.txt')) {
      const date = /_(\d{4}-\d{2}-\d{2})_/.exec(path)?.[1] ?? null;
      articles.push({ id: path, text: readFileSync(path, 'utf8'), published: date });
    }
  }
  for (const name of ['GeoVirus.xml', 'lgl.xml']) {
    const path = join(SHARED, 'bench/geo', name);
    if (!existsSync(path)) continue;
    xmlTexts(path).forEach((text, i) => articles.push({ id: `${path}#${i}`, text, published: null }));
  }
  return articles.filter((a) => a.text.trim().length > 0);
}

/**
 * A larger corpus for scale runs: each copy interleaves the paragraphs of real articles in a
 * different seeded order, so every generated article is distinct (no exact or near duplicates
 * folded away) while its words, names and sentence shapes stay real news.
 */
export function* scaledCorpus(base: BenchArticle[], count: number, seed = 1): Generator<BenchArticle> {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const paragraphs = base.flatMap((a) => a.text.split(/\n+/).filter((p) => p.length > 80));
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let k = 0; k < 6; k++) parts.push(paragraphs[next() % paragraphs.length]);
    const day = 1 + (next() % 28);
    const month = 1 + (next() % 12);
    parts.push(`Report number ${i} of the scale corpus.`);
    yield { id: `scale-${i}`, text: parts.join('\n\n'), published: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  }
}
