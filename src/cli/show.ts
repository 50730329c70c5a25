import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('show').description('(not yet available)').action(() => {
    throw new Error('sitrep show is not available yet');
  });
}
