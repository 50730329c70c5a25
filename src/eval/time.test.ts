import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignOffsets, evaluator, parseTimeMl, scoreDocument, type TimeScores } from './time.js';

// A TimeML document written for this test, in the layout of the TempEval-3 files.
const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-06-06" temporalFunction="false" functionInDocument="CREATION_TIME">2025-06-06</TIMEX3></DCT>
<TEXT>
Fighters <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> the camp <TIMEX3 tid="t1" type="DATE" value="2025-06-01">Sunday</TIMEX3>, officials <EVENT eid="e2" class="REPORTING">said</EVENT> &amp; added that the army had been there <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
</TimeML>`;

describe('eval time: TimeML reading', () => {
  it('keeps the TEXT as plain text with TIMEX3 offsets, decodes entities, and takes the DCT apart', () => {
    const doc = parseTimeMl(TML, 'test-1');
    expect(doc.dct).toBe('2025-06-06');
    expect(doc.text).toContain('officials said & added');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.value, t.type])).toEqual([
      ['Sunday', '2025-06-01', 'DATE'],
      ['three years', 'P3Y', 'DURATION'],
    ]);
  });

  it('maps offsets past characters the normalisation drops', () => {
    const raw = 'Troops\u00ad left on\u200b Friday.';
    const norm = 'Troops left on Friday.';
    const map = alignOffsets(raw, norm);
    const at = raw.indexOf('Friday');
    expect(norm.slice(map[at], map[at + 6])).toBe('Friday');
  });

  it('maps offsets through whitespace normalisation', () => {
    const raw = '\n  Fighters  came\n\n\n on Sunday.';
    const norm = 'Fighters came\n\non Sunday.';
    const map = alignOffsets(raw, norm);
    const at = raw.indexOf('Sunday');
    expect(norm.slice(map[at], map[at + 6])).toBe('Sunday');
  });
});

describe('eval time: TempEval-3 scoring', () => {
  it('counts strict and relaxed matches one to one and values on relaxed matches', () => {
    const s: TimeScores = { strict: { tp: 0, fp: 0, fn: 0 }, relaxed: { tp: 0, fp: 0, fn: 0 }, valueCorrect: 0, typeCorrect: 0, system: 0, gold: 0, errors: [] };
    const gold = [
      { start: 0, end: 6, value: '2025-06-01', type: 'DATE', text: 'Sunday' },
      { start: 20, end: 31, value: 'P3Y', type: 'DURATION', text: 'three years' },
      { start: 40, end: 44, value: '2023', type: 'DATE', text: '2023' },
    ];
    const system = [
      { start: 0, end: 6, value: '2025-06-01', type: 'DATE', text: 'Sunday' },
      { start: 15, end: 31, value: 'P4Y', type: 'DURATION', text: 'over three years' },
      { start: 50, end: 53, value: 'PRESENT_REF', type: 'DATE', text: 'now' },
    ];
    scoreDocument('d', gold, system, s);
    expect(s.strict.tp).toBe(1);
    expect(s.relaxed).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.valueCorrect).toBe(1);
  });

  // Needs the TempEval-3 data beside the project (../shared/bench/time); skipped on a bare clone.
  it.skipIf(!existsSync('../shared/bench/time/TimeBank'))('scores TimeBank at HeidelTime level or better (value F1)', async () => {
    const report = await evaluator.run({ data: '../shared/bench/time/TimeBank' });
    expect(report.overall.valueF1 as number).toBeGreaterThanOrEqual(0.79);
    expect(report.overall.relaxedF1 as number).toBeGreaterThan(0.85);
  }, 60000);
});
