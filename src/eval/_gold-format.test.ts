import { describe, expect, it } from 'vitest';
import { GoldFormatError, parseGold } from './_gold-format.js';

const SAMPLE = `
document: corpus/example.md
published: 2024-03-02
actors:
  - name: Military Forces of Burkina Faso
    kind: state-forces
    acled_inter: 1
    country: BF
    mentions: [Burkinabe soldiers, the army]
  - name: gunmen
    kind: armed-group
    unnamed: true
    optional: true
    mentions: [gunmen]
places:
  - {name: Djibo, kind: city, iso: BF, lat: 14.1, lon: -1.63}
not_entities: [Telegram]
events:
  - evidence: gunmen attacked a base in Djibo
    acled: {type: Battles, subtype: Armed clash}
    actor1: gunmen
    date: {value: 2024-03-01, precision: day}
    fatalities: {low: 10, best: 12}
statements:
  - {subject: gunmen, predicate: present_in, object: BF, modality: reported}
`;

describe('gold format reader', () => {
  it('reads every section with its types', () => {
    const g = parseGold(SAMPLE, 'example.yaml');
    expect(g.document).toBe('corpus/example.md');
    expect(g.published).toBe('2024-03-02');
    expect(g.actors[0]).toMatchObject({ name: 'Military Forces of Burkina Faso', acled_inter: 1, country: 'BF', mentions: ['Burkinabe soldiers', 'the army'] });
    expect(g.actors[1]).toMatchObject({ unnamed: true, optional: true });
    expect(g.places[0]).toMatchObject({ name: 'Djibo', iso: 'BF', lat: 14.1, mentions: [] });
    expect(g.not_entities).toEqual(['Telegram']);
    expect(g.events[0].date?.value).toBe('2024-03-01');
    expect(g.events[0].fatalities).toEqual({ low: 10, best: 12 });
    expect(g.statements[0]).toMatchObject({ subject: 'gunmen', predicate: 'present_in', object: 'BF' });
  });

  it('names the file when a required field is missing', () => {
    expect(() => parseGold('actors: []\n', 'broken.yaml')).toThrow(GoldFormatError);
    expect(() => parseGold('actors: []\n', 'broken.yaml')).toThrow(/broken\.yaml: document is missing/);
    expect(() => parseGold('document: x.md\nactors:\n  - kind: person\n', 'b.yaml')).toThrow(/b\.yaml: actors\[0\]: name is missing/);
  });
});
