import { formatTable } from './evaluator.js';

/** Accuracy, micro/macro/weighted F1 and a confusion table for single-label classification. */
export interface ClassScores {
  accuracy: number;
  microF1: number;
  macroF1: number;
  weightedF1: number;
  perLabel: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Record<string, Record<string, number>>;
}

export function classScores(pairs: readonly { gold: string; predicted: string }[], labels: readonly string[]): ClassScores {
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) confusion[g] = Object.fromEntries(labels.map((p) => [p, 0]));
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    if (!confusion[gold]) confusion[gold] = Object.fromEntries(labels.map((p) => [p, 0]));
    confusion[gold][predicted] = (confusion[gold][predicted] ?? 0) + 1;
    if (gold === predicted) correct++;
  }
  const perLabel: ClassScores['perLabel'] = {};
  let macro = 0;
  let weighted = 0;
  let present = 0;
  for (const label of labels) {
    const tp = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const fp = pairs.filter((p) => p.gold !== label && p.predicted === label).length;
    const support = pairs.filter((p) => p.gold === label).length;
    const fn = support - tp;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perLabel[label] = { precision, recall, f1, support };
    // macro F1 over the labels that occur in the gold, as scikit-learn does with labels=gold labels
    if (support > 0) {
      macro += f1;
      present++;
    }
    weighted += f1 * support;
  }
  const n = pairs.length;
  const accuracy = n === 0 ? 0 : correct / n;
  return {
    accuracy,
    // single-label: micro F1 equals accuracy when every item gets exactly one predicted label
    microF1: accuracy,
    macroF1: present === 0 ? 0 : macro / present,
    weightedF1: n === 0 ? 0 : weighted / n,
    perLabel,
    confusion,
  };
}

export function scoresTable(s: ClassScores, labels: readonly string[]): string {
  const head = formatTable([
    ['measure', 'value'],
    ['accuracy', s.accuracy],
    ['micro F1', s.microF1],
    ['macro F1', s.macroF1],
    ['weighted F1', s.weightedF1],
  ]);
  const per = formatTable([
    ['label', 'P', 'R', 'F1', 'n'],
    ...labels.map((l) => [l, s.perLabel[l].precision, s.perLabel[l].recall, s.perLabel[l].f1, s.perLabel[l].support]),
  ]);
  const abbrev = labels.map((l, i) => String(i + 1));
  const conf = formatTable([
    ['gold \\ predicted', ...abbrev],
    ...labels.map((g, i) => [`${i + 1} ${g}`, ...labels.map((p) => s.confusion[g]?.[p] ?? 0)]),
  ]);
  return `${head}\n\n${per}\n\nconfusion (rows gold, columns predicted, numbered as the rows):\n${conf}`;
}
