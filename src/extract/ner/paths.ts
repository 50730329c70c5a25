import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding package.json), found from this file so the same code
 * works from src/ (vitest, tsx) and from dist/src/ (the built CLI).
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('ner: cannot find the package root (package.json beside models/)');
    dir = up;
  }
}

export const DEFAULT_MODEL = 'models/ner-en.bin.gz';
