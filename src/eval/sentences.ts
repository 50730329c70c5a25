import { readFile } from 'node:fs/promises';
import { splitSentences } from '../text/sentences.js';
import { formatTable, prf, type Evaluator } from './evaluator.js';

/**
 * Sentence boundaries on CoNLL-2003: each document's tokens are joined with single spaces and its
 * sentences with a single space too, so neither line breaks nor layout give a boundary away; the
 * splitter must find every sentence end from the words alone. A boundary is scored at the end
 * offset of each sentence except the document's last (which is free).
 *
 * CoNLL attaches a quotation's opening mark to the sentence before it (`said Rios . " ‖ But I
 * think`), where a splitter puts it with the sentence it opens. Where a quote mark goes is a
 * convention, not a boundary error, so gold and predicted boundaries are both compared at the
 * start of the next word, skipping quote marks and spaces.
 */

interface ConllDoc {
  text: string;
  /** end offsets of every sentence but the last */
  ends: number[];
  /** for each end: does the sentence end with a full stop, "!", "?" (possibly inside quotes)? */
  punctuated: boolean[];
}

const TERMINAL = /^(?:[.!?]+|\.\.\.)$/;

function endsWithTerminal(tokens: string[]): boolean {
  const last = tokens[tokens.length - 1];
  if (TERMINAL.test(last)) return true;
  return (last === '"' || last === "'") && tokens.length > 1 && TERMINAL.test(tokens[tokens.length - 2]);
}

export function readConllDocuments(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sentences: string[][] = [];
  let tokens: string[] = [];
  const flushSentence = (): void => {
    if (tokens.length > 0) sentences.push(tokens);
    tokens = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length === 0) return;
    const ends: number[] = [];
    const punctuated: boolean[] = [];
    let text = '';
    for (const [i, s] of sentences.entries()) {
      if (text.length > 0) {
        ends.push(text.length);
        punctuated.push(endsWithTerminal(sentences[i - 1]));
        text += ' ';
      }
      text += s.join(' ');
    }
    docs.push({ text, ends, punctuated });
    sentences = [];
  };
  for (const line of content.split('\n')) {
    const t = line.trim();
    if (t.startsWith('-DOCSTART-')) flushDoc();
    else if (t.length === 0) flushSentence();
    else tokens.push(t.split(' ')[0]);
  }
  flushDoc();
  return docs;
}

/** The boundary at `at` moved to the start of the next word (past spaces and quote marks). */
function anchor(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '"' || text[i] === "'" || text[i] === '`')) i++;
  return i;
}

export const evaluator: Evaluator = {
  task: 'sentences',
  description: 'sentence boundary precision/recall/F1 on CoNLL-2003 documents joined with single spaces',
  defaultData: ['../shared/bench/ner/eng.testa'],
  async run({ data }) {
    const docs = readConllDocuments(await readFile(data, 'utf8'));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let sentences = 0;
    const byKind = { punctuated: { found: 0, total: 0 }, unpunctuated: { found: 0, total: 0 } };
    const missed: string[] = [];
    const spurious: string[] = [];
    const context = (text: string, at: number): string => `${text.slice(Math.max(0, at - 40), at)} ‖ ${text.slice(at, at + 40)}`.replace(/\s+/g, ' ');
    for (const doc of docs) {
      sentences += doc.ends.length + 1;
      const gold = new Set(doc.ends.map((e) => anchor(doc.text, e)));
      const predicted = new Set(
        splitSentences(doc.text)
          .map((s) => anchor(doc.text, s.end))
          .filter((e) => e < doc.text.length),
      );
      for (const e of predicted) {
        if (gold.has(e)) tp++;
        else {
          fp++;
          if (spurious.length < 60) spurious.push(context(doc.text, e));
        }
      }
      for (const [i, end] of doc.ends.entries()) {
        const e = anchor(doc.text, end);
        const kind = byKind[doc.punctuated[i] ? 'punctuated' : 'unpunctuated'];
        kind.total++;
        if (predicted.has(e)) kind.found++;
        else {
          fn++;
          if (missed.length < 60 && doc.punctuated[i]) missed.push(context(doc.text, e));
        }
      }
    }
    const scores = prf({ tp, fp, fn });
    const recallOf = (k: { found: number; total: number }): number => (k.total === 0 ? 0 : k.found / k.total);
    const punctuatedRecall = recallOf(byKind.punctuated);
    const unpunctuatedRecall = recallOf(byKind.unpunctuated);
    return {
      task: 'sentences',
      data,
      overall: { ...scores, punctuatedRecall, documents: docs.length, sentences },
      details: { tp, fp, fn, byKind, unpunctuatedRecall, missed, spurious },
      table: formatTable([
        ['', 'precision', 'recall', 'f1', 'tp', 'fp', 'fn'],
        ['boundaries', scores.precision, scores.recall, scores.f1, tp, fp, fn],
      ]) +
        `\nrecall after . ! ? (prose): ${punctuatedRecall.toFixed(4)} of ${byKind.punctuated.total}` +
        `; without final punctuation (headlines, datelines, table rows): ${unpunctuatedRecall.toFixed(4)} of ${byKind.unpunctuated.total}` +
        `\n${docs.length} documents, ${sentences} sentences`,
    };
  },
};
