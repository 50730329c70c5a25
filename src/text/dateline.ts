/**
 * Wire datelines: the place (and date, and agency) a story was filed from, opening its text.
 * Where the reporter was is no place of the story's events, and a city in capitals there is no actor.
 */

/** A dateline's place in the text: [start, end). */
export interface DatelineSpan {
  start: number;
  end: number;
}

const CAPITALS_DATELINE = /^\s*[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,\s*[\p{Lu}\d][\p{L}\d .'’-]{1,30}){0,2}(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s/u;
// a city in ordinary case needs the agency after it
const AGENCY_DATELINE = /^\s*[\p{Lu}][\p{L} .'’-]{2,40}(?:,\s*[\p{Lu}][\p{L}\d .'’-]{1,30}){0,2}\s*\((?:AFP|AP|Reuters|Xinhua|Anadolu|APA|RFI|dpa|ANP|Belga|EFE|ANSA)\)\s*[—–-]{1,2}\s/u;
/** a headline: one short line without a full stop (a question mark is a headline's), then a blank line */
const HEADLINE = /^\s*[^\n]{10,200}?[^.!\n]\s*\n\s*\n/u;

function datelineAt(text: string, from: number): DatelineSpan | null {
  const head = text.slice(from, from + 120);
  const m = CAPITALS_DATELINE.exec(head) ?? AGENCY_DATELINE.exec(head);
  return m ? { start: from, end: from + m[0].length } : null;
}

/**
 * The dateline opening the story ("BAMAKO, Mali —", "NIAMEY (AFP) -", "BAMAKO, Aug 14 (Reuters) -",
 * "Niamey (AFP) -"): at the start of the text, or of the paragraph after a headline; null when
 * there is none.
 */
export function datelineSpan(text: string): DatelineSpan | null {
  const first = datelineAt(text, 0);
  if (first) return first;
  const headline = HEADLINE.exec(text.slice(0, 260));
  return headline ? datelineAt(text, headline[0].length) : null;
}

/** Whether the span [start, end) lies inside the dateline. */
export function inDateline(dateline: DatelineSpan | null, start: number, end: number): boolean {
  return dateline !== null && start >= dateline.start && end <= dateline.end;
}
