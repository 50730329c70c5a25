import { describe, expect, it } from 'vitest';
import { classifyText, findCues } from './detect.js';
import { detectInSentence } from './assemble.js';

function kinds(text: string): string[] {
  return detectInSentence(text, 0).map((d) => d.kind);
}

// Words of violence used for something else: none of these is a conflict event.
describe('event cues: negative cases', () => {
  it('"heart attack" is no attack', () => {
    expect(kinds('The former minister died of a heart attack in Paris on Monday.')).toEqual([]);
  });
  it('"fire" in "ceasefire" is no shooting: the ceasefire is an agreement', () => {
    expect(kinds('The ceasefire held for a third day in northern Mali.')).toEqual(['ceasefire']);
  });
  it('"killed the bill" is no killing', () => {
    expect(kinds('The national assembly killed the bill on Thursday.')).toEqual([]);
  });
  it('sports and markets: "attacking midfielder", "stocks were shot down" are not events', () => {
    expect(classifyText('The attacking midfielder scored twice for Stade Malien.')).toBeNull();
    expect(kinds('The striker shot wide in the last minute.')).toEqual([]);
  });
  it('a weapon named only as support does not type the event ("with the support of drone strikes")', () => {
    expect(kinds('Special forces intervened on the ground with the support of drone strikes.')).toEqual(['armed-clash']);
  });
  it('a drone that only watches is no drone strike', () => {
    expect(kinds('The column was first spotted by a drone.')).toEqual([]);
  });
});

describe('event cues: French cues read French documents only', () => {
  it('French words in English text fire no French cue', () => {
    expect(findCues('Officials called the frappes aériennes story false, and the word enlèvement appeared in a Le Monde headline.', 0, 'en')).toEqual([]);
  });

  it('an English cue does not read a French sentence that French cues read ("à coups de gaz" is no coup)', () => {
    const hits = findCues('La police a dispersé les manifestants à coups de gaz lacrymogènes devant la mairie.', 0, 'fr');
    expect(hits.map((h) => h.kind)).not.toContain('coup');
    expect(hits.map((h) => h.kind)).toContain('protest-intervention');
  });

  it('"mines d\'or" are gold mines, not landmines', () => {
    expect(findCues("Les mines d'or artisanales de la région emploient des milliers de jeunes.", 0, 'fr').map((h) => h.kind)).not.toContain('remote-explosive');
  });
});
