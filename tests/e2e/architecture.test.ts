import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './built.js';

/**
 * The invariants docs/ARCHITECTURE.md states about imports, checked on the source: data flows
 * ingest -> extract -> resolve -> store -> serve, and no folder imports from one later in the flow.
 * Tests and their fixtures may reach back further (a stage's test builds a Document with ingest),
 * never forward.
 */
const src = join(root, 'src');

// Leaves first; equal ranks may import each other.
const RANK: Record<string, number> = {
  model: 0,
  text: 0,
  knowledge: 0,
  ingest: 1,
  extract: 2,
  resolve: 3,
  store: 4,
  serve: 5,
  eval: 6,
  cli: 7,
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

function folderOf(path: string): string {
  return relative(src, path).split('/')[0].replace(/\.(ts|js)$/, '');
}

interface Edge {
  file: string;
  from: string;
  to: string;
  test: boolean;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files(src)) {
    const text = readFileSync(file, 'utf8');
    // Static imports and exports, and dynamic import() with a literal path; type-only imports count too.
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)'(\.{1,2}\/[^']+)'/g)) {
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), m[1]));
      if (from !== to) out.push({ file: relative(root, file), from, to, test: /\.(test|fixtures)\.ts$/.test(file) });
    }
  }
  return out;
}

describe('import layering', () => {
  const all = edges();

  it('knows every top-level folder of src/', () => {
    const folders = readdirSync(src).map((f) => f.replace(/\.ts$/, ''));
    for (const f of folders) expect(RANK, `src/${f} needs a place in the flow (tests/e2e/architecture.test.ts)`).toHaveProperty(f);
  });

  it('never imports from a later folder in the flow', () => {
    const forward = all.filter((e) => RANK[e.to] > RANK[e.from]).map((e) => `${e.file}: ${e.from} -> ${e.to}`);
    expect(forward).toEqual([]);
  });

  it('keeps text/ and knowledge/ leaves', () => {
    const leaky = all.filter((e) => !e.test && RANK[e.from] === 0 && RANK[e.to] !== 0).map((e) => `${e.file} -> ${e.to}`);
    expect(leaky).toEqual([]);
  });

  it('keeps extract/ away from the store and everything after it', () => {
    const bad = all.filter((e) => e.from === 'extract' && ['resolve', 'store', 'serve', 'cli'].includes(e.to)).map((e) => e.file);
    expect(bad).toEqual([]);
  });

  it('lets only store/sqlite.ts and store/postgres.ts name a database driver', () => {
    const drivers = files(src)
      .filter((f) => !/\.test\.ts$/.test(f))
      .filter((f) => /from 'better-sqlite3'|from 'pg'|import\('pg'\)|import\('better-sqlite3'\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f))
      .sort();
    expect(drivers).toEqual(['src/store/postgres.ts', 'src/store/sqlite.ts']);
  });
});
