import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Document, SourceMention, Span } from '../model.js';
import type { Counts, EvalReport, Evaluator, Prf } from './evaluator.js';
import { formatTable, prf } from './evaluator.js';
import { stages } from '../extract/pipeline.js';
import type { Stage } from '../extract/stage.js';
import { emptyExtraction } from '../model.js';
import { documentFromText } from '../ingest/document.js';
import { splitParagraphs, splitSentences } from '../text/sentences.js';

/**
 * Attribution in PolNeAR's layout (Newell, Margolin & Ruths 2018): `text/<name>.txt` beside
 * `attributions/<name>_<annotator>.ann`, brat standoff where each attribution is an event joining
 * a Cue, an optional Source and one or more Content text-bound annotations (spans may be
 * discontinuous: `start end;start end`). A text annotated by several annotators is scored once,
 * against the first annotation file in name order, so no article weighs more than another.
 *
 * Matching: predicted and gold attributions are paired one-to-one on their cues (exact: same
 * characters; overlap: any shared character). Source and content are then scored on those pairs,
 * as BBC's Citron does: a predicted source counts when its attribution's cue matches a gold cue whose
 * source matches it; precision over predicted attributions that name a source, recall over gold
 * attributions that have one.
 */

export interface GoldAttribution {
  cue: Span[];
  cueText: string;
  source: Span[];
  content: Span[];
}

/** Reads one brat .ann file into attributions. */
export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; spans: Span[]; text: string }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, head, text] = line.split('\t');
      if (!head) continue;
      const sp = head.indexOf(' ');
      const type = head.slice(0, sp);
      const parts = head
        .slice(sp + 1)
        .split(';')
        .map((p) => p.trim().split(/\s+/).map(Number))
        .filter((p) => p.length === 2 && p.every(Number.isFinite))
        .map(([start, end]) => ({ start, end }));
      spans.set(id, { type, spans: parts, text: text ?? '' });
    } else if (line.startsWith('E')) {
      const [, args] = line.split('\t');
      if (args) events.push(args.trim().split(/\s+/));
    }
  }
  const out: GoldAttribution[] = [];
  for (const args of events) {
    const a: GoldAttribution = { cue: [], cueText: '', source: [], content: [] };
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const t = spans.get(ref);
      if (!t) continue;
      if (role.startsWith('Cue')) {
        a.cue.push(...t.spans);
        a.cueText += (a.cueText ? ' ' : '') + t.text;
      } else if (role.startsWith('Source')) a.source.push(...t.spans);
      else if (role.startsWith('Content')) a.content.push(...t.spans);
    }
    if (a.cue.length > 0) out.push(a);
  }
  return out;
}

/**
 * Reporting cues: the cue's head is a verb or phrase of saying. Fixed here, apart from the
 * extractor's lexicon, so that growing the lexicon cannot move the goalposts.
 */
const REPORTING = new Set(
  [
    'say says said saying',
    'tell tells told telling',
    'claim claims claimed claiming',
    'announce announces announced announcing',
    'deny denies denied denying',
    'accuse accuses accused accusing',
    'allege alleges alleged alleging',
    'add adds added adding',
    'note notes noted noting',
    'write writes wrote writing written',
    'ask asks asked asking',
    'argue argues argued arguing',
    'insist insists insisted insisting',
    'warn warns warned warning',
    'report reports reported reporting',
    'state states stated stating',
    'explain explains explained explaining',
    'suggest suggests suggested suggesting',
    'acknowledge acknowledges acknowledged acknowledging',
    'confirm confirms confirmed confirming',
    'declare declares declared declaring',
    'tweet tweets tweeted tweeting',
    'reply replies replied replying',
    'respond responds responded responding',
    'reveal reveals revealed revealing',
    'admit admits admitted admitting',
    'assert asserts asserted asserting',
    'proclaim proclaims proclaimed proclaiming',
    'stress stresses stressed stressing',
    'emphasize emphasizes emphasized emphasise emphasises emphasised',
    'recall recalls recalled recalling',
    'concede concedes conceded conceding',
    'contend contends contended contending',
    'mention mentions mentioned mentioning',
    'comment comments commented commenting',
    'testify testifies testified testifying',
  ]
    .join(' ')
    .split(' '),
);

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

export function isReportingCue(text: string): boolean {
  const w = words(text);
  for (let i = 0; i < w.length; i++) {
    if (REPORTING.has(w[i])) return true;
    if (w[i] === 'according' && w[i + 1] === 'to') return true;
  }
  return false;
}

function sameSpans(a: Span[], b: Span[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].sort((x, y) => x.start - y.start);
  const sb = [...b].sort((x, y) => x.start - y.start);
  return sa.every((s, i) => s.start === sb[i].start && s.end === sb[i].end);
}

function overlapping(a: Span[], b: Span[]): boolean {
  for (const x of a) for (const y of b) if (x.start < y.end && y.start < x.end) return true;
  return false;
}

interface Predicted {
  cue: Span[];
  cueText: string;
  source: Span[];
  content: Span[];
}

function fromMention(m: SourceMention): Predicted {
  return {
    cue: [{ start: m.cue.start, end: m.cue.end }],
    cueText: m.cue.text,
    source: m.source ? [{ start: m.source.start, end: m.source.end }] : [],
    content: m.content ? [{ start: m.content.start, end: m.content.end }] : [],
  };
}

type Mode = 'exact' | 'overlap';

interface Tally {
  cue: Counts;
  source: Counts;
  content: Counts;
}

function emptyTally(): Tally {
  return { cue: { tp: 0, fp: 0, fn: 0 }, source: { tp: 0, fp: 0, fn: 0 }, content: { tp: 0, fp: 0, fn: 0 } };
}

/** Pairs predictions with gold attributions on their cues (greedy, in text order) and counts. */
export function score(gold: GoldAttribution[], pred: Predicted[], mode: Mode, into: Tally = emptyTally()): Tally {
  const match = mode === 'exact' ? sameSpans : overlapping;
  const used = new Uint8Array(gold.length);
  const pairs: [Predicted, GoldAttribution][] = [];
  for (const p of pred) {
    let hit = -1;
    // prefer an exact cue match when several gold cues overlap
    for (let g = 0; g < gold.length; g++) {
      if (used[g] || !overlapping(p.cue, gold[g].cue)) continue;
      if (sameSpans(p.cue, gold[g].cue)) {
        hit = g;
        break;
      }
      if (hit < 0 && match(p.cue, gold[g].cue)) hit = g;
    }
    if (hit >= 0) {
      used[hit] = 1;
      pairs.push([p, gold[hit]]);
    }
  }
  into.cue.tp += pairs.length;
  into.cue.fp += pred.length - pairs.length;
  into.cue.fn += gold.length - pairs.length;
  for (const role of ['source', 'content'] as const) {
    const c = into[role];
    let tp = 0;
    for (const [p, g] of pairs) if (p[role].length > 0 && g[role].length > 0 && match(p[role], g[role])) tp++;
    c.tp += tp;
    c.fp += pred.filter((p) => p[role].length > 0).length - tp;
    c.fn += gold.filter((g) => g[role].length > 0).length - tp;
  }
  return into;
}

/** text file -> its first annotation file, for a folder in PolNeAR's layout (or a single .txt / .ann). */
export function pairs(data: string): { text: string; ann: string }[] {
  const st = statSync(data);
  if (st.isFile()) {
    if (data.endsWith('.ann')) {
      const name = basename(data).replace(/_[^_]+\.ann$/, '').replace(/\.ann$/, '');
      const root = dirname(dirname(data));
      return [{ text: join(root, 'text', name + '.txt'), ann: data }];
    }
    const name = basename(data, '.txt');
    const root = dirname(dirname(data));
    const anns = existsSync(join(root, 'attributions')) ? readdirSync(join(root, 'attributions')).filter((f) => f.startsWith(name + '_') || f === name + '.ann').sort() : [];
    if (anns.length === 0) throw new Error(`eval attribution: no annotation for ${data}`);
    return [{ text: data, ann: join(root, 'attributions', anns[0]) }];
  }
  const textDir = join(data, 'text');
  const annDir = join(data, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`eval attribution: ${data} has no text/ and attributions/ folders (PolNeAR layout)`);
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const out: { text: string; ann: string }[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith('.txt')).sort()) {
    const name = f.slice(0, -4);
    const ann = anns.find((a) => a === name + '.ann' || (a.startsWith(name + '_') && !a.slice(name.length + 1, -4).includes('_')));
    if (ann) out.push({ text: join(textDir, f), ann: join(annDir, ann) });
  }
  return out;
}

function row(label: string, p: Prf, c: Counts): (string | number)[] {
  return [label, p.precision, p.recall, p.f1, c.tp, c.fp, c.fn];
}

/**
 * The Document for a benchmark text. Gold offsets refer to the file as it is, while ingest
 * normalises white space (a trailing newline, double spaces), so when normalising changed the text
 * the paragraphs and sentences are rebuilt over the raw text with the same splitters.
 */
export function benchDocument(text: string): Document {
  const doc = documentFromText(text);
  if (doc.text === text) return doc;
  const paragraphs: Document['paragraphs'] = [];
  const sentences: Document['sentences'] = [];
  for (const p of splitParagraphs(text)) {
    const index = paragraphs.length;
    paragraphs.push({ start: p.start, end: p.end, index });
    for (const s of splitSentences(text.slice(p.start, p.end), p.start)) sentences.push({ start: s.start, end: s.end, index: sentences.length, paragraph: index });
  }
  return { ...doc, text, paragraphs, sentences };
}

/**
 * CPU time of this process, not wall-clock time: on a shared machine the wall clock measures the
 * neighbours as much as the code.
 */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

export interface AttributionRun {
  documents: number;
  bytes: number;
  seconds: number;
  /** time in the sources stage alone */
  sourcesSeconds: number;
  reporting: Record<Mode, Tally>;
  all: Record<Mode, Tally>;
}

/** Runs sitrep on every text and scores it; exported for the training script and tests. */
/**
 * The stages the scored spans depend on, in pipeline order. Names and actors only add
 * `sourceActorId`, which PolNeAR cannot score, so they are left out: the figures then measure the
 * attribution rules alone and do not move when another stage's model is retrained.
 */
const NEEDED = new Set(['tokens', 'sources']);
const needed = stages.filter((s) => NEEDED.has(s.name));

export function runAttribution(files: { text: string; ann: string }[], makeDoc: (text: string) => Document = benchDocument, stageList: readonly Stage[] = needed): AttributionRun {
  const run: AttributionRun = {
    documents: 0,
    bytes: 0,
    seconds: 0,
    sourcesSeconds: 0,
    reporting: { exact: emptyTally(), overlap: emptyTally() },
    all: { exact: emptyTally(), overlap: emptyTally() },
  };
  let elapsed = 0;
  // load models and lexicons before the clock starts: the figure is throughput, not start-up
  const warm = emptyExtraction();
  const warmDoc = makeDoc('Officials said the town had fallen.');
  for (const stage of stageList) stage.run(warmDoc, warm);
  for (const f of files) {
    const text = readFileSync(f.text, 'utf8');
    const gold = parseBrat(readFileSync(f.ann, 'utf8'));
    const doc = makeDoc(text);
    if (doc.text !== text) throw new Error(`eval attribution: the document text of ${f.text} differs from the file, offsets would not line up`);
    const t0 = cpuSeconds();
    const results = emptyExtraction();
    for (const stage of stageList) {
      const s0 = stage.name === 'sources' ? cpuSeconds() : 0;
      stage.run(doc, results);
      if (stage.name === 'sources') run.sourcesSeconds += cpuSeconds() - s0;
    }
    elapsed += cpuSeconds() - t0;
    const pred = results.sources.map(fromMention);
    run.documents++;
    run.bytes += Buffer.byteLength(text);
    for (const mode of ['exact', 'overlap'] as const) {
      score(gold, pred, mode, run.all[mode]);
      score(
        gold.filter((g) => isReportingCue(g.cueText)),
        pred.filter((p) => isReportingCue(p.cueText)),
        mode,
        run.reporting[mode],
      );
    }
  }
  run.seconds = elapsed;
  return run;
}

export function reportFromRun(run: AttributionRun, data: string): EvalReport {
  const figures = (t: Tally) => ({
    cue: prf(t.cue),
    source: prf(t.source),
    content: prf(t.content),
    counts: t,
  });
  const rows: (string | number)[][] = [['attributions', 'P', 'R', 'F1', 'tp', 'fp', 'fn']];
  for (const subset of ['reporting', 'all'] as const) {
    for (const mode of ['overlap', 'exact'] as const) {
      const t = run[subset][mode];
      for (const role of ['cue', 'source', 'content'] as const) rows.push(row(`${subset} ${mode} ${role}`, prf(t[role]), t[role]));
    }
  }
  const ro = run.reporting.overlap;
  const ao = run.all.overlap;
  return {
    task: 'attribution',
    data,
    overall: {
      cueF1: prf(ro.cue).f1,
      sourceF1: prf(ro.source).f1,
      contentF1: prf(ro.content).f1,
      all: { cueF1: prf(ao.cue).f1, sourceF1: prf(ao.source).f1, contentF1: prf(ao.content).f1 },
    },
    details: {
      documents: run.documents,
      megabytesPerSecond: run.seconds > 0 ? run.bytes / 1e6 / run.seconds : null,
      sourcesStageMegabytesPerSecond: run.sourcesSeconds > 0 ? run.bytes / 1e6 / run.sourcesSeconds : null,
      reporting: { overlap: figures(run.reporting.overlap), exact: figures(run.reporting.exact) },
      all: { overlap: figures(run.all.overlap), exact: figures(run.all.exact) },
    },
    table:
      formatTable(rows) +
      `\n${run.documents} documents; ${(run.bytes / 1e6 / Math.max(run.seconds, 1e-9)).toFixed(2)} MB/s through the tokens and sources stages, ` +
      `${(run.bytes / 1e6 / Math.max(run.sourcesSeconds, 1e-9)).toFixed(2)} MB/s in the sources stage alone (CPU time; document building not timed; on a small set JIT warm-up weighs)`,
  };
}

export const evaluator: Evaluator = {
  task: 'attribution',
  description: 'who says what: cue, source and content spans against PolNeAR-style brat standoff (text/*.txt + attributions/*.ann)',
  defaultData: ['../shared/bench/attribution/polnear/dev'],
  async run({ data }): Promise<EvalReport> {
    return reportFromRun(runAttribution(pairs(data)), data);
  },
};
