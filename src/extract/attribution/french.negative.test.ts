import { describe, expect, it } from 'vitest';
import type { SourceMention } from '../../model.js';
import { sourcesOf } from '../stages/sources.fixtures.js';

function sources(text: string): SourceMention[] {
  return sourcesOf(text).sources;
}

describe('sources stage: French words that look like cues but are not', () => {
  it('"selon" not followed by a source', () => {
    expect(sources('Le retrait des troupes se déroulera selon le calendrier fixé par les autorités de transition.')).toEqual([]);
    expect(sources('Les patrouilles varient selon les saisons et selon que la route est praticable ou non.')).toEqual([]);
  });

  it('nouns and adjectives that are verb forms elsewhere', () => {
    expect(sources("L'annonce du retrait a surpris les habitants de Ménaka.")).toEqual([]);
    expect(sources("Aucune date précise n'a été fixée pour la reprise des pourparlers.")).toEqual([]);
  });

  it('an act, not speech: "a déclaré l\'état d\'urgence", "condamné à mort", "a assuré la sécurité"', () => {
    expect(sources("Le gouvernement a déclaré l'état d'urgence dans la région de Tillabéri.")).toEqual([]);
    expect(sources("Le chef du groupe a été condamné à mort par contumace.")).toEqual([]);
    expect(sources("Une escorte militaire a assuré la sécurité du convoi jusqu'à Gao.")).toEqual([]);
  });

  it('"aurait pu" is a possibility and a conditional after "si" a counterfactual: no hedge', () => {
    expect(sources("L'attaque aurait pu faire bien plus de victimes.")).toEqual([]);
    expect(sources("Si les renforts n'étaient pas arrivés, les assaillants auraient tué des dizaines de villageois.")).toEqual([]);
  });

  it('English text is read with the English cues only', () => {
    const found = sources('The army said in a statement that 12 soldiers were killed near Gao, according to local officials.');
    expect(found.map((s) => s.rule).sort()).toEqual(['according-to-final', 'subject']);
  });
});
