import { describe, expect, it } from 'vitest';
import { emptyExtraction } from '../../model.js';
import { documentFromText } from '../../ingest/document.js';
import { tokensStage } from './tokens.js';
import { findActors } from './actors.js';

/** The mentions found with the tokens stage's word types (sentences may be left out unread) and
 * without them (a copy of the token list has none: every sentence is read piece by piece). */
function bothWays(text: string): [string[], string[]] {
  const doc = documentFromText(text, '2024-03-01');
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  const show = (ms: ReturnType<typeof findActors>) => ms.map((m) => `${m.start}-${m.end} ${m.text} -> ${m.actorId} (${m.rule})`);
  const typed = show(findActors(doc, results));
  const untyped = show(findActors(doc, { ...results, tokens: [...results.tokens] }));
  return [typed, untyped];
}

describe('actors stage: sentences ruled out by their word types', () => {
  it('finds the same mentions as reading every sentence', () => {
    const text = [
      'The attack is a reminder of the threat.',
      'IS fighters attacked the town, and the army said it is the worst raid this year.',
      'Mr. Trump spoke as the United States weighed sanctions.',
      'The Gambia and the Central African Republic sent officials; the government of Niger said nothing.',
      'Al-Qaida-linked groups and armed men killed villagers near Gao.',
      'It was quiet in the city of Bamako on Sunday.',
      'Government forces clashed with JNIM, the Malian army said.',
      'Russia has shifted its strategy, backed by Wagner.',
    ].join(' ');
    const [typed, untyped] = bothWays(text);
    expect(typed.length).toBeGreaterThan(5);
    expect(typed).toEqual(untyped);
  });

  it('reads an entry that is one word only in the case its rule allows', () => {
    const [typed, untyped] = bothWays('Fighters of the IS attacked. This is what it is.');
    expect(typed).toEqual(untyped);
    expect(typed.some((m) => m.includes(' IS -> '))).toBe(true);
  });
});
