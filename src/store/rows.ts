import type { Document, DocumentOrigin, ExtractedEvent, ExtractedStatement, Extraction } from '../model.js';
import { minhash } from '../resolve/stories.js';
import { bandKeyNumbers } from './band-keys.js';
import { periodEnd, periodStart } from './periods.js';
import type { DocumentsTable, EventsTable, MentionsTable, StatementsTable } from './schema.js';
import type { MentionKind } from './store.js';

/**
 * The rows a document writes, built from the document and its extraction without the database:
 * `sitrep ingest` builds them in its extraction workers, so the one thread that writes the store
 * spends its time on the writes. Everything here is plain data that crosses threads by copy.
 */

export type Insertable<T> = { [K in keyof T]: T[K] extends { __insert__: infer I } ? I : T[K] };
/** `document_seq` is 0 until the store knows the document's key (Store.putPrepared sets it). */
export type MentionRow = Insertable<MentionsTable>;

/**
 * Fields of a mention the row's own columns hold: left out of its JSON payload when equal to the
 * column (a third of a name's payload) and put back on reading. A source's columns are its cue's
 * offsets and text, not fields of the source itself, so only its sentence is shared.
 */
export function sharedFields(kind: MentionKind): readonly ('start' | 'end' | 'text' | 'sentence')[] {
  return kind === 'source' ? ['sentence'] : ['start', 'end', 'text', 'sentence'];
}

function slimPayload(kind: MentionKind, m: object, columns: { start: number; end: number; text: string; sentence: number }): string {
  // A fresh object without the shared fields rather than a copy with them deleted: `delete`
  // turns the copy into a slow dictionary object, 60 times per document. Same keys, same order.
  const shared = sharedFields(kind);
  const source = m as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(source)) {
    const v = source[k];
    if (v === columns[k as keyof typeof columns] && shared.includes(k as (typeof shared)[number])) continue;
    rest[k] = v;
  }
  return JSON.stringify(rest);
}

/** Rows for every mention extract produced; one table, told apart by kind. */
function mentionRows(x: Extraction): MentionRow[] {
  const rows: MentionRow[] = [];
  const add = (kind: MentionKind, start: number, end: number, sentence: number, canonicalId: string | null, label: string, text: string, payload: object) =>
    rows.push({ document_seq: 0, idx: rows.length, kind, start, end, sentence, canonical_id: canonicalId, label, text, payload: slimPayload(kind, payload, { start, end, text, sentence }) });
  for (const m of x.names) add('name', m.start, m.end, m.sentence, null, m.text, m.text, m);
  for (const m of x.actors) add('actor', m.start, m.end, m.sentence, m.actorId, m.name, m.text, m);
  for (const m of x.places) add('place', m.start, m.end, m.sentence, m.placeId, m.name, m.text, m);
  for (const m of x.times) add('time', m.start, m.end, m.sentence, m.value, m.text, m.text, m);
  for (const m of x.quantities) add('quantity', m.start, m.end, m.sentence, m.counts, m.text, m.text, m);
  for (const m of x.sources) add('source', m.cue.start, m.cue.end, m.sentence, m.sourceActorId ?? null, m.source?.text ?? m.cue.text, m.cue.text, m);
  return rows;
}

function eventRow(documentId: string, idx: number, e: ExtractedEvent): EventsTable {
  const d = e.date;
  return {
    document_id: documentId,
    idx,
    acled_type: e.acled?.type ?? null,
    acled_subtype: e.acled?.subtype ?? null,
    plover: e.plover,
    extra: e.extra,
    actor1: e.actor1,
    actor2: e.actor2,
    country: e.location?.country ?? null,
    admin1: e.location?.admin1 ?? null,
    location: e.location?.name ?? null,
    lat: e.location?.lat ?? null,
    lon: e.location?.lon ?? null,
    date_from: d ? periodStart(d.from ?? d.value ?? d.after) : null,
    date_to: d ? periodEnd(d.to ?? d.value ?? d.before) : null,
    date_precision: d?.precision ?? null,
    fatalities_low: e.fatalities?.low ?? null,
    fatalities_best: e.fatalities?.best ?? null,
    fatalities_high: e.fatalities?.high ?? null,
    modality: e.modality,
    attributed_to: e.attributedTo,
    main: e.main ? 1 : 0,
    sentence: e.evidence.sentence,
    payload: JSON.stringify(e),
  };
}

function statementRow(documentId: string, idx: number, s: ExtractedStatement): StatementsTable {
  return {
    document_id: documentId,
    idx,
    subject: s.subject,
    predicate: s.predicate,
    object: s.object,
    modality: s.modality,
    attributed_to: s.attributedTo,
    sentence: s.evidence.sentence,
    payload: JSON.stringify(s),
  };
}

/** The document's own row, less what the store settles when it writes (its story). */
export type DocumentRow = Omit<DocumentsTable, 'seq' | 'story_id'>;

/** What one document writes, computed before its transaction opens. */
export interface PreparedDocument {
  document: DocumentRow;
  signature: Uint32Array;
  /** its LSH band keys (store/band-keys.ts) */
  keys: bigint[];
  mentions: MentionRow[];
  events: EventsTable[];
  statements: StatementsTable[];
  /** distinct by location */
  origins: DocumentOrigin[];
}

/** The rows `Store.put` writes for a document and its extraction (none for a document stored without one). */
export function prepareDocument(doc: Document, extraction?: Extraction | null): PreparedDocument {
  const signature = minhash(doc.text);
  const origins = new Map<string, DocumentOrigin>();
  for (const o of doc.origins) if (!origins.has(o.location)) origins.set(o.location, o);
  return {
    // Every column given (a field left out by a caller is null), so the SQL text never varies.
    document: {
      id: doc.id,
      title: doc.title ?? null,
      url: doc.url ?? null,
      outlet: doc.outlet ?? null,
      author: doc.author ?? null,
      published_value: doc.published?.value ?? null,
      published_precision: doc.published?.precision ?? null,
      language: doc.language,
      text: doc.text,
      paragraphs: JSON.stringify(doc.paragraphs),
      sentences: JSON.stringify(doc.sentences),
      sentence_count: doc.sentences.length,
      ingested_at: new Date().toISOString(),
    },
    signature,
    keys: bandKeyNumbers(signature),
    mentions: extraction ? mentionRows(extraction) : [],
    events: extraction ? extraction.events.map((e, i) => eventRow(doc.id, i, e)) : [],
    statements: extraction ? extraction.statements.map((s, i) => statementRow(doc.id, i, s)) : [],
    origins: [...origins.values()],
  };
}
