/**
 * How place names become lookup keys. Shared by the gazetteer build (scripts/build-gazetteer.ts)
 * and the places stage, so a name in the gazetteer and the same name in a text meet on one key.
 *
 * A key is a sequence of word units joined by single spaces; a unit is lower-cased, stripped of
 * diacritics, apostrophes and end dots, with hyphens read as spaces, and the abbreviations St, Mt
 * and Ft spelled out. A dot between letters stays: the initials "L.A." are not the truncation "La.". A name with a dotted word ("U.S.", "Ky.", "Washington D.C.") has its key after a
 * `.`, one with a word in capitals ("US", "DRC") after a `=`: each matches only text written the
 * same way, so the pronoun "us" never reads as the United States, nor "RI" as "R.I.".
 */

const FOLDED: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ŀ: 'l' };
const OWN_MARKS = /[ıøłđðþħŧŀ]/;
const OWN_MARKS_ALL = /[ıøłđðþħŧŀ]/g;

const EXPAND: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

const COMBINING = /[\u0300-\u036f]/g;
const DOT_NOT_BETWEEN_LETTERS = /(?<!\p{L})\.|\.(?!\p{L})/gu;

/** The key form of one word unit; `''` when nothing is left (a lone dot or apostrophe). */
function plainLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    // small ASCII letters and digits: nothing to lower-case, strip or spell out but the abbreviations
    if ((c < 97 || c > 122) && (c < 48 || c > 57)) return false;
  }
  return true;
}

export function unitKey(word: string): string {
  let w = plainLower(word) ? word : word.toLowerCase();
  // fast path: plain ASCII letters need none of the rewriting below
  if (!plainLower(w)) {
    w = w.normalize('NFD').replace(COMBINING, '').replace(DOT_NOT_BETWEEN_LETTERS, '').replace(/['’`‘ʼ]/g, '').replace(/[-‐‑–]/g, ' ').replace(/\s+/g, ' ').trim();
    if (w.includes('œ')) w = w.replace(/œ/g, 'oe');
    if (w.includes('æ')) w = w.replace(/æ/g, 'ae');
    if (w.includes('ß')) w = w.replace(/ß/g, 'ss');
    // letters that carry their mark in the letter itself, so NFD leaves them: "Doğubayazıt" is
    // written "Dogubayazit", "Tromsø" "Tromso", "Łódź" "Lodz"
    if (OWN_MARKS.test(w)) w = w.replace(OWN_MARKS_ALL, (c) => FOLDED[c] ?? c);
  }
  // only two- and three-letter words can be abbreviations to spell out
  return w.length <= 3 && Object.prototype.hasOwnProperty.call(EXPAND, w) ? EXPAND[w] : w;
}

/** True for a unit written as an abbreviation: all capitals (two letters or more) or with a dot. */
export function isAbbreviationForm(word: string, dotted: boolean): boolean {
  if (dotted || word.includes('.')) return true;
  return word.length >= 2 && /^\p{Lu}+$/u.test(word);
}

/** Words that may stay lower-case inside a multi-word place name ("Bosnia and Herzegovina",
 * "People's Republic of China", whose possessive is the unit `s`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'de', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'd', 'l', 'da', 'do', 'dos', 'das', 'del', 'di', 'am', 'an', 'der', 'sur', 'en', 'upon', 'on', 'in', 'y', 'e', 'et', 'van', 'von', 'ould', 'ag', 'ben', 'bin', 'ibn', 's',
]);
