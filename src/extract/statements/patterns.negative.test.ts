import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

function predicates(text: string): string[] {
  return extract(documentFromText(text, '2025-06-06')).statements.map((s) => s.predicate);
}

describe('statements: negative cases', () => {
  it('a place is no ally: "close to the Algerian border", "linked to Gao"', () => {
    expect(predicates('Russian mercenaries suffered heavy losses in fighting with Tuareg separatists near Tinzaouaten, close to the Algerian border, the rebels said.')).not.toContain('affiliated_with');
    expect(predicates('The Ansongo camp, linked to Gao by a paved road, was attacked on Monday.')).not.toContain('affiliated_with');
  });
  it('"its commander" with two groups before it names no group', () => {
    const st = extract(documentFromText('JNIM said it had attacked a Wagner convoy, killing its commander Dmitri Sytii.', '2025-06-06')).statements;
    expect(st.filter((x) => x.predicate === 'leader_of')).toEqual([]);
  });
  it('"backed by" a vote is no sponsor', () => {
    expect(predicates('The resolution, backed by a large majority, passed on Monday.')).not.toContain('backed_by');
  });
  it('an announcement of an act is no claim ("announced its departure")', () => {
    expect(predicates('The Wagner Group announced its departure from Mali.')).not.toContain('claims');
  });
  it('a possessive leader phrase is leadership, not a role title', () => {
    expect(predicates('The death of Wagner’s leader, Yevgeny Prigozhin, shook the group.')).not.toContain('role');
  });
  it('numbers of people that are not a force are no strength', () => {
    expect(predicates('About 2,000 people remain in the camp at Mbera.')).not.toContain('strength');
  });
  it('a person led by another is no leadership of a group, and a power grab without a named taker gives none', () => {
    expect(predicates('The delegation, led by a minister, arrived in Bamako on Monday.')).not.toContain('leader_of');
    expect(predicates('The military seized power in Niger in July 2023.')).not.toContain('leader_of');
  });
  it('being in a country without a start gives no dated presence', () => {
    expect(predicates('Wagner Group fighters have been in Mali for a long time.')).not.toContain('present_in');
  });

  it('a person replacing another, or a thing replacing a thing, is no organisation succession', () => {
    expect(predicates('Captain Ibrahim Traoré replaced Paul-Henri Damiba as head of the junta in 2022.')).not.toContain('present_in');
    expect(predicates('The new constitution replaced the 1992 charter.')).not.toContain('successor_of');
  });

  it('members a country or a party counts are no armed group\'s strength', () => {
    expect(predicates('The party has 3,000 members.')).not.toContain('strength');
    expect(predicates('Mali has 20 million people, and its fighters number unknown.')).not.toContain('strength');
  });
  it('a quote before "affirme le communiqué" is claimed by no party named inside it', () => {
    const st = extract(documentFromText('"La riposte vigoureuse des forces de défense et de sécurité a permis de neutraliser plus d\'une centaine de terroristes", affirme le communiqué, un bilan qu\'il n\'a pas été possible de vérifier.', '2024-12-11')).statements;
    expect(st.filter((x) => x.predicate === 'claims' && x.subject === 'terrorists')).toEqual([]);
  });
  it('nobody claims what "No group has claimed" or "Aucun groupe n\'a revendiqué" leaves unclaimed', () => {
    expect(predicates("Aucun groupe n'a revendiqué l'enlèvement, mais la région de l'Est est l'un des bastions du Groupe de soutien à l'islam et aux musulmans, qui y impose un blocus.")).not.toContain('claims');
    expect(predicates('No group has claimed that it carried out the attack.')).not.toContain('claims');
  });
  it('an ousted or former president leads no state now', () => {
    expect(predicates('The demonstrators demanded the return of ousted President Mohamed Bazoum of Niger.')).not.toContain('leader_of');
    expect(predicates('Former President Ibrahim Boubacar Keita of Mali died in Bamako.')).not.toContain('leader_of');
  });
  it('"was named by President X" and "named Rubio or Bush for president" give no office', () => {
    expect(predicates('Gruenberg was named by President Barack Obama and confirmed by the Senate in 2012.')).not.toContain('role');
    expect(predicates('Voters named Marco Rubio or Jeb Bush for president in the poll.')).not.toContain('role');
  });
  it('a group\'s leader, a fallen one and a former one lead no state', () => {
    const st = (text: string) => extract(documentFromText(text, '2016-02-19')).statements.filter((x) => x.predicate === 'leader_of' && ['Libya', 'Chad'].includes(x.object ?? ''));
    expect(st('The operation ultimately led to the toppling of Libyan leader Muammar Qadhafi.')).toEqual([]);
    expect(st('Former Chadian president Hissène Habré died in Dakar.')).toEqual([]);
    expect(predicates("Wagner's leader, Yevgeny Prigozhin, died in a plane crash.").filter((p) => p === 'leader_of')).toHaveLength(1);
  });
  it('a claim of an incident ("claims deadly attacks on Bamako military sites") is the event\'s, not a claim statement', () => {
    expect(predicates('Al Qaeda affiliate JNIM claims deadly attacks on Bamako military sites')).not.toContain('claims');
  });
});
