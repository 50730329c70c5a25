import { describe, expect, it } from 'vitest';
import { classifyText } from './detect.js';
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
