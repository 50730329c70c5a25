import { describe, expect, it } from 'vitest';
import { HeadScanner, literalHead, sourceWords, type LiteralHead } from './heads.js';
import { RULES, matchesAt } from './tagger.js';

/** What a head regex finds, as [index, length] pairs. */
function byRegex(re: RegExp, text: string): [number, number][] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => [m.index, m[0].length]);
}

const TEXTS = [
  'Gunmen killed 12 villagers near Djibo on Sunday, three days after the army left; the attack came a year after the coup.',
  'In the first half of 2024, JNIM fighters attacked every week. The Mayor said on Jan. 5 that the weekend was quiet.',
  'Over the past two decades, daily raids, weekly convoys and monthly reports; each day per person. Centuries-old feuds.',
  'DAYS, Days, days2 _days days_ daydream yearlong YEAR-END year-ago twenty-two Twenty nineteen-eighty Nineties.',
  'Janet, JAN, Jan, Janu, MayDay, May, Decem, Dec-2024 2024-01-05 x2024-01-05 12024-01-05-99 Mar., Sept and Sep.',
  'día niñez semana Tagesmonat 1990s mid-1990s the 80s, fortnightly, millennium, quarter-century, half-hearted, behalf.',
  '',
  'a',
  'year',
  'Jan',
  'Later today, the army said that yesterday\'s raid, early Monday, was the worst since Christmas Eve 2019; at present, right now and recently.',
  'On Monday\'s meeting, last Friday night and this morning: the near future, the long run, at the moment, a later date, once upon a time.',
  'noon, midnight, MIDDAY, Tonight, overnight, New Year\'s Eve, Valentine\'s Day, Independence Day 2024, Thanksgiving; nowhere, presently, currents.',
  'todays Mondays Sunday2 _today yesterday_ the day before yesterday. The present. These days, nowadays, just now, soon, future, lately.',
];

describe('literal rule heads', () => {
  const literal = RULES.map((r) => (r.head ? { rule: r.name, re: r.head.re, head: literalHead(r.head.re) } : null)).filter(
    (x): x is { rule: string; re: RegExp; head: LiteralHead } => x !== null && x.head !== null,
  );

  it('reads the word lists of most heads', () => {
    expect(literal.map((x) => x.rule)).toEqual(expect.arrayContaining(['duration', 'vague-duration', 'relative-unit', 'month', 'month-day', 'set']));
    expect(literalHead(/spring|summer/gi)).toBeNull();
    expect(literalHead(/\b(?:day|week)\b/giu)).toBeNull();
  });

  it('finds what each head regex finds, in one pass for all heads', () => {
    const scanner = new HeadScanner(literal.map((x) => x.head));
    for (const text of [...TEXTS, TEXTS.join('\n')]) {
      const found = scanner.scan(text);
      literal.forEach((x, k) => expect(found[k], `${x.rule} on ${JSON.stringify(text.slice(0, 40))}`).toEqual(byRegex(x.re, text)));
    }
  });

  it('takes the first alternative that matches, as the regex does', () => {
    const head = literalHead(/\b(?:we|week|weekend)/gi)!;
    const scanner = new HeadScanner([head]);
    expect(scanner.scan('weekend Weeks')).toEqual([byRegex(/\b(?:we|week|weekend)/gi, 'weekend Weeks')]);
  });
});

describe('rules tried only where one of their words starts a run', () => {
  it('takes a word always followed by a space as the whole run, any other as a prefix', () => {
    const words = (re: RegExp) => {
      const h = sourceWords(re);
      return h.alts.map((a, i) => `${a}${h.wholeAlts?.[i] ? '!' : ''}`);
    };
    expect(words(/\b(?:the\s+past|a later date|present(?:ly)?)\b/gi)).toEqual(['the!', 'past', 'a!', 'later!', 'date', 'present', 'ly']);
    // "\s*" and "\s?" may match no space: "thepast" begins a match
    expect(words(/\b(?:the\s*past|the\s+future|an?\s?hour)\b/gi)).toEqual(['the', 'past', 'future', 'an', 'hour']);
    const scanner = new HeadScanner([sourceWords(/\b(?:the\s+past|a\s+later\s+date)\b/gi)]);
    // not at "There" or "attack"
    expect(scanner.scan('There, the past; a attack at a later date')[0].map(([p]) => p)).toEqual([7, 11, 17, 29, 31, 37]);
  });

  const rules = RULES.filter((r) => r.wordStart && !r.head);

  it('covers the rules without a head', () => {
    expect(rules.map((r) => r.name)).toEqual(expect.arrayContaining(['deictic-day', 'weekday', 'vague', 'holiday', 'clock-word']));
  });

  it('finds what a global scan of the pattern finds', () => {
    const scanner = new HeadScanner(rules.map((r) => sourceWords(r.re)));
    const sticky = rules.map((r) => new RegExp(r.re.source, `${r.re.flags.replace('g', '')}y`));
    for (const text of [...TEXTS, TEXTS.join('\n')]) {
      const starts = scanner.scan(text);
      rules.forEach((r, k) => {
        const got = matchesAt(sticky[k], text, starts[k]).map((m) => [m.index, m[0]]);
        const want = byRegexText(r.re, text);
        expect(got, `${r.name} on ${JSON.stringify(text.slice(0, 40))}`).toEqual(want);
      });
    }
  });
});

function byRegexText(re: RegExp, text: string): [number, string][] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => [m.index, m[0]]);
}
