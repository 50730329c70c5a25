import type { PreparedDocument } from './rows.js';
import type { Document, DocumentOrigin, ExtractedEvent, ExtractedStatement, Extraction, Paragraph, PartialDate, Sentence } from '../model.js';

/**
 * What sitrep asks of a database. SQLite (store/sqlite.ts) and PostgreSQL (store/postgres.ts)
 * both satisfy it through the same queries (store/kysely-store.ts); tests/contracts/ runs one
 * suite against each.
 */
export interface Store {
  /** the file or server the store writes to, for messages */
  readonly location: string;
  readonly dialect: 'sqlite' | 'postgres';

  /** true when a document with exactly this id is stored */
  exists(id: string): Promise<boolean>;

  /**
   * Writes a document with all its extraction results in one transaction: after a failure
   * nothing of it is stored. A document already stored (same id, i.e. the same normalised text)
   * is not written again; only its origins that are new are added.
   */
  put(doc: Document, extraction?: Extraction | null): Promise<PutResult>;

  /**
   * Several documents in one transaction, each as `put` would write it, in order: the result
   * of each is its PutResult, or the Error that left nothing of it stored while the others
   * were. One commit for many documents is what makes bulk ingest cheaper; the whole batch is
   * lost if the commit itself fails (every result is then moot and the call rejects).
   */
  putMany(items: readonly { doc: Document; extraction?: Extraction | null }[]): Promise<(PutResult | Error)[]>;

  /** `putMany` of rows already built by `prepareDocument` (store/rows.ts), in another thread perhaps. */
  putPrepared(prepared: readonly PreparedDocument[]): Promise<(PutResult | Error)[]>;

  listDocuments(query?: DocumentQuery): Promise<DocumentSummary[]>;

  /** by full id or a unique prefix of it; null when nothing matches; AmbiguousIdError when several do */
  getDocument(idOrPrefix: string): Promise<StoredDocument | null>;

  listEvents(query?: EventQuery): Promise<StoredEvent[]>;

  /** the most mentioned canonical entities of one kind, by number of documents mentioning them */
  topMentions(kind: MentionKind, limit?: number): Promise<MentionCount[]>;

  counts(): Promise<StoreCounts>;

  close(): Promise<void>;
}

export type PutStatus =
  /** a new document that founded a new story */
  | 'new'
  /** a new document grouped into an existing story (a syndicated or edited copy) */
  | 'story-duplicate'
  /** the same normalised text was already stored */
  | 'duplicate';

export interface PutResult {
  id: string;
  status: PutStatus;
  storyId: string;
  /** estimated similarity to the closest document of the story it joined */
  similarity: number | null;
  /** origins added by this call (0 when an exact duplicate came from a place already known) */
  addedOrigins: number;
}

export interface DocumentQuery {
  /** full-text search over title and text; the user's words are matched as words, never as query syntax */
  search?: string;
  limit?: number;
  offset?: number;
  /** include text, paragraphs and sentences */
  full?: boolean;
}

export interface DocumentSummary extends Pick<Document, 'id' | 'title' | 'url' | 'outlet' | 'author' | 'published' | 'language'> {
  storyId: string;
  ingestedAt: string;
  chars: number;
  sentenceCount: number;
  /** a search hit's context with the matched words in [brackets], or the start of the text */
  snippet: string;
  /** search rank, lower is better; null without a search */
  rank: number | null;
  text?: string;
  paragraphs?: Paragraph[];
  sentences?: Sentence[];
}

export type MentionKind = 'actor' | 'place' | 'time' | 'quantity' | 'source' | 'name';

export const MENTION_KINDS: readonly MentionKind[] = ['actor', 'place', 'time', 'quantity', 'source', 'name'];

export interface StoredMention {
  kind: MentionKind;
  start: number;
  end: number;
  sentence: number;
  canonicalId: string | null;
  label: string;
  text: string;
  payload: unknown;
}

export interface StoredEvent {
  documentId: string;
  index: number;
  acledType: string | null;
  acledSubtype: string | null;
  plover: string | null;
  extra: string | null;
  actor1: string | null;
  actor2: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  fatalities: { low: number | null; best: number | null; high: number | null };
  modality: string;
  attributedTo: string | null;
  main: boolean;
  sentence: number;
  payload: ExtractedEvent;
}

export interface StoredStatement {
  documentId: string;
  index: number;
  subject: string;
  predicate: string;
  object: string | null;
  modality: string;
  attributedTo: string | null;
  sentence: number;
  payload: ExtractedStatement;
}

export interface StoredDocument extends Document {
  storyId: string;
  /** the other documents of its story (syndicated or edited copies), oldest first */
  storyMembers: { id: string; title: string | null; published: PartialDate | null }[];
  ingestedAt: string;
  origins: DocumentOrigin[];
  mentions: StoredMention[];
  events: StoredEvent[];
  statements: StoredStatement[];
}

export interface EventQuery {
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** actor id or name, matched case-insensitively against actor1 and actor2 (substring) */
  actor?: string;
  /** ACLED type or subtype, PLOVER type or sitrep's extra type, case-insensitive */
  type?: string;
  /** ISO date (or year, year-month): events whose possible dates overlap [from, to] */
  from?: string;
  to?: string;
  documentId?: string;
  limit?: number;
  offset?: number;
}

export interface MentionCount {
  canonicalId: string;
  label: string;
  documents: number;
  mentions: number;
}

export interface StoreCounts {
  documents: number;
  stories: number;
  origins: number;
  mentions: number;
  events: number;
  statements: number;
}

export class AmbiguousIdError extends Error {
  constructor(
    readonly prefix: string,
    readonly matches: string[],
  ) {
    super(`id prefix "${prefix}" matches ${matches.length} documents (${matches.slice(0, 3).map((m) => m.slice(0, 12)).join(', ')}${matches.length > 3 ? ', ...' : ''}); give more characters`);
    this.name = 'AmbiguousIdError';
  }
}

/** Raised when a store cannot be opened; the message names the file or server and the reason. */
export class StoreOpenError extends Error {
  constructor(
    readonly location: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${location}: ${reason}`, options);
    this.name = 'StoreOpenError';
  }
}
