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
  /** words before "report" that make a report the channel; the English ones when absent */
  reportPrepositions?: Set<string>;
}

/**
 * French reporting cues (the `fr` sections of data/cues/reporting*.yaml), keyed by lower-case
 * token with straight apostrophes, for src/extract/attribution/french.ts.
 */
export interface FrenchCueLexicon {
  /** first token of a finite form ("indique", "fait" of "fait savoir") -> entries */
  forms: Map<string, VerbEntry[]>;
  /** first token of a participle after an auxiliary ("indiqué") -> entries */
  participles: Map<string, VerbEntry[]>;
  prepositions: Map<string, CueType>;
  notSources: Set<string>;
  hedges: Map<string, CueType>;
  conditionals: Map<string, CueType>;
  modalParticiples: Set<string>;
  adjectives: Map<string, CueType>;
  auxiliaries: Set<string>;
  between: Set<string>;
  pronouns: Set<string>;
  /** the English channel phrases and the French ones; reportPrepositions the French */
  channels: Pick<CueLexicon, 'channels' | 'reportPrepositions'>;
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
  fr?: { channels: Record<string, string[]>; prepositions: string[] };
}

interface FrenchVerbsFile {
  fr: {
    verbs: Record<string, { type: CueType; participles: string[]; forms: string[]; complement?: boolean; notBefore?: string[] }>;
    prepositions: Record<string, CueType>;
    notSources: string[];
    hedges: Record<string, CueType>;
    conditionals: Record<string, CueType>;
    modalParticiples: string[];
    adjectives: Record<string, CueType>;
    auxiliaries: string[];
    between: string[];
    pronouns: string[];
  };
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

/** A multi-word form filed under its first token, longer forms first ("pointed out" before "pointed"). */
function addForm(table: Map<string, VerbEntry[]>, form: string, entry: Omit<VerbEntry, 'rest'>): void {
  const [first, ...rest] = words(form);
  const list = table.get(first) ?? [];
  list.push({ ...entry, rest });
  list.sort((a, b) => b.rest.length - a.rest.length);
  table.set(first, list);
}

/** Channel phrases filed under their first token, longer phrases first. */
function addChannels(table: CueLexicon['channels'], byChannel: Record<string, string[]>, capitalised: Set<string>): void {
  for (const [channel, phrases] of Object.entries(byChannel)) {
    for (const phrase of phrases) {
      const [first, ...rest] = words(phrase);
      const list = table.get(first) ?? [];
      list.push({ rest, channel: channel as Exclude<Channel, null>, capitalised: capitalised.has(words(phrase).join(' ')) });
      list.sort((a, b) => b.rest.length - a.rest.length);
      table.set(first, list);
    }
  }
}

export function buildLexicon(verbsYaml: string, channelsYaml: string): CueLexicon {
  const v = parse(verbsYaml) as VerbsFile;
  const c = parse(channelsYaml) as ChannelsFile;
  const verbs = new Map<string, VerbEntry[]>();
  for (const [lemma, entry] of Object.entries(v.verbs)) {
    const type = checkType(entry.type, lemma);
    for (const form of entry.forms) addForm(verbs, form, { lemma, type, complement: entry.complement ?? false, ...(entry.notBefore ? { notBefore: new Set(entry.notBefore.map((w) => w.toLowerCase())) } : {}) });
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
  addChannels(channels, c.channels, capitalised);
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

/** The French cues; the channel table holds the English phrases too, as French press uses them. */
export function buildFrenchLexicon(verbsYaml: string, channelsYaml: string): FrenchCueLexicon {
  const f = (parse(verbsYaml) as FrenchVerbsFile).fr;
  const c = parse(channelsYaml) as ChannelsFile;
  const straight = (w: string) => w.toLowerCase().replace(/’/g, "'");
  const forms = new Map<string, VerbEntry[]>();
  const participles = new Map<string, VerbEntry[]>();
  for (const [lemma, entry] of Object.entries(f.verbs)) {
    const base = { lemma, type: checkType(entry.type, lemma), complement: entry.complement ?? false, ...(entry.notBefore ? { notBefore: new Set(entry.notBefore.map(straight)) } : {}) };
    for (const form of entry.forms) addForm(forms, straight(form), base);
    for (const form of entry.participles) addForm(participles, straight(form), base);
  }
  const typed = (table: Record<string, CueType>) => new Map(Object.entries(table).map(([k, t]) => [straight(k), checkType(t, k)]));
  const channels: CueLexicon['channels'] = new Map();
  const capitalised = new Set((c.capitalised ?? []).map((p) => words(p).join(' ')));
  addChannels(channels, c.channels, capitalised);
  if (c.fr) addChannels(channels, c.fr.channels, capitalised);
  return {
    forms,
    participles,
    prepositions: typed(f.prepositions),
    notSources: new Set(f.notSources.map(straight)),
    hedges: typed(f.hedges),
    conditionals: typed(f.conditionals),
    modalParticiples: new Set(f.modalParticiples.map(straight)),
    adjectives: typed(f.adjectives),
    auxiliaries: new Set(f.auxiliaries.map(straight)),
    between: new Set(f.between.map(straight)),
    pronouns: new Set(f.pronouns.map(straight)),
    channels: { channels, reportPrepositions: new Set((c.fr?.prepositions ?? []).map(straight)) },
  };
}

let cached: CueLexicon | null = null;
let cachedFrench: FrenchCueLexicon | null = null;

/** Loads the French lexicon once per process. */
export function frenchCueLexicon(): FrenchCueLexicon {
  if (!cachedFrench) {
    const dir = cuesDir();
    cachedFrench = buildFrenchLexicon(readFileSync(join(dir, 'reporting.yaml'), 'utf8'), readFileSync(join(dir, 'reporting-channels.yaml'), 'utf8'));
  }
  return cachedFrench;
}

/** Loads the lexicon once per process. */
export function cueLexicon(): CueLexicon {
  if (!cached) {
    const dir = cuesDir();
    cached = buildLexicon(readFileSync(join(dir, 'reporting.yaml'), 'utf8'), readFileSync(join(dir, 'reporting-channels.yaml'), 'utf8'));
  }
  return cached;
}
