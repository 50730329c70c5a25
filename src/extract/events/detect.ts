import { loadCues } from './lexicon.js';
import { PrefixIndex, wordStartPrefixes } from './prefilter.js';
import { hasFoldingHazard, lowerText } from '../attribution/lowertokens.js';
import { looksEnglish } from '../../text/sentencelanguage.js';

/**
 * Event triggers and event typing from data/cues/events.yaml.
 *
 * A sentence is scanned with every cue; each kind scores the sum of its matching cues' weights
 * (a cue counts once). The kind with the highest score wins. The weights carry ACLED's rules of
 * precedence (ACLED Codebook 2023, "Event Types and Sub-Event Types"):
 * - the mode of violence decides the type before the target: a cue of a remote weapon (air or
 *   drone strike, shelling, IED, grenade, suicide bomb, chemical weapon) outweighs a cue of an
 *   attack on civilians, and civilian targeting is kept as a flag instead (`civilianTargeting`);
 * - a suicide bombing is "Suicide bomb" even though a bomb exploded (Codebook: Suicide bomb);
 * - a change of territorial control outweighs the clash that brought it (Codebook: Government
 *   regains territory / Non-state actor overtakes territory);
 * - protest sub-types depend on how authorities answered, so intervention cues count only when a
 *   protest cue is present (Codebook: Protests).
 */

export interface KindInfo {
  acled: [string, string] | null;
  plover: string | null;
  mode?: string;
  context?: string;
  extra?: string;
  violent?: boolean;
  disaster?: string;
}

interface CueSpec {
  kind: string;
  group?: string;
  weight: number;
  re: string;
  needs?: string[];
  /** the language whose reporting the cue reads (`fr`); a cue without one is read in every document */
  lang?: string;
}

interface EventCues {
  kinds: Record<string, KindInfo>;
  cues: CueSpec[];
}

interface CompiledCue extends CueSpec {
  index: number;
  regex: RegExp;
  /** the same pattern, sticky: tried only at the word starts where it may begin */
  sticky: RegExp;
  /** lower-cased prefixes one of which starts every match (prefilter.ts); null: scan the whole text */
  prefixes: string[] | null;
  /** the pattern needs the text's own case ([\p{Lu}]); the others run on the lower-cased text */
  cased: boolean;
}

/** Longest prefix kept per pattern: most words leave the index long before. */
const PREFIX = 8;

export interface CueHit {
  kind: string;
  group: string;
  weight: number;
  /** offsets in the scanned text, shifted by `base` */
  start: number;
  end: number;
  text: string;
  /** index of the cue in events.yaml, for provenance */
  cue: number;
}

interface Compiled {
  kinds: Record<string, KindInfo>;
  cues: CompiledCue[];
  /** the possible starts of every cue that has them */
  index: PrefixIndex;
}

let compiled: Compiled | null = null;

function cues(): Compiled {
  if (compiled) return compiled;
  const data = loadCues<EventCues>('events.yaml');
  const list = data.cues.map((c, index): CompiledCue => {
    if (!data.kinds[c.kind]) throw new Error(`events.yaml: cue ${index} names unknown kind "${c.kind}"`);
    // case-insensitive and unicode matching are slow: patterns that need neither run
    // case-sensitively on the lower-cased text (same length checked at scan time)
    const cased = /\\p\{Lu\}|\[A-Z/.test(c.re);
    const unicode = /\\p\{|\\u\{/.test(c.re);
    const flags = cased ? 'iu' : unicode ? 'u' : '';
    const prefixes = wordStartPrefixes(c.re, flags, PREFIX);
    return { ...c, index, cased, prefixes, regex: new RegExp(c.re, `g${flags}`), sticky: new RegExp(c.re, `y${flags}`) };
  });
  compiled = { kinds: data.kinds, cues: list, index: new PrefixIndex(list.map((c) => c.prefixes)) };
  return compiled;
}

export function kindInfo(kind: string): KindInfo {
  const info = cues().kinds[kind];
  if (!info) throw new Error(`events: unknown kind "${kind}"`);
  return info;
}

export function allKinds(): string[] {
  return Object.keys(cues().kinds);
}

/**
 * Every match of every cue, cue by cue in file order, each cue's matches left to right (the
 * global scan's own order). `exhaustive` scans every pattern over the whole text; otherwise a
 * pattern whose possible starts are known is tried only there, which finds the same matches: a
 * global scan returns the leftmost match at or after its position, and no match begins elsewhere.
 */
export function rawHits(text: string, base: number, exhaustive = false, language = 'en'): CueHit[] {
  const raw: CueHit[] = [];
  const lower = lowerText(text);
  // lower-casing may change the length of rare characters (İ): then every pattern runs case-blind
  const sameLength = lower.length === text.length;
  const { cues: list, index } = cues();
  const gated = !exhaustive && sameLength && !hasFoldingHazard(text);
  const starts = gated ? index.starts(lower) : null;
  for (const c of list) {
    // a French cue's words ("mine", "marche", "accord") mean other things in English text
    if (c.lang !== undefined && c.lang !== language) continue;
    let regex = c.regex;
    let scanned = text;
    if (!c.cased) {
      if (sameLength) scanned = lower;
      else regex = new RegExp(c.re, 'giu');
    }
    if (starts && c.prefixes) {
      const sticky = c.sticky;
      let end = 0;
      for (const p of starts[c.index]) {
        if (p < end) continue;
        sticky.lastIndex = p;
        const m = sticky.exec(scanned);
        if (m === null || m[0].length === 0) continue;
        end = p + m[0].length;
        raw.push({ kind: c.kind, group: c.group ?? c.kind, weight: c.weight, start: base + p, end: base + end, text: text.slice(p, end), cue: c.index });
      }
      continue;
    }
    regex.lastIndex = 0;
    for (let m = regex.exec(scanned); m !== null; m = regex.exec(scanned)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      raw.push({ kind: c.kind, group: c.group ?? c.kind, weight: c.weight, start: base + m.index, end: base + m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), cue: c.index });
    }
  }
  return raw;
}

/**
 * A sentence of a French document keeps only the French cues' matches: an English cue's words
 * mean other things in French ("à coups de gaz" is no coup, "mines d'or" no landmines). A
 * sentence that reads as English keeps the English ones, as a short English text may be
 * detected as French.
 */
function ownLanguage(raw: CueHit[], language: string, text: string): CueHit[] {
  if (language !== 'fr' || raw.length === 0) return raw;
  const specs = cues().cues;
  if (looksEnglish(text)) return raw.filter((h) => specs[h.cue].lang === undefined);
  return raw.filter((h) => specs[h.cue].lang === language);
}

/** `needs`: a cue that needs a group fires only beside it (in the same sentence or snippet). */
function applyNeeds(raw: CueHit[]): CueHit[] {
  if (raw.length === 0) return raw;
  const groups = new Set(raw.map((h) => h.group));
  const specs = cues().cues;
  return raw
    .filter((h) => {
      const needs = specs[h.cue].needs;
      return !needs || needs.some((g) => groups.has(g));
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Every cue match in `text`, with `needs` applied; `language`, the document's. */
export function findCues(text: string, base = 0, language = 'en'): CueHit[] {
  return applyNeeds(ownLanguage(rawHits(text, base, false, language), language, text));
}

/**
 * Cue matches of a whole document, bucketed by sentence: each pattern runs once over the text
 * (much cheaper than once per sentence); a match that runs over a sentence end is dropped.
 */
export function findCuesBySentence(text: string, sentences: readonly { start: number; end: number }[], language = 'en'): CueHit[][] {
  // built by push, so always a packed array (a `map` result may not be): the store of a rescanned
  // sentence's hits below then meets one array shape
  const buckets: CueHit[][] = [];
  for (let k = 0; k < sentences.length; k++) buckets.push([]);
  const raw = rawHits(text, 0, false, language).sort((a, b) => a.start - b.start);
  // a match that runs on into the next sentence ("rebels seized X. ... the rebels seized the
  // town") is no cue, and it used up the text where each sentence's own cue begins: those
  // sentences are scanned again alone
  const rescan = new Set<number>();
  let i = 0;
  for (const h of raw) {
    while (i < sentences.length && sentences[i].end <= h.start) i++;
    if (i >= sentences.length) break;
    const s = sentences[i];
    if (h.start >= s.start && h.end <= s.end) {
      buckets[i].push(h);
      continue;
    }
    for (let j = i; j < sentences.length && sentences[j].start < h.end; j++) rescan.add(j);
  }
  for (const j of rescan) {
    const s = sentences[j];
    buckets[j] = rawHits(text.slice(s.start, s.end), s.start, true, language);
  }
  return buckets.map((b, k) => applyNeeds(ownLanguage(b, language, text.slice(sentences[k].start, sentences[k].end))));
}

export interface KindScore {
  kind: string;
  score: number;
  hits: CueHit[];
}

/** Scores per kind, best first; each cue counts once however often it matches. */
export function scoreKinds(hits: readonly CueHit[], weightOf: (h: CueHit) => number = (h) => h.weight): KindScore[] {
  const byKind = new Map<string, { best: Map<number, number>; hits: CueHit[] }>();
  for (const h of hits) {
    let k = byKind.get(h.kind);
    if (!k) byKind.set(h.kind, (k = { best: new Map(), hits: [] }));
    k.best.set(h.cue, Math.max(k.best.get(h.cue) ?? 0, weightOf(h)));
    k.hits.push(h);
  }
  const out: KindScore[] = [];
  for (const [kind, k] of byKind) out.push({ kind, score: [...k.best.values()].reduce((a, b) => a + b, 0), hits: k.hits });
  // ties go to the kind whose first cue comes first in the text
  return out.sort((a, b) => b.score - a.score || a.hits[0].start - b.hits[0].start);
}

export interface Classified {
  kind: string;
  score: number;
  /** the cue match that anchors the event (the strongest of the winning kind) */
  trigger: CueHit;
  rules: string[];
}

const FORCE_KINDS = new Set(['excessive-force', 'protest-intervention', 'violent-demonstration']);
/** cue groups that count the dead of a fight without telling it */
const DEAD_GROUPS = new Set(['military-dead', 'toll']);
/** remote violence (Codebook: Explosions/Remote violence) */
const REMOTE_KINDS = new Set(['chemical-weapon', 'air-strike', 'drone-strike', 'suicide-bomb', 'shelling', 'remote-explosive', 'grenade']);

/**
 * Applies ACLED's precedence between kinds that one text supports (see the module comment) to
 * the ranked scores; returns the winning kind's score line.
 */
export function pickKind(hits: readonly CueHit[], ranked: KindScore[]): KindScore | null {
  if (ranked.length === 0) return null;
  let best = ranked[0];
  // Protests: the intervention cues already need a protest cue; the sub-type they name replaces it.
  if (best.kind === 'peaceful-protest') {
    const force = ranked.find((r) => FORCE_KINDS.has(r.kind));
    if (force) best = force;
  }
  // A "clash" between protesters and police is a violent demonstration, not a battle between
  // armed organisations (Codebook: Riots, Violent demonstration).
  if (best.kind === 'armed-clash' && ranked.some((r) => r.kind === 'peaceful-protest')) {
    best = ranked.find((r) => r.kind === 'violent-demonstration' || r.kind === 'excessive-force') ?? { ...best, kind: 'violent-demonstration' };
  }
  // Arrests at a protest are the intervention that answered it (Codebook: Protest with intervention).
  if (best.kind === 'arrest' && ranked.some((r) => r.kind === 'peaceful-protest')) {
    best = ranked.find((r) => r.kind === 'protest-intervention') ?? best;
  }
  // Armed men attacking soldiers, police or a base is a battle, not violence against civilians
  // (Codebook: Armed clash; Violence against civilians is harm to unarmed non-combatants). Soldiers
  // among the dead say the attackers met armed men wherever it was ("attacked the village ...,
  // killing 12 soldiers"), and civilians killed in such a fight are a battle's dead too.
  const civilians = hits.some((h) => h.group === 'civilian-target' || h.group === 'civilian-dead');
  if (best.kind === 'attack' && (hits.some((h) => h.group === 'military-dead') || (hits.some((h) => h.group === 'military-target') && !civilians))) {
    best = ranked.find((r) => r.kind === 'armed-clash') ?? best;
  }
  // "A suicide car bomb exploded ..., killing four soldiers; the attackers were neutralised": a fight
  // told only by its dead is what the weapon did (Codebook: the mode of violence decides the type)
  if (best.kind === 'armed-clash' && best.hits.every((h) => DEAD_GROUPS.has(h.group) || h.weight <= 1)) {
    best = ranked.find((r) => REMOTE_KINDS.has(r.kind) && r.score >= 4) ?? best;
  }
  // Ground changing hands after one side pulled out, with no fighting reported, is a non-violent
  // transfer (Codebook: Non-violent transfer of territory).
  if ((best.kind === 'nonstate-overtakes' || best.kind === 'government-regains') && hits.some((h) => h.kind === 'withdrawal') && !hits.some((h) => h.group === 'fighting')) {
    best = ranked.find((r) => r.kind === 'territory-transfer') ?? { ...best, kind: 'territory-transfer' };
  }
  return best;
}

/** The event kind a text is mainly about, or null when no cue is strong enough. */
/**
 * "35 civilians were killed … when a vehicle hit an improvised explosive device": civilians told
 * dead in the passive are the toll of the weapon or the fight named beside them, which types the
 * event; without one they tell an attack on civilians.
 */
export function withoutToldVictims(hits: CueHit[]): CueHit[] {
  if (!hits.some((h) => h.group === 'civilian-dead-told')) return hits;
  const otherViolence = (h: CueHit): boolean => {
    const info = kindInfo(h.kind);
    return info.violent === true && info.acled?.[0] !== 'Violence against civilians' && h.weight >= 2;
  };
  if (!hits.some(otherViolence)) return hits;
  return hits.filter((h) => h.group !== 'civilian-dead-told');
}

export function classifyText(text: string, base = 0, minScore = 2, leadEnd = Infinity): Classified | null {
  const hits = withoutToldVictims(findCues(text, base));
  if (hits.length === 0) return null;
  // news puts the main event first: cues in the lead sentence count half again
  const ranked = scoreKinds(hits, (h) => (h.start < base + leadEnd ? h.weight * 1.5 : h.weight));
  const best = pickKind(hits, ranked);
  if (!best || best.score < minScore) return null;
  const trigger = [...best.hits].sort((a, b) => b.weight - a.weight || a.start - b.start)[0];
  return { kind: best.kind, score: best.score, trigger, rules: [...new Set(best.hits.map((h) => `events.cue.${h.kind}#${h.cue}`))] };
}
