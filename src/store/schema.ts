import type { ColumnType, Generated } from 'kysely';

/**
 * The one schema both databases share, as Kysely sees it. Column types are the portable
 * subset: text, integer, double precision, and a binary column whose name differs by dialect
 * (the migration asks the dialect for it). JSON is stored as text so both sides read it the
 * same way; booleans are 0/1 integers because SQLite has no boolean.
 */

/** PostgreSQL returns bigint counts as strings; SQLite returns numbers. */
export type Count = string | number | bigint;

export interface DocumentsTable {
  /** an integer key the search index points at (SQLite FTS5 needs an integer rowid that VACUUM keeps) */
  seq: Generated<number>;
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  author: string | null;
  published_value: string | null;
  published_precision: string | null;
  language: string;
  text: string;
  /** JSON: Paragraph[] */
  paragraphs: string;
  /** JSON: Sentence[] */
  sentences: string;
  sentence_count: number;
  story_id: string;
  ingested_at: string;
}

export interface OriginsTable {
  document_id: string;
  location: string;
  format: string;
  feed: string | null;
  read_at: string;
}

export interface StoriesTable {
  /** the id of the document that founded the story */
  id: string;
  created_at: string;
}

export interface StoryBandsTable {
  /** src/store/band-keys.ts: the band and 56 bits of its hash */
  band_key: bigint;
  /** documents.seq */
  document_seq: number;
}

export interface SignaturesTable {
  document_id: string;
  signature: ColumnType<Buffer, Buffer, Buffer>;
}

export interface MentionsTable {
  /** the document's `seq` */
  document_seq: number;
  /** the mention's place in its document's list (ascending in the order extract gave them) */
  idx: number;
  kind: string;
  start: number;
  end: number;
  sentence: number;
  canonical_id: string | null;
  /** canonical name when there is one, else the text as written */
  label: string;
  text: string;
  /** JSON: the whole mention as extract produced it */
  payload: string;
}

export interface EventsTable {
  document_id: string;
  idx: number;
  acled_type: string | null;
  acled_subtype: string | null;
  plover: string | null;
  extra: string | null;
  actor1: string | null;
  actor2: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  /** first and last day the event's date could be (ISO dates), for overlap filters */
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  fatalities_low: number | null;
  fatalities_best: number | null;
  fatalities_high: number | null;
  modality: string;
  attributed_to: string | null;
  main: number;
  sentence: number;
  /** JSON: ExtractedEvent */
  payload: string;
}

export interface StatementsTable {
  document_id: string;
  idx: number;
  subject: string;
  predicate: string;
  object: string | null;
  modality: string;
  attributed_to: string | null;
  sentence: number;
  /** JSON: ExtractedStatement */
  payload: string;
}

export interface Database {
  documents: DocumentsTable;
  origins: OriginsTable;
  stories: StoriesTable;
  story_bands: StoryBandsTable;
  signatures: SignaturesTable;
  mentions: MentionsTable;
  events: EventsTable;
  statements: StatementsTable;
}
