import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from './sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps titles, ranks, initials, dotted abbreviations and decimals inside a sentence', () => {
    // after the English Wikipedia article "Mali War" (CC BY-SA 4.0), with titles added
    expect(
      split(
        'Lt. Col. Assimi Goïta met Gen. Thomas D. Waldhauser of the U.S. Africa Command on Jan. 12, 2021. ' +
          'Dr. Mohamed Ag Erlaf said No. 3 of the agreement cost 1.5 billion francs. The talks ended.',
      ),
    ).toEqual([
      'Lt. Col. Assimi Goïta met Gen. Thomas D. Waldhauser of the U.S. Africa Command on Jan. 12, 2021.',
      'Dr. Mohamed Ag Erlaf said No. 3 of the agreement cost 1.5 billion francs.',
      'The talks ended.',
    ]);
  });

  it('ends a sentence after an abbreviation when a common sentence opener follows', () => {
    expect(split('Troops were sent by the U.S. The operation began in 2013.')).toEqual([
      'Troops were sent by the U.S.',
      'The operation began in 2013.',
    ]);
  });

  it('keeps quotations with their sentence and splits after closing quotes', () => {
    // from the Wagner withdrawal wire story of 6 June 2025
    expect(
      split('The group said, “Mission accomplished.” Analysts were not sure. "Why now?" one asked. "It was planned," he said.'),
    ).toEqual(['The group said, “Mission accomplished.”', 'Analysts were not sure.', '"Why now?" one asked.', '"It was planned," he said.']);
  });

  it('handles ellipses, exclamation and question marks', () => {
    expect(split('The convoy waited... Then it left! Who ordered it? Nobody knows … yet.')).toEqual([
      'The convoy waited...',
      'Then it left!',
      'Who ordered it?',
      'Nobody knows … yet.',
    ]);
  });

  it('makes a headline without a final full stop its own sentence', () => {
    const text = 'Jihadists attack army camp in Boulikessi\nGunmen attacked the camp at dawn. Dozens died.';
    expect(split(text)).toEqual(['Jihadists attack army camp in Boulikessi', 'Gunmen attacked the camp at dawn.', 'Dozens died.']);
  });

  it('treats a wire dateline as its own segment', () => {
    expect(split('BAMAKO 2025-06-06 The Wagner Group said it was leaving Mali.')).toEqual([
      'BAMAKO 2025-06-06',
      'The Wagner Group said it was leaving Mali.',
    ]);
  });

  it('splits an inline numbered list into its items', () => {
    expect(split('Results: 1. Mali 12 points 2. Niger 10 points 3. Chad 9 points')).toEqual([
      'Results: 1. Mali 12 points',
      '2. Niger 10 points',
      '3. Chad 9 points',
    ]);
  });

  it('splits scripts that put no space after a full stop', () => {
    expect(split('马里军队发动了进攻。瓦格纳集团撤离了。')).toEqual(['马里军队发动了进攻。', '瓦格纳集团撤离了。']);
  });

  it('shifts offsets by base', () => {
    const s = splitSentences('One. Two.', 100);
    expect(s).toEqual([
      { start: 100, end: 104 },
      { start: 105, end: 109 },
    ]);
  });

  it('wraps soft line breaks of a hard-wrapped paragraph but not a short heading line', () => {
    const text =
      'Background\n' +
      'The Islamist insurgency in the Sahel began in 2012 when armed groups took\n' +
      'control of northern Mali, and it has since spread to Burkina Faso and\n' +
      'Niger.\n\nSecond paragraph.';
    expect(split(text)).toEqual([
      'Background',
      'The Islamist insurgency in the Sahel began in 2012 when armed groups took\ncontrol of northern Mali, and it has since spread to Burkina Faso and\nNiger.',
      'Second paragraph.',
    ]);
  });
});

describe('splitParagraphs', () => {
  it('uses blank lines when there are any, else every line', () => {
    expect(splitParagraphs('a\nb\n\nc').length).toBe(2);
    expect(splitParagraphs('a\nb\nc').length).toBe(3);
  });
});

describe('list items', () => {
  it('keeps the number of a list item with its text', () => {
    const text = '1. Background\n2. The coup of August 2020. It ended the Keïta presidency.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      '1. Background',
      '2. The coup of August 2020.',
      'It ended the Keïta presidency.',
    ]);
  });
});

describe('list items', () => {
  it('a line that opens a list item begins a sentence of its own, however long the line before', () => {
    const text = 'Events in 2021:\n\n * **June 4–5** – **Solhan and Tadaryat massacres**\n * **June 8** – Gunmen killed 5 villagers near Ménaka.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toContain('* **June 8** – Gunmen killed 5 villagers near Ménaka.');
  });
});
