import { describe, expect, it } from 'vitest';
import { actorsOf, pairs } from './actors.fixtures.js';

describe('actors stage: knowledge-base aliases', () => {
  it('links Sahel groups written in English, French and as abbreviations', () => {
    const m = actorsOf(
      'JNIM, known in French as the Groupe de soutien à l’islam et aux musulmans (GSIM), clashed with the Islamic State in the Greater Sahara (EIGS) near Ménaka.',
    );
    expect(pairs(m)).toEqual([
      'JNIM -> jnim',
      'the Groupe de soutien à l’islam et aux musulmans -> jnim',
      'GSIM -> jnim',
      'the Islamic State in the Greater Sahara -> islamic-state-in-the-greater-sahara',
      'EIGS -> islamic-state-in-the-greater-sahara',
    ]);
    expect(m.every((x) => x.stage === 'actors' && x.rule.length > 0)).toBe(true);
  });

  it('prefers the longest alias and handles possessives', () => {
    const m = actorsOf('“Mission accomplished. Private Military Company Wagner returns home.” Wagner’s exit leaves the Africa Corps in charge.');
    expect(pairs(m)).toEqual([
      'Private Military Company Wagner -> wagner-group',
      'Wagner -> wagner-group',
      'the Africa Corps -> africa-corps',
    ]);
  });

  it('takes a member noun into a group mention', () => {
    expect(pairs(actorsOf('JNIM militants ambushed a convoy escorted by Wagner fighters and FAMa soldiers.'))).toEqual([
      'JNIM militants -> jnim',
      'Wagner fighters -> wagner-group',
      'FAMa soldiers -> military-forces-of-mali',
    ]);
  });

  it('chooses between juntas sharing an abbreviation by the countries the text names', () => {
    const niger = actorsOf('In Niamey, the CNSP suspended the activities of political parties in Niger.', [], '2023-08-10');
    expect(niger.find((x) => x.text.endsWith('CNSP'))?.actorId).toBe('cnsp-niger');
    const mali = actorsOf('In Bamako, the CNSP led by Assimi Goïta promised a transition in Mali.', [], '2020-09-01');
    expect(mali.find((x) => x.text.endsWith('CNSP'))?.actorId).toBe('cnsp-mali');
  });

  it('knows the juntas, leaders and militias of the central Sahel', () => {
    const m = actorsOf(
      'Captain Ibrahim Traoré, who leads the MPSR, armed the VDP, while Dan Na Ambassagou and Koglweogo groups formed in Mali and Burkina Faso.',
    );
    expect(m.map((x) => x.actorId)).toEqual(['ibrahim-traore', 'mpsr', 'volunteers-for-the-defense-of-the-homeland', 'dan-na-ambassagou', 'koglweogo']);
  });
});

describe('actors stage: demonyms and force nouns', () => {
  it('links the army, ministry and officials of a country to its generated entries', () => {
    const m = actorsOf(
      'The Africa Corps operates under the direct command of the Russian defense ministry, and according to U.S. officials, the Malian army lost dozens of soldiers.',
    );
    expect(pairs(m)).toEqual([
      'The Africa Corps -> africa-corps',
      'the Russian defense ministry -> ministry-of-defence-of-russia',
      'U.S. officials -> government-of-the-united-states',
      'the Malian army -> military-forces-of-mali',
    ]);
  });

  it('reads Burkinabe, Nigerien and French forces, juntas and possessives', () => {
    expect(pairs(actorsOf('Burkinabe troops and Nigerien soldiers repelled the attack; the Nigerien junta thanked Niger’s army and French special forces.'))).toEqual([
      'Burkinabe troops -> military-forces-of-burkina-faso',
      'Nigerien soldiers -> military-forces-of-niger',
      'the Nigerien junta -> government-of-niger',
      'Niger’s army -> military-forces-of-niger',
      'French special forces -> military-forces-of-france',
    ]);
  });

  it('reads "the army" of a story about one country as that country\'s, though a foreign force was named in the sentence before', () => {
    const m = actorsOf("Burkina Faso's military junta has expelled French forces and turned to Russia. Human Rights Watch has accused the army of killing civilians in Burkina Faso, allegations Burkina Faso's government denies.");
    expect(m.find((x) => x.text === 'the army')?.actorId).toBe('military-forces-of-burkina-faso');
  });

  it('reads "the ruling junta" and "Mali\'s ruling junta" as the government', () => {
    expect(pairs(actorsOf("Mali's ruling junta said on Monday it would hold elections."))).toEqual(["Mali's ruling junta -> government-of-mali"]);
  });

  it('reads a force noun followed by "of" and a country', () => {
    expect(pairs(actorsOf('The army of Burkina Faso and the government of Niger signed a pact with the Ministry of Defence of Russia.'))).toEqual([
      'The army of Burkina Faso -> military-forces-of-burkina-faso',
      'the government of Niger -> government-of-niger',
      'the Ministry of Defence of Russia -> ministry-of-defence-of-russia',
    ]);
  });

  it('shares one force noun among coordinated demonyms', () => {
    expect(pairs(actorsOf('Nigerien, Malian and Burkinabe forces formed a joint force; Malian and Russian soldiers patrolled.'))).toEqual([
      'Nigerien -> military-forces-of-niger',
      'Malian -> military-forces-of-mali',
      'Burkinabe forces -> military-forces-of-burkina-faso',
      'Malian -> military-forces-of-mali',
      'Russian soldiers -> military-forces-of-russia',
    ]);
  });

  it('keeps "military" as a noun only when it heads the phrase', () => {
    expect(pairs(actorsOf('The U.S. military left Niger in 2024.'))).toEqual(['The U.S. military -> military-forces-of-the-united-states']);
    expect(pairs(actorsOf('Russian military instructors arrived in Bamako.'))).toEqual(['Russian military instructors -> military-forces-of-russia']);
  });

  it('reads the minister of a country as its defence ministry', () => {
    expect(pairs(actorsOf('On November 2, the French Minister of the Armed Forces, Florence Parly, announced the toll.'))).toEqual([
      'the French Minister of the Armed Forces -> ministry-of-defence-of-france',
      'Florence Parly -> florence-parly',
    ]);
  });
});

describe('actors stage: units named after their country', () => {
  it('links a presidential guard, border guards and military intelligence to the state\'s forces', () => {
    expect(pairs(actorsOf("Niger's presidential guard detained the president, and Mauritanian border guards closed the crossing.")).filter((p) => p.includes('military-forces'))).toEqual([
      "Niger's presidential guard -> military-forces-of-niger",
      'Mauritanian border guards -> military-forces-of-mauritania',
    ]);
  });
});

describe('actors stage: the army, the junta, government forces', () => {
  it('links a bare force noun to the same role named with its country earlier', () => {
    expect(pairs(actorsOf('The Malian army said it killed 20 jihadists near Mopti. The army later said two soldiers died.'))).toEqual([
      'The Malian army -> military-forces-of-mali',
      'jihadists -> unnamed:jihadists',
      'The army -> military-forces-of-mali',
    ]);
  });

  it('takes the state named last nearby when the role was not named before', () => {
    const m = actorsOf("Burkina Faso's military government said soldiers repelled the attack. The army said 100 assailants died. Nigerien soldiers were killed near Mali, the defence ministry said.");
    expect(m.filter((x) => x.rule.startsWith('bare-force')).map((x) => `${x.text} -> ${x.actorId}`)).toEqual([
      'The army -> military-forces-of-burkina-faso',
      'the defence ministry -> ministry-of-defence-of-niger',
    ]);
  });

  it("in a new paragraph about one other country, takes that country's force rather than the last one named", () => {
    const m = actorsOf('The Malian army denied the claim on Monday.\n\nBurkinabe militiamen clashed with jihadists near Fada NGourma last week, the army said.');
    expect(m.filter((x) => x.rule.startsWith('bare-force')).map((x) => `${x.text} -> ${x.actorId}`)).toEqual(['the army -> military-forces-of-burkina-faso']);
  });

  it('falls back on the country the text is plainly about, and otherwise says nothing', () => {
    const m = actorsOf('In Mali, government forces clashed with JNIM near Gao. Mali has been ruled by the military since 2020; the junta said the attack in Mali was repelled.');
    expect(m.filter((x) => x.rule.startsWith('bare-force')).map((x) => `${x.text} -> ${x.actorId}`)).toEqual([
      'government forces -> military-forces-of-mali',
      'the military -> military-forces-of-mali',
      'the junta -> government-of-mali',
    ]);
    expect(actorsOf('The army said the attack was repelled.')).toEqual([]);
  });
});

describe('actors stage: countries acting as states', () => {
  it('makes a country an actor as subject, agent or owner', () => {
    const m = actorsOf(
      'The Wagner Group, a paramilitary organization backed by Russia, left. Russia has shifted its strategy. Niger recalled its ambassador. Russia’s Africa Corps stays.',
    );
    expect(pairs(m).filter((p) => p.endsWith('russia') || p.endsWith('niger'))).toEqual(['Russia -> russia', 'Russia -> russia', 'Niger -> niger', 'Russia -> russia']);
    expect(m.filter((x) => x.actorId === 'russia').map((x) => x.rule)).toEqual([
      'country-actor:agent',
      'country-actor:subject',
      'country-actor:possessive',
    ]);
    expect(m.find((x) => x.actorId === 'russia')?.kind).toBe('state');
  });

  it('makes both of two coordinated countries act', () => {
    expect(pairs(actorsOf('Mali and Russia signed a nuclear energy deal in Moscow.'))).toEqual(['Mali -> mali', 'Russia -> russia']);
  });
});

describe('actors stage: described groups', () => {
  it('names groups tied to a named one after it, in both word orders', () => {
    const m = actorsOf(
      'Mali has struggled with insurgencies involving groups tied to al-Qaida and the Islamic State. Losses mounted in recent clashes with al-Qaida-affiliated groups.',
    );
    const described = m.filter((x) => x.unnamed);
    expect(described.map((x) => x.text)).toEqual(['groups tied to al-Qaida', 'al-Qaida-affiliated groups']);
    expect(new Set(described.map((x) => x.actorId))).toEqual(new Set(['unnamed:al-qaida-affiliated-groups']));
    expect(described[0].name).toBe('al-Qaida-affiliated groups');
    expect(described[0].kind).toBe('armed-group');
    // the named group inside stays a mention of its own
    expect(m.filter((x) => x.actorId === 'al-qaida').map((x) => x.text)).toEqual(['al-Qaida', 'al-Qaida']);
    expect(m.filter((x) => x.actorId === 'islamic-state').map((x) => x.text)).toEqual(['the Islamic State']);
  });

  it('reads a described group in apposition to a name as that name', () => {
    expect(pairs(actorsOf('The attacks were blamed on the al-Qaida-linked group JNIM.'))).toEqual([
      'the al-Qaida-linked group -> jnim',
      'al-Qaida -> al-qaida',
      'JNIM -> jnim',
    ]);
  });

  it('describes gunmen, jihadists, militants and civilians without naming them', () => {
    const m = actorsOf(
      'Unidentified armed men killed 12 villagers near Seytenga. Suspected jihadists on motorcycles later abducted civilians. The army said militants fled.',
    );
    expect(pairs(m.filter((x) => x.unnamed))).toEqual([
      'Unidentified armed men -> unnamed:unidentified-armed-group',
      'villagers -> unnamed:civilians',
      'Suspected jihadists -> unnamed:jihadists',
      'civilians -> unnamed:civilians',
      'militants -> unnamed:militants',
    ]);
    expect(m.find((x) => x.actorId === 'unnamed:civilians')?.inter).toBe(7);
  });

  it('codes a community named as an armed party as an identity militia', () => {
    const m = actorsOf('Dogon militiamen attacked Ogossagou. Fulani self-defence groups formed, and Tuareg rebels seized Kidal.');
    expect(pairs(m)).toEqual([
      'Dogon militiamen -> unnamed:dogon-ethnic-militia',
      'Fulani self-defence groups -> unnamed:fulani-ethnic-militia',
      'Tuareg rebels -> unnamed:tuareg-rebels',
    ]);
    expect(m[0]).toMatchObject({ kind: 'militia', inter: 4, unnamed: true });
  });

  it('links "jihadists of JNIM" to the named group and keeps coordinated descriptions whole', () => {
    expect(pairs(actorsOf('A French army operation was launched against a group of jihadists of JNIM near Boulikessi.'))).toEqual([
      'French army -> military-forces-of-france',
      'jihadists -> jnim',
      'JNIM -> jnim',
    ]);
    expect(pairs(actorsOf('It fought Islamic extremists and insurgents for three years.'))).toEqual([
      'Islamic extremists and insurgents -> unnamed:extremists',
    ]);
    expect(pairs(actorsOf('The jihadist column on motorcycles was spotted by a drone.'))).toEqual(['The jihadist column -> unnamed:jihadists']);
  });
});

describe('actors stage: provisional actors from the name tagger', () => {
  it('keeps unknown persons and organisations, with titles and surname coreference', () => {
    const m = actorsOf(
      'Security analyst Beverly Ochieng said the Macina Cattle Herders Union was negotiating. General Kone Diarra met Ochieng, and Diarra later left.',
      [
        ['Beverly Ochieng', 'PER'],
        ['Macina Cattle Herders Union', 'ORG'],
        ['Kone Diarra', 'PER'],
        ['Ochieng', 'PER'],
        ['Diarra', 'PER'],
      ],
    );
    expect(pairs(m)).toEqual([
      'Beverly Ochieng -> provisional:beverly-ochieng',
      'Macina Cattle Herders Union -> provisional:macina-cattle-herders-union',
      'General Kone Diarra -> provisional:kone-diarra',
      'Ochieng -> provisional:beverly-ochieng',
      'Diarra -> provisional:kone-diarra',
    ]);
    expect(m[0].provisional).toBe(true);
    expect(m[0].kind).toBe('person');
    expect(m[1].kind).toBe('other');
    expect(m[2].name).toBe('Kone Diarra');
  });

  it('lets the knowledge base win over a tagged span and links a bracketed acronym', () => {
    const m = actorsOf(
      'Yevgeny Prigozhin died in 2023. The Sahel Herders Defence Front (SHDF) said SHDF fighters would stay.',
      [
        ['Yevgeny Prigozhin', 'PER'],
        ['Sahel Herders Defence Front', 'ORG'],
      ],
    );
    expect(pairs(m)).toEqual([
      'Yevgeny Prigozhin -> yevgeny-prigozhin',
      'Sahel Herders Defence Front -> provisional:sahel-herders-defence-front',
      'SHDF -> provisional:sahel-herders-defence-front',
      'SHDF -> provisional:sahel-herders-defence-front',
    ]);
  });

  it('reads a tagged ORG that opens with a title as a person, without the title in its name', () => {
    const m = actorsOf('Senator Lindsey Graham questioned the mission in Niger.', [['Senator Lindsey Graham', 'ORG']]);
    expect(m.map((x) => [x.text, x.actorId, x.kind])).toEqual([['Senator Lindsey Graham', 'provisional:lindsey-graham', 'person']]);
  });

  it('links a tagged surname to a person the knowledge base found in full', () => {
    const m = actorsOf('Traoré expelled French troops in 2023, months after Captain Ibrahim Traoré took power.', [['Traoré', 'PER']]);
    expect(m.filter((x) => x.kind === 'person').map((x) => `${x.text} -> ${x.actorId}`)).toEqual(['Traoré -> ibrahim-traore', 'Ibrahim Traoré -> ibrahim-traore']);
  });
});

describe('actors stage: French reporting', () => {
  it('a demonym of a group ("du groupe russe Wagner") gives "l\'armée" no other country', () => {
    const text = "L'armée malienne a repris Anéfis, au Mali, selon l'état-major.\n\nLes rebelles ont affirmé avoir infligé de lourdes pertes à l'armée et à ses alliés du groupe russe Wagner.";
    expect(actorsOf(text).filter((x) => x.text === "l'armée").map((x) => x.actorId)).toEqual(['military-forces-of-mali']);
  });

  it('reads "des forces de défense et de sécurité" as a bare force, and a country across the border does not own "l\'armée"', () => {
    const text = "Au moins 34 soldats nigériens ont été tués mardi dans la région de Tillabéri, au Niger, a annoncé le ministère de la Défense.\n\nSelon un communiqué, une unité de l'armée a été prise pour cible près de Chatoumane, à une vingtaine de kilomètres de la frontière avec le Mali. La riposte des forces de défense et de sécurité a permis de neutraliser des terroristes.";
    const m = actorsOf(text);
    expect(m.find((x) => x.text === "l'armée")?.actorId).toBe('military-forces-of-niger');
    expect(m.find((x) => x.text === 'des forces de défense et de sécurité')?.actorId).toBe('military-forces-of-niger');
  });

  it('reads state forces and offices by the adjective after the noun and by "du" and a country', () => {
    const text =
      "L'armée malienne et les soldats burkinabè ont repoussé l'attaque, selon l'état-major nigérien. Le ministère nigérien de la Défense a démenti, tandis que le gouvernement du Tchad et les forces spéciales françaises se taisaient. La Minusma a quitté Kidal.";
    expect(pairs(actorsOf(text))).toEqual([
      "L'armée malienne -> military-forces-of-mali",
      'les soldats burkinabè -> military-forces-of-burkina-faso',
      "l'état-major nigérien -> military-forces-of-niger",
      'Le ministère nigérien de la Défense -> ministry-of-defence-of-niger',
      'le gouvernement du Tchad -> government-of-chad',
      'les forces spéciales françaises -> military-forces-of-france',
      'Minusma -> minusma',
    ]);
  });

  it('reads a unit written with its common noun in lower case ("la katiba Macina", "l\'opération Barkhane"), and no place or article as an actor', () => {
    const text = "La zone de Bankass est régulièrement ciblée par la katiba Macina, selon des sources locales, et l'opération Barkhane a pris fin en 2022. Les mercenaires du groupe Wagner compteraient environ 2 000 hommes dans le pays.";
    const m = actorsOf(text);
    expect(m.find((x) => x.text === 'katiba Macina')?.actorId).toBe('katiba-macina');
    expect(m.find((x) => x.text === 'opération Barkhane')?.actorId).toBe('operation-barkhane');
    expect(m.map((x) => x.text)).not.toContain('Bankass');
    expect(m.map((x) => x.text)).not.toContain('Les');
  });

  it('settles "l\'armée" alone by the country the text is about', () => {
    const text = "Des jihadistes ont attaqué un poste militaire malien près de Ménaka. Les autorités maliennes ont décrété un deuil national, et l'armée a lancé une opération dans la région.";
    const m = actorsOf(text);
    expect(m.find((x) => x.text === "l'armée")?.actorId).toBe('military-forces-of-mali');
    expect(m.find((x) => x.text === 'Les autorités maliennes')?.actorId).toBe('government-of-mali');
  });

  it('reads described parties with the adjective after the noun ("des hommes armés", "des civils")', () => {
    const m = actorsOf('Des hommes armés ont tué au moins 12 civils près de Djibo. Les jihadistes ont ensuite enlevé des villageois.');
    expect(m.find((x) => x.text === 'Des hommes armés')?.name).toBe('unidentified armed group');
    expect(m.find((x) => x.text === 'civils')?.name).toBe('civilians');
    expect(m.find((x) => x.text === 'Les jihadistes')?.name).toBe('jihadists');
    expect(m.find((x) => x.text === 'des villageois')?.name).toBe('civilians');
  });

  it('takes the country or capital named right after ("the defence ministry in Moscow")', () => {
    const m = actorsOf("French forces left Mali in August 2022. Russia's Africa Corps, which is controlled by the defence ministry in Moscow, replaced them.");
    expect(m.filter((x) => x.rule.startsWith('bare-force')).map((x) => `${x.text} -> ${x.actorId}`)).toEqual(['the defence ministry -> ministry-of-defence-of-russia']);
  });

  it('"security forces" in a story filed from a capital the text names are that country\'s, though a foreign force is named more', () => {
    const m = actorsOf("NIAMEY, Aug 20 (AP) — Police in Niger's capital fired tear gas at protesters demanding that French troops leave. French soldiers are stationed in Niamey, and France refuses to withdraw them.\n\nOn Thursday, security forces detained a journalist, his employer said.");
    expect(m.filter((x) => x.text === 'security forces').map((x) => x.actorId)).toEqual(['military-forces-of-niger']);
  });
});
