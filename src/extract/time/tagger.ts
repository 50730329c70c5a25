/**
 * Finds time expressions in text and normalises them in TIMEX3 style (TimeML 1.2.1 guidelines):
 * what a span covers (determiners and modifiers such as "the past", "late", "about" are in;
 * prepositions such as "on", "in", "since" are out), the `value` (2021-Q4, 199, P3Y, PRESENT_REF),
 * the `mod` (START, END, MORE_THAN...).
 *
 * Two sources of candidates: chrono-node for calendar dates and clock times written out
 * ("Aug. 7, 1998", "5 p.m. EST, Nov. 6"), and our own rules for what chrono does not read or
 * does not read the TimeML way (bare years, decades, quarters, seasons, durations, vague
 * references, "last/next/this" + unit, modifiers). Then the longest candidate wins each overlap,
 * and values are resolved in document order, so a narrative's "the following year" or "in March"
 * can lean on the last date the text stated (its reference time) while "yesterday" leans on the
 * publication date.
 */
// The two locales by their own entry points: chrono-node's index loads all sixteen of its
// languages, two thirds of the time a process spends loading the extraction stages' code.
import * as chrono from 'chrono-node/en';
import * as chronoFr from 'chrono-node/fr';
import {
  addDays,
  addMonths,
  diffDays,
  monthString,
  quarterOf,
  weekString,
  weekday as weekdayOf,
  yearString,
  ymdString,
  pad,
  type Ymd,
} from './calendar.js';
import { HeadScanner, literalHead, sourceWords, type LiteralHead } from './heads.js';
import {
  DAY_PARTS,
  MONTH_RE,
  NUM_RE,
  ORDINALS,
  QUANT_MOD_RE,
  SEASONS,
  UNITS,
  UNIT_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  modOf,
  monthOf,
  readNumber,
  unitOf,
} from './lexicon.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  value: string;
  mod?: string;
  /** true when the value needed the publication date */
  anchored: boolean;
  /** a signal word before the span that bounds it: since 2012 (after), until 2020 (before) */
  signal?: 'after' | 'before';
  /** for ranges ("between 1 and 3 June"): the two ends */
  rangeFrom?: string;
  rangeTo?: string;
  /** a duration that ends (`end`) or starts (`start`) at the publication date */
  durationAt?: 'end' | 'start';
  rule: string;
}

/** The publication date, known to some precision. */
export interface Dct {
  y: number;
  m?: number;
  d?: number;
}

interface Reference {
  y: number;
  m?: number;
  d?: number;
  pos: number;
}

interface Ctx {
  text: string;
  dct: Ymd | null;
  /** the last date the text stated in full enough to anchor what follows */
  ref: Reference | null;
  lastQuarter: { y: number; q: number; pos: number } | null;
  /** the last calendar day the text named, however resolved: "two days later" counts from it */
  lastDay: { y: number; m: number; d: number; pos: number } | null;
  /** a history rather than news: the dates it states lie far from its creation date */
  narrative: boolean;
}

/** How far back (in characters) a stated date anchors what follows: a paragraph in a history,
 * about a sentence in news, where an old date is usually an aside. */
function refWindow(ctx: Ctx): number {
  return ctx.narrative || !ctx.dct ? 1500 : 150;
}

/** Whether the stated date at `ctx.ref` may anchor an expression at `pos`: within a paragraph in a
 * history, within the same sentence in news. */
function refApplies(ctx: Ctx, pos: number): boolean {
  if (!ctx.ref) return false;
  if (ctx.narrative || !ctx.dct) return true;
  if (pos - ctx.ref.pos > refWindow(ctx)) return false;
  return !/[.!?]["')\]]?\s+["'(]?[A-Z]|\n/.test(ctx.text.slice(ctx.ref.pos, pos));
}

interface Resolved {
  type: TimexType;
  value: string;
  mod?: string;
  anchored: boolean;
  /** an explicit date that later relative expressions may lean on */
  sets?: { y: number; m?: number; d?: number };
  quarter?: { y: number; q: number };
  rangeFrom?: string;
  rangeTo?: string;
  durationAt?: 'end' | 'start';
}

interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** higher wins among candidates of equal length */
  priority: number;
  /** a time of day alone ("noon", "5 p.m.") or a day alone ("Friday", "Nov. 6"): the two merge when adjacent */
  kind?: 'clock' | 'day';
  resolve(ctx: Ctx): Resolved | null;
}

// ---------------------------------------------------------------- helpers

const lc = (s: string | undefined): string => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Words within the same sentence before `pos` that point to the future. */
function futureContext(text: string, pos: number): boolean {
  const from = Math.max(0, pos - 100);
  let window = text.slice(from, pos);
  const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  if (cut >= 0) window = window.slice(cut + 1);
  if (/\b(?:until|till|by|before|starting|beginning|postponed\s+(?:to|until)|delayed\s+(?:to|until))\s+$/i.test(window)) return true;
  return /\b(?:will|'ll|shall|going to|plans? to|planned|scheduled|expected to|is to|are to|due to|set to|next|upcoming|coming)\b/i.test(window);
}

/** Whether the clause around `pos` is in the past tense: a past auxiliary or a past form of a
 * common event verb, and no future marker after it. */
function pastClause(text: string, pos: number): boolean {
  let from = Math.max(0, pos - 60);
  let to = Math.min(text.length, pos + 40);
  const before = text.slice(from, pos);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('; '));
  if (cut >= 0) from += cut + 1;
  const afterText = text.slice(pos, to);
  const stop = afterText.search(/[.;\n]\s/);
  if (stop >= 0) to = pos + stop;
  const clause = text.slice(from, to);
  if (/\b(?:is|are|be|will|'ll|shall|would|going\s+to|plans?\s+to|expected\s+to|scheduled|due\s+to|set\s+to|is\s+to|are\s+to|next|upcoming|coming)\b/i.test(clause)) return false;
  return /\b(?:was|were|had|did|began|ended|took|came|went|fell|rose|died|killed|attacked|happened|occurred|signed|held|met|left|arrived|announced|launched|seized|captured|withdrew|started|reached|won|lost|became)\b/i.test(clause);
}

function dctYear(ctx: Ctx): number | null {
  return ctx.dct ? ctx.dct.y : null;
}

/** Year for a month (and day) written without one: the reference year in a narrative, else
 * the year that puts the date closest to publication, the past weighing less than the future
 * (news mostly reports what happened). */
function inferYear(ctx: Ctx, pos: number, m: number, d: number | undefined, future: boolean): { y: number; anchored: boolean } | null {
  // in news a bare year earlier in the sentence ("since 1982 ... in April") is no anchor; a stated month is
  if (ctx.ref && refApplies(ctx, pos) && (!ctx.dct || ctx.ref.y !== ctx.dct.y) && (ctx.narrative || !ctx.dct || ctx.ref.m !== undefined)) {
    return { y: ctx.ref.y, anchored: false };
  }
  if (!ctx.dct) return ctx.ref ? { y: ctx.ref.y, anchored: false } : null;
  const dct = ctx.dct;
  let best = dct.y;
  let bestCost = Infinity;
  // a clause in the past tense and without a future marker reports the past
  const past = !future && pastClause(ctx.text, pos);
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const diff = d ? diffDays(dct, { y, m, d }) : (y * 12 + m) - (dct.y * 12 + dct.m);
    const scale = d ? 1 : 30;
    const cost = diff < 0 ? -diff * scale * (future ? 3 : 1) : diff * scale * (future ? 1 : past ? (d ? 6 : 20) : 2.5);
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return { y: best, anchored: true };
}

/** The most recent `wd` on or before the publication date, or the next one after it. */
function resolveWeekday(dct: Ymd, wd: number, direction: 'past' | 'future' | 'last' | 'next'): Ymd {
  const cur = weekdayOf(dct);
  if (direction === 'future' || direction === 'next') {
    let delta = (wd - cur + 7) % 7;
    if (delta === 0) delta = direction === 'next' ? 7 : 0;
    return addDays(dct, delta);
  }
  let delta = (cur - wd + 7) % 7;
  if (delta === 0 && direction === 'last') delta = 7;
  return addDays(dct, -delta);
}

function unanchoredLike(granularity: string): string {
  switch (granularity) {
    case 'year':
      return 'XXXX';
    case 'month':
      return 'XXXX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'quarter':
      return 'XXXX-QX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    default:
      return 'XXXX-XX-XX';
  }
}

/** A date shifted by `n` units and written at the unit's granularity. */
function shifted(base: Ymd, unit: string, n: number): string | null {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
    case 'night':
      return ymdString(addDays(base, n));
    case 'week':
    case 'weekend':
    case 'fortnight':
      return weekString(addDays(base, 7 * n * (unit === 'fortnight' ? 2 : 1))) + (unit === 'weekend' ? '-WE' : '');
    case 'month': {
      const x = addMonths(base, n);
      return monthString(x.y, x.m);
    }
    case 'quarter': {
      const x = addMonths(base, 3 * n);
      return `${yearString(x.y)}-Q${quarterOf(x.m)}`;
    }
    case 'year':
      return yearString(base.y + n);
    case 'decade':
      return String(Math.floor((base.y + 10 * n) / 10));
    case 'century':
      return pad(Math.floor((base.y + 100 * n) / 100));
    default:
      return null;
  }
}

function durationValue(n: number | null, unit: string): string {
  const info = UNITS[unit];
  if (!info) return 'PX';
  if (n === null) {
    if (unit === 'decade') return 'PXDE';
    if (unit === 'century') return 'PXCE';
    return info.time ? `PTX${info.code}` : `PX${info.code}`;
  }
  const total = n * info.factor;
  if (!Number.isInteger(total)) {
    // 1.5 years: TIMEX3 wants integers, so step down a unit when it divides evenly
    if (info.code === 'Y' && Number.isInteger(total * 12)) return `P${total * 12}M`;
    if (info.code === 'H' && Number.isInteger(total * 60)) {
      const h = Math.floor(total);
      const m = Math.round((total - h) * 60);
      return h > 0 ? `PT${h}H${m}M` : `PT${m}M`;
    }
    if (info.code === 'D' && Number.isInteger(total * 24)) return `PT${total * 24}H`;
  }
  return info.time ? `PT${total}${info.code}` : `P${total}${info.code}`;
}

// ---------------------------------------------------------------- rules

export interface Rule {
  name: string;
  re: RegExp;
  /** a cheap pattern every match contains: the full pattern then runs only in windows around its
   * hits, `back` characters before and `forward` after, which keeps the stage fast on long text */
  head?: { re: RegExp; back: number; forward: number };
  /** every match starts, at a word boundary, with a word written in the pattern (no class or digit
   * first): the pattern is then tried only where such a word starts a run (see `sourceWords`) */
  wordStart?: boolean;
  priority?: number;
  kind?: 'clock' | 'day';
  make(m: RegExpExecArray, text: string): Omit<Candidate, 'rule' | 'priority'> | null;
}

const YEAR_RE = String.raw`(?:1[0-9]{3}|20[0-9]{2})`;
const NOT_AFTER_YEAR = String.raw`(?![\d,.]\d|\s*(?:%|percent|per\s+cent|people|persons|men|women|troops|soldiers|fighters|killed|dead|km|kilometers|kilometres|miles|meters|metres|feet|tons|tonnes|dollars|euros|barrels|votes|seats|points|shares|units|cars|homes|jobs)\b)`;
const NOT_BEFORE_YEAR = String.raw`(?<![\d$£€¥.,:/#-]|No\.\s|no\.\s|Flight\s|Resolution\s|Route\s|Room\s|page\s|pages\s)`;
const POSITION = String.raw`early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+turn\s+of|the\s+close\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of`;

function positionMod(raw: string | undefined): string | undefined {
  const s = lc(raw);
  if (!s) return undefined;
  if (s.includes('first half')) return 'START';
  if (s.includes('second half')) return 'END';
  if (s.startsWith('early') || s.includes('beginning') || s.includes('start')) return 'START';
  if (s.startsWith('late') || s.includes('end of') || s.includes('close') || s.includes('turn')) return 'END';
  if (s.startsWith('mid') || s.includes('middle')) return 'MID';
  return undefined;
}

const RELATIVE_WORDS = String.raw`this|last|next|past|previous|coming|current|following|same|that|the\s+past|the\s+last|the\s+next|the\s+current|the\s+coming|the\s+previous|the\s+following|the\s+same|the\s+preceding|the\s+latest|the\s+present|the\s+first|the\s+final`;

type Direction = number | 'ref0' | 'ref+1' | 'ref-1';

/** How a relative word moves: a number of units from publication, or from the reference time
 * ("the following year", "the previous month", "that day"). */
function direction(word: string): Direction | null {
  const w = lc(word).replace(/^the /, '');
  if (w === 'this' || w === 'current' || w === 'present' || w === 'latest') return 0;
  if ((w === 'previous' || w === 'preceding') && lc(word).startsWith('the ')) return 'ref-1';
  if (w === 'last' || w === 'past' || w === 'previous' || w === 'preceding') return -1;
  if (w === 'next' || w === 'coming') return lc(word).startsWith('the ') ? 'ref+1' : 1;
  if (w === 'following') return 'ref+1';
  if (w === 'same' || w === 'that') return 'ref0';
  return null;
}

export const RULES: Rule[] = [
  // "the past three years", "over three years", "two-year", "about a decade", "three days later", "a year ago"
  {
    name: 'duration',
    head: { re: /\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni)/gi, back: 70, forward: 40 },
    re: new RegExp(
      String.raw`\b(?:(${QUANT_MOD_RE})\s+)?(?:(the|a|an)\s+)?(?:(past|last|next|first|previous|coming|following|final|latest|initial|remaining|additional|further|ensuing|preceding|recent|another|other|more)\s+)?(${NUM_RE})(?:\s+(?:to|or|and|-|–)\s+(?:${NUM_RE}))?(?:\s+|-)(?:(more|additional|full|long)\s+)?(${UNIT_RE})(?:-(long|old))?(?:\s+(ago|earlier|later|from\s+now|hence|old))?\b`,
      'gi',
    ),
    make(m, text) {
      const [, qmod, det, qual, numRaw, , unitRaw, , after] = m;
      const unit = unitOf(unitRaw);
      const n = readNumber(numRaw);
      const numLc = lc(numRaw);
      const mod = det && /^the$/i.test(det) && /^(?:over|under|around|about|some)$/i.test(qmod ?? '') ? undefined : modOf(qmod);
      // "a/an" as the count only before a singular unit ("a year"), never "a years"
      if ((numLc === 'a' || numLc === 'an') && /s$/i.test(unitRaw) && unit !== 'century') return null;
      // "a second betrayal": the ordinal, not a second of time
      if (unit === 'second' && (numLc === 'a' || det) && !after && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      // "one day" at the start of a story is a narrative opener, not a duration
      if (numLc === 'some' && !/s$/i.test(unitRaw)) return null;
      // a quantity of money, percent or count right before ("$5 a year", "10 percent a year") is a rate, not a time
      if (!after && (numLc === 'a' || numLc === 'an' || numLc === 'per') && /(?:\d|%|percent|cents?|dollars?|times|twice|once|million|billion|trillion|share)\s*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
      // fractions, not quarters of a year: "three-quarters of", "a quarter of the vote"
      if (unit === 'quarter' && (/^\w+-quarters?$/i.test(m[0].trim()) || /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)))) return null;
      const q = lc(qual);
      const a = lc(after);
      let start = m.index;
      const end = m.index + m[0].length;
      // "only", "just" are not part of the expression's meaning but TimeML keeps them out
      if (qmod && !mod) start += m[0].indexOf(det ?? qual ?? numRaw, qmod.length);
      // "over the next two years": with a determiner, "over" is the preposition, not a modifier
      const qmodIsPreposition = qmod && det && /^the$/i.test(det) && /^(?:over|under|around|about|some)$/i.test(qmod);
      if (qmodIsPreposition) start = m.index + m[0].toLowerCase().indexOf(det.toLowerCase(), qmod.length);
      // "a four-decade war": the article belongs to the noun phrase, not to the time
      if (!qmod && det && /^an?$/i.test(det) && numLc !== 'a' && numLc !== 'an' && /-/.test(m[0].slice(det.length))) start = m.index + m[0].indexOf(numRaw, det.length);
      if (a === 'ago' || a === 'earlier' || a === 'later' || a === 'from now' || a === 'hence') {
        const sign = a === 'ago' || a === 'earlier' ? -1 : 1;
        const fromRef = a === 'later' || a === 'earlier';
        return {
          start,
          end,
          resolve(ctx) {
            if (n === null) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', mod, anchored: ctx.dct !== null };
            // "a year ago" in a quarterly report means the same quarter a year before
            if (unit === 'year' && ctx.lastQuarter && m.index - ctx.lastQuarter.pos < 800) {
              const qy = ctx.lastQuarter.y + sign * n;
              return { type: 'DATE', value: `${yearString(qy)}-Q${ctx.lastQuarter.q}`, mod, anchored: true };
            }
            const useRef = fromRef && ctx.ref && refApplies(ctx, m.index) && ctx.ref.m !== undefined;
            // "detained the president on Wednesday ... two days later": days counted from a day the
            // text just named, even one it placed against the publication date
            const fromDay = fromRef && !useRef && unit === 'day' && ctx.lastDay !== null && m.index - ctx.lastDay.pos < 300 ? ctx.lastDay : null;
            const base: Ymd | null = useRef && ctx.ref ? { y: ctx.ref.y, m: ctx.ref.m ?? 6, d: ctx.ref.d ?? 15 } : fromDay ?? ctx.dct;
            if (!base) return { type: 'DATE', value: unanchoredLike(unit), mod, anchored: false };
            const v = shifted(base, unit, sign * n);
            if (!v) return null;
            return { type: 'DATE', value: v, mod, anchored: !useRef };
          },
        };
      }
      if (a === 'old' || lc(m[7]) === 'old') return null; // ages are not times
      const until = a ? m.index + m[0].length - (m[8]?.length ?? 0) : end;
      return {
        start,
        end: a ? trimEnd(text, m.index, until) : end,
        resolve(ctx) {
          const value = durationValue(n, unit);
          let at: 'end' | 'start' | undefined;
          if (q === 'past' || q === 'last' || q === 'previous' || q === 'preceding' || q === 'recent') at = 'end';
          else if (q === 'next' || q === 'coming' || q === 'following' || q === 'remaining') at = 'start';
          else {
            const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
            if (/\b(?:for|over|after|in)\s+$/i.test(before) && !futureContext(ctx.text, m.index)) at = /\bin\s+$/i.test(before) ? undefined : 'end';
            if (!at && qmod && /^over$/i.test(qmod) && /\bafter\s+$/i.test(before)) at = 'end';
          }
          return { type: 'DURATION', value, mod, anchored: at !== undefined && ctx.dct !== null, durationAt: ctx.dct ? at : undefined };
        },
      };
    },
  },
  // bare plural units with a vague qualifier: "recent years", "the past few months", "for years", "decades-long"
  {
    name: 'vague-duration',
    head: { re: /\b(?:years|months|weeks|days|decades|hours|minutes|centuries)\b/gi, back: 30, forward: 8 },
    re: new RegExp(
      String.raw`\b(?:(?:(the)\s+)?(recent|past|last|coming|next|previous|following)\s+)?(years|months|weeks|days|decades|hours|minutes|centuries)(-long|-old)?\b`,
      'gi',
    ),
    priority: -1,
    make(m, text) {
      const [, det, qual, unitRaw, suffix] = m;
      const before = text.slice(Math.max(0, m.index - 8), m.index);
      const q = lc(qual);
      if (!q && !/\b(?:for|in|over|within|after|took|take|takes|lasted|last)\s+$/i.test(before) && suffix !== '-long') return null;
      if (suffix === '-old') return null;
      const unit = unitOf(unitRaw);
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          if (q === 'recent' && !det && unit === 'year') return { type: 'DATE', value: 'PAST_REF', anchored: ctx.dct !== null };
          if (q === 'coming' || q === 'next' || q === 'following') return { type: 'DURATION', value: durationValue(null, unit), anchored: false, durationAt: ctx.dct ? 'start' : undefined };
          return { type: 'DURATION', value: durationValue(null, unit), anchored: false, durationAt: q && ctx.dct ? 'end' : undefined };
        },
      };
    },
  },
  // "1990s", "the 1990s", "the early '90s", "the mid-1980s"
  {
    name: 'decade',
    head: { re: /\d0'?s\b/g, back: 22, forward: 2 },
    re: new RegExp(String.raw`\b(?:(the)\s+)?(?:(early|late|mid)[- ]?)?(?:(1[0-9]{2}|20[0-9])0|'([0-9])0)'?s\b`, 'gi'),
    priority: 2,
    make(m) {
      const [, , pos, full, short] = m;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          const stem = full ?? (short ? (Number(short) <= ((dctYear(ctx) ?? 2000) % 100) / 10 && (dctYear(ctx) ?? 1990) >= 2000 ? `20${short}` : `19${short}`) : '');
          return { type: 'DATE', value: stem, mod: positionMod(pos), anchored: false };
        },
      };
    },
  },
  // "the 20th century", "the early twentieth century"
  {
    name: 'century',
    head: { re: /centur/gi, back: 35, forward: 10 },
    re: /\b(?:(the)\s+)?(?:(early|late|mid)[- ]?)?(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century\b/gi,
    priority: 2,
    make(m) {
      const [, , pos, ord] = m;
      const n = /^\d/.test(ord) ? parseInt(ord, 10) : ORDINALS[lc(ord)];
      if (!n) return null;
      return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value: pad(n - 1), mod: positionMod(pos), anchored: false }) };
    },
  },
  // "the third quarter", "third-quarter", "the 1988 third quarter", "Q3 2021", "the year-earlier quarter"
  {
    name: 'quarter',
    head: { re: /quarter|\bQ[1-4]\b/gi, back: 70, forward: 40 },
    re: new RegExp(
      String.raw`\b(?:(the|its|this\s+year's|last\s+year's|next\s+year's)\s+)?(?:(year-earlier|year-ago|year\s+earlier|comparable|same|latest|current|recent|previous|last|past|this|next|coming|fiscal|calendar|just-ended|just\s+ended)\s+)?(?:(year-earlier|year-ago|comparable|fiscal)\s+)?(?:(${YEAR_RE})\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?)?(quarter)(?:\s+of\s+(?:fiscal\s+)?(${YEAR_RE}|this\s+year|last\s+year|next\s+year))?\b|\bQ([1-4])(?:\s+|-|/)?((?:20|19)\d\d)?\b`,
      'gi',
    ),
    priority: 2,
    make(m, text) {
      const [, det, q1, q2, yearRaw, ordRaw, , ofYear, qShort, qShortYear] = m;
      const ordinal = ordRaw ? ORDINALS[lc(ordRaw)] : qShort ? Number(qShort) : undefined;
      const qual = lc(q1) + ' ' + lc(q2);
      // a bare "quarter" needs a determiner or qualifier to be a time ("a quarter of the troops" is not)
      if (!ordinal && !det && !q1 && !q2) return null;
      if (!ordinal && lc(det) === 'the' && !q1 && /^\s+of\s+(?!\d{4}|this|last|next)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
      if (/^\s+(?:century|mile|note|inch|point|pound|hour)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) return null;
      const plural = /^s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2));
      if (plural) return null;
      // TimeML leaves out a possessive and, before the adjective "third-quarter", the determiner
      let start = m.index;
      if (lc(det) === 'its' || (det && ordRaw && /^[a-z0-9]+-(?:fiscal-)?quarter$/i.test(text.slice(m.index + m[0].indexOf(ordRaw), m.index + m[0].length)) && !yearRaw)) {
        start = m.index + m[0].indexOf(ordRaw ?? 'quarter', det ? det.length : 0);
      }
      return {
        start,
        end: m.index + m[0].length,
        resolve(ctx) {
          let y: number | null = null;
          let q = ordinal ?? null;
          let anchored = false;
          const yearText = yearRaw ?? ofYear ?? qShortYear;
          if (yearText && /^\d/.test(yearText)) y = Number(yearText);
          else if (yearText && ctx.dct) {
            y = ctx.dct.y + (/last/i.test(yearText) ? -1 : /next/i.test(yearText) ? 1 : 0);
            anchored = true;
          }
          const back = /year-earlier|year-ago|year earlier/.test(qual) ? 1 : 0;
          const possessive = lc(det);
          if (y === null && possessive.endsWith("year's") && ctx.dct) {
            y = ctx.dct.y + (possessive.startsWith('last') ? -1 : possessive.startsWith('next') ? 1 : 0);
            anchored = true;
          }
          if (q === null) {
            // "the quarter", "the latest quarter": the quarter the report is about
            if (ctx.lastQuarter) {
              y = y ?? ctx.lastQuarter.y;
              q = ctx.lastQuarter.q;
            } else if (ctx.dct) {
              const prev = addMonths(ctx.dct, /this|current/.test(qual) ? 0 : /next|coming/.test(qual) ? 3 : -3);
              y = y ?? prev.y;
              q = quarterOf(prev.m);
              anchored = true;
            } else {
              return { type: 'DATE', value: 'XXXX-QX', anchored: false };
            }
          }
          if (y === null) {
            if (ctx.lastQuarter && /year-earlier|year-ago|year earlier|comparable|same/.test(qual)) y = ctx.lastQuarter.y;
            else if (ctx.ref && (ctx.narrative || !ctx.dct) && m.index - ctx.ref.pos < refWindow(ctx)) y = ctx.ref.y;
            else if (ctx.dct) {
              y = ctx.dct.y;
              if (/last|previous|past/.test(qual) && q >= quarterOf(ctx.dct.m)) y -= 1;
              if (/next|coming/.test(qual) && q <= quarterOf(ctx.dct.m)) y += 1;
              // a quarter not yet begun at publication is last year's, unless the future is meant
              if (!/next|coming/.test(qual) && q > quarterOf(ctx.dct.m) + 1 && !futureContext(ctx.text, m.index)) y -= 1;
              anchored = true;
            } else return { type: 'DATE', value: `XXXX-Q${q}`, anchored: false };
          }
          y -= back;
          const value = `${yearString(y)}-Q${q}`;
          return { type: 'DATE', value, anchored, quarter: back ? undefined : { y, q } };
        },
      };
    },
  },
  // "the first half of 2021", "the second half"
  {
    name: 'half-year',
    head: { re: /\bhalf\b/gi, back: 20, forward: 35 },
    re: new RegExp(String.raw`\b(?:the\s+)?(first|second)\s+half(?:\s+of\s+(?:the\s+year|(${YEAR_RE})|this\s+year|last\s+year|next\s+year))?\b`, 'gi'),
    make(m, text) {
      const [, ord, year] = m;
      if (!/\bof\b/i.test(m[0]) && !/^\s*(?:results|profit|earnings|sales)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          let y: number | null = year ? Number(year) : null;
          if (y === null && ctx.dct) y = ctx.dct.y + (/last year/i.test(m[0]) ? -1 : /next year/i.test(m[0]) ? 1 : 0);
          const h = lc(ord) === 'first' ? 1 : 2;
          return { type: 'DATE', value: y === null ? `XXXX-H${h}` : `${yearString(y)}-H${h}`, anchored: !year && y !== null };
        },
      };
    },
  },
  // seasons: "last fall", "the summer of 1779", "early spring", "winter 2024"
  {
    name: 'season',
    head: { re: /spring|summer|fall|autumn|winter/gi, back: 25, forward: 25 },
    re: new RegExp(
      String.raw`\b(?:(early|late|mid)[- ]?)?(?:(this|last|next|the|that|past|coming)\s+)?(?:(early|late|mid)[- ]?)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(${YEAR_RE}|\d{1,4}\s+(?:BC|B\.C\.)))?\b`,
      'gi',
    ),
    make(m, text) {
      const [, pos1, rel, pos2, seasonRaw, year] = m;
      const season = SEASONS[lc(seasonRaw)];
      // "fall" is mostly a verb: only with a determiner, a year or a position word
      if (lc(seasonRaw) === 'fall' && !rel && !year && !pos1 && !pos2) return null;
      if (!rel && !year && !pos1 && !pos2 && !/\b(?:in|during|by|until|since|through|this|last|next)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^\s*(?:of\s+(?:the|discontent|\d{1,3}\b))|^-/i.test(after)) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          const mod = positionMod(pos1 ?? pos2);
          if (year) {
            const bc = /BC|B\.C\./.test(year);
            const y = bc ? 1 - parseInt(year, 10) : Number(year);
            return { type: 'DATE', value: `${yearString(y)}-${season}`, mod, anchored: false, sets: { y } };
          }
          const r = lc(rel);
          if (ctx.ref && refApplies(ctx, m.index) && (!ctx.dct || ctx.ref.y !== ctx.dct.y) && r !== 'last' && r !== 'next') {
            return { type: 'DATE', value: `${yearString(ctx.ref.y)}-${season}`, mod, anchored: false };
          }
          if (!ctx.dct) return { type: 'DATE', value: `XXXX-${season}`, mod, anchored: false };
          let y = ctx.dct.y;
          const month = ctx.dct.m;
          const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[season] ?? 1;
          if (r === 'last' || r === 'past') y = start < month ? y - 1 : y - 1;
          else if (r === 'next' || r === 'coming') y = start > month ? y : y + 1;
          return { type: 'DATE', value: `${yearString(y)}-${season}`, mod, anchored: true };
        },
      };
    },
  },
  // "this year", "last month", "next week", "the past year", "earlier this month", "early next year", "the following day"
  {
    name: 'relative-unit',
    head: { re: /\b(?:day|week|weekend|month|year|decade|century|morning|afternoon|evening|night)\b/gi, back: 60, forward: 2 },
    re: new RegExp(
      String.raw`\b(?:(earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+balance\s+of)\s+(?:in\s+)?)?(${RELATIVE_WORDS})\s+(?:(fiscal|calendar|school|financial|academic)\s+)?(day|week|weekend|month|year|decade|century|morning|afternoon|evening|night)\b`,
      'gi',
    ),
    priority: 1,
    make(m, text) {
      const [, posRaw, relRaw, , unitRaw] = m;
      const rel = lc(relRaw);
      const unit = lc(unitRaw);
      const dir = direction(rel);
      if (dir === null) return null;
      // "the first day of school", "the last year of his life": ordinal positions inside something else
      if ((rel === 'the first' || rel === 'the final' || rel === 'the last') && /^\s+(?:of|in|that|when|before|after)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) {
        if (rel !== 'the last') return null;
      }
      if (rel === 'the first' || rel === 'the final') return null;
      // "This Week", "Next Year" with both words capitalised inside a sentence are titles
      if (/^[A-Z]\S*\s+[A-Z]/.test(m[0]) && !/(?:^|[.!?:"“]\s*|\n)$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
      // "this morning" and the like are times of day
      const part = DAY_PARTS[unit];
      const mod = positionMod(posRaw);
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          if (part) {
            const base = typeof dir === 'string' ? (ctx.ref && ctx.ref.d ? { y: ctx.ref.y, m: ctx.ref.m ?? 1, d: ctx.ref.d } : ctx.dct) : ctx.dct;
            if (!base) return { type: 'TIME', value: `XXXX-XX-XXT${part}`, anchored: false };
            const shift = dir === -1 || dir === 'ref-1' ? -1 : dir === 1 || dir === 'ref+1' ? 1 : 0;
            return { type: 'TIME', value: `${ymdString(addDays(base, shift))}T${part}`, anchored: base === ctx.dct };
          }
          // "to this day", "until this day": the present, in any text
          if (rel === 'this' && unit === 'day' && /\b(?:to|until|till)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 7), m.index))) {
            return { type: 'DATE', value: 'PRESENT_REF', anchored: false };
          }
          let base: Ymd | null = ctx.dct;
          let n = 0;
          let anchored = true;
          if (typeof dir === 'string') {
            if (ctx.ref && (ctx.narrative || !ctx.dct || m.index - ctx.ref.pos < refWindow(ctx) * 2)) {
              base = { y: ctx.ref.y, m: ctx.ref.m ?? 6, d: ctx.ref.d ?? 15 };
              anchored = false;
              // "the same day" needs a known day, "the following month" a known month
              if ((unit === 'day' && ctx.ref.d === undefined) || ((unit === 'month' || unit === 'week') && ctx.ref.m === undefined)) {
                return { type: 'DATE', value: unanchoredLike(unit), mod, anchored: false };
              }
            }
            n = dir === 'ref+1' ? 1 : dir === 'ref-1' ? -1 : 0;
          } else n = dir;
          if (!base) return { type: 'DATE', value: unanchoredLike(unit), mod, anchored: false };
          // "the past decade", "the last century": the stretch ending now, not the previous calendar decade
          if ((rel === 'the past' || rel === 'the last') && (unit === 'decade' || unit === 'century') && !posRaw) {
            return { type: 'DURATION', value: unit === 'decade' ? 'P10Y' : 'P100Y', anchored: ctx.dct !== null, durationAt: ctx.dct ? 'end' : undefined };
          }
          const v = shifted(base, unit === 'day' ? 'day' : unit, n);
          if (!v) return null;
          return { type: 'DATE', value: v, mod, anchored };
        },
      };
    },
  },
  // days relative to publication: "today", "yesterday", "tonight", "the day before yesterday", "last night"
  {
    name: 'deictic-day',
    wordStart: true,
    re: /\b(?:(later|earlier|early|late)\s+)?(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)(?:\s+(morning|afternoon|evening|night))?\b/gi,
    priority: 2,
    make(m, text) {
      const [, , word, partRaw] = m;
      const w = lc(word);
      if (w === 'overnight' && !/^\s*(?:,|\.|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      const shift: Record<string, number> = {
        today: 0, yesterday: -1, tomorrow: 1, tonight: 0, overnight: 0, 'last night': -1, 'the day before yesterday': -2, 'the day after tomorrow': 2,
        'this morning': 0, 'this afternoon': 0, 'this evening': 0,
      };
      const parts: Record<string, string> = { tonight: 'NI', overnight: 'NI', 'last night': 'NI', 'this morning': 'MO', 'this afternoon': 'AF', 'this evening': 'EV' };
      const part = partRaw ? DAY_PARTS[lc(partRaw)] : parts[w];
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: part ? undefined : 'day',
        resolve(ctx) {
          if (!ctx.dct) return { type: part ? 'TIME' : 'DATE', value: part ? `XXXX-XX-XXT${part}` : 'XXXX-XX-XX', anchored: false };
          const day = ymdString(addDays(ctx.dct, shift[w] ?? 0));
          return { type: part ? 'TIME' : 'DATE', value: part ? `${day}T${part}` : day, anchored: true };
        },
      };
    },
  },
  // weekdays: "Friday", "last Friday", "Sunday night", "early Tuesday"
  {
    name: 'weekday',
    wordStart: true,
    re: new RegExp(
      String.raw`\b(?:(last|next|this|coming|past|early|late)\s+)?(${WEEKDAY_RE})(?:('s)\b|\b)(?:\s+(morning|afternoon|evening|night))?`,
      'gi',
    ),
    priority: 1,
    make(m) {
      const [, relRaw, dayRaw, , partRaw] = m;
      if (!isCapitalised(dayRaw)) return null;
      const wd = WEEKDAYS[lc(dayRaw)];
      const rel = lc(relRaw);
      // "Friday night": annotators mostly give the day's date, so the part of day stays out of the value
      const part = undefined as string | undefined;
      void partRaw;
      let start = m.index;
      if (rel === 'early' || rel === 'late') start = m.index; // kept: TimeML includes these
      return {
        start,
        end: m.index + m[0].length - (m[3] && !partRaw ? m[3].length : 0),
        kind: part ? undefined : 'day',
        resolve(ctx) {
          const type: TimexType = part ? 'TIME' : 'DATE';
          const suffix = part ? `T${part}` : '';
          let base = ctx.dct;
          let anchored = true;
          // in a narrative, a weekday follows the last stated day
          if (!rel && ctx.ref && ctx.ref.d !== undefined && m.index - ctx.ref.pos < refWindow(ctx) && (ctx.narrative || !ctx.dct)) {
            base = { y: ctx.ref.y, m: ctx.ref.m ?? 1, d: ctx.ref.d };
            anchored = false;
            const d = resolveWeekday(base, wd, 'future');
            return { type, value: ymdString(d) + suffix, anchored };
          }
          if (!base) return { type, value: `XXXX-WXX-${wd === 0 ? 7 : wd}${suffix}`, anchored: false };
          let dir: 'past' | 'future' | 'last' | 'next' = 'past';
          if (rel === 'last' || rel === 'past') dir = 'last';
          else if (rel === 'next' || rel === 'coming') dir = 'next';
          else if (rel === 'this' || futureContext(ctx.text, m.index)) dir = 'future';
          return { type, value: ymdString(resolveWeekday(base, wd, dir)) + suffix, anchored };
        },
      };
    },
  },
  // months: "late November", "June 1999", "last May", "the end of June", "November last year", "mid-1996"
  {
    name: 'month',
    head: { re: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/g, back: 40, forward: 45 },
    re: new RegExp(
      String.raw`\b(?:(${POSITION})[- ]?\s*)?(?:(last|next|this|coming|past|that|the\s+same)\s+)?(${MONTH_RE})(?:,?\s+(?:of\s+)?(${YEAR_RE}|last\s+year|this\s+year|next\s+year|the\s+same\s+year|that\s+year|the\s+following\s+year|the\s+previous\s+year)\b)?(?!\s*\d)`,
      'g',
    ),
    make(m, text) {
      const [, posRaw, relRaw, monthRaw, yearRaw] = m;
      const month = monthOf(monthRaw);
      if (!month) return null;
      // "May" at a sentence start followed by a verb-like word is the modal
      if (monthRaw === 'May' && !posRaw && !relRaw && !yearRaw) {
        const prev = text.slice(Math.max(0, m.index - 12), m.index);
        const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (!/\b(?:in|of|since|until|by|from|to|through|early|late|mid|during|last|next|this|and|or|before|after)\s+$/i.test(prev) && !/^\s*(?:[,.;]|and|or)/.test(next)) return null;
      }
      const rel = lc(relRaw);
      // "the annual March for Life", "the March of the Mothers": a name, not a month
      if (!posRaw && !relRaw && !yearRaw && /\b(?:the|a|an|annual)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) && /^\s+(?:for|of|on|to)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          const mod = positionMod(posRaw);
          const yr = lc(yearRaw);
          if (yr && /^\d/.test(yr)) {
            const y = Number(yr);
            return { type: 'DATE', value: monthString(y, month), mod, anchored: false, sets: { y, m: month } };
          }
          if (yr) {
            if (/same|that/.test(yr) && ctx.ref) return { type: 'DATE', value: monthString(ctx.ref.y, month), mod, anchored: false };
            if (/following/.test(yr) && ctx.ref) return { type: 'DATE', value: monthString(ctx.ref.y + 1, month), mod, anchored: false };
            if (/previous/.test(yr) && ctx.ref) return { type: 'DATE', value: monthString(ctx.ref.y - 1, month), mod, anchored: false };
            if (!ctx.dct) return { type: 'DATE', value: `XXXX-${pad(month)}`, mod, anchored: false };
            const y = ctx.dct.y + (/last/.test(yr) ? -1 : /next/.test(yr) ? 1 : 0);
            return { type: 'DATE', value: monthString(y, month), mod, anchored: true };
          }
          if (rel && ctx.dct && rel !== 'that' && rel !== 'the same') {
            let y = ctx.dct.y;
            if (rel === 'last' || rel === 'past') y = month < ctx.dct.m ? y : y - 1;
            else if (rel === 'next' || rel === 'coming') y = month > ctx.dct.m ? y : y + 1;
            return { type: 'DATE', value: monthString(y, month), mod, anchored: true };
          }
          const inferred = inferYear(ctx, m.index, month, undefined, futureContext(ctx.text, m.index));
          if (!inferred) return { type: 'DATE', value: `XXXX-${pad(month)}`, mod, anchored: false };
          return { type: 'DATE', value: monthString(inferred.y, month), mod, anchored: inferred.anchored, sets: inferred.anchored ? undefined : { y: inferred.y, m: month } };
        },
      };
    },
  },
  // calendar days: "Aug. 7, 1998", "September 1, 1939", "7 October", "Friday, March 6", "2025-06-06"
  {
    name: 'month-day',
    head: { re: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d\d-\d\d/g, back: 30, forward: 30 },
    priority: 1,
    kind: 'day',
    re: new RegExp(
      String.raw`\b(?:${WEEKDAY_RE},?\s+)?(?:(?:(${MONTH_RE})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\d|\.\d|:\d))|(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_RE}))(?:,?\s+(${YEAR_RE})\b(?![\d,.]\d))?|((?:1[0-9]|20)\d\d)-(\d\d)-(\d\d)\b)`,
      'g',
    ),
    make(m) {
      const month = monthOf(m[1] ?? m[4] ?? '') || (m[7] ? Number(m[7]) : 0);
      const day = Number(m[2] ?? m[3] ?? m[8]);
      const yearRaw = m[5] ?? m[6];
      if (!month || month > 12 || day < 1 || day > 31) return null;
      // "May 5" after a modal-like use is still a date; a day above the month's length is not
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          if (yearRaw) {
            const y = Number(yearRaw);
            if (day > new Date(Date.UTC(y, month, 0)).getUTCDate()) return null;
            return { type: 'DATE', value: ymdString({ y, m: month, d: day }), anchored: false, sets: { y, m: month, d: day } };
          }
          const inferred = inferYear(ctx, m.index, month, day, futureContext(ctx.text, m.index));
          if (!inferred) return { type: 'DATE', value: `XXXX-${pad(month)}-${pad(day)}`, anchored: false };
          return {
            type: 'DATE',
            value: ymdString({ y: inferred.y, m: month, d: day }),
            anchored: inferred.anchored,
            sets: inferred.anchored ? undefined : { y: inferred.y, m: month, d: day },
          };
        },
      };
    },
  },
  // day ranges: "between 1 and 3 June", "from 10 to 12 May 2024", "June 1-3"
  {
    name: 'day-range',
    head: { re: /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/g, back: 40, forward: 45 },
    re: new RegExp(
      String.raw`\b(?:between\s+|from\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|-|–|until|till)\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_RE})(?:,?\s+(${YEAR_RE}))?\b|\b(${MONTH_RE})\s+(\d{1,2})\s*(?:-|–|to|and|through)\s*(\d{1,2})(?:,?\s+(${YEAR_RE}))?\b`,
      'g',
    ),
    priority: 3,
    make(m) {
      const d1 = Number(m[1] ?? m[6]);
      const d2 = Number(m[2] ?? m[7]);
      const month = monthOf(m[3] ?? m[5]);
      const yearRaw = m[4] ?? m[8];
      if (!month || d1 < 1 || d2 > 31 || d2 <= d1) return null;
      let start = m.index;
      const lead = /^(?:between|from)\s+/i.exec(m[0]);
      if (lead) start += lead[0].length;
      return {
        start,
        end: m.index + m[0].length,
        resolve(ctx) {
          let y: number;
          let anchored = false;
          if (yearRaw) y = Number(yearRaw);
          else {
            const inferred = inferYear(ctx, m.index, month, d1, futureContext(ctx.text, m.index));
            if (!inferred) return { type: 'DATE', value: `XXXX-${pad(month)}`, anchored: false, rangeFrom: `XXXX-${pad(month)}-${pad(d1)}`, rangeTo: `XXXX-${pad(month)}-${pad(d2)}` };
            y = inferred.y;
            anchored = inferred.anchored;
          }
          return {
            type: 'DATE',
            value: monthString(y, month),
            anchored,
            rangeFrom: ymdString({ y, m: month, d: d1 }),
            rangeTo: ymdString({ y, m: month, d: d2 }),
            sets: { y, m: month },
          };
        },
      };
    },
  },
  // years: "1990", "fiscal 1989", "late 2021", "mid-1996", "490 BC", "1998-99", "the end of 1964"
  {
    name: 'year',
    head: { re: /\d{4}|\bB\.?C|\bA\.?D\b/g, back: 50, forward: 12 },
    re: new RegExp(
      String.raw`${NOT_BEFORE_YEAR}\b(?:(${POSITION})[- ]?\s*)?(?:(?:the\s+)?(?:(fiscal|calendar|financial|FY|model|school)(?:\s+year)?)\s*)?(?:(\d{1,4})\s*(BCE\b|BC\b|B\.C\.|AD\b|A\.D\.)|(${YEAR_RE})(?:(?:-|–|/)(\d{2}|${YEAR_RE}))?\b)${NOT_AFTER_YEAR}`,
      'g',
    ),
    make(m, text) {
      const [, posRaw, fiscal, eraNum, era, yearRaw, second] = m;
      const prev = text.slice(Math.max(0, m.index - 10), m.index);
      // numbers next to other numbers are not years ("1,990", "10 1990"), nor are addresses or scores
      if (yearRaw && !posRaw && !fiscal) {
        if (/\d\s*$/.test(prev) || /^\s*(?:[-–]\s*\d{1,3}\b(?!\d)|:\d)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) return null;
        const y = Number(yearRaw);
        // old years only where a time word points at them: a bare 1500 is more often a count
        if (y < 1700 && !/\b(?:in|of|since|by|until|from|during|year|c\.|circa|to|and)\s+$/i.test(prev)) return null;
      }
      let start = m.index;
      if (/^the\s+/i.test(m[0]) && !posRaw) start = m.index; // "the fiscal 1989" keeps the determiner
      return {
        start,
        end: m.index + m[0].length,
        resolve() {
          let y: number;
          if (era) {
            const n = parseInt(eraNum, 10);
            y = /^B/i.test(era) ? 1 - n : n;
          } else y = Number(yearRaw);
          const mod = positionMod(posRaw);
          if (second && !era) {
            const y2 = second.length === 2 ? Math.floor(y / 100) * 100 + Number(second) : Number(second);
            if (y2 > y && y2 - y < 200) {
              return { type: 'DATE', value: yearString(y), mod, anchored: false, rangeFrom: yearString(y), rangeTo: yearString(y2), sets: { y } };
            }
          }
          return { type: 'DATE', value: yearString(y), mod, anchored: false, sets: { y } };
        },
      };
    },
  },
  // "year-earlier", "the year-ago period", "year-end", "the end of the year", "the year", "the weekend"
  {
    name: 'year-relative',
    head: { re: /\byear/gi, back: 40, forward: 25 },
    re: /\b(?:(the)\s+)?(?:(comparable|same|corresponding)\s+)?(?:(year-earlier|year-ago|year-before|year\s+earlier|year\s+ago)(?:\s+(period|quarter))?|(year-end|year\s+end|year's\s+end|the\s+end\s+of\s+the\s+year|end\s+of\s+the\s+year))\b/gi,
    priority: 1,
    make(m) {
      const [, det, , earlier, noun, yearEnd] = m;
      // TimeML keeps the determiner only with a noun ("the year-earlier period"); the bare adjective stands alone
      let start = m.index;
      if (det && earlier && !noun) start = m.index + m[0].toLowerCase().indexOf(earlier.toLowerCase());
      const end = earlier && !noun ? m.index + m[0].toLowerCase().indexOf(earlier.toLowerCase()) + earlier.length : m.index + m[0].length;
      return {
        start,
        end,
        resolve(ctx) {
          if (yearEnd) return { type: 'DATE', value: ctx.dct ? yearString(ctx.dct.y) : 'XXXX', anchored: ctx.dct !== null };
          if (ctx.lastQuarter && (m.index - ctx.lastQuarter.pos < 1500 || /period|quarter/i.test(noun ?? ''))) {
            return { type: 'DATE', value: `${yearString(ctx.lastQuarter.y - 1)}-Q${ctx.lastQuarter.q}`, anchored: true };
          }
          return { type: 'DATE', value: ctx.dct ? yearString(ctx.dct.y - 1) : 'XXXX', anchored: ctx.dct !== null };
        },
      };
    },
  },
  // "for the year", "the full year", "the week", "the weekend", "the fiscal year"
  {
    name: 'the-unit',
    head: { re: /\b(?:year|week|weekend)\b/gi, back: 30, forward: 5 },
    re: /\b(the)\s+(?:(full|entire|whole|fiscal|calendar)\s+)?(year|week|weekend)\b(?!\s*(?:'s|’s|-|of\s+(?:the\s+)?\d|of\s+(?:his|her|their|its)))/gi,
    priority: -1,
    make(m, text) {
      const [, , qual, unitRaw] = m;
      const unit = lc(unitRaw);
      const prev = text.slice(Math.max(0, m.index - 14), m.index);
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
      // "the year 2000", "the week ending": the noun is the head of something else
      if (/^\s+(?:\d|two|nineteen|in\s+which|when|that|before|after|to)/i.test(next)) return null;
      const fiscalPeriod = /^\s+(?:ended|ending|through|to\s+date)\b/i.test(next);
      const forPrep = /\b(?:for|over|throughout)\s+$/i.test(prev);
      if (!forPrep && !fiscalPeriod && !/\b(?:in|during|this|earlier\s+in|later\s+in|of|at|over)\s+$/i.test(prev)) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          if (unit === 'weekend') {
            return ctx.dct ? { type: 'DATE', value: weekString(resolveWeekday(ctx.dct, 6, futureContext(ctx.text, m.index) ? 'future' : 'past')) + '-WE', anchored: true } : { type: 'DATE', value: 'XXXX-WXX-WE', anchored: false };
          }
          if (fiscalPeriod || (forPrep && lc(qual) !== 'full')) return { type: 'DURATION', value: unit === 'week' ? 'P1W' : 'P1Y', anchored: false };
          if (!ctx.dct) return { type: 'DATE', value: unanchoredLike(unit), anchored: false };
          return { type: 'DATE', value: unit === 'week' ? weekString(ctx.dct) : yearString(ctx.dct.y), anchored: true };
        },
      };
    },
  },
  // years and decades in words: "nineteen ninety-six", "the year two thousand", "the nineties"
  {
    name: 'year-words',
    head: { re: /\b(?:nineteen|eighteen|twenty|thousand|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi, back: 25, forward: 30 },
    re: /\b(?:(the)\s+(?:(early|late|mid)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)|(?:the\s+year\s+)?(?:(nineteen|eighteen|twenty)\s+(?:(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(?:oh|o)[- ](one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five))?))?))\b/gi,
    make(m, text) {
      const [, , pos, decadeWord, century, teen, tens, unitsWord, ohUnit, after2000] = m;
      const tensOf: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
      if (decadeWord) {
        // in news "the nineties" is the 1990s of the century being written in
        return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value: `19${tensOf[lc(decadeWord)]}`, mod: positionMod(pos), anchored: false }) };
      }
      let y: number;
      if (century) {
        const c = ({ nineteen: 19, eighteen: 18, twenty: 20 } as Record<string, number>)[lc(century)];
        const rest = teen ? readNumber(teen) : tens ? (readNumber(tens) ?? 0) + (unitsWord ? readNumber(unitsWord) ?? 0 : 0) : ohUnit ? readNumber(ohUnit) : null;
        if (rest === null) return null;
        y = c * 100 + rest;
        // "twenty twenty" needs the year context; "nineteen ninety-six" is unambiguous
        if (lc(century) === 'twenty' && !/year\s*$/i.test(text.slice(Math.max(0, m.index - 6), m.index)) && !/^the\s+year/i.test(m[0])) return null;
      } else {
        y = 2000 + (after2000 ? readNumber(after2000) ?? 0 : 0);
        if (!/^the\s+year/i.test(m[0]) && !after2000) return null;
      }
      const yy = y;
      return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'DATE', value: yearString(yy), anchored: false, sets: { y: yy } }) };
    },
  },
  // "the end of the month", "the beginning of this year", "the middle of the week"
  {
    name: 'position-of-unit',
    head: { re: /\bof\s+(?:the|this)\s+(?:week|month|year|quarter|decade)\b/gi, back: 30, forward: 0 },
    priority: 2,
    re: /\b(?:the\s+)?(end|beginning|start|middle|close|turn)\s+of\s+(?:the|this)\s+(week|month|year|quarter|decade)\b(?!\s*(?:'s|’s|of|in|when|before|after|ended|ending))/gi,
    make(m) {
      const mod = positionMod(`${m[1]} of`);
      const unit = lc(m[2]);
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          // in a history the unit is the reference time's; in news it is the publication's
          const base = ctx.narrative && ctx.ref ? { y: ctx.ref.y, m: ctx.ref.m ?? 6, d: ctx.ref.d ?? 15 } : ctx.dct;
          if (!base) return { type: 'DATE', value: unanchoredLike(unit), mod, anchored: false };
          const v = shifted(base, unit, 0);
          return v ? { type: 'DATE', value: v, mod, anchored: base === ctx.dct } : null;
        },
      };
    },
  },
  // vague references to now, the past and the future
  {
    name: 'vague',
    wordStart: true,
    re: /\b(now|right\s+now|just\s+now|currently|current|nowadays|these\s+days|at\s+present|the\s+present|present(?:ly)?|recently|recent|lately|once|in\s+the\s+past|the\s+past|the\s+future|future|soon|the\s+near\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|the\s+long\s+run|the\s+short\s+run|at\s+the\s+moment|a\s+later\s+date)\b/gi,
    priority: -2,
    make(m, text) {
      const w = lc(m[1]);
      const prev = text.slice(Math.max(0, m.index - 16), m.index);
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      let value: string | null = null;
      let start = m.index;
      const end = m.index + m[0].length;
      switch (w) {
        case 'now':
        case 'right now':
        case 'just now':
          // "now" as a discourse marker ("Now, ...") and "now that" stay times in TimeML
          value = 'PRESENT_REF';
          break;
        case 'currently':
        case 'nowadays':
        case 'these days':
        case 'at present':
        case 'the present':
        case 'presently':
        case 'at the moment':
          value = 'PRESENT_REF';
          if (w === 'at present' || w === 'at the moment') start += 3;
          break;
        case 'current':
          // "current" before a noun names the present: "the current quarter" is caught elsewhere; "current account" is no time
          if (/^\s+(?:account|affairs|events|president|leader|prime|minister|government|regime|crisis|situation|conflict|war|members?|chief|head|rate|price|level|period|strategy|policy|system|status|state|law|form|version|one|ones)\b/i.test(next) || /^\s+(?:[a-z-]+)/.test(next)) value = 'PRESENT_REF';
          if (/^\s+(?:account|affairs|events)\b/i.test(next)) value = null;
          break;
        case 'recently':
        case 'lately':
        case 'recent':
          // "previously", "formerly" and a bare "earlier" are left out: TimeML annotators mostly skip them
          value = 'PAST_REF';
          break;
        case 'in the past':
          start += 3;
          value = 'PAST_REF';
          break;
        case 'the past':
          if (!/^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|century|couple)/i.test(next)) value = 'PAST_REF';
          break;
        case 'the future':
        case 'the near future':
        case 'the near term':
        case 'the short term':
        case 'the long term':
        case 'the long run':
        case 'the short run':
        case 'a later date':
          value = 'FUTURE_REF';
          break;
        case 'future':
          if (/^\s+(?:of|generations?|years?|plans?|talks?|negotiations?|operations?|attacks?|elections?|growth|deals?|sales|earnings|prospects|role|relations?|cooperation|government|use)\b/i.test(next) || /^\s*[,.;]/.test(next)) value = 'FUTURE_REF';
          if (/\b(?:the|its|their|his|her|our|a)\s+$/i.test(prev) && /^\s*[,.;]/.test(next)) value = 'FUTURE_REF';
          if (/^\s+of\b/i.test(next) && !/\bthe\s+$/i.test(prev)) value = null;
          break;
        case 'soon':
          value = /\bas\s+$/i.test(prev) || /^\s+after\b/i.test(next) ? null : 'FUTURE_REF';
          break;
        default:
          value = null;
      }
      if (!value) return null;
      const v = value;
      return { start, end, resolve: (ctx) => ({ type: 'DATE', value: v, anchored: ctx.dct !== null && v !== 'PRESENT_REF' }) };
    },
  },
  // sets: "daily", "every week", "each year", "twice a month"
  {
    name: 'set',
    head: { re: /\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|every|each|per)\b/gi, back: 2, forward: 40 },
    re: new RegExp(String.raw`\b(?:(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|every\s+day|each\s+day|every\s+year|each\s+year|every\s+month|each\s+month|every\s+week|each\s+week|every\s+quarter|each\s+quarter|every\s+night|every\s+morning|per\s+day|per\s+year|per\s+month|per\s+week|per\s+hour)|every\s+(${NUM_RE})\s+(${UNIT_RE})|(?:every|each)\s+(${WEEKDAY_RE}|${MONTH_RE}))\b`, 'gi'),
    priority: 1,
    make(m, text) {
      const w = lc(m[1]);
      if (w.startsWith('a ')) {
        // a rate only after a count or an amount: "twice a day", "$5 a year", "10,000 barrels a day"
        if (!/(?:\d|twice|once|times|percent|%|cents?|dollars?|barrels|tons?|tonnes)\s*$/i.test(text.slice(Math.max(0, m.index - 14), m.index))) return null;
      }
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if ((w === 'daily' || w === 'weekly' || w === 'monthly' || w === 'yearly') && /^\s+(?:newspaper|paper|magazine|news|Telegraph|Mail|Star|Nation|Monitor|Trust|Times)\b/.test(next)) return null;
      let value: string;
      if (m[4]) {
        // "every Monday": TIMEX3 writes the recurring day or month with its position, the rest unknown
        const wd = WEEKDAYS[lc(m[4])];
        value = wd !== undefined ? `XXXX-WXX-${wd === 0 ? 7 : wd}` : `XXXX-${pad(monthOf(m[4]))}`;
      } else if (m[2]) {
        const n = readNumber(m[2]);
        value = durationValue(n, unitOf(m[3]));
      } else {
        const key = w.replace(/^(?:every|each|per|a)\s+/, '');
        const map: Record<string, string> = {
          daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D', biweekly: 'P2W',
          day: 'P1D', year: 'P1Y', month: 'P1M', week: 'P1W', quarter: 'P1Q', night: 'P1D', morning: 'P1D', hour: 'PT1H',
        };
        value = map[key] ?? 'P1D';
      }
      return { start: m.index, end: m.index + m[0].length, resolve: () => ({ type: 'SET', value, anchored: false }) };
    },
  },
  // holidays fixed in the calendar
  {
    name: 'holiday',
    wordStart: true,
    re: new RegExp(String.raw`\b(Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Independence\s+Day|Thanksgiving(?:\s+Day)?|Halloween|Valentine's\s+Day)(?:\s+(${YEAR_RE}))?\b`, 'g'),
    make(m) {
      const name = lc(m[1]);
      const year = m[2];
      const fixed: Record<string, [number, number]> = {
        christmas: [12, 25], 'christmas day': [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31],
        'independence day': [7, 4], halloween: [10, 31], "valentine's day": [2, 14],
      };
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve(ctx) {
          let md = fixed[name];
          let y: number | null = year ? Number(year) : null;
          if (y === null) {
            const inferred = inferYear(ctx, m.index, md ? md[0] : 11, md ? md[1] : 25, futureContext(ctx.text, m.index));
            if (!inferred) return { type: 'DATE', value: md ? `XXXX-${pad(md[0])}-${pad(md[1])}` : 'XXXX-XX-XX', anchored: false };
            y = inferred.y;
          }
          if (!md && name.startsWith('thanksgiving')) {
            // the fourth Thursday of November
            const first = weekdayOf({ y, m: 11, d: 1 });
            md = [11, 1 + ((4 - first + 7) % 7) + 21];
          }
          if (!md) return null;
          return { type: 'DATE', value: ymdString({ y, m: md[0], d: md[1] }), anchored: !year };
        },
      };
    },
  },
  // clock words chrono may miss
  {
    name: 'clock-word',
    wordStart: true,
    re: /\b(noon|midnight|midday)\b/gi,
    priority: -1,
    kind: 'clock',
    make(m) {
      const w = lc(m[1]);
      const hh = w === 'midnight' ? '24:00' : '12:00';
      return {
        start: m.index,
        end: m.index + m[0].length,
        resolve: (ctx) => ({ type: 'TIME', value: ctx.dct ? `${ymdString(ctx.dct)}T${hh}` : `XXXX-XX-XXT${hh}`, anchored: ctx.dct !== null }),
      };
    },
  },
];

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

// ---------------------------------------------------------------- chrono

const LEADING = /^(?:(?:on|at|in|by|from|since|until|till|of|during|the|this|before|after)\b\s*|[,(\s])+/i;
const CLOCK = /(\d:\d\d|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|noon|midnight|midday|o'clock)/i;
const MONTH_WORD = new RegExp(MONTH_RE.replace(/\\\./g, '\\.?'), 'i');
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const CHRONO_HEAD = {
  re: /\d:\d\d|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b|\bmidday\b|o'clock|\d\/\d{1,2}\/\d/gi,
  back: 45,
  forward: 45,
};
const CHRONO_HAS_DATE = /\d|noon|midnight|midday/i;

/** What chrono reads in one language: its parser, the words around which it runs, and the checks on what it returns. */
interface ChronoLocale {
  parser: chrono.Chrono;
  head: NonNullable<Rule['head']>;
  leading: RegExp;
  hasDate: RegExp;
  monthWord: RegExp;
  clock: RegExp;
  /** a weekday alone or "hier" is read here (the English rules read them for English) */
  weekdays: boolean;
  future: (text: string, pos: number) => boolean;
}

const ENGLISH_CHRONO: ChronoLocale = {
  parser: chrono.casual,
  head: CHRONO_HEAD,
  leading: LEADING,
  hasDate: CHRONO_HAS_DATE,
  monthWord: MONTH_WORD,
  clock: CLOCK,
  weekdays: false,
  future: futureContext,
};

const FRENCH_MONTHS = 'janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre';
/**
 * French reporting: "dimanche 9 juin 2024", "le 3 mars dernier", "hier soir", "samedi", "vers 5h30".
 * chrono-node's French parser reads them; the other time rules of this file are English.
 */
const FRENCH_CHRONO: ChronoLocale = {
  parser: chronoFr.casual,
  head: { re: new RegExp(`\\b(?:${FRENCH_MONTHS}|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|avant-hier|aujourd'hui)\\b|\\d{1,2}\\s?h\\s?\\d{0,2}\\b|\\d\\/\\d{1,2}\\/\\d`, 'giu'), back: 45, forward: 45 },
  leading: /^(?:(?:le|la|les|du|au|en|depuis|jusqu'au|dans|de|ce|cette)\b\s*|[,(\s])+/i,
  hasDate: /\d|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd/i,
  monthWord: new RegExp(`\\b(?:${FRENCH_MONTHS})\\b`, 'iu'),
  clock: /\d\s?h\s?\d{0,2}\b|\d:\d\d|midi|minuit/i,
  weekdays: true,
  future: (text, pos) => /^\S*\s+(?:prochain|prochaine)\b/i.test(text.slice(pos, pos + 30)),
};

const FRENCH_MONTH_NUMBER: Record<string, number> = { janvier: 1, fevrier: 2, février: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, août: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12, décembre: 12 };
/** "en septembre 2022", "depuis juillet 2023", "fin mars": a month, with its year or not, and no day before it (chrono reads those) */
const FRENCH_MONTH = new RegExp(`(?<!\\d\\s?)(?<![\\p{L}-])(${FRENCH_MONTHS})(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'giu');

/** French future and past tenses around a date: "auront lieu", "sera", "va"; "ont été tués", "a attaqué" */
const FRENCH_FUTURE = /(?<![\p{L}])(?:prochain|prochaine|aura|auront|sera|seront|va|vont|devrait|devraient|prévu|prévue|prévues|prévus)(?![\p{L}])/iu;
const FRENCH_PAST = /(?<![\p{L}])(?:a|ont|avait|avaient|était|étaient|fut|furent)\s+(?:été\s+)?\p{L}+(?:é|és|ée|ées|i|is|it|u|us)(?![\p{L}])/iu;

/** French months chrono leaves alone: a month alone or with its year, as the English month rules read them. */
function frenchMonthCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  FRENCH_MONTH.lastIndex = 0;
  for (let m = FRENCH_MONTH.exec(text); m; m = FRENCH_MONTH.exec(text)) {
    // "mars" is also the planet and the verb "marcher"'s noun: a bare month needs a preposition before it
    if (!m[2] && !/\b(?:en|de|d['’]|depuis|fin|début|mi-|courant|jusqu['’]en|dès|au mois de)\s*$/iu.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    const month = FRENCH_MONTH_NUMBER[m[1].toLowerCase()];
    const year = m[2] ? Number(m[2]) : null;
    const at = m.index;
    out.push({
      start: at,
      end: at + m[0].length,
      rule: 'fr-month',
      priority: 0,
      resolve(ctx) {
        if (year !== null) return { type: 'DATE', value: monthString(year, month), anchored: false, sets: { y: year, m: month } };
        const clause = ctx.text.slice(Math.max(0, at - 60), at + 30);
        const future = FRENCH_FUTURE.test(clause);
        // "ont été tués fin juillet": a past tense reports the last such month, never a coming one
        if (ctx.dct && !future && FRENCH_PAST.test(clause)) return { type: 'DATE', value: monthString(month <= ctx.dct.m ? ctx.dct.y : ctx.dct.y - 1, month), anchored: true };
        // "auront lieu en mars": the coming such month
        if (ctx.dct && future) return { type: 'DATE', value: monthString(month >= ctx.dct.m ? ctx.dct.y : ctx.dct.y + 1, month), anchored: true };
        const inferred = inferYear(ctx, at, month, undefined, future);
        if (!inferred) return { type: 'DATE', value: `XXXX-${pad(month)}`, anchored: false };
        return { type: 'DATE', value: monthString(inferred.y, month), anchored: inferred.anchored, sets: inferred.anchored ? undefined : { y: inferred.y, m: month } };
      },
    });
  }
  return out;
}

/** "entre le 10 et le 15 mars", "du 3 au 5 juin 2024": days of one month */
const FRENCH_DAY_RANGE = new RegExp(`(?<![\\p{L}])(?:entre\\s+le|du)\\s+(\\d{1,2})(?:er)?\\s+(?:et\\s+le|au)\\s+(\\d{1,2})(?:er)?\\s+(${FRENCH_MONTHS})(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'giu');

function frenchRangeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  FRENCH_DAY_RANGE.lastIndex = 0;
  for (let m = FRENCH_DAY_RANGE.exec(text); m; m = FRENCH_DAY_RANGE.exec(text)) {
    const d1 = Number(m[1]);
    const d2 = Number(m[2]);
    const month = FRENCH_MONTH_NUMBER[m[3].toLowerCase()];
    if (!month || d1 < 1 || d2 > 31 || d2 <= d1) continue;
    const year = m[4] ? Number(m[4]) : null;
    const at = m.index;
    out.push({
      start: at,
      end: at + m[0].length,
      rule: 'fr-day-range',
      priority: 3,
      resolve(ctx) {
        const inferred = year !== null ? { y: year, anchored: false } : inferYear(ctx, at, month, d1, false);
        if (!inferred) return { type: 'DATE', value: `XXXX-${pad(month)}`, anchored: false, rangeFrom: `XXXX-${pad(month)}-${pad(d1)}`, rangeTo: `XXXX-${pad(month)}-${pad(d2)}` };
        return { type: 'DATE', value: monthString(inferred.y, month), anchored: inferred.anchored, rangeFrom: ymdString({ y: inferred.y, m: month, d: d1 }), rangeTo: ymdString({ y: inferred.y, m: month, d: d2 }), sets: { y: inferred.y, m: month } };
      },
    });
  }
  return out;
}

const FRENCH_UNIT: Record<string, string> = { jour: 'day', jours: 'day', semaine: 'week', semaines: 'week', mois: 'month', an: 'year', ans: 'year', année: 'year', années: 'year' };
const FRENCH_COUNT: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, vingt: 20, trente: 30 };
/** "il y a deux jours", "deux jours plus tard", "trois semaines auparavant" */
const FRENCH_AGO = /(?<![\p{L}])(?:il y a\s+(\d+|\p{L}+)\s+(jours?|semaines?|mois|ans|années?)|(\d+|\p{L}+)\s+(jours?|semaines?|mois|ans|années?)\s+(plus tard|auparavant|après|avant|plus tôt))(?![\p{L}])/giu;
/** "la semaine dernière", "le mois passé", "l'année dernière", "cette semaine", "l'an dernier" */
const FRENCH_LAST = /(?<![\p{L}])(?:(?:la|cette)\s+(semaine)|(?:le|ce)\s+(mois)(?:-ci)?|(?:l['’]|cette\s+)(année|an))(?:\s+(dernière|dernier|passée|passé|prochaine|prochain))?(?![\p{L}])/giu;

function frenchRelative(start: number, length: number, resolve: (ctx: Ctx) => Resolved | null): Candidate {
  return { start, end: start + length, rule: 'fr-relative', priority: 1, resolve };
}

/** French relative times chrono leaves alone, read as the English rules read theirs. */
function frenchRelativeCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  FRENCH_AGO.lastIndex = 0;
  for (let m = FRENCH_AGO.exec(text); m; m = FRENCH_AGO.exec(text)) {
    const countWord = (m[1] ?? m[3]).toLowerCase();
    const vague = countWord === 'quelques' || countWord === 'plusieurs';
    const n = /^\d+$/.test(countWord) ? Number(countWord) : vague ? 0 : FRENCH_COUNT[countWord];
    const unit = FRENCH_UNIT[(m[2] ?? m[4]).toLowerCase()];
    if (n === undefined || !unit) continue;
    const direction = m[5]?.toLowerCase();
    const sign = m[1] !== undefined || direction === 'auparavant' || direction === 'avant' || direction === 'plus tôt' ? -1 : 1;
    // "il y a": from publication; "plus tard", "auparavant": from the day the text just named
    const fromRef = m[1] === undefined;
    const at = m.index;
    out.push(frenchRelative(at, m[0].length, (ctx) => {
      // "il y a quelques jours": some time before, not a day
      if (vague) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', anchored: ctx.dct !== null };
      const day = fromRef && ctx.lastDay !== null && at - ctx.lastDay.pos < 300 ? ctx.lastDay : null;
      const base: Ymd | null = day ?? (fromRef ? null : ctx.dct);
      if (!base) return null;
      const v = shifted(base, unit, sign * n);
      return v ? { type: 'DATE', value: v, anchored: day === null } : null;
    }));
  }
  FRENCH_LAST.lastIndex = 0;
  for (let m = FRENCH_LAST.exec(text); m; m = FRENCH_LAST.exec(text)) {
    const unit = m[1] ? 'week' : m[2] ? 'month' : 'year';
    const q = (m[4] ?? '').toLowerCase();
    // "cette semaine", "ce mois-ci" need no qualifier; "la semaine" alone names no time
    if (!q && !/^(?:cette|ce)\b/iu.test(m[0])) continue;
    const offset = q.startsWith('dern') || q.startsWith('pass') ? -1 : q.startsWith('proch') ? 1 : 0;
    out.push(frenchRelative(m.index, m[0].length, (ctx) => {
      if (!ctx.dct) return null;
      const v = shifted(ctx.dct, unit, offset);
      return v ? { type: 'DATE', value: v, anchored: true } : null;
    }));
  }
  return out;
}

/** Calendar dates and clock times chrono reads: month names with days, numeric dates, times of day. */
function chronoCandidates(text: string, dct: Ymd | null, locale: ChronoLocale = ENGLISH_CHRONO): Candidate[] {
  const out: Candidate[] = [];
  const ref = dct ? new Date(Date.UTC(dct.y, dct.m - 1, dct.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  // chrono runs only around what it alone reads here (month names, clock times, numeric dates):
  // on news text that is a small part of the whole, and chrono is the slowest part of the stage
  const results: { r: chrono.ParsedResult; from: number }[] = [];
  for (const [from, to] of windows(text, locale.head)) {
    try {
      for (const r of locale.parser.parse(text.slice(from, to), { instant: ref, timezone: 0 })) results.push({ r, from });
    } catch {
      // a window chrono cannot read adds nothing
    }
  }
  for (const { r, from } of results) {
    const c = r.start;
    const hasMonth = c.isCertain('month');
    const hasDay = c.isCertain('day');
    const hasHour = c.isCertain('hour');
    const hasYear = c.isCertain('year');
    let t = r.text;
    let start = r.index + from;
    const lead = locale.leading.exec(t);
    if (lead) {
      start += lead[0].length;
      t = t.slice(lead[0].length);
    }
    if (!t || !locale.hasDate.test(t)) continue;
    // (chrono's French parser may take the comma after a phrase: "samedi à dimanche,")
    t = t.replace(/[\s,;:]+$/, '');
    // "hier", "dimanche": a day the words alone give, read against the publication date
    const relativeDay = locale.weekdays && !/\d/.test(t) && (hasDay || c.isCertain('weekday'));
    if (!(hasMonth && hasDay) && !hasHour && !relativeDay) continue;
    // "7/8" and "3/8" are fractions in price reports: a date needs a month name or a full numeric date
    if (hasMonth && hasDay && !relativeDay && !locale.monthWord.test(t) && !NUMERIC_DATE.test(t)) continue;
    if (hasHour && !hasDay && !locale.clock.test(t)) continue;
    // a time of day with a weekday or date: chrono merges "noon Saturday", "5 p.m. EST, Nov. 6"
    const weekdayKnown = c.isCertain('weekday') && !hasDay;
    const month = hasMonth ? c.get('month') ?? 0 : 0;
    const day = hasDay ? c.get('day') ?? 0 : 0;
    const year = hasYear ? c.get('year') ?? 0 : 0;
    const hour = hasHour ? c.get('hour') ?? 0 : 0;
    const minute = c.isCertain('minute') ? c.get('minute') ?? 0 : 0;
    const wd = weekdayKnown ? c.get('weekday') ?? 0 : 0;
    // "samedi", "mardi prochain", "lundi dernier" alone: the week of publication decides the day
    const spokenWeekday = relativeDay && c.isCertain('weekday') ? c.get('weekday') ?? 0 : -1;
    const spokenDirection = /prochain/i.test(t) ? 'next' : /derni/i.test(t) ? 'last' : 'past';
    let end = start + t.length;
    // "around 9:30 p.m.": TimeML keeps the approximation in the extent, as mod APPROX
    const approx = /\b(?:about|around|approximately|roughly)\s+$/i.exec(text.slice(Math.max(0, start - 16), start));
    if (approx && hasHour) start -= approx[0].length;
    const mod = approx && hasHour ? 'APPROX' : undefined;
    end = Math.max(end, start);
    const rangeEnd = r.end;
    out.push({
      start,
      end,
      rule: hasHour ? 'chrono-time' : 'chrono-date',
      priority: 0,
      kind: hasHour ? (hasDay || weekdayKnown ? undefined : 'clock') : 'day',
      resolve(ctx) {
        let date: Ymd | null = null;
        let anchored = false;
        let sets: Resolved['sets'];
        if (spokenWeekday >= 0 && ctx.dct) {
          date = resolveWeekday(ctx.dct, spokenWeekday, spokenDirection);
          anchored = true;
        } else if (hasMonth && hasDay) {
          if (hasYear) {
            date = { y: year, m: month, d: day };
            // "hier" is the day before publication: anchored, and no reference time for what follows
            if (relativeDay) anchored = true;
            else sets = { y: year, m: month, d: day };
          } else {
            const inferred = inferYear(ctx, start, month, day, locale.future(ctx.text, start));
            if (inferred) {
              date = { y: inferred.y, m: month, d: day };
              anchored = inferred.anchored;
              if (!anchored) sets = { y: inferred.y, m: month, d: day };
            }
          }
        } else if (weekdayKnown && ctx.dct) {
          date = resolveWeekday(ctx.dct, wd, locale.future(ctx.text, start) ? 'future' : 'past');
          anchored = true;
        } else if (ctx.ref && ctx.ref.d !== undefined && (ctx.narrative || !ctx.dct) && refApplies(ctx, start)) {
          date = { y: ctx.ref.y, m: ctx.ref.m ?? 1, d: ctx.ref.d };
        } else if (ctx.dct) {
          date = ctx.dct;
          anchored = true;
        }
        const dayValue = date ? ymdString(date) : hasMonth && hasDay ? `XXXX-${pad(month)}-${pad(day)}` : 'XXXX-XX-XX';
        let rangeFrom: string | undefined;
        let rangeTo: string | undefined;
        if (rangeEnd && rangeEnd.isCertain('day') && date) {
          const em = rangeEnd.get('month') ?? month;
          const ed = rangeEnd.get('day') ?? day;
          const ey = rangeEnd.isCertain('year') ? rangeEnd.get('year') ?? date.y : date.y;
          rangeFrom = dayValue;
          rangeTo = ymdString({ y: ey, m: em, d: ed });
        }
        if (hasHour) {
          return { type: 'TIME', value: `${dayValue}T${pad(hour)}:${pad(minute)}`, mod, anchored, sets, rangeFrom, rangeTo };
        }
        return { type: 'DATE', value: dayValue, anchored, sets, rangeFrom, rangeTo };
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------- driver

/** Windows around the hits of a rule's head, merged when they overlap, starting at a space. The
 * hits are the head regex's, or the same found by the one-pass scanner (`hits`, [index, length]). */
function windows(text: string, head: NonNullable<Rule['head']>, hits?: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  const add = (index: number, length: number) => {
    let from = Math.max(0, index - head.back);
    while (from > 0 && !/\s/.test(text[from - 1])) from--;
    const to = Math.min(text.length, index + length + head.forward);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  };
  if (hits) {
    for (const [index, length] of hits) add(index, length);
    return out;
  }
  head.re.lastIndex = 0;
  for (let m = head.re.exec(text); m !== null; m = head.re.exec(text)) add(m.index, m[0].length);
  return out;
}

/** Heads that are word lists, and the words that start the rules without a head, found for all
 * rules in one pass over the text (heads.ts). */
const LITERAL_HEADS = RULES.map((r) => (r.head ? literalHead(r.head.re) : null));
const WORD_START = RULES.map((r) => (!r.head && r.wordStart ? sourceWords(r.re) : null));
const SCAN_LIST = [...LITERAL_HEADS, ...WORD_START].filter((h): h is LiteralHead => h !== null);
const HEAD_SCANNER = new HeadScanner(SCAN_LIST);
/** the scanner's index of each rule's head (or start words), -1 for a rule the scanner does not serve */
const SCANNED: number[] = LITERAL_HEADS.map((h) => (h ? SCAN_LIST.indexOf(h) : -1));
const WORD_STARTED: number[] = WORD_START.map((h) => (h ? SCAN_LIST.indexOf(h) : -1));

/** Rules tried only at runs that one of their words begins, with a sticky copy of their pattern. */
const STICKY = RULES.map((r) => (!r.head && r.wordStart ? new RegExp(r.re.source, `${r.re.flags.replace('g', '')}y`) : null));

/**
 * The matches of `re` over `text`, as a global scan finds them, trying the sticky copy only at
 * `starts` (a superset of the positions where a match may start): the first start at or after the
 * end of the last match where the pattern matches is where the global scan would find the next.
 */
export function matchesAt(sticky: RegExp, text: string, starts: readonly [number, number][]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let after = 0;
  for (const [p] of starts) {
    if (p < after) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m || m[0].length === 0) continue;
    out.push(m);
    after = p + m[0].length;
  }
  return out;
}

function collect(text: string): Candidate[] {
  const out: Candidate[] = [];
  const scanned = HEAD_SCANNER.scan(text);
  for (let ri = 0; ri < RULES.length; ri++) {
    const rule = RULES[ri];
    const sticky = STICKY[ri];
    if (sticky) {
      for (const m of matchesAt(sticky, text, scanned[WORD_STARTED[ri]])) {
        const c = rule.make(m, text);
        if (c && c.end > c.start) out.push({ kind: rule.kind, ...c, rule: rule.name, priority: rule.priority ?? 0 });
      }
      continue;
    }
    const spans: [number, number][] = rule.head ? windows(text, rule.head, SCANNED[ri] >= 0 ? scanned[SCANNED[ri]] : undefined) : [[0, text.length]];
    for (const [from, to] of spans) {
      const part = from === 0 && to === text.length ? text : text.slice(from, to);
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(part); m !== null; m = rule.re.exec(part)) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        m.index += from;
        const c = rule.make(m, text);
        if (c && c.end > c.start) out.push({ kind: rule.kind, ...c, rule: rule.name, priority: rule.priority ?? 0 });
      }
    }
  }
  // the same match found from two windows of one rule is kept once
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out.filter((c, i) => i === 0 || c.start !== out[i - 1].start || c.end !== out[i - 1].end || c.rule !== out[i - 1].rule);
}

/** Leftmost-longest: among overlapping candidates the longer span wins, then the higher priority. */
function selectCandidates(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.priority - a.priority);
  const kept: Candidate[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      const lenC = c.end - c.start;
      const lenL = last.end - last.start;
      if (lenC > lenL || (lenC === lenL && c.priority > last.priority)) {
        // a later, longer candidate replaces the shorter one it overlaps; anything before stays
        kept.pop();
        const prev = kept[kept.length - 1];
        if (prev && c.start < prev.end) {
          kept.push(last);
          continue;
        }
        kept.push(c);
      }
      continue;
    }
    kept.push(c);
  }
  return kept;
}

/** "the night of 13 February", "the morning of December 28, 1979": a part of a stated day. */
function partOfDay(kept: Candidate[], text: string): Candidate[] {
  return kept.map((c) => {
    if (c.kind !== 'day') return c;
    const before = /\b(?:(early|late)\s+)?(?:in\s+)?the\s+(night|morning|evening|afternoon)\s+of\s+$/i.exec(text.slice(Math.max(0, c.start - 40), c.start));
    if (!before) return c;
    const part = DAY_PARTS[before[2].toLowerCase()];
    const start = c.start - before[0].length + (before[0].toLowerCase().indexOf('the'));
    return {
      ...c,
      start: before[1] ? c.start - before[0].length : start,
      rule: `${c.rule}+part-of-day`,
      kind: undefined,
      resolve(ctx: Ctx) {
        const r = c.resolve(ctx);
        if (!r || r.value.includes('T')) return r;
        return { ...r, type: 'TIME', value: `${r.value}T${part}` };
      },
    };
  });
}

/** "noon Saturday", "5 p.m. Friday", "Friday, 5 p.m.": a clock time next to a day is one TIME. */
function mergeClockAndDay(kept: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i];
    const b = kept[i + 1];
    if (b && a.kind && b.kind && a.kind !== b.kind && /^(?:\s*,?\s*|\s+on\s+|\s+at\s+)$/i.test(text.slice(a.end, b.start)) && b.start - a.end < 8) {
      const clock = a.kind === 'clock' ? a : b;
      const day = a.kind === 'day' ? a : b;
      out.push({
        start: a.start,
        end: b.end,
        rule: `${day.rule}+${clock.rule}`,
        priority: 0,
        resolve(ctx) {
          const d = day.resolve(ctx);
          const t = clock.resolve(ctx);
          if (!d || !t) return d ?? t;
          const time = t.value.includes('T') ? t.value.slice(t.value.indexOf('T')) : '';
          const date = d.value.includes('T') ? d.value.slice(0, d.value.indexOf('T')) : d.value;
          return { ...d, type: 'TIME', value: date + time };
        },
      });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** A date value with the parts finer than `known` replaced by X: 2025-06-30 -> 2025-XX-XX. */
function maskBeyond(value: string, known: 'year' | 'month'): string {
  const m = /^(\d{4})(-W\d{2}(?:-WE)?|-\d{2}(?:-\d{2})?(?:T.*)?)$/.exec(value);
  if (!m) return value;
  const rest = m[2];
  if (rest.startsWith('-W')) return `${m[1]}-WXX${rest.endsWith('-WE') ? '-WE' : ''}`;
  const parts = /^-(\d{2})(?:-(\d{2}))?(T.*)?$/.exec(rest);
  if (!parts) return value;
  const month = known === 'month' ? parts[1] : 'XX';
  if (parts[2] === undefined) return `${m[1]}-${month}`;
  return `${m[1]}-${month}-XX${parts[3] ?? ''}`;
}

/** A history (most stated years far from the creation date) rather than news. */
function isNarrative(text: string, dct: Ymd | null): boolean {
  if (!dct) return true;
  let near = 0;
  let far = 0;
  const re = /(?<![\d$.,])\b(1[0-9]{3}|20[0-9]{2})\b(?![\d,.]\d)|\b\d{1,4}\s*(?:BCE?\b|B\.C\.)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] && Math.abs(Number(m[1]) - dct.y) <= 2) near++;
    else far++;
  }
  return far > 2 * near + 2;
}

/** A preposition before the span that bounds it: "since 2012" is after 2012. */
function signalBefore(text: string, start: number): 'after' | 'before' | undefined {
  const prev = text.slice(Math.max(0, start - 12), start).toLowerCase();
  if (/\b(?:since|after|from)\s+$/.test(prev)) return 'after';
  if (/\b(?:before|until|till|prior\s+to|by)\s+$/.test(prev)) return 'before';
  return undefined;
}

export interface TagOptions {
  /** use chrono-node for calendar dates and clock times (on by default) */
  chrono?: boolean;
  /** the document's language: French texts are also read with chrono's French parser */
  language?: string;
}

/** All time expressions of `text`, normalised against the publication date `dct` (null: unknown). */
export function tagTimes(text: string, dct: Dct | null, options: TagOptions = {}): Timex[] {
  const full: Ymd | null = dct ? { y: dct.y, m: dct.m ?? 7, d: dct.d ?? (dct.m ? 15 : 1) } : null;
  const cands = collect(text);
  if (options.chrono !== false) {
    cands.push(...chronoCandidates(text, full));
    if (options.language === 'fr') cands.push(...chronoCandidates(text, full, FRENCH_CHRONO), ...frenchMonthCandidates(text), ...frenchRangeCandidates(text), ...frenchRelativeCandidates(text));
  }
  const narrative = isNarrative(text, full);
  // TimeML news annotation leaves "the night of" out of "the night of Oct. 23"; histories keep it in
  const merged = mergeClockAndDay(selectCandidates(cands), text);
  const kept = narrative ? partOfDay(merged, text) : merged;
  const ctx: Ctx = { text, dct: full, ref: null, lastQuarter: null, lastDay: null, narrative };
  const out: Timex[] = [];
  for (const c of kept) {
    const r = c.resolve(ctx);
    if (!r) continue;
    // a publication date known only to the year or month cannot place "yesterday" on a day
    if (r.anchored && dct && (dct.m === undefined || dct.d === undefined)) {
      r.value = maskBeyond(r.value, dct.m === undefined ? 'year' : 'month');
      if (r.rangeFrom) r.rangeFrom = maskBeyond(r.rangeFrom, dct.m === undefined ? 'year' : 'month');
      if (r.rangeTo) r.rangeTo = maskBeyond(r.rangeTo, dct.m === undefined ? 'year' : 'month');
      r.durationAt = undefined;
    }
    if (r.sets) ctx.ref = { ...r.sets, pos: c.start };
    if (r.quarter) ctx.lastQuarter = { ...r.quarter, pos: c.start };
    const day = r.type === 'DATE' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.value) : null;
    if (day) ctx.lastDay = { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]), pos: c.start };
    out.push({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      type: r.type,
      value: r.value,
      mod: r.mod,
      anchored: r.anchored,
      signal: signalBefore(text, c.start),
      rangeFrom: r.rangeFrom,
      rangeTo: r.rangeTo,
      durationAt: r.durationAt,
      rule: c.rule,
    });
  }
  return out;
}
