import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface VagueAmount {
  low: number | null;
  best: number | null;
  high: number | null;
  approximate: boolean;
}

/** Multi-word phrases keyed by their first lower-case token, longest first, so matching is one
 * Map lookup per token. */
export type PhraseTable<T> = Map<string, { words: string[]; value: T }[]>;

export interface QuantityLexicon {
  /** the language whose reporting these words read; the finder reads that language's grammar */
  language: 'en' | 'fr';
  counted: PhraseTable<string>;
  casualties: PhraseTable<string>;
  vague: PhraseTable<VagueAmount>;
  heavy: Set<string>;
}

interface QuantityWords {
  counted: Record<string, string[]>;
  casualties: Record<string, string[]>;
  vague: Record<string, { low?: number; best?: number; high?: number; approximate?: boolean }>;
  heavy: string[];
}

interface QuantitiesFile extends QuantityWords {
  /** French reporting's words, read only for documents detected as French */
  fr?: QuantityWords;
}

function addPhrase<T>(table: PhraseTable<T>, phrase: string, value: T): void {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return;
  const list = table.get(words[0]) ?? [];
  list.push({ words, value });
  list.sort((a, b) => b.words.length - a.words.length);
  table.set(words[0], list);
}

export function buildQuantityLexicon(yamlText: string, language: 'en' | 'fr' = 'en'): QuantityLexicon {
  const file = parse(yamlText) as QuantitiesFile;
  const f: QuantityWords | undefined = language === 'fr' ? file.fr : file;
  if (!f) throw new Error(`quantities: data/cues/quantities.yaml has no words for '${language}'`);
  const counted: PhraseTable<string> = new Map();
  const casualties: PhraseTable<string> = new Map();
  const vague: PhraseTable<VagueAmount> = new Map();
  for (const [category, nouns] of Object.entries(f.counted)) {
    for (const n of nouns) {
      addPhrase(counted, n, category);
      // French elides 'de' into the noun's token before a vowel or mute h: "une dizaine d'enfants"
      if (language === 'fr' && /^[aeiouyhâàéèêîôû]/.test(n)) {
        addPhrase(counted, `d'${n}`, category);
        addPhrase(counted, `d’${n}`, category);
      }
    }
  }
  for (const [category, forms] of Object.entries(f.casualties)) for (const n of forms) addPhrase(casualties, n, category);
  for (const [phrase, v] of Object.entries(f.vague)) {
    const amount = { low: v.low ?? null, best: v.best ?? null, high: v.high ?? null, approximate: v.approximate ?? false };
    addPhrase(vague, phrase, amount);
    // ("plus d'une centaine", "près d'un millier": the elided "de" is part of the first word's token)
    if (language === 'fr' && /^une? /.test(phrase)) {
      addPhrase(vague, `d'${phrase}`, amount);
      addPhrase(vague, `d’${phrase}`, amount);
    }
  }
  return { language, counted, casualties, vague, heavy: new Set(f.heavy.map((w) => w.toLowerCase())) };
}

function dataFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'data', 'cues', 'quantities.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('quantities: data/cues/quantities.yaml not found above ' + dirname(fileURLToPath(import.meta.url)));
}

let cached: QuantityLexicon | null = null;
let cachedFrench: QuantityLexicon | null = null;

/** Loaded once per language, on first use. French words for French documents only: English
 * words such as 'un' ("UN peacekeepers"), 'a' or 'de' must never start a count in English text. */
export function quantityLexicon(language = 'en'): QuantityLexicon {
  if (language === 'fr') {
    if (!cachedFrench) cachedFrench = buildQuantityLexicon(readFileSync(dataFile(), 'utf8'), 'fr');
    return cachedFrench;
  }
  if (!cached) cached = buildQuantityLexicon(readFileSync(dataFile(), 'utf8'));
  return cached;
}
