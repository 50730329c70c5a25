import { describe, expect, it } from 'vitest';
import { allKinds, classifyText, findCues, findCuesBySentence, kindInfo } from './detect.js';

function kind(text: string): string | null {
  return classifyText(text)?.kind ?? null;
}

describe('event cues and typing', () => {
  it('every kind maps to ACLED, PLOVER or an extra type', () => {
    for (const k of allKinds()) {
      const info = kindInfo(k);
      expect(info.acled !== null || info.plover !== null || info.extra !== undefined, k).toBe(true);
    }
  });

  it('types violent events by the mode of violence first (ACLED precedence)', () => {
    expect(kind('A drone strike hit a wedding party in the village of Tadamakat, killing 13 civilians.')).toBe('drone-strike');
    expect(kind('Two suicide bombers blew themselves up at the gate of the Mopti barracks, killing a soldier.')).toBe('suicide-bomb');
    expect(kind('An improvised explosive device struck a UN convoy near Aguelhok, wounding four peacekeepers.')).toBe('remote-explosive');
    expect(kind('Militants fired mortar shells at the airport in Gao overnight.')).toBe('shelling');
  });

  it('violence against civilians: the victims named after "killed" say who was harmed', () => {
    expect(kind('Suspected jihadists killed at least 30 civilians near Bandiagara on Thursday.')).toBe('attack');
    expect(kind('JNIM fighters killed 12 villagers and burned their granaries.')).toBe('attack');
    expect(kind('Soldiers executed about 300 people in Moura, a rights group said.')).toBe('attack');
    // a roadside bomb's toll stays the bomb's
    expect(kind('A roadside bomb killed 12 people near Gao.')).toBe('remote-explosive');
    // and soldiers killed by a mine or a suicide bomber died of the weapon, not in a clash
    expect(kind('Five Malian soldiers were killed and two others injured when their patrol hit a landmine.')).toBe('remote-explosive');
    expect(kind('A suicide car bomb exploded at the entrance of a military camp, killing at least four soldiers.')).toBe('suicide-bomb');
  });

  it('battles: clashes, attacks on the military, territory changing hands', () => {
    expect(kind('Soldiers clashed with jihadists near Boni for several hours on Tuesday.')).toBe('armed-clash');
    expect(kind('Gunmen attacked a military checkpoint in Tillabéri, killing six soldiers.')).toBe('armed-clash');
    expect(kind('The Malian army recaptured the town of Kidal from separatist rebels on Tuesday.')).toBe('government-regains');
    expect(kind('Jihadists seized control of the town of Djibo after the garrison fled.')).toBe('nonstate-overtakes');
    expect(kind('Rebels seized Bunagana, a town on the Ugandan border, on Monday.')).toBe('nonstate-overtakes');
    // a capitalised word after the verb that is a title or a day names no place taken
    expect(kind('Rebels captured Colonel Diallo near the border.')).not.toBe('nonstate-overtakes');
  });

  it('gives each sentence its own cues when a match would run on into the next', () => {
    const text = 'Rebels seized the base on Monday. Officials said the rebels then seized the town.';
    const first = text.indexOf('.') + 1;
    const hits = findCuesBySentence(text, [{ start: 0, end: first }, { start: first + 1, end: text.length }]);
    expect(hits[0].map((h) => h.kind)).toContain('nonstate-overtakes');
    expect(hits[1].map((h) => h.kind)).toContain('nonstate-overtakes');
    for (const [i, s] of [[0, { start: 0, end: first }], [1, { start: first + 1, end: text.length }]] as const) {
      for (const h of hits[i]) expect(h.start >= s.start && h.end <= s.end).toBe(true);
    }
  });

  it('violence against civilians', () => {
    expect(kind('Gunmen attacked villagers in Ogossagou, killing 160 people.')).toBe('attack');
    expect(kind('Armed men abducted 50 women gathering fruit near Arbinda.')).toBe('abduction');
  });

  it('protests and riots, by how authorities answered', () => {
    expect(kind('Thousands of protesters marched through Bamako on Friday demanding the departure of French troops.')).toBe('peaceful-protest');
    expect(kind('Police fired tear gas to disperse protesters outside the parliament in Niamey.')).toBe('protest-intervention');
    expect(kind('Security forces opened fire on protesters in Ouagadougou, killing three demonstrators.')).toBe('excessive-force');
    expect(kind('Protesters clashed with police and set fire to tyres in the capital.')).toBe('violent-demonstration');
  });

  it('strategic developments and sitrep extras', () => {
    expect(kind('The Wagner Group announced its withdrawal from Mali.')).toBe('withdrawal');
    expect(kind('Russia deployed about 100 instructors to Ouagadougou in January.')).toBe('deployment');
    expect(kind('Soldiers seized power in a coup in Niamey on Wednesday.')).toBe('coup');
    expect(kind('The government and the rebels signed a ceasefire in Algiers.')).toBe('ceasefire');
    expect(kind('Police arrested three suspects in Niono on Monday.')).toBe('arrest');
    expect(kind('Turkish forces set up a new military base near the border.')).toBe('base-established');
    expect(kind('Soldiers found a weapons cache and defused two bombs near Ansongo.')).toBe('disrupted-weapons');
    expect(kind('Heavy flooding killed 30 people in Niamey after torrential rains.')).toBe('natural-disaster');
  });

  it('finds cues with offsets into the text', () => {
    const text = 'On Sunday an airstrike hit a market.';
    const hit = findCues(text, 100).find((h) => h.kind === 'air-strike');
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start - 100, hit!.end - 100)).toBe('airstrike');
  });
});

describe('event cues: French reporting', () => {
  const frKind = (text: string): string | null => {
    const hits = findCues(text, 0, 'fr');
    return hits.length === 0 ? null : classifyFrench(hits);
  };
  function classifyFrench(hits: ReturnType<typeof findCues>): string {
    const score = new Map<string, number>();
    for (const h of hits) score.set(h.kind, (score.get(h.kind) ?? 0) + h.weight);
    return [...score.entries()].sort((a, b) => b[1] - a[1])[0][0];
  }

  it('types French sentences by their French cues', () => {
    expect(frKind("L'armée a mené des frappes aériennes contre des positions terroristes près de Djibo.")).toBe('air-strike');
    expect(frKind('Une frappe de drone a visé un rassemblement de combattants dans la région de Kidal.')).toBe('drone-strike');
    expect(frKind("Un véhicule de l'armée a sauté sur un engin explosif improvisé entre Boni et Hombori.")).toBe('remote-explosive');
    expect(frKind('Un attentat-suicide a visé le camp militaire de Tessit jeudi.')).toBe('suicide-bomb');
    expect(frKind('Des hommes armés ont enlevé une vingtaine de femmes près d’Arbinda.')).toBe('abduction');
    expect(frKind('Des centaines de manifestants ont marché à Niamey pour réclamer le départ des troupes étrangères.')).toBe('peaceful-protest');
    expect(frKind('Les gendarmes ont interpellé cinq suspects à Ouagadougou.')).toBe('arrest');
    expect(frKind('Les rebelles du CSP ont pris le contrôle de la ville de Léré.')).toBe('nonstate-overtakes');
    expect(frKind('Le gouvernement et les groupes armés ont signé un cessez-le-feu à Alger.')).toBe('ceasefire');
  });

  it('reads an attack on an army convoy as a clash and one on villagers as an attack on civilians', () => {
    const convoy = findCues("Une embuscade tendue par le JNIM contre un convoi de l'armée malienne a fait 20 morts.", 0, 'fr');
    expect(convoy.some((h) => h.kind === 'armed-clash' && h.group === 'military-target')).toBe(true);
    const village = findCues('Des hommes armés ont attaqué le village de Solhan, tuant au moins 12 civils.', 0, 'fr');
    expect(village.some((h) => h.kind === 'attack' && h.group === 'civilian-target')).toBe(true);
  });
});
