import { describe, expect, it } from 'vitest';
import { distanceKm, gazetteer } from './places.js';
import { unitKey, isAbbreviationForm } from './placekeys.js';

describe('place keys', () => {
  it('folds case, accents, apostrophes, hyphens and saints', () => {
    expect(unitKey('Ségou')).toBe('segou');
    expect(unitKey("N'Djamena")).toBe('ndjamena');
    expect(unitKey('Doğubayazıt')).toBe('dogubayazit');
    expect(unitKey('Tromsø')).toBe('tromso');
    expect(unitKey('Łódź')).toBe('lodz');
    expect(unitKey('Guinea-Bissau')).toBe('guinea bissau');
    expect(unitKey('St')).toBe('saint');
    expect(unitKey('Mali')).toBe('mali');
  });

  it('keeps the dots between initials, so "L.A." and "La." differ', () => {
    expect(unitKey('L.A.')).toBe('l.a');
    expect(unitKey('La.')).toBe('la');
    expect(unitKey('U.S.')).toBe('u.s');
  });

  it('knows an abbreviation by its capitals or its dot', () => {
    expect(isAbbreviationForm('US', false)).toBe(true);
    expect(isAbbreviationForm('Ky', true)).toBe(true);
    expect(isAbbreviationForm('Us', false)).toBe(false);
  });
});

describe('gazetteer', () => {
  const g = gazetteer();

  it('tells whether any key begins with a prefix', () => {
    expect(g.hasKeyStartingWith('.w va')).toBe(true); // "W. Va."
    expect(g.hasKeyStartingWith('.w ')).toBe(true);
    expect(g.hasKeyStartingWith('.zzzz ')).toBe(false);
    expect(g.hasKeyStartingWith('\uffff')).toBe(false); // past the last key
  });

  it('lists areas under the English direction words news uses', () => {
    expect(g.lookup('north kivu').map((p) => p.country)).toContain('CD');
    expect(g.lookup('south darfur').map((p) => p.country)).toContain('SD');
    expect(g.lookup('centre north').map((p) => p.country)).toContain('BF');
  });

  it('gives a demonym several countries share to the independent one', () => {
    expect(g.demonym('dutch')).toBe('NL');
    expect(g.demonym('neerlandais')).toBe('NL');
    expect(g.demonym('francaise')).toBe('FR');
    expect(g.demonym('samoan')).toBe('WS');
    expect(g.demonym('malian')).toBe('ML');
  });

  it('knows an area by its own name without the generic word before it', () => {
    // GeoNames: "Province of Laguna", "Kabupaten Karo", "Provincia de Buenos Aires"
    expect(g.lookup('laguna').some((p) => p.kind === 'admin2' && p.country === 'PH')).toBe(true);
    expect(g.lookup('karo').some((p) => p.kind === 'admin2' && p.country === 'ID')).toBe(true);
  });

  it('puts a province at its land, not where its towns crowd', () => {
    // Natural Earth polygon centroids: Ontario's towns crowd along its southern border
    const ontario = g.lookup('ontario').find((p) => p.kind === 'admin1' && p.country === 'CA')!;
    expect(distanceKm(ontario.lat!, ontario.lon!, 50.07, -85.83)).toBeLessThan(5);
    const queensland = g.lookup('queensland').find((p) => p.kind === 'admin1' && p.country === 'AU')!;
    expect(queensland.lat!).toBeLessThan(-20);
  });

  it('holds Sahel villages from the GeoNames dumps with their French forms', () => {
    const seme = g.lookup('seme');
    expect(seme.some((p) => p.country === 'BF' && p.kind === 'village')).toBe(true);
    expect(g.lookup('tombouctou').some((p) => p.name === 'Timbuktu' && p.kind === 'city')).toBe(true);
    expect(g.lookup('ouagadougou')[0].country).toBe('BF');
  });

  it('lists a country before its namesakes, and abbreviations under their own keys', () => {
    expect(g.lookup('mali')[0].kind).toBe('country');
    expect(g.lookup('=us')[0].id).toBe('iso:US');
    expect(g.lookup('us').some((p) => p.id === 'iso:US')).toBe(false);
  });

  it('gives worldwide admin areas coordinates and names', () => {
    const county = g.lookup('laurel county')[0];
    expect(county.kind).toBe('admin2');
    expect(county.country).toBe('US');
    expect(distanceKm(county.lat, county.lon, 37.1, -84.1)).toBeLessThan(60);
    const mopti = g.lookup('mopti').find((p) => p.kind === 'city')!;
    expect(g.admin1Of(mopti)?.name).toBe('Mopti Region');
  });

  it('flags common words and given names, and knows demonyms', () => {
    expect(g.flags('mission').common).toBe(true);
    expect(g.flags('beverly').firstName).toBe(true);
    expect(g.flags('mali').common).toBe(false);
    expect(g.demonym('malian')).toBe('ML');
    expect(g.demonym('burkinabe')).toBe('BF');
  });

  it('holds regions the Sahel press names', () => {
    expect(g.lookup('sahel')[0].kind).toBe('region');
    expect(g.lookup('liptako gourma')[0].id).toBe('region:liptako-gourma');
    expect(g.lookup('middle east')[0].kind).toBe('region');
  });

  it('measures great-circle distance', () => {
    // Bamako to Ouagadougou, about 700 km
    expect(distanceKm(12.65, -8.0, 12.37, -1.53)).toBeGreaterThan(650);
    expect(distanceKm(12.65, -8.0, 12.37, -1.53)).toBeLessThan(750);
  });
});
