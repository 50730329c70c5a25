import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluator } from './evaluator.js';
import { classScores, scoresTable } from './_classify-metrics.js';
import { classifyModality } from '../extract/events/modality.js';
import type { Modality } from '../model.js';

/**
 * MEANTIME (NewsReader, English Wikinews) in its CoNLL-style layout: one token per line,
 * `index word event certainty polarity time`, where the last four columns carry BIO tags with the
 * event id (`B-E-8`, `B-CERTAIN-8`, `B-POS-8`, `B-NON_FUTURE-8`); a blank line ends a sentence.
 *
 * Gold is mapped to four labels, in this order of precedence:
 *   polarity NEG -> negated; certainty PROBABLE or POSSIBLE -> hypothetical; time FUTURE -> future;
 *   CERTAIN, POS, NON_FUTURE -> asserted. Events whose certainty is UNDERSPECIFIED and not future,
 *   or whose polarity is UNDERSPECIFIED and not otherwise decided, are left out (no gold label).
 * sitrep's eight labels fold to the same four: denied -> negated, hypothetical, future, the rest asserted.
 */

export const LABELS = ['asserted', 'negated', 'future', 'hypothetical'] as const;
type Label = (typeof LABELS)[number];

interface GoldEvent {
  sentence: string;
  start: number;
  end: number;
  certainty: string;
  polarity: string;
  time: string;
  file: string;
}

function tagValue(tag: string): string {
  // B-NON_FUTURE-8 -> NON_FUTURE
  const parts = tag.split('-');
  return parts.slice(1, -1).join('-');
}

export function readMeantime(path: string): GoldEvent[] {
  const out: GoldEvent[] = [];
  const text = readFileSync(path, 'utf8');
  const blocks = text.split(/\n\s*\n/);
  for (const block of blocks) {
    const rows = block.split('\n').filter((l) => l.trim()).map((l) => l.split('\t'));
    if (rows.length === 0) continue;
    let sentence = '';
    const offsets: { start: number; end: number }[] = [];
    for (const r of rows) {
      if (sentence) sentence += ' ';
      offsets.push({ start: sentence.length, end: sentence.length + r[1].length });
      sentence += r[1];
    }
    const open = new Map<string, GoldEvent>();
    rows.forEach((r, i) => {
      if (r.length < 6 || r[2] === '_') return;
      const id = r[2].split('-').pop() as string;
      if (r[2].startsWith('B-')) {
        const ev: GoldEvent = {
          sentence,
          start: offsets[i].start,
          end: offsets[i].end,
          certainty: tagValue(r[3]),
          polarity: tagValue(r[4]),
          time: tagValue(r[5]),
          file: path,
        };
        open.set(id, ev);
        out.push(ev);
      } else {
        const ev = open.get(id);
        if (ev) ev.end = offsets[i].end;
      }
    });
  }
  return out;
}

export function goldLabel(e: Pick<GoldEvent, 'certainty' | 'polarity' | 'time'>): Label | null {
  if (e.polarity === 'NEG') return 'negated';
  if (e.certainty === 'PROBABLE' || e.certainty === 'POSSIBLE') return 'hypothetical';
  if (e.time === 'FUTURE') return 'future';
  if (e.certainty === 'CERTAIN' && e.polarity === 'POS' && e.time === 'NON_FUTURE') return 'asserted';
  return null;
}

export function foldModality(m: Modality): Label {
  if (m === 'denied') return 'negated';
  if (m === 'hypothetical') return 'hypothetical';
  if (m === 'future') return 'future';
  return 'asserted';
}

function files(data: string): string[] {
  if (statSync(data).isFile()) return [data];
  return readdirSync(data)
    .filter((f) => f.endsWith('.conll'))
    .sort()
    .map((f) => join(data, f));
}

export const evaluator: Evaluator = {
  task: 'modality',
  description: 'Modality of given events (MEANTIME): asserted / negated / future / hypothetical, accuracy and macro F1',
  defaultData: ['../shared/bench/modality/meantime'],
  async run({ data }) {
    const pairs: { gold: string; predicted: string }[] = [];
    let skipped = 0;
    for (const f of files(data)) {
      for (const ev of readMeantime(f)) {
        const gold = goldLabel(ev);
        if (!gold) {
          skipped++;
          continue;
        }
        const predicted = foldModality(classifyModality(ev.sentence, { start: ev.start, end: ev.end }).modality);
        pairs.push({ gold, predicted });
      }
    }
    const s = classScores(pairs, LABELS);
    return {
      task: 'modality',
      data,
      overall: { accuracy: s.accuracy, macroF1: s.macroF1 },
      details: { events: pairs.length, skippedUnderspecified: skipped, perLabel: s.perLabel, confusion: s.confusion },
      table: `${pairs.length} events scored, ${skipped} left out (underspecified gold)\n${scoresTable(s, LABELS)}`,
    };
  },
};
