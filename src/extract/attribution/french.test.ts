import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { extract } from '../pipeline.js';
import type { SourceMention } from '../../model.js';
import { sourcesOf } from '../stages/sources.fixtures.js';

/** The tokens and sources stages only, on a text that must read as a French document. */
function sources(text: string): SourceMention[] {
  const { doc, sources } = sourcesOf(text);
  expect(doc.language).toBe('fr');
  return sources;
}

function only(text: string, cue: string): SourceMention {
  const found = sources(text).filter((s) => s.cue.text.toLowerCase().includes(cue.toLowerCase()));
  expect(found, `one "${cue}" cue in: ${text}`).toHaveLength(1);
  return found[0];
}

describe('sources stage: French reporting', () => {
  it('"selon un rapport … publié vendredi" at the end is still a final source; an acronym in brackets closes a subject', () => {
    const s = only("L'armée malienne a exécuté environ 500 personnes à Moura en mars 2022, selon un rapport de l'ONU publié vendredi.", 'selon');
    expect(s.content?.text).toContain("L'armée malienne a exécuté");
    const claim = only('Le 26 juillet 2024, des rebelles touareg du Cadre stratégique permanent (CSP) ont affirmé avoir tué des dizaines de soldats maliens.', 'ont affirmé');
    expect(claim.source?.text).toBe('des rebelles touareg du Cadre stratégique permanent (CSP)');
  });

  it('"selon X" after the claim: the source after the cue, the content before it', () => {
    const s = only("Au moins quinze soldats ont été tués mardi dans l'attaque du poste de Boulkessi, selon des sources sécuritaires.", 'selon');
    expect(s.source?.text).toBe('des sources sécuritaires');
    expect(s.content?.text).toBe("Au moins quinze soldats ont été tués mardi dans l'attaque du poste de Boulkessi");
    expect(s.cueType).toBe('report');
  });

  it('"selon X" set off by commas inside the sentence speaks for the whole of it', () => {
    const s = only("Des hommes armés ont attaqué le village de Djibo, selon l'armée burkinabè, tuant douze soldats.", 'selon');
    expect(s.source?.text).toBe("l'armée burkinabè");
    expect(s.content?.text).toContain('Des hommes armés ont attaqué');
    expect(s.content?.text).toContain('tuant douze soldats');
  });

  it('"d\'après X" opening the sentence, with a curly apostrophe', () => {
    const s = only('D’après un élu local, les assaillants sont arrivés à moto en fin de journée et ont incendié le marché.', 'après');
    expect(s.source?.text).toBe('un élu local');
    expect(s.content?.text).toBe('les assaillants sont arrivés à moto en fin de journée et ont incendié le marché');
  });

  it('"de source sécuritaire": the phrase "source" heads is the source', () => {
    const s = only("De source sécuritaire, une vingtaine de jihadistes ont été neutralisés près de Tessit.", 'de');
    expect(s.source?.text).toBe('source sécuritaire');
    expect(s.content?.text).toContain('une vingtaine de jihadistes');
  });

  it('"a appris l\'AFP de sources locales": the outlet learnt it from the sources named after', () => {
    const found = sources("Des hommes armés ont enlevé dimanche trois ressortissants chinois près de Kéniéba, a appris l'AFP de sources locales.").filter((x) => x.source?.text === 'sources locales');
    expect(found).toHaveLength(1);
    expect(found[0].content?.text).toContain('trois ressortissants chinois');
  });

  it('subject, auxiliary and participle: "X a affirmé avoir …", a claim', () => {
    const s = only("Le gouvernement de transition a affirmé avoir repris le contrôle de la localité de Léré.", 'affirmé');
    expect(s.source?.text).toBe('Le gouvernement de transition');
    expect(s.cue.text).toBe('a affirmé');
    expect(s.content?.text).toBe('avoir repris le contrôle de la localité de Léré');
    expect(s.cueType).toBe('claim');
  });

  it('"que" opens the content, after a channel phrase', () => {
    const s = only("L'état-major général des armées a indiqué dans un communiqué que deux soldats avaient été blessés.", 'indiqué');
    expect(s.source?.text).toBe("L'état-major général des armées");
    expect(s.content?.text).toBe('deux soldats avaient été blessés');
    expect(s.channel).toBe('statement');
  });

  it('an inverted aside: "…, a indiqué X dans un communiqué"', () => {
    const s = only("Les terroristes ont été mis en déroute, a indiqué l'armée burkinabè dans un communiqué.", 'indiqué');
    expect(s.source?.text).toBe("l'armée burkinabè");
    expect(s.content?.text).toBe('Les terroristes ont été mis en déroute');
    expect(s.rule).toBe('fr-inverted');
    expect(s.channel).toBe('statement');
  });

  it('"a-t-il déclaré" and "précise-t-elle": the pronoun inside the token is the source', () => {
    const s = only("Le ministre de la Défense s'est rendu à Kidal. « Nous ne céderons pas un pouce du territoire », a-t-il déclaré devant la presse.", 'déclaré');
    expect(s.source?.text).toBe('il');
    expect(s.content?.text).toBe('« Nous ne céderons pas un pouce du territoire »');
    const p = only("Le bilan de l'attaque contre le poste de gendarmerie de Tanwalbougou reste provisoire, précise-t-elle.", 'précise');
    expect(p.source?.text).toBe('elle');
  });

  it('denial and negation: "a démenti", "n\'a pas confirmé"', () => {
    expect(only("Le Front de libération de l'Azawad a démenti toute implication dans l'enlèvement.", 'démenti').cueType).toBe('denial');
    const s = only("Le ministère de la Défense n'a pas confirmé ce bilan.", 'confirmé');
    expect(s.source?.text).toBe('Le ministère de la Défense');
    expect(s.cueType).toBe('report');
  });

  it('a claim on Telegram: the channel', () => {
    const s = only("L'État islamique au Sahel a revendiqué l'embuscade sur sa chaîne Telegram.", 'revendiqué');
    expect(s.channel).toBe('telegram');
    expect(s.cueType).toBe('claim');
  });

  it('the conditional of a reported past is a hedge without a source', () => {
    const s = only('Une dizaine de civils auraient été enlevés samedi sur la route de Dori.', 'auraient');
    expect(s.cueType).toBe('hedge');
    expect(s.source).toBeNull();
    expect(s.rule).toBe('fr-conditional');
  });

  it('a present-tense cue after its subject: "L\'armée affirme avoir …"', () => {
    const s = only("L'armée affirme avoir détruit plusieurs bases logistiques des terroristes.", 'affirme');
    expect(s.source?.text).toBe("L'armée");
    expect(s.cueType).toBe('claim');
  });

  it('links the source to the actor the actors stage found, and a pronoun to the one before', () => {
    const out = extract(documentFromText("L'armée malienne a annoncé avoir neutralisé plusieurs terroristes près de Tenenkou. Elle a précisé que deux soldats avaient été blessés."));
    const announced = out.sources.find((s) => s.cue.text.includes('annoncé'));
    expect(announced?.sourceActorId).toBe('military-forces-of-mali');
    const pronoun = out.sources.find((s) => s.cue.text.includes('précisé'));
    expect(pronoun?.source?.text).toBe('Elle');
    expect(pronoun?.sourceActorId).toBe('military-forces-of-mali');
  });

  it('an inverted source past the one told: "…, a indiqué à l\'AFP un élu local", and "a-t-on appris mercredi de sources sécuritaires"', () => {
    const out = extract(documentFromText("Des hommes armés ont incendié mardi le village de Dougouba, dans le cercle de Niono, et emporté plusieurs centaines de têtes de bétail, a indiqué à l'AFP un élu local.", '2025-06-03'));
    expect(out.sources.find((s) => s.cue.text === 'a indiqué')?.source?.text).toBe('un élu local');
    const learnt = extract(documentFromText("Deux humanitaires ont été enlevés mardi dans l'est du Burkina Faso, a-t-on appris mercredi de sources sécuritaires et humanitaires.", '2025-02-12'));
    expect(learnt.sources.some((s) => s.cue.text === 'de')).toBe(true);
  });
});
