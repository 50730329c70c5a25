import type { PartialDate } from '../model.js';

/**
 * Publication dates keep the precision they were written with: "2025" is a year, not 1 January.
 * A value we cannot read gives null, never the current time.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  janvier: 1, 'février': 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, 'août': 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, 'décembre': 12, decembre: 12,
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fromDate(d: Date, withTime: boolean): PartialDate | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return { value: day, precision: 'day' };
  return { value: `${day}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`, precision: 'time' };
}

/** Reads ISO 8601 at any precision, RFC 822/2822 (feeds), "6 June 2025", "June 6, 2025". */
export function parsePartialDate(input: unknown): PartialDate | null {
  if (input instanceof Date) return fromDate(input, true);
  if (typeof input === 'number' && Number.isInteger(input) && input >= 1000 && input <= 9999) {
    return { value: String(input), precision: 'year' };
  }
  if (typeof input !== 'string') return null;
  const s = input.trim();
  if (s.length === 0 || s.length > 100) return null;

  let m = /^(\d{4})$/.exec(s);
  if (m) return { value: m[1], precision: 'year' };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return +m[2] >= 1 && +m[2] <= 12 ? { value: s, precision: 'month' } : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]) ? { value: s, precision: 'day' } : null;
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) {
    if (!validDay(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59) return null;
    if (!m[7]) {
      // no zone: the writer's local time, kept as written
      return { value: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`, precision: 'time' };
    }
    const zone = m[7] === 'Z' ? 'Z' : m[7].length === 5 ? `${m[7].slice(0, 3)}:${m[7].slice(3)}` : m[7];
    return fromDate(new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`), true);
  }
  // "6 June 2025", "06 juin 2025"
  m = /^(\d{1,2})(?:st|nd|rd|th|er)?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(s);
  if (m) return monthDay(+m[3], m[2], +m[1]);
  // "June 6, 2025"
  m = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(s);
  if (m) return monthDay(+m[3], m[1], +m[2]);
  // "June 2025"
  m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()] ?? MONTHS[m[1].toLowerCase().slice(0, 3)];
    return month ? { value: `${m[2]}-${pad(month)}`, precision: 'month' } : null;
  }
  // RFC 822 / 2822 ("Fri, 06 Jun 2025 10:30:00 GMT") and other forms with a clock time
  if (/\d{1,2}:\d{2}/.test(s) && /\d{4}/.test(s)) {
    const d = new Date(s);
    return fromDate(d, true);
  }
  return null;
}

function monthDay(year: number, monthName: string, day: number): PartialDate | null {
  const key = monthName.toLowerCase();
  const month = MONTHS[key] ?? (key.length >= 3 ? MONTHS[key.slice(0, 3)] : undefined);
  if (!month || !validDay(year, month, day)) return null;
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}
