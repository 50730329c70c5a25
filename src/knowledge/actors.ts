/**
 * The actor knowledge base: curated YAML entries under `data/actors/` plus entries generated at
 * load time for every country (the state itself, its military and police forces, its government
 * and its ministry of defence, named the ACLED way: "Military Forces of Mali"). A curated entry
 * whose id equals a generated one is merged into it, so "Malian Armed Forces" and "FAMa" become
 * aliases of the generated "Military Forces of Mali".
 *
 * Loading validates every entry once and builds an alias index: a trie over normalised token
 * sequences, so matching a sentence costs one walk per token whatever the number of aliases.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import type { AcledInter, ActorKind } from '../model.js';
import { tokenize } from '../text/tokenize.js';

export const ACTOR_KINDS: readonly ActorKind[] = [
  'state', 'state-forces', 'government', 'armed-group', 'pmc', 'militia', 'person', 'international-org', 'civilians', 'other',
];
export const RELATION_TYPES = ['affiliated_with', 'part_of', 'commanded_by', 'successor_of'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface ActorRelation {
  type: RelationType;
  target: string;
  from?: string;
  to?: string;
}

export interface ActorEntry {
  id: string;
  name: string;
  kind: ActorKind;
  inter: AcledInter | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  /** names matched case-insensitively (with the capitalisation guard of `matchKey`) */
  aliases: string[];
  /** forms matched only as written: FAMa, JNIM, EIGS */
  abbreviations: string[];
  wikidata: string | null;
  active: { from?: string; to?: string } | null;
  relations: ActorRelation[];
  /** made from the country tables rather than written by hand */
  generated: boolean;
  /** file the entry came from, `generated` for generated ones */
  source: string;
}

/** What a generated family an entry belongs to, so the demonym patterns can find it by country. */
export type StateRole = 'state' | 'military' | 'police' | 'government' | 'defence-ministry';

export interface CountryInfo {
  iso: string;
  name: string;
  /** written forms of the country (Mali, Republic of Mali, U.S.) */
  names: string[];
  demonyms: string[];
  /** prefer this country when a name or demonym is shared (UN member, then area) */
  rank: number;
}

/** One alias ending at a trie node. */
export interface AliasHit {
  entryId: string;
  alias: string;
  /** token texts of the alias after hyphen splitting, as written */
  surface: string[];
  /** abbreviations and single capitalised words match only as written */
  exactCase: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  hits: AliasHit[];
}

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’‘ʼ`]/g;

/** The comparison key of one word piece: lower case, no diacritics, one apostrophe form. */
export function pieceKey(word: string): string {
  // most pieces are ASCII (words, numbers, punctuation): nothing to decompose, so their key is the
  // lower case alone, with no regex run; only a backtick would still need its apostrophe form
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) {
    const c = word.charCodeAt(i);
    ascii = c < 128 && c !== 96;
  }
  const w = word.toLowerCase();
  if (ascii || /^[a-z0-9]+$/.test(w)) return w;
  return w.normalize('NFD').replace(COMBINING, '').replace(APOSTROPHES, "'");
}

/** Every word of a trie at any depth: a piece outside this set starts no walk and continues none. */
export function trieWords(tries: readonly TrieNode[], into: Set<string> = new Set()): Set<string> {
  const visit = (node: TrieNode) => {
    for (const [word, child] of node.next) {
      into.add(word);
      visit(child);
    }
  };
  for (const t of tries) visit(t);
  return into;
}

export interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * Word pieces of a text or an alias: tokens split at hyphens, so "al-Qaida-affiliated" offers
 * "al", "Qaida", "affiliated" and an alias "al-Qaida" matches its first two pieces.
 */
export function splitPieces(tokens: readonly { text: string; start: number; end: number }[]): Piece[] {
  const out: Piece[] = [];
  for (const t of tokens) splitToken(t.text, t.start, out);
  return out;
}

/** Whether a character code is a hyphen or an apostrophe: only such tokens need splitting. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** Appends the pieces of one token to `out`. */
export function splitToken(text: string, start: number, out: Piece[]): void {
  let joiner = false;
  for (let i = 0; i < text.length && !joiner; i++) joiner = isJoiner(text.charCodeAt(i));
  if (!joiner || text.length === 1) {
    out.push({ text, start, end: start + text.length });
    return;
  }
  // French elision: "L'EIGS", "d'Ivoire" offer the article and the word as two pieces
  const elided = /^(?:[LlDdJjNnSs]|[Qq]u)['’](?=\p{L})/u.exec(text);
  if (elided) {
    const n = elided[0].length;
    out.push({ text: text.slice(0, n), start, end: start + n });
    splitToken(text.slice(n), start + n, out);
    return;
  }
  let hyphen = false;
  let word = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011) hyphen = true;
    else if (isWordChar(c)) word = true;
  }
  if (!hyphen || !word) {
    out.push({ text, start, end: start + text.length });
    return;
  }
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 45;
    if (c === 45 || c === 0x2010 || c === 0x2011) {
      if (i > from) out.push({ text: text.slice(from, i), start: start + from, end: start + i });
      from = i + 1;
    }
  }
}

export function aliasPieces(alias: string): string[] {
  return splitAlias(alias);
}

function splitAlias(alias: string): string[] {
  return splitPieces(tokenize(alias)).map((p) => p.text);
}

function insert(root: TrieNode, pieces: string[], hit: AliasHit): void {
  let node = root;
  for (const p of pieces) {
    const key = pieceKey(p);
    let child = node.next.get(key);
    if (!child) {
      child = { next: new Map(), hits: [] };
      node.next.set(key, child);
    }
    node = child;
  }
  if (!node.hits.some((h) => h.entryId === hit.entryId && h.exactCase === hit.exactCase && h.alias === hit.alias)) node.hits.push(hit);
}

function hasUpper(s: string): boolean {
  return /\p{Lu}/u.test(s);
}

/**
 * Whether the text pieces satisfy an alias's case rule. Abbreviations and one-word names must be
 * written as in the alias (or all in capitals, as headlines do); longer names match in any case
 * but, when the alias starts with a capital, so must the text, which keeps "islamic state of
 * mind" or a lower-case common noun from reading as a name.
 */
/** Common nouns a group's or an operation's name may open with, written in lower case in running text. */
const GENERIC_HEADS = new Set(['katiba', 'brigade', 'groupe', 'front', 'mouvement', 'bataillon', 'opération', 'operation', 'force', 'mission', 'coalition', 'alliance']);

export function caseAllows(hit: AliasHit, text: readonly string[]): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/[’‘ʼ`]/g, "'");
  if (hit.exactCase) {
    for (let i = 0; i < text.length; i++) {
      const a = norm(hit.surface[i]);
      const t = norm(text[i]);
      if (a === t) continue;
      // an all-capitals headline form of a word, or diacritics dropped in the text
      if (t === t.toUpperCase() && hasUpper(t) && pieceKey(a) === pieceKey(t) && a.length > 2) continue;
      if (pieceKey(a) === pieceKey(t) && a.normalize('NFD').replace(COMBINING, '') === t.normalize('NFD').replace(COMBINING, '')) continue;
      return false;
    }
    return true;
  }
  const first = hit.surface[0];
  // "la katiba Macina", "l'opération Barkhane": French writes a unit's common noun in lower case
  // before its capitalised name
  const commonHead = text.length > 1 && GENERIC_HEADS.has(text[0]) && hasUpper(text[1][0] ?? '');
  if (hasUpper(first[0] ?? '') && !hasUpper(text[0][0] ?? '') && !commonHead) return false;
  // every capitalised word of the alias after the first must be capitalised in the text too,
  // unless the text is one of the particle words ("of", "the") the alias capitalises by style
  for (let i = 1; i < text.length; i++) {
    if (hasUpper(hit.surface[i][0] ?? '') && !hasUpper(text[i][0] ?? '') && hit.surface[i].length > 3) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Loading and validation

export class ActorKbError extends Error {}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function asDate(v: unknown, where: string, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (typeof s !== 'string' || !ISO_DATE.test(s)) throw new ActorKbError(`${where}: ${field} "${String(v)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return s;
}

function asStringList(v: unknown, where: string, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ActorKbError(`${where}: ${field} must be a list`);
  return v.map((x, i) => {
    if (typeof x !== 'string' && typeof x !== 'number') throw new ActorKbError(`${where}: ${field}[${i}] must be a string`);
    const s = String(x).trim();
    if (s.length === 0) throw new ActorKbError(`${where}: ${field}[${i}] is empty`);
    return s;
  });
}

const ENTRY_FIELDS = new Set(['id', 'name', 'kind', 'acled_inter', 'country', 'aliases', 'abbreviations', 'wikidata', 'active', 'relations', 'notes']);

/** Parses one YAML entry; throws ActorKbError naming the file and the entry. */
export function parseEntry(raw: unknown, file: string, index: number): ActorEntry {
  const label = (id?: unknown) => `${file}: entry ${index + 1}${typeof id === 'string' ? ` (id "${id}")` : ''}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ActorKbError(`${label()}: not a mapping`);
  const r = raw as Record<string, unknown>;
  const where = label(r.id);
  for (const k of Object.keys(r)) if (!ENTRY_FIELDS.has(k)) throw new ActorKbError(`${where}: unknown field "${k}"`);
  if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) throw new ActorKbError(`${where}: id must be a lower-case slug`);
  if (typeof r.name !== 'string' || r.name.trim() === '') throw new ActorKbError(`${where}: name is missing`);
  if (typeof r.kind !== 'string' || !ACTOR_KINDS.includes(r.kind as ActorKind)) {
    throw new ActorKbError(`${where}: kind "${String(r.kind)}" is not one of ${ACTOR_KINDS.join(', ')}`);
  }
  let inter: AcledInter | null = null;
  if (r.acled_inter !== undefined && r.acled_inter !== null) {
    if (typeof r.acled_inter !== 'number' || !Number.isInteger(r.acled_inter) || r.acled_inter < 1 || r.acled_inter > 8) {
      throw new ActorKbError(`${where}: acled_inter must be an integer 1-8`);
    }
    inter = r.acled_inter as AcledInter;
  }
  let country: string | null = null;
  if (r.country !== undefined && r.country !== null) {
    if (typeof r.country !== 'string' || !/^[A-Z]{2}$/.test(r.country)) throw new ActorKbError(`${where}: country must be an ISO 3166-1 alpha-2 code`);
    country = r.country;
  }
  let wikidata: string | null = null;
  if (r.wikidata !== undefined && r.wikidata !== null) {
    if (typeof r.wikidata !== 'string' || !/^Q\d+$/.test(r.wikidata)) throw new ActorKbError(`${where}: wikidata must look like Q123`);
    wikidata = r.wikidata;
  }
  let active: ActorEntry['active'] = null;
  if (r.active !== undefined && r.active !== null) {
    if (typeof r.active !== 'object' || Array.isArray(r.active)) throw new ActorKbError(`${where}: active must be {from, to}`);
    const a = r.active as Record<string, unknown>;
    for (const k of Object.keys(a)) if (k !== 'from' && k !== 'to') throw new ActorKbError(`${where}: active has unknown field "${k}"`);
    active = {};
    const from = asDate(a.from, where, 'active.from');
    const to = asDate(a.to, where, 'active.to');
    if (from) active.from = from;
    if (to) active.to = to;
  }
  const relations: ActorRelation[] = [];
  if (r.relations !== undefined && r.relations !== null) {
    if (!Array.isArray(r.relations)) throw new ActorKbError(`${where}: relations must be a list`);
    r.relations.forEach((rel: unknown, i: number) => {
      const w = `${where}: relations[${i}]`;
      if (typeof rel !== 'object' || rel === null) throw new ActorKbError(`${w}: not a mapping`);
      const x = rel as Record<string, unknown>;
      if (typeof x.type !== 'string' || !(RELATION_TYPES as readonly string[]).includes(x.type)) {
        throw new ActorKbError(`${w}: type "${String(x.type)}" is not one of ${RELATION_TYPES.join(', ')}`);
      }
      if (typeof x.target !== 'string') throw new ActorKbError(`${w}: target is missing`);
      const out: ActorRelation = { type: x.type as RelationType, target: x.target };
      const from = asDate(x.from, w, 'from');
      const to = asDate(x.to, w, 'to');
      if (from) out.from = from;
      if (to) out.to = to;
      relations.push(out);
    });
  }
  return {
    id: r.id,
    name: r.name.trim(),
    kind: r.kind as ActorKind,
    inter,
    country,
    aliases: asStringList(r.aliases, where, 'aliases'),
    abbreviations: asStringList(r.abbreviations, where, 'abbreviations'),
    wikidata,
    active,
    relations,
    generated: false,
    source: file,
  };
}

// ---------------------------------------------------------------------------------------------
// Generated state entries

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string }; fra?: { m?: string; f?: string } };
  translations?: { fra?: { common?: string; official?: string } };
  unMember?: boolean;
  independent?: boolean;
  area?: number;
}

/** Countries whose English name takes "the" in running text and in ACLED actor names. */
function withArticle(name: string): string {
  if (/^(United |Central African|Democratic Republic|Republic of|Czech Republic|Dominican Republic|Holy See|Gambia$)/.test(name)) return `the ${name}`;
  if (/(Islands|lands|Emirates|States|Philippines|Bahamas|Comoros|Maldives|Seychelles)$/.test(name)) return `the ${name}`;
  return name;
}

export function slug(s: string): string {
  // most names are ASCII: lower-case letters and digits kept, apostrophes dropped, every other run
  // made one hyphen, as the expressions below do, in one pass
  let out = '';
  let dash = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return slugUnicode(s);
    if (c === 39) continue;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (dash && out !== '') out += '-';
      dash = false;
      out += String.fromCharCode(c);
    } else dash = true;
  }
  return out;
}

function slugUnicode(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const STATE_ROLES: readonly StateRole[] = ['state', 'military', 'police', 'government', 'defence-ministry'];

/** The id of a generated entry: `mali`, `military-forces-of-mali`, `government-of-the-united-states`. */
export function stateEntryId(country: CountryInfo, role: StateRole): string {
  return slug(stateEntryName(country, role));
}

export function stateEntryName(country: CountryInfo, role: StateRole): string {
  const n = withArticle(country.name);
  switch (role) {
    case 'state':
      return country.name;
    case 'military':
      return `Military Forces of ${n}`;
    case 'police':
      return `Police Forces of ${n}`;
    case 'government':
      return `Government of ${n}`;
    case 'defence-ministry':
      return `Ministry of Defence of ${n}`;
  }
}

/**
 * French forms of the countries, for French reporting ("l'armée malienne", "le gouvernement du
 * Tchad"): demonyms as adjectives in both genders and numbers, and French names, each as the
 * accent-folded piece keys a sentence's pieces carry, mapped to the ISO code. From
 * world-countries' French tables, read on the first French document only.
 */
export interface FrenchCountryWords {
  /** "malienne", "burkinabes", "russes" -> ISO code (the higher-ranked country where two share one) */
  adjectives: ReadonlyMap<string, string>;
  /** "tchad", "burkina faso", "cote d'ivoire" (as piece keys joined by spaces) -> ISO code */
  names: TrieNode;
}

let frenchWords: FrenchCountryWords | null = null;

export function frenchCountryWords(): FrenchCountryWords {
  if (frenchWords) return frenchWords;
  const world = createRequire(import.meta.url)('world-countries') as WorldCountry[];
  // higher-ranked countries first, so a shared form keeps the first country that claims it
  const ranked = [...world].sort((a, b) => countryRank(b) - countryRank(a));
  const adjectives = new Map<string, string>();
  const names: TrieNode = { next: new Map(), hits: [] };
  for (const c of ranked) {
    for (const d of [c.demonyms?.fra?.m, c.demonyms?.fra?.f]) {
      if (!d) continue;
      const key = pieceKey(d);
      // the plural: "maliens", "maliennes"; "français" and "burkinabè"-like forms ending in s or x stay
      for (const form of [key, /[sx]$/.test(key) ? key : `${key}s`]) if (!adjectives.has(form)) adjectives.set(form, c.cca2);
    }
    for (const n of [c.translations?.fra?.common, c.name.common]) {
      if (!n) continue;
      const surface = splitAlias(n);
      if (surface.length > 0) insert(names, surface, { entryId: c.cca2, alias: n, surface, exactCase: false });
    }
  }
  // Burkina Faso's adjective is written without the accent's gender mark as often as with it
  for (const form of ['burkinabe', 'burkinabes']) adjectives.set(form, 'BF');
  frenchWords = { adjectives, names };
  return frenchWords;
}

/** Which of two countries sharing a name or demonym a text more likely means: UN members, then independent states, then the larger. */
function countryRank(c: WorldCountry): number {
  return (c.unMember ? 1e9 : 0) + (c.independent ? 1e8 : 0) + Math.min(c.area ?? 0, 9e7);
}

// Names world-countries gives that read badly in ACLED-style actor names.
const COMMON_NAME_FIX: Record<string, string> = { CD: 'Democratic Republic of Congo', CG: 'Republic of Congo', CI: 'Ivory Coast' };

/** Wikidata ids of the states Sahel reporting names most, where we are sure of them. */
const STATE_WIKIDATA: Record<string, string> = { ML: 'Q912', BF: 'Q965', NE: 'Q1032', RU: 'Q159', FR: 'Q142', US: 'Q30' };

function loadCountries(extraFile: string, text: string | null): CountryInfo[] {
  const require = createRequire(import.meta.url);
  const world = require('world-countries') as WorldCountry[];
  const extra = text !== null ? ((parse(text) ?? {}) as Record<string, { names?: string[]; demonyms?: string[] }>) : {};
  for (const [iso, v] of Object.entries(extra)) {
    if (!/^[A-Z]{2}$/.test(iso) || typeof v !== 'object' || v === null) throw new ActorKbError(`${extraFile}: key "${iso}" must be an ISO code with {names, demonyms}`);
    if (!world.some((c) => c.cca2 === iso)) throw new ActorKbError(`${extraFile}: unknown country code ${iso}`);
  }
  return world.map((c) => {
    const name = COMMON_NAME_FIX[c.cca2] ?? c.name.common;
    const names = new Set<string>([name, c.name.common, c.name.official]);
    for (const a of c.altSpellings ?? []) if (a.length > 3 && !/^[A-Z]{2,3}$/.test(a)) names.add(a);
    const demonyms = new Set<string>();
    if (c.demonyms?.eng?.m) demonyms.add(c.demonyms.eng.m);
    if (c.demonyms?.eng?.f) demonyms.add(c.demonyms.eng.f);
    const x = extra[c.cca2];
    for (const n of x?.names ?? []) names.add(n);
    for (const d of x?.demonyms ?? []) demonyms.add(d);
    return { iso: c.cca2, name, names: [...names], demonyms: [...demonyms], rank: countryRank(c) };
  });
}

function generatedEntries(countries: CountryInfo[]): ActorEntry[] {
  const out: ActorEntry[] = [];
  for (const c of countries) {
    for (const role of STATE_ROLES) {
      const name = stateEntryName(c, role);
      const aliases = role === 'state' ? [] : [name];
      if (role === 'defence-ministry') aliases.push(`Ministry of Defense of ${withArticle(c.name)}`);
      out.push({
        id: stateEntryId(c, role),
        name,
        kind: role === 'state' ? 'state' : role === 'military' || role === 'police' ? 'state-forces' : 'government',
        inter: role === 'state' ? null : 1,
        country: c.iso,
        aliases,
        abbreviations: [],
        wikidata: role === 'state' ? STATE_WIKIDATA[c.iso] ?? null : null,
        active: null,
        relations: role === 'state' ? [] : [{ type: 'part_of', target: stateEntryId(c, 'state') }],
        generated: true,
        source: 'generated',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The knowledge base

export interface ActorKb {
  entries: ReadonlyMap<string, ActorEntry>;
  countries: ReadonlyMap<string, CountryInfo>;
  /** alias trie over `pieceKey` keys */
  trie: TrieNode;
  /** country names: used only where the context makes the state an actor */
  countryTrie: TrieNode;
  /** demonyms and adjectival country names ("U.S.") for the force-noun patterns */
  demonymTrie: TrieNode;
  byId(id: string): ActorEntry | undefined;
  /** entries with this exact alias, name or abbreviation (case-insensitive) */
  byAlias(alias: string): ActorEntry[];
  /** the generated entry of a country for one role */
  stateEntry(iso: string, role: StateRole): ActorEntry | undefined;
  relationsOf(id: string): ActorRelation[];
  /** relations pointing at this entry, with their source */
  relationsTo(id: string): (ActorRelation & { source: string })[];
}

export interface LoadOptions {
  /** folder of the YAML files; defaults to the project's data/actors */
  dir?: string;
  /** use the folder's compiled index when it matches the YAML (default true); false always reads the YAML */
  compiled?: boolean;
}

/** File name of the compiled index inside the actors folder (scripts/build-actor-index.ts writes it). */
export const COMPILED_INDEX = 'compiled.json';

/** Bumped whenever the way entries are generated, merged or split into pieces changes, so an index
 * written by older code is never used. */
const COMPILED_FORMAT = 1;

/**
 * The knowledge base as loading the YAML makes it, before indexing: generated and curated entries
 * merged and validated, the country tables, and the word pieces of every alias. Start-up reads this
 * instead of parsing the YAML and the world-countries tables, which cost most of the load time.
 */
export interface CompiledActorKb {
  format: number;
  /** hash of the inputs it was made from: every YAML file of the folder and the world-countries version */
  inputs: string;
  countries: CountryInfo[];
  entries: ActorEntry[];
  /** `aliasPieces` of every alias, abbreviation, name and demonym the index inserts */
  pieces: Record<string, string[]>;
}

interface Source {
  /** path relative to the folder */
  rel: string;
  file: string;
  text: string;
}

/** Every YAML file of the folder (recursively, in load order) with its text. */
function readSources(dir: string): Source[] {
  const files: string[] = [];
  const walk = (d: string) => {
    const list = readdirSync(d, { withFileTypes: true });
    // names of lower-case letters, digits, dots and hyphens sort the same by code unit as by locale,
    // without the cost of setting up a collator at start-up
    const plain = list.every((f) => /^[a-z0-9.-]+$/.test(f.name));
    for (const f of list.sort((a, b) => (plain ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.name.localeCompare(b.name)))) {
      if (f.isDirectory()) walk(join(d, f.name));
      else if (/\.ya?ml$/.test(f.name) && f.name !== 'countries.yaml') files.push(join(d, f.name));
    }
  };
  walk(dir);
  const countries = join(dir, 'countries.yaml');
  const out: Source[] = [];
  if (existsSync(countries)) out.push({ rel: 'countries.yaml', file: countries, text: readFileSync(countries, 'utf8') });
  for (const file of files) out.push({ rel: file.slice(dir.length + 1), file, text: readFileSync(file, 'utf8') });
  return out;
}

function worldCountriesVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('world-countries/package.json') as { version: string }).version;
}

function inputsHash(sources: readonly Source[]): string {
  const h = createHash('sha256');
  h.update(`format ${COMPILED_FORMAT}\nworld-countries ${worldCountriesVersion()}\n`);
  for (const s of sources) h.update(`${s.rel}\n${s.text.length}\n${s.text}\n`);
  return h.digest('hex');
}

/** The folder's compiled index if it was made from exactly these inputs, else null. */
function readCompiled(dir: string, sources: readonly Source[]): CompiledActorKb | null {
  const path = join(dir, COMPILED_INDEX);
  if (!existsSync(path)) return null;
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as CompiledActorKb;
    return c.format === COMPILED_FORMAT && c.inputs === inputsHash(sources) ? c : null;
  } catch {
    return null;
  }
}

export function defaultActorsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'actors');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new ActorKbError(`actors: data/actors not found above ${dirname(fileURLToPath(import.meta.url))}`);
}

function mergeInto(base: ActorEntry, over: ActorEntry): ActorEntry {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    ...base,
    name: over.name,
    kind: over.kind,
    inter: over.inter ?? base.inter,
    country: over.country ?? base.country,
    aliases: uniq([...base.aliases, ...over.aliases]),
    abbreviations: uniq([...base.abbreviations, ...over.abbreviations]),
    wikidata: over.wikidata ?? base.wikidata,
    active: over.active ?? base.active,
    relations: [...base.relations, ...over.relations],
    generated: false,
    source: over.source,
  };
}

/** Reads, validates and indexes every YAML file of the folder (files under it, recursively). */
export function loadActorKb(options: LoadOptions = {}): ActorKb {
  const dir = options.dir ?? defaultActorsDir();
  const sources = readSources(dir);
  const compiled = options.compiled === false ? null : readCompiled(dir, sources);
  if (compiled) return indexKb(compiled.countries, new Map(compiled.entries.map((e) => [e.id, e])), compiled.pieces);
  const { countries, entries } = buildEntries(dir, sources);
  return indexKb(countries, entries, null);
}

/** The compiled index of a folder, made from its YAML (what scripts/build-actor-index.ts writes). */
export function compileActorKb(dir: string = defaultActorsDir()): CompiledActorKb {
  const sources = readSources(dir);
  const { countries, entries } = buildEntries(dir, sources);
  const pieces: Record<string, string[]> = {};
  indexKb(countries, entries, null, (alias, p) => {
    pieces[alias] = p;
  });
  return { format: COMPILED_FORMAT, inputs: inputsHash(sources), countries, entries: [...entries.values()], pieces };
}

/** The compiled index as written to disk: one entry per line, so a change to the YAML reads as a small diff. */
export function serialiseCompiled(c: CompiledActorKb): string {
  const lines = [
    '{',
    `"format": ${c.format},`,
    `"inputs": ${JSON.stringify(c.inputs)},`,
    '"countries": [',
    c.countries.map((x) => JSON.stringify(x)).join(',\n'),
    '],',
    '"entries": [',
    c.entries.map((x) => JSON.stringify(x)).join(',\n'),
    '],',
    '"pieces": {',
    Object.entries(c.pieces).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n'),
    '}',
    '}',
  ];
  return lines.join('\n') + '\n';
}

/** Reads and validates the YAML: generated entries first, curated ones merged into them by id. */
function buildEntries(dir: string, sources: readonly Source[]): { countries: CountryInfo[]; entries: Map<string, ActorEntry> } {
  const countriesSource = sources.find((s) => s.rel === 'countries.yaml');
  const countries = loadCountries(join(dir, 'countries.yaml'), countriesSource?.text ?? null);
  const entries = new Map<string, ActorEntry>();
  for (const e of generatedEntries(countries)) entries.set(e.id, e);
  const curatedIds = new Map<string, string>();

  for (const { rel, text } of sources) {
    if (rel === 'countries.yaml') continue;
    let doc: unknown;
    try {
      doc = parse(text);
    } catch (error) {
      throw new ActorKbError(`${rel}: invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (doc === null || doc === undefined) continue;
    if (!Array.isArray(doc)) throw new ActorKbError(`${rel}: expected a list of entries`);
    doc.forEach((raw, i) => {
      const e = parseEntry(raw, rel, i);
      const seen = curatedIds.get(e.id);
      if (seen) throw new ActorKbError(`${rel}: entry ${i + 1} (id "${e.id}"): duplicate id, first defined in ${seen}`);
      curatedIds.set(e.id, rel);
      const base = entries.get(e.id);
      entries.set(e.id, base ? mergeInto(base, e) : e);
    });
  }
  for (const e of entries.values()) {
    for (const r of e.relations) {
      if (!entries.has(r.target)) throw new ActorKbError(`${e.source}: id "${e.id}": relation ${r.type} points at unknown id "${r.target}"`);
    }
  }
  return { countries, entries };
}

/** The tries and look-ups over validated entries. `known` holds pieces of aliases computed before
 * (the compiled index); `seen` reports each alias split here. */
function indexKb(
  countries: CountryInfo[],
  entries: Map<string, ActorEntry>,
  known: Record<string, string[]> | null,
  seen?: (alias: string, pieces: string[]) => void,
): ActorKb {
  const aliasPieces = (alias: string): string[] => {
    const p = (known && Object.hasOwn(known, alias) ? known[alias] : null) ?? splitAlias(alias);
    seen?.(alias, p);
    return p;
  };

  const trie: TrieNode = { next: new Map(), hits: [] };
  const aliasMap = new Map<string, ActorEntry[]>();
  const remember = (alias: string, e: ActorEntry) => {
    const k = aliasPieces(alias).map(pieceKey).join(' ');
    const list = aliasMap.get(k) ?? [];
    if (!list.includes(e)) list.push(e);
    aliasMap.set(k, list);
  };
  for (const e of entries.values()) {
    const names = e.kind === 'state' ? [] : [e.name, ...e.aliases];
    for (const alias of new Set(names)) {
      const surface = aliasPieces(alias);
      if (surface.length === 0) continue;
      // one capitalised word ("Wagner", "Koufa") is as risky as an abbreviation in any other case
      const exactCase = surface.length === 1 && hasUpper(surface[0][0] ?? '');
      insert(trie, surface, { entryId: e.id, alias, surface, exactCase });
      remember(alias, e);
    }
    for (const abbr of e.abbreviations) {
      const surface = aliasPieces(abbr);
      if (surface.length === 0) continue;
      insert(trie, surface, { entryId: e.id, alias: abbr, surface, exactCase: true });
      remember(abbr, e);
    }
    if (e.kind === 'state') remember(e.name, e);
  }

  const countryTrie: TrieNode = { next: new Map(), hits: [] };
  const demonymTrie: TrieNode = { next: new Map(), hits: [] };
  const byIso = new Map<string, CountryInfo>();
  const isAbbr = (s: string) => /^(\p{Lu}\.?)+$/u.test(s.replace(/\s/g, ''));
  for (const c of countries) {
    byIso.set(c.iso, c);
    const stateId = stateEntryId(c, 'state');
    for (const n of c.names) {
      const surface = aliasPieces(n);
      insert(countryTrie, surface, { entryId: stateId, alias: n, surface, exactCase: isAbbr(n) || surface.length === 1 });
      remember(n, entries.get(stateId)!);
    }
    for (const d of c.demonyms) {
      const surface = aliasPieces(d);
      insert(demonymTrie, surface, { entryId: stateId, alias: d, surface, exactCase: true });
    }
    // a country's name works as a modifier too: "Mali army", "U.S. officials"
    for (const n of c.names) {
      const surface = aliasPieces(n);
      insert(demonymTrie, surface, { entryId: stateId, alias: n, surface, exactCase: true });
    }
  }
  // keep the highest-ranked country first where a name or demonym is shared ("American", "Congolese")
  const rankOf = (id: string) => {
    const e = entries.get(id);
    return e?.country ? byIso.get(e.country)?.rank ?? 0 : 0;
  };
  const sortHits = (node: TrieNode) => {
    node.hits.sort((a, b) => rankOf(b.entryId) - rankOf(a.entryId));
    for (const child of node.next.values()) sortHits(child);
  };
  sortHits(countryTrie);
  sortHits(demonymTrie);

  const inverse = new Map<string, (ActorRelation & { source: string })[]>();
  for (const e of entries.values()) {
    for (const r of e.relations) {
      const list = inverse.get(r.target) ?? [];
      list.push({ ...r, source: e.id });
      inverse.set(r.target, list);
    }
  }

  const stateIds = new Map<StateRole, Map<string, string | null>>();

  return {
    entries,
    countries: byIso,
    trie,
    countryTrie,
    demonymTrie,
    byId: (id) => entries.get(id),
    byAlias: (alias) => aliasMap.get(splitAlias(alias).map(pieceKey).join(' ')) ?? [],
    stateEntry: (iso, role) => {
      // asked per mention: the id's slug is worked out once per country and role
      let ids = stateIds.get(role);
      if (!ids) stateIds.set(role, (ids = new Map()));
      let id = ids.get(iso);
      if (id === undefined) {
        const c = byIso.get(iso);
        id = c ? stateEntryId(c, role) : null;
        ids.set(iso, id);
      }
      return id === null ? undefined : entries.get(id);
    },
    relationsOf: (id) => entries.get(id)?.relations ?? [],
    relationsTo: (id) => inverse.get(id) ?? [],
  };
}

let cached: ActorKb | null = null;

/** The project's knowledge base, loaded on first use and shared afterwards. */
export function actorKb(): ActorKb {
  cached ??= loadActorKb();
  return cached;
}

/** Counts of entries by kind, curated and generated, for reports. */
export function kbStats(kb: ActorKb): { total: number; curated: number; generated: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = {};
  let curated = 0;
  for (const e of kb.entries.values()) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    if (!e.generated) curated++;
  }
  return { total: kb.entries.size, curated, generated: kb.entries.size - curated, byKind };
}
