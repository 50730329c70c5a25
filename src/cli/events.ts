import type { Command } from 'commander';
import type { StoredEvent } from '../store/store.js';
import { openExistingStore } from './docs.js';
import { parseCount } from './ingest.js';

interface EventsOptions {
  country?: string;
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  limit?: number;
  json?: boolean;
  csv?: boolean;
  db?: string;
}

/** Columns of the CSV, named after ACLED's export where one exists. */
export const CSV_COLUMNS = [
  'document_id', 'event_index', 'main', 'event_date_from', 'event_date_to', 'date_precision', 'event_type', 'sub_event_type', 'plover', 'extra',
  'actor1', 'assoc_actor_1', 'actor2', 'interaction', 'civilian_targeting', 'country', 'admin1', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities_low', 'fatalities_best', 'fatalities_high', 'modality', 'attributed_to', 'channel', 'evidence',
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function eventCsvRow(e: StoredEvent): string {
  const p = e.payload;
  const row: unknown[] = [
    e.documentId, e.index, e.main ? 1 : 0, e.dateFrom, e.dateTo, e.datePrecision, e.acledType, e.acledSubtype, e.plover, e.extra,
    e.actor1, p.associated.join('; '), e.actor2, p.interaction, p.civilianTargeting ? 'civilian targeting' : '', e.country, e.admin1, e.location, e.lat, e.lon,
    p.location?.precision ?? null, e.fatalities.low, e.fatalities.best, e.fatalities.high, e.modality, e.attributedTo, p.channel, p.evidence.text,
  ];
  return row.map(csvCell).join(',');
}

export function eventLine(e: StoredEvent): string {
  const type = [e.acledType, e.acledSubtype].filter(Boolean).join(' / ') || e.extra || e.plover || 'event';
  const when = e.dateFrom ? (e.dateTo && e.dateTo !== e.dateFrom ? `${e.dateFrom}..${e.dateTo}` : e.dateFrom) : '—';
  const actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ') || '—';
  const where = [e.location, e.country].filter(Boolean).join(', ') || '—';
  const f = e.fatalities.best ?? e.fatalities.low;
  const toll = f !== null ? `${f}${e.fatalities.high !== null && e.fatalities.high !== f ? `-${e.fatalities.high}` : ''} killed` : '';
  const who = e.attributedTo ? `per ${e.attributedTo}` : '';
  return [when.padEnd(10), type, actors, where, toll, e.modality, who].filter(Boolean).join(' · ');
}

export function register(program: Command): void {
  program
    .command('events')
    .description('List stored events (ACLED/PLOVER typed, with actors, place, date, fatalities, modality and attribution)')
    .option('--country <iso>', 'ISO 3166 alpha-2 code of the country, e.g. ML')
    .option('--actor <name>', 'actor name or id (actor1 or actor2, case-insensitive substring)')
    .option('--type <type>', 'ACLED type or sub-type, PLOVER type, or sitrep extra type (coup, withdrawal, ...)')
    .option('--from <date>', 'events that may have happened on or after this ISO date (year or year-month allowed)')
    .option('--to <date>', 'events that may have happened on or before this ISO date')
    .option('--limit <n>', 'how many to show (default 100)', parseCount)
    .option('--json', 'print a JSON array of the events in the extract vocabulary, with their document id')
    .option('--csv', `print CSV with the columns ${CSV_COLUMNS.join(', ')}`)
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)')
    .addHelpText('after', '\nExamples:\n  sitrep events --country ML --type "Armed clash"\n  sitrep events --actor Wagner --from 2024-01 --to 2025-06 --csv > wagner.csv')
    .action(async (options: EventsOptions) => {
      if (options.json && options.csv) throw new Error('events: choose one of --json and --csv');
      const actor = options.actor ? await canonicalActorName(options.actor) : undefined;
      const store = await openExistingStore(options.db);
      try {
        const events = await store.listEvents({
          country: options.country?.toUpperCase(),
          actor,
          type: options.type,
          from: options.from,
          to: options.to,
          limit: options.limit ?? 100,
        });
        if (options.json) {
          process.stdout.write(JSON.stringify(events.map((e) => ({ documentId: e.documentId, index: e.index, ...e.payload }))) + '\n');
        } else if (options.csv) {
          process.stdout.write([CSV_COLUMNS.join(','), ...events.map(eventCsvRow)].join('\n') + '\n');
        } else if (events.length === 0) {
          process.stdout.write('no events match\n');
        } else {
          process.stdout.write(events.map(eventLine).join('\n') + '\n');
        }
      } finally {
        await store.close();
      }
    });
}

/** Events store canonical names, while people type what they read ("JNIM", "FAMa"): an exact alias
 * of one knowledge-base actor becomes its canonical name; anything else stays a substring match. */
async function canonicalActorName(given: string): Promise<string> {
  const { loadActorKb } = await import('../knowledge/actors.js');
  const entries = loadActorKb().byAlias(given.trim());
  return entries.length === 1 ? entries[0].name : given;
}
