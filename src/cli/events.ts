import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('events').description('(not yet available)').action(() => {
    throw new Error('sitrep events is not available yet');
  });
}
