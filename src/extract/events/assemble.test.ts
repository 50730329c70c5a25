import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';
import { combineFatalities, interaction, ploverFor, toEventDate } from './assemble.js';
import type { ActorMention, QuantityMention, TimeMention } from '../../model.js';

function events(text: string, published: string | null = null) {
  return extract(documentFromText(text, published)).events;
}

describe('events stage, end to end on news sentences', () => {
  it('a massacre of villagers: ACLED attack on civilians, actors, date, toll, reported modality', () => {
    const [e] = events('Gunmen attacked the village of Ogossagou in central Mali on March 23, 2019, killing 160 civilians, local officials said.', '2019-03-25');
    expect(e.acled).toEqual({ type: 'Violence against civilians', subtype: 'Attack' });
    expect(e.plover).toBe('ASSAULT');
    expect(e.civilianTargeting).toBe(true);
    expect(e.date).toEqual({ value: '2019-03-23', precision: 'day' });
    expect(e.fatalities?.best).toBe(160);
    expect(e.modality).toBe('reported');
    expect(e.main).toBe(true);
    expect(e.evidence.text).toContain('Gunmen attacked');
    expect(e.rules).toContain('plover.mode.firearms');
  });

  it('a cue inside a subject-to-verb trigger governs it: "rebels said they seized" is reported by the rebels', () => {
    const [e] = events('Separatist rebels said they seized the town of Tinzaouaten on Saturday after fighting with the army.', '2024-07-29');
    expect(e.acled?.subtype).toBe('Non-state actor overtakes territory');
    // (a party's own account of its fighting: claimed, as the gold README codes it)
    expect(e.modality).toBe('claimed');
    expect(e.attributedTo).toBe('Separatist rebels');
  });

  it('with no subject, the actor the trigger hits or is aimed against is the target, not the side that acted', () => {
    const [bomb] = events('An improvised explosive device hit a Burkinabe army convoy near Djibo, killing 15 soldiers, security sources said.', '2024-03-20');
    expect([bomb.actor1, bomb.actor2]).toEqual([null, 'Military Forces of Burkina Faso']);
    const [protest] = events('Hundreds of people protested in Bamako on Friday against the presence of French troops.', '2024-03-20');
    expect(protest.actor1).toBe('protesters');
    expect(protest.actor2).toBe('Military Forces of France');
    expect(protest.rules).toContain('events.actor.protesters-implied');
  });

  it('in French too, the actor a subjectless trigger hits is its target ("a frappé un convoi de l\'armée malienne")', () => {
    const [e] = events("Un engin explosif improvisé a frappé dimanche un convoi de l'armée malienne près de Gao, tuant cinq militaires, selon des sources sécuritaires.", '2024-06-10');
    expect([e.actor1, e.actor2]).toEqual([null, 'Military Forces of Mali']);
  });

  it('coordinated subjects: the two sides of a clash, or a side and its associate, and a generic reporter is no party', () => {
    const [clash] = events('JNIM fighters and Islamic State Sahel Province militants clashed near Ménaka on Saturday, residents said.', '2024-03-20');
    expect([clash.actor1, clash.actor2]).toEqual(["Jama'at Nusrat al-Islam wal-Muslimin", 'Islamic State Sahel Province']);
    expect(clash.attributedTo).toBe('residents');
    const [retaken] = events('The Malian army and Wagner recaptured Kidal from the rebels in November 2023.', '2024-03-20');
    expect([retaken.actor1, retaken.actor2, retaken.associated]).toEqual(['Military Forces of Mali', 'rebels', ['Wagner Group']]);
    const [killing] = events('Malian soldiers and Wagner mercenaries executed dozens of civilians in Moura, residents said.', '2024-03-20');
    expect([killing.actor1, killing.associated]).toEqual(['Military Forces of Mali', ['Wagner Group']]);
  });

  it('a later claim of responsibility names the unidentified attacker, in English and French, but not across items of a list', () => {
    const [en] = events('Gunmen killed 12 soldiers in an ambush near Djibo on Sunday.\n\nJNIM claimed responsibility for the attack on its Telegram channel.', '2024-03-20');
    expect(en.actor1).toBe("Jama'at Nusrat al-Islam wal-Muslimin");
    expect(en.rules).toContain('events.actor.claimed-after');
    const [fr] = events("Des hommes armés ont tué douze soldats dans une embuscade près de Djibo dimanche. Le JNIM a revendiqué l'attaque sur sa chaîne Telegram.", '2024-03-20');
    expect(fr.actor1).toBe("Jama'at Nusrat al-Islam wal-Muslimin");
    const list = events('* March 2 – Gunmen killed six villagers near Djibo.\n* March 5 – JNIM claimed the attack on a convoy near Gao.', '2024-03-20');
    expect(list[0].actor1).not.toBe("Jama'at Nusrat al-Islam wal-Muslimin");
  });

  it('a source after the trigger is no target ("…, the United Nations said"), and a quoted "neutralised" is a toll', () => {
    const [massacre] = events("At least 70 people were killed when gunmen attacked the villages of Koulogon and Ogossagou in central Mali's Mopti region, the United Nations said.", '2019-01-03');
    expect(massacre.actor2).not.toBe('United Nations');
    expect(massacre.attributedTo).toBe('United Nations');
    const [op] = events('Mali\'s government spokesman, Colonel Abdoulaye Maiga, said the army had "neutralised" 20 terrorists near Nioro du Sahel.', '2023-07-28');
    expect([op.acled?.subtype, op.actor1, op.fatalities?.best]).toEqual(['Armed clash', 'Military Forces of Mali', 20]);
  });

  it('French: "X ont été tués" makes X the victim, and a party described with its own "de" is no subject', () => {
    const [ambush] = events("Quinze soldats nigériens ont été tués lors d'une embuscade près de Tillabéri, a indiqué le ministère de la Défense dans un communiqué.", '2024-08-30');
    expect([ambush.actor1, ambush.actor2, ambush.fatalities?.best]).toEqual([null, 'Military Forces of Niger', 15]);
    const [raid] = events("Des soldats maliens ont attaqué un campement de jihadistes près de Boni, tuant une dizaine de terroristes, selon l'armée malienne.", '2024-08-30');
    expect(raid.actor1).toBe('Military Forces of Mali');
  });

  it('a force reporting the dead: the other side\'s dead are its own kill, its own dead are not', () => {
    const [theirs] = events('Thirty jihadists were killed near Gao, the Malian army said.', '2023-07-28');
    expect([theirs.actor1, theirs.actor2]).toEqual(['Military Forces of Mali', 'jihadists']);
    const [own] = events('Twelve Malian soldiers were killed near Gao, the Malian army said.', '2023-07-28');
    expect([own.actor1, own.actor2]).toEqual([null, 'Military Forces of Mali']);
  });

  it('the dead of both sides add up, Islamists counted as an armed side', () => {
    const [e] = events('13 Chadian soldiers and 65 Islamists were killed in heavy fighting near the border on Sunday, the army said.', '2023-07-28');
    expect(e.fatalities).toEqual({ low: 78, best: 78, high: 78 });
  });

  it('an announced future withdrawal is PLOVER CONCEDE with future modality', () => {
    const [e] = events('The Wagner Group announced on Friday that it would withdraw from Mali.', '2025-06-06');
    expect(e.extra).toBe('withdrawal');
    expect(e.modality).toBe('future');
    expect(e.plover).toBe('CONCEDE');
    expect(e.actor1).toBe('Wagner Group');
  });

  it('"heavy losses" gives no fatality number', () => {
    const [e] = events('The army suffered heavy losses in clashes with jihadists near Boulkessi.', '2022-08-10');
    expect(e.acled?.subtype).toBe('Armed clash');
    expect(e.fatalities).toBeNull();
  });

  it('never dates an event "today" by default: no date in a later paragraph without a time', () => {
    const evs = events('Officials met in Bamako.\n\nLater, soldiers clashed with rebels near Kidal.', '2024-01-10');
    const clash = evs.find((e) => e.acled?.subtype === 'Armed clash');
    expect(clash?.date).toBeNull();
  });

  it('sentences that tell one incident are merged: the toll given later joins the battle', () => {
    const text = 'The battle of Tessit took place on August 7, 2022. Soldiers fought jihadists on the ground for hours. The army said that 37 militants were killed in the fighting.';
    const evs = events(text).filter((e) => e.acled?.type === 'Battles');
    expect(evs).toHaveLength(1);
    expect(evs[0].date).toEqual({ value: '2022-08-07', precision: 'day' });
    expect(evs[0].rules.some((r) => r.startsWith('events.merge'))).toBe(true);
  });

  it('is deterministic', () => {
    const text = 'A drone strike killed 13 people at a wedding in Tadamakat on Sunday, residents said. The army denied targeting civilians.';
    expect(JSON.stringify(events(text, '2023-03-20'))).toBe(JSON.stringify(events(text, '2023-03-20')));
  });
});

describe('events: pieces', () => {
  const q = (low: number | null, best: number | null, high: number | null): QuantityMention => ({
    start: 0, end: 1, text: 'x', sentence: 0, stage: 'quantities', rule: 't', low, best, high, approximate: true, counts: 'killed', countsText: 'killed',
  });
  it('combines figures of several sources into a range without inventing a best figure', () => {
    expect(combineFatalities([q(50, null, null), q(null, 60, null)])).toEqual({ low: 50, best: null, high: 60 });
    expect(combineFatalities([q(12, 12, 12)])).toEqual({ low: 12, best: 12, high: 12 });
    expect(combineFatalities([])).toBeNull();
  });
  it('adds up the dead of different sides, as ACLED does not split tolls by side', () => {
    const side = (n: number, countsText: string): QuantityMention => ({ ...q(n, n, n), countsText, text: `${n} ${countsText}` });
    expect(combineFatalities([side(30, 'soldiers'), side(15, 'attackers')])).toEqual({ low: 45, best: 45, high: 45 });
    expect(combineFatalities([side(50, 'jihadists'), { ...q(null, 60, null), countsText: 'neutralized', text: 'about sixty neutralized' }])).toEqual({ low: 50, best: null, high: 60 });
  });

  it('keeps a dateline out of the event places, and reads a raid told over two sentences as one incident', () => {
    const text = 'NIAMEY, Niger — Gunmen attacked an army post near Tillabéri on Sunday, killing 12 soldiers, the defence ministry said. The attackers stormed the post at dawn and burned two vehicles.';
    const evs = events(text, '2024-03-05').filter((e) => e.acled?.type === 'Battles');
    expect(evs).toHaveLength(1);
    expect(evs[0].location?.name).not.toBe('Niamey');
  });

  it('joins inter codes lower first, or times ten for an actor alone', () => {
    const a = (inter: ActorMention['inter']) => ({ inter }) as ActorMention;
    expect(interaction(a(2), a(1))).toBe(12);
    expect(interaction(a(8), a(7))).toBe(78);
    expect(interaction(a(1), null)).toBe(10);
    expect(interaction(null, null)).toBeNull();
  });
  it('PLOVER: RETREAT announced for the future is CONCEDE', () => {
    expect(ploverFor('withdrawal', 'future')).toBe('CONCEDE');
    expect(ploverFor('withdrawal', 'asserted')).toBe('RETREAT');
    expect(ploverFor('air-strike', 'asserted')).toBe('ASSAULT');
  });
  it('turns time mentions into event dates in the gold format', () => {
    const t = (x: Partial<TimeMention>): TimeMention => ({ start: 0, end: 1, text: 'x', sentence: 0, stage: 'times', rule: 't', timexType: 'DATE', value: '2020-10-30', precision: 'day', anchored: false, ...x });
    expect(toEventDate(t({}))).toEqual({ value: '2020-10-30', precision: 'day' });
    expect(toEventDate(t({ value: '2020-10', precision: 'range', from: '2020-10-30', to: '2020-10-31' }))).toEqual({ from: '2020-10-30', to: '2020-10-31', precision: 'range' });
    expect(toEventDate(t({ value: 'PAST_REF', precision: 'before', before: '2025-06-06' }))).toEqual({ before: '2025-06-06', precision: 'unknown' });
    expect(toEventDate(t({ timexType: 'DURATION', value: 'P3Y' }))).toBeNull();
  });
});

describe('events stage: French reporting', () => {
  it('an AFP recapture: "a annoncé avoir repris le contrôle" is the army\'s claim, "tenue depuis 2012" dates no fight, and "la Minusma, la mission de l\'ONU" is the mover', () => {
    const evs = events("BAMAKO, 8 octobre (AFP) - L'armée malienne a annoncé samedi avoir repris le contrôle de la localité d'Anéfis, dans la région de Kidal, tenue depuis 2012 par les rebelles indépendantistes du Cadre stratégique permanent (CSP), après deux jours de combats.\n\nLa Minusma, la mission de l'ONU au Mali, a achevé son retrait du pays le 31 décembre 2023.", '2023-10-08');
    expect(evs[0]).toMatchObject({ acled: { subtype: 'Government regains territory' }, actor1: 'Military Forces of Mali', modality: 'claimed' });
    expect(evs[0].date?.value).not.toBe('2012');
    expect(evs.find((e) => e.plover === 'RETREAT')?.actor1).toBe('MINUSMA');
  });

  it('an AFP story: the dateline is no place, "La riposte" is the fight told before, and the dead of both sides add up', () => {
    const text = "Niger: au moins 34 soldats tués dans une attaque près de la frontière malienne\n\nNIAMEY, 11 décembre (AFP) - Au moins 34 soldats nigériens ont été tués mardi dans une attaque menée par des \"terroristes\" dans la région de Tillabéri, dans l'ouest du Niger, a annoncé mercredi le ministère de la Défense.\n\nSelon un communiqué lu à la télévision publique, une unité de l'armée a été prise pour cible près de Chatoumane par \"plusieurs centaines de terroristes\" arrivés à moto. Onze soldats ont été blessés.\n\n\"La riposte vigoureuse des forces de défense et de sécurité a permis de neutraliser plus d'une centaine de terroristes\", affirme le communiqué.";
    const evs = events(text, '2024-12-11');
    expect(evs).toHaveLength(1);
    expect(evs[0].location).toMatchObject({ name: 'Tillaberi Region', country: 'NE' });
    expect(evs[0].fatalities).toMatchObject({ low: 134, best: 134 });
  });

  it('a coup by an officer named as its subject is the army\'s, not a party named after the trigger; a deposed president is no officer', () => {
    const [coup] = events("Le Niger est dirigé depuis juillet 2023 par un régime militaire dirigé par le général Abdourahamane Tiani, qui a renversé le président élu Mohamed Bazoum et expulsé les soldats français.", '2024-12-11').filter((e) => e.extra === 'coup');
    expect(coup.actor1).toBe('Military Forces of Niger');
    expect(coup.rules).toContain('events.actor.coup-officer');
    const [ousted] = events('On 22 March 2012, President Amadou Toumani Touré was ousted in a coup over his handling of the crisis in Mali.', '2012-03-25').filter((e) => e.extra === 'coup');
    expect(ousted.rules).not.toContain('events.actor.coup-officer');
  });

  it('types, dates and counts French events, with the agent after "par" and the victim after "contre"', () => {
    const text = "Des hommes armés ont tué au moins 12 civils dimanche près de Djibo, dans la province du Soum, a annoncé le gouvernement burkinabè. L'armée a mené des frappes aériennes lundi contre leurs positions, tuant une trentaine de terroristes, selon l'état-major. Une embuscade tendue par le JNIM contre un convoi de l'armée malienne a fait 20 morts et 15 blessés parmi les soldats.";
    const [attack, strike, ambush] = events(text, '2024-06-11');
    expect(attack.acled).toEqual({ type: 'Violence against civilians', subtype: 'Attack' });
    expect([attack.actor1, attack.actor2]).toEqual(['unidentified armed group', 'civilians']);
    expect(attack.location?.name).toBe('Djibo');
    expect(attack.date).toEqual({ value: '2024-06-09', precision: 'day' });
    expect(attack.fatalities).toEqual({ low: 12, best: 12, high: null });
    expect(strike.acled).toEqual({ type: 'Explosions/Remote violence', subtype: 'Air/drone strike' });
    expect(strike.actor1).toBe('Military Forces of Burkina Faso');
    expect(strike.fatalities?.best).toBe(30);
    expect(ambush.acled).toEqual({ type: 'Battles', subtype: 'Armed clash' });
    expect([ambush.actor1, ambush.actor2]).toEqual(["Jama'at Nusrat al-Islam wal-Muslimin", 'Military Forces of Mali']);
    expect(ambush.fatalities?.best).toBe(20);
  });
});

describe('events stage: French attribution and modality', () => {
  const text = "Des hommes armés auraient tué au moins neuf civils samedi près de Ménaka, selon des sources locales. L'armée malienne a affirmé avoir neutralisé une vingtaine de terroristes lors d'une opération dans le cercle de Douentza, a indiqué l'état-major dans un communiqué. L'État islamique au Sahel a revendiqué l'attaque sur sa chaîne Telegram.";

  it('the conditional makes the attack reported, attributed to the source named beside it', () => {
    const [attack] = events(text, '2024-06-10');
    expect(attack.acled?.subtype).toBe('Attack');
    expect(attack.modality).toBe('reported');
    expect(attack.attributedTo).toBe('des sources locales');
    expect(attack.fatalities).toEqual({ low: 9, best: 9, high: null });
  });

  it("a toll told elsewhere is an incident of its own, claimed by the party that gives it", () => {
    const evs = events(text, '2024-06-10');
    expect(evs).toHaveLength(2);
    const op = evs[1];
    expect(op.acled).toEqual({ type: 'Battles', subtype: 'Armed clash' });
    expect([op.actor1, op.actor2]).toEqual(['Military Forces of Mali', 'terrorists']);
    expect(op.location?.name).toBe('Douentza Cercle');
    expect(op.fatalities?.best).toBe(20);
    expect(op.modality).toBe('claimed');
    expect(op.attributedTo).toBe('Military Forces of Mali');
    expect(op.channel).toBe('statement');
  });

  it('a claim of responsibility in its own sentence is a source, as in English, not an event', () => {
    const out = extract(documentFromText(text, '2024-06-10'));
    const claim = out.sources.find((s) => s.cue.text === 'a revendiqué');
    expect(claim?.cueType).toBe('claim');
    expect(claim?.channel).toBe('telegram');
    expect(claim?.sourceActorId).toBe('islamic-state-sahel-province');
    expect(out.events).toHaveLength(2);
  });

  it('soldiers among the dead make a battle of an attack on a village, against the army of the country it was in', () => {
    const [e] = events('Gunmen attacked the village of Djibo in northern Burkina Faso on Sunday, killing 12 soldiers and three civilians.', '2024-05-02');
    expect(e.acled).toEqual({ type: 'Battles', subtype: 'Armed clash' });
    expect(e.actor2).toBe('Military Forces of Burkina Faso');
    expect(e.rules).toContain('events.actor.soldiers-of-place');
    // both groups of dead count: 12 soldiers and 3 civilians
    expect(e.fatalities).toEqual({ low: 15, best: 15, high: 15 });
  });

  it('adds up coordinated dead of another kind ("2 soldiers and one contractor")', () => {
    const [e] = events('Ansar Dine attacked UN peacekeepers in Kidal, killing 2 soldiers and one contractor.', '2014-11-29');
    expect(e.fatalities).toEqual({ low: 3, best: 3, high: 3 });
  });

  it('a wire dateline with its date ("BAMAKO, Aug 14 (Reuters) -") is where the story was filed, not where the event was', () => {
    const [e] = events("BAMAKO, Aug 14 (Reuters) - Suspected jihadists killed at least 21 people in an attack on a village in central Mali's Mopti region, local officials said on Wednesday.", '2024-08-14');
    expect(e.location?.name).toBe('Mopti Region');
    const [afp] = events('Niamey (AFP) - Gunmen killed 12 civilians in an attack on a village in the Tillaberi region on Sunday, officials said.', '2024-08-14');
    expect(afp.location?.name).not.toBe('Niamey');
  });

  it('the army that "neutralised" fighters in air strikes acted; the fighters are its target', () => {
    const [e] = events('Mali\'s army said on Tuesday that it had "neutralised" 30 terrorists in air strikes near Tessit.', '2024-08-14');
    expect([e.actor1, e.actor2]).toEqual(['Military Forces of Mali', 'terrorists']);
  });

  it('an attack whose target is an armed force is a battle; a dateline city and its agency are no actors', () => {
    const out = extract(documentFromText('OUAGADOUGOU (AFP) - Gunmen attacked the Volunteers for the Defence of the Homeland (VDP) near Dori on Saturday, killing six of them, security sources told AFP.', '2024-09-08'));
    expect(out.actors.map((a) => a.name)).not.toContain('OUAGADOUGOU');
    const [e] = out.events;
    expect(e.acled).toEqual({ type: 'Battles', subtype: 'Armed clash' });
    expect(e.actor2).toBe('Volunteers for the Defense of the Homeland');
    expect(e.rules).toContain('events.type.armed-target');
  });

  it('in French: an air operation claimed by the army, with its toll after a quoted verb, and speakers after "des" in an inverted aside', () => {
    const out = extract(documentFromText("Des hommes armés ont tué au moins vingt civils lundi soir dans le village de Dinangourou, dans le centre du Mali, ont indiqué mardi des sources locales et sécuritaires. L'armée malienne a affirmé dans un communiqué avoir « neutralisé » une quinzaine de terroristes lors d'une opération aérienne dans la zone de Bankass mercredi.", '2025-08-13'));
    const [attack, strike] = out.events;
    expect(attack.modality).toBe('reported');
    expect(attack.attributedTo).toBe('des sources locales et sécuritaires');
    expect(strike.acled).toEqual({ type: 'Explosions/Remote violence', subtype: 'Air/drone strike' });
    expect([strike.actor1, strike.actor2]).toEqual(['Military Forces of Mali', 'terrorists']);
    expect(strike.modality).toBe('claimed');
    expect(strike.fatalities?.best).toBe(15);
    expect(strike.location?.name).toBe('Bankass');
  });

  it('a wire story told over paragraphs is one incident: the dateline date and "said on Sunday" date nothing, the raid\'s own day does, and the claim gives the other toll', () => {
    const text = [
      'MAIDUGURI, Nigeria, March 3 (Reuters) - Islamic State West Africa Province (ISWAP) fighters killed at least nine Nigerian soldiers in an overnight raid on a military base in Borno state, two military sources said on Sunday.',
      'The insurgents stormed the base in Marte town late on Saturday, burned vehicles and carted away weapons, the sources said.',
      "Nigeria's army spokesman did not respond to a request for comment. ISWAP later claimed the attack on its Telegram channel, saying it had killed 15 soldiers.",
    ].join('\n\n');
    const violent = extract(documentFromText(text, '2025-03-03')).events.filter((e) => e.acled?.type === 'Battles');
    expect(violent).toHaveLength(1);
    const [e] = violent;
    expect([e.actor1, e.actor2]).toEqual(['Islamic State West Africa Province', 'Military Forces of Nigeria']);
    expect(e.location?.name).toBe('Marte');
    expect(e.date).toEqual({ value: '2025-03-01', precision: 'day' });
    expect(e.fatalities).toEqual({ low: 9, best: null, high: 15 });
  });

  it('people killed by gunmen are civilians attacked; a soldier killed is a fight', () => {
    const [vac] = events('At least 20 people were killed by gunmen in the Tillaberi region of southwest Niger on May 10.', '2024-05-12');
    expect(vac.acled).toEqual({ type: 'Violence against civilians', subtype: 'Attack' });
    const [clash] = events('One soldier was killed and two others wounded when a military convoy was attacked close to the border by Boko Haram fighters.', '2016-03-20');
    expect(clash.acled).toEqual({ type: 'Battles', subtype: 'Armed clash' });
  });

  it('"X ambushed Y …, killing N": the act is the trigger, its subject and object the sides; a passive "killed when X ambushed" keeps X', () => {
    const [a] = events('Jihadists ambushed a Nigerien army patrol near the border with Burkina Faso on Tuesday, killing 12 soldiers.', '2024-10-23');
    expect([a.actor1, a.actor2]).toEqual(['jihadists', 'Military Forces of Niger']);
    const [b] = events('Three Malian soldiers were killed when AQIM fighters ambushed their convoy near Boni.', '2024-10-23');
    expect([b.actor1, b.actor2]).toEqual(['al-Qaida in the Islamic Maghreb', 'Military Forces of Mali']);
  });

  it('the country across a border is not where the event was: this side is the country of the state force named', () => {
    const [e] = events('ISIL militants attacked a Niger army camp close to the border with Nigeria on Saturday.', '2021-04-05');
    expect(e.location?.country).toBe('NE');
    expect(e.rules).toContain('events.place.border-side');
  });

  it('a side\'s own account of its fighting is its claim; "according to X, who …" reports what came before', () => {
    const [claim] = events('JNIM said on its Telegram channel on Friday that its fighters had killed 30 Malian soldiers in an ambush near Tinzaouaten.', '2024-07-28');
    expect(claim.modality).toBe('claimed');
    expect(claim.attributedTo).toBe("Jama'at Nusrat al-Islam wal-Muslimin");
    expect(claim.channel).toBe('telegram');
    const [strike] = events('A drone strike on a wedding near Kidal killed at least eight civilians on Thursday, according to local residents, who blamed the Malian army.', '2024-07-28');
    // the army is who the residents blame: alleged
    expect(strike.actor1).toBe('Military Forces of Mali');
    expect(strike.modality).toBe('alleged');
    expect(strike.attributedTo).toBe('local residents');
  });

  it('"the army", "troops" and "the government" without a country are those of the country the event is in', () => {
    const [clash] = events('Clashes between the army and the CSP left 30 dead near Kidal on Sunday.', '2024-06-10');
    expect([clash.actor1, clash.actor2]).toEqual(['Military Forces of Mali', 'Permanent Strategic Framework for Peace, Security and Development']);
    expect(clash.rules).toContain('events.actor.state-of-place');
    const [, deployed] = events('Gunmen killed 12 civilians in the village of Kouni near Mopti on Monday, the army said. Troops were deployed to the area.', '2024-06-10');
    expect(deployed.acled?.subtype).toBe('Change to group/activity');
    expect(deployed.actor1).toBe('Military Forces of Mali');
    const [post] = events('Suspected jihadists attacked an army post near Tassia in western Niger on Saturday.', '2024-06-09');
    expect(post.actor2).toBe('Military Forces of Niger');
    const [gendarmerie] = events('Jihadists attacked a gendarmerie post near Dori in Burkina Faso on Monday.', '2024-06-10');
    expect(gendarmerie.actor2).toBe('Police Forces of Burkina Faso');
    // peacekeepers are an armed target too
    const [peacekeepers] = events('JNIM attacked UN peacekeepers in Kidal on Sunday.', '2024-06-10');
    expect([peacekeepers.acled?.subtype, peacekeepers.actor1, peacekeepers.actor2]).toEqual(['Armed clash', "Jama'at Nusrat al-Islam wal-Muslimin", 'United Nations peacekeepers']);
  });

  it('a ceasefire, a deployment or an arrest takes no count of the dead told with it: the violence does', () => {
    const evs = events('The government signed a ceasefire with the CSP after clashes that left 30 dead near Kidal.', '2024-06-10');
    const ceasefire = evs.find((e) => e.acled?.subtype === 'Agreement');
    const clash = evs.find((e) => e.acled?.subtype === 'Armed clash');
    expect(ceasefire?.fatalities).toBeNull();
    expect(clash?.fatalities?.best).toBe(30);
    // in a fight a government's part is its army's
    expect(clash?.actor1).toBe('Military Forces of Mali');
  });

  it('people driven from their homes are a displacement', () => {
    for (const text of ['More than 5,000 people fled their homes after jihadists attacked villages near Djibo.', 'Thousands of residents were displaced by the fighting around Menaka.', 'The violence has displaced 2 million people in Burkina Faso.']) {
      expect(events(text, '2024-06-10').some((e) => e.extra === 'displacement')).toBe(true);
    }
  });

  it('a sentence that only says where the incident happened places it ("The attack took place near Tera")', () => {
    const evs = events('NIAMEY (AFP) - Gunmen killed 15 soldiers on Tuesday in an ambush in western Niger, the defence ministry said. The attack took place near Tera, in the Tillaberi region.', '2024-06-12');
    expect(evs).toHaveLength(1);
    expect(evs[0].location?.name).toBe('Téra');
    expect(evs[0].rules).toContain('events.place.incident-place');
  });

  it('a seizure of power is placed in its country unless its own clause names the town', () => {
    const [background] = events('The attack took place near Tera, in the Tillaberi region of Niger, since the military seized power in July 2023.', '2024-06-12').filter((e) => e.extra === 'coup');
    expect(background.location).toMatchObject({ country: 'NE', precision: 3 });
    const [capital] = events('Soldiers seized power in Niamey on July 26, 2023, detaining President Mohamed Bazoum.', '2024-06-12');
    expect(capital.location?.name).toBe('Niamey');
  });

  it('an earlier incident given as cause ("The operations followed an attack ...") is an incident of its own, undated by the narrative', () => {
    const evs = events("OUAGADOUGOU (Reuters) - Burkina Faso's army said on Monday it had killed more than 100 terrorists in air and ground operations in the Centre-Nord region last week. The operations followed an attack on a convoy near Kaya that killed 23 VDP volunteers, according to local sources.", '2024-06-10');
    expect(evs).toHaveLength(2);
    expect(evs[0]).toMatchObject({ actor1: 'Military Forces of Burkina Faso', fatalities: { best: 100 }, date: { value: '2024-W23', precision: 'week' } });
    expect(evs[1]).toMatchObject({ actor2: 'Volunteers for the Defense of the Homeland', fatalities: { best: 23 }, date: null });
    expect(evs[1].location?.name).toBe('Kaya');
  });

  it('a protest: what it is against is no protester, and the force that answers it makes it a protest with intervention', () => {
    const [demo] = events('Thousands of people demonstrated in Niamey on Saturday to demand the departure of US troops.', '2024-04-14');
    // (the protesters the text does not name are still the protest's side: Codebook, Protesters)
    expect([demo.acled?.subtype, demo.actor1, demo.actor2]).toEqual(['Peaceful protest', 'protesters', 'Military Forces of the United States']);
    const [answered] = events('Police fired tear gas to disperse a crowd near the US embassy in Niamey.', '2024-04-14');
    expect([answered.acled?.subtype, answered.actor1, answered.actor2]).toEqual(['Protest with intervention', 'protesters', 'Police Forces of Niger']);
    // (the embassy is in Niamey, not in the United States)
    expect(answered.location?.country).toBe('NE');
    const [told] = events('Thousands of people demonstrated in Niamey on Saturday to demand the departure of US troops. Police fired tear gas to disperse a smaller crowd near the US embassy.', '2024-04-14');
    expect(told.acled?.subtype).toBe('Protest with intervention');
    expect(told.rules).toContain('events.type.protest-answered');
  });

  it('a later sentence that only counts the dead is another account of the incident told before (its toll becomes a range)', () => {
    const evs = events("Le JNIM a revendiqué sur ses canaux de propagande l'attaque de samedi contre un poste de l'armée burkinabè à Djibo, affirmant avoir tué plus de 40 soldats. L'armée n'a pas confirmé ce bilan. Selon une source sécuritaire, une dizaine de militaires ont été tués.", '2024-06-17');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ actor1: "Jama'at Nusrat al-Islam wal-Muslimin", fatalities: { low: 10, high: 40 } });
    // a count with a place of its own elsewhere is another incident
    const two = events('Jihadists attacked an army post near Djibo on Saturday, killing 12 soldiers. The army said it was still assessing the damage. Eight soldiers were killed near Kaya in western Niger.', '2024-06-17');
    expect(two).toHaveLength(2);
  });

  it('a French wire story with a headline: the dateline after it names no actor, a quoted witness colours the report, "dans la zone" is the village told before', () => {
    const text = "Burkina: au moins 50 civils tués dans une attaque jihadiste dans le Nord\n\nOUAGADOUGOU (AFP) - Au moins 50 civils ont été tués samedi lors d'une attaque attribuée à des jihadistes contre le village de Mansila, dans la province du Yagha (nord), ont indiqué lundi des sources locales et sécuritaires.\n\n« Les assaillants, arrivés à moto, ont ouvert le feu sur les habitants avant d'incendier des boutiques », a raconté un habitant joint par l'AFP.\n\nDimanche, l'armée a mené des frappes aériennes dans la zone, tuant « plusieurs dizaines de terroristes », selon une source sécuritaire.";
    const x = extract(documentFromText(text, '2024-06-10'));
    expect(x.actors.map((a) => a.text)).not.toContain('OUAGADOUGOU');
    expect(x.events).toHaveLength(2);
    const [attack, strikes] = x.events;
    expect(attack).toMatchObject({ acled: { subtype: 'Attack' }, actor1: 'jihadists', fatalities: { best: 50 }, attributedTo: 'des sources locales et sécuritaires' });
    expect(attack.evidence.text).toContain('Au moins 50 civils');
    expect(strikes).toMatchObject({ acled: { subtype: 'Air/drone strike' }, actor1: 'Military Forces of Burkina Faso' });
    expect(strikes.location?.name).toBe(attack.location?.name);
  });

  it('what attackers burn during an attack is part of it, not a development of its own', () => {
    const evs = events('Gunmen attacked the village of Binedama in the Mopti region on Tuesday, killing 29 villagers and burning down the village.', '2018-06-06');
    expect(evs.map((e) => e.acled?.subtype)).toEqual(['Attack']);
  });

  it('an opening phrase that names an earlier event sets the scene for the event the sentence reports', () => {
    const [renamed, ...rest] = events('After the killing of its founder in a French strike in 2021, the group merged with JNIM.', '2024-06-10');
    expect(rest).toEqual([]);
    expect(renamed.evidence.text).toContain('merged');
    // alone in its sentence, the earlier event is still reported
    const [coup] = events('After the coup in Niamey in July 2023, ECOWAS imposed sanctions on Niger.', '2024-06-10').filter((e) => e.extra === 'coup');
    expect(coup).toBeUndefined();
    expect(events('Soldiers seized power in Niamey in July 2023.', '2024-06-10').some((e) => e.extra === 'coup')).toBe(true);
  });

  it('a statement\'s own date dates no incident, and "X said it had killed" makes X the side that acted, by its own claim', () => {
    const [fr] = events("Dans un communiqué publié jeudi, l'état-major général des armées a indiqué que des unités de l'armée et des VDP avaient neutralisé une cinquantaine de terroristes lors d'une offensive dans la région de la Boucle du Mouhoun.", '2024-06-14');
    expect(fr).toMatchObject({ actor1: 'Military Forces of Burkina Faso', date: null, fatalities: { best: 50 } });
    expect(fr.associated).toContain('Volunteers for the Defense of the Homeland');
    const [en] = events('In a statement released on Thursday, the army said it had killed 50 terrorists near Djibo.', '2024-06-14');
    expect(en).toMatchObject({ actor1: 'Military Forces of Burkina Faso', modality: 'claimed', date: null });
  });

  it('the day right before a denial or report ("Mali\'s army on Wednesday denied ...") is when it spoke, not when the strike was', () => {
    const [strike] = events('Mali\'s army on Wednesday denied carrying out a drone strike that killed eight civilians in the town of Aguelhok.', '2024-03-20');
    expect(strike).toMatchObject({ modality: 'denied', date: null, fatalities: { best: 8 } });
  });

  it('French tolls and dates: "une attaque a fait 20 morts", "un convoi militaire", a night before "selon"', () => {
    const [toll] = events('Le 12 mars dernier, une attaque a fait 20 morts à Seytenga.', '2024-06-10');
    expect(toll).toMatchObject({ fatalities: { best: 20 }, date: { value: '2024-03-12' } });
    const [convoy] = events('Une embuscade contre un convoi militaire a fait une quinzaine de morts dimanche près de Djibo, selon des sources sécuritaires.', '2024-06-10');
    expect(convoy).toMatchObject({ acled: { subtype: 'Armed clash' }, actor2: 'Military Forces of Burkina Faso', fatalities: { best: 15 } });
    const x = extract(documentFromText('Des hommes armés ont tué 12 villageois près de Djibo dans la nuit de samedi à dimanche, selon des habitants.', '2024-06-10'));
    expect(x.times.map((t) => t.text)).toEqual(['samedi à dimanche']);
    expect(x.events[0].date).toEqual({ value: '2024-06-08', precision: 'day' });
  });

  it('burnt trucks are property destruction; drivers forced out of their vehicles are no territory; what attackers burn after their attack is part of it', () => {
    const evs = events('JNIM fighters set fire to at least 40 fuel tankers on the road between Kayes and Bamako on Sunday, transport union officials said. Drivers said the militants forced them out of their vehicles before burning the trucks.', '2025-10-13');
    expect(evs.map((e) => [e.acled?.subtype, e.actor1])).toEqual([['Looting/property destruction', "Jama'at Nusrat al-Islam wal-Muslimin"]]);
    const attack = events('Six people were killed after 100 gunmen attacked the town of Loumbila, Burkina Faso, on Tuesday. The insurgents stole food and motorbikes and burned several buildings.', '2021-01-07');
    expect(attack.map((e) => e.acled?.subtype)).toEqual(['Attack']);
  });

  it('with no place in the whole text, a state force acts in its own country', () => {
    const [e] = events("Burkina Faso's army killed at least 223 villagers, including 56 children, in two villages in the north of the country in February, Human Rights Watch said in a report on Thursday.", '2024-04-25');
    expect(e.location).toMatchObject({ name: 'Burkina Faso', country: 'BF', precision: 3 });
    expect(e.rules).toContain('events.place.force-country');
  });

  it('a coup told in passing is placed in the country of the person who took power, not in a partner named after', () => {
    const [coup] = events("Le général Abdourahamane Tiani, arrivé au pouvoir par un coup d'État en juillet 2023, s'est rapproché de la Russie.", '2024-03-18').filter((e) => e.extra === 'coup');
    expect(coup.location).toMatchObject({ country: 'NE', precision: 3 });
  });

  it('a claim in a later clause of the same sentence names the attacker of the incident told before it', () => {
    const [e] = events('Two Indian nationals were kidnapped near Kayes in western Mali on July 1, and JNIM later claimed the abduction.', '2024-07-05');
    expect(e).toMatchObject({ acled: { subtype: 'Abduction/forced disappearance' }, actor1: "Jama'at Nusrat al-Islam wal-Muslimin" });
    expect(e.rules).toContain('events.actor.claimed-after');
  });

  it('a toll by other killers of other dead, told after an attack on civilians, is its own incident, not a figure of the attack', () => {
    const evs = events('Gunmen killed 22 civilians in an attack on a village in central Mali on Sunday, residents said. The Malian army said on Monday that its troops had "neutralised" eight terrorists during a pursuit.', '2025-03-04');
    const attack = evs.find((e) => e.acled?.subtype === 'Attack');
    expect(attack?.fatalities?.best).toBe(22);
    expect(attack?.rules.some((r) => r.startsWith('events.merge'))).toBe(false);
    expect(evs.find((e) => e.acled?.subtype === 'Armed clash')).toMatchObject({ actor1: 'Military Forces of Mali', fatalities: { best: 8 } });
  });

  it('an event near "the Burkina Faso border" is on this side of it', () => {
    const [e] = events('Malian troops killed eight terrorists during a pursuit near the Burkina Faso border, the army said.', '2025-03-04');
    expect(e.location?.country).toBe('ML');
    const [ministry] = events("Burkina Faso's defense ministry says heavily armed assailants have attacked a military position in the north near the Mali border, killing three soldiers.", '2015-10-13');
    expect(ministry.location?.country).toBe('BF');
  });

  it('an attack told again in the next paragraph, after a headline and a lead, is the same incident; what the attackers burn, quoted in the paragraph after, is part of it', () => {
    const evs = events('Gunmen kill 22 civilians in attack on village in central Mali\n\nBAMAKO, March 4 (Reuters) - Gunmen on motorcycles killed at least 22 civilians in an attack on a village in central Mali on Sunday, residents said.\n\nThe assailants surrounded Ouenkoro village at dawn and opened fire on people gathered at the market, the mayor told Reuters.\n\n"They came around 40 on motorbikes. They shot everyone they could find and set fire to the granaries," he said.', '2025-03-04');
    expect(evs.map((e) => e.acled?.subtype)).toEqual(['Attack']);
    expect(evs[0].location?.name).toBe('Ouankoro');
  });

  it('"the arrival of Russian mercenaries from the Wagner Group": the noun of a movement names who moves, and refers back to no deployment by another', () => {
    const evs = events('The Malian army said its troops had been deployed to the Mopti region. The junta has struggled to contain the insurgency despite the arrival of Russian mercenaries from the Wagner Group in late 2021.', '2025-03-04');
    expect(evs.map((e) => e.actor1)).toEqual(['Military Forces of Mali', 'Wagner Group']);
    expect(evs[1].rules).toContain('events.actor.mover-of');
  });

  it('an AP story of a claimed raid: the group a party is "linked to" is no side, the party speaks for itself, a day told later refines "this year", and tolls told without an incident word join the raid', () => {
    const text = 'Burkina Faso: Islamist militants claim deadly raid on army base in Djibo\n\nOUAGADOUGOU, May 12 (AP) — Islamic extremists linked to al-Qaida said they killed dozens of soldiers in an attack on a military base in northern Burkina Faso, in one of the deadliest assaults on the country\'s forces this year.\n\nJNIM said in a statement released through its Az-Zallaqa media arm on Sunday that its fighters had overrun the base in Djibo on Saturday. The group claimed that more than 100 soldiers and members of the Volunteers for the Defense of the Homeland (VDP) were killed.\n\nA security source told The Associated Press that at least 60 soldiers and civilians died.';
    const [e] = events(text, '2024-05-12');
    expect(e.actor2).toBe('Military Forces of Burkina Faso');
    expect(e.modality).toBe('claimed');
    expect(e.attributedTo).toBe("Jama'at Nusrat al-Islam wal-Muslimin");
    const lead = extract(documentFromText(text, '2024-05-12')).sources.find((x) => x.cue.text === 'said');
    expect(lead?.source?.text).toBe('Islamic extremists linked to al-Qaida');
    expect(e.date).toEqual({ value: '2024-05-11', precision: 'day' });
    expect(e.fatalities).toMatchObject({ low: 12, high: 100 });
    expect(e.rules.filter((r) => r.startsWith('events.toll-told-after'))).toHaveLength(2);
  });

  it('an accusation against another named party is not a toll of the attack before it', () => {
    const evs = events('Residents said the militants attacked a camp for displaced people near Djibo and abducted several women.\n\nHuman Rights Watch has accused the army of killing hundreds of civilians in reprisal operations in Burkina Faso.', '2024-05-12');
    expect(evs.find((e) => e.acled?.subtype === 'Abduction/forced disappearance')?.fatalities).toBeNull();
    expect(evs.find((e) => e.modality === 'alleged')).toMatchObject({ actor1: 'Military Forces of Burkina Faso', fatalities: { best: 100 } });
  });

  it('a year inside ", which … ," dates that clause only: the claim after it points back to the attack', () => {
    const evs = events('Islamic State West Africa Province (ISWAP) fighters killed nine soldiers when they attacked a military base in Malam-Fatori in Nigeria\'s Borno state on Thursday night, two military sources said.\n\nISWAP, which split from Boko Haram in 2016, claimed the attack on its Amaq news agency and said it had killed 15 soldiers.', '2024-01-20');
    const attack = evs.find((e) => e.acled?.subtype === 'Armed clash');
    expect(attack?.date).toEqual({ value: '2024-01-18', precision: 'day' });
    expect(attack?.fatalities).toMatchObject({ low: 9, high: 15 });
  });

  it('a French headline and its lead are one incident, with the lead as evidence; a known body is the source, not a word of its name', () => {
    const evs = events("Mali: l'armée accusée d'avoir exécuté des civils à Moura\n\nBAMAKO, 5 avril (AFP) - L'armée malienne a exécuté environ 500 personnes lors d'une opération à Moura, dans le centre du Mali, en mars 2022, selon un rapport de l'ONU publié vendredi.", '2024-04-05');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ date: { value: '2022-03', precision: 'month' }, attributedTo: 'United Nations', fatalities: { best: 500 } });
    expect(evs[0].evidence.text).toContain('BAMAKO');
    const st = extract(documentFromText("Le Haut-Commissariat des Nations unies aux droits de l'homme affirme que 58 femmes ont été victimes de violences pendant l'opération au Mali.", '2024-04-05')).statements;
    expect(st.find((x) => x.predicate === 'claims')?.subject).toBe('Office of the United Nations High Commissioner for Human Rights');
  });

  it('a Reuters convoy ambush: the attackers after "when", not the army a convoy is "escorted by"; the lead\'s day over the headline\'s; a party inside ", which …," takes no part', () => {
    const text = 'Burkina Faso: dozens killed as jihadists attack army convoy near Djibo\n\nOUAGADOUGOU (Reuters) - At least 35 soldiers and members of a pro-government militia were killed on Monday when suspected jihadists ambushed a supply convoy escorted by the army near the northern town of Djibo, two security sources said on Tuesday.\n\nThe convoy was travelling from Bourzanga to Djibo, which has been under blockade by Islamist militants for more than a year, when its lead vehicle struck an improvised explosive device, one of the sources said.';
    const evs = events(text, '2023-09-05');
    expect(evs[0]).toMatchObject({ actor1: 'jihadists', actor2: 'Military Forces of Burkina Faso', date: { value: '2023-09-04', precision: 'day' }, fatalities: { high: 35 } });
    expect(evs.some((e) => e.actor1 === 'militants')).toBe(false);
  });

  it('the group named after a description is the party: "Tuareg rebels from the CSP", "les rebelles … du Cadre stratégique permanent"', () => {
    const [en] = events('Tuareg rebels from the CSP attacked an army post near Kidal, Mali, on Sunday.', '2024-05-01');
    expect(en.actor1).toBe('Permanent Strategic Framework for Peace, Security and Development');
    const [fr] = events("L'armée malienne a annoncé samedi avoir repris le contrôle de la localité d'Anéfis, au Mali, tenue depuis 2012 par les rebelles indépendantistes du Cadre stratégique permanent (CSP).", '2023-10-08');
    expect(fr.actor2).toBe('Permanent Strategic Framework for Peace, Security and Development');
  });

  it('in a roundup of countries, "the army" is that of its sentence\'s country, and "Seven attackers were killed, it added" is a toll of the ambush before', () => {
    const evs = events("In Mali, suspected JNIM militants attacked a checkpoint in Niono on Monday, killing four gendarmes.\n\nIn Burkina Faso, the army said it had killed 40 terrorists in air strikes in the Boucle du Mouhoun region on Tuesday.\n\nIn Niger, Islamic State Sahel Province fighters killed 12 soldiers in an ambush near Tillia, Tahoua region, on Friday, the defence ministry said. Seven attackers were killed, it added.", '2024-06-09');
    expect(evs.find((e) => e.acled?.subtype === 'Air/drone strike')).toMatchObject({ actor1: 'Military Forces of Burkina Faso', modality: 'claimed' });
    const ambush = evs.filter((e) => e.location?.country === 'NE');
    expect(ambush).toHaveLength(1);
    expect(ambush[0]).toMatchObject({ acled: { subtype: 'Armed clash' }, fatalities: { best: 19 } });
  });

  it('an AP protest story: the police answered the protest of the lead, an arrest told later joins it, a separate march is its protesters\' own, and "detained a journalist who had reported on the protests" is an arrest', () => {
    const text = "Niger police fire tear gas at protesters demanding French troops leave\n\nNIAMEY, Aug 20 (AP) — Police in Niger's capital fired tear gas on Friday to disperse hundreds of protesters who had gathered outside the French embassy to demand the departure of French troops, witnesses said.\n\nThe demonstrators, many waving Russian flags, chanted slogans against France and the Economic Community of West African States (ECOWAS), which has threatened to use force to restore ousted President Mohamed Bazoum.\n\nAt least three people were injured when officers charged the crowd near the embassy, a local rights group, the Mouvement M62, said in a statement. Police arrested 17 protesters, according to the group.\n\nA separate march in the southern city of Zinder on Saturday ended peacefully, local media reported.\n\nOn Thursday, security forces detained a journalist from a private radio station in Niamey who had reported on the protests, his employer said.";
    const evs = events(text, '2023-08-20');
    expect(evs).toHaveLength(3);
    expect(evs[0]).toMatchObject({ acled: { subtype: 'Protest with intervention' }, actor1: 'Police Forces of Niger', actor2: 'protesters', date: { value: '2023-08-18' } });
    expect(evs[0].rules).toContain('events.merge.sentence-4');
    expect(evs[1]).toMatchObject({ acled: { subtype: 'Peaceful protest' }, actor1: 'protesters', location: { name: 'Zinder' } });
    expect(evs[2]).toMatchObject({ acled: { subtype: 'Arrests' }, actor1: 'Military Forces of Niger', attributedTo: 'his employer', date: { value: '2023-08-17' } });
    expect(evs.some((e) => e.acled?.type === 'Strategic developments' && e.acled.subtype === 'Other')).toBe(false);
  });

  it('a Reuters suicide bombing: the quoted official\'s agency is no party, an hour names no day, and a toll disputed between two told parts of it is its range', () => {
    const text = 'Suicide bombers kill at least 12 in northeast Nigeria\'s Borno state\n\nMAIDUGURI, Nigeria, June 30 (Reuters) - At least 12 people were killed and 48 wounded when suspected female suicide bombers blew themselves up at a wedding, a hospital and a funeral in the town of Gwoza in Nigeria\'s northeastern Borno state on Saturday, the state emergency agency said.\n\nA local militia leader said the death toll was higher, putting it at 18, while a hospital source said between 15 and 20 people had died.\n\n"The first bomber detonated her explosives in the middle of the wedding guests at around 3 p.m.," said Barkindo Saidu, director general of the Borno State Emergency Management Agency (SEMA).\n\nNo group has claimed responsibility, but Boko Haram and its rival, Islamic State West Africa Province (ISWAP), have used women and girls as suicide bombers in the past.';
    const evs = events(text, '2024-06-30');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ acled: { subtype: 'Suicide bomb' }, actor1: null, date: { value: '2024-06-29' }, fatalities: { low: 12, high: 20 } });
    expect(evs[0].rules).toContain('events.merge.sentence-3');
  });

  it('a Reuters strike claimed on Telegram: "its aircraft had destroyed a convoy" is an air strike, the body a possessive names speaks and claims it, and the day the dead died dates it', () => {
    const text = 'Russia\'s Africa Corps says it destroyed jihadist convoy in northern Mali\n\nDAKAR, Oct 7 (Reuters) - Russia\'s Africa Corps said on Monday that its aircraft had destroyed a convoy of fighters near the town of Tinzaouaten in northern Mali, killing "dozens of terrorists", in a post on its official Telegram channel.\n\nTwo residents of Tinzaouaten, reached by telephone, said at least eight civilians, including two children, were killed in the strikes on Sunday evening.';
    const [e] = events(text, '2025-10-07');
    expect(e).toMatchObject({ acled: { subtype: 'Air/drone strike' }, actor1: 'Africa Corps', modality: 'claimed', attributedTo: 'Africa Corps', channel: 'telegram', date: { value: '2025-10-05', precision: 'day' } });
    expect(e.rules).toContain('events.date.toll-told-after');
  });

  it('"JNIM claimed the attack in a statement on Wednesday" names the side of the ambush told before, and "allegedly" in a report of Human Rights Watch is its allegation', () => {
    const text = 'OUAGADOUGOU, May 15 (Reuters) - Islamist militants attacked a supply convoy near the northern Burkina Faso town of Djibo on Tuesday, looting several trucks of food, two security sources said.\n\nAt least 11 soldiers and volunteers were killed, one of the security sources said. The army has not commented.\n\nJNIM, which has besieged Djibo since 2022, claimed the attack in a statement on Wednesday.\n\nHuman Rights Watch said last month that soldiers had allegedly killed at least 156 civilians in the village of Zaongo in November.';
    const evs = events(text, '2023-05-15');
    expect(evs).toHaveLength(2);
    expect(evs[0]).toMatchObject({ actor1: "Jama'at Nusrat al-Islam wal-Muslimin", date: { value: '2023-05-09' } });
    expect(evs[0].rules).toContain('events.actor.claimed-after');
    expect(evs[1]).toMatchObject({ modality: 'alleged', attributedTo: 'Human Rights Watch', fatalities: { best: 156 } });
  });

  it('an AFP kidnapping: the towns a road joins place it, and "a-t-on appris mercredi de sources sécuritaire et humanitaire" reports it', () => {
    const text = "Burkina Faso : deux humanitaires enlevés dans l'Est du pays\n\nOUAGADOUGOU, 12 février (AFP) - Deux employés d'une organisation humanitaire internationale ont été enlevés mardi par des hommes armés non identifiés sur l'axe Fada N'Gourma-Pama, dans l'est du Burkina Faso, a-t-on appris mercredi de sources sécuritaire et humanitaire.";
    const [e] = events(text, '2025-02-12');
    expect(e).toMatchObject({ acled: { subtype: 'Abduction/forced disappearance' }, location: { country: 'BF', admin1: 'Est' }, modality: 'reported', date: { value: '2025-02-11' } });
    expect(e.attributedTo).toContain('sources');
  });

  it('a side that reports its own losses suffered them: the speaker is the second side, and the attackers "when some 100 terrorists attacked" the first', () => {
    const [mali] = events("Mali's army announced that eight soldiers had died and seven had been wounded during an attack in the Sahel region on the previous day.", '2024-06-06');
    expect(mali).toMatchObject({ actor1: null, actor2: 'Military Forces of Mali', modality: 'reported', date: { value: '2024-06-05' }, fatalities: { best: 8 } });
    expect(mali.rules).toContain('events.actor.own-losses-told');
    const [bf] = events('The Burkinabe army said on Tuesday that 12 of its soldiers were killed in an ambush near Djibo on Monday.', '2024-06-06');
    expect(bf).toMatchObject({ actor1: null, actor2: 'Military Forces of Burkina Faso', modality: 'reported', fatalities: { best: 12 } });
    const [ne] = events("Niger's defence ministry said 29 soldiers were killed when some 100 terrorists attacked their position near Tassia on Wednesday.", '2024-06-06');
    expect(ne).toMatchObject({ actor1: 'terrorists', actor2: 'Military Forces of Niger', fatalities: { best: 29 } });
    const [fr] = events("L'armée malienne a annoncé jeudi la mort de huit soldats lors d'une attaque terroriste mercredi près de Boni, au Mali.", '2024-06-06');
    expect(fr).toMatchObject({ actor2: 'Military Forces of Mali', fatalities: { best: 8 } });
    // (a side that says it did the killing is still the first side)
    const [own] = events('The army said it had killed 20 terrorists near Djibo on Monday.', '2024-06-06');
    expect(own.actor1).toBe('Military Forces of Burkina Faso');
  });

  it('an AFP massacre: "des centaines de personnes, pour la plupart des civils …, ont été tuées" is an attack, the group that claims it in its own words later tells the same incident, and the tolls told between are its range', () => {
    const text = "Burkina Faso : des centaines de civils tués à Barsalogho\n\nOUAGADOUGOU, 28 août (AFP) - Des centaines de personnes, pour la plupart des civils qui creusaient des tranchées autour de la ville, ont été tuées samedi à Barsalogho, dans le centre-nord du Burkina Faso, lors d'une attaque revendiquée par le Groupe de soutien à l'islam et aux musulmans (JNIM), selon des sources locales et sécuritaires.\n\nLe bilan officiel n'a pas été communiqué. Un habitant a évoqué « plus de 400 morts ».\n\nLe gouvernement a décrété un deuil national de trois jours.\n\nLe JNIM a affirmé avoir attaqué des « miliciens » de l'armée.";
    const evs = events(text, '2024-08-28');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ acled: { type: 'Violence against civilians' }, actor1: "Jama'at Nusrat al-Islam wal-Muslimin", location: { name: 'Barsalogo' }, date: { value: '2024-08-24' } });
    expect(evs[0].fatalities?.low).toBeGreaterThanOrEqual(100);
    expect(evs[0].rules.some((r) => r.startsWith('events.merge.party-claim-'))).toBe(true);
  });

  it('arrests a state force reports are its own; a headline that only gives a toll is the lead\'s incident; wounded soldiers are the forces of the place; "entre le 10 et le 15 mars" dates a range', () => {
    const [arrest] = events('Police said 12 suspects had been arrested in Gao, Mali, on Monday.', '2024-09-17');
    expect(arrest).toMatchObject({ acled: { subtype: 'Arrests' }, actor1: 'Police Forces of Mali' });
    const [noAttack] = events('The army said in a statement that the situation in Bamako, Mali, was under control and that 15 attackers had been arrested.', '2024-09-17');
    expect(noAttack).toMatchObject({ acled: { subtype: 'Arrests' }, actor1: 'Military Forces of Mali', actor2: 'unidentified armed group' });
    const text = "Niger : l'armée affirme avoir « neutralisé » une centaine de terroristes\n\nNIAMEY, 18 mars (AFP) - L'armée nigérienne a affirmé lundi avoir « neutralisé » une centaine de terroristes lors d'opérations aériennes menées entre le 10 et le 15 mars dans la zone dite des trois frontières, entre le Niger, le Mali et le Burkina Faso.\n\nTrois soldats ont été blessés lors d'une embuscade le 14 mars près de Téra, précise le texte.";
    const evs = events(text, '2024-03-18');
    expect(evs).toHaveLength(2);
    expect(evs[0]).toMatchObject({ acled: { subtype: 'Air/drone strike' }, actor1: 'Military Forces of Niger', modality: 'claimed', date: { from: '2024-03-10', to: '2024-03-15', precision: 'range' }, fatalities: { best: 100 } });
    expect(evs[1]).toMatchObject({ actor2: 'Military Forces of Niger', location: { name: 'Téra' } });
  });

  it('herders killed across a border: the victims told in the passive, the force an aside blames, and no party in the state whose envoy is summoned', () => {
    const [e] = events("NOUAKCHOTT, March 9 (Reuters) - Mauritania summoned Mali's ambassador on Saturday after at least seven Mauritanian herders were killed near the border, which local officials blamed on Malian soldiers and their Russian allies.", '2024-03-09');
    expect(e).toMatchObject({ acled: { type: 'Violence against civilians' }, actor1: 'Military Forces of Mali', modality: 'alleged', fatalities: { best: 7 } });
    expect(e.rules).toContain('events.actor.blamed-on');
  });

  it('"since March 2020, when Boko Haram killed about 100 soldiers" is an incident of March 2020, not a toll of the one told before', () => {
    const evs = events("N'DJAMENA, Oct 28 (Reuters) - Boko Haram fighters attacked a military base on Barkaram island in Chad late on Sunday, killing around 40 soldiers, the Chadian presidency said on Monday.\n\nThe attack was one of the deadliest on Chad's army since March 2020, when Boko Haram killed about 100 soldiers in a seven-hour assault on a base in Bohoma.", '2024-10-28');
    expect(evs).toHaveLength(2);
    expect(evs[0].fatalities?.best).toBe(40);
    expect(evs[1]).toMatchObject({ date: { value: '2020-03', precision: 'month' }, fatalities: { best: 100 } });
  });

  it('the words reported date what they tell: "suspended the BBC on Thursday after they reported on an investigation that accused the army of killing 223 civilians in February"', () => {
    const evs = events("OUAGADOUGOU, April 25 (AP) — Burkina Faso's military government on Thursday suspended the BBC and Voice of America for two weeks after they reported on a Human Rights Watch investigation that accused the army of killing at least 223 civilians in February.", '2024-04-25');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ actor1: 'Military Forces of Burkina Faso', modality: 'alleged', date: { value: '2024-02', precision: 'month' }, location: { country: 'BF' } });
  });

  it('a lake several countries share is placed in the country of the forces that fought there', () => {
    const [e] = events('Boko Haram fighters attacked a military base on Barkaram island in the Lake Chad region late on Sunday, killing around 40 soldiers, the Chadian presidency said on Monday.', '2024-10-28');
    expect(e).toMatchObject({ actor2: 'Military Forces of Chad', location: { name: 'Lake Chad', country: 'TD' } });
  });

  it('a village burnt with no victim is property destruction; the group that claims an attack by unnamed militants names them', () => {
    const [burnt] = events("Des hommes armés ont incendié mardi le village de Dougouba, dans le cercle de Niono, au Mali, et emporté plusieurs centaines de têtes de bétail, a indiqué à l'AFP un élu local.\n\nAucune victime n'a été signalée.", '2025-06-03');
    expect(burnt).toMatchObject({ acled: { type: 'Strategic developments', subtype: 'Looting/property destruction' }, attributedTo: 'un élu local' });
    const evs = events('BAMAKO, Sept 17 (Reuters) - Islamist militants attacked a gendarmerie training school in Bamako, Mali, early on Tuesday, security sources said.\n\nJama\'at Nusrat al-Islam wal-Muslimin (JNIM) said in a statement that its fighters had killed and wounded "hundreds" of soldiers.', '2024-09-17');
    expect(evs).toHaveLength(1);
    expect(evs[0].actor1).toBe("Jama'at Nusrat al-Islam wal-Muslimin");
    expect(evs[0].rules).toContain('events.actor.claimed-in-merge');
  });

  it('an AP claim of an ambush and the ministry\'s account are one incident: "near Mali border" is this side of it, the day the claim came is not the attack\'s, the day the next sentence tells replaces the publication day, and unnamed assailants do not replace the claimant', () => {
    const text = 'Islamic State claims attack that killed Nigerien soldiers near Mali border\n\nNIAMEY, March 22 (AP) — The Islamic State group\'s Sahel affiliate claimed responsibility on Friday for an attack that killed between 20 and 23 Nigerien soldiers near the town of Teguey in the Tillaberi region, according to a statement published by its Amaq news agency.\n\nNiger\'s defense ministry said on Thursday that 23 soldiers were killed and that about 30 assailants were "neutralized" in the ambush on Wednesday.';
    const evs = events(text, '2024-03-22');
    expect(evs).toHaveLength(1);
    expect(evs[0]).toMatchObject({ actor1: 'Islamic State', actor2: 'Military Forces of Niger', location: { country: 'NE', admin1: 'Tillaberi Region' }, date: { value: '2024-03-20' }, fatalities: { low: 20, high: 23 } });
  });

  it('what residents and a local official "affirm" about the army is their report, not a party\'s claim', () => {
    const [e] = events("BAMAKO, 20 mai (AFP) - Au moins 25 civils ont été exécutés le 15 mai par des soldats maliens et des éléments de l'Africa Corps dans le village de Boulkassoumbougou, dans la région de Ségou, ont affirmé à l'AFP plusieurs habitants et un élu local.", '2024-05-20');
    expect(e).toMatchObject({ actor1: 'Military Forces of Mali', modality: 'reported', fatalities: { best: 25 } });
    expect(e.rules).toContain('modality.non-party-claim');
    // (a party's own affirmation stays its claim)
    const [own] = events("L'armée malienne a affirmé avoir neutralisé une trentaine de terroristes près de Boni, au Mali, dimanche.", '2024-05-20');
    expect(own.modality).toBe('claimed');
  });
});
