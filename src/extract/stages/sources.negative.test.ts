import { describe, expect, it } from 'vitest';
import type { SourceMention } from '../../model.js';
import { sourcesOf } from './sources.fixtures.js';

function sources(text: string): SourceMention[] {
  return sourcesOf(text).sources;
}

describe('sources stage: words that look like cues but are not', () => {
  it('"said" as an adjective', () => {
    expect(sources('The said agreement was signed in Algiers in 2015.')).toEqual([]);
  });

  it('"according to plan" and "according to the law"', () => {
    expect(sources('The withdrawal went according to plan.')).toEqual([]);
    expect(sources('Detainees must be tried according to the law.')).toEqual([]);
  });

  it('"claims" and "reports" as nouns', () => {
    expect(sources('The claims could not be independently verified.')).toEqual([]);
    expect(sources('His claims of victory were met with scepticism.')).toEqual([]);
    expect(sources('Reports of abuses were sent to the commission.')).toEqual([]);
  });

  it('"media reports" and "Editor\'s note:" are nouns', () => {
    expect(sources('One of the suspects was named in media reports as a former soldier.')).toEqual([]);
    expect(sources('Editor’s note: this article was updated on Monday.')).toEqual([]);
  });

  it('"all told", "a noted scholar", "warning shots"', () => {
    expect(sources('All told, 40 people died in the floods.')).toEqual([]);
    expect(sources('A noted scholar of the Sahel joined the panel.')).toEqual([]);
    expect(sources('Troops fired warning shots into the air.')).toEqual([]);
  });

  it('"added" without a complement of saying', () => {
    expect(sources('The battalion added 200 recruits to its ranks.')).toEqual([]);
  });

  it('an infinitive names no act of saying', () => {
    expect(sources('The minister declined to say how many troops were deployed.').map((s) => s.cue.text)).toEqual([]);
  });

  it('"States" in a name is not a cue', () => {
    expect(sources('The United States suspended its aid programme.')).toEqual([]);
  });

  it('"Telegram" is a channel, never the source', () => {
    const [s] = sources('In a message on Telegram, the group said its fighters had withdrawn.');
    expect(s.source?.text).toBe('the group');
    expect(s.channel).toBe('telegram');
  });

  it('"x" in lower case is not the platform', () => {
    const [s] = sources('The officer said the road was closed on x days a week.');
    expect(s.channel).toBeNull();
  });

  it('a report that is denied is not the channel of the denial', () => {
    const [s] = sources('The junta denied the report.');
    expect(s.channel).toBeNull();
  });

  it('a question put to someone does not make them the source', () => {
    const r = sources('When asked about the attack, the governor said nothing.');
    const asked = r.find((s) => s.cue.text.toLowerCase().includes('asked'));
    expect(asked?.source).toBeNull();
  });

  it('"found" and "show" with a person as subject are not evidence cues', () => {
    expect(sources('Soldiers found weapons hidden in the house.')).toEqual([]);
    expect(sources('The commanders show no sign of retreating.')).toEqual([]);
  });

  it('"declared war" and "continued to fight" are acts, not statements', () => {
    expect(sources('The rebels declared war on the central government.')).toEqual([]);
    expect(sources('The authorities declared a state of emergency in the region.')).toEqual([]);
    expect(sources('Separatists have continued to fight the jihadists.')).toEqual([]);
    expect(sources('Despite the truce, fighting continued.')).toEqual([]);
  });

  it('an opening adverbial is not part of the source', () => {
    const [s] = sources('In Bamako the minister said talks would resume.');
    expect(s.source?.text).toBe('the minister');
  });
});

describe('sources stage: inputs that could make it slow', () => {
  it('a run-on "sentence" of many cues and an unclosed quotation stays well-formed', () => {
    const text = '“' + 'officials said, residents claimed, the army denied, '.repeat(3000) + 'and that was all.';
    const r = sources(text);
    expect(r.length).toBeGreaterThan(3000);
    for (const s of r) expect(s.cue.end).toBeLessThanOrEqual(text.length);
  });
});
