import { describe, expect, it } from 'vitest';
import { markdownToText, readMarkdown, splitFrontMatter } from './markdown.js';

const origin = { location: 'a.md', format: 'md' as const, readAt: '2025-01-01T00:00:00.000Z' };

describe('front matter', () => {
  it('reads the keys sitrep uses after a large nested block (a parsed infobox)', () => {
    const infobox = ['infoboxes:', '  - conflict:', '      text: Tongo Tongo ambush', '    date:', '      text: |-', '        4 October 2017', '        11:40 to 14:58'];
    const text = ['---', ...infobox, 'title: "Tongo Tongo ambush"', 'date: 2017-10-04', 'source: Wikipedia', 'img: x.svg', '---', 'Body.'].join('\n');
    const { data, body } = splitFrontMatter(text);
    expect(data).toEqual({ title: 'Tongo Tongo ambush', date: '2017-10-04', source: 'Wikipedia' });
    expect(body).toBe('Body.');
  });

  it('leaves a file without front matter whole', () => {
    expect(splitFrontMatter('# Title\n\nBody.')).toEqual({ data: {}, body: '# Title\n\nBody.' });
  });

  it('maps published, source and an author object', () => {
    const raw = readMarkdown('---\npublished: 2025-06\nsource: Example Wire\nauthor:\n  name: Jane Doe\n---\nGunmen attacked the camp.', origin);
    expect(raw).toMatchObject({ published: { value: '2025-06', precision: 'month' }, outlet: 'Example Wire', author: 'Jane Doe' });
  });
});

describe('markdownToText', () => {
  it('keeps headings, list items and paragraphs as paragraphs and drops markup', () => {
    // after the English Wikipedia article "Mali War" (CC BY-SA 4.0)
    const md = [
      'The **Mali War** is an ongoing armed conflict that started in January 2012.',
      '',
      '## Background',
      ' * State crisis: the establishment of a Tuareg state has been a long-term goal of the [MNLA](https://en.wikipedia.org/wiki/MNLA).',
      ' * Food crisis: Mali\'s economy depends on outside assistance.',
      '![Tuareg rebel](https://example.org/x.png)',
      'Another Tuareg-dominated group, the Islamist Ansar Dine (*Defenders of Faith*), initially fought',
      'alongside the MNLA against the government.',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'The Mali War is an ongoing armed conflict that started in January 2012.',
        'Background',
        'State crisis: the establishment of a Tuareg state has been a long-term goal of the MNLA.',
        "Food crisis: Mali's economy depends on outside assistance.",
        'Another Tuareg-dominated group, the Islamist Ansar Dine (Defenders of Faith), initially fought\nalongside the MNLA against the government.',
      ].join('\n\n'),
    );
  });

  it('keeps one line per paragraph when the file has no blank lines', () => {
    expect(markdownToText('First paragraph.\nSecond paragraph.')).toBe('First paragraph.\nSecond paragraph.');
  });
});
