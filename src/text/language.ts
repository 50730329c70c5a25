import { franc } from 'franc-min';

/**
 * Language of a text as an ISO 639-1 code, `und` when the text is too short to tell or the
 * language has no two-letter code. franc-min guesses from trigrams; a few thousand characters
 * are plenty, so long articles are sampled to keep ingest fast.
 */

/** franc's ISO 639-3 codes (franc-min's languages) to ISO 639-1. */
const ISO1: Record<string, string> = {
  eng: 'en', fra: 'fr', spa: 'es', por: 'pt', deu: 'de', ita: 'it', nld: 'nl', swe: 'sv', pol: 'pl',
  ces: 'cs', hun: 'hu', ron: 'ro', tur: 'tr', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', srp: 'sr',
  hrv: 'hr', bos: 'bs', kaz: 'kk', uzn: 'uz', azj: 'az', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps',
  ckb: 'ku', hin: 'hi', mar: 'mr', npi: 'ne', ben: 'bn', pan: 'pa', guj: 'gu', tel: 'te', tam: 'ta',
  kan: 'kn', mal: 'ml', sin: 'si', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th', mya: 'my', vie: 'vi',
  ind: 'id', zlm: 'ms', jav: 'jv', sun: 'su', tgl: 'tl', ell: 'el', amh: 'am', hau: 'ha', yor: 'yo',
  ibo: 'ig', fuv: 'ff', swh: 'sw', som: 'so', zul: 'zu', kin: 'rw', run: 'rn', nya: 'ny', lin: 'ln',
  plt: 'mg', qug: 'qu', zyb: 'za',
};

/** Below this many letters franc's guess is close to chance. */
const MIN_LETTERS = 40;
const SAMPLE = 4000;
const LETTER = /\p{L}/u;

/**
 * Words frequent in any English prose and rare as words of other languages written in Latin
 * letters (no "a", "in", "on", "an", which French, Spanish, Italian, German or Dutch share, nor
 * "we", "my", "i", "over", "her", "will", "can", "all", "more", "be", which are common words of
 * Polish, Italian, Dutch, Danish, German, Catalan, Swedish or Hungarian). The pronouns,
 * conjunctions and adverbs of opinion and commentary count as well as those of reporting, so
 * that quoted and argued English reaches the share as news does.
 */
const ENGLISH_WORDS = new Set([
  'the', 'of', 'and', 'to', 'was', 'that', 'for', 'with', 'said', 'by', 'from', 'which', 'were', 'have',
  'has', 'been', 'this', 'their', 'they', 'who', 'is', 'are', 'it', 'its', 'he', 'his', 'at', 'as',
  'not', 'but', 'would', 'had', 'you', 'she', 'him', 'them', 'there', 'what', 'when', 'about', 'than',
  'could', 'should', 'our', 'if', 'after', 'one', 'into', 'up', 'out', 'other', 'these', 'those',
  'because', 'while', 'only', 'being', 'many', 'some', 'any', 'how', 'why', 'where', 'then', 'just', 'your',
]);
const LONGEST_ENGLISH_WORD = Math.max(...[...ENGLISH_WORDS].map((w) => w.length));

/** One more ASCII letter of a word, case folded, appended to its key (a base-32 number, one digit a letter). */
function extendKey(key: number, c: number): number {
  return key * 32 + ((c | 32) - 96);
}

/** ENGLISH_WORDS as keys: a word of the text is looked up without slicing and lower-casing it. */
const ENGLISH_KEYS = new Set([...ENGLISH_WORDS].map((w) => {
  let key = 0;
  for (let i = 0; i < w.length; i++) key = extendKey(key, w.charCodeAt(i));
  return key;
}));
const ENGLISH_SAMPLE = 1500;
const ENGLISH_MIN_WORDS = 60;
const ENGLISH_SHARE = 0.2;

/**
 * True when the start of the text is plainly English: Latin letters only and at least a fifth
 * of its words among ENGLISH_WORDS (the articles of the quick bench corpus score 0.24 to 0.36,
 * 5th to 95th percentile; news paragraphs in French, Spanish, German, Italian, Portuguese, Dutch,
 * Polish, Indonesian and Danish score 0 to 0.07). franc compares trigrams against every language it knows,
 * milliseconds per article; this one pass decides the common case and leaves the rest to franc.
 */
function plainlyEnglish(text: string): boolean {
  const end = Math.min(text.length, ENGLISH_SAMPLE);
  let words = 0;
  let english = 0;
  let start = -1;
  // the key of the word so far; -1 once it holds a letter outside ASCII (no English word does:
  // none of those letters lower-cases to an ASCII one)
  let key = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    const ascii = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    let letter = ascii;
    if (c >= 128) {
      // accented Latin letters belong to words (Goïta); Latin-1 signs and general punctuation
      // (curly quotes, dashes) separate them; any other script is left to franc
      if (c >= 0xc0 && c <= 0x24f) letter = c !== 0xd7 && c !== 0xf7;
      else if (!((c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f))) return false;
    }
    if (letter) {
      if (start < 0) {
        start = i;
        key = 0;
      }
      if (key >= 0 && i - start < LONGEST_ENGLISH_WORD) key = ascii ? extendKey(key, c) : -1;
    } else if (start >= 0) {
      words++;
      if (i - start <= LONGEST_ENGLISH_WORD && key >= 0 && ENGLISH_KEYS.has(key)) english++;
      start = -1;
    }
  }
  return words >= ENGLISH_MIN_WORDS && english >= ENGLISH_SHARE * words;
}

export function detectLanguage(text: string): string {
  if (plainlyEnglish(text)) return 'en';
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let letters = 0;
  for (let i = 0; i < sample.length && letters < MIN_LETTERS; i++) {
    if (LETTER.test(sample[i])) letters++;
  }
  if (letters < MIN_LETTERS) return 'und';
  const code = franc(sample, { minLength: MIN_LETTERS });
  return ISO1[code] ?? 'und';
}

/** A declared language tag ("en-GB", "fr_FR", "eng", "French") reduced to ISO 639-1, or null. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (/^[a-z]{2}$/.test(t)) return t;
  if (/^[a-z]{3}$/.test(t)) return ISO1[t] ?? (t === 'fre' ? 'fr' : t === 'ger' ? 'de' : null);
  const names: Record<string, string> = { english: 'en', french: 'fr', 'français': 'fr', arabic: 'ar', spanish: 'es', portuguese: 'pt', german: 'de', russian: 'ru' };
  return names[t] ?? null;
}
