import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, root } from './built.js';

/**
 * The README and docs/ARCHITECTURE.md stay true to the code: every command and option the README
 * shows exists, and every path the architecture page names is there.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const architecture = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');

beforeAll(ensureBuilt);

function help(args: string[]): string {
  const r = spawnSync(process.execPath, [cli, ...args, '--help'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sitrep ${args.join(' ')} --help failed: ${r.stderr}`);
  return r.stdout;
}

describe('README', () => {
  it('gives the two commands for a fresh clone', () => {
    expect(readme).toContain('npm install && npx sitrep demo');
    expect(readme).toMatch(/^npm test$/m);
  });

  it('shows only commands and options that exist', () => {
    const uses = [...readme.matchAll(/npx sitrep ([a-z]+)([^\n#]*)/g)];
    expect(uses.length).toBeGreaterThan(5);
    for (const [, command, rest] of uses) {
      const text = help([command]);
      for (const option of rest.match(/--[a-z][a-z-]*/g) ?? []) {
        if (option === '--help') continue;
        expect(text, `sitrep ${command} ${option}`).toContain(option);
      }
    }
  });

  it('points at files that exist', () => {
    for (const [, path] of readme.matchAll(/`((?:examples|docs)\/[^`\s]*|[A-Z_]+\.md|LICENSE)`/g)) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
  });
});

describe('docs/ARCHITECTURE.md', () => {
  it('names only folders and files that exist', () => {
    const paths = [...architecture.matchAll(/`((?:src|tests|data|models|examples|bench|scripts|docs)\/[^`\s]*)`/g)].map((m) => m[1]);
    expect(paths.length).toBeGreaterThan(10);
    // The code map may name a folder still to come, as long as it says so.
    const planned = new Set([...architecture.matchAll(/^- (\S+?)\/? \(not written yet\)/gm)].map((m) => m[1].replace(/\/$/, '')));
    for (const path of paths) {
      // `stages/<name>.ts` and the like are patterns, not paths.
      if (path.includes('<') || planned.has(path.replace(/\/$/, ''))) continue;
      expect(existsSync(join(root, path)), path).toBe(true);
    }
  });

  it('lists every command module the CLI registers', () => {
    const main = readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8');
    for (const [, command] of main.matchAll(/import \{ register as register\w+ \} from '\.\/([a-z-]+)\.js'/g)) {
      expect(architecture, command).toContain(`\`${command}\``);
    }
  });
});
