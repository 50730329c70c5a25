#!/usr/bin/env node
import { Command } from 'commander';
import { register as registerIngest } from './ingest.js';
import { register as registerDocs } from './docs.js';
import { register as registerShow } from './show.js';
import { register as registerDemo } from './demo.js';
import { register as registerExtract } from './extract.js';
import { register as registerEvents } from './events.js';
import { register as registerEval } from './eval.js';
import { tuneJit } from './jit.js';

tuneJit();

// Command modules import only commander at load time and pull their real work in with a
// dynamic import inside the action, so `sitrep --help` never loads models or gazetteers.
const program = new Command()
  .name('sitrep')
  .description('Turns conflict news into sourced, structured data: actors, places, events and statements, each with its evidence and who says so.')
  .version('0.1.0')
  .showHelpAfterError();

for (const register of [registerIngest, registerDocs, registerShow, registerDemo, registerExtract, registerEvents, registerEval]) {
  register(program);
}

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`sitrep: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
