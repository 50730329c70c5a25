import { existsSync } from 'node:fs';
import type { EvalReport, Evaluator } from './evaluator.js';

async function load(task: string): Promise<Evaluator> {
  const module = (await import(`./${task}.js`)) as { evaluator?: Evaluator };
  if (!module.evaluator) throw new Error(`eval: module ${task} exports no evaluator`);
  return module.evaluator;
}

function print(report: EvalReport, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify(report) + '\n');
  else process.stdout.write(`\n== ${report.task}: ${report.data}\n${report.table}\n`);
}

export async function runEval(task: string, known: string[], options: { data?: string; json?: boolean }): Promise<void> {
  const json = options.json ?? false;
  if (task !== 'all') {
    if (!known.includes(task)) throw new Error(`eval: unknown task "${task}" (expected one of: ${known.join(', ')}, all)`);
    const evaluator = await load(task);
    const data = options.data ?? evaluator.defaultData[0];
    if (!data || !existsSync(data)) throw new Error(`eval ${task}: data not found: ${data ?? '(none given; use --data)'}`);
    print(await evaluator.run({ data }), json);
    return;
  }
  let ran = 0;
  for (const name of known) {
    const evaluator = await load(name);
    for (const data of evaluator.defaultData) {
      if (!existsSync(data)) {
        process.stderr.write(`eval ${name}: skipped, ${data} not found\n`);
        continue;
      }
      print(await evaluator.run({ data }), json);
      ran++;
    }
  }
  if (ran === 0) throw new Error('eval all: no benchmark data found (expected ../shared/bench beside the project)');
}
