import type { Command } from 'commander';

// Placeholder until the command lands.
export function register(program: Command): void {
  program.command('ingest').description('(not yet available)').action(() => {
    throw new Error('sitrep ingest is not available yet');
  });
}
