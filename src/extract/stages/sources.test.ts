import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction, type ActorMention, type Extraction, type SourceMention } from '../../model.js';
import { tokensStage } from './tokens.js';
import { sourcesStage } from './sources.js';

/** Runs the tokens and sources stages only, so these tests do not depend on the name or actor models. */
function sources(text: string, actors: ActorMention[] = []): { results: Extraction; text: string } {
  const doc = documentFromText(text);
  const results = emptyExtraction(true);
  tokensStage.run(doc, results);
  results.actors.push(...actors);
  sourcesStage.run(doc, results);
  return { results, text: doc.text };
}

function only(text: string, cue: string): SourceMention {
  const found = sources(text).results.sources.filter((s) => s.cue.text.toLowerCase().includes(cue.toLowerCase()));
  expect(found, `one "${cue}" cue in: ${text}`).toHaveLength(1);
  return found[0];
}

function actor(text: string, name: string, actorId: string): ActorMention {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, sentence: 0, stage: 'actors', rule: 'test', actorId, name, kind: 'armed-group', inter: 2, country: null, provisional: false };
}

describe('sources stage: who says so', () => {
  it('a relative clause on the source of "according to" speaks for the source, not the preposition', () => {
    const s = only('At least 20 civilians were killed near Djiguibombo on Sunday, according to local residents, who blamed the army.', 'blamed');
    expect(s.source?.text).toBe('local residents, who');
    expect(s.cueType).toBe('accusation');
  });

  it('"according to" before the claim: source after the cue, content after the comma', () => {
    const s = only('According to local officials, 12 soldiers were killed in the attack near Gao.', 'according to');
    expect(s.source?.text).toBe('local officials');
    expect(s.content?.text).toBe('12 soldiers were killed in the attack near Gao');
    expect(s.cueType).toBe('report');
    expect(s.rule).toBe('according-to-initial');
    expect(s.stage).toBe('sources');
  });

  it('a participial apposition holding a list of its own keeps its head as the source', () => {
    const src = only('The Alliance of Sahel States (AES), formed by Mali, Burkina Faso and Niger in September 2023, announced its withdrawal from ECOWAS.', 'announced');
    expect(src.source?.text).toMatch(/^The Alliance of Sahel States \(AES\), formed by Mali, Burkina Faso and Niger/);
  });

  it('"according to" after the claim: content before the comma', () => {
    const s = only('At least 30 civilians were killed in the village of Moura, according to a UN report.', 'according to');
    expect(s.source?.text).toBe('a UN report');
    expect(s.content?.text).toBe('At least 30 civilians were killed in the village of Moura');
    expect(s.channel).toBe('report');
  });

  it('"said in a statement on Facebook": the platform is the channel, the that-clause the content', () => {
    const s = only('The army said in a statement on Facebook that two soldiers were wounded near Tessit.', 'said');
    expect(s.source?.text).toBe('The army');
    expect(s.channel).toBe('facebook');
    expect(s.content?.text).toBe('that two soldiers were wounded near Tessit');
  });

  it('a claim of responsibility on Telegram', () => {
    const s = only('JNIM claimed responsibility for the ambush in a message on Telegram.', 'claimed');
    expect(s.source?.text).toBe('JNIM');
    expect(s.cueType).toBe('claim');
    expect(s.channel).toBe('telegram');
    expect(s.content?.text.startsWith('responsibility for the ambush')).toBe(true);
  });

  it('a channel phrase opening the sentence, the quotation after the cue', () => {
    const text = 'In a message on Telegram, the group proclaimed, “Our fighters have returned to their bases.”';
    const s = only(text, 'proclaimed');
    expect(s.source?.text).toBe('the group');
    expect(s.channel).toBe('telegram');
    expect(s.content?.text).toBe('“Our fighters have returned to their bases.”');
  });

  it('a denial', () => {
    const s = only('The junta denied the report on Tuesday.', 'denied');
    expect(s.source?.text).toBe('The junta');
    expect(s.cueType).toBe('denial');
    expect(s.content?.text).toBe('the report on Tuesday');
  });

  it('an accusation', () => {
    const s = only('The government accused the rebels of executing prisoners in Kidal.', 'accused');
    expect(s.source?.text).toBe('The government');
    expect(s.cueType).toBe('accusation');
    expect(s.content?.text).toBe('the rebels of executing prisoners in Kidal');
  });

  it('a title before a name, "noted that"', () => {
    const s = only('Security analyst Aïssata Konaté noted that the attacks had intensified since May.', 'noted');
    expect(s.source?.text).toBe('Security analyst Aïssata Konaté');
    expect(s.content?.text).toBe('that the attacks had intensified since May');
  });

  it('a quotation before the source: content is the quotation with its marks', () => {
    const s = only('“We will not leave,” the spokesman told Reuters.', 'told');
    expect(s.source?.text).toBe('the spokesman');
    expect(s.content?.text).toBe('“We will not leave,”');
    expect(s.rule).toBe('subject-final');
  });

  it('straight quotation marks work the same', () => {
    const s = only('"The road to Douentza is closed," a local official said.', 'said');
    expect(s.source?.text).toBe('a local official');
    expect(s.content?.text).toBe('"The road to Douentza is closed,"');
  });

  it('a quotation of several sentences after the cue runs to its closing mark', () => {
    const text = 'The colonel said: “The enemy has been pushed back. Our units hold the bridge.” The fighting continued.';
    const s = only(text, 'said');
    expect(s.source?.text).toBe('The colonel');
    expect(s.content?.text).toBe('“The enemy has been pushed back. Our units hold the bridge.”');
  });

  it('inversion: "said X, the army spokesman"', () => {
    const s = only('“The situation is under control,” said Colonel Souleymane Dembélé, the army spokesman.', 'said');
    expect(s.source?.text).toBe('Colonel Souleymane Dembélé, the army spokesman');
    expect(s.content?.text).toBe('“The situation is under control,”');
    expect(s.rule).toBe('inverted');
  });

  it("doubled apostrophes as quotation marks: ''...,'' said X", () => {
    const s = only("''The border posts were abandoned,'' said Ibrahim Maïga, a researcher in Bamako.", 'said');
    expect(s.source?.text).toBe('Ibrahim Maïga, a researcher in Bamako');
    expect(s.rule).toBe('inverted');
  });

  it('an apposition with an abbreviated title inside it', () => {
    const s = only('Amadou Koné, an adviser to Gen. Goïta and a former minister, said the talks had stalled.', 'said');
    expect(s.source?.text).toBe('Amadou Koné, an adviser to Gen. Goïta and a former minister,');
  });

  it('a participle after an opening time phrase takes the subject after the comma', () => {
    const s = only('Hours later, the ministry issued a statement, saying the curfew was lifted.', 'saying');
    expect(s.source?.text).toBe('the ministry');
  });

  it('a clause before ", X said": content is the clause', () => {
    const s = only('The convoy was ambushed near Boni on Sunday, residents said.', 'said');
    expect(s.source?.text).toBe('residents');
    expect(s.content?.text).toBe('The convoy was ambushed near Boni on Sunday');
  });

  it('an apposition between the source and the verb', () => {
    const s = only('Moussa Traoré, a spokesman for the transitional government, said the convoy had been ambushed.', 'said');
    expect(s.source?.text).toBe('Moussa Traoré, a spokesman for the transitional government,');
    expect(s.content?.text).toBe('the convoy had been ambushed');
  });

  it('a discourse adverb between commas is not an apposition', () => {
    const s = only('The army, however, denied that any civilians had been killed.', 'denied');
    expect(s.source?.text).toBe('The army');
    expect(s.content?.text).toBe('that any civilians had been killed');
  });

  it('a relative clause: the antecedent and its pronoun are the source', () => {
    const s = only('The attack was condemned by the regional bloc, which warned that the violence could spread to coastal states.', 'warned');
    expect(s.source?.text).toBe('the regional bloc, which');
    expect(s.content?.text).toBe('that the violence could spread to coastal states');
  });

  it('a relative clause on the object of a preposition reaches back over the apposition', () => {
    const s = only('Security will be ensured through the Africa Corps, a state-controlled force that has insisted nothing will change.', 'insisted');
    expect(s.source?.text).toBe('the Africa Corps, a state-controlled force that');
    expect(s.cue.text).toBe('has insisted');
    expect(s.content?.text).toBe('nothing will change');
  });

  it('a reporting verb inside a quotation belongs to the quoted speech', () => {
    const r = sources('“They told us the road was safe, and we believed them,” the driver said.').results.sources;
    expect(r.map((s) => s.cue.text)).toEqual(['said']);
    expect(r[0].content?.text).toBe('“They told us the road was safe, and we believed them,”');
  });

  it('a participle takes the main clause subject', () => {
    const text = 'The ministry published casualty figures on Monday, saying 14 soldiers had died.';
    const s = only(text, 'saying');
    expect(s.source?.text).toBe('The ministry');
    expect(s.content?.text).toBe('14 soldiers had died');
  });

  it('auxiliaries and adverbs belong to the cue', () => {
    const s = only('Witnesses have also said that the gunmen arrived on motorbikes.', 'said');
    expect(s.cue.text).toBe('have also said');
    expect(s.source?.text).toBe('Witnesses');
  });

  it('hedges: reportedly, suspected, is believed to', () => {
    const r = sources('The militants reportedly seized three villages. Suspected jihadists attacked a convoy. The commander is believed to have been killed.').results.sources;
    const byCue = new Map(r.map((s) => [s.cue.text.toLowerCase(), s]));
    expect(byCue.get('reportedly')?.cueType).toBe('hedge');
    expect(byCue.get('reportedly')?.source).toBeNull();
    expect(byCue.get('suspected')?.cueType).toBe('hedge');
    expect(byCue.get('suspected')?.content?.text).toBe('jihadists');
    expect(byCue.get('believed')?.cueType).toBe('belief');
    expect(byCue.get('believed')?.source).toBeNull();
  });

  it('a clause after the cue is the content even after an opening time phrase', () => {
    const s = only('The following day, the movement proclaimed the independence of the region.', 'proclaimed');
    expect(s.source?.text).toBe('the movement');
    expect(s.content?.text).toBe('the independence of the region');
  });

  it('a request: no addressee before a preposition', () => {
    const s = only('The government asked for foreign military help to retake the north.', 'asked');
    expect(s.content?.text).toBe('for foreign military help to retake the north');
  });

  it('a new clause joined by "and" does not join the source', () => {
    const s = only('Abidjan raised its alert to the highest level and President Ouattara vowed that the country would not be intimidated.', 'vowed');
    expect(s.source?.text).toBe('President Ouattara');
  });

  it('impersonal and reduced passives carry no source', () => {
    const r = sources('It was later reported that the convoy had turned back. About 50 fighters believed to belong to the group attacked the post.').results.sources;
    expect(r.map((s) => [s.cue.text, s.cueType, s.source])).toEqual([
      ['reported', 'hedge', null],
      ['believed', 'belief', null],
    ]);
  });

  it('an acronym in brackets stays with the source', () => {
    const s = only('According to the UN refugee agency (UNHCR), 20,000 people crossed into Mauritania.', 'according to');
    expect(s.source?.text).toBe('the UN refugee agency (UNHCR)');
    expect(s.content?.text).toBe('20,000 people crossed into Mauritania');
  });

  it('"presumed" and "alleged" as hedges', () => {
    const r = sources('Two hostages were presumed dead. The alleged massacre took place in March.').results.sources;
    expect(r.map((s) => [s.cue.text, s.cueType])).toEqual([
      ['presumed', 'hedge'],
      ['alleged', 'hedge'],
    ]);
  });

  it('an estimate', () => {
    const s = only('An estimated 2,000 mercenaries remain in the country.', 'estimated');
    expect(s.cueType).toBe('estimate');
    expect(s.content?.text).toBe('2,000 mercenaries');
  });

  it('local sources and a passive with "by"', () => {
    const r = sources('Local sources reported heavy fighting near Djibo. The strike was reported by state television.').results.sources;
    expect(r[0].source?.text).toBe('Local sources');
    expect(r[1].source?.text).toBe('state television');
    expect(r[1].channel).toBe('broadcast');
  });

  it('verbs of evidence after a document or an image', () => {
    const s = only('Satellite images show that at least 40 buildings were burned in Hombori.', 'show');
    expect(s.source?.text).toBe('Satellite images');
    expect(s.content?.text).toBe('that at least 40 buildings were burned in Hombori');
    const f = only('A UN investigation has found that the soldiers executed detainees.', 'found');
    expect(f.source?.text).toBe('A UN investigation');
    expect(f.cue.text).toBe('has found');
  });

  it('calling something a name in quotation marks', () => {
    const s = only('The junta called the Human Rights Watch report “baseless and biased”.', 'called');
    expect(s.source?.text).toBe('The junta');
    expect(s.content?.text).toBe('the Human Rights Watch report “baseless and biased”');
  });

  it('channels: television, video, press conference, X, interview, website', () => {
    const r = sources(
      'The junta spokesman told state television that the attack was repelled. In a video posted online, the group said it had seized the base. Speaking at a press conference in Bamako, the minister denied any losses. The embassy wrote on X that its staff were safe. Colonel Diarra said in an interview with RFI that the army would return. The ministry posted on its website that schools were closed.',
    ).results.sources;
    expect(r.map((s) => [s.source?.text, s.channel])).toEqual([
      ['The junta spokesman', 'broadcast'],
      ['the group', 'video'],
      ['the minister', 'press-conference'],
      ['The embassy', 'x'],
      ['Colonel Diarra', 'interview'],
      ['The ministry', 'website'],
    ]);
  });

  it('a pronoun source is linked to the actor of the previous sentence', () => {
    const text = 'The Wagner Group announced its withdrawal. They claimed to have defeated the insurgents.';
    const { results } = sources(text, [actor(text, 'The Wagner Group', 'wagner-group')]);
    const claim = results.sources.find((s) => s.cue.text === 'claimed');
    expect(claim?.source?.text).toBe('They');
    expect(claim?.sourceActorId).toBe('wagner-group');
    const announced = results.sources.find((s) => s.cue.text === 'announced');
    expect(announced?.sourceActorId).toBe('wagner-group');
  });

  it('records a trace entry per attribution when tracing is on', () => {
    const { results } = sources('Officials said the town had fallen.');
    expect(results.trace?.some((t) => t.stage === 'sources' && t.message.includes('"said"'))).toBe(true);
  });

  it('offsets point into the document text', () => {
    const { results, text } = sources('According to the UN, 40,000 people fled. “We are afraid,” a resident said.');
    for (const s of results.sources) {
      for (const part of [s.cue, s.source, s.content]) if (part) expect(text.slice(part.start, part.end)).toBe(part.text);
    }
  });

  it('a group claiming an attack is the subject of "claimed", with its apposition, not a source after it', () => {
    const s = only("JNIM, al-Qaida's branch in the Sahel, claimed the attack.", 'claimed');
    expect(s.source?.text).toContain('JNIM');
    expect(s.content?.text).toBe('the attack');
  });
});
