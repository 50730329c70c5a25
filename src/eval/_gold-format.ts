/**
 * Typed reader of the gold annotation format (`../shared/gold/*.yaml`, described in the README
 * beside those files). Only the shape is checked here; what is scored is decided in gold.ts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface GoldActor {
  name: string;
  kind: string;
  acled_inter?: number;
  country?: string;
  mentions: string[];
  unnamed?: boolean;
  optional?: boolean;
  part_of?: string;
}

export interface GoldPlace {
  name: string;
  kind: string;
  iso?: string;
  admin1?: string;
  admin2?: string;
  lat?: number;
  lon?: number;
  mentions: string[];
  optional?: boolean;
}

export interface GoldDate {
  value?: string;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
  precision?: string;
}

export interface GoldFatalities {
  low?: number;
  best?: number;
  high?: number;
}

export interface GoldEvent {
  id?: string;
  evidence: string;
  acled?: { type?: string; subtype?: string };
  plover?: string;
  actor1?: string;
  actor2?: string;
  associated?: string[];
  location?: { name?: string; country?: string; region?: string; admin1?: string };
  date?: GoldDate;
  fatalities?: GoldFatalities | null;
  fatality_reports?: Record<string, unknown>[];
  modality?: string;
  attributed_to?: string;
  optional?: boolean;
}

export interface GoldStatement {
  subject: string;
  predicate: string;
  object?: string;
  value?: unknown;
  from?: string;
  to?: string;
  at?: string;
  modality?: string;
  attributed_to?: string;
  channel?: string;
  evidence?: string;
  optional?: boolean;
}

export interface GoldFile {
  /** the YAML file it was read from */
  file: string;
  /** path of the article relative to the gold folder's parent (`shared/`) */
  document: string;
  published: string | null;
  actors: GoldActor[];
  places: GoldPlace[];
  not_entities: string[];
  events: GoldEvent[];
  statements: GoldStatement[];
  contradictions: Record<string, unknown>[];
}

export class GoldFormatError extends Error {}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new GoldFormatError(`${where}: expected a list`);
  return v.map((x) => str(x)).filter((x): x is string => x !== undefined);
}

function list(v: unknown, where: string): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new GoldFormatError(`${where}: expected a list`);
  return v.map((x, i) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new GoldFormatError(`${where}[${i}]: expected a mapping`);
    return x as Record<string, unknown>;
  });
}

function optionalNumber(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

export function parseGold(text: string, file: string): GoldFile {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new GoldFormatError(`${file}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null) throw new GoldFormatError(`${file}: expected a mapping`);
  const r = raw as Record<string, unknown>;
  const document = str(r.document);
  if (!document) throw new GoldFormatError(`${file}: document is missing`);

  const actors = list(r.actors, `${file}: actors`).map((a, i): GoldActor => {
    const name = str(a.name);
    if (!name) throw new GoldFormatError(`${file}: actors[${i}]: name is missing`);
    return {
      name,
      kind: str(a.kind) ?? 'other',
      acled_inter: optionalNumber(a.acled_inter),
      country: str(a.country),
      mentions: strings(a.mentions, `${file}: actors[${i}].mentions`),
      unnamed: a.unnamed === true,
      optional: a.optional === true,
      part_of: str(a.part_of),
    };
  });
  const places = list(r.places, `${file}: places`).map((p, i): GoldPlace => {
    const name = str(p.name);
    if (!name) throw new GoldFormatError(`${file}: places[${i}]: name is missing`);
    return {
      name,
      kind: str(p.kind) ?? 'other',
      iso: str(p.iso),
      admin1: str(p.admin1),
      admin2: str(p.admin2),
      lat: optionalNumber(p.lat),
      lon: optionalNumber(p.lon),
      mentions: strings(p.mentions, `${file}: places[${i}].mentions`),
      optional: p.optional === true,
    };
  });
  const events = list(r.events, `${file}: events`).map((e, i): GoldEvent => {
    const evidence = str(e.evidence);
    if (!evidence) throw new GoldFormatError(`${file}: events[${i}]: evidence is missing`);
    return { ...(e as Omit<GoldEvent, 'evidence'>), evidence, optional: e.optional === true };
  });
  const statements = list(r.statements, `${file}: statements`).map((s, i): GoldStatement => {
    const subject = str(s.subject);
    const predicate = str(s.predicate);
    if (!subject || !predicate) throw new GoldFormatError(`${file}: statements[${i}]: subject and predicate are required`);
    return { ...(s as Omit<GoldStatement, 'subject' | 'predicate'>), subject, predicate, optional: s.optional === true };
  });
  return {
    file,
    document,
    published: str(r.published) ?? null,
    actors,
    places,
    not_entities: strings(r.not_entities, `${file}: not_entities`),
    events,
    statements,
    contradictions: list(r.contradictions, `${file}: contradictions`),
  };
}

/** Every `*.yaml` gold file of a folder (or the one file given), sorted by name. */
export function readGoldFiles(path: string): GoldFile[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  return files.map((f) => parseGold(readFileSync(f, 'utf8'), f));
}
