import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchDocument, isReportingCue, pairs, parseBrat, reportFromRun, runAttribution, score } from './attribution.js';
import { tokensStage } from '../extract/stages/tokens.js';
import { sourcesStage } from '../extract/stages/sources.js';

// Our own sentences, annotated in PolNeAR's brat layout (Source / Cue / Content joined by an event).
const TEXT = 'The army said two soldiers were killed. “We will not leave,” the spokesman told reporters. Residents want peace.\n';
const off = (s: string) => TEXT.indexOf(s);
const t = (id: string, type: string, s: string) => `${id}\t${type} ${off(s)} ${off(s) + s.length}\t${s}`;
const ANN = [
  t('T1', 'Source', 'The army'),
  t('T2', 'Cue', 'said'),
  t('T3', 'Content', 'two soldiers were killed'),
  t('T4', 'Attribution', 'said'),
  'E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3',
  t('T5', 'Source', 'the spokesman'),
  t('T6', 'Cue', 'told'),
  `T7\tContent ${off('“We')} ${off('leave,”') + 7};${off('reporters')} ${off('reporters') + 9}\t“We will not leave,” reporters`,
  t('T8', 'Attribution', 'told'),
  'E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7',
  t('T9', 'Source', 'Residents'),
  t('T10', 'Cue', 'want'),
  t('T11', 'Content', 'peace'),
  t('T12', 'Attribution', 'want'),
  'E3\tAttribution:T12 Source:T9 Cue:T10 Content:T11',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'sitrep-attr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attribution evaluator', () => {
  it('parses brat attributions with discontinuous spans', () => {
    const gold = parseBrat(ANN);
    expect(gold).toHaveLength(3);
    expect(gold[0].cueText).toBe('said');
    expect(gold[1].content).toHaveLength(2);
  });

  it('tells reporting cues from beliefs and sentiments', () => {
    expect(isReportingCue('has said')).toBe(true);
    expect(isReportingCue('according to')).toBe(true);
    expect(isReportingCue('said in a statement')).toBe(true);
    expect(isReportingCue('wants')).toBe(false);
    expect(isReportingCue('thinks')).toBe(false);
  });

  it('pairs on cues, then scores sources on the pairs', () => {
    const gold = parseBrat(ANN);
    const pred = [{ cue: [{ start: off('said'), end: off('said') + 4 }], cueText: 'said', source: [{ start: 0, end: 3 }], content: [] }];
    const exact = score(gold, pred, 'exact');
    expect(exact.cue).toEqual({ tp: 1, fp: 0, fn: 2 });
    expect(exact.source).toEqual({ tp: 0, fp: 1, fn: 3 });
    const overlap = score(gold, pred, 'overlap');
    expect(overlap.source).toEqual({ tp: 1, fp: 0, fn: 2 });
  });

  it('runs sitrep over a folder in PolNeAR layout', () => {
    mkdirSync(join(dir, 'text'));
    mkdirSync(join(dir, 'attributions'));
    writeFileSync(join(dir, 'text', 'doc1.txt'), TEXT);
    writeFileSync(join(dir, 'attributions', 'doc1_ab12.ann'), ANN);
    writeFileSync(join(dir, 'attributions', 'doc1_cd34.ann'), '');
    expect(pairs(dir)).toEqual([{ text: join(dir, 'text', 'doc1.txt'), ann: join(dir, 'attributions', 'doc1_ab12.ann') }]);
    // tokens and sources only: the name and actor models play no part in these spans
    const report = reportFromRun(runAttribution(pairs(dir), benchDocument, [tokensStage, sourcesStage]), dir);
    const overall = report.overall as { cueF1: number; sourceF1: number; all: { cueF1: number } };
    expect(overall.cueF1).toBe(1);
    expect(overall.sourceF1).toBe(1);
    // "want" is a sentiment the rules do not mark: missed in the every-attribution figures
    expect(overall.all.cueF1).toBeLessThan(1);
    expect(report.table).toContain('reporting overlap cue');
  });
});
