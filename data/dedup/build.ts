/**
 * Builds data/dedup/{articles,pairs}.jsonl from the Wikipedia articles in ../shared/corpus/wikipedia
 * (CC BY-SA 4.0). Run once with `npx tsx data/dedup/build.ts`; the output is committed, so tests and
 * `sitrep eval stories` need no ../shared. Deterministic: a fixed seed drives every choice.
 *
 * Each Wikipedia section of news-article length is a "story". Near-duplicates are made by what
 * syndication does to a wire story: another headline, outlet boilerplate at the top or bottom, a
 * trimmed or extended ending, light copy edits, and combinations. Different-story pairs are chosen
 * to be hard: other sections of the same article (same actors, same war), the most word-similar
 * sections of related articles, and two different stories carrying the same outlet boilerplate.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter, markdownToText } from '../../src/ingest/markdown.js';
import { splitSentences } from '../../src/text/sentences.js';

const CORPUS = '../shared/corpus/wikipedia';
const OUT = 'data/dedup';

let seed = 20250606;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

interface Story {
  id: string;
  article: string;
  section: string;
  url: string;
  paragraphs: string[];
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

function sectionsOf(file: string): Story[] {
  const { data, body } = splitFrontMatter(readFileSync(join(CORPUS, file), 'utf8'));
  const title = String(data.title);
  const out: Story[] = [];
  let heading = 'Lead';
  let lines: string[] = [];
  const flush = (): void => {
    const text = markdownToText(lines.join('\n'));
    // prose paragraphs only: list items and captions are not news copy
    const paragraphs = text.split('\n\n').filter((p) => words(p) >= 25 && /[.!?"”]$/.test(p));
    const n = paragraphs.reduce((a, p) => a + words(p), 0);
    if (n >= 120 && paragraphs.length >= 2) {
      // long sections are cut to the length of a news story
      const kept: string[] = [];
      let count = 0;
      for (const p of paragraphs) {
        if (count >= 650) break;
        kept.push(p);
        count += words(p);
      }
      out.push({
        id: `${file.replace(/\.md$/, '')}#${out.length}`,
        article: title,
        section: heading,
        url: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`,
        paragraphs: kept,
      });
    }
    lines = [];
  };
  for (const line of body.split('\n')) {
    const h = /^(#{2,3})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      heading = h[2].trim();
    } else lines.push(line);
  }
  flush();
  return out;
}

// ---- the transformations syndication applies ----

const OUTLETS = [
  { name: 'Sahel Wire', top: 'BAMAKO (Sahel Wire) —', bottom: ['© 2025 Sahel Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.'] },
  { name: 'West Africa Daily', top: 'By West Africa Daily staff | Updated 14:02 GMT', bottom: ['Follow West Africa Daily on X, Facebook and Telegram for the latest news from the region.', 'Sign up for our morning newsletter to receive the day\'s top stories in your inbox.'] },
  { name: 'Niamey Observer', top: 'NIAMEY, Niger —', bottom: ['Reporting by our correspondents; editing by the Niamey Observer desk.', 'Read more: Security in the tri-border area, explained.'] },
  { name: 'Continental Report', top: 'Continental Report — Security and Defence', bottom: ['This story was first published by a partner agency and is republished under a syndication agreement. Continental Report is not responsible for the content of external sites.'] },
];

const EDITS: [RegExp, string][] = [
  [/\bsaid\b/, 'stated'],
  [/\battack\b/, 'assault'],
  [/\bsoldiers\b/, 'troops'],
  [/\bapproximately\b/, 'about'],
  [/\bHowever, /, 'But '],
  [/\borganization\b/, 'organisation'],
  [/\bdefense\b/, 'defence'],
  [/\bkilled\b/, 'left dead'],
  [/\bannounced\b/, 'said'],
  [/\bthree\b/, '3'],
  [/\btwo\b/, '2'],
  [/\bstarted\b/, 'began'],
  [/\bcity\b/, 'town'],
  [/\bin order to\b/, 'to'],
  [/\bmilitants\b/, 'fighters'],
  [/\bcaptured\b/, 'seized'],
];

function sentencesOf(p: string): string[] {
  return splitSentences(p).map((s) => p.slice(s.start, s.end));
}

/** Light copy edits: a few word swaps, one sentence dropped from a long paragraph. */
function copyEdit(paragraphs: string[]): string[] {
  let dropped = false;
  return paragraphs.map((p) => {
    let ss = sentencesOf(p);
    if (!dropped && ss.length >= 4 && rand() < 0.5) {
      ss = ss.filter((_, i) => i !== 1 + Math.floor(rand() * (ss.length - 2)));
      dropped = true;
    }
    return ss
      .map((s) => {
        for (const [re, to] of EDITS) if (re.test(s) && rand() < 0.5) s = s.replace(re, to);
        return s;
      })
      .join(' ');
  });
}

function trim(paragraphs: string[], keep: number): string[] {
  const all = paragraphs.flatMap((p, pi) => sentencesOf(p).map((s) => ({ s, pi })));
  const n = Math.max(2, Math.round(all.length * keep));
  const out: string[][] = [];
  for (const { s, pi } of all.slice(0, n)) (out[pi] ??= []).push(s);
  return out.filter(Boolean).map((ss) => ss.join(' '));
}

function headline(story: Story): string {
  const topic = story.section === 'Lead' ? story.article : `${story.article}: ${story.section}`;
  return pick([`What we know about ${topic}`, `${topic} — the latest`, `Explainer: ${topic}`, `${topic.toUpperCase()}`]);
}

function withBoilerplate(paragraphs: string[], outlet: (typeof OUTLETS)[number], top: boolean, bottom: boolean): string[] {
  const out = [...paragraphs];
  if (top) {
    if (outlet.top.endsWith('—')) out[0] = `${outlet.top} ${out[0]}`;
    else out.unshift(outlet.top);
  }
  if (bottom) out.push(...outlet.bottom);
  return out;
}

interface Variant {
  kind: string;
  title: string | null;
  paragraphs: string[];
}

function variantsOf(story: Story, others: Story[]): Variant[] {
  const p = story.paragraphs;
  const outlet = () => pick(OUTLETS);
  const extra = others.filter((o) => o.article === story.article && o.id !== story.id);
  const ext = extra.length > 0 ? pick(extra).paragraphs.slice(0, 1) : [];
  const all: Variant[] = [
    { kind: 'headline', title: headline(story), paragraphs: [headline(story), ...p] },
    { kind: 'boilerplate', title: null, paragraphs: withBoilerplate(p, outlet(), true, true) },
    { kind: 'trimmed', title: null, paragraphs: trim(p, 0.6 + rand() * 0.25) },
    { kind: 'extended', title: null, paragraphs: [...p, ...ext] },
    { kind: 'copy-edited', title: null, paragraphs: copyEdit(p) },
    // a wire brief: only the first part of the story survives
    { kind: 'brief', title: headline(story), paragraphs: trim(p, 0.4 + rand() * 0.15) },
    { kind: 'combined', title: headline(story), paragraphs: withBoilerplate(copyEdit(trim(p, 0.7 + rand() * 0.2)), outlet(), rand() < 0.7, true) },
  ];
  // every story gets the combined version and two of the single transformations
  const singles = all.slice(0, 6);
  const chosen: Variant[] = [all[6]];
  while (chosen.length < 3) {
    const v = pick(singles);
    if (!chosen.includes(v)) chosen.push(v);
  }
  return chosen;
}

// ---- build ----

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort();
const stories = files.flatMap(sectionsOf);
const articles: { id: string; story: string; variant: string; title: string | null; text: string }[] = [];
const pairs: { a: string; b: string; label: 'same' | 'different'; kind: string }[] = [];

for (const s of stories) {
  articles.push({ id: `${s.id}/original`, story: s.id, variant: 'original', title: null, text: s.paragraphs.join('\n\n') });
  for (const v of variantsOf(s, stories)) {
    const id = `${s.id}/${v.kind}`;
    articles.push({ id, story: s.id, variant: v.kind, title: v.title, text: v.paragraphs.join('\n\n') });
    pairs.push({ a: `${s.id}/original`, b: id, label: 'same', kind: v.kind });
  }
}

const bag = (s: Story): Map<string, number> => {
  const m = new Map<string, number>();
  for (const w of s.paragraphs.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};
const cosine = (a: Map<string, number>, b: Map<string, number>): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    dot += x * (b.get(w) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return dot / Math.sqrt(na * nb);
};
const bags = new Map(stories.map((s) => [s.id, bag(s)]));

// hard: neighbouring sections of the same article
for (let i = 0; i + 1 < stories.length; i++) {
  if (stories[i].article === stories[i + 1].article) {
    pairs.push({ a: `${stories[i].id}/original`, b: `${stories[i + 1].id}/original`, label: 'different', kind: 'same-article' });
  }
}
// hard: for each story, the most word-similar section of another article
for (const s of stories) {
  let best: Story | null = null;
  let bestScore = -1;
  for (const o of stories) {
    if (o.article === s.article) continue;
    const c = cosine(bags.get(s.id)!, bags.get(o.id)!);
    if (c > bestScore) {
      bestScore = c;
      best = o;
    }
  }
  if (best && s.id < best.id) pairs.push({ a: `${s.id}/original`, b: `${best.id}/original`, label: 'different', kind: 'related-article' });
}
// hard: two different stories carrying the same outlet's boilerplate (the shorter the story, the harder)
const short = [...stories].sort((a, b) => a.paragraphs.join(' ').length - b.paragraphs.join(' ').length).slice(0, 24);
for (let i = 0; i + 1 < short.length; i += 2) {
  const outlet = OUTLETS[(i / 2) % OUTLETS.length];
  const ids = [short[i], short[i + 1]].map((s) => {
    const id = `${s.id}/same-outlet-${outlet.name.replace(/\s+/g, '-').toLowerCase()}`;
    articles.push({ id, story: s.id, variant: 'same-outlet', title: null, text: withBoilerplate(s.paragraphs, outlet, true, true).join('\n\n') });
    return id;
  });
  pairs.push({ a: ids[0], b: ids[1], label: 'different', kind: 'same-outlet' });
}

// hardest: two different short briefs (their first two sentences) with the same outlet's boilerplate
for (let i = 0; i + 1 < stories.length; i += 2) {
  const outlet = OUTLETS[(i / 2) % OUTLETS.length];
  const ids = [stories[i], stories[i + 1]].map((s) => {
    const id = `${s.id}/brief-${outlet.name.replace(/\s+/g, '-').toLowerCase()}`;
    const lead = sentencesOf(s.paragraphs[0]).slice(0, 2).join(' ');
    articles.push({ id, story: s.id, variant: 'same-outlet-brief', title: null, text: withBoilerplate([lead], outlet, true, true).join('\n\n') });
    return id;
  });
  pairs.push({ a: ids[0], b: ids[1], label: 'different', kind: 'same-outlet-brief' });
}

writeFileSync(join(OUT, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
const storyMeta = stories.map((s) => ({ story: s.id, article: s.article, section: s.section, url: s.url }));
writeFileSync(join(OUT, 'sources.jsonl'), storyMeta.map((s) => JSON.stringify(s)).join('\n') + '\n');
writeFileSync(join(OUT, 'pairs.jsonl'), pairs.map((p) => JSON.stringify(p)).join('\n') + '\n');
const count = (l: string): number => pairs.filter((p) => p.label === l).length;
process.stdout.write(`${stories.length} stories, ${articles.length} texts, ${count('same')} same-story pairs, ${count('different')} different-story pairs\n`);
