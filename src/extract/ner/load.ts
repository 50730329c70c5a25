import { join } from 'node:path';
import { NerModel } from './model.js';
import { DEFAULT_MODEL, packageRoot } from './paths.js';

let cached: NerModel | null = null;

/** The shipped model, read once on first use (not at import, so `sitrep --help` stays fast). */
export function loadNerModel(): NerModel {
  if (!cached) cached = NerModel.load(join(packageRoot(), DEFAULT_MODEL));
  return cached;
}
