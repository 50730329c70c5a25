import { describe, expect, it } from 'vitest';
import { actorsOf, pairs } from './actors.fixtures.js';

describe('actors stage: what is not an actor', () => {
  it('drops platforms, generic words and fragments the tagger may label', () => {
    const m = actorsOf(
      'In a message on Telegram, the Wagner Group proclaimed, “Mission accomplished. Private Military Company Wagner returns home.” As Western influence has diminished, Islamic groups grew.',
      [
        ['Telegram', 'ORG'],
        ['Mission', 'ORG'],
        ['Western', 'ORG'],
        ['Islamic', 'ORG'],
      ],
    );
    const texts = m.map((x) => x.text);
    for (const bad of ['Telegram', 'Mission', 'Western', 'Islamic', 'Private Military Company', 'Group', 'Corps']) expect(texts).not.toContain(bad);
    expect(pairs(m)).toEqual(['the Wagner Group -> wagner-group', 'Private Military Company Wagner -> wagner-group']);
  });

  it('drops hardware, agencies and generic titles', () => {
    const m = actorsOf(
      'Two French Mirage 2000D fighters struck the column, Reuters reported. Several dozen Special Forces soldiers intervened. The Aftermath of the Battle was grim.',
      [
        ['Mirage 2000D', 'ORG'],
        ['Reuters', 'ORG'],
        ['Special Forces', 'ORG'],
        ['Aftermath', 'ORG'],
        ['Battle', 'ORG'],
      ],
    );
    expect(m).toEqual([]);
  });

  it('drops title abbreviations and media named as channels', () => {
    const m = actorsOf('Col. Moussa Diarra said JNIM claimed the attack on its Thaqafa channel.', [
      ['Col', 'ORG'],
      ['Moussa Diarra', 'PER'],
      ['Thaqafa', 'ORG'],
    ]);
    expect(pairs(m)).toEqual(['Col. Moussa Diarra -> provisional:moussa-diarra', 'JNIM -> jnim']);
  });

  it('does not keep a name the tagger also reads as a place', () => {
    const m = actorsOf('Léré fell to the rebels. Fighting spread from Léré to Niono.', [
      ['Léré', 'PER'],
      ['Léré', 'LOC'],
    ]);
    expect(m.map((x) => x.text)).toEqual(['the rebels']);
  });

  it('does not take a sentence-initial common word for a name', () => {
    const m = actorsOf('Security was tight in Gao. The analyst said security had improved.', [['Security', 'ORG']]);
    expect(m).toEqual([]);
  });

  it('does not read a country in a place role as a state actor', () => {
    const texts = [
      'The Niger River flooded parts of Niamey.',
      'Wagner announced its departure from Mali after three years.',
      'Mali, along with neighboring Burkina Faso and Niger, has struggled with insurgencies.',
      'The jihadists were preparing an attack near the border with Burkina Faso.',
      'Mali is a landlocked country in West Africa.',
      'The Russian mercenary presence in Mali will continue.',
    ];
    for (const t of texts) expect(actorsOf(t).filter((x) => x.kind === 'state'), t).toEqual([]);
  });

  it('does not take a demonym before an ordinary noun for a force', () => {
    expect(actorsOf('The jihadists were preparing an attack on the Malian locality of Boulikessi.').map((x) => x.kind)).toEqual(['armed-group']);
    expect(actorsOf('Wagner’s presence began after a military coup.').map((x) => x.actorId)).toEqual(['wagner-group']);
    expect(actorsOf('Wagner personnel were integrated under Russian military command.').map((x) => x.actorId)).toEqual(['wagner-group']);
    expect(actorsOf('Russia offered Mali military assistance.').map((x) => x.actorId)).toEqual(['russia']);
  });

  it('does not read a capitalised headline word as an abbreviation', () => {
    expect(actorsOf('WHAT IS LEFT OF THE TOWN')).toEqual([]);
  });

  it('needs the right case for abbreviations and one-word names', () => {
    expect(actorsOf('They told us that is what the fama said; the wagner of the village is old.')).toEqual([]);
    expect(actorsOf('The serval is a wild cat found across Africa.')).toEqual([]);
  });

  it('does not describe a group from an adjective alone', () => {
    expect(actorsOf('Accusations of civilian targeting have surfaced.')).toEqual([]);
    expect(actorsOf('Islamic law was applied in the town.')).toEqual([]);
    expect(actorsOf('Armed men were not seen; the men were farmers.').map((x) => x.text)).toEqual(['Armed men']);
  });

  it('drops tagged months, events, places, hardware and lists', () => {
    const m = actorsOf(
      'In February, the Battle of Konna began in Konna. A Toyota Land Cruiser and a VAB were hit. Staff Sergeant Bryan Black, Staff Sergeant Jeremiah Johnson died. Tuaregs fled to the Yatenga Province.',
      [
        ['February', 'ORG'],
        ['Battle of Konna', 'ORG'],
        ['Konna', 'PER'],
        ['Toyota Land Cruiser', 'ORG'],
        ['VAB', 'ORG'],
        ['Staff Sergeant Bryan Black, Staff Sergeant Jeremiah Johnson', 'ORG'],
        ['Tuaregs', 'PER'],
        ['Yatenga Province', 'ORG'],
      ],
    );
    expect(m).toEqual([]);
  });
  it('a town named after "the town of" or "le village de" is no person, whatever the tagger says', () => {
    const m = actorsOf('Militants cut off a thief’s hand in the town of Ansongo. Nigerien soldiers later occupied Ansongo. Des hommes armés ont attaqué le village de Seytenga.', [
      ['Ansongo', 'PER'],
      ['Ansongo', 'PER'],
      ['Seytenga', 'PER'],
    ]);
    expect(m.map((x) => x.text)).not.toContain('Ansongo');
    expect(m.map((x) => x.text)).not.toContain('Seytenga');
  });
});

describe('actors stage: what French reporting does not make a state actor', () => {
  it('an adjective that is no demonym, a capitalised word after the noun, or an English text with French words', () => {
    const fr = actorsOf("Les forces spéciales ont mené une opération nocturne près de Gao. Le gouvernement de Transition a publié un communiqué, et les soldats blessés ont été évacués vers la capitale.");
    expect(fr.filter((x) => x.rule.startsWith('fr-'))).toEqual([]);
    const en = actorsOf('The band Armée Malienne played in Paris, and the soldiers sang along with the crowd for an hour.');
    expect(en.map((x) => x.actorId)).not.toContain('military-forces-of-mali');
  });
  it("keeps the army named in the same paragraph even when the sentence names another country", () => {
    const m = actorsOf('Malian soldiers fought jihadists near Gao on Sunday. The army said the attackers had come from Niger.');
    expect(m.filter((x) => x.rule.startsWith('bare-force')).map((x) => `${x.text} -> ${x.actorId}`)).toEqual(['The army -> military-forces-of-mali']);
  });
  it('in French, an opening adverb or an article and a country the tagger took for a name is no provisional actor', () => {
    const m = actorsOf("Environ 1 500 éléments de l'Africa Corps sont déployés au Mali, selon une source diplomatique. Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO en janvier, a annoncé la junte.");
    expect(m.filter((x) => x.actorId.startsWith('provisional:'))).toEqual([]);
  });
  it('"the junta" is never the government of a state no junta is known to have ruled', () => {
    const m = actorsOf('French forces killed the group\'s leader in August 2021, President Emmanuel Macron announced. France said the strike was lawful.\n\nThe junta denied that its soldiers had killed civilians in Solenzo.');
    expect(m.filter((x) => x.rule.startsWith('bare-force'))).toEqual([]);
  });

  it('"Police" opening a wire story after its dateline is no person, whatever the tagger says', () => {
    const m = actorsOf("NIAMEY, Aug 20 (AP) — Police fired tear gas on Friday to disperse hundreds of protesters, witnesses said.", [['Police', 'PER']]);
    expect(m.some((x) => x.text === 'Police')).toBe(false);
  });
});
