import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('demo').description('(not yet available)').action(() => {
    throw new Error('sitrep demo is not available yet');
  });
}
