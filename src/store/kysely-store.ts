import { CompiledQuery, sql, type Compilable, type Kysely, type QueryResult, type Selectable, type Transaction } from 'kysely';
import type { DatePrecision, Document, DocumentOrigin, ExtractedEvent, ExtractedStatement, Extraction, Paragraph, Sentence } from '../model.js';
import { STORY_THRESHOLD, estimateSimilarity, signatureFromBuffer, signatureToBuffer } from '../resolve/stories.js';
import { searchTerms, type StoreDialect } from './dialect.js';
import { periodEnd, periodStart } from './periods.js';
import { prepareDocument, sharedFields, type PreparedDocument } from './rows.js';
import type { Count, Database, DocumentsTable, EventsTable } from './schema.js';
import {
  AmbiguousIdError,
  type DocumentQuery,
  type DocumentSummary,
  type EventQuery,
  type MentionCount,
  type MentionKind,
  type PutResult,
  type Store,
  type StoreCounts,
  type StoredDocument,
  type StoredEvent,
  type StoredMention,
  type StoredStatement,
} from './store.js';


// Well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const ROWS_PER_INSERT = 400;
const DEFAULT_LIMIT = 20;
const NO_LIMIT = 1_000_000_000;

// Each document of putMany is written in its own savepoint (constant texts, compiled once).
const SAVEPOINT = CompiledQuery.raw('savepoint put_document');
const ROLLBACK_TO_SAVEPOINT = CompiledQuery.raw('rollback to savepoint put_document');
const RELEASE_SAVEPOINT = CompiledQuery.raw('release savepoint put_document');

function limitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  return limit <= 0 || !Number.isFinite(limit) ? NO_LIMIT : Math.floor(limit);
}

function chunks<T>(rows: T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function num(value: Count | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function fullPayload(kind: MentionKind, payload: string, columns: { start: number; end: number; text: string; sentence: number }): unknown {
  const p = JSON.parse(payload) as Record<string, unknown>;
  // Rows written before payloads were slimmed still hold every field: those win.
  for (const f of sharedFields(kind)) if (!(f in p)) p[f] = columns[f];
  return p;
}

function toEvent(r: Selectable<EventsTable>): StoredEvent {
  return {
    documentId: r.document_id,
    index: num(r.idx),
    acledType: r.acled_type,
    acledSubtype: r.acled_subtype,
    plover: r.plover,
    extra: r.extra,
    actor1: r.actor1,
    actor2: r.actor2,
    country: r.country,
    admin1: r.admin1,
    location: r.location,
    lat: r.lat === null ? null : Number(r.lat),
    lon: r.lon === null ? null : Number(r.lon),
    dateFrom: r.date_from,
    dateTo: r.date_to,
    datePrecision: r.date_precision,
    fatalities: {
      low: r.fatalities_low === null ? null : Number(r.fatalities_low),
      best: r.fatalities_best === null ? null : Number(r.fatalities_best),
      high: r.fatalities_high === null ? null : Number(r.fatalities_high),
    },
    modality: r.modality,
    attributedTo: r.attributed_to,
    main: num(r.main) === 1,
    sentence: num(r.sentence),
    payload: JSON.parse(r.payload) as ExtractedEvent,
  };
}

type SummaryRow = Pick<
  Selectable<DocumentsTable>,
  'id' | 'title' | 'url' | 'outlet' | 'author' | 'published_value' | 'published_precision' | 'language' | 'story_id' | 'ingested_at' | 'sentence_count' | 'text' | 'paragraphs' | 'sentences'
>;

function excerpt(text: string, size = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= size ? flat : flat.slice(0, size).replace(/\s\S*$/, '') + '…';
}

function toSummary(r: SummaryRow, full: boolean, hit?: { rank: number; snippet: string }): DocumentSummary {
  const summary: DocumentSummary = {
    id: r.id,
    title: r.title,
    url: r.url,
    outlet: r.outlet,
    author: r.author,
    published: r.published_value ? { value: r.published_value, precision: r.published_precision as DatePrecision } : null,
    language: r.language,
    storyId: r.story_id,
    ingestedAt: r.ingested_at,
    chars: r.text.length,
    sentenceCount: num(r.sentence_count),
    snippet: hit?.snippet ?? excerpt(r.text),
    rank: hit?.rank ?? null,
  };
  if (full) {
    summary.text = r.text;
    summary.paragraphs = JSON.parse(r.paragraphs) as Paragraph[];
    summary.sentences = JSON.parse(r.sentences) as Sentence[];
  }
  return summary;
}

/**
 * The store's queries, written once for every dialect. Only `dialect` (store/sqlite.ts,
 * store/postgres.ts) knows which database is underneath.
 */
export class KyselyStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** compiled SQL texts by shape: the per-document statements and the multi-row inserts (see runCached) */
  private readonly cachedSql = new Map<string, string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly specifics: StoreDialect,
    readonly location: string,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.dialect = specifics.name;
  }

  async exists(id: string): Promise<boolean> {
    // Asked once for every document an ingest reads.
    const { rows } = await this.runCached(this.db, 'document exists', [id], () => this.db.selectFrom('documents').select('id').where('id', '=', id));
    return rows.length > 0;
  }

  async put(doc: Document, extraction?: Extraction | null): Promise<PutResult> {
    // Everything that can be computed without the database is, before the transaction opens,
    // so the write lock is held only for the writes.
    const rows = prepareDocument(doc, extraction);
    return this.db.transaction().execute((trx) => this.write(trx, rows));
  }

  async putMany(items: readonly { doc: Document; extraction?: Extraction | null }[]): Promise<(PutResult | Error)[]> {
    return this.putPrepared(items.map(({ doc, extraction }) => prepareDocument(doc, extraction)));
  }

  async putPrepared(prepared: readonly PreparedDocument[]): Promise<(PutResult | Error)[]> {
    return this.db.transaction().execute(async (trx) => {
      const results: (PutResult | Error)[] = [];
      for (const rows of prepared) {
        // Each document in its own savepoint: a failure takes back its own writes only, and
        // (PostgreSQL) clears the failed state so the documents after it can still be written.
        await trx.executeQuery(SAVEPOINT);
        try {
          results.push(await this.write(trx, rows));
        } catch (error) {
          await trx.executeQuery(ROLLBACK_TO_SAVEPOINT);
          results.push(error instanceof Error ? error : new Error(String(error)));
        }
        await trx.executeQuery(RELEASE_SAVEPOINT);
      }
      return results;
    });
  }

  private async write(trx: Transaction<Database>, rows: PreparedDocument): Promise<PutResult> {
    const { signature, keys, mentions, events, statements, origins } = rows;
    const doc = rows.document;
    const now = doc.ingested_at;
    // Writing first takes the write lock at once (SQLite) and settles a race on the same id
    // through the unique index (PostgreSQL): whoever inserts the row owns the document.
    const document = { ...doc, story_id: doc.id };
    const inserted = (
      await this.runCached(trx, 'insert document', Object.values(document), () =>
        trx.insertInto('documents').values(document).onConflict((oc) => oc.column('id').doNothing()).returning('seq'),
      )
    ).rows[0];

    if (inserted === undefined) {
      const existing = await trx.selectFrom('documents').select('story_id').where('id', '=', doc.id).executeTakeFirstOrThrow();
      const added = await this.addOrigins(trx, doc.id, origins);
      return { id: doc.id, status: 'duplicate', storyId: existing.story_id, similarity: null, addedOrigins: added };
    }

    const seq = Number(inserted.seq);
    const best = await this.closestStory(trx, doc.id, keys, signature);
    let storyId = doc.id;
    if (best && best.similarity >= STORY_THRESHOLD) {
      storyId = best.storyId;
      await trx.updateTable('documents').set({ story_id: storyId }).where('id', '=', doc.id).execute();
    } else {
      await this.insertRows(trx, 'stories', [{ id: doc.id, created_at: now }]);
    }
    const added = await this.addOrigins(trx, doc.id, origins, true);
    await this.insertRows(trx, 'story_bands', keys.map((band_key) => ({ band_key, document_seq: seq })));
    await this.insertRows(trx, 'signatures', [{ document_id: doc.id, signature: signatureToBuffer(signature) }]);
    for (const m of mentions) m.document_seq = seq;
    await this.insertRows(trx, 'mentions', mentions);
    await this.insertRows(trx, 'events', events);
    await this.insertRows(trx, 'statements', statements);
    return {
      id: doc.id,
      status: storyId === doc.id ? 'new' : 'story-duplicate',
      storyId,
      similarity: best ? best.similarity : null,
      addedOrigins: added,
    };
  }

  /**
   * Runs a query whose SQL text depends only on `shape`, with `params` in the order Kysely
   * binds them. Building and compiling a query through Kysely cost more CPU than SQLite's own
   * work for the small per-document statements, so Kysely builds it once per shape; that first
   * time its parameters are checked against `params`, so a wrong order fails at once.
   */
  private async runCached<R>(executor: Kysely<Database>, shape: string, params: unknown[], build: () => Compilable<R>): Promise<QueryResult<R>> {
    let text = this.cachedSql.get(shape);
    if (text === undefined) {
      const compiled = build().compile();
      if (compiled.parameters.length !== params.length || compiled.parameters.some((p, i) => !Object.is(p, params[i]))) {
        throw new Error(`store: the parameters of "${shape}" are not in the order its SQL binds them`);
      }
      text = compiled.sql;
      this.cachedSql.set(shape, text);
    }
    return executor.executeQuery(CompiledQuery.raw(text, params) as CompiledQuery<R>);
  }

  /**
   * Multi-row inserts of the rows one document writes, in chunks. Kysely's query building
   * (parsing every value of every row into nodes, then compiling) cost about as much CPU as
   * SQLite's own work for these inserts. The SQL text depends only on the table, the columns
   * and the number of rows, so it is compiled by Kysely once per shape and reused with the
   * values in Kysely's order (row by row, column by column). A row whose shape differs from
   * the first's, or that holds an undefined value (Kysely writes DEFAULT for those), goes
   * through Kysely as before.
   */
  private async insertRows<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: readonly object[]): Promise<void> {
    for (const part of chunks(rows as object[])) {
      const columns = Object.keys(part[0]!);
      const params: unknown[] = [];
      let plain = true;
      for (const row of part as Record<string, unknown>[]) {
        let n = 0;
        for (const _ in row) n++;
        if (n !== columns.length) plain = false;
        for (const c of columns) {
          const v = row[c];
          if (v === undefined) plain = false;
          params.push(v);
        }
        if (!plain) break;
      }
      const query = () => trx.insertInto(table).values(part as never);
      if (!plain) {
        await query().execute();
        continue;
      }
      await this.runCached(trx, `insert ${table}\u0000${columns.join(',')}\u0000${part.length}`, params, query);
    }
  }

  /** `isNew`: the document row was inserted by this transaction, so it has no origins yet. */
  private async addOrigins(trx: Transaction<Database>, documentId: string, origins: DocumentOrigin[], isNew = false): Promise<number> {
    if (origins.length === 0) return 0;
    const known = new Set(
      isNew ? [] : (await trx.selectFrom('origins').select('location').where('document_id', '=', documentId).execute()).map((r) => r.location),
    );
    const fresh = origins.filter((o) => !known.has(o.location));
    if (fresh.length === 0) return 0;
    await this.insertRows(
      trx,
      'origins',
      fresh.map((o) => ({ document_id: documentId, location: o.location, format: o.format, feed: o.feed ?? null, read_at: o.readAt })),
    );
    return fresh.length;
  }

  /** The story of the most similar stored document sharing an LSH band with this one. */
  private async closestStory(trx: Transaction<Database>, id: string, keys: bigint[], signature: Uint32Array): Promise<{ storyId: string; similarity: number } | null> {
    if (keys.length === 0) return null;
    let best: { storyId: string; similarity: number } | null = null;
    // One query for candidates and their signatures (a document has 64 keys, one chunk); in
    // id order, so of equally similar candidates the first by id wins, as it always has.
    for (const part of chunks(keys)) {
      const { rows } = await this.runCached(trx, `closest story ${part.length}`, [...part, id], () =>
        trx
          .selectFrom('story_bands')
          .innerJoin('documents', 'documents.seq', 'story_bands.document_seq')
          .innerJoin('signatures', 'signatures.document_id', 'documents.id')
          .select(['signatures.signature', 'documents.story_id', 'documents.id'])
          .distinct()
          .where('story_bands.band_key', 'in', part)
          .where('documents.id', '!=', id)
          .orderBy('documents.id'),
      );
      for (const r of rows) {
        const similarity = estimateSimilarity(signature, signatureFromBuffer(r.signature));
        if (!best || similarity > best.similarity) best = { storyId: r.story_id, similarity };
      }
    }
    return best;
  }

  async listDocuments(query: DocumentQuery = {}): Promise<DocumentSummary[]> {
    const full = query.full ?? false;
    const limit = limitOf(query.limit);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const base = this.db
      .selectFrom('documents')
      .select(['id', 'title', 'url', 'outlet', 'author', 'published_value', 'published_precision', 'language', 'story_id', 'ingested_at', 'sentence_count', 'text', 'paragraphs', 'sentences']);

    if (query.search !== undefined) {
      const terms = searchTerms(query.search);
      if (terms.length === 0) return [];
      const hits = await this.specifics.search(this.db, terms, limit, offset);
      if (hits.length === 0) return [];
      const rows = await base.where('id', 'in', hits.map((h) => h.id)).execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return hits.filter((h) => byId.has(h.id)).map((h) => toSummary(byId.get(h.id)!, full, h));
    }

    const rows = await base
      .orderBy((eb) => eb('published_value', 'is', null))
      .orderBy('published_value', 'desc')
      .orderBy('ingested_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => toSummary(r, full));
  }

  async getDocument(idOrPrefix: string): Promise<StoredDocument | null> {
    const prefix = idOrPrefix.trim().toLowerCase();
    if (!/^[0-9a-f]{1,64}$/.test(prefix)) return null;
    const matches = await this.db
      .selectFrom('documents')
      .select(['seq', 'id', 'title', 'url', 'outlet', 'author', 'published_value', 'published_precision', 'language', 'text', 'paragraphs', 'sentences', 'story_id', 'ingested_at'])
      .where('id', 'like', `${prefix}%`)
      .orderBy('id')
      .limit(5)
      .execute();
    if (matches.length === 0) return null;
    const row = matches.find((m) => m.id === prefix) ?? (matches.length === 1 ? matches[0] : null);
    if (!row) throw new AmbiguousIdError(prefix, matches.map((m) => m.id));

    const [members, origins, mentions, events, statements] = await Promise.all([
      this.db
        .selectFrom('documents')
        .select(['id', 'title', 'published_value', 'published_precision'])
        .where('story_id', '=', row.story_id)
        .where('id', '!=', row.id)
        .orderBy('seq')
        .execute(),
      this.db.selectFrom('origins').selectAll().where('document_id', '=', row.id).orderBy('read_at').orderBy('location').execute(),
      this.db.selectFrom('mentions').selectAll().where('document_seq', '=', row.seq).orderBy('start').orderBy('idx').execute(),
      this.db.selectFrom('events').selectAll().where('document_id', '=', row.id).orderBy('idx').execute(),
      this.db.selectFrom('statements').selectAll().where('document_id', '=', row.id).orderBy('idx').execute(),
    ]);
    return {
      id: row.id,
      title: row.title,
      url: row.url,
      outlet: row.outlet,
      author: row.author,
      published: row.published_value ? { value: row.published_value, precision: row.published_precision as DatePrecision } : null,
      language: row.language,
      text: row.text,
      paragraphs: JSON.parse(row.paragraphs) as Paragraph[],
      sentences: JSON.parse(row.sentences) as Sentence[],
      storyId: row.story_id,
      storyMembers: members.map((m) => ({
        id: m.id,
        title: m.title,
        published: m.published_value ? { value: m.published_value, precision: m.published_precision as DatePrecision } : null,
      })),
      ingestedAt: row.ingested_at,
      origins: origins.map((o) => ({
        location: o.location,
        format: o.format as DocumentOrigin['format'],
        ...(o.feed ? { feed: o.feed } : {}),
        readAt: o.read_at,
      })),
      mentions: mentions.map((m): StoredMention => {
        const kind = m.kind as MentionKind;
        const columns = { start: num(m.start), end: num(m.end), text: m.text, sentence: num(m.sentence) };
        const { start, end, sentence, text } = columns;
        return { kind, start, end, sentence, canonicalId: m.canonical_id, label: m.label, text, payload: fullPayload(kind, m.payload, columns) };
      }),
      events: events.map(toEvent),
      statements: statements.map(
        (s): StoredStatement => ({
          documentId: s.document_id,
          index: num(s.idx),
          subject: s.subject,
          predicate: s.predicate,
          object: s.object,
          modality: s.modality,
          attributedTo: s.attributed_to,
          sentence: num(s.sentence),
          payload: JSON.parse(s.payload) as ExtractedStatement,
        }),
      ),
    };
  }

  async listEvents(query: EventQuery = {}): Promise<StoredEvent[]> {
    let q = this.db.selectFrom('events').selectAll();
    if (query.documentId) q = q.where('document_id', '=', query.documentId);
    if (query.country) q = q.where('country', '=', query.country.trim().toUpperCase());
    if (query.actor) {
      const pattern = `%${likeEscape(query.actor.trim().toLowerCase())}%`;
      // ESCAPE spelt out: SQLite has no default LIKE escape character, PostgreSQL's is the same backslash.
      q = q.where((eb) => eb.or([sql<boolean>`lower(actor1) like ${pattern} escape '\\'`, sql<boolean>`lower(actor2) like ${pattern} escape '\\'`]));
    }
    if (query.type) {
      const t = query.type.trim().toLowerCase();
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['acled_type']), '=', t),
          eb(eb.fn('lower', ['acled_subtype']), '=', t),
          eb(eb.fn('lower', ['plover']), '=', t),
          eb(eb.fn('lower', ['extra']), '=', t),
        ]),
      );
    }
    const from = periodStart(query.from);
    const to = periodEnd(query.to);
    if (query.from !== undefined && !from) throw new Error(`events: --from "${query.from}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (query.to !== undefined && !to) throw new Error(`events: --to "${query.to}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
    if (from) q = q.where((eb) => eb(eb.fn.coalesce('date_to', 'date_from'), '>=', from));
    if (to) q = q.where((eb) => eb(eb.fn.coalesce('date_from', 'date_to'), '<=', to));
    const rows = await q
      // One key with NULLS LAST (not `date_from is null` then `date_from desc`): same order, and
      // SQLite can walk the (country, date_from) index backwards instead of sorting every event of
      // the country. PostgreSQL sorts nulls first on desc by default, so NULLS LAST is spelt out.
      .orderBy('date_from', (ob) => ob.desc().nullsLast())
      .orderBy('document_id')
      .orderBy('idx')
      .limit(limitOf(query.limit))
      .offset(Math.max(0, Math.floor(query.offset ?? 0)))
      .execute();
    return rows.map(toEvent);
  }

  async topMentions(kind: MentionKind, limit = 10): Promise<MentionCount[]> {
    const rows = await this.db
      .selectFrom('mentions')
      .select((eb) => [
        'canonical_id',
        eb.fn.min('label').as('label'),
        eb.fn.count<Count>('document_seq').distinct().as('documents'),
        eb.fn.countAll<Count>().as('mentions'),
      ])
      .where('kind', '=', kind)
      .where('canonical_id', 'is not', null)
      .groupBy('canonical_id')
      .orderBy('documents', 'desc')
      .orderBy('mentions', 'desc')
      .orderBy('canonical_id')
      .limit(limitOf(limit))
      .execute();
    return rows.map((r) => ({ canonicalId: r.canonical_id!, label: r.label, documents: num(r.documents), mentions: num(r.mentions) }));
  }

  async counts(): Promise<StoreCounts> {
    const count = async (table: keyof Database) =>
      num((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<Count>().as('n')).executeTakeFirstOrThrow()).n);
    return {
      documents: await count('documents'),
      stories: await count('stories'),
      origins: await count('origins'),
      mentions: await count('mentions'),
      events: await count('events'),
      statements: await count('statements'),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
