import { describe, expect, it } from 'vitest';
import { actorMapper, evidenceOverlaps, scoreEventsSection, scoreStatementsSection, sharedRun, type RecordSectionResult } from './_gold-records.js';
import { emptyExtraction, type ActorMention, type ExtractedEvent, type ExtractedStatement } from '../model.js';
import type { GoldFile } from './_gold-format.js';

const actor = (text: string, name: string): ActorMention => ({
  start: 0, end: text.length, text, sentence: 0, stage: 'actors', rule: 't', actorId: name, name, kind: 'armed-group', inter: 2, country: null, provisional: false,
});

const gold: GoldFile = {
  file: 'x.yaml',
  document: 'corpus/x.md',
  published: '2025-06-06',
  actors: [
    { name: 'Malian Armed Forces', kind: 'state-forces', mentions: ['the Malian army', 'FAMa'] },
    { name: 'JNIM', kind: 'armed-group', mentions: ['JNIM', 'jihadists'] },
  ],
  places: [],
  not_entities: [],
  events: [
    { id: 'clash', evidence: 'soldiers clashed with jihadists near Boni', acled: { type: 'Battles', subtype: 'Armed clash' }, plover: 'ASSAULT', actor1: 'Malian Armed Forces', actor2: 'JNIM', modality: 'asserted', fatalities: null },
    { id: 'maybe', evidence: 'could attack Douentza', modality: 'hypothetical', optional: true },
  ],
  statements: [{ subject: 'JNIM', predicate: 'affiliated_with', object: 'al-Qaida', modality: 'asserted', evidence: 'JNIM, the al-Qaida affiliate' }],
  contradictions: [],
};

function event(x: Partial<ExtractedEvent>): ExtractedEvent {
  return {
    acled: { type: 'Battles', subtype: 'Armed clash' }, plover: 'ASSAULT', extra: null, actor1: 'Military Forces of Mali', actor2: 'Jama’at Nusrat', associated: [],
    interaction: 12, location: null, date: null, fatalities: null, civilianTargeting: false, modality: 'asserted', attributedTo: null, channel: null,
    evidence: { start: 0, end: 10, text: 'On Monday soldiers clashed with jihadists near Boni in central Mali', sentence: 0 }, rules: [], ...x,
  };
}

describe('gold scoring of events and statements', () => {
  it('matches evidence by a shared run of text', () => {
    expect(sharedRun('abc soldiers clashed', 'soldiers clashed xyz')).toBe('soldiers clashed'.length);
    expect(evidenceOverlaps('the army retook the town of Kidal', 'retook the town of Kidal on Tuesday')).toBeGreaterThan(0);
    expect(evidenceOverlaps('the army retook Kidal', 'rebels fled into the hills')).toBe(0);
  });

  it('maps sitrep names to gold names through the texts they were mentioned as', () => {
    const map = actorMapper(gold.actors, [actor('the Malian army', 'Military Forces of Mali'), actor('jihadists', 'Jama’at Nusrat')]);
    expect(map('Military Forces of Mali')).toBe('Malian Armed Forces');
    expect(map('Jama’at Nusrat')).toBe('JNIM');
    expect(map('Somebody Else')).toBe('Somebody Else');
  });

  it('scores recall on non-optional events and each field on matched ones; counts invented tolls', () => {
    const results = emptyExtraction();
    results.actors.push(actor('the Malian army', 'Military Forces of Mali'), actor('jihadists', 'Jama’at Nusrat'));
    results.events.push(event({ fatalities: { low: 5, best: 5, high: 5 } }), event({ evidence: { start: 0, end: 1, text: 'an unrelated sentence about the weather', sentence: 1 } }));
    const r = scoreEventsSection(gold, results) as RecordSectionResult;
    expect(r.tp).toBe(1);
    expect(r.fn).toBe(0);
    expect(r.fp).toBe(1);
    expect(r.fields['actor1']).toEqual({ correct: 1, total: 1 });
    expect(r.fields['actor2']).toEqual({ correct: 1, total: 1 });
    expect(r.fields['fatalities']).toEqual({ correct: 0, total: 1 });
    expect(r.inventedFatalities).toBe(1);
  });

  it('matches statements on subject, predicate and object', () => {
    const results = emptyExtraction();
    results.actors.push(actor('JNIM', 'Jama’at Nusrat'));
    const st: ExtractedStatement = {
      subject: 'Jama’at Nusrat', predicate: 'affiliated_with', object: 'al-Qaida', value: null, modality: 'asserted', attributedTo: null, channel: null,
      evidence: { start: 0, end: 1, text: 'JNIM, the al-Qaida affiliate in the Sahel', sentence: 0 }, rules: [],
    };
    results.statements.push(st);
    const r = scoreStatementsSection(gold, results) as RecordSectionResult;
    expect(r.tp).toBe(1);
    expect(r.fields['modality']).toEqual({ correct: 1, total: 1 });
  });
});
