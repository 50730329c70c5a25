import { describe, expect, it } from 'vitest';
import type { Extraction, NameMention, PlaceMention } from '../../model.js';
import { emptyExtraction } from '../../model.js';
import { documentFromText } from '../../ingest/document.js';
import { tokensStage } from './tokens.js';
import { placesStage } from './places.js';
import { extract } from '../pipeline.js';

/** Runs the token and place stages; `names` stands in for the tagger's output when given. */
function places(text: string, names: (doc: string) => Omit<NameMention, 'sentence' | 'stage' | 'rule'>[] = () => []): PlaceMention[] {
  const doc = documentFromText(text);
  const results: Extraction = emptyExtraction();
  tokensStage.run(doc, results);
  results.names = names(doc.text).map((n) => ({ ...n, sentence: 0, stage: 'test', rule: 'test' }));
  placesStage.run(doc, results);
  return results.places;
}

function loc(text: string, phrase: string, type: NameMention['type'] = 'LOC'): Omit<NameMention, 'sentence' | 'stage' | 'rule'> {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, text: phrase, type };
}

describe('places stage', () => {
  it('reads the admin areas ACLED puts in parentheses', () => {
    const ps = places('Gunmen attacked Seme (Toeni, Sourou) on Sunday, killing six civilians.');
    const seme = ps.find((p) => p.text === 'Seme')!;
    expect(seme.country).toBe('BF');
    expect(seme.admin2).toBe('Province du Sourou');
    expect(seme.kind).toBe('village');
    expect(seme.precision).toBe(1);
    expect(seme.rule).toContain('container');
    expect(seme.stage).toBe('places');
    expect(ps.find((p) => p.text === 'Sourou')?.kind).toBe('admin2');
  });

  it('places a village the gazetteer lacks in the region the text names', () => {
    const ps = places("Fighting broke out near Boulkessi in Mali's Mopti region.");
    const b = ps.find((p) => p.text === 'Boulkessi')!;
    expect(b.placeId).toBe('unresolved:boulkessi');
    expect(b.country).toBe('ML');
    expect(b.admin1).toBe('Mopti Region');
    expect(b.lat).not.toBeNull();
    expect(ps.find((p) => p.text === 'Mali')?.kind).toBe('country');
    expect(ps.find((p) => p.text === 'Mopti')?.kind).toBe('admin1');
  });

  it('resolves "Paris, Texas" to Texas, not France', () => {
    const paris = places('The mayor of Paris, Texas, said Lamar County would help.').find((p) => p.text === 'Paris')!;
    expect(paris.country).toBe('US');
    expect(paris.admin1).toBe('Texas');
  });

  it('takes the town for a name shared by a region and its seat, and French forms', () => {
    const ps = places('Wagner fighters left Tombouctou and Ségou last week for Bamako.');
    expect(ps.find((p) => p.text === 'Tombouctou')).toMatchObject({ name: 'Timbuktu', kind: 'city', country: 'ML', precision: 1 });
    expect(ps.find((p) => p.text === 'Ségou')).toMatchObject({ kind: 'city', country: 'ML' });
    expect(ps.find((p) => p.text === 'Bamako')).toMatchObject({ kind: 'city', country: 'ML' });
  });

  it('keeps a country that is also an actor when it is used as a place', () => {
    const ps = places('Russia sent instructors to Mali and Burkina Faso in 2024.');
    expect(ps.map((p) => p.country)).toEqual(['RU', 'ML', 'BF']);
    expect(ps.every((p) => p.precision === 3)).toBe(true);
  });

  it('lets the document decide between namesakes', () => {
    const ps = places('Troops moved from Gao to Menaka. Later they reached Tessit, near the border with Niger.');
    expect(ps.find((p) => p.text === 'Gao')?.country).toBe('ML');
    expect(ps.find((p) => p.text === 'Niger')?.kind).toBe('country');
  });

  it('marks a place only near a town with precision 2', () => {
    const p = places('Soldiers were ambushed near Djibo on Tuesday.').find((x) => x.text === 'Djibo')!;
    expect(p.country).toBe('BF');
    expect(p.precision).toBe(2);
  });

  it('reads regions and abbreviations', () => {
    const ps = places('Jihadist groups spread across the Sahel and West Africa, U.S. officials said.');
    expect(ps.map((p) => p.name)).toEqual(['Sahel', 'West Africa', 'United States']);
    expect(ps[0].kind).toBe('region');
  });

  it('believes a demonym over a namesake elsewhere: "the Malian locality of Boulikessi"', () => {
    const ps = places('JNIM prepared an attack on the Malian locality of Boulikessi. Boulikessi lies near the border.');
    expect(ps.filter((p) => p.text === 'Boulikessi').map((p) => p.country)).toEqual(['ML', 'ML']);
    expect(ps[0].rule).toContain('demonym-country');
  });

  it('reads a lower-case "region" after an area\'s own name as that area, amid the towns of the document', () => {
    const ps = places("Gunmen attacked a village in Mali's central Mopti region. The assailants surrounded Ouenkoro in the Bankass area, near Bandiagara.");
    expect(ps.find((p) => p.text === 'Mopti')).toMatchObject({ kind: 'admin1', name: 'Mopti Region' });
  });

  it('reads "the Sahel" as the region, not a province of the same name', () => {
    const ps = places('Burkina Faso and Mali lost ground across the Sahel in 2022.');
    expect(ps.find((p) => p.text === 'Sahel')).toMatchObject({ kind: 'region', placeId: 'region:sahel' });
  });

  it('trusts the tagger: a LOC span widens a match, a PER span blocks one', () => {
    const text = 'Water covered Neches River Road while Paris Hilton visited Lufkin.';
    const ps = places(text, (t) => [loc(t, 'Neches River Road'), loc(t, 'Paris Hilton', 'PER'), loc(t, 'Lufkin')]);
    expect(ps.find((p) => p.text === 'Neches River Road')?.rule).toBe('tagger-loc-unresolved');
    expect(ps.some((p) => p.text.startsWith('Paris'))).toBe(false);
    expect(ps.find((p) => p.text === 'Lufkin')?.country).toBe('US');
  });

  it('takes the capital for a name shared with a state, unless the text says state or lists states', () => {
    const ps = places('The senator flew back to Washington on Monday to vote on the budget.');
    expect(ps.find((p) => p.text === 'Washington')).toMatchObject({ kind: 'city', country: 'US', admin1: 'Washington, D.C.' });
    const st = places('Wildfires burned in the state of Washington and in Oregon, Washington and Idaho.');
    expect(st.filter((p) => p.text === 'Washington').map((p) => p.kind)).toEqual(['admin1', 'admin1']);
    expect(places('Boeing builds the jet near Seattle, Washington.').find((p) => p.text === 'Washington')?.kind).toBe('admin1');
  });

  it('reads a list of countries as siblings, not containers', () => {
    const ps = places('Cases were confirmed in Canada, the United Kingdom, Spain and Israel.');
    expect(ps.map((p) => [p.text, p.kind, p.country])).toEqual([
      ['Canada', 'country', 'CA'],
      ['United Kingdom', 'country', 'GB'],
      ['Spain', 'country', 'ES'],
      ['Israel', 'country', 'IL'],
    ]);
  });

  it('knows the former names of large cities', () => {
    expect(places('Street vendors in Calcutta were trained in food hygiene.')[0]).toMatchObject({ name: 'Kolkata', country: 'IN' });
    expect(places('Flights from Kiev resumed.')[0]).toMatchObject({ name: 'Kyiv', country: 'UA' });
  });
  it('reads a country beside other countries as the country, not a namesake area elsewhere', () => {
    const kinds = (text: string): string[][] => places(text).map((p) => [p.text, p.kind, p.country ?? '']);
    // Nigeria in the text pulls towards its Niger State; the list and the move say country
    expect(kinds('Cases were reported in Guinea, Liberia, Mali, Niger and Senegal. Nigeria also reported cases in Kano.')[3]).toEqual(['Niger', 'country', 'NE']);
    expect(kinds('JNIM fighters crossed from Mali into Niger last week, Nigerian officials said.')[1]).toEqual(['Niger', 'country', 'NE']);
    // "Niger State" is the state, whatever the rest of the document says
    expect(kinds('Troops moved from Mali into Niger. Gunmen later attacked a village in Niger State.')[2]).toEqual(['Niger', 'admin1', 'NG']);
    expect(kinds('Gunmen attacked Minna in Niger State.')[1]).toEqual(['Niger', 'admin1', 'NG']);
    // a state listed with states stays a state
    expect(kinds('Storms hit Atlanta, Georgia and Florida.').slice(1)).toEqual([
      ['Georgia', 'admin1', 'US'],
      ['Florida', 'admin1', 'US'],
    ]);
  });
  it('finds areas news names by English directions where GeoNames writes French or "Southern"', () => {
    const ps = places('M23 rebels advanced in North Kivu while militias clashed in South Darfur and West Darfur.');
    expect(ps.find((p) => p.text === 'North Kivu')).toMatchObject({ kind: 'admin1', country: 'CD' });
    expect(ps.find((p) => p.text === 'South Darfur')).toMatchObject({ kind: 'admin1', country: 'SD', name: 'Southern Darfur' });
    expect(ps.find((p) => p.text === 'West Darfur')).toMatchObject({ kind: 'admin1', country: 'SD', name: 'Western Darfur' });
  });

  it('tells the initials "L.A." from the truncation "La." and reads "W. Va." whole', () => {
    const ps = places('He grew up in Charleston, W. Va., moved to L.A. and then to New Orleans, La.');
    expect(ps.find((p) => p.text === 'W. Va.')?.name).toBe('West Virginia');
    expect(ps.find((p) => p.text === 'L.A.')?.name).toBe('Los Angeles');
    expect(ps.find((p) => p.text === 'La.')?.name).toBe('Louisiana');
  });

  it('places seas, lakes and mountain ranges, and a lake named after a first name is no person', () => {
    const ps = extract(documentFromText('Boko Haram fighters fled across Lake Chad towards the Mandara Mountains, as ships gathered in the Black Sea.'), { until: 'places' }).places;
    for (const name of ['Lake Chad', 'Mandara Mountains', 'Black Sea']) {
      const p = ps.find((x) => x.text === name);
      expect(p?.lat, name).not.toBeNull();
      expect(p?.kind, name).toBe('feature');
    }
  });
  it('reads an ambiguous county and an ambiguous town as the pair that fits together', () => {
    // Fayetteville, North Carolina is the larger town, but only Arkansas' lies in a Washington County
    const alone = places('Flooding closed roads and a shelter opened in Fayetteville.');
    expect(alone.find((p) => p.text === 'Fayetteville')?.admin1).toBe('North Carolina');
    const ps = places('Flooding closed roads across Washington County, and a shelter opened in Fayetteville.');
    expect(ps.find((p) => p.text === 'Fayetteville')?.admin1).toBe('Arkansas');
    expect(ps.find((p) => p.text === 'Washington County')?.admin1).toBe('Arkansas');
  });
  it('keeps "the village of X in central Mali" in Mali when the gazetteer lacks the village', () => {
    const ps = places('Gunmen killed 12 people in the village of Ogossagou in central Mali on Sunday.');
    expect(ps.find((p) => p.text === 'Ogossagou')).toMatchObject({ placeId: 'unresolved:ogossagou', country: 'ML', kind: 'village', precision: 3 });
  });
  it('reads a bare "Congo" as DR Congo unless the text points to Brazzaville, for places and actors alike', () => {
    const drc = extract(documentFromText('Congo said on Monday that Rwanda backs the M23 rebels in Goma.'));
    expect(drc.places.find((p) => p.text === 'Congo')?.country).toBe('CD');
    expect(drc.actors.find((a) => a.text === 'Congo')?.country).toBe('CD');
    const rc = extract(documentFromText('Congo and Gabon signed a border deal in Brazzaville on Monday.'), { until: 'places' });
    expect(rc.places.find((p) => p.text === 'Congo')?.country).toBe('CG');
  });
  it('reads "Niger" in a list of countries as the country, not the Nigerian state the next name could contain', () => {
    const ps = places('Aid reached Ghana, Burkina Faso, Niger, Nigeria and Benin in March.');
    expect(ps.find((p) => p.text === 'Niger')).toMatchObject({ kind: 'country', country: 'NE' });
    expect(ps.find((p) => p.text === 'Nigeria')).toMatchObject({ kind: 'country', country: 'NG' });
  });
  it('puts a town the text places in another country than all its namesakes in that country', () => {
    // the only Stroud in the gazetteer is in England; the text says Ontario
    const stroud = places('The driver was stopped on Highway 11 in Stroud, Ontario, on Friday.').find((p) => p.text === 'Stroud')!;
    expect(stroud).toMatchObject({ placeId: 'unresolved:stroud', country: 'CA', admin1: 'Ontario' });
  });
  it('reads a region inside one country by the country the text is about', () => {
    const kenya = places('Cholera spread across Kenya, with most cases in Nyanza and the Rift Valley.');
    expect(kenya.find((p) => p.text === 'Nyanza')?.country).toBe('KE');
    const rwanda = places('In Rwanda, officials in Nyanza and Huye said the harvest was poor.');
    expect(rwanda.find((p) => p.text === 'Nyanza')?.country).toBe('RW');
  });
  it("knows England's regions", () => {
    const ps = places('Hospitals in the West Midlands and South West England reported new cases.');
    expect(ps.find((p) => p.text === 'West Midlands')).toMatchObject({ country: 'GB', kind: 'region' });
    expect(ps.find((p) => p.text === 'South West England')).toMatchObject({ country: 'GB', kind: 'region' });
  });
  it('reads "the Adrar des Ifoghas" as the Malian massif, not the Algerian town of Adrar', () => {
    const ps = extract(documentFromText('French troops fought in the Adrar des Ifoghas massif south of Tessalit.'), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Adrar des Ifoghas')).toMatchObject({ kind: 'feature', country: 'ML' });
    expect(ps.some((p) => p.country === 'DZ')).toBe(false);
  });
  it('a town named like an aircraft or a given name stays a town where the text places it', () => {
    const ps = extract(documentFromText('The plant moved to Hercules, California. Norb Mages of Lindsay and Dennis Lopez of Thackerville, Okla., came to see the plane.'), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Hercules')).toMatchObject({ country: 'US', admin1: 'California' });
    expect(ps.find((p) => p.text === 'Lindsay')?.country).toBe('US');
  });
  it("knows Sudan war spellings of Darfur's capitals", () => {
    const ps = places('RSF fighters shelled Al-Fashir and advanced on El Geneina.');
    expect(ps.find((p) => p.text === 'Al-Fashir')).toMatchObject({ name: 'El Fasher', country: 'SD' });
    expect(ps.find((p) => p.text === 'El Geneina')).toMatchObject({ name: 'Geneina', country: 'SD' });
  });
  it('keeps places written in capitals in datelines and places inside institution names', () => {
    const ps = extract(documentFromText('BAMAKO, June 5 (Reuters) - Students of Amherst College met officials at the Douglas County Hospital.'), { until: 'places' }).places;
    expect(ps.map((p) => p.text)).toEqual(['BAMAKO', 'Amherst', 'Douglas County']);
    expect(ps[0].country).toBe('ML');
  });
  it('reads names that open with a title word, and names written without their own letters', () => {
    const ps = places("Ducks were sampled in Queen Anne's County, Maryland, and in Dogubayazit, Turkey, and Tromso, Norway.");
    expect(ps.find((p) => p.text === "Queen Anne's County")).toMatchObject({ kind: 'admin2', admin1: 'Maryland' });
    expect(ps.find((p) => p.text === 'Dogubayazit')).toMatchObject({ name: 'Doğubayazıt', country: 'TR' });
    expect(ps.find((p) => p.text === 'Tromso')).toMatchObject({ name: 'Tromsø', country: 'NO' });
    expect(places('The Queen visited the King in London.').map((p) => p.text)).toEqual(['London']);
  });
  it('reads a roundup of countries sentence by sentence', () => {
    const text = 'Brazil reported new cases in Sao Paulo, Rio de Janeiro, Porto Alegre and Curitiba on Monday. Chile also reported cases. The Institute of Public Health in Santiago confirmed 393 of them.';
    expect(places(text).find((p) => p.text === 'Santiago')?.country).toBe('CL');
    // a capital keeps its name beside another country's
    const cairo = places('The United States sent experts to Cairo, where the outbreak began.');
    expect(cairo.find((p) => p.text === 'Cairo')?.country).toBe('EG');
  });
  it('places a town in the district the text names even where the district was split since', () => {
    // Santa Maria belonged to Davao del Sur until Davao Occidental was made from it in 2013
    const p = places('Farmers culled pigs in Santa Maria, Davao del Sur, after the virus was found.').find((x) => x.text === 'Santa Maria')!;
    expect(p.country).toBe('PH');
    expect(p.lat).toBeCloseTo(6.55, 1);
  });
  it('reads a county by the state its sentence names, over the state the document names more', () => {
    const text = 'Tests were run at the national laboratory in Ames, Iowa, and at a clinic in Des Moines, Iowa. The results came back on Friday. Officials said the birds were found in Michigan, in a marsh in Monroe County, on Monday.';
    expect(places(text).find((p) => p.text === 'Monroe County')?.admin1).toBe('Michigan');
  });
  it('reads "Soum Province" as the Burkinabe province, a second-level area', () => {
    const p = places('Militants raided a military outpost in Soum Province, Burkina Faso.').find((x) => x.text === 'Soum')!;
    expect(p).toMatchObject({ kind: 'admin2', country: 'BF', admin2: 'Province du Soum' });
  });
  it('reads French Sahel reporting: "le village de X, dans la province du Y", "près de Z"', () => {
    const text = 'Des hommes armés ont attaqué le village de Seytenga, dans la province du Séno, tuant au moins 86 civils, a annoncé le gouvernement dimanche. Les soldats ont neutralisé une dizaine de terroristes près de Ménaka.';
    const ps = extract(documentFromText(text), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Seytenga')).toMatchObject({ country: 'BF', admin2: 'Province du Séno', kind: 'village' });
    expect(ps.find((p) => p.text === 'Séno')).toMatchObject({ kind: 'admin2', country: 'BF' });
    expect(ps.find((p) => p.text === 'Ménaka')).toMatchObject({ country: 'ML', precision: 2 });
  });
  it('a French nearness word before "de" places a name the tagger reads as a person ("de Djibo")', () => {
    const text = 'Des hommes armés ont tué au moins douze civils dimanche près de Djibo, a annoncé le gouvernement burkinabè. Une embuscade a visé un convoi au nord de Kidal selon des sources locales.';
    const ps = extract(documentFromText(text), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Djibo')).toMatchObject({ country: 'BF', precision: 2 });
    expect(ps.find((p) => p.text === 'Kidal')).toMatchObject({ country: 'ML', precision: 2 });
  });
  it('reads "the province of X" like "X Province"', () => {
    const p = places('Militants raided an outpost in the province of Soum, in Burkina Faso.').find((x) => x.text === 'Soum')!;
    expect(p).toMatchObject({ kind: 'admin2', country: 'BF' });
  });
  it('a name for part of a place that the tagger reads as a person ("North Texas") leaves the place\'s name a place', () => {
    const text = 'A parasite outbreak scared swimmers across North Texas last summer. Health officials in Texas said the pools were safe.';
    const second = text.lastIndexOf('Texas');
    const ps = places(text, (t) => [loc(t, 'North Texas', 'PER'), { start: second, end: second + 5, text: 'Texas', type: 'LOC' }]);
    expect(ps.find((p) => p.start === second)).toMatchObject({ kind: 'admin1', country: 'US' });
  });
  it('an area named beside its sibling areas is the area, not the town that is its seat', () => {
    const ps = extract(documentFromText('Of the new cases, fourteen are in Nova Scotia, twelve in Ontario, eight in Alberta, and one in Quebec.'), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Quebec')).toMatchObject({ kind: 'admin1', country: 'CA' });
    const cities = extract(documentFromText('Flights from São Paulo and Rio de Janeiro were cancelled on Monday.'), { until: 'places' }).places;
    expect(cities.find((p) => p.text === 'São Paulo')).toMatchObject({ kind: 'city', country: 'BR' });
  });
  it("finds London's Westminster and Angola's Mbanza Congo by the names news gives them", () => {
    const ps = extract(documentFromText('Protesters gathered in Westminster on Friday. Health workers confirmed cholera cases in Mbanza Congo, Angola, on Monday.'), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Westminster')).toMatchObject({ country: 'GB' });
    expect(ps.find((p) => p.text === 'Mbanza Congo')).toMatchObject({ country: 'AO', kind: 'city' });
  });
  it('a place noun before "of" names a place even where the tagger reads a person', () => {
    const text = 'Militants cut off the hand of a thief in the town of Ansongo.';
    const ps = places(text, (t) => [loc(t, 'Ansongo', 'PER')]);
    expect(ps.find((p) => p.text === 'Ansongo')?.country).toBe('ML');
  });
  it('a direction before a place leaves the place its own name ("Southern Gao", "Western Sydney")', () => {
    const ps = extract(documentFromText('Clashes were reported in Southern Gao and in Western Mopti, while aid reached Western Sydney.'), { until: 'places' }).places;
    expect(ps.map((p) => [p.text, p.country])).toEqual([
      ['Gao', 'ML'],
      ['Mopti', 'ML'],
      ['Sydney', 'AU'],
    ]);
  });
  it('a direction that is a province of the place after it stays that province ("Far North Cameroon")', () => {
    const ps = extract(documentFromText('Boko Haram fighters struck in Far North Cameroon on Sunday.'), { until: 'places' }).places;
    expect(ps.find((p) => p.text === 'Far North')).toMatchObject({ kind: 'admin1', country: 'CM' });
  });
  it('reads ", in the Y region" and ", in central Y" as containers, and the direction picks among namesakes inside', () => {
    const moura = extract(documentFromText('Soldiers executed about 300 civilians in Moura, in the Mopti region, in March 2022.'), { until: 'places' }).places;
    // Portugal's and Australia's Moura lie outside the region the text names: the village is one the gazetteer lacks
    expect(moura.find((p) => p.text === 'Moura')).toMatchObject({ placeId: 'unresolved:moura', country: 'ML', admin1: 'Mopti Region' });
    const boni = extract(documentFromText('Jihadists attacked Boni, in central Mali, on Sunday.'), { until: 'places' }).places;
    expect(boni.find((p) => p.text === 'Boni')).toMatchObject({ country: 'ML', admin1: 'Mopti Region' });
    const djibo = extract(documentFromText('Des hommes armés ont attaqué Djibo, dans le nord du Burkina Faso, dimanche.'), { until: 'places' }).places;
    expect(djibo.find((p) => p.text === 'Djibo')).toMatchObject({ country: 'BF' });
  });
  it('finds Tamasheq names written as one word as well as GeoNames writes them apart ("Tinzaouaten", "Ti-n-Zaouâtene")', () => {
    const ps = extract(documentFromText('Heavy fighting was reported near Tinzaouaten on Saturday, and a camp at Tin-Essako was attacked.'), { until: 'places' }).places;
    expect(ps.map((p) => [p.text, p.country, p.admin1])).toEqual([
      ['Tinzaouaten', 'ML', 'Kidal Region'],
      ['Tin-Essako', 'ML', 'Kidal Region'],
    ]);
  });
  it('a name followed by its area word, or placed by the text in an area so named, is a place whatever the tagger says', () => {
    const text = 'ISWAP fighters attacked a military base in Malam Fatori, Borno State, on Monday, and gunmen abducted 50 women near Arbinda.';
    const ps = places(text, (t) => [loc(t, 'Malam Fatori', 'PER'), loc(t, 'Borno State', 'PER')]);
    expect(ps.map((p) => [p.text, p.country])).toEqual([
      ['Malam Fatori', 'NG'],
      ['Borno', 'NG'],
      ['Arbinda', 'BF'],
    ]);
  });
  it('French lists of countries are lists, and "Le Mali" opening a sentence is the country', () => {
    const ps = extract(documentFromText('Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO en janvier 2024, a annoncé la junte.'), { until: 'places' }).places;
    expect(ps.map((p) => [p.text, p.kind])).toEqual([
      ['Mali', 'country'],
      ['Burkina Faso', 'country'],
      ['Niger', 'country'],
    ]);
  });
  it('"the villages of X and Y in Z": both villages the gazetteer lacks take the container', () => {
    const ps = extract(documentFromText("At least 70 people were killed when gunmen attacked the villages of Koulogon and Ogossagou in central Mali's Mopti region."), { until: 'places' }).places;
    expect(ps.filter((p) => p.placeId.startsWith('unresolved:')).map((p) => [p.text, p.admin1])).toEqual([
      ['Koulogon', 'Mopti Region'],
      ['Ogossagou', 'Mopti Region'],
    ]);
  });

  it('the towns a road joins are places, whatever the tagger reads ("the Djibo-Namssiguia road", "l\'axe Fada N\'Gourma-Pama")', () => {
    expect(places('Two aid workers were kidnapped on the Djibo-Namssiguia road on Tuesday.').map((p) => p.name)).toEqual(['Djibo', 'Namssiguia']);
    const fr = "Deux employés ont été enlevés sur l'axe Fada N'Gourma-Pama, dans l'est du Burkina Faso.";
    const tagged = places(fr, (t) => [{ start: t.indexOf('Fada'), end: t.indexOf('Pama') + 4, text: "Fada N'Gourma-Pama", type: 'PER' }]);
    expect(tagged.map((p) => p.name)).toEqual(["Fada N'gourma", 'Pama', 'Burkina Faso']);
  });

  it('a town after a word that places, in a country the text names, is a place though the tagger calls it a person ("tués samedi à Barsalogho")', () => {
    const text = 'Des centaines de civils ont été tués samedi à Barsalogho, selon des sources locales au Burkina Faso.';
    const got = places(text, (t) => [{ start: t.indexOf('Barsalogho'), end: t.indexOf('Barsalogho') + 10, text: 'Barsalogho', type: 'PER' }]);
    expect(got.map((p) => p.name)).toContain('Barsalogo');
  });

  it('a village the text puts in a province none of its namesakes lies in is placed at that province ("Soro, in the northern province of Yatenga")', () => {
    const got = extract(documentFromText('Human Rights Watch said soldiers executed villagers in Nondin and Soro, in the northern province of Yatenga, on Feb. 25.', '2024-04-25')).places;
    expect(got.find((p) => p.text === 'Soro')).toMatchObject({ admin1: 'Nord', admin2: 'Province du Yatenga', precision: 2 });
  });
});
