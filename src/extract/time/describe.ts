/**
 * From a TIMEX3 value (and its mod) to what a record needs: the precision of the date and the
 * interval it covers, as ISO dates cut to their precision. "late 2021" (value 2021, mod END)
 * covers 2021-10 to 2021-12; "over three years" before a publication on 2025-06-06 covers
 * 2022-06 to 2025-06-06.
 */
import type { TimePrecision } from '../../model.js';
import { addDays, addMonths, monthString, pad, yearString, ymdString, type Ymd } from './calendar.js';
import { SEASON_MONTHS } from './lexicon.js';
import type { Timex } from './tagger.js';

export interface Bounds {
  precision: TimePrecision;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
}

function monthsOfMod(first: number, last: number, mod: string | undefined): [number, number] {
  // START / MID / END take the first, middle and last third of the interval
  const n = last - first + 1;
  if (n < 3 || !mod) return [first, last];
  const third = Math.max(1, Math.round(n / 3));
  if (mod === 'START') return [first, first + third - 1];
  if (mod === 'END') return [last - third + 1, last];
  if (mod === 'MID') return [first + third, last - third];
  return [first, last];
}

function monthLabel(y: number, m: number): string {
  const x = addMonths({ y, m: 1, d: 1 }, m - 1);
  return monthString(x.y, x.m);
}

export function describe(t: Timex, dct: Ymd | null): Bounds {
  const v = t.value;
  const mod = t.mod === 'START' || t.mod === 'END' || t.mod === 'MID' ? t.mod : undefined;
  let b: Bounds;
  let m: RegExpExecArray | null;
  if (t.type === 'DURATION') {
    b = { precision: 'unknown' };
    if (dct && t.durationAt) {
      const span = durationSpan(v);
      if (span) {
        const dctStr = ymdString(dct);
        const other = addMonths(dct, (t.durationAt === 'end' ? -1 : 1) * span.months);
        const otherDay = addDays(other, (t.durationAt === 'end' ? -1 : 1) * span.days);
        const otherStr = span.days ? ymdString(otherDay) : monthString(otherDay.y, otherDay.m);
        b = t.durationAt === 'end' ? { precision: 'range', from: otherStr, to: dctStr } : { precision: 'range', from: dctStr, to: otherStr };
      } else if (/^P(?:T)?X/.test(v)) {
        b = t.durationAt === 'end' ? { precision: 'before', before: ymdString(dct) } : { precision: 'after', after: ymdString(dct) };
      }
    }
  } else if (t.type === 'SET') {
    b = { precision: 'unknown' };
  } else if (v === 'PAST_REF') {
    b = dct ? { precision: 'before', before: ymdString(dct) } : { precision: 'unknown' };
  } else if (v === 'FUTURE_REF') {
    b = dct ? { precision: 'after', after: ymdString(dct) } : { precision: 'unknown' };
  } else if (v === 'PRESENT_REF') {
    b = dct ? { precision: 'day', from: ymdString(dct), to: ymdString(dct) } : { precision: 'unknown' };
  } else if (/^\d{4}-\d{2}-XX/.test(v)) {
    // a day we cannot place inside a known month (publication date known to the month)
    b = { precision: 'month', from: v.slice(0, 7), to: v.slice(0, 7) };
  } else if (/^\d{4}-(?:XX|WXX)/.test(v)) {
    b = { precision: 'year', from: v.slice(0, 4), to: v.slice(0, 4) };
  } else if (/X/.test(v)) {
    b = { precision: 'unknown' };
  } else if ((m = /^(\d{4}|BC\d{4})-(\d{2})-(\d{2})T/.exec(v))) {
    b = { precision: 'time' };
  } else if ((m = /^(\d{4}|BC\d{4})-(\d{2})-(\d{2})$/.exec(v))) {
    b = { precision: 'day' };
  } else if ((m = /^(\d{4})-W(\d{2})/.exec(v))) {
    b = { precision: 'week' };
  } else if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mod) {
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const ranges = { START: [1, 10], MID: [11, 20], END: [21, last] } as const;
      const [a, z] = ranges[mod];
      b = { precision: 'range', from: `${m[1]}-${m[2]}-${pad(a)}`, to: `${m[1]}-${m[2]}-${pad(z)}` };
    } else b = { precision: 'month' };
  } else if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) {
    const q = Number(m[2]);
    b = { precision: 'quarter', from: `${m[1]}-${pad(q * 3 - 2)}`, to: `${m[1]}-${pad(q * 3)}` };
  } else if ((m = /^(\d{4})-H([12])$/.exec(v))) {
    const h = Number(m[2]);
    b = { precision: 'range', from: `${m[1]}-${pad(h * 6 - 5)}`, to: `${m[1]}-${pad(h * 6)}` };
  } else if ((m = /^(\d{4}|BC\d{4})-(SP|SU|FA|WI)$/.exec(v))) {
    const y = m[1].startsWith('BC') ? 1 - Number(m[1].slice(2)) : Number(m[1]);
    const [a, z] = monthsOfMod(...SEASON_MONTHS[m[2]], mod);
    b = { precision: 'season', from: monthLabel(y, a), to: monthLabel(y, z) };
  } else if ((m = /^(\d{4})$/.exec(v)) || (m = /^(BC\d{4})$/.exec(v))) {
    const y = m[1].startsWith('BC') ? 1 - Number(m[1].slice(2)) : Number(m[1]);
    if (mod) {
      // early / late in a year read as its first / last quarter, "mid" as the middle half
      const [a, z] = mod === 'START' ? [1, 3] : mod === 'END' ? [10, 12] : [4, 9];
      b = { precision: 'quarter', from: monthLabel(y, a), to: monthLabel(y, z) };
    } else b = { precision: 'year' };
  } else if ((m = /^(\d{3})$/.exec(v))) {
    const y0 = Number(m[1]) * 10;
    const [a, z] = mod ? monthsOfMod(0, 9, mod) : [0, 9];
    b = { precision: 'decade', from: yearString(y0 + a), to: yearString(y0 + z) };
  } else if ((m = /^(\d{2})$/.exec(v))) {
    const y0 = Number(m[1]) * 100;
    const [a, z] = mod ? monthsOfMod(0, 99, mod) : [0, 99];
    b = { precision: 'century', from: yearString(Math.max(1, y0 + a)), to: yearString(y0 + z) };
  } else {
    b = { precision: 'unknown' };
  }
  if (t.rangeFrom && t.rangeTo) b = { precision: 'range', from: t.rangeFrom, to: t.rangeTo };
  // a signal word makes an open interval: "since 2012" is after 2012 began, "until June" before it ended
  if (t.signal && t.type !== 'DURATION' && t.type !== 'SET' && !/_REF$|X/.test(v) && b.precision !== 'unknown') {
    const point = b.to ?? b.from ?? v;
    if (t.signal === 'after') b = { precision: 'after', after: b.from ?? v };
    else b = { precision: 'before', before: point };
  }
  return b;
}

/** How far a duration value reaches, in whole months and days; null when vague or sub-day. */
function durationSpan(v: string): { months: number; days: number } | null {
  const m = /^P(\d+)([YMWDQ])$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'Y':
      return { months: 12 * n, days: 0 };
    case 'Q':
      return { months: 3 * n, days: 0 };
    case 'M':
      return { months: n, days: 0 };
    case 'W':
      return { months: 0, days: 7 * n };
    case 'D':
      return { months: 0, days: n };
    default:
      return null;
  }
}
