import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Finds the project root (the folder holding package.json and data/) from this module, so the
 * same code reads `data/cues/*.yaml` whether it runs from src/ under vitest/tsx or from dist/.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error(`events: cannot find the project root (package.json + data/) above ${fileURLToPath(import.meta.url)}`);
}

const cache = new Map<string, unknown>();

/** Reads one cue file under data/cues once per process. */
export function loadCues<T>(file: string): T {
  const hit = cache.get(file);
  if (hit !== undefined) return hit as T;
  const path = join(projectRoot(), 'data', 'cues', file);
  const value = parse(readFileSync(path, 'utf8')) as T;
  cache.set(file, value);
  return value;
}

/** A lower-cased word set from a YAML list. */
export function wordSet(list: readonly (string | number)[] | undefined): Set<string> {
  return new Set((list ?? []).map((w) => String(w).toLowerCase()));
}
