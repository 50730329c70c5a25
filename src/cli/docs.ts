import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('docs').description('(not yet available)').action(() => {
    throw new Error('sitrep docs is not available yet');
  });
}
