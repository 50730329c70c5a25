/**
 * Writes data/actors/compiled.json, the compiled index of the actor knowledge base, from the YAML
 * beside it and the world-countries tables. Run by hand after editing data/actors (`npx tsx
 * scripts/build-actor-index.ts`) and commit its output. The YAML stays the source: the loader uses
 * the index only while its recorded input hash matches the YAML, and src/knowledge/actors.test.ts
 * fails when the committed index is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPILED_INDEX, compileActorKb, defaultActorsDir, serialiseCompiled } from '../src/knowledge/actors.js';

const dir = defaultActorsDir();
const compiled = compileActorKb(dir);
const path = join(dir, COMPILED_INDEX);
writeFileSync(path, serialiseCompiled(compiled));
process.stderr.write(`${path}: ${compiled.entries.length} entries, ${compiled.countries.length} countries, ${Object.keys(compiled.pieces).length} split aliases\n`);
