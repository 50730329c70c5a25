import { join } from 'node:path';
import { NerModel } from './model.js';
import { KnownNames } from './known.js';
import { bioLabel } from './features.js';
import { DEFAULT_MODEL, packageRoot } from './paths.js';
import type { WordTypes } from '../../text/wordtypes.js';

/** The shipped tagger and the known names it reconciles with, read once on first use. */
export interface NameTagger {
  model: NerModel;
  known: KnownNames;
  /** BILOU label ids per sentence of one document, reconciled with the known names */
  tag(sentences: readonly (readonly string[])[]): Uint8Array[];
  /**
   * tag() of a document given as word types: `typeIds` per token, `lengths` per sentence,
   * `wordOf` the word the tagger reads for a type's text (see FeatureTagger.tagDocumentTypes)
   */
  tagTypes(types: WordTypes, typeIds: Int32Array, lengths: Int32Array, wordOf: (text: string) => string): Uint8Array[];
  /** the same as BIO tags */
  tagLabels(sentences: readonly (readonly string[])[]): string[][];
}

let cached: NameTagger | null = null;

export function nameTagger(model: NerModel): NameTagger {
  const known = new KnownNames(model.gazetteer.lists);
  const tag = (sentences: readonly (readonly string[])[]): Uint8Array[] => {
    const labels = model.tagDocument(sentences);
    known.reconcileDocument(sentences, labels, model.documentIds, model.wordIdEpoch, model.wordIdCount);
    return labels;
  };
  const tagTypes = (types: WordTypes, typeIds: Int32Array, lengths: Int32Array, wordOf: (text: string) => string): Uint8Array[] => {
    const labels = model.tagDocumentTypes(types, typeIds, lengths, wordOf);
    known.reconcileWords(model.words, labels, model.documentIds, model.wordIdEpoch, model.wordIdCount);
    return labels;
  };
  return { model, known, tag, tagTypes, tagLabels: (sentences) => tag(sentences).map((s) => Array.from(s, bioLabel)) };
}

/** Not at import: `sitrep --help` must stay fast. */
export function loadNameTagger(): NameTagger {
  if (!cached) cached = nameTagger(NerModel.load(join(packageRoot(), DEFAULT_MODEL)));
  return cached;
}

export function loadNerModel(): NerModel {
  return loadNameTagger().model;
}
