import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluator, readConllDocuments } from './sentences.js';

// Our own sentences in CoNLL layout (token POS chunk tag), not benchmark data.
const CONLL = [
  '-DOCSTART- -X- -X- O',
  '',
  ...['MALI NNP I-NP I-LOC', 'ARMY NNP I-NP O', 'RETAKES VBZ I-VP O', 'TOWN NN I-NP O', '. . O O'],
  '',
  ...['BAMAKO NNP I-NP I-LOC', '2025-06-06 CD I-NP O'],
  '',
  ...['Malian NNP I-NP I-MISC', 'troops NNS I-NP O', 'entered VBD I-VP O', 'Gao NNP I-NP I-LOC', 'on IN I-PP O', 'Friday NNP I-NP O', '. . O O'],
  '',
  ...['" " O O', 'We PRP I-NP O', 'are VBP I-VP O', 'back RB I-ADVP O', ', , O O', '" " O O', 'Col. NNP I-NP O', 'Diarra NNP I-NP I-PER', 'said VBD I-VP O', '. . O O'],
  '',
].join('\n');

describe('sentences evaluator', () => {
  it('rebuilds each document by joining tokens and sentences with single spaces', () => {
    const [doc] = readConllDocuments(CONLL);
    expect(doc.text).toBe('MALI ARMY RETAKES TOWN . BAMAKO 2025-06-06 Malian troops entered Gao on Friday . " We are back , " Col. Diarra said .');
    expect(doc.ends).toHaveLength(3);
  });

  it('scores boundaries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-conll-'));
    const path = join(dir, 'mini.conll');
    await writeFile(path, CONLL);
    const report = await evaluator.run({ data: path });
    expect(report.overall).toMatchObject({ precision: 1, recall: 1, documents: 1, sentences: 4 });
    await rm(dir, { recursive: true, force: true });
  });

  // Needs ../shared/bench (not in the repository); skipped on a clone without it.
  it.skipIf(!existsSync('../shared/bench/ner/eng.testa'))('keeps its F1 on CoNLL-2003 eng.testa', async () => {
    const report = await evaluator.run({ data: '../shared/bench/ner/eng.testa' });
    expect(report.overall.f1).toBeGreaterThan(0.8);
    expect(report.overall.punctuatedRecall).toBeGreaterThan(0.98);
  });
});
