import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const evalDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'eval');

function tasks(): string[] {
  return readdirSync(evalDir)
    .filter((f) => f.endsWith('.js') && !f.endsWith('.test.js') && f !== 'evaluator.js' && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('Score sitrep against a benchmark: ner, geo, gold, time, attribution, events, modality, or "all" for every task on its default data under ../shared/bench')
    .argument('<task>', `one of: ${tasks().join(', ')}, all`)
    .option('--data <path>', 'file or folder in the task\'s format')
    .option('--json', 'print one JSON object per task (its `overall` holds the headline figures)')
    .action(async (task: string, options: { data?: string; json?: boolean }) => {
      const { runEval } = await import('../eval/_run.js');
      await runEval(task, tasks(), options);
    });
}
