/**
 * `sitrep eval time`: TimeML (.tml) files scored as TempEval-3 scores time expressions
 * (UzZaman et al. 2013, section 4): strict span F1 (same extent), relaxed span F1 (overlapping
 * extents) and value F1. TempEval-3 defines attribute F1 with precision = correct values / system
 * expressions and recall = correct values / gold expressions, where a value counts only on a relaxed
 * match; with one-to-one matching that equals value accuracy × relaxed F1, which we also print.
 *
 * The document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") becomes the
 * publication date and is not scored. Other tags (EVENT, SIGNAL) are dropped, keeping offsets.
 * Offsets are aligned through sitrep's text normalisation, so the scored text is what sitrep reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { documentFromText } from '../ingest/document.js';
import { emptyExtraction } from '../model.js';
import { timesStage } from '../extract/stages/times.js';
import { formatTable, prf, type Counts, type EvalReport, type Evaluator } from './evaluator.js';

export interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
  text: string;
}

export interface TimeMlDoc {
  id: string;
  text: string;
  dct: string | null;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

/** Reads a TimeML file: the TEXT element's plain text, its TIMEX3 spans, and the DCT. */
export function parseTimeMl(xml: string, id = ''): TimeMlDoc {
  let dct: string | null = null;
  const dctTag = /<TIMEX3\b([^>]*functionInDocument="CREATION_TIME"[^>]*)>/.exec(xml);
  if (dctTag) dct = attr(dctTag[1], 'value') ?? null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : xml;
  let text = '';
  const timexes: GoldTimex[] = [];
  const stack: { start: number; attrs: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*?)(\/?)>|&(#?[A-Za-z0-9]+);/g;
  let last = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[5] !== undefined) {
      text += decodeEntity(m[5]);
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if (name !== 'TIMEX3' || selfClosing) continue;
    if (!closing) stack.push({ start: text.length, attrs });
    else {
      const o = stack.pop();
      if (!o) continue;
      if (attr(o.attrs, 'functionInDocument') === 'CREATION_TIME') continue;
      timexes.push({ start: o.start, end: text.length, type: attr(o.attrs, 'type') ?? 'DATE', value: attr(o.attrs, 'value') ?? '', text: text.slice(o.start, text.length) });
    }
  }
  text += body.slice(last);
  return { id, text, dct, timexes };
}

/** Characters the text normalisation drops (controls, BOM, zero-width space, soft hyphen, word joiner). */
const DROPPED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\u200b\u00ad\u2060]/;

/** Maps each offset of `raw` to the offset of the same character in its normalised form. */
export function alignOffsets(raw: string, norm: string): Int32Array {
  const map = new Int32Array(raw.length + 1);
  let j = 0;
  for (let i = 0; i < raw.length; i++) {
    map[i] = j;
    if (j < norm.length && raw[i] === norm[j]) j++;
    else if (/\s/.test(raw[i]) || DROPPED.test(raw[i])) continue;
    else if (j < norm.length && /\s/.test(norm[j]) && j + 1 < norm.length && raw[i] === norm[j + 1]) {
      map[i] = j + 1;
      j += 2;
    } else if (j < norm.length && raw[i].normalize('NFC') !== raw[i]) continue;
    else if (j < norm.length) j++;
  }
  map[raw.length] = j;
  return map;
}

interface Span {
  start: number;
  end: number;
  value: string;
  text: string;
  type: string;
}

export interface TimeScores {
  strict: Counts;
  relaxed: Counts;
  /** relaxed matches whose value is right */
  valueCorrect: number;
  typeCorrect: number;
  system: number;
  gold: number;
  errors: { doc: string; gold?: Span; system?: Span }[];
}

function newScores(): TimeScores {
  return { strict: { tp: 0, fp: 0, fn: 0 }, relaxed: { tp: 0, fp: 0, fn: 0 }, valueCorrect: 0, typeCorrect: 0, system: 0, gold: 0, errors: [] };
}

/** One-to-one matching: exact extents first, then the largest overlaps. */
export function scoreDocument(id: string, gold: Span[], system: Span[], s: TimeScores): void {
  s.gold += gold.length;
  s.system += system.length;
  const usedG = new Set<number>();
  const usedS = new Set<number>();
  const pairs: [number, number][] = [];
  gold.forEach((g, gi) => {
    const si = system.findIndex((x, k) => !usedS.has(k) && x.start === g.start && x.end === g.end);
    if (si >= 0) {
      usedG.add(gi);
      usedS.add(si);
      pairs.push([gi, si]);
      s.strict.tp++;
    }
  });
  const overlaps: [number, number, number][] = [];
  gold.forEach((g, gi) => {
    if (usedG.has(gi)) return;
    system.forEach((x, si) => {
      if (usedS.has(si)) return;
      const o = Math.min(g.end, x.end) - Math.max(g.start, x.start);
      if (o > 0) overlaps.push([o, gi, si]);
    });
  });
  overlaps.sort((a, b) => b[0] - a[0]);
  for (const [, gi, si] of overlaps) {
    if (usedG.has(gi) || usedS.has(si)) continue;
    usedG.add(gi);
    usedS.add(si);
    pairs.push([gi, si]);
  }
  s.relaxed.tp += pairs.length;
  s.relaxed.fp += system.length - pairs.length;
  s.relaxed.fn += gold.length - pairs.length;
  for (const [gi, si] of pairs) {
    if (gold[gi].value === system[si].value) s.valueCorrect++;
    else s.errors.push({ doc: id, gold: gold[gi], system: system[si] });
    if (gold[gi].type === system[si].type) s.typeCorrect++;
  }
  gold.forEach((g, gi) => {
    if (!usedG.has(gi)) s.errors.push({ doc: id, gold: g });
  });
  system.forEach((x, si) => {
    if (!usedS.has(si)) s.errors.push({ doc: id, system: x });
  });
}

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.tml')) out.push(p);
  }
  return out;
}

/** Runs sitrep's time stage over one TimeML document; gold and system spans in the same text. */
export function runDocument(doc: TimeMlDoc): { gold: Span[]; system: Span[] } {
  const published = doc.dct && /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.test(doc.dct) ? (/^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(doc.dct) as RegExpExecArray)[0] : null;
  if (doc.text.trim().length === 0) return { gold: [], system: [] };
  const sdoc = documentFromText(doc.text, published);
  const map = alignOffsets(doc.text, sdoc.text);
  const gold = doc.timexes.map((g) => {
    let start = map[g.start];
    let end = map[g.end];
    while (start < end && /\s/.test(sdoc.text[start])) start++;
    while (end > start && /\s/.test(sdoc.text[end - 1])) end--;
    return { start, end, value: g.value, type: g.type, text: sdoc.text.slice(start, end) };
  });
  const results = emptyExtraction();
  timesStage.run(sdoc, results);
  const system = results.times.map((t) => ({ start: t.start, end: t.end, value: t.value, type: t.timexType, text: t.text }));
  return { gold, system };
}

export function evaluateTimeMl(path: string): { scores: TimeScores; documents: number } {
  const scores = newScores();
  const list = files(path);
  for (const f of list) {
    const doc = parseTimeMl(readFileSync(f, 'utf8'), basename(f));
    const { gold, system } = runDocument(doc);
    scoreDocument(doc.id, gold, system, scores);
  }
  scores.strict.fn = scores.gold - scores.strict.tp;
  scores.strict.fp = scores.system - scores.strict.tp;
  return { scores, documents: list.length };
}

export const evaluator: Evaluator = {
  task: 'time',
  description: 'time expressions in TimeML: strict and relaxed span F1, value F1 (TempEval-3)',
  defaultData: ['../shared/bench/time/TimeBank', '../shared/bench/time/AQUAINT', '../shared/bench/time/wikiwars/timex3-tml'],
  async run({ data }): Promise<EvalReport> {
    const { scores: s, documents } = evaluateTimeMl(data);
    const strict = prf(s.strict);
    const relaxed = prf(s.relaxed);
    const valueAccuracy = s.relaxed.tp ? s.valueCorrect / s.relaxed.tp : 0;
    const typeAccuracy = s.relaxed.tp ? s.typeCorrect / s.relaxed.tp : 0;
    const value = prf({ tp: s.valueCorrect, fp: s.system - s.valueCorrect, fn: s.gold - s.valueCorrect });
    const type = prf({ tp: s.typeCorrect, fp: s.system - s.typeCorrect, fn: s.gold - s.typeCorrect });
    const table = formatTable([
      ['measure', 'P', 'R', 'F1'],
      ['strict span', strict.precision, strict.recall, strict.f1],
      ['relaxed span', relaxed.precision, relaxed.recall, relaxed.f1],
      ['value (TempEval-3 attribute F1)', value.precision, value.recall, value.f1],
      ['type (attribute F1)', type.precision, type.recall, type.f1],
    ]) + `\n${documents} documents, ${s.gold} gold TIMEX3, ${s.system} found; value accuracy on relaxed matches ${valueAccuracy.toFixed(4)} (× relaxed F1 = ${(valueAccuracy * relaxed.f1).toFixed(4)})`;
    return {
      task: 'time',
      data,
      overall: { strictF1: strict.f1, relaxedF1: relaxed.f1, valueF1: value.f1 },
      details: {
        documents,
        gold: s.gold,
        system: s.system,
        strict,
        relaxed,
        value,
        valueAccuracy,
        valueF1AsAccuracyTimesRelaxedF1: valueAccuracy * relaxed.f1,
        type,
        typeAccuracy,
        valueF1Definition: 'TempEval-3 attribute F1: P = correct values / system expressions, R = correct values / gold expressions, a value counting only on a relaxed (overlap) match; equal to value accuracy × relaxed F1 under one-to-one matching',
      },
      table,
    };
  },
};
