/**
 * Counts in a sentence, as low / best / high (UCDP's triple) with ACLED's reading of vague words,
 * linked to what they count: a noun ("2,000 mercenaries"), a casualty word ("12 killed",
 * "12 soldiers were killed", "killing 12 soldiers") or both. A number that counts nothing we know
 * is not reported, so years, percentages, money, ages and regiment numbers stay out.
 *
 * One left-to-right pass over the sentence's tokens; every look-ahead is bounded by a few tokens.
 */
import type { QuantityMention, Span } from '../../model.js';
import type { PhraseTable, QuantityLexicon, VagueAmount } from './lexicon.js';

export interface Tok extends Span {
  text: string;
}

export interface FoundQuantity extends Span, Pick<QuantityMention, 'low' | 'best' | 'high' | 'approximate' | 'counts' | 'countsText'> {
  /** the category of the counted noun when the count is of a casualty word ("killing 12 soldiers": soldiers) */
  subject: string | null;
  rule: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** How a qualifier turns the stated figure N into low / best / high (conventions in docs/times-and-quantities.md). */
type Qualifier = 'approx' | 'floor' | 'above' | 'ceiling' | 'below' | 'between';
const QUALIFIERS: [string[], Qualifier][] = [
  [['an', 'estimated'], 'approx'],
  [['estimated'], 'approx'],
  [['about'], 'approx'],
  [['around'], 'approx'],
  [['approximately'], 'approx'],
  [['roughly'], 'approx'],
  [['some'], 'approx'],
  [['close', 'to'], 'approx'],
  [['nearly'], 'below'],
  [['almost'], 'below'],
  [['just', 'under'], 'below'],
  [['at', 'least'], 'floor'],
  [['no', 'fewer', 'than'], 'floor'],
  [['no', 'less', 'than'], 'floor'],
  [['a', 'minimum', 'of'], 'floor'],
  [['more', 'than'], 'above'],
  [['over'], 'above'],
  [['in', 'excess', 'of'], 'above'],
  [['upwards', 'of'], 'above'],
  [['well', 'over'], 'above'],
  [['just', 'over'], 'above'],
  [['up', 'to'], 'ceiling'],
  [['as', 'many', 'as'], 'ceiling'],
  [['at', 'most'], 'ceiling'],
  [['no', 'more', 'than'], 'ceiling'],
  [['fewer', 'than'], 'ceiling'],
  [['less', 'than'], 'ceiling'],
  [['under'], 'ceiling'],
  [['between'], 'between'],
];

const AUX = new Set(['were', 'was', 'are', 'is', 'been', 'being', 'have', 'has', 'had', 'be', 'reportedly', 'also', 'all', 'later', 'allegedly', 'reported', 'said', 'to', 'believed', 'thought', 'feared']);
const STOP = new Set([
  'and', 'or', 'but', 'in', 'on', 'at', 'by', 'from', 'to', 'were', 'was', 'is', 'are', 'had', 'have', 'has', 'who',
  'which', 'that', 'with', 'for', 'as', 'after', 'before', 'during', 'when', 'while', 'since', 'than', 'per',
  'percent', '%', 'of', 'years', 'year', 'months', 'month', 'days', 'day', 'weeks', 'week', 'hours', 'kilometres',
  'kilometers', 'km', 'miles', 'times', 'dollars', 'euros', 'francs', 'cfa', 'tonnes', 'tons', ',', '.', ';', ':', '(', ')',
  '"', '“', '”', '—', '–', 'the', 'a', 'an', 'this', 'these', 'those', 'their', 'its', 'his', 'her', 'not', 'no',
]);
/** Words that put a number out of scope when they come right before it. */
const NOT_A_COUNT_BEFORE = new Set(['$', '€', '£', 'us$', 'aged', 'age', 'no.', 'number', 'resolution', 'regiment', 'battalion', 'brigade', 'route', 'page', 'article', 'flight', 'chapter', 'section', 'room', 'unit', 'sector', 'zone', 'km', 'kilometre', 'kilometer']);
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'of', 'by', 'until', 'from', 'during', 'before', 'after', 'early', 'late', 'mid', 'year']);
/** Between a casualty noun and the number it reports: "the death toll rose to 30", "a toll of 12". */
const TOLL_LINKS = new Set(['rose', 'risen', 'climbed', 'reached', 'stood', 'stands', 'at', 'to', 'of', 'is', 'was', 'has', 'had', 'increased', 'jumped', 'hit', 'now', 'put', 'the', 'included', 'including', 'least', 'numbered']);
const ACTIVE_CASUALTY = new Set(['killing', 'killed', 'kills', 'kill', 'wounding', 'wounded', 'injuring', 'injured', 'abducting', 'abducted', 'kidnapping', 'kidnapped', 'arresting', 'arrested', 'detained', 'detaining', 'capturing', 'captured', 'executed', 'executing', 'displacing', 'displaced', 'slaughtered', 'massacred', 'neutralised', 'neutralized', 'eliminated', 'seized', 'freed', 'released']);
const RELEASE = new Set(['freed', 'released']);
/** Words that start an object after an active verb. */
const OBJECT_START = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'several', 'dozens', 'hundreds', 'scores', 'many', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'at', 'more', 'about', 'some', 'over', 'nearly', 'civilians', 'soldiers', 'people']);
const QUOTES = new Set(["'", '"', '“', '”', '‘', '’', '«', '»']);
/** Counted categories that are things, not people: they are seized or destroyed, never casualties. */
const THINGS = new Set(['vehicles', 'aircraft', 'places', 'attacks']);

/** The words and word order one language's reporting counts with; the finder reads the grammar
 * of its lexicon's language, so no French word starts a count in English text, nor the reverse. */
interface Grammar {
  numbers: Record<string, number>;
  multipliers: Record<string, number>;
  /** the number a hyphenated word states ("twenty-five", "quatre-vingt-dix"), or null */
  compound: (t: string) => number | null;
  qualifiersByFirst: Map<string, [string[], Qualifier][]>;
  starters: Set<string>;
  aux: Set<string>;
  stop: Set<string>;
  notACountBefore: Set<string>;
  notACountAfter: Set<string>;
  yearPrepositions: Set<string>;
  tollLinks: Set<string>;
  tollNouns: Map<string, string>;
  activeCasualty: Set<string>;
  release: Set<string>;
  objectStart: Set<string>;
  rangeLinks: Set<string>;
  /** "of" after a figure ("12 of the soldiers") and the determiners it may bring */
  of: Set<string>;
  ofDeterminers: Set<string>;
  and: Set<string>;
  /** number words for one, which may be pronouns or articles */
  one: Set<string>;
  /** articles that count one only before a singular noun and a casualty ("a soldier was killed") */
  singularArticles: Set<string>;
  /** verbs whose singular object is one dead ("killed a village chief") */
  killVerbs: Set<string>;
  /** number words for one that count only with a casualty: French 'un'/'une' are also articles */
  oneNeedsCasualty: boolean;
  /** casualty nouns, which after a verb gap are other things than what the count suffered */
  casualtyNoun: RegExp;
  /** the nouns a heavy-loss word reports ("heavy losses") */
  lossNoun: RegExp;
  negations: Set<string>;
  /** auxiliaries of the active voice: "ont tué 3 terroristes" is what the count did, "ont été tués" what it suffered */
  activeAux: Set<string>;
  passiveAux: Set<string>;
  /** French writes thousands apart ("2 000") and decimals with a comma ("1,5 million") */
  frenchDigits: boolean;
}

function byFirstWord(list: [string[], Qualifier][]): Map<string, [string[], Qualifier][]> {
  const map = new Map<string, [string[], Qualifier][]>();
  for (const entry of list) {
    const first = entry[0][0];
    const known = map.get(first);
    if (known) known.push(entry);
    else map.set(first, [entry]);
  }
  return map;
}

function englishCompound(t: string): number | null {
  if (!/^[a-z]+-[a-z]+$/.test(t)) return null;
  const [a, b] = t.split('-');
  if (WORD_NUMBERS[a] !== undefined && WORD_NUMBERS[a] >= 20 && WORD_NUMBERS[b] !== undefined && WORD_NUMBERS[b] < 10) return WORD_NUMBERS[a] + WORD_NUMBERS[b];
  return null;
}

const FRENCH_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, mille: 1000,
};

/** "dix-sept", "vingt-cinq", "soixante-dix", "quatre-vingt-dix-sept", "vingt-et-un", "deux-cents". */
function frenchCompound(t: string): number | null {
  if (!/^[a-zé]+(?:-[a-zé]+)+$/.test(t)) return null;
  let total = 0;
  let current = 0;
  for (const part of t.split('-')) {
    if (part === 'et') continue;
    if (part === 'cent' || part === 'cents') current = (current || 1) * 100;
    else if ((part === 'vingt' || part === 'vingts') && current >= 2 && current <= 9) current *= 20;
    else if (part === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else {
      const v = FRENCH_NUMBERS[part];
      if (v === undefined || v >= 100) return null;
      current += v;
    }
  }
  return total + current;
}

const FRENCH_QUALIFIERS: [string[], Qualifier][] = [
  [['environ'], 'approx'],
  [['quelque'], 'approx'],
  [['approximativement'], 'approx'],
  [['autour', 'de'], 'approx'],
  [['près', 'de'], 'below'],
  [['pres', 'de'], 'below'],
  [['près', "d'"], 'below'],
  [['presque'], 'below'],
  [['quasiment'], 'below'],
  [['au', 'moins'], 'floor'],
  [['pas', 'moins', 'de'], 'floor'],
  [['au', 'minimum'], 'floor'],
  [['plus', 'de'], 'above'],
  [['plus', "d'"], 'above'],
  [['bien', 'plus', 'de'], 'above'],
  [['au-delà', 'de'], 'above'],
  [["jusqu'à"], 'ceiling'],
  [['jusqu’à'], 'ceiling'],
  [['au', 'plus'], 'ceiling'],
  [['moins', 'de'], 'ceiling'],
  [['pas', 'plus', 'de'], 'ceiling'],
  [['entre'], 'between'],
];

/** The current sentence's tokens in lower case, computed once per sentence (the finder is synchronous). */
let LW: string[] = [];
/** startWords of the current lexicon, set with LW. */
let STARTS: Set<string> = new Set();

/** The longest phrase of `table` starting at token i; returns the token after it. `firstWord` is
 * the `tokenClass` bit of the table's first words: a token without it starts none of its phrases. */
function matchPhrase<T>(table: PhraseTable<T>, toks: Tok[], i: number, firstWord: number): { value: T; end: number } | null {
  if (CLASSES !== undefined && i < CLASSES.length && (CLASSES[i] & firstWord) === 0) return null;
  const list = table.get((LW[i] ?? ''));
  if (!list) return null;
  for (const entry of list) {
    let ok = true;
    for (let k = 1; k < entry.words.length; k++) {
      if ((LW[i + k] ?? '') !== entry.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { value: entry.value, end: i + entry.words.length };
  }
  return null;
}

interface NumberRead {
  value: number | null;
  vague: VagueAmount | null;
  end: number;
}

/** The number one token states: "2,000", "1.5", "twenty", "twenty-five"; null for any other token. */
function figureValue(t: string, g: Grammar): number | null {
  let value: number | null = null;
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (g.frenchDigits) {
      if (/^\d{1,3}(?:\.\d{3})+$/.test(t) || /^\d+$/.test(t)) value = Number(t.replace(/\./g, ''));
      else if (/^\d+,\d+$/.test(t)) value = Number(t.replace(',', '.'));
    } else if (/^\d{1,3}(?:,\d{3})+$/.test(t) || /^\d+(?:\.\d+)?$/.test(t)) value = Number(t.replace(/,/g, ''));
  } else if (g.numbers[t] !== undefined) {
    value = g.numbers[t];
  } else if (t.includes('-')) {
    value = g.compound(t);
  }
  return value;
}

/** A figure starting at token i: "2,000", "1.5 million", "twenty-five", "two hundred", "dozens", "a dozen". */
function readFigure(toks: Tok[], i: number, lex: QuantityLexicon): NumberRead | null {
  const vague = matchPhrase(lex.vague, toks, i, VAGUE_WORD);
  const t = (LW[i] ?? '');
  const noFigure = CLASSES !== undefined && i < CLASSES.length && (CLASSES[i] & FIGURE) === 0;
  let value = noFigure ? null : figureValue(t, G);
  let end = i + 1;
  // "une trentaine": a vague amount that opens with a number word is the vague amount
  if (value === null || (vague && vague.end > end)) {
    if (vague) return { value: null, vague: vague.value, end: vague.end };
    return null;
  }
  // "vingt et un", "soixante et onze": the traditional spelling sets the unit apart, after "et"
  if (G.frenchDigits && value >= 20 && value <= 60 && value % 10 === 0 && LW[end] === 'et') {
    const unit = LW[end + 1];
    if (unit === 'un' || unit === 'une') {
      value += 1;
      end += 2;
    } else if (value === 60 && unit === 'onze') {
      value += 11;
      end += 2;
    }
  }
  // "2 000 personnes": French sets thousands apart with a space
  if (G.frenchDigits && /^\d{1,3}$/.test(t)) {
    while (/^\d{3}$/.test(LW[end] ?? '') && toks[end].start - toks[end - 1].end === 1) {
      value = value * 1000 + Number(LW[end]);
      end++;
    }
  }
  // "1.5 million", "two hundred", "three thousand"
  const mult = G.multipliers[(LW[end] ?? '')];
  if (mult) {
    value *= mult;
    end++;
  }
  return { value, vague: null, end };
}

/** The qualifiers by first word, each list in QUALIFIERS order: the first that matches wins. */
const QUALIFIERS_BY_FIRST = byFirstWord(QUALIFIERS);
/** Words a count can start with besides digits and the lexicon's vague words. */
const STARTERS = new Set([...QUALIFIERS_BY_FIRST.keys(), ...Object.keys(WORD_NUMBERS), 'a', 'an']);

const ENGLISH: Grammar = {
  numbers: WORD_NUMBERS,
  multipliers: MULTIPLIERS,
  compound: englishCompound,
  qualifiersByFirst: QUALIFIERS_BY_FIRST,
  starters: STARTERS,
  aux: AUX,
  stop: STOP,
  notACountBefore: NOT_A_COUNT_BEFORE,
  notACountAfter: new Set(['%', 'percent', 'per', 'dollars', 'euros', 'francs']),
  yearPrepositions: YEAR_PREPOSITIONS,
  tollLinks: TOLL_LINKS,
  tollNouns: new Map([['toll', 'dead'], ['deaths', 'dead'], ['casualties', 'casualties'], ['fatalities', 'dead']]),
  activeCasualty: ACTIVE_CASUALTY,
  release: RELEASE,
  objectStart: OBJECT_START,
  rangeLinks: new Set(['to', 'and', '-', '–', 'or']),
  of: new Set(['of']),
  ofDeterminers: new Set(['the', 'them', 'those', 'these', 'whom', 'their', 'its', 'our']),
  and: new Set(['and']),
  one: new Set(['one']),
  singularArticles: new Set(['a', 'an']),
  killVerbs: new Set(['killed', 'killing', 'murdered', 'murdering', 'executed', 'executing', 'beheaded', 'assassinated', 'assassinating']),
  oneNeedsCasualty: false,
  casualtyNoun: /^(?:deaths?|fatalities|lives|toll|casualt|losses|injuries|wounds)/,
  lossNoun: /^(?:losses|casualt|deaths?|fatalities|dead)/,
  negations: new Set(['no', 'without']),
  activeAux: new Set(),
  passiveAux: new Set(),
  frenchDigits: false,
};

const FRENCH_QUALIFIERS_BY_FIRST = byFirstWord(FRENCH_QUALIFIERS);
const FRENCH_NUMBER_WORDS = { ...FRENCH_NUMBERS, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, 'soixante-dix': 70, 'quatre-vingt': 80, 'quatre-vingts': 80, 'quatre-vingt-dix': 90 };

const FRENCH: Grammar = {
  numbers: FRENCH_NUMBER_WORDS,
  multipliers: { cent: 100, cents: 100, mille: 1000, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 },
  compound: frenchCompound,
  qualifiersByFirst: FRENCH_QUALIFIERS_BY_FIRST,
  starters: new Set([...FRENCH_QUALIFIERS_BY_FIRST.keys(), ...Object.keys(FRENCH_NUMBER_WORDS)]),
  aux: new Set(['ont', 'a', 'sont', 'est', 'été', 'avaient', 'avait', 'étaient', 'était', 'auraient', 'aurait', 'seraient', 'serait', 'ont-ils', 'également', 'aussi', 'tous', 'toutes', 'notamment', 'déjà']),
  stop: new Set([
    'et', 'ou', 'mais', 'en', 'dans', 'sur', 'à', 'au', 'aux', 'par', 'pour', 'avec', 'sans', 'lors', 'après', 'avant',
    'pendant', 'depuis', 'que', 'qui', 'dont', 'ont', 'a', 'sont', 'est', 'été', 'le', 'la', 'les', "l'", 'un', 'une', 'des',
    'du', 'ans', 'an', 'mois', 'jours', 'jour', 'semaines', 'semaine', 'heures', 'km', 'kilomètres', 'mètres', 'fois', 'francs',
    'euros', 'dollars', 'fcfa', 'cfa', 'tonnes', '%', 'ne', 'pas', 'ce', 'ces', 'cette', 'leur', 'leurs', 'son', 'sa', 'ses',
    ',', '.', ';', ':', '(', ')', '"', '“', '”', '«', '»', '—', '–',
  ]),
  notACountBefore: new Set(['$', '€', '£', 'âgé', 'âgée', 'âgés', 'âgées', 'numéro', 'n°', 'no', 'résolution', 'régiment', 'bataillon', 'route', 'rn', 'page', 'article', 'vol', 'chapitre', 'section', 'secteur', 'zone', 'km', 'kilomètre', 'kilomètres', 'salle', 'unité', 'compagnie']),
  notACountAfter: new Set(['%', 'pour', 'dollars', 'euros', 'francs', 'fcfa', 'ans', 'an', 'km', 'kilomètres', 'heures', 'h']),
  yearPrepositions: new Set(['en', 'depuis', 'de', "d'", 'jusqu’en', "jusqu'en", 'avant', 'après', 'début', 'fin', 'mi', 'année', "l'an", 'dès']),
  tollLinks: new Set(["s'élève", 's’élève', 'élève', 'est', 'était', 'de', 'à', 'atteint', 'passé', 'porté', 'grimpé', 'provisoire', 'officiel', 'fait', 'état']),
  tollNouns: new Map([['bilan', 'dead']]),
  activeCasualty: new Set([
    'tuant', 'tué', 'tués', 'tuée', 'tuées', 'blessant', 'blessé', 'blessés', 'enlevant', 'enlevé', 'enlevés', 'kidnappant',
    'kidnappé', 'kidnappés', 'exécuté', 'exécutés', 'exécutant', 'massacré', 'massacrés', 'neutralisé', 'neutralisant',
    'neutralisés', 'éliminé', 'éliminés', 'abattu', 'abattus', 'arrêté', 'arrêtés', 'interpellé', 'interpellant',
    'interpellés', 'capturé', 'capturant', 'capturés', 'libéré', 'libérés', 'libérant', 'relâché', 'relâchés',
    // infinitives after a verb of outcome: "a permis de neutraliser plus d'une centaine de terroristes"
    'tuer', 'neutraliser', 'éliminer', 'abattre', 'exécuter', 'massacrer',
  ]),
  release: new Set(['libéré', 'libérés', 'libérant', 'relâché', 'relâchés']),
  objectStart: new Set(['le', 'la', 'les', "l'", 'un', 'une', 'des', 'du', 'leur', 'leurs', 'son', 'sa', 'ses', 'plusieurs', 'au', 'plus', 'environ', 'près', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'civils', 'soldats', 'personnes']),
  rangeLinks: new Set(['à', 'et', '-', '–', 'ou']),
  of: new Set(['de', "d'", 'd’', 'des', 'parmi']),
  ofDeterminers: new Set(['les', 'nos', 'leurs', 'ces', 'ses']),
  and: new Set(['et']),
  one: new Set(['un', 'une']),
  singularArticles: new Set(),
  killVerbs: new Set(),
  oneNeedsCasualty: true,
  casualtyNoun: /^(?:décès|victimes|pertes|blessures|bilan)/,
  lossNoun: /^(?:pertes|victimes|morts|décès|tués|blessés)/,
  negations: new Set(['sans', 'aucune', 'aucun', 'pas']),
  activeAux: new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient']),
  passiveAux: new Set(['été']),
  frenchDigits: true,
};

function grammarOf(lex: QuantityLexicon): Grammar {
  return lex.language === 'fr' ? FRENCH : ENGLISH;
}

/** The grammar of the current lexicon, set with LW. */
let G: Grammar = ENGLISH;

function qualifierAt(toks: Tok[], i: number): { q: Qualifier; end: number } | null {
  const candidates = G.qualifiersByFirst.get(LW[i] ?? '');
  if (!candidates) return null;
  for (const [words, q] of candidates) {
    let ok = true;
    let end = i + words.length;
    for (let k = 0; k < words.length; k++) {
      const w = LW[i + k] ?? '';
      if (w === words[k]) continue;
      // "plus d'une centaine": the tokenizer keeps the elided "d'" on its word, which then opens the figure
      if (k === words.length - 1 && words[k] === "d'" && /^d['’]\p{L}/u.test(w)) {
        end = i + k;
        continue;
      }
      ok = false;
      break;
    }
    if (ok) return { q, end };
  }
  return null;
}

function amount(q: Qualifier | null, a: NumberRead, b: NumberRead | null): Omit<VagueAmount, never> {
  if (a.vague) return { ...a.vague };
  const n = a.value as number;
  if (b && b.value !== null && b.value > n) return { low: n, best: n, high: b.value, approximate: q === 'approx' };
  switch (q) {
    case 'approx':
      return { low: null, best: n, high: null, approximate: true };
    case 'below':
      return { low: null, best: n, high: n, approximate: true };
    case 'floor':
    case 'above':
      return { low: n, best: n, high: null, approximate: false };
    case 'ceiling':
      return { low: null, best: null, high: n, approximate: false };
    default:
      return { low: n, best: n, high: n, approximate: false };
  }
}

/** A casualty word right after token index j, allowing auxiliaries: "were killed", "have been abducted". */
function casualtyAfter(toks: Tok[], j: number, lex: QuantityLexicon): { category: string; start: number; end: number } | null {
  let k = j;
  let active = false;
  for (let steps = 0; steps < 3 && G.aux.has((LW[k] ?? '')); steps++) {
    if (G.activeAux.has(LW[k])) active = true;
    else if (G.passiveAux.has(LW[k])) active = false;
    k++;
  }
  const hit = matchPhrase(lex.casualties, toks, k, CASUALTY_WORD);
  if (!hit) return null;
  // nouns of the casualty table ("deaths", "casualties") after a verb gap are other things
  if (k > j && G.casualtyNoun.test((LW[k] ?? ''))) return null;
  // "12 soldats ont tué 3 terroristes": avoir without 'été' is the active voice
  if (active && G.activeCasualty.has(LW[k] ?? '')) return null;
  // an active verb with an object ("12 soldiers killed three militants"): the count did it, not suffered it
  if (k === j && hit.end === k + 1 && G.objectStart.has(LW[hit.end] ?? '')) return null;
  if (k === j && hit.end === k + 1 && /^\d/.test(LW[hit.end] ?? '')) return null;
  return { category: hit.value, start: k, end: hit.end };
}

/** A French adjective that follows its noun: of nationality ("nigériens", "burkinabè", "français") or a participle ("armés"). */
const FRENCH_POSTNOMINAL = /^\p{Ll}[\p{Ll}-]*(?:iens?|iennes?|ais|aises?|ois|oises?|ains?|aines?|è|ès|és|ées?|ins?|ines?)$/u;

/** "50 civilians, including women and children, were killed": a casualty after one aside. */
function casualtyAfterAside(toks: Tok[], j: number, lex: QuantityLexicon): { category: string; start: number; end: number } | null {
  if (LW[j] !== ',' && LW[j] !== '(' && LW[j] !== '—') return null;
  for (let k = j + 1; k < toks.length && k < j + 12; k++) {
    const w = LW[k];
    if (w === '.' || w === ';' || w === ':') return null;
    if (w === ',' || w === ')' || w === '—') return casualtyAfter(toks, k + 1, lex);
  }
  return null;
}

/**
 * "more than 100 soldiers and members of the VDP were killed", "at least 60 soldiers and civilians
 * died": the casualty after a second noun phrase joined to the counted one, reached before any
 * other verb or punctuation of the clause.
 */
function casualtyAfterCoordination(toks: Tok[], j: number, lex: QuantityLexicon): { category: string; start: number; end: number } | null {
  if (!G.and.has(LW[j] ?? '')) return null;
  // ("killing one soldier and injuring two others": a verb after "and" is a clause of its own)
  if (G.aux.has(LW[j + 1] ?? '') || matchPhrase(lex.casualties, toks, j + 1, CASUALTY_WORD) || /ing$/.test(LW[j + 1] ?? '')) return null;
  let depth = 0;
  for (let k = j + 1; k < toks.length && k < j + 18; k++) {
    const w = LW[k] ?? '';
    if (w === '(') depth++;
    else if (w === ')') depth--;
    if (depth > 0 || w === ')') continue;
    // (a second count of its own is another figure: "eight soldiers and 20 militants dead")
    // ("and members of a pro-government militia": an article is no count)
    if (w === '.' || w === ';' || w === ':' || w === ',' || G.and.has(w) || /^\d/.test(w) || (figureValue(w, G) !== null && !G.singularArticles.has(w)) || matchPhrase(lex.vague, toks, k, VAGUE_WORD)) return null;
    if (G.aux.has(w) || matchPhrase(lex.casualties, toks, k, CASUALTY_WORD)) {
      // (a figure after the verb makes it active: "12 soldiers and police killed 30 militants")
      const hit = casualtyAfter(toks, k, lex);
      return hit && !/^\d/.test(LW[hit.end] ?? '') ? hit : null;
    }
  }
  return null;
}

/** A casualty verb that governs the number: "killing 12", "kidnapped at least 30", "the death toll rose to 30". */
function casualtyBefore(toks: Tok[], i: number, lex: QuantityLexicon): { category: string; start: number; end: number } | null {
  if (QUOTES.has(LW[i - 1] ?? '')) i--;
  const prev = (LW[i - 1] ?? '');
  if (G.activeCasualty.has(prev)) {
    if (G.release.has(prev)) return null;
    const hit = matchPhrase(lex.casualties, toks, i - 1, CASUALTY_WORD);
    if (hit) return { category: hit.value, start: i - 1, end: i };
  }
  // "the deaths of 12 soldiers", "la mort de huit soldats": a noun of dying governs the figure
  if ((prev === 'of' || prev === 'de' || prev === "d'") && DEATH_OF.has(LW[i - 2] ?? '')) return { category: DEATH_OF.get(LW[i - 2] ?? '')!, start: i - 2, end: i };
  // "the death toll from Sunday's attack rose to 41": a toll noun a few words back, the figure
  // right after a linking word
  if (!G.tollLinks.has(prev)) return null;
  for (let k = i - 1, steps = 0; k >= 0 && steps < 9; k--, steps++) {
    const w = LW[k] ?? '';
    const toll = G.tollNouns.get(w);
    if (toll !== undefined) return { category: toll, start: k, end: k + 1 };
    if (w === '.' || w === ';' || w === ':' || w === ',' || G.activeCasualty.has(w)) break;
  }
  return null;
}

const DEATH_OF = new Map<string, string>([['deaths', 'dead'], ['death', 'dead'], ['killing', 'killed'], ['killings', 'killed'], ['mort', 'dead'], ['décès', 'dead'], ['assassinat', 'killed']]);

/** A bit of `tokenClass`: the token passes the first test of `tryAt` (a digit, a start word, a hyphen). */
export const MAY_START = 1;
/** A bit of `tokenClass`: a sentence none of whose tokens has it holds no quantity. Every quantity
 * needs a figure (a number, a number word, a hyphenated number, a vague amount) or a casualty word
 * (the figureless "heavy losses" and "a soldier was killed"). */
export const MAY_COUNT = 2;

/** Bits of `tokenClass` for what the finder looks up word by word: the token states a number
 * (`figureValue`), is a heavy-loss word, or is a first word of a vague amount, a casualty or a counted noun. */
const FIGURE = 4;
const HEAVY_WORD = 8;
const VAGUE_WORD = 16;
const CASUALTY_WORD = 32;
const COUNTED_WORD = 64;

/** What `tryAt` and `findQuantities` need to know of a token before reading its neighbours, from its lower-case text. */
export function tokenClass(lower: string, lex: QuantityLexicon): number {
  const c = lower.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  const hyphen = lower.includes('-');
  const g = grammarOf(lex);
  let bits = digit || startWords(lex).has(lower) || hyphen ? MAY_START : 0;
  if (digit || hyphen || g.numbers[lower] !== undefined || lex.heavy.has(lower) || lex.vague.has(lower) || lex.casualties.has(lower)) bits |= MAY_COUNT;
  if (figureValue(lower, g) !== null) bits |= FIGURE;
  if (lex.heavy.has(lower)) bits |= HEAVY_WORD;
  if (lex.vague.has(lower)) bits |= VAGUE_WORD;
  if (lex.casualties.has(lower)) bits |= CASUALTY_WORD;
  if (lex.counted.has(lower)) bits |= COUNTED_WORD;
  return bits;
}

/** The current sentence's `tokenClass` per token when the caller has them, set with LW. */
let CLASSES: Uint8Array | undefined;

/** Quantities in one sentence. `inTime` says whether an offset lies inside a time expression;
 * `lower`, the tokens' lower-case texts when the caller has them already; `classes`, their
 * `tokenClass`es likewise. */
export function findQuantities(toks: Tok[], lex: QuantityLexicon, inTime: (pos: number) => boolean, lower?: string[], classes?: Uint8Array): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  LW = lower ?? toks.map((t) => t.text.toLowerCase());
  CLASSES = classes;
  G = grammarOf(lex);
  STARTS = startWords(lex);
  let i = 0;
  let prev: { q: FoundQuantity; next: number } | null = null;
  while (i < toks.length) {
    const found = tryAt(toks, i, lex, inTime);
    if (found) {
      if (prev && sharesCasualty(prev, found, i)) found.q = { ...found.q, counts: prev.q.counts, subject: found.q.counts, rule: 'count-casualty-shared' };
      out.push(found.q);
      prev = { q: found.q, next: found.next };
      i = found.next;
    } else i++;
  }
  return out;
}

/**
 * "killing 12 soldiers and three civilians": a bare count joined to one its verb governs
 * shares the casualty (the mirror of "17 soldiers and 36 volunteers died"); "and wounded three
 * civilians" has its own verb, and objects are not killed.
 */
function sharesCasualty(prev: { q: FoundQuantity; next: number }, found: Attempt, at: number): boolean {
  if (found.q.rule !== 'count-noun' || !found.q.counts || THINGS.has(found.q.counts)) return false;
  if (prev.q.rule !== 'governed-by-casualty' && prev.q.rule !== 'count-casualty-shared') return false;
  if (at === prev.next) return false;
  for (let k = prev.next; k < at; k++) if (!G.and.has(LW[k]) && LW[k] !== ',') return false;
  return true;
}

interface Attempt {
  q: FoundQuantity;
  next: number;
  casualty?: { category: string; start: number; end: number } | null;
}

/** Words that may start a quantity (starters, heavy-loss words, first words of vague amounts,
 * quotes), one set per lexicon, so a token that starts nothing costs one look-up. */
const START_WORDS = new WeakMap<QuantityLexicon, Set<string>>();

function startWords(lex: QuantityLexicon): Set<string> {
  let s = START_WORDS.get(lex);
  if (!s) {
    s = new Set([...grammarOf(lex).starters, ...lex.heavy, ...lex.vague.keys(), ...QUOTES]);
    START_WORDS.set(lex, s);
  }
  return s;
}

function tryAt(toks: Tok[], i: number, lex: QuantityLexicon, inTime: (pos: number) => boolean, depth = 0): Attempt | null {
  // most tokens start nothing: one character test and a few set lookups rule them out
  const w0 = LW[i] ?? '';
  if (CLASSES !== undefined) {
    if (i >= CLASSES.length || (CLASSES[i] & MAY_START) === 0) return null;
  } else {
    const c0 = w0.charCodeAt(0);
    if (!(c0 >= 48 && c0 <= 57) && !STARTS.has(w0) && !w0.includes('-')) return null;
  }
  // "heavy losses", "many casualties": a report of losses with no number
  if ((CLASSES !== undefined ? (CLASSES[i] & HEAVY_WORD) !== 0 : lex.heavy.has(w0))) {
    let k = i + 1;
    if (toks[k] && !matchPhrase(lex.casualties, toks, k, CASUALTY_WORD) && !G.stop.has((LW[k] ?? ''))) k++;
    const hit = matchPhrase(lex.casualties, toks, k, CASUALTY_WORD);
    if (hit && G.lossNoun.test((LW[k] ?? ''))) {
      const prev = (LW[i - 1] ?? '');
      if (G.negations.has(prev)) return null;
      return {
        q: { start: toks[i].start, end: toks[hit.end - 1].end, low: null, best: null, high: null, approximate: true, counts: hit.value, countsText: toks.slice(k, hit.end).map((t) => t.text).join(' '), subject: null, rule: 'vague-losses' },
        next: hit.end,
      };
    }
  }
  // "a soldier was killed": one, but only with a casualty right after a singular noun
  if (G.singularArticles.has(w0) && depth === 0) {
    let k = i + 1;
    for (let steps = 0; steps < 2 && k < toks.length && !matchPhrase(lex.counted, toks, k, COUNTED_WORD) && /^[a-z][a-z'-]*$/.test(LW[k] ?? '') && !G.stop.has(LW[k] ?? ''); steps++) k++;
    const noun = matchPhrase(lex.counted, toks, k, COUNTED_WORD);
    const head = noun ? LW[noun.end - 1] ?? '' : '';
    if (noun && !THINGS.has(noun.value) && !head.endsWith('s') && !['people', 'police', 'personnel', 'children', 'men', 'women'].includes(head)) {
      const hurt = casualtyAfter(toks, noun.end, lex);
      // passive only: "a man killed his neighbour" counts nobody
      if (hurt && (LW[noun.end] === 'was' || (hurt.start === noun.end && (hurt.category === 'dead' || LW[noun.end] === 'died')))) {
        return {
          q: { start: toks[i].start, end: toks[hurt.end - 1].end, low: 1, best: 1, high: 1, approximate: false, counts: hurt.category, countsText: toks[noun.end - 1].text, subject: noun.value, rule: 'count-casualty' },
          next: hurt.end,
        };
      }
      // "gunmen killed a village chief": the object of a killing verb is one dead
      if (!hurt && G.killVerbs.has(LW[i - 1] ?? '') && LW[noun.end] !== 'of' && !/^[’']s$/.test(LW[noun.end] ?? '')) {
        return {
          q: { start: toks[i].start, end: toks[noun.end - 1].end, low: 1, best: 1, high: 1, approximate: false, counts: 'killed', countsText: toks[noun.end - 1].text, subject: noun.value, rule: 'count-killed-one' },
          next: noun.end,
        };
      }
    }
  }
  const qual = qualifierAt(toks, i);
  let figAt = qual ? qual.end : i;
  // a figure in quotes: "killed 'dozens' of mercenaries"
  const quoted = QUOTES.has(LW[figAt] ?? '');
  if (quoted) figAt++;
  const a = readFigure(toks, figAt, lex);
  if (!a) return null;
  if (inTime(toks[figAt].start)) return null;
  const prev = (LW[i - 1] ?? '');
  if (G.notACountBefore.has(prev)) return null;
  const figText = (LW[figAt] ?? '');
  // a year is not a count
  if (/^(?:1[89]|20)\d\d$/.test(figText) && (G.yearPrepositions.has(prev) || !qual)) return null;
  let j = a.end;
  if (quoted && QUOTES.has(LW[j] ?? '')) j++;
  let b: NumberRead | null = null;
  // ranges: "10 to 15", "between 10 and 15", "10-15", "10 or 12"
  const link = (LW[j] ?? '');
  if (G.rangeLinks.has(link) && a.value !== null) {
    const second = readFigure(toks, j + 1, lex);
    if (second && second.value !== null && second.value > a.value) {
      b = second;
      j = second.end;
    }
  }
  const after = (LW[j] ?? '');
  // percentages, money, measures, ages: not counts
  if (G.notACountAfter.has(after)) return null;
  if ((after === '-' && /^year/.test((LW[j + 1] ?? ''))) || (/^years?$/.test(after) && (LW[j + 1] ?? '') === 'old') || /^year-old/.test(after)) return null;
  // ordinals and clock times are read by the tokenizer as one token ("3rd", "10:30"): readFigure rejects them
  const qualifier = qual ? qual.q : null;
  const amt = amount(qualifier, a, b);
  const startTok = i;
  // "of" after a figure: "dozens of", "12 of the soldiers", "two of them"
  if (G.of.has(after)) {
    j++;
    if (G.ofDeterminers.has(LW[j] ?? '')) j++;
  }
  // the counted noun, after at most three modifiers ("12 Malian soldiers", "about 2,000 Russian mercenaries")
  let noun: { value: string; start: number; end: number } | null = null;
  for (let k = j, steps = 0; k < toks.length && steps < 4; k++, steps++) {
    const hit = matchPhrase(lex.counted, toks, k, COUNTED_WORD);
    if (hit) {
      noun = { value: hit.value, start: k, end: hit.end };
      break;
    }
    const w = (LW[k] ?? '');
    // "une centaine d'instructeurs": the tokenizer keeps the elided "d'" on the noun
    if (G.frenchDigits && (w.startsWith("d'") || w.startsWith('d’')) && w.length > 2) {
      const elided = lex.counted.get(w.slice(2))?.find((e) => e.words.length === 1);
      if (elided) {
        noun = { value: elided.value, start: k, end: k + 1 };
        break;
      }
    }
    if (G.stop.has(w) || !/^[\p{L}][\p{L}'’.-]*$/u.test(toks[k].text) || matchPhrase(lex.casualties, toks, k, CASUALTY_WORD)) break;
  }
  // "36 VDP volunteers": the last of a run of counted nouns is the head
  while (noun) {
    const more = matchPhrase(lex.counted, toks, noun.end, COUNTED_WORD);
    if (!more) break;
    noun = { value: more.value, start: noun.start, end: more.end };
  }
  // a casualty word after the noun (or after an aside between commas: "50 civilians, including
  // children, were killed") or right after the figure; or a verb that governs the figure
  const afterNoun = noun ? noun.end : j;
  let casualty = casualtyAfter(toks, afterNoun, lex) ?? casualtyAfterAside(toks, afterNoun, lex) ?? casualtyBefore(toks, startTok, lex) ?? (noun ? casualtyAfterCoordination(toks, afterNoun, lex) : null);
  // "quinze soldats nigériens ont été tués", "des hommes armés": French sets adjectives after the noun
  if (!casualty && noun && G.frenchDigits) {
    let k = afterNoun;
    while (k < afterNoun + 2 && FRENCH_POSTNOMINAL.test(LW[k] ?? '') && !matchPhrase(lex.casualties, toks, k, CASUALTY_WORD)) k++;
    if (k > afterNoun) casualty = casualtyAfter(toks, k, lex);
  }
  // "17 soldiers and 36 volunteers died": the coordinated count shares the casualty
  if (!casualty && noun && (G.and.has(LW[afterNoun] ?? '') || LW[afterNoun] === ',') && depth === 0) {
    const next = tryAt(toks, afterNoun + 1, lex, inTime, 1);
    if (next && next.q.rule === 'count-casualty' && next.casualty) casualty = { ...next.casualty, start: -1, end: -1 };
  }
  // objects are seized and destroyed, not abducted or killed
  if (casualty && noun && THINGS.has(noun.value)) casualty = null;
  const isVagueNull = amt.best === null && amt.low === null && amt.high === null;
  if (!noun && !casualty) return null;
  // "many people", "a number of soldiers": no figure and no casualty is no information
  if (isVagueNull && !casualty) return null;
  // "one of the leaders" picks a person out; it counts only with a casualty
  // ("une centaine d'instructeurs" opens with "une" but is a hundred)
  if (G.one.has(figText) && a.vague === null && (G.oneNeedsCasualty || G.of.has(LW[a.end] ?? '')) && !casualty) return null;
  // a bare word number with only a noun ("one man", "two soldiers") is a count; "one" as a pronoun is not
  if (!noun && casualty && G.one.has(figText) && casualty.start !== j) return null;
  const shared = casualty !== null && casualty.start < 0;
  const lastTok = Math.max(noun ? noun.end : j, casualty && !shared && casualty.start >= j ? casualty.end : 0) - 1;
  // a governing verb is part of what is counted: "killing 12 soldiers", "the death toll rose to 41"
  const firstTok = casualty && !shared && casualty.start < startTok ? casualty.start : startTok;
  const end = toks[Math.max(lastTok, figAt)].end;
  return {
    q: {
      start: toks[firstTok].start,
      end,
      ...amt,
      counts: casualty ? casualty.category : noun ? noun.value : null,
      countsText: noun ? toks[noun.end - 1].text : casualty ? toks.slice(casualty.start, casualty.end).map((t) => t.text).join(' ') : null,
      subject: casualty && noun ? noun.value : null,
      rule: casualty ? (shared ? 'count-casualty-shared' : casualty.start < startTok ? 'governed-by-casualty' : 'count-casualty') : 'count-noun',
    },
    casualty: casualty && !shared ? casualty : null,
    next: Math.max(lastTok + 1, figAt + 1),
  };
}
