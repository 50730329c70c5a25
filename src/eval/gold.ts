/**
 * `sitrep eval gold`: scores the pipeline against the hand-checked annotations in
 * `../shared/gold/*.yaml` (format: the README beside them).
 *
 * Actors and places: an output entity (all mentions sharing one canonical id) matches a gold item
 * when its canonical name or any of its mention texts equals the gold name or any gold mention.
 * Texts are compared case-insensitively, with one apostrophe form, a leading "the" and a trailing
 * possessive dropped ("The Wagner Group" = "the Wagner Group", "Wagner’s" = "Wagner").
 * Recall counts the gold items (not optional) some entity matches; precision counts every output
 * entity that matches no gold item, and entities that match only optional items count neither way.
 *
 * Other sections (events, statements) plug in as further `SectionScorer`s over the same
 * per-document loop (`extractGoldDocuments`).
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Document, Extraction } from '../model.js';
import { extract } from '../extract/pipeline.js';
import { buildDocument, documentFromText } from '../ingest/document.js';
import { readMarkdown } from '../ingest/markdown.js';
import { parsePartialDate } from '../ingest/date.js';
import type { Counts, EvalReport, Evaluator } from './evaluator.js';
import { formatTable, prf } from './evaluator.js';
import { readGoldFiles, type GoldFile } from './_gold-format.js';
import { recordReport, recordSections } from './_gold-records.js';

export interface GoldDocument {
  gold: GoldFile;
  doc: Document;
  results: Extraction;
}

/** Reads each gold file's article, builds its Document (front matter honoured) and extracts. */
export function extractGoldDocuments(path: string): GoldDocument[] {
  const golds = readGoldFiles(path);
  return golds.map((gold) => {
    // `document` is relative to the gold folder's parent (shared/)
    const root = dirname(dirname(resolve(gold.file)));
    const articlePath = resolve(root, gold.document);
    const doc = readArticle(articlePath, gold.published);
    return { gold, doc, results: extract(doc) };
  });
}

export function readArticle(path: string, published: string | null): Document {
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const raw = readMarkdown(text, { location: path, format: 'md', readAt: new Date(0).toISOString() });
    if (!raw.published && published) raw.published = parsePartialDate(published);
    return buildDocument(raw);
  }
  return documentFromText(text, published);
}

/** The comparison form of a name or mention. */
export function normaliseMention(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s?$/, '')
    .trim();
}

export interface OutputEntity {
  id: string;
  name: string;
  mentions: string[];
}

export interface GoldItem {
  name: string;
  mentions: string[];
  optional?: boolean;
}

export interface SectionResult extends Counts {
  missed: string[];
  spurious: { name: string; mentions: string[] }[];
  matched: { gold: string; output: string }[];
  notEntitiesProduced: string[];
}

export type SectionScorer = (gold: GoldFile, results: Extraction) => SectionResult;

function keysOf(name: string, mentions: readonly string[]): Set<string> {
  return new Set([name, ...mentions].map(normaliseMention).filter((k) => k.length > 0));
}

/** Entity-level matching shared by actors and places. */
export function scoreEntities(goldItems: readonly GoldItem[], output: readonly OutputEntity[], notEntities: readonly string[]): SectionResult {
  const goldKeys = goldItems.map((g) => keysOf(g.name, g.mentions));
  const result: SectionResult = { tp: 0, fp: 0, fn: 0, missed: [], spurious: [], matched: [], notEntitiesProduced: [] };
  const matchedGold = new Set<number>();
  for (const e of output) {
    const keys = keysOf(e.name, e.mentions);
    const hits = goldItems.map((_, i) => i).filter((i) => [...keys].some((k) => goldKeys[i].has(k)));
    const required = hits.filter((i) => !goldItems[i].optional);
    for (const i of hits) matchedGold.add(i);
    if (required.length > 0) {
      result.tp++;
      result.matched.push({ gold: goldItems[required[0]].name, output: e.name });
    } else if (hits.length === 0) {
      result.fp++;
      result.spurious.push({ name: e.name, mentions: e.mentions });
    }
  }
  goldItems.forEach((g, i) => {
    if (g.optional) return;
    if (!matchedGold.has(i)) {
      result.fn++;
      result.missed.push(g.name);
    }
  });
  const bad = new Set(notEntities.map(normaliseMention));
  for (const e of output) {
    for (const m of new Set([e.name, ...e.mentions])) if (bad.has(normaliseMention(m))) result.notEntitiesProduced.push(m);
  }
  result.notEntitiesProduced = [...new Set(result.notEntitiesProduced)];
  return result;
}

function groupEntities<T extends { text: string }>(items: readonly T[], id: (x: T) => string, name: (x: T) => string): OutputEntity[] {
  const byId = new Map<string, OutputEntity>();
  for (const x of items) {
    const key = id(x);
    const e = byId.get(key) ?? { id: key, name: name(x), mentions: [] };
    if (!e.mentions.includes(x.text)) e.mentions.push(x.text);
    byId.set(key, e);
  }
  return [...byId.values()];
}

export const scoreActors: SectionScorer = (gold, results) =>
  scoreEntities(
    gold.actors,
    groupEntities(results.actors, (a) => a.actorId, (a) => a.name),
    gold.not_entities,
  );

export const scorePlaces: SectionScorer = (gold, results) =>
  scoreEntities(
    gold.places,
    groupEntities(results.places, (p) => p.placeId, (p) => p.name),
    gold.not_entities,
  );

/** Section scorers run on every document; another section adds itself here. */
export const sections: Record<string, SectionScorer> = { actors: scoreActors, places: scorePlaces, ...recordSections };

/** The sections combined into `overall`. */
const OVERALL_SECTIONS = ['actors', 'places'];

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export const evaluator: Evaluator = {
  task: 'gold',
  description: 'actors and places P/R/F1 against the hand-checked gold annotations (../shared/gold/*.yaml)',
  defaultData: ['../shared/gold'],
  async run({ data }): Promise<EvalReport> {
    const documents = extractGoldDocuments(data);
    const totals: Record<string, Counts> = {};
    const perDocument: Record<string, Record<string, SectionResult>> = {};
    const notEntities: string[] = [];
    for (const { gold, results } of documents) {
      const scores: Record<string, SectionResult> = {};
      for (const [section, scorer] of Object.entries(sections)) {
        const s = scorer(gold, results);
        scores[section] = s;
        totals[section] = add(totals[section] ?? { tp: 0, fp: 0, fn: 0 }, s);
        for (const n of s.notEntitiesProduced) notEntities.push(`${gold.document}: ${n} (${section})`);
      }
      perDocument[gold.document] = scores;
    }
    const combined = OVERALL_SECTIONS.reduce<Counts>((acc, s) => add(acc, totals[s] ?? { tp: 0, fp: 0, fn: 0 }), { tp: 0, fp: 0, fn: 0 });
    const overall = { ...prf(combined), notEntitiesProduced: notEntities.length };
    const rows: (string | number)[][] = [['section', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']];
    for (const [section, c] of Object.entries(totals)) {
      const p = prf(c);
      rows.push([section, c.tp, c.fp, c.fn, p.precision, p.recall, p.f1]);
    }
    rows.push(['overall', combined.tp, combined.fp, combined.fn, overall.precision, overall.recall, overall.f1]);
    const lines: string[] = [formatTable(rows), '', `documents: ${documents.length}`];
    for (const [doc, scores] of Object.entries(perDocument)) {
      for (const [section, s] of Object.entries(scores)) {
        for (const m of s.missed) lines.push(`  missed   ${section.padEnd(7)} ${m}  (${doc})`);
        for (const x of s.spurious) lines.push(`  spurious ${section.padEnd(7)} ${x.name} [${x.mentions.join(' | ')}]  (${doc})`);
      }
    }
    lines.push(`not_entities produced: ${notEntities.length === 0 ? 'none' : notEntities.join('; ')}`);
    const records = recordReport(perDocument);
    lines.push(...records.lines);
    Object.assign(overall, records.overall);
    return {
      task: 'gold',
      data,
      overall,
      details: {
        sections: Object.fromEntries(Object.entries(totals).map(([s, c]) => [s, { ...c, ...prf(c) }])),
        documents: perDocument,
        notEntitiesProduced: notEntities,
      },
      table: lines.join('\n'),
    };
  },
};
