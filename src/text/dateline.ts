/**
 * Wire datelines: the place (and date, and agency) a story was filed from, opening its text.
 * Where the reporter was is no place of the story's events, and a city in capitals there is no actor.
 */

/**
 * End of a dateline opening the text ("BAMAKO, Mali —", "NIAMEY (AFP) -", "BAMAKO, Aug 14
 * (Reuters) -", "Niamey (AFP) -"), 0 when there is none.
 */
export function datelineEnd(text: string): number {
  const head = text.slice(0, 120);
  const m =
    /^\s*[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,\s*[\p{Lu}][\p{L}\d .'’-]{1,30}){0,2}(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s/u.exec(head) ??
    // a city in ordinary case needs the agency after it
    /^\s*[\p{Lu}][\p{L} .'’-]{2,40}(?:,\s*[\p{Lu}][\p{L}\d .'’-]{1,30}){0,2}\s*\((?:AFP|AP|Reuters|Xinhua|Anadolu|APA|RFI|dpa|ANP|Belga|EFE|ANSA)\)\s*[—–-]{1,2}\s/u.exec(head);
  return m ? m[0].length : 0;
}
