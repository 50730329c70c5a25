import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

function events(text: string, published: string | null = null) {
  return extract(documentFromText(text, published)).events;
}

describe('events stage: French sentences that stay with the incident told before', () => {
  it('a toll at the same place, given by the army, is the toll of the attack', () => {
    const evs = events("Des jihadistes ont attaqué dimanche le camp militaire de Boulkessi, dans la province du Soum. L'armée a affirmé avoir neutralisé une trentaine d'assaillants qui tentaient de pénétrer dans le camp, a indiqué l'état-major.", '2024-06-10');
    expect(evs).toHaveLength(1);
    expect(evs[0].fatalities?.best).toBe(30);
  });

  it('an English document keeps merging a later toll into the incident told last (a fight: the army\'s toll of its enemy is the other side\'s loss)', () => {
    const evs = events('Gunmen killed at least twelve soldiers on Sunday near Djibo, according to local sources. The Malian army said it had neutralised about thirty terrorists in the Bankass circle.', '2024-06-10');
    expect(evs).toHaveLength(1);
  });

  it('gives bare soldiers no army when the text names theirs, or the attack killed only civilians', () => {
    const [ied] = extract(documentFromText('Three French soldiers were killed by an IED in northern Mali on Monday.', '2024-05-02')).events;
    expect(ied.actor2).not.toBe('Military Forces of Mali');
    expect(ied.rules).not.toContain('events.actor.soldiers-of-place');
    const [vac] = extract(documentFromText('Gunmen attacked the village of Djibo in northern Burkina Faso on Sunday, killing 12 civilians.', '2024-05-02')).events;
    expect(vac.acled).toEqual({ type: 'Violence against civilians', subtype: 'Attack' });
    expect(vac.actor2).not.toBe('Military Forces of Burkina Faso');
  });

  it('a soldier among the dead listed after an attack on a resort is no armed target', () => {
    const [e] = extract(documentFromText('On 18 June, JNIM militants attacked a luxury resort in Bamako killing 5 people, including one Portuguese soldier.', '2017-06-20')).events;
    expect(e.rules).not.toContain('events.type.armed-target');
  });

  it('keeps apart the next item of a timeline, a claim of another attack, and a later incident with its own date', () => {
    const text = '* Militants attack a military base, killing a Togolese soldier in Gourma-Rharous Cercle, Mali.\n* **May 4** – ISIL claim responsibility for an ambush on the Azawad Liberation Movement militia, leaving 18 of the militiamen dead.';
    expect(extract(documentFromText(text, '2021-05-10')).events.filter((e) => e.acled?.type === 'Battles').length).toBe(2);
    const two = extract(documentFromText('Gunmen killed 14 villagers in an attack on the village of Niangassadiou in the Mopti region on 19 May. Gunmen killed 15 civilians in an attack on the village of Binédama on 5 June.', '2018-06-10')).events;
    expect(two).toHaveLength(2);
  });

  it('a soldier killed in an accident is no fight, and "killed by gunmen" does not count the gunmen dead', () => {
    const accident = extract(documentFromText('On 30 July, a French soldier was killed in a vehicle accident near Gao.', '2013-08-01')).events;
    expect(accident.filter((e) => e.acled?.type === 'Battles')).toEqual([]);
    const [vac] = extract(documentFromText('Nine people were killed after terrorists opened fire on a group of people near Bourzanga.', '2019-09-24')).events;
    expect(vac.acled?.type).not.toBe('Battles');
  });
});

describe('events stage: bare forces, counts of the dead and displacement, where they do not apply', () => {
  it('gives a bare force no country when it is someone else\'s, a speaker, among the dead, or no force at all', () => {
    // a foreign regiment's soldiers, peacekeepers named before, a source, the dead, an adjective
    for (const e of events('On Sunday, jihadists attacked a French parachute regiment of 150 soldiers near Gao.', '2024-06-10')) expect(e.actor2).not.toBe('Military Forces of Mali');
    const [peacekeepers] = events('Ansar Dine attacked UN peacekeepers in Kidal on Sunday, wounding two soldiers.', '2024-06-10');
    expect([peacekeepers.actor1, peacekeepers.actor2]).not.toContain('Military Forces of Mali');
    const [reported] = events('Gunmen killed 12 civilians near Mopti in central Mali on Monday, the army said.', '2024-06-10');
    expect(reported.actor1).not.toBe('Military Forces of Mali');
    const [dead] = events('At least 33 soldiers were killed in an attack on a military post near Gao on Sunday.', '2024-06-10');
    expect(dead.actor1).toBeNull();
    expect(dead.actor2).toBe('Military Forces of Mali');
    const agreements = events('Mali and Russia signed a military agreement in Moscow on Monday.', '2024-06-10');
    for (const e of agreements) expect([e.actor1, e.actor2]).not.toContain('Military Forces of Mali');
  });

  it('a camp for displaced people, refugees named, or gunmen fleeing are no displacement', () => {
    for (const text of ['Six civilians were killed by militants in a camp for displaced people in Kangro, Burkina Faso.', 'Militants attacked a market in Kompienbiga, killing around 30 people before fleeing on motorbikes.', 'The number of refugees in Mauritania has grown.']) {
      expect(events(text, '2024-06-10').some((e) => e.extra === 'displacement')).toBe(false);
    }
    const [attack] = events('Six civilians were killed by militants in a camp for displaced people in Kangro, Burkina Faso.', '2019-10-02');
    expect(attack.fatalities?.best).toBe(6);
  });

  it('a trend is no incident ("has stepped up attacks since", "a surge in kidnappings")', () => {
    for (const text of ['In the Tillaberi region the Islamic State Sahel Province has stepped up attacks on army posts since 2023.', 'Aid groups reported a surge in kidnappings of civilians across central Mali.']) {
      expect(events(text, '2024-06-12').filter((e) => e.acled?.type !== 'Strategic developments')).toEqual([]);
    }
  });

  it('a list of titles ("See also", references, an order of battle) reports no events; a timeline entry does', () => {
    const seeAlso = events('The ambush killed four soldiers.\n\n## See also\n\n * December 2017 Chad Basin clash\n * Uzbin Valley ambush\n * General Dunford Briefs the Press on the Niger Ambush and Investigation', '2024-06-10');
    expect(seeAlso).toHaveLength(1);
    const timeline = events('Events in 2021:\n\n * **June 4–5** – **Solhan and Tadaryat massacres**\n * **June 8** – Gunmen killed 5 villagers near Ménaka.', '2024-06-10');
    expect(timeline.length).toBeGreaterThanOrEqual(2);
  });

describe('events: tolls told after an incident that are not its own', () => {
  it('a conjecture, the next item of a timeline and another incident give no toll to the event before', () => {
    const [a] = events('Gunmen killed at least 22 civilians in a village in central Mali on Sunday, residents said. Another resident said the death toll could rise to 30.', '2025-03-04');
    expect(a.fatalities).toMatchObject({ best: 22 });
    const timeline = events('* **May 10** – Gunmen killed 20 villagers in the Tillaberi region of Niger.\n* **May 12** – Twelve soldiers died near Menaka, Mali.', '2018-05-20');
    expect(timeline.find((e) => e.fatalities?.best === 20)?.fatalities).toMatchObject({ low: 20, best: 20 });
  });
});

  it('a role a group gives ("have used women and girls as suicide bombers in the past") and a habit are no incident', () => {
    expect(events('Boko Haram and ISWAP have used women and girls as suicide bombers in the past.', '2024-06-30')).toEqual([]);
    expect(events('Both groups have carried out such attacks in the past.', '2024-06-30')).toEqual([]);
  });

  it('"a local militia leader said the death toll was higher" is no death of a leader, and a bomber who detonated her explosives is no air strike', () => {
    expect(events('A local militia leader said the death toll was higher, putting it at 18.', '2024-06-30').some((e) => e.extra === 'leader-death')).toBe(false);
    const [e] = events('The first bomber detonated her explosives in the middle of the wedding guests in Gwoza on Saturday.', '2024-06-30');
    expect(e.acled).toEqual({ type: 'Explosions/Remote violence', subtype: 'Suicide bomb' });
  });

  it('"to restore ousted President Mohamed Bazoum" is no coup', () => {
    expect(events('ECOWAS has threatened to use force to restore ousted President Mohamed Bazoum.', '2023-08-20')).toEqual([]);
  });

  it('an item of a timeline keeps its own incident, even at a place and with words another item shares', () => {
    const text = '* **April 9** – Ansar Dine claimed two bombings on the Aguelhok-Tessalit axis in northern Mali.\n* **May 2** – A group of farmers was attacked near Gao.\n* **October 6** – A peacekeeper was killed when the convoy struck a roadside bomb near Aguelhok.';
    const evs = events(text, '2019-12-01');
    expect(evs.filter((e) => e.acled?.subtype === 'Remote explosive/landmine/IED')).toHaveLength(2);
  });

  it('a diplomatic protest, a work about violence and a kind of incident said to be common are no incident', () => {
    expect(events('Mauritania protests to Mali after herders killed', '2024-03-09').some((e) => e.acled?.type === 'Protests')).toBe(false);
    expect(events('Burkina Faso suspends BBC and VOA over coverage of army killings', '2024-04-25')).toEqual([]);
    expect(events('Two journalists were filming a documentary about poaching in Pama, Burkina Faso.', '2021-04-27')).toEqual([]);
    expect(events("Les attaques contre des villages sont fréquentes dans le centre du Mali, où opèrent des groupes jihadistes et des milices d'autodéfense.", '2025-06-03')).toEqual([]);
  });

  it('civilians told dead beside a weapon are its toll: the bomb types the event', () => {
    const [e] = events('At least 35 civilians were killed when a vehicle in a supply convoy hit an improvised explosive device near Djibo on Monday.', '2022-09-06');
    expect(e.acled).toEqual({ type: 'Explosions/Remote violence', subtype: 'Remote explosive/landmine/IED' });
  });

  it('a region "plagued by armed gangs" tells no crime of its own', () => {
    expect(events('Gunmen abducted at least 287 students from a school in the town of Kuriga, Nigeria, on Thursday, the latest mass kidnapping in a region plagued by armed gangs.', '2024-03-07').some((e) => e.extra === 'organised-crime')).toBe(false);
  });
});
