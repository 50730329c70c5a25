import { documentFromText } from '../../src/ingest/document.js';
import type { Document, DocumentOrigin, Extraction } from '../../src/model.js';
import { emptyExtraction } from '../../src/model.js';

/**
 * Real text for the store's contract suite: paragraphs from the Wikipedia articles bundled in
 * examples/ (Wikipedia contributors, CC BY-SA 4.0; see examples/ATTRIBUTION.md).
 */
export const SUPER_CAMP =
  'On 14 April 2018, militants attacked the MINUSMA base in Timbuktu Airport, known informally as the "super camp". ' +
  'The JNIM later claimed responsibility for the attack, in reprisal for the deaths of some of their commanders in clashes that occurred about a week earlier.\n\n' +
  'JNIM militants began their attack on 14 April 2018 by launching 11 rockets and mortar shells at the MINUSMA super camp. ' +
  'Two vehicles carrying militants disguised as peacekeepers later approached the camp, one of which exploded inside the base, whilst the other was disabled before it reached troops. ' +
  'MINUSMA peacekeepers (in particular from Burkina Faso) and French troops exchanged gunfire with JNIM militants both inside the camp and outside the perimeter walls, ' +
  'resulting in the deaths of 15 militants and one MINUSMA soldier from Burkina Faso. Seven MINUSMA peacekeepers and seven French soldiers were also wounded.';

export const BOULIKESSI =
  'The battle of Boulikessi took place on October 30 and 31, 2020 during the war in Mali.\n\n' +
  'On the evening of October 30, 2020, a French army operation was launched against a group of jihadists of JNIM while the latter were preparing an attack on the Malian locality of Boulikessi, near the border with Burkina Faso. ' +
  'The jihadist column on motorcycles was first spotted by a drone. ' +
  'While the combatants on motorcycles regrouped and hid under trees, an airstrike was carried out by two French Mirage 2000D fighters.\n\n' +
  'On November 2, the French Minister of the Armed Forces, Florence Parly, announced that more than 50 jihadists had been neutralized in the operation.';

export const COUP =
  "The 2021 Malian coup d'état began on the night of 24 May 2021 when the Malian Army led by Vice President Assimi Goïta captured President Bah N'daw, Prime Minister Moctar Ouane and Minister of Defence Souleymane Doucouré. " +
  "Assimi Goïta, the head of the junta that led the 2020 Malian coup d'état, announced that N'daw and Ouane were stripped of their powers and that new elections would be held in 2022.";

/** The super camp text as a syndicated copy would carry it: a dateline and an agency's sign-off. */
export const SUPER_CAMP_SYNDICATED = `TIMBUKTU, Mali — ${SUPER_CAMP}\n\nReporting by the Bamako newsroom; editing by the Africa desk.`;

export function origin(location: string, format: DocumentOrigin['format'] = 'md'): DocumentOrigin {
  return { location, format, readAt: '2025-06-07T08:00:00.000Z' };
}

export function doc(text: string, options: { title?: string; published?: string; location?: string } = {}): Document {
  const d = documentFromText(text, options.published);
  return { ...d, title: options.title ?? null, origins: [origin(options.location ?? `examples/${d.id.slice(0, 8)}.md`)] };
}

/** Spans of the first occurrence of `needle` in the document, with its sentence. */
function at(d: Document, needle: string): { start: number; end: number; sentence: number; text: string } {
  const start = d.text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  const sentence = d.sentences.find((s) => s.start <= start && start < s.end)?.index ?? 0;
  return { start, end: start + needle.length, sentence, text: needle };
}

/** Extraction results a complete pipeline would give for the super camp text. */
export function superCampExtraction(d: Document): Extraction {
  const x = emptyExtraction();
  const p = { stage: 'fixture', rule: 'hand-written' };
  const jnim = at(d, 'JNIM');
  x.names.push({ ...jnim, ...p, type: 'ORG' });
  x.actors.push({ ...jnim, ...p, actorId: 'jnim', name: "Jama'at Nasr al-Islam wal-Muslimin", kind: 'armed-group', inter: 2, country: null, provisional: false });
  const minusma = at(d, 'MINUSMA');
  x.actors.push({ ...minusma, ...p, actorId: 'minusma', name: 'MINUSMA', kind: 'international-org', inter: 8, country: null, provisional: false });
  const timbuktu = at(d, 'Timbuktu');
  x.places.push({ ...timbuktu, ...p, placeId: 'geonames:2449067', name: 'Timbuktu', kind: 'city', country: 'ML', admin1: 'Tombouctou', admin2: null, lat: 16.7735, lon: -3.0074, precision: 1 });
  const date = at(d, '14 April 2018');
  x.times.push({ ...date, ...p, timexType: 'DATE', value: '2018-04-14', precision: 'day', anchored: false });
  const killed = at(d, '15 militants');
  x.quantities.push({ ...killed, ...p, low: 15, best: 15, high: 15, approximate: false, counts: 'killed', countsText: 'deaths' });
  const claimed = at(d, 'claimed responsibility');
  x.sources.push({ ...p, cue: { start: claimed.start, end: claimed.end, text: claimed.text }, source: { start: jnim.start, end: jnim.end, text: 'JNIM' }, content: null, channel: null, cueType: 'claim', sentence: claimed.sentence, sourceActorId: 'jnim' });
  const evidence = at(d, 'militants attacked the MINUSMA base in Timbuktu Airport');
  x.events.push({
    acled: { type: 'Battles', subtype: 'Armed clash' },
    plover: 'ASSAULT',
    extra: null,
    actor1: 'jnim',
    actor2: 'minusma',
    associated: [],
    interaction: 28,
    location: { name: 'Timbuktu', country: 'ML', admin1: 'Tombouctou', admin2: null, lat: 16.7735, lon: -3.0074, precision: 1 },
    date: { value: '2018-04-14', precision: 'day' },
    fatalities: { low: 16, best: 16, high: 16 },
    civilianTargeting: false,
    modality: 'asserted',
    attributedTo: null,
    channel: null,
    evidence,
    rules: ['fixture'],
    main: true,
  });
  x.statements.push({
    subject: 'jnim',
    predicate: 'claimed-responsibility',
    object: 'attack',
    value: null,
    at: '2018-04',
    modality: 'claimed',
    attributedTo: 'jnim',
    channel: null,
    evidence: at(d, 'The JNIM later claimed responsibility for the attack'),
    rules: ['fixture'],
  });
  return x;
}

export function boulikessiExtraction(d: Document): Extraction {
  const x = emptyExtraction();
  const p = { stage: 'fixture', rule: 'hand-written' };
  const jnim = at(d, 'JNIM');
  x.actors.push({ ...jnim, ...p, actorId: 'jnim', name: "Jama'at Nasr al-Islam wal-Muslimin", kind: 'armed-group', inter: 2, country: null, provisional: false });
  const france = at(d, 'French army');
  x.actors.push({ ...france, ...p, actorId: 'fr-military', name: 'Military Forces of France', kind: 'state-forces', inter: 8, country: 'FR', provisional: false });
  x.events.push({
    acled: { type: 'Explosions/Remote violence', subtype: 'Air/drone strike' },
    plover: 'AIRSTRIKE',
    extra: null,
    actor1: 'fr-military',
    actor2: 'jnim',
    associated: [],
    interaction: 28,
    location: { name: 'Boulikessi', country: 'ML', admin1: 'Mopti', admin2: null, lat: 15.0, lon: -1.6, precision: 1 },
    date: { from: '2020-10-30', to: '2020-10-31', precision: 'range' },
    fatalities: { low: 50, best: 50, high: 60 },
    civilianTargeting: false,
    modality: 'reported',
    attributedTo: 'Florence Parly',
    channel: 'statement',
    evidence: at(d, 'an airstrike was carried out by two French Mirage 2000D fighters'),
    rules: ['fixture'],
  });
  return x;
}
