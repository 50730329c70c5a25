/**
 * Calendar arithmetic on plain (year, month, day) triples in UTC, and the TIMEX3 value strings
 * built from them. No time zones: a news date is the writer's calendar day.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function yearString(y: number): string {
  // TIMEX3 writes years before the common era as BC plus four digits (BC0490)
  return y <= 0 ? `BC${pad(1 - y, 4)}` : pad(y, 4);
}

export function ymdString(x: Ymd): string {
  return `${yearString(x.y)}-${pad(x.m)}-${pad(x.d)}`;
}

export function monthString(y: number, m: number): string {
  return `${yearString(y)}-${pad(m)}`;
}

export function toDate(x: Ymd): Date {
  const date = new Date(Date.UTC(2000, x.m - 1, x.d));
  date.setUTCFullYear(x.y);
  return date;
}

export function fromDate(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  const date = toDate(x);
  date.setUTCDate(date.getUTCDate() + n);
  return fromDate(date);
}

export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(x: Ymd): number {
  return toDate(x).getUTCDay();
}

/** ISO 8601 week: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(x: Ymd): { y: number; w: number } {
  const date = toDate(x);
  const dow = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // Thursday of this week
  const y = date.getUTCFullYear();
  const jan4 = new Date(Date.UTC(2000, 0, 4));
  jan4.setUTCFullYear(y);
  const jan4dow = (jan4.getUTCDay() + 6) % 7;
  const week1Thursday = jan4.getTime() + (3 - jan4dow) * 86400000;
  return { y, w: 1 + Math.round((date.getTime() - week1Thursday) / (7 * 86400000)) };
}

export function weekString(x: Ymd): string {
  const { y, w } = isoWeek(x);
  return `${yearString(y)}-W${pad(w)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

/** Days between two dates, b - a. */
export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86400000);
}

/** Parses the publication date value (any ISO precision) into its known parts. */
export function parseIsoParts(value: string): { y: number; m?: number; d?: number } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return null;
  return { y: +m[1], m: m[2] ? +m[2] : undefined, d: m[3] ? +m[3] : undefined };
}
