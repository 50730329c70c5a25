import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { literalStrings, PrefixIndex, wordStartPrefixes } from './prefilter.js';
import { rawHits } from './detect.js';
import { loadCues } from './lexicon.js';

describe('wordStartPrefixes', () => {
  it('reads the leading alternation of a cue, optional parts included', () => {
    expect(wordStartPrefixes(String.raw`\b(?:clash(?:es|ed)?|gun ?fights?)\b`, '', 3)?.sort()).toEqual(['cla', 'gun']);
    expect(wordStartPrefixes(String.raw`\b(?:an?|the)\s+attack`, '', 3)?.sort()).toEqual(['a', 'an', 'the']);
    expect(wordStartPrefixes(String.raw`\b(?:(?:hand|stun)[- ])?grenades?\b`, '', 5)?.sort()).toEqual(['grena', 'hand ', 'hand-', 'stun ', 'stun-']);
  });

  it('skips lookarounds before the first character and lower-cases a case-blind pattern', () => {
    expect(wordStartPrefixes(String.raw`(?<!heart |panic )\b(?:Attack|raid)s?\b(?! dogs)`, 'iu', 4)?.sort()).toEqual(['atta', 'raid']);
  });

  it('gives up when a match may start anywhere or with any word', () => {
    expect(wordStartPrefixes(String.raw`(?:attack|raid)`, '', 3)).toBeNull(); // no \b: may start inside a word
    expect(wordStartPrefixes(String.raw`\b(?:\w+ ){0,2}attack`, '', 3)).toBeNull();
    expect(wordStartPrefixes(String.raw`\b[\p{Lu}][\p{L}-]+ ambush`, 'u', 3)).toBeNull();
    expect(wordStartPrefixes(String.raw`\b(?:attack|raid)|^clash`, '', 3)).toBeNull(); // alternation at the top
    expect(wordStartPrefixes(String.raw`\b(?:attack|-raid)`, '', 3)).toBeNull(); // "-" is no word character
    expect(wordStartPrefixes(String.raw`\b(a)\1`, '', 3)).toBeNull(); // back-references are not read
  });
});

describe('literalStrings', () => {
  it('spells out a finite alternation, assertions left out (a wider claim)', () => {
    expect(literalStrings(String.raw`command|reports? directly|-run\b`, 'i')?.sort()).toEqual(['-run', 'command', 'report directly', 'reports directly']);
    expect(literalStrings('President|Prime Minister', '')?.sort()).toEqual(['president', 'prime minister']);
  });
  it('is null for anything unbounded', () => {
    expect(literalStrings(String.raw`backed by \w+`, 'i')).toBeNull();
    expect(literalStrings('rivals?|(?:ally)+', 'i')).toBeNull();
  });
});

describe('PrefixIndex', () => {
  it('tells which spans hold a string of each pattern, inside words too', () => {
    const index = new PrefixIndex([['mov'], ['head', 'headquarters'], ['x']]);
    const text = 'troops removed. the headquarters. nothing here. move';
    const spans = [{ start: 0, end: 15 }, { start: 16, end: 33 }, { start: 34, end: 47 }, { start: 48, end: 52 }];
    expect(index.spansWith(text, spans)).toEqual([[true, false, false, true], [false, true, false, false], [false, false, false, false]]);
  });

  it('lists each word start where a pattern may begin, once', () => {
    const index = new PrefixIndex([['cla', 'gun'], null, ['a', 'an']]);
    const text = 'clashes and gunfire: a clan, an aclash';
    expect(index.starts(text)).toEqual([[0, 12, 23], [], [8, 21, 29, 32]]);
  });
});

/** Real sentences from this folder's tests and the statements tests, joined into documents. */
function fixtureText(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const out: string[] = [];
  for (const dir of [here, join(here, '..', 'statements')]) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.ts') && n !== 'prefilter.test.ts')) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'([A-Z][^'\n]{20,})'/g)) out.push(m[1]);
    }
  }
  return out.join(' ');
}

describe('cue scan with the start index', () => {
  const text = fixtureText();

  it('finds exactly the matches of a scan of the whole text', () => {
    expect(text.length).toBeGreaterThan(2000);
    const gated = rawHits(text, 0);
    expect(gated.length).toBeGreaterThan(50);
    expect(gated).toEqual(rawHits(text, 0, true));
  });

  it('also across odd joins, capitals, hyphens and a shifted base', () => {
    const odd = [
      text.toUpperCase(),
      text.replace(/ /g, '\n'),
      text.replace(/ /g, '-'),
      'Counter-attack. Re-took the town; RE-CAPTURED it.Clashes erupted.Gunmen shot dead 3 people',
      "The army's re-took Kidal — ‘clashes’ (firefights) … ¿ataque? Airstrike/drone strike",
    ];
    for (const t of odd) expect(rawHits(t, 17)).toEqual(rawHits(t, 17, true));
  });

  it('characters whose case folding reaches ASCII fall back to the whole scan', () => {
    const t = 'The attacK on the base (\u212a) and ſhelling.';
    expect(rawHits(t, 0)).toEqual(rawHits(t, 0, true));
  });
});

describe('the event cues of English reporting', () => {
  it('all start at known words, so none is run over the whole text', () => {
    const { cues } = loadCues<{ cues: { kind: string; re: string; lang?: string }[] }>('events.yaml');
    const unindexed = cues
      .filter((c) => c.lang === undefined)
      .filter((c) => {
        const cased = /\\p\{Lu\}|\[A-Z/.test(c.re);
        const flags = cased ? 'iu' : /\\p\{|\\u\{/.test(c.re) ? 'u' : '';
        return wordStartPrefixes(c.re, flags, 8) === null;
      })
      .map((c) => c.kind);
    expect(unindexed).toEqual([]);
  });
});
