import type { Command } from 'commander';
import type { Document, Extraction } from '../model.js';

interface ExtractCliOptions {
  published?: string;
  jsonl?: boolean;
  trace?: boolean;
}

/** What `sitrep extract` prints for one document: the results without tokens or raw names. */
export function extractionJson(id: string, doc: Document, x: Extraction): Record<string, unknown> {
  return {
    id,
    title: doc.title,
    published: doc.published,
    actors: x.actors,
    places: x.places,
    times: x.times,
    quantities: x.quantities,
    sources: x.sources,
    events: x.events,
    statements: x.statements,
    ...(x.trace ? { trace: x.trace } : {}),
  };
}

async function* lines(input: string): AsyncGenerator<{ line: string; number: number }> {
  const [{ createInterface }, { createReadStream }] = await Promise.all([import('node:readline'), import('node:fs')]);
  const stream = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const line of reader) {
    number++;
    yield { line, number };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('Print what sitrep finds in articles, one JSON object per document per line, without storing anything')
    .argument('[inputs...]', 'files or folders (any format `ingest` reads), or - for stdin (the default when stdin is piped)')
    .option('--published <date>', 'publication date for texts that carry none, to anchor "on Tuesday" (ISO 8601)')
    .option('--jsonl', 'inputs are lines of {"id", "text", "published"?}; the output keeps each line\'s id')
    .option('--trace', 'add the rules that fired, stage by stage')
    .addHelpText('after', '\nExamples:\n  sitrep extract examples/articles/battle_of_boulikessi.md\n  echo "Gunmen killed 12 villagers near Djibo on Sunday." | sitrep extract --published 2025-06-09\n  sitrep extract --jsonl articles.jsonl > results.jsonl')
    .action(async (given: string[], options: ExtractCliOptions) => {
      const inputs = given.length > 0 ? given : ['-'];
      if (inputs.includes('-') && process.stdin.isTTY) throw new Error('extract: give files or folders, or pipe text into stdin');
      const [{ extract }, { documentFromText }] = await Promise.all([import('../extract/pipeline.js'), import('../ingest/document.js')]);
      const out = process.stdout;
      const emit = (id: string, doc: Document) => {
        out.write(JSON.stringify(extractionJson(id, doc, extract(doc, { trace: options.trace ?? false }))) + '\n');
      };
      const failures: string[] = [];
      const fail = (where: string, reason: string) => {
        failures.push(where);
        process.stderr.write(`sitrep extract: ${where}: ${reason}\n`);
      };

      if (options.jsonl) {
        for (const input of inputs) {
          try {
            for await (const { line, number } of lines(input)) {
              if (line.trim() === '') continue;
              const where = `${input === '-' ? 'stdin' : input}:${number}`;
              try {
                const record = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown; title?: unknown };
                if (typeof record.text !== 'string' || record.text.trim() === '') throw new Error('expected an object with a non-empty "text"');
                const published = typeof record.published === 'string' ? record.published : options.published;
                const doc = documentFromText(record.text, published);
                if (typeof record.title === 'string') doc.title = record.title;
                emit(record.id === undefined || record.id === null ? doc.id : String(record.id), doc);
              } catch (error) {
                fail(where, error instanceof Error ? error.message : String(error));
              }
            }
          } catch (error) {
            fail(input, error instanceof Error ? error.message : String(error));
          }
        }
      } else {
        const files = inputs.filter((i) => i !== '-');
        if (inputs.includes('-')) {
          const text = await readStdin();
          try {
            const doc = documentFromText(text, options.published);
            emit(doc.id, doc);
          } catch (error) {
            fail('stdin', error instanceof Error ? error.message : String(error));
          }
        }
        if (files.length > 0) {
          const { readInputs } = await import('../ingest/index.js');
          for await (const item of readInputs(files, { published: options.published })) {
            if (item.doc) emit(item.doc.id, item.doc);
            else fail(item.input, item.error ?? 'unreadable');
          }
        }
      }
      if (failures.length > 0) process.exitCode = 1;
    });
}
