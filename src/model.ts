/**
 * The typed records that flow through sitrep: ingest builds a Document, extract adds
 * mentions, events and statements with character offsets into `Document.text`, resolve
 * links them across documents, store persists them, serve shows them.
 *
 * Every offset is a UTF-16 code-unit index into `Document.text` (what String.prototype.slice
 * uses), `end` exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

/** How exactly a date is known. `time` means a clock time is known as well as the day. */
export type DatePrecision = 'time' | 'day' | 'month' | 'year';

/** A calendar date known to some precision: `value` is ISO 8601 cut to that precision
 * (`2025`, `2025-06`, `2025-06-06`, `2025-06-06T10:30:00Z`). */
export interface PartialDate {
  value: string;
  precision: DatePrecision;
}

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
}

/** Where a document was read from; a document read from several places keeps each. */
export interface DocumentOrigin {
  /** file path, URL or feed URL as the user gave it */
  location: string;
  format: 'txt' | 'md' | 'html' | 'json' | 'jsonl' | 'feed' | 'url' | 'stdin';
  /** the feed an item came from, when it came from one */
  feed?: string;
  /** ISO timestamp of when sitrep read it */
  readAt: string;
}

export interface Document {
  /** hex SHA-256 of the normalised text (see text/normalise.ts) */
  id: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  author: string | null;
  /** never "now" by default: unknown stays null */
  published: PartialDate | null;
  /** ISO 639-1 code when detected, `und` when undetermined */
  language: string;
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  origins: DocumentOrigin[];
}

/** Which stage and rule produced a result: every output carries one. */
export interface Provenance {
  stage: string;
  rule: string;
}

export interface Mention extends Span, Provenance {
  text: string;
  /** index into Document.sentences */
  sentence: number;
}

export interface Token extends Span {
  text: string;
  sentence: number;
}

export type NameType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NameMention extends Mention {
  type: NameType;
}

export type ActorKind =
  | 'state'
  | 'state-forces'
  | 'government'
  | 'armed-group'
  | 'pmc'
  | 'militia'
  | 'person'
  | 'international-org'
  | 'civilians'
  | 'other';

/** ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
 * 5 rioters, 6 protesters, 7 civilians, 8 external/other forces. */
export type AcledInter = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface ActorMention extends Mention {
  /** canonical id in the actor knowledge base, or `provisional:<slug>` for an unknown organisation */
  actorId: string;
  /** canonical name */
  name: string;
  kind: ActorKind;
  inter: AcledInter | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  provisional: boolean;
  /** a group the text only describes ("al-Qaida-affiliated groups") */
  unnamed?: boolean;
}

export type PlaceKind = 'continent' | 'region' | 'country' | 'admin1' | 'admin2' | 'city' | 'village' | 'feature';

export interface PlaceMention extends Mention {
  placeId: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  /** ACLED geo_precision: 1 the named town, 2 near a town or a small part of a region, 3 a larger region */
  precision: 1 | 2 | 3;
}

export type TimePrecision = 'time' | 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'century' | 'range' | 'before' | 'after' | 'unknown';

export interface TimeMention extends Mention {
  /** TIMEX3 type */
  timexType: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3-style normalised value: `2021-Q4`, `2023`, `2025-06-01`, `P3Y`, `PRESENT_REF`, `PAST_REF`, `XXXX-XX-XX` */
  value: string;
  /** bounds for the interval the expression covers, as ISO dates cut to their precision */
  from?: string;
  to?: string;
  before?: string;
  after?: string;
  precision: TimePrecision;
  /** TIMEX3 mod: APPROX, START, MID, END, MORE_THAN, LESS_THAN, ... */
  mod?: string;
  /** true when the value needed the publication date (relative expression) */
  anchored: boolean;
}

export interface QuantityMention extends Mention {
  low: number | null;
  best: number | null;
  high: number | null;
  approximate: boolean;
  /** what is counted, normalised: killed, dead, wounded, abducted, soldiers, fighters, mercenaries, troops, civilians, ... */
  counts: string | null;
  /** the noun or verb the count attaches to, as written */
  countsText: string | null;
}

export type Channel = 'telegram' | 'x' | 'facebook' | 'statement' | 'press-conference' | 'interview' | 'broadcast' | 'website' | 'video' | 'report' | null;

export interface SourceMention extends Provenance {
  /** the reporting or certainty cue ("said", "according to", "reportedly") */
  cue: Span & { text: string };
  /** who says so, when named */
  source: (Span & { text: string }) | null;
  /** what is said */
  content: (Span & { text: string }) | null;
  channel: Channel;
  /** what the cue implies about certainty */
  cueType: 'report' | 'claim' | 'denial' | 'accusation' | 'hedge' | 'estimate' | 'belief';
  sentence: number;
  /** canonical actor id of the source, when linked */
  sourceActorId?: string;
}

export type Modality = 'asserted' | 'reported' | 'claimed' | 'alleged' | 'estimated' | 'denied' | 'hypothetical' | 'future';

export interface EventDate {
  value?: string;
  from?: string;
  to?: string;
  before?: string;
  after?: string;
  precision: TimePrecision;
}

export interface EventLocation {
  name: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  precision: 1 | 2 | 3 | null;
}

export interface Fatalities {
  low: number | null;
  best: number | null;
  high: number | null;
}

export interface ExtractedEvent {
  acled: { type: string; subtype: string } | null;
  plover: string | null;
  /** sitrep's own types neither scheme codes: coup, withdrawal, deployment, group-creation, rebranding, leader-death, negotiation, organised-crime, disaster */
  extra: string | null;
  actor1: string | null;
  actor2: string | null;
  associated: string[];
  interaction: number | null;
  location: EventLocation | null;
  date: EventDate | null;
  fatalities: Fatalities | null;
  civilianTargeting: boolean;
  modality: Modality;
  attributedTo: string | null;
  channel: Channel;
  evidence: Span & { text: string; sentence: number };
  rules: string[];
  main?: boolean;
}

export interface ExtractedStatement {
  subject: string;
  predicate: string;
  object: string | null;
  value: unknown;
  from?: string;
  to?: string;
  at?: string;
  modality: Modality;
  attributedTo: string | null;
  channel: Channel;
  evidence: Span & { text: string; sentence: number };
  rules: string[];
}

export interface TraceEntry {
  stage: string;
  rule: string;
  message: string;
  span?: Span;
}

/** The results so far: each stage reads what earlier stages wrote and adds its own. */
export interface Extraction {
  tokens: Token[];
  names: NameMention[];
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeMention[];
  quantities: QuantityMention[];
  sources: SourceMention[];
  events: ExtractedEvent[];
  statements: ExtractedStatement[];
  /** filled only when tracing is on */
  trace: TraceEntry[] | null;
}

export function emptyExtraction(trace = false): Extraction {
  return {
    tokens: [],
    names: [],
    actors: [],
    places: [],
    times: [],
    quantities: [],
    sources: [],
    events: [],
    statements: [],
    trace: trace ? [] : null,
  };
}
