import type { ActorMention, Document, Extraction, NameMention, PlaceKind, PlaceMention, Token } from '../../model.js';
import { onRoute } from '../../text/route.js';
import type { Stage } from '../stage.js';
import { trace } from '../stage.js';
import { gazetteer, distanceKm, NO_PLACES, type Gazetteer, type Place, type WordFlags } from '../../knowledge/places.js';
import { unitKey, NAME_PARTICLES } from '../../knowledge/placekeys.js';
import { typeTableFor, type WordTypes } from '../../text/wordtypes.js';
import { tokenTypes, type TokenTypes } from './tokens.js';

/**
 * Places: toponym recognition over the shared token stream, then disambiguation by context.
 *
 * Recognition: gazetteer names are matched as word-unit n-grams starting at capitalised words
 * (longest first). When the name tagger has run, its LOC spans are trusted as places and the
 * gazetteer only links them; the gazetteer's own matches must then not fall inside a PER name.
 * Without the tagger, matches pass stricter filters: a common English word, a first name or a
 * surname is a place only with support ("in", "near", a following "Texas" or "(Sourou)").
 *
 * Disambiguation scores each candidate by kind, population, the containers the text gives
 * ("Seme (Toeni, Sourou)", "Paris, Texas", "Mali's Mopti region"), the countries and admin areas
 * the document's other places point to, and nearness to them; two passes, so the unambiguous
 * mentions settle the ambiguous ones.
 */

interface Unit {
  start: number;
  end: number;
  text: string;
  key: string;
  firstWord: string;
  cap: boolean;
  /** written in capitals or with a dot: may match an abbreviation key */
  abbr: boolean;
  /** written with a dot ("U.S.", "Ky.") */
  dotted: boolean;
  sentence: number;
  /** first word unit of its sentence, or right after an opening quote or bracket */
  initial: boolean;
  /** words of `key` (a unit's key holds a space when a dash joins two words in one token) */
  words: number;
  /** isAllCaps of `text`, for capitalised units (false for the others) */
  allCaps: boolean;
  /** what the token's text says (its gazetteer answers cached), null for parts of a hyphenated token */
  type: UnitType | null;
}

/** Every match is made with all its fields (the optional ones `undefined`), so all share one shape. */
interface Match {
  from: number; // unit index
  to: number; // exclusive
  start: number;
  end: number;
  key: string;
  candidates: readonly Place[];
  rule: string;
  /** indexes of matches that contain this one as the text says ("X, Y", "X (Y)", "Y's X", "X in Y") */
  containers: number[];
  near: boolean;
  /** a country a demonym puts the place in: "the Malian locality of Boulikessi" */
  cueCountry?: string;
  /** the part of its container the text puts it in: "Boni, in central Mali" (north, southwest, central...) */
  direction?: string;
  chosen: Place | null;
  /** candidates with their context-free scores, best first (filled by the first pass) */
  ranked?: { c: Place; s: number }[];
}

const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'for', 'into', 'outside', 'around', 'across', 'towards', 'toward', 'through', 'via', 'of', 'between', 'and', 'nearby', 'throughout', 'inside', 'within', 'visit', 'visited', 'entered', 'reached', 'left', 'north', 'south', 'east', 'west']);
/** words that put the next name on the map: "near Boulkessi", "in Kobe" */
const PLACING = new Set(['in', 'at', 'near', 'outside', 'around', 'from', 'to', 'into', 'towards', 'toward', 'between']);
const NEAR_WORDS = new Set(['near', 'outside', 'around', 'nearby', 'close', 'vicinity', 'outskirts', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'president', 'gen', 'general', 'sens', 'reps', 'gens', 'col', 'colonel', 'capt', 'captain', 'sgt', 'lt', 'gov', 'governor', 'sen', 'senator', 'rep', 'minister', 'prime', 'king', 'queen', 'prince', 'pope', 'sheriff', 'judge', 'mayor', 'chief', 'officer', 'secretary', 'detective', 'deputy', 'coach', 'lord', 'sir', 'lady', 'rev', 'father', 'brother', 'sister', 'uncle', 'aunt', 'professor', 'prof', 'commissioner', 'director', 'spokesman', 'spokeswoman', 'trooper', 'cpl', 'pvt', 'maj', 'major', 'adm', 'admiral', 'sgt.', 'emir', 'sheikh', 'imam']);
const ABBREVIATED = new Set(['st', 'mt', 'ft', 'ste', 'mr', 'mrs', 'ms', 'dr', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'sgt', 'capt', 'maj', 'cpl', 'pvt', 'adm', 'rev', 'prof']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '-', '—', '–', ':']);

/** OPENERS.has(text): every opener is one character, so longer tokens need no look-up. */
function isOpener(text: string): boolean {
  return text.length === 1 && OPENERS.has(text);
}
const SPEECH = new Set(['said', 'says', 'told', 'added', 'wrote', 'stated', 'noted', 'explained', 'asked', 'replied']);
const BROADCASTER = /Voice of America|Radio France(?: Internationale)?|France ?24|France Inter|Radio Canada|Radio Free Europe|Al Jazeera America/g;

/** Whether [start, end) lies inside a broadcaster's name. */
function insideBroadcaster(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 20);
  const window = text.slice(from, Math.min(text.length, end + 24));
  BROADCASTER.lastIndex = 0;
  for (let b = BROADCASTER.exec(window); b !== null; b = BROADCASTER.exec(window)) if (from + b.index <= start && from + b.index + b[0].length >= end) return true;
  return false;
}
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many', 'some', 'dozens', 'hundreds', 'deux', 'trois', 'quatre', 'cinq', 'un', 'une', 'des', 'plusieurs']);
const ORG_WORDS = new Set(['police', 'sheriff', 'county', 'parish', 'city', 'fire', 'school', 'schools', 'high', 'university', 'college', 'hospital', 'council', 'department', 'board', 'district', 'township', 'area', 'region', 'province', 'state', 'residents', 'resident', 'native', 'man', 'woman', 'airport', 'mayor', 'times', 'post', 'daily', 'news', 'court', 'jail', 'community', 'public', 'road', 'river', 'lake', 'valley', 'street', 'avenue']);
const FEATURE_HEADS = new Set(['street', 'road', 'avenue', 'boulevard', 'drive', 'lane', 'highway', 'freeway', 'parkway', 'interstate', 'route', 'river', 'creek', 'lake', 'bay', 'island', 'islands', 'mountain', 'mountains', 'hill', 'hills', 'valley', 'park', 'forest', 'desert', 'plateau', 'canyon', 'beach', 'coast', 'sea', 'ocean', 'gulf', 'strait', 'peninsula', 'county', 'parish', 'township', 'district', 'province', 'region', 'square', 'bridge', 'dam', 'camp', 'base', 'airport', 'wilderness', 'reservoir', 'falls', 'springs', 'heights', 'neighbourhood', 'neighborhood', 'quarter', 'village', 'town', 'city']);
const FEATURE_FIRST_WORDS = new Set(['lake', 'mount', 'gulf', 'cape', 'bay', 'strait', 'lac', 'mont', 'monts', 'lago', 'isle']);
/** "RIMa", "RAMa", "FAMa": an acronym written with a small letter (French regiments, armies), not a name */
const MIXED_ACRONYM = /^\p{Lu}{2,}\p{Ll}+$/u;
/**
 * Aircraft, vehicles and weapons that reporting names and the gazetteer also holds as places
 * ("C-130 Hercules transport planes", "Chinook helicopters", "Super Puma", "Rafales", "Leclerc
 * tanks", "a Toyota Land Cruiser"), and the language English (a town in Indiana): such a word is
 * a place only where the text places it. English is no demonym here: "speaks English" and
 * "English teacher" say nothing of Britain.
 */
const THINGS_NAMED_LIKE_PLACES = new Set(['english', 'honda', 'kia', 'cadillac', 'chevrolet', 'chevy', 'nissan', 'hyundai', 'mazda', 'subaru', 'lexus', 'buick', 'volvo', 'hercules', 'chinook', 'chinooks', 'puma', 'pumas', 'rafale', 'rafales', 'mirage', 'mirages', 'leclerc', 'toyota', 'toyotas', 'gazelle', 'gazelles', 'tiger', 'tigers', 'caracal', 'reaper', 'reapers', 'predator', 'bayraktar', 'transall', 'tucano', 'kalashnikov', 'kalashnikovs', 'humvee', 'humvees', 'apache', 'apaches', 'black hawk', 'blackhawk']);
/** Peoples of the Sahel and around it whose names the gazetteer also holds as hamlets or localities. */
const PEOPLES = new Set(['dogon', 'peul', 'peuls', 'peulh', 'peulhs', 'fulani', 'fulanis', 'fula', 'fulbe', 'tuareg', 'tuaregs', 'touareg', 'touaregs', 'bambara', 'bambaras', 'songhai', 'songhay', 'mossi', 'bozo', 'bozos', 'dozo', 'dozos', 'hausa', 'kanuri', 'zarma', 'djerma', 'toubou', 'tubu', 'tamasheq']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre']);

/** What a saint's or a person's name is given to: "St. Patrick's Day", "St. Peter's Square". */
const HOLIDAY_NOUNS = new Set(['day', 'eve', 'dinner', 'award', 'prize']);
const LANDMARK_NOUNS = new Set(['square', 'cathedral', 'basilica', 'church', 'chapel']);
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west', 'far', 'central']);

/**
 * Words the text shows to name something else than a place, whichever stage proposed them: an
 * aircraft or vehicle the text does not place ("Chinook helicopters", but "in Hercules,
 * California"), a direction ("the far North East of Mali"), a people ("Dogon militiamen"), an
 * acronym ("RIMa"), a date ("31 March"), a holiday or a landmark named after someone ("St.
 * Patrick's Day"), a given name coordinated with a person's ("to Henry and Karen Black").
 */
function namesNoPlace(us: Unit[], from: number, to: number, key: string, people: SpanIndex<NameMention>, g: Gazetteer): boolean {
  const prev = from > 0 ? us[from - 1] : undefined;
  const next = to < us.length && us[to].sentence === us[from].sentence ? us[to] : undefined;
  const afterNext = to + 1 < us.length ? us[to + 1] : undefined;
  if (THINGS_NAMED_LIKE_PLACES.has(key)) {
    const area = afterNext;
    const container = (next?.text === ',' || next?.text === '(') && area !== undefined && area.cap && candidatesOf(g, area).some((c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'admin2');
    const placed = (prev !== undefined && PLACING.has(prev.key) && !prev.cap) || container;
    if (!placed) return true;
  }
  if (next?.key === 'of' && key.split(' ').every((w) => COMPASS_WORDS.has(w))) return true;
  // "Dogon militiamen", "Peul herders", "attacks on Bambara villages": a people, not the hamlet
  // or locality the gazetteer also calls so
  if (PEOPLES.has(key)) return true;
  if (to - from === 1 && MIXED_ACRONYM.test(us[from].text)) return true;
  // "On 31 March, Gao fell": a date, even when a place follows the comma
  if (MONTHS.has(key) && ((prev !== undefined && /^\d{1,2}$/.test(prev.text)) || (next !== undefined && /^\d{1,4}$/.test(next.text)))) return true;
  // "St. Patrick's Day", "Lincoln Day dinner", "St. Peter's Square": a holiday named after a
  // saint or a person, or a landmark in the possessive; not "Amherst College" or "Douglas County
  // Hospital", which stand in the place they name
  const possessive = next !== undefined && (next.key === 's' || next.text === "'s" || next.text === '’s');
  const noun = possessive ? afterNext : next;
  if (noun && noun.cap && noun.sentence === us[from].sentence && (HOLIDAY_NOUNS.has(noun.key) || (possessive && LANDMARK_NOUNS.has(noun.key)))) return true;
  if (to - from === 1 && next?.key === 'and' && g.flags(key).firstName) {
    // not "Norb Mages of Lindsay and Dennis Lopez of Thackerville", where each person has a place
    let person: NameMention | undefined;
    if (afterNext && afterNext.cap) people.some(afterNext, (p) => ((person = p), true));
    if (person) {
      const j = firstUnitFrom(us, person.end);
      if (!(j < us.length && LOCATIVE.has(us[j].key))) return true;
    }
  }
  return false;
}

/** GeoNames feature codes of landforms: mountains, massifs, plateaus, valleys, dune seas, forests, deserts, lakes. */
const LANDFORMS = new Set(['MT', 'MTS', 'PLAT', 'VAL', 'ERG', 'FRST', 'DSRT', 'LK', 'DPR', 'PLN', 'GRGE', 'OAS', 'ISL', 'ISLS']);
const ADMIN_WORDS = new Set(['region', 'province', 'county', 'parish', 'state', 'district', 'department', 'prefecture', 'cercle', 'commune', 'governorate', 'oblast', 'territory', 'municipality']);

const KIND_BONUS: Record<PlaceKind, number> = { continent: 7, region: 7, country: 6, admin1: 4, admin2: 1.2, city: 1, village: 0, feature: -1.5 };
const SPECIFIC: Record<PlaceKind, number> = { continent: 0, region: 1, country: 2, admin1: 3, admin2: 4, feature: 5, city: 6, village: 6 };
const PRECISION: Record<PlaceKind, 1 | 2 | 3> = { continent: 3, region: 3, country: 3, admin1: 3, admin2: 2, city: 1, village: 1, feature: 2 };

function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[0];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** "Africa Corps", "Islamic State in the Greater Sahara": every word capitalised but particles. */
function isProperName(text: string): boolean {
  return text.split(/\s+/).every((w) => isCapitalised(w) || NAME_PARTICLES.has(w.toLowerCase()) || !/\p{L}/u.test(w));
}

/** True when a place's text is among the words of an actor's canonical name ("Wagner" of "Wagner Group"). */
function namesActor(actorName: string, text: string): boolean {
  return ` ${actorName.toLowerCase()} `.includes(` ${text.toLowerCase()} `);
}

function isAllCaps(text: string): boolean {
  if (text.length < 2) return false;
  // ASCII: a capital and no small letter; anything wider goes through case mapping
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return text === text.toUpperCase() && text !== text.toLowerCase();
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper;
}

/** True for a token of letters or digits (not punctuation), without a regular expression. */
function isWordy(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192) return true;
  }
  return false;
}

/** Words of a unit key: one more than its spaces (a dash inside a token becomes one). */
function wordCount(key: string, firstSpace: number): number {
  let n = 1;
  for (let i = firstSpace; i >= 0; i = key.indexOf(' ', i + 1)) n++;
  return n;
}

/** What a unit's text alone says of it: the same words recur in every document, so each text is
 * worked out once and its key string is shared (later map look-ups on it reuse its hash). */
interface UnitType {
  key: string;
  firstWord: string;
  words: number;
  wordy: boolean;
  cap: boolean;
  /** isAllCaps of the text, for capitalised units (false for the others) */
  allCaps: boolean;
  hasDot: boolean;
  /** "Gainesville-area", "D-Charleston": a dash between two parts, each of which is a unit */
  hyphenated: boolean;
  /** isOpener of the text */
  opener: boolean;
  /** whether a dot right after it makes one unit ("St.", "Ky."); undefined until first asked */
  dottable: boolean | undefined;
  /** the gazetteer's answers for `key` (`maxWords` of `firstWord`), filled on first need: the
   * gazetteer's tables are large, so a look-up there costs more than reading these fields */
  span: number;
  flags: WordFlags | null;
  demonym: string | null | undefined;
  candidates: readonly Place[] | null;
}

const PLAIN = 0;
const PUNCTUATION = 1;
const MIXED = 2;

/** PLAIN for a token of small ASCII letters and digits only, PUNCTUATION for one with no letter or
 * digit (isWordy false), MIXED for the rest (capitals, apostrophes, letters beyond ASCII). */
function plainKind(text: string): number {
  let letters = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) letters = true;
    else if ((c >= 65 && c <= 90) || c >= 192) return MIXED;
    else other = true;
  }
  return letters ? (other ? MIXED : PLAIN) : PUNCTUATION;
}

/** "You're", "He'll", "They've", "Don't": an English contraction names no place (not Mali's Youré). */
const CONTRACTION = /^\p{L}{1,5}(?:['’](?:re|ll|ve|m|d)|n['’]t)$/iu;

/**
 * Unit types per gazetteer (whether a word takes a dot depends on its keys), by text and by the
 * tokens stage's word-type id: with the ids, a token's type is one array read, not a hash of its
 * text. Bounded for long streams.
 */
class UnitTypes {
  readonly byText = new Map<string, UnitType>();
  /** by word-type id of `wordTypes` at `epoch`; dense (filled with undefined up to the number of types) */
  byId: (UnitType | undefined)[] = [];
  /**
   * by word-type id, 0 until first seen, then SEEN with PLAIN_UNIT and OPENER as they apply: most
   * tokens are plain words and punctuation, whose unit these bits say all of, so they need no
   * read of a type object (scattered in memory, each such read a likely cache miss)
   */
  shapes = new Uint8Array(4096);
  wordTypes: WordTypes | null = null;
  epoch = -1;
}

const UNIT_TYPES = new WeakMap<Gazetteer, UnitTypes>();

function unitTypes(g: Gazetteer): UnitTypes {
  let types = UNIT_TYPES.get(g);
  if (!types) {
    types = new UnitTypes();
    UNIT_TYPES.set(g, types);
  }
  if (types.byText.size >= 200_000) {
    types.byText.clear();
    types.byId = [];
    types.shapes.fill(0);
  }
  return types;
}

/** Makes `types.byId` and `types.shapes` current for the ids of `typed`. */
function typesFor(types: UnitTypes, typed: TokenTypes): void {
  if (typed.types !== types.wordTypes || typed.epoch !== types.epoch) {
    types.byId = [];
    types.shapes.fill(0);
    types.wordTypes = typed.types;
    types.epoch = typed.epoch;
  }
  const size = typed.types.size;
  const byId = types.byId;
  for (let id = byId.length; id < size; id++) byId.push(undefined);
  types.shapes = typeTableFor(types.shapes, size);
}

const SEEN = 1;
/** a lower-case word, number or punctuation mark that is its own key: no dash inside, nothing to spell out */
const PLAIN_UNIT = 2;
const OPENER = 4;

function shapeOf(tx: string): number {
  const hyphen = tx.indexOf('-');
  if (hyphen > 0 && hyphen < tx.length - 1) return SEEN;
  const kind = plainKind(tx);
  if (kind === MIXED) return SEEN;
  // a plain word is its own key but for the abbreviations unitKey spells out (st, mt, ft, ste)
  const key = kind === PLAIN && tx.length <= 3 ? unitKey(tx) : tx;
  if (key !== tx || tx.includes(' ')) return SEEN;
  return SEEN | PLAIN_UNIT | (isOpener(tx) ? OPENER : 0);
}

function unitType(types: Map<string, UnitType>, tx: string): UnitType {
  let type = types.get(tx);
  if (type === undefined) {
    const wordy = isWordy(tx);
    const cap = wordy && isCapitalised(tx) && !CONTRACTION.test(tx);
    const key = wordy ? unitKey(tx) : tx;
    const sp = key.indexOf(' ');
    const hyphen = tx.indexOf('-');
    type = {
      key,
      firstWord: sp < 0 ? key : key.slice(0, sp),
      words: sp < 0 ? 1 : wordCount(key, sp),
      wordy,
      cap,
      allCaps: cap && isAllCaps(tx),
      hasDot: cap && tx.includes('.'),
      hyphenated: hyphen > 0 && hyphen < tx.length - 1,
      opener: isOpener(tx),
      dottable: undefined,
      span: -1,
      flags: null,
      demonym: undefined,
      candidates: null,
    };
    types.set(tx, type);
  }
  return type;
}

/**
 * Units are rewritten in place, document after document: one new object per token cost the stage
 * more in garbage collection than all its look-ups. A document longer than the pool gets fresh
 * units past its end. The units of one call are valid until the next.
 */
const UNIT_POOL: Unit[] = [];
const MAX_POOLED_UNITS = 100_000;
const UNITS: Unit[] = [];

function unitSlot(n: number): Unit {
  const pooled = UNIT_POOL[n];
  if (pooled !== undefined) return pooled;
  const u: Unit = { start: 0, end: 0, text: '', key: '', firstWord: '', cap: false, abbr: false, dotted: false, sentence: 0, initial: false, words: 1, allCaps: false, type: null };
  // slots are asked for in order from 0, so a new one is the pool's next
  if (n === UNIT_POOL.length && n < MAX_POOLED_UNITS) UNIT_POOL.push(u);
  return u;
}

function fillUnit(u: Unit, start: number, end: number, text: string, key: string, firstWord: string, words: number, cap: boolean, abbr: boolean, allCaps: boolean, dotted: boolean, sentence: number, initial: boolean, type: UnitType | null): Unit {
  u.start = start;
  u.end = end;
  u.text = text;
  u.key = key;
  u.firstWord = firstWord;
  u.words = words;
  u.cap = cap;
  u.abbr = abbr;
  u.allCaps = allCaps;
  u.dotted = dotted;
  u.sentence = sentence;
  u.initial = initial;
  u.type = type;
  return u;
}

/** Word units: tokens with an adjacent dot folded in, so "St." and "Ky." are one unit. */
function units(doc: Document, tokens: Token[], g: Gazetteer): Unit[] {
  const out = UNITS;
  out.length = 0;
  const types = unitTypes(g);
  const typed = tokenTypes(tokens);
  if (typed) typesFor(types, typed);
  const ids = typed ? typed.ids : null;
  const byId = types.byId;
  const shapes = types.shapes;
  let lastSentence = -1;
  let prevOpener = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const tx = t.text;
    let type: UnitType | undefined;
    if (ids !== null) {
      const id = ids[i];
      let shape = shapes[id];
      if (shape === 0) shapes[id] = shape = shapeOf(tx);
      if ((shape & PLAIN_UNIT) !== 0) {
        const initial = t.sentence !== lastSentence || prevOpener;
        lastSentence = t.sentence;
        prevOpener = (shape & OPENER) !== 0;
        out.push(fillUnit(unitSlot(out.length), t.start, t.end, tx, tx, tx, 1, false, false, false, false, t.sentence, initial, null));
        continue;
      }
      type = byId[id];
      if (type === undefined) byId[id] = type = unitType(types.byText, tx);
    } else type = unitType(types.byText, tx);
    const initial = t.sentence !== lastSentence || prevOpener;
    lastSentence = t.sentence;
    prevOpener = type.opener;
    if (type.hyphenated) {
      hyphenParts(out, t, initial);
      continue;
    }
    const cap = type.cap;
    if (!cap) {
      // lower-case words, numbers and punctuation (most tokens): never dotted, never an abbreviation
      out.push(fillUnit(unitSlot(out.length), t.start, t.end, tx, type.key, type.firstWord, type.words, false, false, false, false, t.sentence, initial, type));
      continue;
    }
    let end = t.end;
    let dotted = false;
    // reads stay inside the arrays here and below: a read past an end deoptimises the function
    const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
    if (next !== undefined && next.text === '.' && next.start === t.end) {
      // "Va." alone, or "W." as the first word of "W. Va."
      if (type.dottable === undefined) type.dottable = tx.length <= 5 && (ABBREVIATED.has(tx.toLowerCase()) || g.has('.' + type.key) || g.hasKeyStartingWith('.' + type.key + ' '));
      if (type.dottable) {
        end = next.end;
        dotted = true;
      }
    }
    const text = dotted ? doc.text.slice(t.start, end) : tx;
    const allCaps = dotted ? isAllCaps(text) : type.allCaps;
    out.push(fillUnit(unitSlot(out.length), t.start, end, text, type.key, type.firstWord, type.words, cap, dotted || type.hasDot || allCaps, allCaps, dotted || type.hasDot, t.sentence, initial, type));
    if (dotted) i++;
  }
  return out;
}

/** "Gainesville-area", "D-Charleston", "Athens-Clarke": each part of token `t` a unit of its own. */
function hyphenParts(out: Unit[], t: Token, initial: boolean): void {
  let at = 0;
  for (const part of t.text.split('-')) {
    if (part) {
      const key = unitKey(part);
      const cap = isCapitalised(part);
      const allCaps = isAllCaps(part);
      // "D-N.J.": initials keep their dots after the hyphen
      const dotted = cap && part.includes('.');
      out.push(fillUnit(unitSlot(out.length), t.start + at, t.start + at + part.length, part, key, key, wordCount(key, key.indexOf(' ')), cap, cap && (allCaps || dotted), allCaps, dotted, t.sentence, at === 0 && initial, null));
    }
    at += part.length + 1;
  }
}

/** `g.maxWords(u.firstWord)` */
function spanOf(g: Gazetteer, u: Unit): number {
  const t = u.type;
  if (t === null) return g.maxWords(u.firstWord);
  if (t.span < 0) t.span = g.maxWords(t.firstWord);
  return t.span;
}

/** `g.flags(u.key)` */
function flagsOf(g: Gazetteer, u: Unit): WordFlags {
  const t = u.type;
  if (t === null) return g.flags(u.key);
  return (t.flags ??= g.flags(t.key));
}

/** `g.demonym(u.key)` */
function demonymOf(g: Gazetteer, u: Unit): string | null {
  const t = u.type;
  if (t === null) return g.demonym(u.key);
  if (t.demonym === undefined) t.demonym = g.demonym(t.key);
  return t.demonym;
}

/** `g.lookup(u.key)` */
function candidatesOf(g: Gazetteer, u: Unit): readonly Place[] {
  const t = u.type;
  if (t === null) return g.lookup(u.key);
  return (t.candidates ??= g.lookup(t.key));
}

/** True when the place `inner` lies inside `outer` (or both lie in the same small area). */
function contains(outer: Place, inner: Place): boolean {
  if (outer.index === inner.index) return false;
  if (!outer.country || outer.country !== inner.country) {
    if (outer.kind === 'continent' || outer.kind === 'region') return distanceKm(outer.lat, outer.lon, inner.lat, inner.lon) < 2500;
    return false;
  }
  switch (outer.kind) {
    case 'country':
      return inner.kind !== 'country';
    case 'admin1':
      return inner.admin1Code === outer.admin1Code && inner.kind !== 'admin1';
    case 'admin2':
      if (inner.admin1Code !== outer.admin1Code) return false;
      // a district split or renumbered since the town was coded (Davao del Sur's Santa Maria is now
      // in Davao Occidental): a town of the same first-level area close to the district's point
      if (outer.fcode === 'ADM2') return inner.kind !== 'admin1' && (inner.admin2Code === outer.admin2Code || (inner.kind !== 'admin2' && distanceKm(outer.lat, outer.lon, inner.lat, inner.lon) < 50));
      return distanceKm(outer.lat, outer.lon, inner.lat, inner.lon) < 60;
    case 'region':
      return true;
    default:
      return (inner.admin2Code !== '' && inner.admin2Code === outer.admin2Code) || distanceKm(outer.lat, outer.lon, inner.lat, inner.lon) < 40;
  }
}

/** Index of the first unit starting at or after `offset` (binary search; units are in text order). */
function firstUnitFrom(us: Unit[], offset: number): number {
  let lo = 0;
  let hi = us.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (us[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spanOverlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Start and end offsets packed into one number (exact below 2^53: texts are far shorter than 2^26). */
const SPAN_BASE = 2 ** 26;

/**
 * Spans sorted by start with the running maximum of their ends, so the spans overlapping a query
 * are found by a binary search and a short walk back instead of a pass over all of them.
 */
class SpanIndex<T extends { start: number; end: number }> {
  private readonly spans: T[];
  private readonly maxEnd: number[];

  constructor(spans: readonly T[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const s of this.spans) {
      if (s.end > max) max = s.end;
      this.maxEnd.push(max);
    }
  }

  /** True when a span overlapping `q` satisfies `test`. */
  some(q: { start: number; end: number }, test: (s: T) => boolean): boolean {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < q.end) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && this.maxEnd[j] > q.start; j--) {
      const s = this.spans[j];
      if (s.end > q.start && test(s)) return true;
    }
    return false;
  }
}

function findMatches(g: Gazetteer, us: Unit[], names: NameMention[]): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    if (!u.cap) continue;
    // a title opens a place's name only as part of the whole name: "Queen Anne's County", "King
    // County", "Prince George's County", never "Queen" or "King" alone
    const titled = TITLES.has(u.key);
    const max = spanOf(g, u);
    // spans are counted from a key's first word: a hyphen part's firstWord may hold a space (a
    // token's firstWord is that first word already)
    const longest = u.words === 1 || u.type !== null ? max : g.maxWords(u.key.slice(0, u.key.indexOf(' ')));
    let found: Match | null = null;
    let key = '';
    const keys: string[] = [];
    let words = 0;
    for (let j = i; j < us.length && j < i + max + 1 && us[j].sentence === u.sentence; j++) {
      const w = us[j];
      if (j > i && !w.cap && !NAME_PARTICLES.has(w.key) && !isElided(w.text)) break;
      if (!hasLetterOrDigit(w.text)) break;
      // no gazetteer key starting with this word has more words (in any of its written forms)
      words += w.words;
      if (words > longest) break;
      key = j === i ? w.key : key + ' ' + w.key;
      keys.push(key);
    }
    for (let n = keys.length; n >= (titled ? 2 : 1) && !found; n--) {
      const last = us[i + n - 1];
      if (!last.cap && !isElided(last.text)) continue;
      const k = keys[n - 1];
      // names written with dots or capitals sit under their own keys ("U.S.", "Washington D.C.", "DRC")
      let dotted = false;
      let capitals = false;
      for (let j = i; j < i + n; j++) {
        if (us[j].dotted) dotted = true;
        else if (us[j].abbr) capitals = true;
      }
      let cands: readonly Place[] = dotted ? g.lookup('.' + k) : NO_PLACES;
      // "St. Petersburg" is also the city written "Saint Petersburg"
      if (cands.length > 0 && !capitals && n > 1) {
        const plain = g.lookup(k);
        if (plain.length > 0) cands = [...cands, ...plain.filter((p) => !cands.includes(p))];
      }
      if (cands.length === 0 && capitals) cands = g.lookup('=' + k);
      let viaAbbreviation = cands.length > 0;
      // "HIV", "UN", "II": short capitals are acronyms, and match only a place's own abbreviation
      if (cands.length === 0 && !(n === 1 && u.allCaps && u.text.replace(/\./g, '').length <= 3)) cands = n === 1 ? candidatesOf(g, u) : g.lookup(k);
      if (cands.length === 0) continue;
      if (!viaAbbreviation && dotted && n === 1 && u.text.includes('.')) viaAbbreviation = true;
      found = { from: i, to: i + n, start: u.start, end: last.end, key: k, candidates: cands, rule: viaAbbreviation ? 'gazetteer-abbreviation' : 'gazetteer', containers: [], near: false, chosen: null, cueCountry: undefined, direction: undefined, ranked: undefined };
    }
    if (found) {
      matches.push(found);
      i = found.to - 1;
    }
  }
  void names;
  return matches;
}

const LOC_STRIP = /^(?:the)\s+/i;

/**
 * Its parts are functions of their own: a branch the optimiser has not yet seen taken deoptimises
 * only the part it is in, and each part is recompiled alone (the whole, compiled as one function,
 * cost a second of compile time per recompile and fell back to the interpreter for the rest of
 * the document at each such branch).
 */
export function recognise(doc: Document, results: Extraction, g: Gazetteer): { us: Unit[]; matches: Match[] } {
  const us = units(doc, results.tokens, g);
  const names = results.names;
  const raw = findMatches(g, us, names);
  const per = names.filter((n) => n.type === 'PER');
  const loc = names.filter((n) => n.type === 'LOC');
  const perIndex = new SpanIndex(per);
  const actorIndex = new SpanIndex(results.actors);
  const people = personWordsOf(us, per, g);
  const kept = screenMatches(doc, results, g, us, raw, loc, perIndex, actorIndex, people);
  if (names.length > 0) {
    addTaggerLocations(us, kept, loc, perIndex, actorIndex, people.personWords, g, doc.language === 'fr');
    kept.sort((a, b) => a.start - b.start);
  }
  addPlacedByContext(us, kept, doc.language === 'fr', people.personWords, g);
  kept.sort((a, b) => a.start - b.start);
  return { us, matches: kept };
}

interface PersonWords {
  /** words the text uses in a person's name: after a given name or a title, or in a PER name */
  personWords: Set<string>;
  /** speakers' names: the word before "said" */
  surnameWords: Set<string>;
}

/** The keys of `matches` of three letters or more that the text also writes in lower case. */
function keysSeenLower(us: Unit[], matches: Match[]): Set<string> {
  // only the matches' keys are asked for: a look-up per word, not a set of every word
  const asked = new Set<string>();
  for (const m of matches) if (m.key.length > 2) asked.add(m.key);
  const seen = new Set<string>();
  for (const u of us) if (!u.cap && asked.has(u.key)) seen.add(u.key);
  return seen;
}

/** Surnames: the word after a given name or a title, or before "said". */
function personWordsOf(us: Unit[], per: NameMention[], g: Gazetteer): PersonWords {
  const personWords = new Set<string>();
  const surnameWords = new Set<string>();
  for (let i = 1; i < us.length; i++) {
    const u = us[i];
    if (!u.cap || u.sentence !== us[i - 1].sentence) continue;
    const p = us[i - 1];
    const initial = p.text === '.' && i >= 2 && us[i - 2].cap && us[i - 2].text.length === 1 && us[i - 2].end === p.start;
    if (initial || (p.cap && (flagsOf(g, p).firstName || TITLES.has(p.key)) && !flagsOf(g, u).firstName && !(p.key === 'saint'))) personWords.add(u.key);
    // "Bell said": a speaker, unless the name is a country's or a city's ("Moscow said")
    const n = i + 1 < us.length ? us[i + 1] : undefined;
    if (n && n.sentence === u.sentence && SPEECH.has(n.key) && !LOCATIVE.has(p.key)) surnameWords.add(u.key);
  }
  for (const p of per) {
    const words = p.text.split(/\s+/);
    // "North Texas", "Downtown Greer", "Metro Nashville": the tagger's slip on a part of a place,
    // which says nothing of a person
    // and "Le Mali", "The Hague": an article opening the span says nothing of a person either
    if (AREA_PREFIXES.has(unitKey(words[0])) || ARTICLES.has(unitKey(words[0]))) continue;
    for (const w of words.slice(1)) personWords.add(unitKey(w));
  }
  return { personWords, surnameWords };
}

/** The gazetteer's matches that pass the filters for persons, organisations, common words and the like. */
function screenMatches(doc: Document, results: Extraction, g: Gazetteer, us: Unit[], raw: Match[], loc: NameMention[], perIndex: SpanIndex<NameMention>, actorIndex: SpanIndex<ActorMention>, people: PersonWords): Match[] {
  const french = doc.language === 'fr';
  const tagged = results.names.length > 0;
  const { personWords, surnameWords } = people;
  // looked up once per gazetteer match: exact LOC spans by position, PER names and actors by overlap
  const locSpans = new Set<number>();
  for (const l of loc) locSpans.add(l.start * SPAN_BASE + l.end);
  // the match keys the text also writes in lower case: worked out on first need
  let lowerKeys: Set<string> | null = null;
  const seenLower = (key: string): boolean => {
    if (!lowerKeys) lowerKeys = keysSeenLower(us, raw);
    return lowerKeys.has(key);
  };
  // countries the text names outright, or through a demonym or a capital-free unambiguous city
  const namedCountries = new Set<string>();
  for (const m of raw) {
    const c = m.candidates[0];
    if (c.kind === 'country' || (m.candidates.length === 1 && c.population >= 20000)) namedCountries.add(c.country);
  }
  for (const u of us) {
    const cc = u.cap ? demonymOf(g, u) : null;
    if (cc) namedCountries.add(cc);
  }
  const kept: Match[] = [];
  let lastKeptTo = -1;
  /** a word that names a place by itself, not also a common word or a personal name */
  const placey = (u: Unit): boolean => {
    if (candidatesOf(g, u).length === 0) return false;
    const f = flagsOf(g, u);
    return !f.common && !f.firstName && !f.surname;
  };
  for (let mi = 0; mi < raw.length; mi++) {
    const m = raw[mi];
    const first = us[m.from];
    const prev = m.from > 0 ? us[m.from - 1] : undefined;
    const next = m.to < us.length ? us[m.to] : undefined;
    const single = m.to - m.from === 1 && !m.key.includes(' ') && m.rule !== 'gazetteer-abbreviation';
    // "Un attentat-suicide a visé...": a French article is no town named "Un"
    if (french && single && FRENCH.functionWords.has(first.key)) continue;
    const flags = single ? flagsOf(g, first) : { common: false, firstName: false, surname: false };
    // the tagger vouches for the name only when its LOC span is the name itself; a longer span
    // ("Webb Center") is widened or dropped below, and the name inside it passes the filters alone
    const inLoc = tagged && locSpans.has(m.start * SPAN_BASE + m.end);
    // a one-word PER on a country's, region's or large city's name is the tagger's slip ("into Darfur")
    const majorName = m.candidates.some((c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'region' || c.kind === 'continent' || c.population >= 100000);
    const keyFirstName = majorName && g.flags(m.key).firstName;
    // ("Le Mali" is the tagger's person for a sentence-opening article and a country's name)
    const sameName = (p: NameMention): boolean => p.end === m.end && (p.start === m.start || /^(?:the|le|la|les|l['’])\s*$/iu.test(doc.text.slice(p.start, m.start)));
    const inPer = tagged && perIndex.some(m, (p) => !(majorName && sameName(p) && !keyFirstName));
    const prevKey = prev && prev.sentence === first.sentence ? prev.key : '';
    const nextSame = next && next.sentence === first.sentence ? next : undefined;
    const commaAfter = nextSame?.text === ',' || nextSame?.text === '(';
    const locative = (LOCATIVE.has(prevKey) || (french && FRENCH.locative.has(prevKey))) && !(prev?.cap ?? false);
    // a following ", Texas" or "(Sourou)" naming a known area
    // a following "(Toeni, Sourou)" naming any known place, or ", Texas" / ", Ky." naming an area
    const after = m.to + 1 < us.length ? us[m.to + 1] : undefined;
    const afterCands = after?.cap ? [...candidatesOf(g, after), ...(after.dotted ? g.lookup('.' + after.key) : after.abbr ? g.lookup('=' + after.key) : NO_PLACES)] : NO_PLACES;
    // ", in central Mali", ", dans le centre du Mali", ", in the Mopti region": a country or a named
    // area after ", in" (as linkContainers reads it)
    const inArea = commaAfter && (after?.key === 'in' || (french && after?.key === 'dans')) ? pastAreaAdjectives(us, m.to + 2, french) : -1;
    const areaAfterIn = inArea >= 0 && inArea < us.length && us[inArea].cap && (candidatesOf(g, us[inArea]).some((c) => c.kind === 'country') || ADMIN_WORDS.has(us[inArea + 1]?.key ?? ''));
    const containerAfter = nextSame?.text === '(' ? afterCands.length > 0 : areaAfterIn || (commaAfter && afterCands.some((c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'admin2'));
    // "the Djibo-Namssiguia road", "l'axe Fada N'Gourma-Pama": towns a road joins are places
    const route = (doc.text.charCodeAt(m.start - 1) === 45 || doc.text.charCodeAt(m.end) === 45) && onRoute(doc.text, m.start, m.end);
    const supported = inLoc || locative || containerAfter || route;
    const demonym = m.to - m.from === 1 ? demonymOf(g, first) : g.demonym(m.key);

    // inside the name of an armed group, a company or an organisation: "Wagner Group", "Africa Corps",
    // or the group's own name before a plain noun ("Wagner fighters", "Wagner personnel"); a state's
    // forces keep their country ("Mali's army") but not another word of their name ("the Africa Corps")
    const matchText = doc.text.slice(m.start, m.end);
    const stateKind = (a: ActorMention): boolean => a.kind === 'state' || a.kind === 'state-forces' || a.kind === 'government';
    // a seat of power standing for its government ("the White House said", "the Kremlin") is the
    // government, not the namesake village
    const seatOfPower = (a: ActorMention): boolean => a.end === m.end && a.start <= m.start && /^(?:the\s+)?$/i.test(doc.text.slice(a.start, m.start)) && !m.candidates.some((c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'continent' || c.kind === 'region');
    // a person the knowledge base knows by these very words ("the Obama administration"), unless
    // the text places the name ("in Obama, Japan")
    const knownPerson = (a: ActorMention): boolean => a.kind === 'person' && a.start === m.start && a.end === m.end && !locative && !containerAfter;
    if (actorIndex.some(m, (a) => !a.provisional && ((stateKind(a) && seatOfPower(a)) || knownPerson(a) || (!inLoc && (stateKind(a) ? namesActor(a.name, matchText) && !m.candidates.some((c) => c.kind === 'country') : isProperName(a.text) || namesActor(a.name, matchText)))))) {
      if (results.trace) trace(results, { stage: 'places', rule: 'reject-in-actor', message: m.key, span: m });
      continue;
    }
    // "Lake Chad", "Mount Kenya", "Mandara Mountains": a name that says what kind of place it is
    // is no person, whatever a first name inside it suggests to the tagger
    const saysFeature = m.to - m.from > 1 && (FEATURE_HEADS.has(us[m.to - 1].key) || FEATURE_FIRST_WORDS.has(us[m.from].key));
    // "le village de Seytenga" (which the tagger reads as a person's name like "de Gaulle"), "the
    // town of Ansongo": a place noun before "of" names a place whatever the tagger says
    const nounBefore = m.from >= 2 ? us[m.from - 2].key : '';
    // "près de Djibo", "au nord de Kidal": a French nearness word before "de" places the name too
    const frenchDe = french && (prevKey === 'de' || prevKey === 'd' || prevKey === 'du');
    const frenchPlaceNoun = (frenchDe && (FRENCH.placeNouns.has(nounBefore) || FRENCH.near.has(nounBefore))) || (prevKey === 'of' && PLACE_NOUNS.has(nounBefore) && nounBefore !== 'capital' && nounBefore !== 'border');
    // "Borno State", "Gao Region": a name followed by the word for its area is that area, whatever the tagger says
    // "Malam Fatori, Borno State", "X, Niger.": a name the text itself places in an area named with
    // its area word, or in a country that closes the phrase, is a place when the tagger's person is
    // that name exactly (not "Rubio, Cruz and ...", not "Buckley, Jr.", not "X, Mali's president")
    const placedAsIs = (): boolean => {
      const beyond = m.to + 2 < us.length ? us[m.to + 2] : undefined;
      const areaWordAfter = !!beyond && beyond.cap && ADMIN_WORDS.has(beyond.key);
      const countryClosed = afterCands.some((c) => c.kind === 'country') && (beyond === undefined || beyond.text === ',' || beyond.text === '.' || beyond.text === ')' || beyond.text === ';');
      return commaAfter && (areaWordAfter || countryClosed) && perIndex.some(m, (p) => p.start === m.start && p.end === m.end);
    };
    // ("tués samedi à Barsalogho" in a story that names Burkina Faso: a town of the country the text
    // is about, after a word that places, whatever the tagger says)
    // (not a word of a longer name: "from Emberton School", "from Mithi River")
    const placedInNamedCountry = locative && !personWords.has(m.key) && !flags.firstName && !flags.surname && !(nextSame && nextSame.cap && (ORG_WORDS.has(nextSame.key) || FEATURE_HEADS.has(nextSame.key))) && m.candidates.some((c) => namedCountries.has(c.country) && c.kind !== 'feature');
    if (inPer && !inLoc && !saysFeature && !frenchPlaceNoun && !route && !placedInNamedCountry && !placedAsIs() && !(m.candidates.some((c) => c.kind === 'admin1' || c.kind === 'admin2') && namedAsArea(us, m) !== null)) {
      if (results.trace) trace(results, { stage: 'places', rule: 'reject-person', message: m.key, span: m });
      continue;
    }
    if (demonym && !inLoc && m.candidates.every((c) => c.kind !== 'country' && c.kind !== 'admin1')) {
      if (results.trace) trace(results, { stage: 'places', rule: 'reject-demonym', message: m.key, span: m });
      continue;
    }
    // ("killing a Togolese in Gourma-Rharous": a demonym names its country, not a namesake hamlet)
    // ("killing a Togolese", "two Malians": a demonym after an article or a number is a person)
    if (demonym && !inLoc && single && (prevKey === 'a' || prevKey === 'an' || prevKey === 'one' || /^\d/.test(prevKey) || NUMBER_WORDS.has(prevKey))) continue;
    if (demonym && !inLoc) m.candidates = m.candidates.filter((c) => c.kind === 'country' || c.kind === 'admin1');
    if (namesNoPlace(us, m.from, m.to, m.key, perIndex, g)) continue;
    // "Voice of America", "Radio France Internationale", "France 24": a broadcaster's name
    if (insideBroadcaster(doc.text, m.start, m.end)) continue;
    // "North-Western Nigeria", "Southern Sudan": a direction before a place qualifies it, and is
    // a province of its own only in that place's country ("Far North Cameroon", "Northern Ghana")
    if (isDirectionOnly(m.key)) {
      const following = raw[mi + 1];
      if (following && following.from === m.to && us[following.from].sentence === first.sentence && !m.candidates.some((c) => following.candidates.some((d) => d.country === c.country))) {
        if (results.trace) trace(results, { stage: 'places', rule: 'reject-direction', message: m.key, span: m });
        continue;
      }
    }
    // "Western Sydney", "Southern Gao": a direction word before the name is no given name or
    // other word of a longer name
    const directionBefore = !!prev && prev.cap && prev.sentence === first.sentence && DIRECTION_WORDS.has(prevKey);
    // a title before the name makes it a person: "President Kenyatta", "Sheriff Anderson""
    if (prev && prev.sentence === first.sentence && prev.cap && TITLES.has(prevKey)) continue;
    // a currency: "US$460"
    if (nextSame && nextSame.start === m.end && (nextSame.text === '$' || nextSame.text === '€' || nextSame.text === '£')) continue;
    if (flags.firstName && !inLoc) {
      // "Beverly Ochieng", "Vladimir Putin": a given name followed by a surname
      if (nextSame && nextSame.cap && !placey(nextSame)) continue;
      if (!supported && !(m.candidates.some((c) => c.population >= 100000) && !first.initial)) continue;
    }
    if (flags.surname && !inLoc && !supported) {
      if (prev && prev.cap && prev.sentence === first.sentence && !first.initial && !directionBefore) continue; // "Andrew Jackson"
      if (nextSame && (nextSame.key === 'said' || nextSame.key === 'says' || nextSame.key === 'told' || nextSame.key === 'added')) continue;
    }
    if (flags.common) {
      // "Mission accomplished", "in March": a common word is a place only when the text names its container
      if (first.initial || !containerAfter || seenLower(m.key)) continue;
    }
    if (single && TITLES.has(m.key)) continue;
    // "National Park", "Central Bank": every word common, and only small namesakes
    if (!single && !inLoc && !containerAfter && m.rule !== 'gazetteer-abbreviation' && m.candidates.every((c) => (c.kind === 'city' || c.kind === 'village' || c.kind === 'feature') && c.population < 20000)) {
      let allCommon = true;
      for (let j = m.from; j < m.to && allCommon; j++) if (!NAME_PARTICLES.has(us[j].key) && !flagsOf(g, us[j]).common) allCommon = false;
      if (allCommon) continue;
    }
    // "the White House": an institution named after a small namesake place; "the Adrar des
    // Ifoghas", "the Ennedi Plateau": a landform of several words takes the article as a matter of course
    const landform = !single && m.candidates.some((c) => c.kind === 'feature' && LANDFORMS.has(c.fcode));
    if (prevKey === 'the' && !prev!.cap && !inLoc && !containerAfter && !landform && !route && m.candidates.every((c) => (c.kind === 'village' || c.kind === 'city' || c.kind === 'feature') && c.population < 50000)) continue;
    const major = m.candidates.some((c) => c.kind === 'country' || c.kind === 'admin1' || c.kind === 'continent' || c.kind === 'region' || ((c.kind === 'city' || c.kind === 'village') && c.population >= 100000));
    // a name this text also uses for a person ("Barack Obama ... Obama said")
    if (single && personWords.has(m.key) && !containerAfter && !frenchPlaceNoun) continue;
    if (single && surnameWords.has(m.key) && !major && !inLoc && !containerAfter && !locative) continue;
    // one word inside a longer capitalised name ("European Union", "Jones Street"): not a place by itself
    if (single && !inLoc && !major && !containerAfter && !route) {
      const prevCap = prev && prev.cap && prev.sentence === first.sentence && !first.initial && !NAME_PARTICLES.has(prevKey) && lastKeptTo !== m.from && !directionBefore;
      const nextCap = nextSame && nextSame.cap && !placey(nextSame) && !ORG_WORDS.has(nextSame.key);
      if (prevCap || nextCap) continue;
      // a small place named by a bare word with nothing around it that says place
      if (!locative && !first.initial && m.candidates.every((c) => c.population < 20000 || c.kind === 'feature')) {
        // unless it lies in a country the text names ("left Gao for Menaka" in a text about Mali)
        // and is the only place of that name there
        const inNamedCountry = m.candidates.some((c) => namedCountries.has(c.country) && m.candidates.filter((d) => d.country === c.country && d.kind !== 'feature').length === 1);
        if (!inNamedCountry && !(nextSame && ORG_WORDS.has(nextSame.key))) continue;
      }
    }
    if (first.initial && !inLoc && single && seenLower(m.key)) continue;
    // a capitalised word glued to a preceding name ("John Paris", "Kenya Airways" handled by the tagger)
    if (!inLoc && prev && prev.cap && prev.sentence === first.sentence && !first.initial && !NAME_PARTICLES.has(prevKey) && candidatesOf(g, prev).length === 0 && (flags.surname || flags.firstName)) continue;
    // an all-capitals headline word that is common ("NEW", "MISSION")
    if (first.allCaps && single && flags.common) continue;
    // "an Albany police SWAT team", "FEMA said": an acronym in running text, not a place written in
    // capitals (a headline's or a dateline's words stand in a capitalised run or open the sentence)
    if (first.allCaps && single && !inLoc && !first.initial && m.rule !== 'gazetteer-abbreviation' && first.text.length >= 3 && nextSame && !nextSame.cap && hasLetterOrDigit(nextSame.text) && !(prev && prev.allCaps && prev.sentence === first.sentence)) continue;
    m.near = NEAR_WORDS.has(prevKey) || (prevKey === 'of' && NEAR_WORDS.has(us[m.from - 2]?.key ?? '')) || (french && (prevKey === 'de' || prevKey === 'du' || prevKey === 'd') && FRENCH.near.has(us[m.from - 2]?.key ?? ''));
    m.cueCountry = demonymCue(us, m.from, g);
    kept.push(m);
    lastKeptTo = m.to;
  }
  return kept;
}

/**
 * LOC spans from the tagger: they widen a gazetteer match they contain ("Main Street", "Neches
 * River"), and where no match falls inside they are linked by their own text; a span the
 * gazetteer does not know stays, unresolved, only when its last word says what it is (a street,
 * a river, a county)
 */
function addTaggerLocations(us: Unit[], kept: Match[], loc: NameMention[], perIndex: SpanIndex<NameMention>, actorIndex: SpanIndex<ActorMention>, personWords: Set<string>, g: Gazetteer, french = false): void {
  for (const l of loc) {
    const text = l.text.replace(LOC_STRIP, '');
    // built by push: a map-then-filter chain here deoptimised the whole function again and again
    const words: string[] = [];
    for (const w of text.split(/\s+/)) {
      const k = unitKey(w);
      if (k) words.push(k);
    }
    const key = words.join(' ');
    if (!key || g.demonym(key)) continue;
    const from = firstUnitFrom(us, l.start);
    if (from >= us.length) continue;
    let to = from;
    while (to < us.length && us[to].end <= l.end) to++;
    const cands = g.lookup(key);
    const head = words[words.length - 1];
    // the first kept match overlapping the span, and whether it is the only one
    let m: Match | null = null;
    let overlapping = 0;
    for (let k = 0; k < kept.length && overlapping < 2; k++) {
      if (!spanOverlaps(kept[k], l)) continue;
      if (overlapping === 0) m = kept[k];
      overlapping++;
    }
    if (m !== null) {
      if (overlapping === 1 && m.start >= l.start && m.end <= l.end && (m.start > l.start || m.end < l.end)) {
        if (cands.length > 0) Object.assign(m, { from, to, start: l.start, end: l.end, key, candidates: cands, rule: 'tagger-loc' });
        else if (words.length > 1 && FEATURE_HEADS.has(head) && !ADMIN_WORDS.has(head)) Object.assign(m, { from, to, start: l.start, end: l.end, key, candidates: NO_PLACES, rule: 'tagger-loc-unresolved' });
      }
      continue;
    }
    if (cands.length === 0 && !(words.length > 1 && FEATURE_HEADS.has(head))) continue;
    if (words.length === 1) {
      const f = g.flags(key);
      if (f.common || TITLES.has(key) || personWords.has(key) || !isCapitalised(text)) continue;
      if (french && FRENCH.functionWords.has(key)) continue;
    }
    if (namesNoPlace(us, from, to, key, perIndex, g)) continue;
    // the tagger's LOC on a person or a government the knowledge base names by these words
    if (actorIndex.some(l, (a) => !a.provisional && a.start === l.start && a.end === l.end && (a.kind === 'person' || a.kind === 'government'))) continue;
    kept.push({ from, to, start: l.start, end: l.end, key, candidates: cands, rule: cands.length ? 'tagger-loc' : 'tagger-loc-unresolved', containers: [], near: false, chosen: null, cueCountry: undefined, direction: undefined, ranked: undefined });
  }
}

/**
 * A name the gazetteer lacks, placed by the text itself: "near Boulkessi in Mali's Mopti region",
 * "at Kobe, Mopti": kept unresolved, to take its container's area in the run
 */
function addPlacedByContext(us: Unit[], kept: Match[], french: boolean, personWords: Set<string>, g: Gazetteer): void {
  const starts = new Set(kept.map((m) => m.from));
  const covered = new Uint8Array(us.length + 1);
  for (const m of kept) for (let j = m.from; j < m.to; j++) covered[j] = 1;
  for (let i = 1; i + 2 < us.length; i++) {
    const u = us[i];
    if (!u.cap || u.initial || covered[i] === 1 || us[i - 1].cap) continue;
    // "near X", or "the village of X", "the town of X", "the villages of X and Y"
    const placing = PLACING.has(us[i - 1].key) || (us[i - 1].key === 'of' && i >= 2 && (PLACE_NOUNS.has(us[i - 2].key) || PLACE_NOUNS_PLURAL.has(us[i - 2].key)));
    const placingFr = french && (FRENCH.placing.has(us[i - 1].key) || ((us[i - 1].key === 'de' || us[i - 1].key === 'd') && i >= 2 && FRENCH.placeNouns.has(us[i - 2].key)));
    if (!placing && !placingFr) continue;
    const name = /^\p{Lu}[\p{Ll}\p{M}]+$/u;
    if (us[i].sentence !== us[i + 1].sentence || !name.test(u.text)) continue;
    // "the villages of Koulogon and Ogossagou in central Mali": two names share the container
    const pair = (us[i + 1].key === 'and' || us[i + 1].key === 'et') && i + 3 < us.length && us[i + 2].cap && covered[i + 2] === 0 && name.test(us[i + 2].text) && us[i + 2].sentence === u.sentence;
    const at = pair ? i + 3 : i + 1;
    const sep = us[at].text;
    const inWord = sep === 'in' || (french && us[at].key === 'dans');
    if ((sep !== ',' && !inWord && sep !== '(') || !starts.has(inWord ? pastAreaAdjectives(us, at + 1, french) : sep === ',' && french ? pastAreaAdjectives(us, at + 1, true) : at + 1)) continue;
    for (const k of pair ? [i, i + 2] : [i]) {
      const w = us[k];
      const f = flagsOf(g, w);
      if (f.common || f.firstName || personWords.has(w.key) || TITLES.has(w.key) || demonymOf(g, w)) continue;
      kept.push({ from: k, to: k + 1, start: w.start, end: w.end, key: w.key, candidates: NO_PLACES, rule: 'context-unresolved', containers: [], near: NEAR_WORDS.has(us[i - 1].key), chosen: null, cueCountry: undefined, direction: undefined, ranked: undefined });
    }
  }
}

/** "d'Ivoire", "l'Ouest": an elided French particle glued to a capitalised word */
const ELIDED = /^[dl]['’]\p{Lu}/u;

function isElided(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 100 || c === 108) && ELIDED.test(text);
}

const LETTER_OR_DIGIT = /\p{L}|\d/u;

/** `/\p{L}|\d/u.test(text)`, with the ASCII letters and digits settled without the expression. */
function hasLetterOrDigit(text: string): boolean {
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) wide = true;
  }
  return wide && LETTER_OR_DIGIT.test(text);
}

const PLACE_NOUNS_PLURAL = new Set(['villages', 'towns', 'cities', 'localities', 'communes', 'camps', 'districts', 'hamlets', 'settlements']);
const PLACE_NOUNS = new Set(['locality', 'village', 'town', 'city', 'commune', 'region', 'district', 'province', 'camp', 'base', 'area', 'hamlet', 'municipality', 'capital', 'border', 'outpost']);

/** The country of "the Malian locality of X", "the Burkinabe town X": a demonym before a place noun. */
function demonymCue(us: Unit[], from: number, g: Gazetteer): string | undefined {
  let j = from - 1;
  if (us[j]?.key === 'of') j--;
  if (!us[j] || !PLACE_NOUNS.has(us[j].key) || us[j].cap) return undefined;
  const d = us[j - 1];
  if (!d || !d.cap || d.sentence !== us[from].sentence) return undefined;
  return demonymOf(g, d) ?? undefined;
}

/**
 * True when the name after "X," is X's sibling in a list, not its container: a country is listed,
 * not contained ("Canada, the United Kingdom, Spain"), and so is a first-level area followed by
 * another of its kind that the list goes on after ("Kentucky, Louisiana, Michigan").
 */
function inList(us: Unit[], matches: Match[], byFrom: Map<number, number>, i: number): boolean {
  const m = matches[i];
  let j = m.to + 1;
  // "Canada, the United Kingdom", "le Mali, le Burkina Faso et le Niger"
  if (us[j]?.key === 'the' || us[j]?.key === 'le' || us[j]?.key === 'la' || us[j]?.key === 'les' || us[j]?.key === 'l') j++;
  const k = byFrom.get(j);
  if (k === undefined) return false;
  const next = matches[k];
  // "Georgia, United States" still names the state: a country after it that holds its admin1
  // namesake, unless the pair sits in a longer list of countries ("Ghana, Niger, Nigeria and Togo")
  const joined = (a: Match | undefined, b: Match | undefined): boolean => !!a && !!b && b.from - a.to === 1 && (us[a.to].text === ',' || us[a.to].key === 'and');
  const isCountry = (n: Match | undefined): boolean => !!n && n.candidates.some((c) => c.kind === 'country');
  // "Zaire, Bundibugyo, Côte d'Ivoire and Sudan": a country the list goes on after is an item too
  const listGoesOn = isCountry(next) && isCountry(matches[k + 1]) && joined(next, matches[k + 1]);
  if (m.candidates.some((c) => c.kind === 'country' || c.kind === 'continent' || c.kind === 'region')) {
    const longerList = (isCountry(matches[i - 1]) && joined(matches[i - 1], m)) || listGoesOn;
    return longerList || !m.candidates.some((c) => c.kind === 'admin1' && next.candidates.some((o) => o.kind === 'country' && o.country === c.country));
  }
  if (listGoesOn) return true;
  const sameKind = m.candidates.some((c) => c.kind === 'admin1' && simpleKey(c.name) === m.key) && next.candidates.some((c) => c.kind === 'admin1') && !next.candidates.some((c) => c.kind === 'country');
  const after = us[next.to];
  return sameKind && (after?.text === ',' || after?.key === 'and' || us[m.from - 1]?.text === ',');
}

/** first words of a name for a part of a place ("North Texas", "Downtown Greer", "Metro Nashville") */
/** Words of direction that qualify a place's name ("Western Sydney", "North-Western Nigeria"). */
const DIRECTION_WORDS = new Set([...COMPASS_WORDS, 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern']);

/** True for a name made of direction words alone ("north western", "far north", "southern"). */
function isDirectionOnly(key: string): boolean {
  for (const w of key.split(' ')) if (!DIRECTION_WORDS.has(w)) return false;
  return true;
}

const ARTICLES = new Set(['the', 'le', 'la', 'les', 'l']);
const AREA_PREFIXES = new Set([...COMPASS_WORDS, 'northern', 'southern', 'eastern', 'western', 'downtown', 'metro', 'greater', 'upper', 'lower', 'inner', 'outer']);

const AREA_ADJECTIVES = new Set(['central', 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north', 'south', 'east', 'west', 'the']);

/**
 * French context words (keys, so without accents), for documents detected as French: Sahel
 * reporting is as often French as English ("près de Ménaka", "le village de Seytenga, dans la
 * province du Séno"). Used beside the English sets, never instead of them.
 */
const FRENCH = {
  /** before a name: "à Gao", "près de Ménaka", "dans le Soum", "depuis Kidal" */
  locative: new Set(['a', 'au', 'aux', 'dans', 'pres', 'vers', 'depuis', 'entre', 'de', 'du', 'des', 'd', 'en', 'sur', 'chez', 'autour', 'hors']),
  /** before a name the gazetteer may lack, as in "near X" */
  placing: new Set(['a', 'au', 'aux', 'dans', 'pres', 'vers', 'depuis', 'entre']),
  /** "près de", "aux environs de", "au nord de" */
  near: new Set(['pres', 'proximite', 'environs', 'alentours', 'nord', 'sud', 'est', 'ouest']),
  /** "le village de X", "la localité de X" */
  placeNouns: new Set(['village', 'localite', 'ville', 'commune', 'region', 'cercle', 'province', 'departement', 'camp', 'base', 'hameau', 'secteur', 'zone']),
  /** what stands between a name and its container: "X, dans la province du Séno", "X, dans le nord du Mali" */
  areaWords: new Set(['dans', 'la', 'le', 'les', 'l', 'de', 'du', 'des', 'd', 'region', 'province', 'cercle', 'commune', 'departement', 'prefecture', 'centre', 'nord', 'sud', 'est', 'ouest']),
  /** articles and pronouns that open a sentence capitalised ("Un attentat", "La police") and are also a town's name somewhere */
  functionWords: new Set(['un', 'une', 'le', 'la', 'les', 'des', 'du', 'de', 'et', 'en', 'au', 'aux', 'ce', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'on', 'leur', 'leurs', 'son', 'sa', 'ses', 'selon', 'mais', 'par', 'pour', 'sur', 'dans']),
};

/** The first unit from `j` on that is not a lower-case "central", "northern", "the" ...: the container's name. */
function pastAreaAdjectives(us: Unit[], j: number, french = false): number {
  while (j < us.length && !us[j].cap && (AREA_ADJECTIVES.has(us[j].key) || (french && FRENCH.areaWords.has(us[j].key)))) j++;
  // "in the northern province of Yatenga": the area's own word before its name
  if (!french && j + 2 < us.length && !us[j].cap && ADMIN_WORDS.has(us[j].key) && us[j + 1].key === 'of' && us[j + 2].cap) j += 2;
  return j;
}

/** Direction words as the part of an area they name, English and French ("northern", "nord", "centre"). */
const DIRECTION_OF: Record<string, string> = {
  north: 'north', northern: 'north', nord: 'north',
  south: 'south', southern: 'south', sud: 'south',
  east: 'east', eastern: 'east', est: 'east',
  west: 'west', western: 'west', ouest: 'west',
  northeast: 'northeast', northeastern: 'northeast', northwest: 'northwest', northwestern: 'northwest',
  southeast: 'southeast', southeastern: 'southeast', southwest: 'southwest', southwestern: 'southwest',
  central: 'central', centre: 'central', center: 'central',
};

/** The first direction word among the units [from, to): "central" in ", in central Mali". */
function directionBetween(us: Unit[], from: number, to: number): string | undefined {
  for (let j = from; j < to; j++) {
    const d = DIRECTION_OF[us[j].key];
    if (d !== undefined && !us[j].cap) return d;
  }
  return undefined;
}

/** True when `c` lies in the part of `area` a direction names ("northern Burkina Faso": north of its middle). */
function liesToward(direction: string, c: Place, area: Place): boolean {
  if (direction === 'central') return distanceKm(c.lat, c.lon, area.lat, area.lon) < 300;
  const north = c.lat > area.lat;
  const east = c.lon > area.lon;
  switch (direction) {
    case 'north': return north;
    case 'south': return !north;
    case 'east': return east;
    case 'west': return !east;
    case 'northeast': return north && east;
    case 'northwest': return north && !east;
    case 'southeast': return !north && east;
    case 'southwest': return !north && !east;
    default: return false;
  }
}

/** Links "X, Y", "X (Y, Z)", "Y's X" and "X in Y" ("X dans Y") so the container's candidates constrain X's. */
function linkContainers(us: Unit[], matches: Match[], french: boolean): void {
  const byFrom = new Map<number, number>();
  matches.forEach((m, i) => byFrom.set(m.from, i));
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    let j = m.to;
    const sep = us[j]?.text;
    if ((sep === ',' && !inList(us, matches, byFrom, i)) || sep === '(') {
      // a chain of containers: "Seme (Toeni, Sourou)", "Mopti, central Mali"
      j++;
      for (let hops = 0; hops < 3 && j < us.length; hops++) {
        const before = j;
        j = pastAreaAdjectives(us, j, french);
        const k = byFrom.get(j);
        if (k === undefined) break;
        if (hops === 0) m.direction ??= directionBetween(us, before, j);
        m.containers.push(k);
        j = matches[k].to;
        while (j < us.length && ADMIN_WORDS.has(us[j].key)) j++;
        if (us[j]?.text === ',' || us[j]?.text === ')') j++;
        else break;
      }
    }
    // "X in Y", "X in central Y", and "X in Y's Z region" where Z is the nearer container
    if (us[m.to]?.key === 'in' || (french && us[m.to]?.key === 'dans')) {
      const at = pastAreaAdjectives(us, m.to + 1, french);
      const k = byFrom.get(at);
      if (k !== undefined) {
        m.direction ??= directionBetween(us, m.to + 1, at);
        m.containers.push(k);
        const after = matches[k].to;
        const z = us[after]?.key === 's' ? byFrom.get(after + 1) : undefined;
        if (z !== undefined) m.containers.push(z);
      }
    }
    // "Moura, in the Mopti region", "Boni, in central Mali": a container after ", in" when the text
    // says it is an area or it is a country, and not in a list of places ("in Gao, in Kidal and
    // in Menaka", "in Niger, in Mali")
    if (!french && sep === ',' && us[m.to + 1]?.key === 'in' && !m.candidates.some((c) => c.kind === 'country' || c.kind === 'continent' || c.kind === 'region')) {
      const at = pastAreaAdjectives(us, m.to + 2);
      const k = byFrom.get(at);
      const y = k === undefined ? undefined : matches[k];
      if (k !== undefined && y !== undefined && !m.containers.includes(k)) {
        const namedArea = ADMIN_WORDS.has(us[y.to]?.key ?? '') || (us[at - 1]?.key === 'of' && ADMIN_WORDS.has(us[at - 2]?.key ?? ''));
        const country = y.candidates.some((c) => c.kind === 'country' && simpleKey(c.name) === y.key);
        const listGoesOn = us[y.to]?.key === 'and' || (us[y.to]?.text === ',' && us[y.to + 1]?.key === 'in');
        if (namedArea || (country && !listGoesOn)) {
          m.direction ??= directionBetween(us, m.to + 2, at);
          m.containers.push(k);
        }
      }
    }
    // "Y's X": "Mali's Mopti region"
    if (us[m.to]?.key === 's' || us[m.to]?.text === "'s" || us[m.to]?.text === '’s') {
      const k = byFrom.get(m.to + 1);
      if (k !== undefined) matches[k].containers.push(i);
    }
  }
  // "the villages of Koulogon and Ogossagou in central Mali": a village the gazetteer lacks shares
  // the container of the one it is coordinated with
  for (let i = matches.length - 2; i >= 0; i--) {
    const m = matches[i];
    if (m.rule !== 'context-unresolved' || m.containers.length > 0 || (us[m.to]?.key !== 'and' && us[m.to]?.key !== 'et')) continue;
    const k = byFrom.get(m.to + 1);
    if (k !== undefined && matches[k].rule === 'context-unresolved') m.containers.push(...matches[k].containers);
  }
}

function baseScore(c: Place, m: Match): number {
  let s = KIND_BONUS[c.kind] + Math.log10(c.population + 10) * 0.6;
  if (c.fcode === 'PPLC') s += 1.5;
  else if (c.fcode === 'PPLA') s += 0.6;
  if (m.rule.startsWith('tagger') && c.kind === 'feature') s -= 0.5;
  return s;
}

/**
 * What the document's names point to, summed once per pass: weight per country and per admin1
 * area, the same per name (so a name's own votes can be taken back out), and the distinct towns,
 * so scoring a candidate costs a few hash lookups whatever the length of the document.
 */
interface Votes extends Tally {
  /** by name key, the weights that name gave */
  own: Map<string, Tally>;
  /** towns and small areas chosen, with the names that chose them */
  points: { place: Place; keys: Set<string> }[];
}

/** Weights per country, and per admin1 code within a country (nested rather than keyed by a joined
 * string, so scoring a candidate builds no string). */
interface Tally {
  country: Map<string, number>;
  admin1: Map<string, Map<string, number>>;
}

function tally(): Tally {
  return { country: new Map(), admin1: new Map() };
}

function addVote(t: Tally, c: Place, w: number): void {
  t.country.set(c.country, (t.country.get(c.country) ?? 0) + w);
  if (c.kind !== 'country') {
    let a = t.admin1.get(c.country);
    if (!a) t.admin1.set(c.country, (a = new Map()));
    a.set(c.admin1Code, (a.get(c.admin1Code) ?? 0) + w);
  }
}

/** The most `support` can add: country 2 + 5 x 0.6, admin1 1.5 + 4 x 0.4, nearness 1.5, area link 3.5. */
const MAX_SUPPORT = 5 + 3.1 + 1.5 + 3.5;
const MAX_POINTS = 200;

/**
 * Second-level areas and the towns inside them that different names of one document could be:
 * "Walker County" and "Huntsville" are each ambiguous, but only in Texas does the one hold the
 * other. By `country.admin1.admin2` code, the keys of the names with such a candidate.
 */
interface AreaLinks {
  areas: Map<string, Set<string>>;
  towns: Map<string, Set<string>>;
}

function admin2Key(c: Place): string {
  return c.country + '.' + c.admin1Code + '.' + c.admin2Code;
}

/** What candidate `c` of the name `key` can be in such a pair: a second-level area, named in full
 * ("Washington County", not "Washington"), a town, or neither. */
function linkRole(c: Place, key: string): 'area' | 'town' | null {
  if (!c.admin2Code) return null;
  if (c.kind === 'admin2' && c.fcode === 'ADM2') return simpleKey(c.name) === key ? 'area' : null;
  return c.kind === 'city' || c.kind === 'village' ? 'town' : null;
}

function areaLinks(matches: Match[]): AreaLinks {
  const links: AreaLinks = { areas: new Map(), towns: new Map() };
  for (const m of matches) {
    for (const c of m.candidates) {
      const role = linkRole(c, m.key);
      if (role === null) continue;
      const into = role === 'area' ? links.areas : links.towns;
      const code = admin2Key(c);
      let keys = into.get(code);
      if (!keys) into.set(code, (keys = new Set()));
      keys.add(m.key);
    }
  }
  return links;
}

/** True when a name other than `key` could be the area holding town `c`, or a town inside area `c`. */
function linkedByArea(c: Place, key: string, links: AreaLinks): boolean {
  const role = linkRole(c, key);
  if (role === null) return false;
  const keys = (role === 'area' ? links.towns : links.areas).get(admin2Key(c));
  return !!keys && (keys.size > 1 || !keys.has(key));
}

/** Country and admin1 support for `c` from the other names' choices (a name never votes for itself). */
function support(c: Place, key: string, votes: Votes, extra: Map<string, number>, links: AreaLinks): number {
  const own = votes.own.get(key);
  const country = (extra.get(c.country) ?? 0) + (votes.country.get(c.country) ?? 0) - (own?.country.get(c.country) ?? 0);
  const admin1 = (votes.admin1.get(c.country)?.get(c.admin1Code) ?? 0) - (own?.admin1.get(c.country)?.get(c.admin1Code) ?? 0);
  let near = false;
  if (c.kind === 'city' || c.kind === 'village' || c.kind === 'admin2' || c.kind === 'feature') {
    for (const { place: p, keys } of votes.points) {
      if (p.country !== c.country || p.index === c.index || (keys.size === 1 && keys.has(key))) continue;
      if (distanceKm(p.lat, p.lon, c.lat, c.lon) < 150) {
        near = true;
        break;
      }
    }
  }
  let s = 0;
  if (country > 1e-9) s += 2 + Math.min(country, 5) * 0.6;
  if (admin1 > 1e-9 && c.kind !== 'country' && c.kind !== 'admin1') s += 1.5 + Math.min(admin1, 4) * 0.4;
  if (near) s += 1.5;
  // outweighs the admin1 and nearness support the other reading of the pair gets (3.2), so two
  // names that fit only together do not flip between passes
  if (linkedByArea(c, key, links)) s += 3.5;
  return s;
}

/** simpleKey by name: asked for the same gazetteer names in every document. Bounded for long streams. */
const SIMPLE_KEYS = new Map<string, string>();

function simpleKey(name: string): string {
  let key = SIMPLE_KEYS.get(name);
  if (key === undefined) {
    if (SIMPLE_KEYS.size >= 50_000) SIMPLE_KEYS.clear();
    key = name
      .split(/[\s]+/)
      .map((w) => unitKey(w))
      .filter(Boolean)
      .join(' ');
    SIMPLE_KEYS.set(name, key);
  }
  return key;
}

/** True when a neighbour in a list ("Utah, Washington and Wisconsin") is a first-level area. */
function listedWithAreas(us: Unit[], matches: Match[], i: number): boolean {
  const isArea = (n: Match | undefined): boolean => !!n && n.candidates.some((c) => c.kind === 'admin1' && simpleKey(c.name) === n.key);
  const joins = (from: number, to: number): boolean => to - from === 1 && (us[from].text === ',' || us[from].key === 'and' || us[from].key === 'or');
  const prev = matches[i - 1];
  const next = matches[i + 1];
  return (isArea(prev) && joins(prev.to, matches[i].from)) || (isArea(next) && joins(matches[i].to, next.from));
}

/**
 * True when the sentence names another area of the same level and country ("twelve in Ontario,
 * eight in Alberta ... and one in Quebec"): areas are named beside their siblings, so the name is
 * the area rather than the town that is its seat.
 */
function siblingAreaNamed(us: Unit[], matches: Match[], i: number, area: Place): boolean {
  const sentence = us[matches[i].from].sentence;
  for (let j = 0; j < matches.length; j++) {
    const n = matches[j];
    if (j === i || us[n.from].sentence !== sentence || n.key === matches[i].key) continue;
    const sibling = (c: Place): boolean => c.kind === area.kind && c.country === area.country && (c.admin1Code !== area.admin1Code || (area.kind === 'admin2' && c.admin2Code !== area.admin2Code));
    // a sibling that is itself a town's name too ("São Paulo and Rio de Janeiro") says nothing
    const townToo = n.candidates.some((c) => (c.kind === 'city' || c.kind === 'village') && c.country === area.country && simpleKey(c.name) === n.key);
    if (!townToo && (n.chosen ? sibling(n.chosen) : n.candidates.some((c) => sibling(c) && simpleKey(c.name) === n.key))) return true;
  }
  return false;
}

/**
 * True when the name stands beside a country as its equal: in a list ("Mali, Niger and Senegal",
 * "between Mali and Niger") or as the other end of a move ("from Mali into Niger").
 */
function pairedWithCountry(us: Unit[], matches: Match[], i: number): boolean {
  const isCountry = (n: Match | undefined): boolean => !!n && (n.chosen ? n.chosen.kind === 'country' : n.candidates.some((c) => c.kind === 'country' && simpleKey(c.name) === n.key));
  const joins = (from: number, to: number): boolean => to - from === 1 && (us[from].text === ',' || us[from].key === 'and' || us[from].key === 'or');
  const prev = matches[i - 1];
  const next = matches[i + 1];
  const m = matches[i];
  if (isCountry(prev) && joins(prev.to, m.from)) return true;
  if (isCountry(next) && joins(m.to, next.from)) return true;
  // "from Mali into Niger", "from Niger to Mali"
  const move = (a: Match, b: Match): boolean => us[a.from - 1]?.key === 'from' && b.from - a.to === 1 && (us[a.to].key === 'to' || us[a.to].key === 'into');
  return (isCountry(prev) && move(prev, m)) || (isCountry(next) && move(m, next));
}

/** Words for a first-level area; the other ADMIN_WORDS may name either level, by country (a
 * province is Canada's first level and Burkina Faso's second: "Soum Province"). */
const FIRST_LEVEL_WORDS = new Set(['region', 'state', 'governorate', 'oblast', 'territory']);

/**
 * "Niger State", "Gao Region", "Laikipia County": the capitalised word after the name says which
 * area it is, or null. "Columbia State" is a college: a word for a first-level area counts only
 * for a first-level candidate.
 */
function namedAsArea(us: Unit[], m: Match): ((c: Place) => boolean) | null {
  // no read past the end: it would deoptimise every caller this is inlined into
  const after = m.to < us.length ? us[m.to] : undefined;
  // ("the Mopti region", "Borno state": news writes the area's word in lower case too, but "the
  // Charlotte region" is a city's surroundings: in lower case the word counts only where it is
  // part of the area's own name, "Mopti Region", and not after a region of the world, "the Sahel region")
  if (after && !after.cap && FIRST_LEVEL_WORDS.has(after.key) && !m.candidates.some((c) => c.kind === 'region' || c.kind === 'continent')) {
    const named = `${m.key} ${after.key}`;
    return (c) => c.kind === 'admin1' && simpleKey(c.name) === named;
  }
  let word = after && after.cap && ADMIN_WORDS.has(after.key) ? after.key : '';
  // "the province of Ontario", "la province du Séno", "le cercle de Bankass": the word before
  if (!word && m.from >= 2) {
    const link = us[m.from - 1].key;
    const before = us[m.from - 2];
    if ((link === 'of' || link === 'de' || link === 'du' || link === 'd') && !before.cap && (ADMIN_WORDS.has(before.key) || before.key === 'departement')) word = before.key;
  }
  if (!word) return null;
  return FIRST_LEVEL_WORDS.has(word) ? (c) => c.kind === 'admin1' : (c) => c.kind === 'admin1' || c.kind === 'admin2';
}

/**
 * The countries and first-level areas each sentence names outright (as chosen in the previous
 * pass), with the names that chose them: a roundup of several countries or states ("In Chile, ...
 * The Institute of Public Health in Santiago ...", "swans in Michigan ... in Monroe County") is
 * read sentence by sentence, where the document's votes are spread over all of them.
 */
function areasBySentence(us: Unit[], matches: Match[]): Map<number, NamedArea[]> {
  const out = new Map<number, NamedArea[]>();
  for (const m of matches) {
    const c = m.chosen;
    if (!c || (c.kind !== 'country' && c.kind !== 'admin1')) continue;
    const sentence = us[m.from].sentence;
    let list = out.get(sentence);
    if (!list) out.set(sentence, (list = []));
    list.push({ country: c.country, admin1: c.kind === 'admin1' ? c.admin1Code : null, key: m.key });
  }
  return out;
}

interface NamedArea {
  country: string;
  /** the first-level area's code, or null for a country */
  admin1: string | null;
  key: string;
}

/** True when this sentence or the one before names, by another name, a country or first-level area holding `c`. */
function nearbyArea(nearby: Map<number, NamedArea[]>, sentence: number, c: Place, key: string): boolean {
  for (let s = sentence - 1; s <= sentence; s++) {
    const list = nearby.get(s);
    if (list) for (const e of list) if (e.country === c.country && e.key !== key && (e.admin1 === null || (c.kind !== 'admin1' && e.admin1 === c.admin1Code))) return true;
  }
  return false;
}

const NEARBY_BONUS = 2;

/** `containers`: the indexes of matches that contain another (the same in every pass). */
function choose(us: Unit[], matches: Match[], votes: Votes | null, extra: Map<string, number>, containers: Set<number>, links: AreaLinks): void {
  const nearby = votes ? areasBySentence(us, matches) : null;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m.candidates.length === 0) continue;
    let best: Place | null = null;
    let bestScore = -Infinity;
    const saysArea = /\b(region|province|county|parish|state|district|department|prefecture|cercle|governorate)\b/.test(m.key);
    const areaAfter = namedAsArea(us, m);
    if (!m.ranked) {
      // base scores once per name, best first, so the context bonuses below can stop early
      m.ranked = m.candidates
        .map((c) => {
          let s = baseScore(c, m);
          // an admin area reached through its short name ("Laurel" for Laurel County) is a weaker reading
          if ((c.kind === 'admin2' || c.kind === 'admin1') && !saysArea && simpleKey(c.name) !== m.key) s -= 1.5;
          return { c, s };
        })
        .sort((a, b) => b.s - a.s);
    }
    const maxBonus = 9 * m.containers.length + (m.cueCountry ? 8 : 0) + (areaAfter && m.candidates.some(areaAfter) ? 8 : 0) + (votes ? MAX_SUPPORT + NEARBY_BONUS : 0);
    const sentence = us[m.from].sentence;
    // a country's, a capital's or a state's name is not taken from it by an area named nearby ("the
    // United States, Lebanon and Egypt", "Cairo", "Michigan and Wyoming"): lists are where they sit
    // side by side
    const eminent = m.candidates.some((c) => c.kind === 'country' || c.fcode === 'PPLC' || (c.kind === 'admin1' && simpleKey(c.name) === m.key));
    for (const { c, s: base } of m.ranked) {
      if (base + maxBonus <= bestScore) break;
      let s = base;
      for (const k of m.containers) {
        const outer = matches[k];
        const cands = outer.chosen && votes ? [outer.chosen] : outer.candidates;
        const holder = cands.find((o) => contains(o, c));
        if (holder === undefined) continue;
        s += 8;
        // of namesakes inside the area, the one in the part the text names ("in central Mali")
        if (m.direction !== undefined && liesToward(m.direction, c, holder)) s += 1;
      }
      if (m.cueCountry && c.country === m.cueCountry) s += 8;
      if (areaAfter?.(c)) s += 8;
      if (votes) s += support(c, m.key, votes, extra, links);
      if (nearby && c.kind !== 'country' && (!eminent || c.fcode === 'PPLC') && nearbyArea(nearby, sentence, c, m.key)) s += NEARBY_BONUS;
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    // "the Sahel" is the region, not Burkina Faso's Sahel Region, unless the text ties it to a
    // country; a region inside one country competes with its namesakes on the scores above
    if (best && best.kind !== 'region' && best.kind !== 'continent' && m.containers.length === 0 && !m.cueCountry && !saysArea) {
      const region = m.candidates.find((c) => (c.kind === 'region' && !c.country) || c.kind === 'continent');
      if (region && best.kind !== 'country') best = region;
    }
    // a town and the admin area named after it ("Paris", "Tombouctou", "Ségou"): the town, unless
    // the text says area; for a first-level area only when the town is its seat
    if (best && (best.kind === 'admin2' || best.kind === 'admin1') && !saysArea && !areaAfter && !(us[m.to]?.key && ADMIN_WORDS.has(us[m.to].key)) && !siblingAreaNamed(us, matches, i, best)) {
      const area = best;
      const town = m.candidates.find((c) => (c.kind === 'city' || c.kind === 'village') && c.country === area.country && c.admin1Code === area.admin1Code && contains(area, c) && (area.kind === 'admin2' || /^PPL(A|C)$/.test(c.fcode)));
      if (town) best = town;
    }
    // a first-level area and its country's capital of the same name ("Washington", "Buenos Aires"):
    // news means the capital unless the text says area or uses the name as a container ("Seattle,
    // Washington")
    const stateOf = us[m.from - 1]?.key === 'of' && ADMIN_WORDS.has(us[m.from - 2]?.key ?? '');
    if (best && best.kind === 'admin1' && !saysArea && !stateOf && !(us[m.to]?.key && ADMIN_WORDS.has(us[m.to].key)) && !containers.has(i) && m.containers.length === 0 && !listedWithAreas(us, matches, i)) {
      const area = best;
      const capital = m.candidates.find((c) => c.fcode === 'PPLC' && c.country === area.country);
      if (capital) best = capital;
    }
    // a country and another country's first-level area of the same name ("Niger" and Nigeria's
    // Niger State): beside other countries the name is the country, whatever else the text names
    if (best && best.kind === 'admin1' && !saysArea && !stateOf && !(us[m.to]?.key && ADMIN_WORDS.has(us[m.to].key)) && !containers.has(i) && m.containers.length === 0 && m.cueCountry !== best.country && pairedWithCountry(us, matches, i)) {
      const country = m.candidates.find((c) => c.kind === 'country' && simpleKey(c.name) === m.key);
      if (country) best = country;
    }
    m.chosen = best;
  }
}

/** The most specific place among the containers' choices and `also`, first in that order on a tie. */
function mostSpecificArea(matches: Match[], containers: number[], also: Place | null | undefined): Place | undefined {
  let best: Place | undefined;
  const consider = (p: Place | null | undefined): void => {
    if (p && p.country !== '' && (!best || SPECIFIC[p.kind] > SPECIFIC[best.kind])) best = p;
  };
  for (const k of containers) consider(matches[k].chosen);
  consider(also);
  return best;
}

function collectVotes(matches: Match[]): Votes {
  const votes: Votes = { country: new Map(), admin1: new Map(), own: new Map(), points: [] };
  const pointAt = new Map<number, { place: Place; keys: Set<string> }>();
  for (const m of matches) {
    const c = m.chosen;
    if (!c || !c.country) continue;
    // unambiguous names, countries and names confirmed by a container count fully
    const w = m.candidates.length === 1 || c.kind === 'country' || m.containers.length > 0 ? 1 : 0.5;
    addVote(votes, c, w);
    let own = votes.own.get(m.key);
    if (!own) votes.own.set(m.key, (own = tally()));
    addVote(own, c, w);
    if (c.kind === 'city' || c.kind === 'village' || c.kind === 'admin2' || c.kind === 'feature') {
      const p = pointAt.get(c.index);
      if (p) p.keys.add(m.key);
      else if (pointAt.size < MAX_POINTS) pointAt.set(c.index, { place: c, keys: new Set([m.key]) });
    }
  }
  votes.points = [...pointAt.values()];
  return votes;
}

export const placesStage: Stage = {
  name: 'places',
  run(doc, results) {
    const g = gazetteer();
    const { us, matches } = recognise(doc, results, g);
    if (matches.length === 0) return;
    linkContainers(us, matches, doc.language === 'fr');
    // demonyms ("Malian troops") and actors' countries say which country the text is about
    const extra = new Map<string, number>();
    for (const u of us) {
      if (!u.cap) continue;
      const cc = demonymOf(g, u);
      if (cc) extra.set(cc, (extra.get(cc) ?? 0) + 0.5);
    }
    // an actor named by the very words of a place ("Congo said") is that place's own reading, not
    // more evidence for it
    const matchSpans = new Set(matches.map((m) => m.start * SPAN_BASE + m.end));
    for (const a of results.actors) if (a.country && !matchSpans.has(a.start * SPAN_BASE + a.end)) extra.set(a.country, (extra.get(a.country) ?? 0) + 0.5);
    const containers = new Set<number>();
    for (const m of matches) for (const k of m.containers) containers.add(k);
    const links = areaLinks(matches);
    choose(us, matches, null, extra, containers, links);
    choose(us, matches, collectVotes(matches), extra, containers, links);
    choose(us, matches, collectVotes(matches), extra, containers, links);
    // the same name resolves the same way throughout one document
    const byKey = new Map<string, Place>();
    // a name a demonym puts in a country none of its namesakes lies in, throughout the document
    const forced = new Map<string, Place>();
    for (const m of matches) {
      const cue = m.cueCountry ? g.country(m.cueCountry) : null;
      if (cue && !m.candidates.some((c) => c.country === cue.country)) forced.set(m.key, cue);
    }
    for (const m of matches) {
      if (!m.chosen) continue;
      const prev = byKey.get(m.key);
      if (!prev || m.containers.length > 0) byKey.set(m.key, m.chosen);
    }
    const final = collectVotes(matches);
    let leading = 0;
    for (const w of final.country.values()) leading = Math.max(leading, w);
    for (const m of matches) {
      const areaAfter = namedAsArea(us, m);
      let place = m.containers.length > 0 || m.cueCountry || (m.chosen && areaAfter?.(m.chosen)) ? m.chosen : (byKey.get(m.key) ?? m.chosen);
      // the text puts it in a country none of its namesakes lies in: a place the gazetteer lacks
      const cue = m.cueCountry ? g.country(m.cueCountry) : null;
      // "Stroud, Ontario", "Mbanza Congo in northern Angola": the text puts it in a country
      // where none of its namesakes lies, so it is a place the gazetteer lacks, not the namesake abroad
      const outerChosen = place && m.containers.length > 0 && place.kind !== 'continent' && place.kind !== 'region' ? mostSpecificArea(matches, m.containers, null) : undefined;
      if (place && outerChosen && outerChosen.country !== place.country) place = null;
      // (and in a province none of its namesakes lies in: "Soro, in the northern province of
      // Yatenga", when the gazetteer knows Soros elsewhere only)
      else if (place && outerChosen && (outerChosen.kind === 'admin1' || outerChosen.kind === 'admin2') && place.kind !== 'admin1' && outerChosen.admin1Code !== '' && place.admin1Code !== '' && outerChosen.admin1Code !== place.admin1Code && !m.candidates.some((c) => c.admin1Code === outerChosen.admin1Code && c.country === outerChosen.country)) place = null;
      else if (place && cue && place.country !== cue.country) place = null;
      else if (place && !cue && m.containers.length === 0 && forced.has(m.key)) place = null;
      // a hamlet abroad that nothing else in a text about other countries points to: far more
      // often a word the gazetteer happens to hold ("You're" for Mali's Youré, "He'll") than a
      // village the text means
      else if (place && place.kind === 'village' && place.population < 1000 && m.containers.length === 0 && !cue && leading >= 2 && support(place, m.key, final, extra, links) === 0) continue;
      const sentence = us[m.from].sentence;
      const text = doc.text.slice(m.start, m.end);
      if (!place) {
        // unknown to the gazetteer: placed at the area the text puts it in, as ACLED codes such a
        // village (precision 2 within a district or town's area, 3 within a region or country)
        const outer = mostSpecificArea(matches, m.containers, cue ?? forced.get(m.key));
        const a1 = outer ? (outer.kind === 'admin1' ? outer : g.admin1Of(outer)) : null;
        const a2 = outer ? (outer.kind === 'admin2' && outer.fcode === 'ADM2' ? outer : g.admin2Of(outer)) : null;
        if (!outer && m.rule === 'context-unresolved') continue;
        results.places.push({
          start: m.start,
          end: m.end,
          text,
          sentence,
          stage: 'places',
          rule: cue && outer === cue ? `${m.rule}+demonym-country` : outer ? `${m.rule}+container` : m.rule,
          placeId: `unresolved:${(m.rule === 'gazetteer' || m.rule === 'tagger-loc' ? simpleKey(text) : m.key).replace(/\s+/g, '-')}`,
          name: text,
          kind: outer ? 'village' : 'feature',
          country: outer?.country || null,
          admin1: a1?.name ?? null,
          admin2: a2?.name ?? null,
          lat: outer?.lat ?? null,
          lon: outer?.lon ?? null,
          precision: outer && (outer.kind === 'admin2' || outer.kind === 'city' || outer.kind === 'village') ? 2 : 3,
        });
        continue;
      }
      const a1 = place.kind === 'admin1' ? place : g.admin1Of(place);
      const a2 = place.kind === 'admin2' && place.fcode === 'ADM2' ? place : g.admin2Of(place);
      let precision = PRECISION[place.kind];
      if (m.near && precision === 1) precision = 2;
      const mention: PlaceMention = {
        start: m.start,
        end: m.end,
        text,
        sentence,
        stage: 'places',
        rule: m.containers.length > 0 ? `${m.rule}+container` : m.rule,
        placeId: place.id,
        name: place.name,
        kind: place.kind,
        country: place.country || null,
        admin1: a1?.name ?? null,
        admin2: a2?.name ?? null,
        lat: place.lat,
        lon: place.lon,
        precision,
      };
      results.places.push(mention);
      if (results.trace) trace(results, { stage: 'places', rule: mention.rule, message: `${text} -> ${place.id} ${place.name} (${place.kind}, ${place.country})`, span: m });
    }
  },
};
