import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('extract').description('(not yet available)').action(() => {
    throw new Error('sitrep extract is not available yet');
  });
}
