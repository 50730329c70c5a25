import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Channel, SourceMention } from '../../model.js';

export type CueType = SourceMention['cueType'];

export interface VerbEntry {
  lemma: string;
  type: CueType;
  /** the form needs a complement after it ("added that", not "added 200 jobs") */
  complement: boolean;
  /** further lower-case tokens of a multi-word form ("pointed out" -> ["out"]) */
  rest: string[];
  /** words that, within the next four tokens, make the form an act rather than speech ("declared war") */
  notBefore?: Set<string>;
}

/**
 * The cue lexicon as lookup tables: every table is keyed by a lower-case token so the stage does
 * one Map lookup per token. Built once from data/cues/reporting*.yaml.
 */
export interface CueLexicon {
  /** first token of a verb form -> entries (several when multi-word forms share a first token) */
  verbs: Map<string, VerbEntry[]>;
  hedges: Map<string, CueType>;
  participles: Map<string, CueType>;
  adjectives: Map<string, CueType>;
  /** first token -> [rest tokens, type] */
  prepositions: Map<string, { rest: string[]; type: CueType }[]>;
  notSources: Set<string>;
  /** verbs of evidence, cues only after one of `evidenceSubjects` ("satellite images show") */
  evidenceVerbs: Map<string, CueType>;
  evidenceSubjects: Set<string>;
  between: Set<string>;
  /** first token of a channel phrase -> candidate phrases */
  channels: Map<string, { rest: string[]; channel: Exclude<Channel, null>; capitalised: boolean }[]>;
}

interface VerbsFile {
  verbs: Record<string, { type: CueType; forms: string[]; complement?: boolean; notBefore?: string[] }>;
  hedges: Record<string, CueType>;
  participles: Record<string, CueType>;
  adjectives: Record<string, CueType>;
  prepositions: Record<string, CueType>;
  notSources: string[];
  between: string[];
  evidence: { verbs: Record<string, CueType>; subjects: string[] };
}

interface ChannelsFile {
  channels: Record<string, string[]>;
  capitalised?: string[];
}

const CUE_TYPES = new Set<CueType>(['report', 'claim', 'denial', 'accusation', 'hedge', 'estimate', 'belief']);

/** The project's data/cues folder, found by walking up from this module (src/ or dist/src/). */
export function cuesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'data', 'cues');
    if (existsSync(join(candidate, 'reporting.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('sources: data/cues/reporting.yaml not found above ' + dirname(fileURLToPath(import.meta.url)));
}

function checkType(type: unknown, where: string): CueType {
  if (!CUE_TYPES.has(type as CueType)) throw new Error(`data/cues: unknown cue type ${String(type)} for ${where}`);
  return type as CueType;
}

function words(phrase: string): string[] {
  return phrase.toLowerCase().split(/\s+/).filter(Boolean);
}

export function buildLexicon(verbsYaml: string, channelsYaml: string): CueLexicon {
  const v = parse(verbsYaml) as VerbsFile;
  const c = parse(channelsYaml) as ChannelsFile;
  const verbs = new Map<string, VerbEntry[]>();
  for (const [lemma, entry] of Object.entries(v.verbs)) {
    const type = checkType(entry.type, lemma);
    for (const form of entry.forms) {
      const [first, ...rest] = words(form);
      const list = verbs.get(first) ?? [];
      list.push({ lemma, type, complement: entry.complement ?? false, rest, ...(entry.notBefore ? { notBefore: new Set(entry.notBefore.map((w) => w.toLowerCase())) } : {}) });
      // longer forms first, so "pointed out" is tried before a bare "pointed"
      list.sort((a, b) => b.rest.length - a.rest.length);
      verbs.set(first, list);
    }
  }
  const prepositions = new Map<string, { rest: string[]; type: CueType }[]>();
  for (const [phrase, type] of Object.entries(v.prepositions)) {
    const [first, ...rest] = words(phrase);
    const list = prepositions.get(first) ?? [];
    list.push({ rest, type: checkType(type, phrase) });
    prepositions.set(first, list);
  }
  const capitalised = new Set((c.capitalised ?? []).map((p) => words(p).join(' ')));
  const channels: CueLexicon['channels'] = new Map();
  for (const [channel, phrases] of Object.entries(c.channels)) {
    for (const phrase of phrases) {
      const [first, ...rest] = words(phrase);
      const list = channels.get(first) ?? [];
      list.push({ rest, channel: channel as Exclude<Channel, null>, capitalised: capitalised.has(words(phrase).join(' ')) });
      list.sort((a, b) => b.rest.length - a.rest.length);
      channels.set(first, list);
    }
  }
  return {
    verbs,
    hedges: new Map(Object.entries(v.hedges).map(([k, t]) => [k, checkType(t, k)])),
    participles: new Map(Object.entries(v.participles).map(([k, t]) => [k, checkType(t, k)])),
    adjectives: new Map(Object.entries(v.adjectives).map(([k, t]) => [k, checkType(t, k)])),
    prepositions,
    notSources: new Set(v.notSources.map((s) => s.toLowerCase())),
    evidenceVerbs: new Map(Object.entries(v.evidence?.verbs ?? {}).map(([k, t]) => [k, checkType(t, k)])),
    evidenceSubjects: new Set((v.evidence?.subjects ?? []).map((s) => s.toLowerCase())),
    between: new Set(v.between.map((s) => s.toLowerCase())),
    channels,
  };
}

let cached: CueLexicon | null = null;

/** Loads the lexicon once per process. */
export function cueLexicon(): CueLexicon {
  if (!cached) {
    const dir = cuesDir();
    cached = buildLexicon(readFileSync(join(dir, 'reporting.yaml'), 'utf8'), readFileSync(join(dir, 'reporting-channels.yaml'), 'utf8'));
  }
  return cached;
}
