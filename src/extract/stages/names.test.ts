import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction } from '../../model.js';
import type { NameMention } from '../../model.js';
import { tokensStage } from './tokens.js';
import { namesStage } from './names.js';

// Uses the shipped model (models/ner-en.bin.gz). Sentences in the style of Sahel news reports,
// with names that Reuters 1996 never printed.
function names(text: string, trace = false): NameMention[] {
  const doc = documentFromText(text);
  const results = emptyExtraction(trace);
  tokensStage.run(doc, results);
  namesStage.run(doc, results);
  return results.names;
}

const pairs = (ms: NameMention[]): string[] => ms.map((m) => `${m.type}:${m.text}`);

/** The names found through the tokens' word types, and through their texts alone. */
function typedAndPlain(text: string): { typed: NameMention[]; plain: NameMention[] } {
  const doc = documentFromText(text);
  const typed = emptyExtraction();
  tokensStage.run(doc, typed);
  namesStage.run(doc, typed);
  // a copy of the token list carries no word types: the stage reads the tokens' texts
  const plain = emptyExtraction();
  plain.tokens = [...typed.tokens];
  namesStage.run(doc, plain);
  return { typed: typed.names, plain: plain.names };
}

describe('names stage', () => {
  it('finds the same names from the tokens word types as from their texts alone', () => {
    const { typed, plain } = typedAndPlain('“We will not leave,” said Colonel Assimi Goïta in Bamako on Monday. MALI JUNTA EXPELS FRENCH AMBASSADOR\n\nThe Front de libération de l’Azawad’s fighters left Kidal.');
    expect(plain).toEqual(typed);
    expect(typed.length).toBeGreaterThan(3);
  });

  it('finds the army, the group and the place of a clash', () => {
    const ms = names('Malian soldiers clashed with JNIM fighters near Boulkessi, the army said.');
    expect(pairs(ms)).toEqual(['MISC:Malian', 'ORG:JNIM', 'LOC:Boulkessi']);
  });

  it('gives offsets into the document text, the sentence and its provenance', () => {
    const text = 'Fighting resumed on Monday. Russian mercenaries of the Wagner Group withdrew from Kidal, a spokesman said.';
    const ms = names(text);
    for (const m of ms) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.stage).toBe('names');
      expect(m.rule).toBe('perceptron');
    }
    const kidal = ms.find((m) => m.text === 'Kidal');
    expect(kidal).toMatchObject({ type: 'LOC', sentence: 1 });
    expect(ms.find((m) => m.text === 'Wagner Group')?.type).toBe('ORG');
  });

  it('tags people, organisations and places in one sentence', () => {
    const ms = names('Following the death of Yevgeny Prigozhin, Russia created the Africa Corps, which now operates in Mali and Burkina Faso.');
    expect(pairs(ms)).toEqual(['PER:Yevgeny Prigozhin', 'LOC:Russia', 'ORG:Africa Corps', 'LOC:Mali', 'LOC:Burkina Faso']);
  });

  it('keeps multi-word names whole', () => {
    const ms = names('Assimi Goita met officials of the Economic Community of West African States in Ouagadougou.');
    expect(pairs(ms)).toContain('PER:Assimi Goita');
    expect(pairs(ms)).toContain('LOC:Ouagadougou');
    expect(ms.some((m) => m.type === 'ORG' && m.text.startsWith('Economic Community'))).toBe(true);
  });

  it('reads typographic apostrophes as the model was trained on plain ones', () => {
    const curly = names('The Wagner Group arrived in Mali in 2021. Analysts said Wagner’s presence there grew after the coup.');
    const plain = names("The Wagner Group arrived in Mali in 2021. Analysts said Wagner's presence there grew after the coup.");
    expect(pairs(curly)).toEqual(pairs(plain));
  });

  it('uses the rest of the document: a surname-like word once named as a group stays a group', () => {
    // alone, "Wagner's" reads like a person's name; after "the Wagner Group" it is the group
    const ms = names("The Wagner Group arrived in Mali in 2021. Analysts said Wagner's presence there grew after the coup.");
    expect(pairs(ms)).toEqual(['ORG:Wagner Group', 'LOC:Mali', 'ORG:Wagner']);
  });

  it('records a trace entry per name only when tracing is on', () => {
    const doc = documentFromText('Niger expelled French troops from Niamey.');
    const on = emptyExtraction(true);
    tokensStage.run(doc, on);
    namesStage.run(doc, on);
    expect(on.trace?.filter((t) => t.stage === 'names').length).toBe(on.names.length);
    const off = emptyExtraction(false);
    tokensStage.run(doc, off);
    namesStage.run(doc, off);
    expect(off.trace).toBeNull();
    expect(pairs(off.names)).toEqual(pairs(on.names));
  });

  it('reads a middle initial with its full stop, as the tagger learnt it, and never ends a name on one', () => {
    const ms = names('The resurgence of Vladimir V. Putin worried officials. The bank was founded in 1942 by Rexford G. Tugwell, an adviser of President Franklin D. Roosevelt.');
    const persons = ms.filter((m) => m.type === 'PER').map((m) => m.text);
    expect(persons).toEqual(['Vladimir V. Putin', 'Rexford G. Tugwell', 'Franklin D. Roosevelt']);
  });

  it('leaves a title and what qualifies it out of a name, and makes a person of what follows a title', () => {
    const ms = names('Texas Sen. Ted Cruz agreed with Lt. Col. Paul-Henri Damiba, and Mr. Manafort did not.');
    const persons = ms.filter((m) => m.type === 'PER').map((m) => m.text);
    expect(persons).toContain('Ted Cruz');
    expect(persons).toContain('Paul-Henri Damiba');
    expect(persons).toContain('Manafort');
    for (const m of ms) expect(m.text).not.toMatch(/^(Texas|Sen|Lt|Col|Mr)\b/);
  });

  it('finds the same names with abbreviations and hyphens from the word types as from the token texts', () => {
    const { typed, plain } = typedAndPlain('Former President George W. Bush met Gen. Salifou Mody in St. Louis. The U.S.-led coalition fought there in 2012-2013.');
    expect(plain).toEqual(typed);
    expect(pairs(typed)).toContain('PER:George W. Bush');
    // words joined by hyphens are one word, as CoNLL wrote them
    expect(pairs(typed)).toContain('MISC:U.S.-led');
  });
});
