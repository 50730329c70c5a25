import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';
import { gatesAreIndexed } from './patterns.js';

function statements(text: string, published: string | null = '2025-06-06') {
  return extract(documentFromText(text, published)).statements.map((s) => ({ ...s, rules: undefined }));
}

function find(list: ReturnType<typeof statements>, predicate: string) {
  return list.filter((s) => s.predicate === predicate);
}

describe('statements: general patterns on news sentences', () => {
  it('"X, backed by Y" and "Y-backed X"', () => {
    const st = statements('The Wagner Group, a paramilitary force backed by Russia, arrived in Bamako in 2021.');
    expect(find(st, 'backed_by')).toEqual([expect.objectContaining({ subject: 'Wagner Group', object: 'Russia', modality: 'asserted' })]);
  });

  it('"under the command of Y"', () => {
    const st = statements('The Africa Corps operates under the direct command of the Russian defense ministry.');
    expect(find(st, 'commanded_by')[0]).toMatchObject({ subject: 'Africa Corps', object: 'Ministry of Defence of Russia' });
  });

  it('"tied to Y" gives affiliated_with', () => {
    const st = statements('Fighters tied to al-Qaida attacked a checkpoint near Boni on Monday.');
    expect(find(st, 'affiliated_with')[0]).toMatchObject({ object: 'al-Qaida' });
  });

  it('"X leader Y" and "President Y" give leader_of', () => {
    const st = statements('JNIM leader Iyad Ag Ghaly called for talks with the junta.');
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Iyad Ag Ghaly' });
  });

  it('"about N fighters remain in Z" gives an estimated strength at the publication date, with its source', () => {
    const st = statements('About 1,500 Russian instructors remain in Mali, according to diplomats.');
    expect(find(st, 'strength')[0]).toMatchObject({ object: 'ML', value: { best: 1500, approximate: true }, at: '2025-06-06', modality: 'estimated', attributedTo: 'diplomats' });
  });

  it('"the death of X\'s leader, Y, in a plane crash in 2023" gives died and closes leader_of', () => {
    const st = statements('Following the death of Wagner’s leader, Yevgeny Prigozhin, in a plane crash in 2023, Russia took control of its units.');
    expect(find(st, 'died')[0]).toMatchObject({ subject: 'Yevgeny Prigozhin', value: 'plane crash', at: '2023' });
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Yevgeny Prigozhin', object: 'Wagner Group', to: '2023' });
  });

  it('a role title before a name, and a role in apposition', () => {
    expect(find(statements("Nigeria's army spokesman, Onyema Nwachukwu, said troops had repelled the attack."), 'role')).toContainEqual(expect.objectContaining({ subject: 'Onyema Nwachukwu', value: "Nigeria's army spokesman" }));
    const st = statements('Security analyst Jane Mwangi said the army would struggle. The spokesman for the army, Souleymane Dembélé, denied it.');
    const roles = find(st, 'role');
    expect(roles).toContainEqual(expect.objectContaining({ subject: 'Jane Mwangi', value: 'security analyst' }));
    expect(roles).toContainEqual(expect.objectContaining({ subject: 'Souleymane Dembélé', value: 'spokesman for the army' }));
  });

  it('"X, part of Y" and "NAME, a member of Y"', () => {
    const st = statements('Katiba Macina, part of JNIM, attacked the town. Amadou Koufa, a senior member of JNIM, called for jihad.');
    expect(find(st, 'part_of')[0]).toMatchObject({ object: expect.stringMatching(/Nusrat|JNIM/) });
    expect(find(st, 'member_of')[0]).toMatchObject({ subject: 'Amadou Koufa', object: expect.stringMatching(/Nusrat|JNIM/) });
  });

  it('a claim with its quote and channel', () => {
    const st = statements('In a message on Telegram, the Wagner Group proclaimed: “Mission accomplished.”');
    expect(find(st, 'claims')[0]).toMatchObject({ subject: 'Wagner Group', value: 'Mission accomplished.', modality: 'claimed', attributedTo: 'Wagner Group', channel: 'telegram' });
  });
  it('"X, led by General Y since T" and "Y leads X" give leader_of with its start', () => {
    const st = statements("Niger's military junta, led by General Abdourahamane Tiani since the July 2023 coup, ordered the withdrawal of U.S. troops.");
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Abdourahamane Tiani', object: 'Government of Niger', from: '2023-07' });
    expect(find(statements('Iyad Ag Ghaly leads JNIM, the largest jihadist alliance in the Sahel.'), 'leader_of')[0]).toMatchObject({ subject: 'Iyad Ag Ghaly', object: "Jama'at Nusrat al-Islam wal-Muslimin" });
  });

  it('"Y seized power in Z in T, ousting W" gives both leaderships and the succession', () => {
    const st = statements('Captain Ibrahim Traore seized power in Burkina Faso in September 2022, ousting Lieutenant Colonel Paul-Henri Sandaogo Damiba.');
    expect(find(st, 'leader_of')).toEqual([
      expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Burkina Faso', from: '2022-09' }),
      expect.objectContaining({ subject: 'Paul-Henri Sandaogo Damiba', object: 'Burkina Faso', to: '2022-09' }),
    ]);
    expect(find(st, 'successor_of')[0]).toMatchObject({ subject: 'Ibrahim Traoré', object: 'Paul-Henri Sandaogo Damiba', from: '2022-09' });
  });

  it('"X fighters have been in Y since T" and "X troops arrived in Y in T" give present_in from T', () => {
    expect(find(statements('Wagner Group fighters have been in Mali since December 2021.'), 'present_in')[0]).toMatchObject({ subject: 'Wagner Group', object: 'ML', from: '2021-12' });
    expect(find(statements('Africa Corps troops arrived in Mali in January 2024.'), 'present_in')[0]).toMatchObject({ subject: 'Africa Corps', object: 'ML', from: '2024-01' });
  });

  it('"N Africa Corps personnel are deployed in Y" names the force as the subject of the strength', () => {
    const st = statements('Around 1,500 Africa Corps personnel are deployed in Mali, according to a Western diplomat.');
    expect(find(st, 'strength')[0]).toMatchObject({ subject: 'Africa Corps', object: 'ML', value: { best: 1500, approximate: true }, modality: 'estimated', attributedTo: 'a Western diplomat' });
  });
  it('reads the same leaderships in French: "a pris le pouvoir … en renversant", "dirigée par … depuis", "dirige"', () => {
    const st = statements("Le capitaine Ibrahim Traoré a pris le pouvoir au Burkina Faso en septembre 2022 en renversant le lieutenant-colonel Paul-Henri Sandaogo Damiba. La junte nigérienne, dirigée par le général Abdourahamane Tiani depuis juillet 2023, a exigé le départ des troupes françaises. Iyad Ag Ghaly dirige le JNIM depuis 2017.");
    expect(find(st, 'leader_of').map((s) => [s.subject, s.object, s.from ?? null, s.to ?? null])).toEqual([
      ['Ibrahim Traoré', 'Burkina Faso', '2022-09', null],
      ['Paul-Henri Sandaogo Damiba', 'Burkina Faso', null, '2022-09'],
      ['Abdourahamane Tiani', 'Government of Niger', '2023-07', null],
      ['Iyad Ag Ghaly', "Jama'at Nusrat al-Islam wal-Muslimin", '2017', null],
    ]);
    expect(find(st, 'successor_of')).toHaveLength(1);
  });
  it('"Forces killed Y, the leader of X, in a drone strike in T" gives died with its cause and date, and the leadership it ends', () => {
    const st = statements('French forces killed Adnan Abu Walid al-Sahrawi, the leader of the Islamic State in the Greater Sahara, in a drone strike in August 2021, President Emmanuel Macron announced.');
    expect(find(st, 'died')[0]).toMatchObject({ subject: 'Adnan Abu Walid al-Sahrawi', value: 'drone strike', at: '2021-08', modality: 'reported' });
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Adnan Abu Walid al-Sahrawi', object: 'Islamic State in the Greater Sahara' });
  });
  it('"W, formed by X, Y and Z in T" and "X, Y and Z are members of W" give member_of; a withdrawal from a country ends a presence', () => {
    const formed = statements('The Alliance of Sahel States (AES), formed by Mali, Burkina Faso and Niger in September 2023, announced its withdrawal from ECOWAS.');
    expect(find(formed, 'member_of').map((s) => [s.subject, s.object, s.from])).toEqual([
      ['Mali', 'Alliance of Sahel States', '2023-09'],
      ['Burkina Faso', 'Alliance of Sahel States', '2023-09'],
      ['Niger', 'Alliance of Sahel States', '2023-09'],
    ]);
    // leaving ECOWAS is no withdrawal from any of the countries named
    expect(find(formed, 'present_in')).toEqual([]);
    const fr = statements("L'Alliance des États du Sahel, créée par le Mali, le Burkina Faso et le Niger en septembre 2023, a quitté la CEDEAO.");
    expect(find(fr, 'member_of').map((s) => s.subject)).toEqual(['Mali', 'Burkina Faso', 'Niger']);
    expect(find(statements('The Wagner Group withdrew from Mali in June 2025.'), 'present_in')[0]).toMatchObject({ subject: 'Wagner Group', object: 'ML', to: '2025-06' });
  });
  it('"X has about N troops in Y" gives X\'s estimated strength; "declared himself head of" a leadership', () => {
    expect(find(statements('The United States has about 1,100 troops in Niger, most of them at a drone base near Agadez.'), 'strength')[0]).toMatchObject({ subject: 'United States', object: 'NE', value: { best: 1100, approximate: true }, modality: 'estimated' });
    const coup = statements('General Abdourahamane Tchiani declared himself head of a transitional government in Niger on July 28, 2023.');
    expect(find(coup, 'leader_of')[0]).toMatchObject({ subject: 'Abdourahamane Tiani', object: 'Niger', from: '2023-07-28' });
  });

  it('an organisation replacing another: successor_of, and the presences it bounds in the country named', () => {
    const st = statements("Russia's Africa Corps, which replaced the Wagner Group in Mali in June, has about 2,500 men in the country, according to diplomats.", '2024-08-14');
    expect(find(st, 'successor_of')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'Wagner Group', from: '2024-06' })]);
    const presence = find(st, 'present_in');
    expect(presence).toContainEqual(expect.objectContaining({ subject: 'Africa Corps', object: 'ML', from: '2024-06' }));
    expect(presence).toContainEqual(expect.objectContaining({ subject: 'Wagner Group', object: 'ML', to: '2024-06' }));
    // the strength after the aside, in "the country" the sentence named
    expect(find(st, 'strength')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'ML', value: { best: 2500, approximate: true }, modality: 'estimated', attributedTo: 'diplomats' })]);
  });

  it('a person replacing another is the successor, with no presence', () => {
    const st = statements('Captain Ibrahim Traoré replaced Paul-Henri Damiba as head of the junta in September 2022.');
    expect(find(st, 'successor_of')).toEqual([expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Paul-Henri Sandaogo Damiba', from: '2022-09' })]);
    expect(find(st, 'present_in')).toEqual([]);
  });

  it('an organisation replaced by another, in English and French', () => {
    expect(find(statements('The Wagner Group was replaced by the Africa Corps in Mali in June 2024.'), 'successor_of')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'Wagner Group', from: '2024-06' })]);
    expect(find(statements("L'Africa Corps a remplacé le groupe Wagner au Mali en juin.", '2024-08-14'), 'successor_of')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'Wagner Group', from: '2024-06' })]);
  });

  it('"Y\'s (local) affiliate/branch/province, X" and "X, Y\'s branch" give affiliated_with, asserted by the writer', () => {
    const a = statements("No group has claimed responsibility for the attack, but fighters linked to al Qaeda's local affiliate, JNIM, are active in the area.");
    expect(find(a, 'affiliated_with')).toContainEqual(expect.objectContaining({ subject: "Jama'at Nusrat al-Islam wal-Muslimin", object: 'al-Qaida', modality: 'asserted' }));
    // nobody claims anything here
    for (const st of a) expect(st.modality).not.toBe('claimed');
    const b = statements("JNIM, al-Qaida's branch in the Sahel, claimed the attack.");
    expect(find(b, 'affiliated_with')).toEqual([expect.objectContaining({ subject: "Jama'at Nusrat al-Islam wal-Muslimin", object: 'al-Qaida', modality: 'asserted' })]);
    const c = statements("The Islamic State's West African province, ISWAP, attacked Monguno.");
    expect(find(c, 'affiliated_with')).toEqual([expect.objectContaining({ subject: 'Islamic State West Africa Province', object: 'Islamic State' })]);
  });

  it('"<country> has been ruled since T by P" and "T ousted President B in <month>": leaderships with their bounds', () => {
    const st = statements('Burkina Faso has been ruled since September 2022 by Captain Ibrahim Traoré, who came to power in a coup and has since turned to Russia for security support. In neighbouring Niger, General Abdourahamane Tiani ousted President Mohamed Bazoum in July 2023.', '2024-09-08');
    const leaders = find(st, 'leader_of');
    expect(leaders).toContainEqual(expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Burkina Faso', from: '2022-09' }));
    expect(leaders).toContainEqual(expect.objectContaining({ subject: 'Abdourahamane Tiani', object: 'Niger', from: '2023-07' }));
    // the title ("President Mohamed Bazoum") and the end of his rule make one statement
    expect(leaders).toContainEqual(expect.objectContaining({ subject: 'Mohamed Bazoum', object: 'Niger', to: '2023-07' }));
    expect(find(st, 'successor_of')).toContainEqual(expect.objectContaining({ subject: 'Abdourahamane Tiani', object: 'Mohamed Bazoum', from: '2023-07' }));
    // a partner named after the cue is not the state ("turned to Russia")
    expect(leaders.map((l) => l.object)).not.toContain('Russia');
  });

  it('"Y-linked X" names Y as the knowledge base does', () => {
    const st = statements('The al-Qaeda-linked Group to Support Islam and Muslims (GSIM) claimed the attack.');
    expect(find(st, 'affiliated_with')).toContainEqual(expect.objectContaining({ subject: "Jama'at Nusrat al-Islam wal-Muslimin", object: 'al-Qaida' }));
  });

  it('French affiliations: "X, affiliée au Y", "Y, lié à Z"', () => {
    const st = statements("La zone est régulièrement ciblée par la katiba Macina, affiliée au Groupe de soutien à l'islam et aux musulmans (GSIM), lié à Al-Qaïda.");
    expect(find(st, 'affiliated_with')).toEqual([
      expect.objectContaining({ subject: 'Katiba Macina', object: "Jama'at Nusrat al-Islam wal-Muslimin" }),
      expect.objectContaining({ subject: "Jama'at Nusrat al-Islam wal-Muslimin", object: 'al-Qaida' }),
    ]);
  });

  it('a group\'s own strength: "Its fighters number between A and B" (the group of the sentence before), "X has an estimated N fighters"', () => {
    const a = statements('ISWAP split from Boko Haram in 2016. Its fighters number between 3,000 and 5,000, according to a 2023 estimate by the International Crisis Group.');
    expect(find(a, 'strength')).toEqual([expect.objectContaining({ subject: 'Islamic State West Africa Province', object: null, value: { low: 3000, high: 5000, approximate: true }, modality: 'estimated', attributedTo: 'International Crisis Group' })]);
    const b = statements('JNIM has an estimated 6,000 fighters.');
    expect(find(b, 'strength')).toEqual([expect.objectContaining({ subject: "Jama'at Nusrat al-Islam wal-Muslimin", value: { best: 6000, approximate: true } })]);
  });

  it('French strengths: "X compterait environ N hommes au Mali", "X dispose d\'environ N hommes dans le pays"', () => {
    const a = statements("Le groupe Wagner compterait environ 2 000 hommes au Mali, selon des diplomates. L'armée malienne a démenti.");
    expect(find(a, 'strength')).toEqual([expect.objectContaining({ subject: 'Wagner Group', object: 'ML', value: { best: 2000, approximate: true }, modality: 'estimated', attributedTo: 'des diplomates' })]);
    const b = statements("Le Mali s'est tourné vers la Russie. L'Africa Corps dispose d'environ 2 500 hommes dans le pays, selon des sources sécuritaires.");
    expect(find(b, 'strength')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'ML', value: { best: 2500, approximate: true } })]);
  });

  it('a count the sentence opens: "N instructors from the Africa Corps have been deployed in", "Environ N mercenaires russes sont déployés au"', () => {
    const a = statements('About 1,000 Russian instructors from the Africa Corps have been deployed in Niger since April, according to a security source.', '2024-06-12');
    expect(find(a, 'strength')).toEqual([expect.objectContaining({ subject: 'Africa Corps', object: 'NE', value: { best: 1000, approximate: true }, modality: 'estimated', attributedTo: 'a security source' })]);
    const b = statements('Environ 2 000 mercenaires russes sont déployés au Mali depuis fin 2021, selon des sources sécuritaires.', '2024-06-12');
    expect(find(b, 'strength')).toEqual([expect.objectContaining({ subject: 'mercenaires russes au Mali', object: 'ML', value: { best: 2000, approximate: true }, attributedTo: 'des sources sécuritaires' })]);
  });

  it('"the junta, led by P" and "la junte dirigée par P": P leads the government of the country the text is about', () => {
    const a = statements('Gunmen killed 15 soldiers in western Niger. The junta, led by General Abdourahamane Tiani, has expelled French troops.', '2024-06-12');
    expect(find(a, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Abdourahamane Tiani', object: 'Government of Niger' })]);
    const b = statements('Les jihadistes ont attaqué Boulkessi au Mali. La junte dirigée par le colonel Assimi Goïta a rompu avec la France.', '2024-06-12');
    expect(find(b, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Assimi Goïta', object: 'Government of Mali' })]);
    // a junta named by its country's adjective is that country's, whatever the text was about before
    const c = statements('Wagner fighters left Mali in June. The Burkinabe junta, led by Captain Ibrahim Traoré, welcomed Russian instructors.', '2024-06-12');
    expect(find(c, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Government of Burkina Faso' })]);
  });

  it('"its commander P" after the one group of the sentence: P leads that group', () => {
    const st = statements('Wagner acknowledged losses in a rare statement on Telegram, saying its commander Sergei Shevchenko had been killed.', '2024-07-29');
    expect(find(st, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Sergei Shevchenko', object: 'Wagner Group', attributedTo: 'Wagner Group' })]);
  });

  it('a country "led since T by P" ("dirigé depuis T par P"): P leads it from T', () => {
    const fr = statements("Le Burkina Faso, dirigé depuis septembre 2022 par le capitaine Ibrahim Traoré, est confronté depuis 2015 aux violences de groupes affiliés à Al-Qaïda.", '2024-06-10');
    expect(find(fr, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Burkina Faso', from: '2022-09' })]);
    // the country is no actor of its own, and it is not what the unnamed groups are affiliated with
    expect(find(fr, 'affiliated_with')).toEqual([]);
    const en = statements('Burkina Faso, led since September 2022 by Captain Ibrahim Traoré, has faced violence by jihadists.', '2024-06-10');
    expect(find(en, 'leader_of')).toEqual([expect.objectContaining({ subject: 'Ibrahim Traoré', object: 'Burkina Faso', from: '2022-09' })]);
  });

  it('withdrawals end presences: the place left, and one per clause ("X left Mali in 2022, and Y wrapped up its operations in Mali in 2023")', () => {
    const st = statements('The United States completed the withdrawal of its troops from Niger in September 2024. French forces left Mali in August 2022 after nine years, and the U.N. peacekeeping mission MINUSMA wrapped up its operations in Mali in December 2023.', '2025-06-10');
    expect(find(st, 'present_in').map((x) => [x.subject, x.object, x.to])).toEqual([
      ['Military Forces of the United States', 'NE', '2024-09'],
      ['Military Forces of France', 'ML', '2022-08'],
      ['MINUSMA', 'ML', '2023-12'],
    ]);
  });

  it('every sentence gate reduces to literal strings, so a document is read once for all of them', () => {
    expect(gatesAreIndexed()).toBe(true);
  });

  it('"X, Y and Z formed W in T" ("ont créé"): each founder a member of W from T', () => {
    for (const text of ['Mali, Burkina Faso and Niger formed the Alliance of Sahel States (AES) in September 2023 and left ECOWAS in January 2024.', "Le Mali, le Burkina Faso et le Niger ont créé l'Alliance des Etats du Sahel (AES) en septembre 2023."]) {
      expect(find(statements(text, '2025-01-30'), 'member_of').map((x) => [x.subject, x.object, x.from])).toEqual([
        ['Mali', 'Alliance of Sahel States', '2023-09'],
        ['Burkina Faso', 'Alliance of Sahel States', '2023-09'],
        ['Niger', 'Alliance of Sahel States', '2023-09'],
      ]);
    }
  });

  it('"les États-Unis, dont environ 1 000 soldats sont déployés au Niger": the strength of that country\'s army, said by the junta', () => {
    const st = statements("NIAMEY (AFP) - Le régime militaire nigérien a annoncé lundi la fin de la coopération militaire avec les États-Unis, dont environ 1 000 soldats sont déployés au Niger.", '2024-03-18');
    expect(find(st, 'strength')).toEqual([expect.objectContaining({ subject: 'Military Forces of the United States', object: 'NE', value: { best: 1000, approximate: true }, attributedTo: 'Le régime militaire nigérien' })]);
  });

  it('a withdrawal "du pays" / "from the country" ends the presence in the country the event is placed in', () => {
    const st = statements("La Minusma, la mission de l'ONU au Mali, a achevé son retrait du pays le 31 décembre 2023, à la demande de la junte.", '2024-01-05');
    expect(find(st, 'present_in')).toEqual([expect.objectContaining({ subject: 'MINUSMA', object: 'ML', to: '2023-12-31' })]);
  });

  it('an appointment: the office from the day of the decree, the forces it commands, and the one it replaces (English and French)', () => {
    const en = extract(documentFromText("Niger's military leader, General Abdourahamane Tiani, appointed General Moussa Salaou Barmou as army chief of staff on Thursday, replacing General Salifou Mody, according to a decree read on state television.", '2023-08-25')).statements;
    expect(en).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: 'Moussa Salaou Barmou', predicate: 'role', value: 'army chief of staff', from: '2023-08-24' }),
      expect.objectContaining({ subject: 'Military Forces of Niger', predicate: 'commanded_by', object: 'Moussa Salaou Barmou', from: '2023-08-24' }),
      expect.objectContaining({ subject: 'Moussa Salaou Barmou', predicate: 'successor_of', object: 'Salifou Mody' }),
    ]));
    const fr = extract(documentFromText("Le chef du régime militaire nigérien, le général Abdourahamane Tiani, a nommé le général Moussa Salaou Barmou chef d'état-major des armées, en remplacement du général Salifou Mody, selon un décret lu jeudi soir à la télévision publique.", '2023-08-25')).statements;
    expect(fr).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: 'Moussa Salaou Barmou', predicate: 'role', value: "chef d'état-major des armées" }),
      expect.objectContaining({ subject: 'Military Forces of Niger', predicate: 'commanded_by', object: 'Moussa Salaou Barmou' }),
      expect.objectContaining({ subject: 'Moussa Salaou Barmou', predicate: 'successor_of', object: 'Salifou Mody' }),
    ]));
  });
  it('a count of men who arrived is the strength they brought, in English and French ("une centaine d\'instructeurs")', () => {
    const en = extract(documentFromText('About 100 Russian instructors from the Africa Corps arrived in Niger in April 2024, state television said.', '2024-06-01')).statements;
    expect(en).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'Africa Corps', predicate: 'strength', object: 'NE', value: { best: 100, approximate: true }, at: '2024-04' })]));
    const fr = extract(documentFromText("Selon la télévision d'État, une centaine d'instructeurs russes de l'Africa Corps sont arrivés au Niger en avril 2024.", '2024-06-01')).statements;
    expect(fr).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: 'Africa Corps', predicate: 'present_in', object: 'NE', from: '2024-04' }),
      expect.objectContaining({ subject: 'Africa Corps', predicate: 'strength', value: { best: 100, approximate: true } }),
    ]));
  });

  it('a head of state described before the name: "Niger\'s military leader, General X", "the Burkinabe junta leader X", "le chef du régime militaire nigérien, le général X"', () => {
    const led = (text: string) => extract(documentFromText(text, '2024-06-01')).statements.filter((x) => x.predicate === 'leader_of').map((x) => `${x.subject} -> ${x.object}`);
    expect(led("Niger's military leader, General Abdourahamane Tiani, visited Moscow on Monday.")).toContain('Abdourahamane Tiani -> Niger');
    expect(led('The Burkinabe junta leader Ibrahim Traore spoke in Ouagadougou.')).toContain('Ibrahim Traoré -> Burkina Faso');
    expect(led("Mali's interim president, Colonel Assimi Goita, met the Russian ambassador in Bamako on Monday.")).toContain('Assimi Goïta -> Mali');
    expect(led("Le chef du régime militaire nigérien, le général Abdourahamane Tiani, s'est rendu à Moscou lundi.")).toContain('Abdourahamane Tiani -> Niger');
    expect(led("Le chef de la junte malienne, le colonel Assimi Goïta, a reçu l'ambassadeur russe lundi à Bamako.")).toContain('Assimi Goïta -> Mali');
  });

  it('a profile of groups: "It is led by X" is the group before, "X, commanded by Y, is part of Z", "formed … through the merger of A, B and C", and "the group has between 2,000 and 3,000 fighters"', () => {
    const st = (text: string) => extract(documentFromText(text, '2025-01-10')).statements.map((x) => `${x.subject} ${x.predicate} ${x.object ?? ''} ${x.value ? JSON.stringify(x.value) : ''}`.trim());
    expect(st('JNIM was formed in 2017. It is led by Iyad Ag Ghaly, a Tuareg veteran of the 1990s rebellions.')).toContain("Iyad Ag Ghaly leader_of Jama'at Nusrat al-Islam wal-Muslimin");
    expect(st('The Katiba Macina, commanded by the Fulani preacher Amadou Koufa, is part of JNIM and operates mainly in central Mali.')).toContain("Katiba Macina part_of Jama'at Nusrat al-Islam wal-Muslimin");
    const merger = st('JNIM was formed in 2017 through the merger of Ansar Dine, the Macina Liberation Front, al-Mourabitoun and the Sahara branch of al Qaeda in the Islamic Maghreb.');
    expect(merger).toEqual(expect.arrayContaining(["Ansar Dine member_of Jama'at Nusrat al-Islam wal-Muslimin", "al-Mourabitoun member_of Jama'at Nusrat al-Islam wal-Muslimin"]));
    expect(merger.some((x) => x.includes('affiliated_with'))).toBe(false);
    expect(st('The Islamic State Sahel Province is active in Mali. The United Nations estimates that the group has between 2,000 and 3,000 fighters.')).toContain('Islamic State Sahel Province strength  {"low":2000,"high":3000,"approximate":true}');
  });
});
