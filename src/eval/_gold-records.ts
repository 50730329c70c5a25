/**
 * Scoring of events and statements against the gold annotations (`../shared/gold/README.md`),
 * called by the gold evaluator (gold.ts) as two more sections.
 *
 * Events: an output event matches a gold event when their evidence overlaps (one contains the
 * other, or they share a run of at least 20 characters: the scorer sees texts, not offsets). Each
 * gold event takes at most one output event, the one with the longest shared run. Recall counts
 * non-optional gold events; precision counts output events that match no gold event (optional or
 * not). Fields are then scored on matched non-optional events, each on its own: ACLED type,
 * sub-type, PLOVER, actor1, actor2, location, date, fatalities, modality, attributed_to. A field the
 * gold leaves out is expected empty (no actor2, no attribution, no ACLED type), except location and
 * date, which are scored only where the gold gives them. "Invented fatalities" counts output
 * numbers where the gold has none.
 *
 * Statements: matched on (subject, predicate, object), names compared through the gold actors'
 * mentions; `role` and `claims` have no object, so their evidence must overlap as well. Then time
 * bounds, value, modality and attribution are scored on matched statements.
 */
import type { ActorMention, Extraction, ExtractedEvent, ExtractedStatement } from '../model.js';
import type { SectionResult, SectionScorer } from './gold.js';
import type { GoldActor, GoldEvent, GoldFile, GoldStatement } from './_gold-format.js';

/** The comparison form of a name (the same rule as gold.ts uses for actors). */
function norm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/'s?$/, '')
    .trim();
}

/** Length of the longest common substring (characters), on normalised texts. */
export function sharedRun(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (x.includes(y)) return y.length;
  if (y.includes(x)) return x.length;
  let best = 0;
  const prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let diag = 0;
    for (let j = 1; j <= y.length; j++) {
      const tmp = prev[j];
      prev[j] = x[i - 1] === y[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

export function evidenceOverlaps(output: string, gold: string): number {
  const run = sharedRun(output, gold);
  const shorter = Math.min(norm(output).length, norm(gold).length);
  return run >= Math.min(20, shorter) ? run : 0;
}

/**
 * Maps sitrep's canonical actor names to gold names: a sitrep actor is a gold actor when its
 * canonical name or any text it was mentioned as equals the gold name or a gold mention.
 */
export function actorMapper(goldActors: readonly GoldActor[], actors: readonly ActorMention[]): (name: string | null) => string | null {
  const keyToGold = new Map<string, string>();
  for (const g of goldActors) for (const k of [g.name, ...g.mentions]) if (!keyToGold.has(norm(k))) keyToGold.set(norm(k), g.name);
  const textsByName = new Map<string, Set<string>>();
  for (const a of actors) {
    const set = textsByName.get(a.name) ?? new Set<string>();
    set.add(a.text);
    textsByName.set(a.name, set);
  }
  return (name) => {
    if (name === null) return null;
    const direct = keyToGold.get(norm(name));
    if (direct) return direct;
    for (const t of textsByName.get(name) ?? []) {
      const g = keyToGold.get(norm(t));
      if (g) return g;
    }
    return name;
  };
}

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || a === '') return b === null || b === undefined || b === '';
  if (b === null || b === undefined) return false;
  return norm(a) === norm(b);
}

export interface FieldTally {
  correct: number;
  total: number;
}

export interface RecordSectionResult extends SectionResult {
  fields: Record<string, FieldTally>;
  /** output numbers where the gold gives none */
  inventedFatalities?: number;
  /** per matched item: which fields were wrong, for the report */
  errors: string[];
}

function tally(fields: Record<string, FieldTally>, field: string, ok: boolean): void {
  const t = fields[field] ?? (fields[field] = { correct: 0, total: 0 });
  t.total++;
  if (ok) t.correct++;
}

function eventLabel(g: GoldEvent): string {
  return g.id ?? g.evidence.slice(0, 40);
}

function dateMatches(g: NonNullable<GoldEvent['date']>, o: ExtractedEvent['date']): boolean {
  if (!o) return false;
  if (g.value !== undefined) return String(g.value) === (o.value ?? '');
  if (g.from !== undefined || g.to !== undefined) return String(g.from ?? '') === (o.from ?? '') && String(g.to ?? '') === (o.to ?? '');
  if (g.before !== undefined) return String(g.before) === (o.before ?? '');
  if (g.after !== undefined) return String(g.after) === (o.after ?? '');
  return true;
}

function fatalitiesMatch(g: GoldEvent['fatalities'], o: ExtractedEvent['fatalities']): boolean {
  if (g === null || g === undefined) return o === null;
  if (!o) return false;
  return (g.low ?? null) === o.low && (g.best ?? null) === o.best && (g.high ?? null) === o.high;
}

export const scoreEventsSection: SectionScorer = (gold: GoldFile, results: Extraction): RecordSectionResult => {
  const toGold = actorMapper(gold.actors, results.actors);
  const out = results.events;
  const used = new Set<number>();
  const result: RecordSectionResult = { tp: 0, fp: 0, fn: 0, missed: [], spurious: [], matched: [], notEntitiesProduced: [], fields: {}, inventedFatalities: 0, errors: [] };
  const order = [...gold.events.filter((g) => !g.optional), ...gold.events.filter((g) => g.optional)];
  const pairs: { g: GoldEvent; o: ExtractedEvent }[] = [];
  for (const g of order) {
    let best = -1;
    let bestRun = 0;
    out.forEach((o, i) => {
      if (used.has(i)) return;
      let run = evidenceOverlaps(o.evidence.text, g.evidence);
      // prefer the candidate of the right ACLED type when several overlap
      if (run > 0 && g.acled?.type && o.acled?.type === g.acled.type) run += 1000;
      if (run > bestRun) {
        bestRun = run;
        best = i;
      }
    });
    if (best < 0) {
      if (!g.optional) {
        result.fn++;
        result.missed.push(eventLabel(g));
      }
      continue;
    }
    used.add(best);
    if (g.optional) continue;
    result.tp++;
    result.matched.push({ gold: eventLabel(g), output: out[best].evidence.text });
    pairs.push({ g, o: out[best] });
  }
  out.forEach((o, i) => {
    if (!used.has(i)) {
      result.fp++;
      result.spurious.push({ name: `${o.acled?.subtype ?? o.extra ?? o.plover ?? '?'}`, mentions: [o.evidence.text] });
    }
  });
  for (const { g, o } of pairs) {
    const wrong: string[] = [];
    const check = (field: string, ok: boolean, detail: string) => {
      tally(result.fields, field, ok);
      if (!ok) wrong.push(`${field}: ${detail}`);
    };
    check('acled.type', same(g.acled?.type, o.acled?.type), `${o.acled?.type ?? '-'} vs ${g.acled?.type ?? '-'}`);
    check('acled.subtype', same(g.acled?.subtype, o.acled?.subtype), `${o.acled?.subtype ?? '-'} vs ${g.acled?.subtype ?? '-'}`);
    check('plover', same(g.plover, o.plover), `${o.plover ?? '-'} vs ${g.plover ?? '-'}`);
    check('actor1', same(g.actor1, toGold(o.actor1)), `${o.actor1 ?? '-'} vs ${g.actor1 ?? '-'}`);
    check('actor2', same(g.actor2, toGold(o.actor2)), `${o.actor2 ?? '-'} vs ${g.actor2 ?? '-'}`);
    if (g.location && (g.location.country || g.location.name)) {
      const okCountry = !g.location.country || g.location.country === o.location?.country;
      const okName = !g.location.name || (o.location?.name ? norm(o.location.name) === norm(g.location.name) : false);
      check('location', okCountry && okName, `${o.location?.name ?? '-'}/${o.location?.country ?? '-'} vs ${g.location.name ?? '-'}/${g.location.country ?? '-'}`);
    }
    if (g.date) check('date', dateMatches(g.date, o.date), `${JSON.stringify(o.date)} vs ${JSON.stringify(g.date)}`);
    check('fatalities', fatalitiesMatch(g.fatalities, o.fatalities), `${JSON.stringify(o.fatalities)} vs ${JSON.stringify(g.fatalities ?? null)}`);
    if ((g.fatalities === null || g.fatalities === undefined) && o.fatalities) result.inventedFatalities!++;
    check('modality', g.modality === o.modality, `${o.modality} vs ${g.modality ?? '-'}`);
    check('attributed_to', same(g.attributed_to, toGold(o.attributedTo)), `${o.attributedTo ?? '-'} vs ${g.attributed_to ?? '-'}`);
    if (wrong.length > 0) result.errors.push(`${eventLabel(g)}: ${wrong.join('; ')}`);
  }
  return result;
};

function statementLabel(g: GoldStatement): string {
  return `${g.subject} ${g.predicate} ${g.object ?? JSON.stringify(g.value ?? '')}`.slice(0, 90);
}

function valueMatches(g: unknown, o: unknown): boolean {
  if (g === undefined || g === null) return true;
  if (typeof g === 'object') {
    if (!o || typeof o !== 'object') return false;
    const gv = g as Record<string, unknown>;
    const ov = o as Record<string, unknown>;
    return Object.keys(gv).every((k) => gv[k] === ov[k]);
  }
  if (typeof o !== 'string' && typeof o !== 'number') return false;
  const a = norm(String(g)).replace(/[.,"“”]/g, '');
  const b = norm(String(o)).replace(/[.,"“”]/g, '');
  if (a === b || a.includes(b) || b.includes(a)) return true;
  // the same words in another order ("sixty jihadists neutralized" / "sixty neutralized jihadists")
  const words = (x: string) => new Set(x.split(/\s+/).filter((w) => w.length > 2));
  const bw = words(b);
  return [...words(a)].every((w) => bw.has(w));
}

function boundMatches(g: unknown, o: string | undefined): boolean {
  if (g === undefined || g === null) return o === undefined;
  if (o === undefined) return false;
  const gs = g instanceof Date ? g.toISOString().slice(0, 10) : String(g);
  return gs === o || gs.replace(/^<=/, '') === o;
}

export const scoreStatementsSection: SectionScorer = (gold: GoldFile, results: Extraction): RecordSectionResult => {
  const toGold = actorMapper(gold.actors, results.actors);
  const out = results.statements;
  const used = new Set<number>();
  const result: RecordSectionResult = { tp: 0, fp: 0, fn: 0, missed: [], spurious: [], matched: [], notEntitiesProduced: [], fields: {}, errors: [] };
  const order = [...gold.statements.filter((g) => !g.optional), ...gold.statements.filter((g) => g.optional)];
  for (const g of order) {
    const candidates = out
      .map((o, i) => ({ o, i }))
      .filter(({ o, i }) => {
        if (used.has(i) || o.predicate !== g.predicate) return false;
        if (!same(g.subject, toGold(o.subject))) return false;
        if (g.object !== undefined && !same(String(g.object), toGold(o.object))) return false;
        return true;
      })
      .map(({ o, i }) => ({ o, i, run: g.evidence ? evidenceOverlaps(o.evidence.text, g.evidence) : 0 }));
    // statements without an object (role, claims, died) must also share evidence
    const pool = g.object === undefined ? candidates.filter((c) => c.run > 0) : candidates;
    pool.sort((a, b) => b.run - a.run);
    const hit = pool[0];
    if (!hit) {
      if (!g.optional) {
        result.fn++;
        result.missed.push(statementLabel(g));
      }
      continue;
    }
    used.add(hit.i);
    if (g.optional) continue;
    result.tp++;
    const o: ExtractedStatement = hit.o;
    result.matched.push({ gold: statementLabel(g), output: `${o.subject} ${o.predicate} ${o.object ?? ''}` });
    const wrong: string[] = [];
    const check = (field: string, ok: boolean, detail: string) => {
      tally(result.fields, field, ok);
      if (!ok) wrong.push(`${field}: ${detail}`);
    };
    if (g.from !== undefined || g.to !== undefined || g.at !== undefined) {
      check('time', boundMatches(g.from, o.from) && boundMatches(g.to, o.to) && boundMatches(g.at, o.at), `${o.from ?? '-'}..${o.to ?? '-'}@${o.at ?? '-'} vs ${String(g.from ?? '-')}..${String(g.to ?? '-')}@${String(g.at ?? '-')}`);
    }
    if (g.value !== undefined) check('value', valueMatches(g.value, o.value), `${JSON.stringify(o.value)} vs ${JSON.stringify(g.value)}`);
    check('modality', g.modality === o.modality, `${o.modality} vs ${g.modality ?? '-'}`);
    check('attributed_to', same(g.attributed_to, toGold(o.attributedTo)), `${o.attributedTo ?? '-'} vs ${g.attributed_to ?? '-'}`);
    if (wrong.length > 0) result.errors.push(`${statementLabel(g)}: ${wrong.join('; ')}`);
  }
  out.forEach((o, i) => {
    if (!used.has(i)) {
      result.fp++;
      result.spurious.push({ name: `${o.subject} ${o.predicate} ${o.object ?? ''}`, mentions: [o.evidence.text] });
    }
  });
  return result;
};

/** The two sections gold.ts runs on every document. */
export const recordSections: Record<string, SectionScorer> = { events: scoreEventsSection, statements: scoreStatementsSection };

function pct(t: FieldTally | undefined): number | null {
  return t && t.total > 0 ? t.correct / t.total : null;
}

/**
 * Headline figures and report lines for events and statements over all documents: recall and
 * precision, each field's accuracy on matched items, invented fatality numbers, and the errors.
 */
export function recordReport(perDocument: Record<string, Record<string, SectionResult>>): { overall: Record<string, unknown>; lines: string[] } {
  const lines: string[] = [];
  const overall: Record<string, unknown> = {};
  for (const section of ['events', 'statements']) {
    const fields: Record<string, FieldTally> = {};
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let invented = 0;
    const errors: string[] = [];
    for (const [doc, scores] of Object.entries(perDocument)) {
      const s = scores[section] as RecordSectionResult | undefined;
      if (!s) continue;
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
      invented += s.inventedFatalities ?? 0;
      for (const [f, t] of Object.entries(s.fields ?? {})) {
        const acc = fields[f] ?? (fields[f] = { correct: 0, total: 0 });
        acc.correct += t.correct;
        acc.total += t.total;
      }
      for (const e of s.errors ?? []) errors.push(`  ${section.padEnd(10)} ${e}  (${doc})`);
    }
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    overall[section] = {
      recall,
      precision,
      matched: tp,
      fields: Object.fromEntries(Object.entries(fields).map(([f, t]) => [f, pct(t)])),
      ...(section === 'events' ? { inventedFatalities: invented } : {}),
    };
    lines.push('', `${section}: recall ${recall.toFixed(4)} (${tp}/${tp + fn}), precision ${precision.toFixed(4)}${section === 'events' ? `, invented fatality numbers ${invented}` : ''}`);
    lines.push(`  field accuracy on matched ${section}: ${Object.entries(fields).map(([f, t]) => `${f} ${t.correct}/${t.total}`).join(', ') || '(none matched)'}`);
    lines.push(...errors);
  }
  return { overall, lines };
}
