import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as chrono from 'chrono-node';
import { parse as parseYaml } from 'yaml';
import type { Evaluator } from './evaluator.js';
import { formatTable } from './evaluator.js';
import type { Extraction } from '../model.js';
import { extract } from '../extract/pipeline.js';
import { buildDocument } from '../ingest/document.js';
import { readMarkdown } from '../ingest/markdown.js';

/**
 * `sitrep eval infobox`: how many facts of each Wikipedia article's infobox (parsed into the
 * YAML front matter of ../shared/corpus/wikipedia/*.md) sitrep recovers from the article body
 * alone. A check of long-text extraction, not a benchmark with a gold standard: the infobox
 * summarises the whole conflict, the body tells it.
 *
 * Facts and what counts as recovered:
 * - date: the infobox date or range (read with chrono-node); recovered when the main event's date
 *   falls inside it (or overlaps it, for a range); `any` also accepts any event's date;
 * - place: each comma-separated part of the place ("Tongo Tongo, Tillabéri, Niger"); recovered
 *   when an event's place name, admin1 or country names it;
 * - coordinates: recovered when an event's place lies within 50 km;
 * - combatants: each line of combatant1..3 (flags, bullets and years dropped); recovered when an
 *   actor of an event (actor1, actor2, associated) is that combatant, by canonical name or by a
 *   text it was mentioned as;
 * - strength: each number in strength1..2; recovered when a quantity or a strength statement
 *   carries it;
 * - casualties: each number before "killed" in casualties1..3; recovered when an event's
 *   fatalities or a quantity of the dead carries it.
 */

interface Fact {
  kind: 'date' | 'place' | 'coordinates' | 'combatants' | 'strength' | 'casualties';
  text: string;
  recovered: boolean;
}

const KINDS: Fact['kind'][] = ['date', 'place', 'coordinates', 'combatants', 'strength', 'casualties'];

function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function textOf(v: unknown): string | null {
  if (v && typeof v === 'object' && 'text' in v) {
    const t = (v as { text: unknown }).text;
    return typeof t === 'string' || typeof t === 'number' ? String(t) : null;
  }
  return null;
}

function iso(c: chrono.ParsedComponents): string {
  return `${c.get('year')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
}

export function infoboxRange(text: string): { from: string; to: string } | null {
  const r = chrono.parse(text, new Date(Date.UTC(2100, 0, 1)))[0];
  if (!r) return null;
  const from = iso(r.start);
  const to = r.end ? iso(r.end) : /\bpresent\b/i.test(text) ? '9999-12-31' : from;
  return { from, to };
}

function eventSpan(d: { value?: string; from?: string; to?: string; before?: string } | null): { from: string; to: string } | null {
  if (!d) return null;
  const lo = d.from ?? d.value;
  const hi = d.to ?? d.value ?? d.before;
  if (!lo || !hi) return null;
  return { from: lo, to: hi.length === 4 ? `${hi}-12-31` : hi.length === 7 ? `${hi}-31` : hi };
}

function overlapsRange(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dlat = (lat2 - lat1) * rad;
  const dlon = (lon2 - lon1) * rad;
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function parseCoordinates(text: string): { lat: number; lon: number } | null {
  const m = /(-?[\d.]+)°?\s*([NS])?[,\s]+(-?[\d.]+)°?\s*([EW])?/.exec(text);
  if (!m) return null;
  let lat = Number(m[1]);
  let lon = Number(m[3]);
  if (m[2] === 'S') lat = -Math.abs(lat);
  if (m[4] === 'W') lon = -Math.abs(lon);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

/** Combatant names from an infobox cell: one per line or bullet, without flags, years or notes. */
export function combatantNames(text: string): string[] {
  return text
    .replace(/\S+\.svg/g, '\n')
    .replace(/\bFlag(?: of)?\b|\basymmetric\b/g, '')
    .split(/\n|\*|(?<=\))\s+(?=\p{Lu})|(?:[\u{1F1E6}-\u{1F1FF}]{2})+|Supported by:?/u)
    .map((l) => l.replace(/\([^)]*\)/g, '').replace(/'''[^']*'''/g, ''))
    .map((l) => l.replace(/[:'"]+$/g, '').trim())
    .filter((l) => l.length > 1 && !/^(?:total|full list|elements of)/i.test(l));
}

function numbersBefore(text: string, word: RegExp): number[] {
  const out: number[] = [];
  const re = new RegExp(String.raw`(\d[\d,]*)\+?(?:\s*[–-]\s*(\d[\d,]*))?\s+(?:[\p{L}]+\s+){0,2}?${word.source}`, 'giu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(Number(m[1].replace(/,/g, '')));
    if (m[2]) out.push(Number(m[2].replace(/,/g, '')));
  }
  return out;
}

function allNumbers(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replace(/,/g, ''))).filter((n) => n > 1 && !(n >= 1900 && n <= 2100));
}

export function checkInfobox(box: Record<string, unknown>, x: Extraction): Fact[] {
  const facts: Fact[] = [];
  const main = x.events.find((e) => e.main) ?? null;
  const dateText = textOf(box.date);
  if (dateText) {
    const range = infoboxRange(dateText);
    if (range) {
      const m = eventSpan(main?.date ?? null);
      facts.push({ kind: 'date', text: dateText.split('\n')[0], recovered: m !== null && overlapsRange(m, range) });
    }
  }
  const placeText = textOf(box.place);
  const locs = x.events.map((e) => e.location).filter((l): l is NonNullable<typeof l> => l !== null);
  const placeNames = new Set<string>();
  for (const l of locs) {
    for (const n of [l.name, l.admin1]) if (n) placeNames.add(norm(n));
    if (l.country) {
      const p = x.places.find((pl) => pl.kind === 'country' && pl.country === l.country);
      if (p) placeNames.add(norm(p.name));
    }
  }
  if (placeText) {
    for (const part of placeText.split(/,|\bin\b/).map((p) => p.replace(/^(?:near|northern|southern|eastern|western|central)\s+/i, '').trim()).filter(Boolean)) {
      const key = norm(part);
      facts.push({ kind: 'place', text: part, recovered: [...placeNames].some((n) => n === key || n.includes(key) || key.includes(n)) });
    }
  }
  const coord = textOf(box.coordinates);
  const c = coord ? parseCoordinates(coord) : null;
  if (coord && c) {
    facts.push({ kind: 'coordinates', text: coord, recovered: locs.some((l) => l.lat !== null && l.lon !== null && kmBetween(l.lat, l.lon, c.lat, c.lon) <= 50) });
  }
  const eventActors = new Set<string>();
  for (const e of x.events) for (const a of [e.actor1, e.actor2, ...e.associated]) if (a) eventActors.add(a);
  const keys = new Set<string>();
  for (const a of x.actors) if (eventActors.has(a.name)) { keys.add(norm(a.name)); keys.add(norm(a.text)); }
  for (const n of eventActors) keys.add(norm(n));
  for (const k of ['combatant1', 'combatant2', 'combatant3']) {
    const t = textOf(box[k]);
    if (!t) continue;
    for (const name of combatantNames(t)) {
      const key = norm(name);
      facts.push({ kind: 'combatants', text: name, recovered: [...keys].some((n) => n === key || (n.length > 3 && key.includes(n)) || (key.length > 3 && n.includes(key))) });
    }
  }
  const quantityNumbers = new Set<number>();
  for (const q of x.quantities) for (const n of [q.low, q.best, q.high]) if (n !== null) quantityNumbers.add(n);
  for (const s of x.statements) {
    const v = s.value as { best?: number; low?: number; high?: number } | null;
    if (s.predicate === 'strength' && v && typeof v === 'object') for (const n of [v.best, v.low, v.high]) if (typeof n === 'number') quantityNumbers.add(n);
  }
  for (const k of ['strength1', 'strength2']) {
    const t = textOf(box[k]);
    if (!t) continue;
    for (const n of allNumbers(t)) facts.push({ kind: 'strength', text: `${n} (${k})`, recovered: quantityNumbers.has(n) });
  }
  const dead = new Set<number>();
  for (const e of x.events) for (const n of [e.fatalities?.low, e.fatalities?.best, e.fatalities?.high]) if (typeof n === 'number') dead.add(n);
  for (const q of x.quantities) if (q.counts && /killed|dead|death|died|fatal/.test(q.counts)) for (const n of [q.low, q.best, q.high]) if (n !== null) dead.add(n);
  for (const k of ['casualties1', 'casualties2', 'casualties3']) {
    const t = textOf(box[k]);
    if (!t) continue;
    for (const n of numbersBefore(t, /killed/)) facts.push({ kind: 'casualties', text: `${n} killed (${k})`, recovered: dead.has(n) });
  }
  return facts;
}

function articles(data: string): string[] {
  if (statSync(data).isFile()) return [data];
  return readdirSync(data)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(data, f));
}

export const evaluator: Evaluator = {
  task: 'infobox',
  description: 'How many Wikipedia infobox facts (date, place, coordinates, combatants, strength, casualties) sitrep recovers from the article body',
  defaultData: ['../shared/corpus/wikipedia'],
  async run({ data }) {
    const perArticle: Record<string, Fact[]> = {};
    const totals = Object.fromEntries(KINDS.map((k) => [k, { recovered: 0, total: 0 }])) as Record<Fact['kind'], { recovered: number; total: number }>;
    for (const path of articles(data)) {
      const text = readFileSync(path, 'utf8');
      const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      if (!fm) continue;
      const front = parseYaml(fm[1]) as { infoboxes?: Record<string, unknown>[] } | null;
      const boxes = front?.infoboxes ?? [];
      if (boxes.length === 0) continue;
      const doc = buildDocument(readMarkdown(text, { location: path, format: 'md', readAt: new Date(0).toISOString() }));
      const x = extract(doc);
      // the first infobox is the article's own conflict; later ones are sub-battles told in passing
      const facts = checkInfobox(boxes[0], x);
      perArticle[basename(path)] = facts;
      for (const f of facts) {
        totals[f.kind].total++;
        if (f.recovered) totals[f.kind].recovered++;
      }
    }
    const all = Object.values(totals).reduce((a, t) => ({ recovered: a.recovered + t.recovered, total: a.total + t.total }), { recovered: 0, total: 0 });
    const rows: (string | number)[][] = [['fact', 'recovered', 'total', 'share']];
    for (const k of KINDS) rows.push([k, totals[k].recovered, totals[k].total, totals[k].total ? totals[k].recovered / totals[k].total : 0]);
    rows.push(['all', all.recovered, all.total, all.total ? all.recovered / all.total : 0]);
    const lines = [formatTable(rows), ''];
    for (const [name, facts] of Object.entries(perArticle)) {
      lines.push(`${name}: ${facts.filter((f) => f.recovered).length}/${facts.length}`);
      for (const f of facts) lines.push(`  ${f.recovered ? '+' : '-'} ${f.kind.padEnd(11)} ${f.text.replace(/\s+/g, ' ').slice(0, 90)}`);
    }
    return {
      task: 'infobox',
      data,
      overall: { recovered: all.recovered, total: all.total, share: all.total ? all.recovered / all.total : 0, byFact: Object.fromEntries(KINDS.map((k) => [k, totals[k]])) },
      details: { articles: perArticle },
      table: lines.join('\n'),
    };
  },
};
