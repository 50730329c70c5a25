import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../model.js';
import { emptyExtraction } from '../../model.js';
import { documentFromText } from '../../ingest/document.js';
import { tokensStage } from './tokens.js';
import { placesStage } from './places.js';
import { actorsStage } from './actors.js';
import { extract } from '../pipeline.js';

function placeTexts(text: string): string[] {
  const doc = documentFromText(text);
  const results: Extraction = emptyExtraction();
  tokensStage.run(doc, results);
  placesStage.run(doc, results);
  return results.places.map((p) => p.text);
}

describe('places stage: what is not a place', () => {
  it('a given name before a surname is a person, not a town', () => {
    expect(placeTexts('Beverly Ochieng noted that the army had withdrawn from the area.')).toEqual([]);
    expect(placeTexts('Vladimir Putin met the junta leaders last week.')).toEqual([]);
  });

  it('a surname named after a person earlier stays a person', () => {
    expect(placeTexts('Police said Tyrise M. Bell ran from the officer. Later Bell pulled a gun.')).toEqual([]);
  });

  it('a title makes the next name a person', () => {
    expect(placeTexts('The statement came from President Obama and Sheriff Anderson on Monday.')).toEqual([]);
  });

  it('common words are not places, capitalised or not', () => {
    expect(placeTexts('Mission accomplished, the spokesman said.')).toEqual([]);
    expect(placeTexts('Along the road, nothing moved.')).toEqual([]);
    expect(placeTexts('Of the 40 soldiers, 12 were wounded in March.')).toEqual([]);
    expect(placeTexts('The Union and the Council met in August.')).toEqual([]);
  });

  it('demonyms are not places', () => {
    expect(placeTexts('Malian soldiers and Burkinabe volunteers patrolled together.')).toEqual([]);
  });

  it('acronyms and currencies are not places', () => {
    expect(placeTexts('The HIV programme was paid US$460 million by the UN.')).toEqual([]);
  });

  it('an institution named after a small namesake is not that place', () => {
    expect(placeTexts('A spokesman for the White House declined to comment.')).toEqual([]);
  });

  it('unit abbreviations are not dotted state abbreviations', () => {
    expect(placeTexts('The 2nd RIMa and the RI regiment moved north.')).toEqual([]);
  });

  it('a run of common words is not a small namesake town', () => {
    expect(placeTexts('Rangers patrolled the National Park last year.')).toEqual([]);
  });

  it('"us" the pronoun is not the United States', () => {
    expect(placeTexts('Us and them: the fighters told us to leave.')).toEqual([]);
  });

  it("an armed group's name before a plain noun is the group, not a town of that name", () => {
    const doc = documentFromText('Negotiations were under way to move Wagner fighters into the Africa Corps, and Wagner personnel left Mali.');
    const results: Extraction = emptyExtraction();
    tokensStage.run(doc, results);
    actorsStage.run(doc, results);
    placesStage.run(doc, results);
    expect(results.places.map((p) => p.text)).toEqual(['Mali']);
  });
  it('a county reached by its short name ties no town to it', () => {
    // "California" is also a borough in Washington County, Pennsylvania; "Washington" alone is not that county
    const ps = extract(documentFromText('Flu cases climbed in Washington, Pennsylvania and California this week.'), { until: 'places' }).places;
    expect(ps.map((p) => [p.text, p.kind])).toEqual([['Washington', 'admin1'], ['Pennsylvania', 'admin1'], ['California', 'admin1']]);
  });

  it('a first name inside a person\'s name makes no lake', () => {
    const ps = extract(documentFromText('Chad Smith, a fisherman, said the water was low.'), { until: 'places' }).places;
    expect(ps).toEqual([]);
  });
  it('an English contraction is no village, even where a village has its letters', () => {
    const ps = extract(documentFromText("You're right, she said in Bamako, as Malian troops gathered. He'll go to N'Djamena."), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Bamako', "N'Djamena"]);
  });

  it('a hamlet abroad that nothing else in the text points to is dropped', () => {
    // Piccadilly is also a hamlet in Western Australia; this text is about Britain
    const ps = extract(documentFromText('Protesters gathered on Piccadilly, police in London and England said, as Britain reacted.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['London', 'England', 'Britain']);
  });
  it('aircraft, vehicles and a language named like towns are not places', () => {
    const text = 'France sent two C-130 Hercules transport planes, three Chinook helicopters, Mirage and Rafales, Leclerc tanks and a Toyota Land Cruiser to Gao. He spoke English and French.';
    const ps = extract(documentFromText(text), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['France', 'Gao']);
  });
  it('a seat of power standing for its government is not its namesake village', () => {
    const ps = extract(documentFromText('The White House said on Monday that talks with Niger would resume.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Niger']);
  });
  it('a direction before "of" is no place named like it', () => {
    const ps = extract(documentFromText('Heavy fighting went on in the far North East of Mali.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Mali']);
  });
  it('a given name coordinated with a person is a person', () => {
    const ps = extract(documentFromText('The sergeant was born in Fayetteville, North Carolina, to Henry and Karen Black.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Fayetteville', 'North Carolina']);
  });
  it('holidays, acronyms, car makes, title abbreviations and a famous surname are not places', () => {
    const text = "Police in Gainesville stressed safety on St. Patrick's Day. A SWAT team arrested a man in a white Kia, and FEMA said U.S. Sens. Boxer and Feinstein had asked the Obama administration for help.";
    const ps = extract(documentFromText(text), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Gainesville', 'U.S.']);
  });
  it('peoples and dates are not places', () => {
    const ps = extract(documentFromText('On 31 March, Gao fell to the rebels. Dogon militiamen attacked Peul herders near Bankass, and Bambara villages were burned.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Gao', 'Bankass']);
  });
  it('a surname the text gives a person is no city, even where the tagger reads it as one', () => {
    const text = 'Melton Lewis Paris, 51, was found shot to death inside his residence. Paris had been shot once in the head, the sheriff said.';
    const doc = documentFromText(text);
    const results: Extraction = emptyExtraction();
    tokensStage.run(doc, results);
    const second = text.lastIndexOf('Paris');
    results.names = [
      { start: 0, end: 18, text: 'Melton Lewis Paris', type: 'PER', sentence: 0, stage: 'test', rule: 'test' },
      { start: second, end: second + 5, text: 'Paris', type: 'LOC', sentence: 1, stage: 'test', rule: 'test' },
    ];
    placesStage.run(doc, results);
    expect(results.places.map((p) => p.text)).toEqual([]);
  });
  it('an acronym written with a small letter is no village', () => {
    const ps = extract(documentFromText('Soldiers of the 3rd RPIMa and the 11th RAMa left Gao for Timbuktu.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['Gao', 'Timbuktu']);
  });
});

describe('places stage: French articles are no towns', () => {
  it('"Un" and "La" opening a French sentence name no place', () => {
    const texts = placeTexts('Un attentat-suicide a visé le camp militaire de Tessit jeudi. La police a dispersé les manifestants à coups de gaz lacrymogènes à Niamey, selon des témoins.');
    expect(texts).not.toContain('Un');
    expect(texts).not.toContain('La');
    expect(texts).toContain('Tessit');
  });
  it("a direction before another country's place is no province of its own (Sri Lanka's North Western)", () => {
    const ps = extract(documentFromText('Bandits kidnapped dozens of pupils in North-Western Nigeria, and the army deployed to North Western Nigeria.'), { until: 'places' }).places;
    expect(ps.map((p) => p.country)).toEqual(['NG', 'NG']);
  });
  it('a list of places each after ", in" is no chain of containers', () => {
    const towns = extract(documentFromText('Fighting was reported in Gao, in Kidal and in Menaka.'), { until: 'places' }).places;
    expect(towns.map((p) => [p.text, p.kind])).toEqual([
      ['Gao', 'city'],
      ['Kidal', 'city'],
      ['Menaka', 'city'],
    ]);
    const countries = extract(documentFromText('Protests took place in Niger, in Mali and in Burkina Faso.'), { until: 'places' }).places;
    expect(countries.map((p) => p.kind)).toEqual(['country', 'country', 'country']);
  });
  it('a person named before a suffix stays a person even when the suffix could be a place', () => {
    const suffix = extract(documentFromText('William F. Buckley, Jr. was his uncle and his father was a writer too.'), { until: 'places' }).places;
    expect(suffix.map((p) => p.text)).not.toContain('Buckley');
  });

  it('a lower-case "region" after a city that is no area of that name is the city\'s surroundings ("the Charlotte region")', () => {
    const ps = extract(documentFromText('The development will house one of the biggest industrial parks in the Charlotte region, near Huntersville, North Carolina.')).places;
    expect(ps.find((p) => p.text === 'Charlotte')).toMatchObject({ kind: 'city', country: 'US' });
  });

  it('a demonym after an article or a number is a person, not a place ("killing a Togolese in Gourma-Rharous Cercle")', () => {
    const got = extract(documentFromText('Militants attacked a military base, killing a Togolese in Gourma-Rharous Cercle, Mali.', '2021-05-10')).places;
    expect(got.map((p) => p.text)).not.toContain('Togolese');
    expect(got.map((p) => p.name)).toContain('Gourma-Rharous Cercle');
  });

  it('a broadcaster\'s name holds no place ("Voice of America"), but a place beside one stays ("a New York Times/CBS News poll")', () => {
    expect(extract(documentFromText('The government suspended the BBC and Voice of America for two weeks.', '2024-04-25')).places).toEqual([]);
    expect(extract(documentFromText('A New York Times/CBS News poll found the race tight in Ohio.', '2016-01-01')).places.map((p) => p.text)).toContain('New York');
  });
});
