/**
 * Words of time: numbers, units, months, weekdays, seasons, parts of the day, vague references.
 * Regular-expression fragments are alternations of fixed words (no nested quantifiers), so every
 * rule built from them runs in time linear in the text.
 */

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, a: 1, an: 1, single: 1, half: 0.5,
};

const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

/** Vague amounts: TIMEX3 writes their count as X (PXY). */
export const VAGUE_AMOUNTS = new Set(['several', 'few', 'a few', 'some', 'many', 'couple', 'a couple', 'numerous', 'a number of']);

/** A count of units, as written: digits, words, or a vague amount. */
export const NUM_RE = [
  String.raw`\d+(?:\.\d+)?(?:\s\d/\d)?`,
  `(?:${TENS})(?:[- ](?:${UNITS_WORDS}))?`,
  TEENS,
  UNITS_WORDS,
  String.raw`a\s+(?:hundred|dozen|couple\s+of|couple|few|half|single)`,
  'hundred|dozen|couple\\s+of|several|few|a|an|some|many|numerous|half|zero',
].join('|');

/** Reads a NUM_RE match: a number, or null for a vague amount. */
export function readNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/ of$/, '').trim();
  if (/^\d/.test(s)) {
    const frac = /^(\d+)\s(\d)\/(\d)$/.exec(s);
    if (frac) return +frac[1] + +frac[2] / +frac[3];
    return Number(s);
  }
  if (VAGUE_AMOUNTS.has(s)) return null;
  if (s === 'a couple' || s === 'couple') return 2;
  if (s === 'a hundred') return 100;
  if (s === 'a dozen') return 12;
  if (s === 'a half') return 0.5;
  if (s === 'a single') return 1;
  const parts = s.split(/[- ]/);
  let n = 0;
  for (const p of parts) {
    const v = SMALL_NUMBERS[p];
    if (v === undefined) return null;
    n += v;
  }
  return n;
}

export interface UnitInfo {
  /** TIMEX3 duration letter */
  code: string;
  /** hours, minutes and seconds take the T designator (PT3H) */
  time: boolean;
  /** how many of `code` one unit makes (a decade is 10 years) */
  factor: number;
}

export const UNITS: Record<string, UnitInfo> = {
  second: { code: 'S', time: true, factor: 1 },
  minute: { code: 'M', time: true, factor: 1 },
  hour: { code: 'H', time: true, factor: 1 },
  day: { code: 'D', time: false, factor: 1 },
  night: { code: 'D', time: false, factor: 1 },
  week: { code: 'W', time: false, factor: 1 },
  weekend: { code: 'D', time: false, factor: 2 },
  fortnight: { code: 'W', time: false, factor: 2 },
  month: { code: 'M', time: false, factor: 1 },
  quarter: { code: 'Q', time: false, factor: 1 },
  year: { code: 'Y', time: false, factor: 1 },
  decade: { code: 'Y', time: false, factor: 10 },
  century: { code: 'Y', time: false, factor: 100 },
  millennium: { code: 'Y', time: false, factor: 1000 },
};

export const UNIT_RE = 'seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a)';

export function unitOf(raw: string): string {
  const s = raw.toLowerCase();
  if (s.startsWith('centur')) return 'century';
  if (s.startsWith('millenni')) return 'millennium';
  return s.endsWith('s') ? s.slice(0, -1) : s;
}

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Full names, or abbreviations with their dot ("Aug."): a bare "Mar" or "May" is too often a word. */
export const MONTH_RE = String.raw`(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z\d])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)`;

export function monthOf(raw: string): number {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? 0;
}

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};
export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** First and last month of each season (northern hemisphere, meteorological; winter runs into the next year). */
export const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 14] };

export const DAY_PARTS: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', dawn: 'MO', daybreak: 'MO', dusk: 'EV',
};

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
  fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};

/** TIMEX3 mod for the words that qualify an expression. */
export const MODS: Record<string, string> = {
  early: 'START', beginning: 'START', start: 'START', dawn: 'START', late: 'END', end: 'END', close: 'END',
  mid: 'MID', middle: 'MID', about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX',
  some: 'APPROX', circa: 'APPROX', nearly: 'LESS_THAN', almost: 'LESS_THAN', 'less than': 'LESS_THAN',
  under: 'LESS_THAN', 'more than': 'MORE_THAN', over: 'MORE_THAN', 'at least': 'EQUAL_OR_MORE',
  'no less than': 'EQUAL_OR_MORE', 'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
};

export const QUANT_MOD_RE = String.raw`about|around|approximately|roughly|some|nearly|almost|less\s+than|more\s+than|over|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|only|just|barely|fully|well\s+over|a\s+full|the\s+better\s+part\s+of`;

export function modOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/^well /, '').replace(/-$/, '').trim();
  return MODS[s];
}
