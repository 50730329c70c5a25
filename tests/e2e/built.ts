import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(root, 'dist', 'src', 'cli', 'main.js');

/** `npm test` builds before it tests; a suite run on its own builds when dist/ is missing. */
export function ensureBuilt(): void {
  if (existsSync(cli)) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  if (!existsSync(cli)) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
}
