/**
 * First and last ISO day a date value can mean, so that events with dates of different
 * precision ("2025", "2025-06", "2021-Q4", "2025-06-06T10:30Z") can be compared as ranges with
 * plain string comparison in either database. Null when the value is not a calendar date
 * (`PRESENT_REF`, `XXXX-XX-XX`, a duration).
 */
export function periodStart(value: string | null | undefined): string | null {
  return bounds(value)?.[0] ?? null;
}

export function periodEnd(value: string | null | undefined): string | null {
  return bounds(value)?.[1] ?? null;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function bounds(value: string | null | undefined): [string, string] | null {
  if (!value) return null;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}`];
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return [`${m[1]}-${pad(first)}-01`, `${m[1]}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    // ISO week: week 1 holds the year's first Thursday.
    const y = Number(m[1]);
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000) + (Number(m[2]) - 1) * 7 * 86_400_000;
    return [new Date(monday).toISOString().slice(0, 10), new Date(monday + 6 * 86_400_000).toISOString().slice(0, 10)];
  }
  m = /^(\d{3})X?$/.exec(v);
  if (m) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  m = /^(\d{2})X{0,2}$/.exec(v);
  if (m && v.length > 2) return [`${m[1]}00-01-01`, `${m[1]}99-12-31`];
  // A year, or a year with a season or half the schema does not split further.
  m = /^(\d{4})(?:$|-)/.exec(v);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  return null;
}
