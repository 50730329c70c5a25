/**
 * The gazetteer: every place sitrep can name, loaded once from data/places/gazetteer.tsv.gz (built by
 * scripts/build-gazetteer.ts from GeoNames, world-countries and i18n-iso-countries; see
 * data/places/README.md for sources and licences).
 *
 * Loading keeps the decompressed text as one string with line offsets; names are found by binary
 * search over the sorted name lines and an entry's fields are parsed only when a lookup first
 * reaches it, so start-up is little more than decompression for some 300,000 places.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceKind } from '../model.js';
import { unitKey } from './placekeys.js';

export interface Place {
  /** `geonames:<id>`, `iso:<alpha-2>`, `region:<slug>` or `cities:<cc>:<n>` */
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, `''` for continents and supranational regions */
  country: string;
  /** GeoNames admin1 and admin2 codes (`04`, `73`), `''` when unknown */
  admin1Code: string;
  admin2Code: string;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code: PPLC a capital, PPLA a first-level seat, ADM3, STM, ... (PPL when empty in the file) */
  fcode: string;
  /** position in the gazetteer, a stable handle within one load */
  index: number;
}

export interface WordFlags {
  /** a common English word ("mission", "along") */
  common: boolean;
  /** a given name ("beverly") */
  firstName: boolean;
  /** a surname ("jackson") */
  surname: boolean;
}

const NO_FLAGS: WordFlags = Object.freeze({ common: false, firstName: false, surname: false });
const FLAG_SETS = new Map<string, WordFlags>();
/**
 * The empty candidate list. Made by slicing a list of objects so it has the same hidden class as
 * every other list `lookup` returns: a frozen or literal `[]` has its own, and code that meets a
 * second kind of list after being optimised for one is thrown away and compiled again.
 */
export const NO_PLACES: readonly Place[] = ([undefined] as unknown as Place[]).slice(1);
const NONE = NO_PLACES;

/** Buckets of name lines by their two first characters, those beyond ASCII sharing the last. */
const BUCKETS = 128 * 128;

/**
 * The bucket of a name or key starting with code units `first` and `second`: in the names' sort
 * order (by UTF-16 code unit), so each bucket is one run of the sorted name lines.
 */
function bucketOf(first: number, second: number): number {
  return first < 128 ? first * 128 + Math.min(second, 127) : BUCKETS - 1;
}

export class Gazetteer {
  private readonly text: string;
  /** start offset of each entry line, then of each name line (one more than lines: the end) */
  private readonly entryAt: Uint32Array;
  private readonly nameAt: Uint32Array;
  /** per bucket of two leading characters (see `bucketOf`), the first name line at or after it */
  private readonly bucketStart: Uint32Array;
  private readonly cache: (Place | undefined)[];
  private readonly parsedNames = new Map<string, readonly Place[]>();
  private readonly words = new Map<string, string>();
  private readonly demonymMap = new Map<string, string>();
  /** for each first word of a key, the largest number of words of a key starting with it */
  private readonly spans = new Map<string, number>();
  private ranges: Map<string, [number, number]> | null = null;
  private readonly adminCache = new Map<string, Place | null>();
  /** admin1Of and admin2Of by place index, for this gazetteer's own places: no key string to build */
  private readonly admin1At = new Map<number, Place | null>();
  private readonly admin2At = new Map<number, Place | null>();

  constructor(text: string) {
    this.text = text;
    let at = text.indexOf('\n');
    const head = text.slice(0, at).split('\t');
    if (head[0] !== 'sitrep-places' || head[1] !== '2') throw new Error('places: not a sitrep gazetteer (version 2)');
    const [nEntries, nNames, nWords, nDemonyms, nSpans] = head.slice(2).map(Number);
    at++;
    // offsets only: no per-line strings and no hash of 260,000 names, so loading costs a scan
    const offsets = (n: number): Uint32Array => {
      const out = new Uint32Array(n + 1);
      for (let i = 0; i < n; i++) {
        out[i] = at;
        at = text.indexOf('\n', at) + 1;
      }
      out[n] = at;
      return out;
    };
    this.entryAt = offsets(nEntries);
    this.nameAt = offsets(nNames);
    // a search starts within the names sharing its key's two first characters (a few hundred),
    // not all of them: fewer steps, and each step reads text close to the last one
    this.bucketStart = new Uint32Array(BUCKETS + 1);
    let name = 0;
    for (let b = 0; b <= BUCKETS; b++) {
      while (name < nNames && this.nameBucket(name) < b) name++;
      this.bucketStart[b] = name;
    }
    this.cache = new Array<Place | undefined>(nEntries);
    const small = (n: number, into: Map<string, string>): void => {
      for (let i = 0; i < n; i++) {
        const end = text.indexOf('\n', at);
        const tab = text.indexOf('\t', at);
        into.set(text.slice(at, tab), text.slice(tab + 1, end));
        at = end + 1;
      }
    };
    small(nWords, this.words);
    small(nDemonyms, this.demonymMap);
    const spans = new Map<string, string>();
    small(nSpans, spans);
    for (const [k, v] of spans) this.spans.set(k, Number(v));
  }

  get size(): number {
    return this.cache.length;
  }

  private line(at: Uint32Array, i: number): string {
    return this.text.slice(at[i], at[i + 1] - 1);
  }

  entry(index: number): Place {
    const hit = this.cache[index];
    if (hit) return hit;
    const f = this.line(this.entryAt, index).split('\t');
    const rawId = f[0];
    const id = rawId.includes(':') ? (rawId.startsWith('cj:') ? `cities:${rawId.slice(3)}` : rawId) : `geonames:${parseInt(rawId, 36)}`;
    const place: Place = {
      id,
      name: f[1],
      kind: f[2] as PlaceKind,
      country: f[3],
      admin1Code: f[4],
      admin2Code: f[5],
      lat: Number(f[6]),
      lon: Number(f[7]),
      population: f[8] ? parseInt(f[8], 36) : 0,
      fcode: f[9] || (f[2] === 'admin1' ? 'ADM1' : f[2] === 'admin2' ? 'ADM2' : 'PPL'),
      index,
    };
    this.cache[index] = place;
    return place;
  }

  private nameBucket(name: number): number {
    const start = this.nameAt[name];
    return bucketOf(this.text.charCodeAt(start), this.text.charCodeAt(start + 1));
  }

  /** The raw candidate list of a key, by binary search over the sorted names. */
  private find(key: string): string | undefined {
    const text = this.text;
    const n = key.length;
    // a one-character key sorts as that character and the tab ending its name line
    const bucket = n > 0 ? bucketOf(key.charCodeAt(0), n > 1 ? key.charCodeAt(1) : 9) : -1;
    let lo = bucket < 0 ? 0 : this.bucketStart[bucket];
    let hi = bucket < 0 ? this.nameAt.length - 2 : this.bucketStart[bucket + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.nameAt[mid];
      // compares the line's name (up to its tab) with the key in place, by UTF-16 code unit as
      // `<` on strings does, so the search slices no string per step
      let cmp = 0;
      let i = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(start + i);
        if (c === 9) {
          cmp = -1; // the name is a proper prefix of the key
          break;
        }
        const d = c - key.charCodeAt(i);
        if (d !== 0) {
          cmp = d;
          break;
        }
      }
      if (i === n && text.charCodeAt(start + n) !== 9) cmp = 1; // the key is a proper prefix of the name
      if (cmp === 0) return text.slice(start + n + 1, this.nameAt[mid + 1] - 1);
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Candidates for a name key (see placekeys.ts), by kind (countries first), then by country. */
  lookup(key: string): readonly Place[] {
    const done = this.parsedNames.get(key);
    if (done) return done;
    const raw = this.find(key);
    let list: readonly Place[] = NONE;
    if (raw !== undefined) {
      // built by push, so every list is a packed array of one kind (a `map` result may be holey),
      // and the stages' loops over candidates keep one shape to optimise for
      const built: Place[] = [];
      for (const s of raw.split(',')) built.push(this.entry(parseInt(s, 36)));
      list = built;
    }
    // a long run over many documents meets endless capitalised words: keep the cache bounded
    if (this.parsedNames.size >= 200_000) this.parsedNames.clear();
    this.parsedNames.set(key, list);
    return list;
  }

  /** True when some key begins with `prefix` (a lower-bound binary search over the sorted names). */
  hasKeyStartingWith(prefix: string): boolean {
    let lo = 0;
    let hi = this.nameAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = this.nameAt[mid];
      if (this.text.slice(start, start + prefix.length) < prefix) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.nameAt.length - 1) return false;
    const start = this.nameAt[lo];
    return this.text.startsWith(prefix, start);
  }

  has(key: string): boolean {
    return this.lookup(key).length > 0;
  }

  /** How many words the longest key starting with this word has (1 when none is longer). */
  maxWords(firstWord: string): number {
    return this.spans.get(firstWord) ?? 1;
  }

  flags(word: string): WordFlags {
    const f = this.words.get(word);
    if (!f) return NO_FLAGS;
    let flags = FLAG_SETS.get(f);
    if (!flags) {
      flags = Object.freeze({ common: f.includes('c'), firstName: f.includes('f'), surname: f.includes('l') });
      FLAG_SETS.set(f, flags);
    }
    return flags;
  }

  /** ISO alpha-2 of the country a demonym names ("malian" -> ML), or null. */
  demonym(key: string): string | null {
    return this.demonymMap.get(key) ?? null;
  }

  /** Where countries, admin1 and admin2 entries lie in the file (each run sorted by its codes). */
  private kindRanges(): Map<string, [number, number]> {
    if (this.ranges) return this.ranges;
    const ranges = new Map<string, [number, number]>();
    for (let i = 0; i < this.cache.length; i++) {
      const start = this.entryAt[i];
      const k1 = this.text.indexOf('\t', start);
      const k2 = this.text.indexOf('\t', k1 + 1);
      const kind = this.text.slice(k2 + 1, this.text.indexOf('\t', k2 + 1));
      if (kind !== 'country' && kind !== 'admin1' && kind !== 'admin2' && kind !== 'continent' && kind !== 'region') break;
      const r = ranges.get(kind);
      if (r) r[1] = i + 1;
      else ranges.set(kind, [i, i + 1]);
    }
    this.ranges = ranges;
    return ranges;
  }

  /**
   * The admin entry with these codes, by binary search over its run (the build sorts each kind by
   * country, admin1 code, admin2 code); among Sahel rows sharing codes, the ADM2 one.
   */
  private findAdmin(kind: 'country' | 'admin1' | 'admin2', cc: string, a1: string, a2: string): Place | null {
    const key = `${kind}|${cc}|${a1}|${a2}`;
    const hit = this.adminCache.get(key);
    if (hit !== undefined) return hit;
    const range = this.kindRanges().get(kind);
    let found: Place | null = null;
    if (range) {
      const cmp = (p: Place): number => {
        const x = kind === 'country' ? [p.country] : kind === 'admin1' ? [p.country, p.admin1Code] : [p.country, p.admin1Code, p.admin2Code];
        const y = kind === 'country' ? [cc] : kind === 'admin1' ? [cc, a1] : [cc, a1, a2];
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
        return 0;
      };
      let lo = range[0];
      let hi = range[1];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(this.entry(mid)) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < range[1] && cmp(this.entry(i)) === 0; i++) {
        const p = this.entry(i);
        if (kind !== 'admin2' || p.fcode === 'ADM2') {
          found = p;
          break;
        }
      }
    }
    this.adminCache.set(key, found);
    return found;
  }

  country(cc: string): Place | null {
    return this.findAdmin('country', cc, '', '');
  }

  admin1Of(p: Place): Place | null {
    if (!p.admin1Code) return null;
    const own = this.cache[p.index] === p;
    let a = own ? this.admin1At.get(p.index) : undefined;
    if (a === undefined) {
      a = this.findAdmin('admin1', p.country, p.admin1Code, '');
      if (own) this.admin1At.set(p.index, a);
    }
    return a;
  }

  admin2Of(p: Place): Place | null {
    if (!p.admin2Code) return null;
    const own = this.cache[p.index] === p;
    let a = own ? this.admin2At.get(p.index) : undefined;
    if (a === undefined) {
      a = this.findAdmin('admin2', p.country, p.admin1Code, p.admin2Code);
      if (own) this.admin2At.set(p.index, a);
    }
    return a;
  }
}

function findDefault(): string {
  // from src/knowledge (tsx, vitest) the data folder is two levels up; from dist/src/knowledge three
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSrc = join(here, '..', '..', 'data', 'places', 'gazetteer.tsv.gz');
  return existsSync(fromSrc) ? fromSrc : join(here, '..', '..', '..', 'data', 'places', 'gazetteer.tsv.gz');
}

let loaded: Gazetteer | null = null;

/** The shipped gazetteer, loaded on first use and kept. */
export function gazetteer(): Gazetteer {
  if (!loaded) loaded = loadGazetteer(findDefault());
  return loaded;
}

/**
 * The country (ISO alpha-2) a written word or name stands for: a country's name, and with the
 * options a demonym ("French") or a national capital ("Moscow"); null for anything else.
 */
export function countryNamed(name: string, also: { demonyms?: boolean; capitals?: boolean } = {}): string | null {
  const g = gazetteer();
  const key = unitKey(name);
  if (also.demonyms) {
    const cc = g.demonym(key);
    if (cc) return cc;
  }
  return g.lookup(key).find((p) => p.kind === 'country' || (also.capitals === true && p.fcode === 'PPLC'))?.country || null;
}

export function loadGazetteer(file: string): Gazetteer {
  return new Gazetteer(gunzipSync(readFileSync(file)).toString('utf8'));
}

const EARTH_KM = 6371.0088;

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
