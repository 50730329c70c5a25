import type { ActorMention, Document, Extraction, ExtractedStatement, Modality, PlaceMention, Sentence, Span, TimeMention } from '../../model.js';
import { actorKb } from '../../knowledge/actors.js';
import { countryNamed } from '../../knowledge/places.js';
import { attribute, LEFT_PLACE, NOBODY, sourceName } from '../events/assemble.js';
import { literalStrings, PrefixIndex } from '../events/prefilter.js';
import { hasFoldingHazard, lowerText } from '../attribution/lowertokens.js';
import { compileNow } from '../../text/regexps.js';

/**
 * Statements: time-bounded facts about actors, each found by a general pattern of news prose
 * ("X, backed by Y", "Y-backed X", "under the command of Y", "tied to Y", "X's leader, Y",
 * "about N fighters remain in Z", "X's presence in Y began in T", "Security analyst Jane Doe")
 * over the actors, places, times and sources the earlier stages found. Names are canonical
 * (sitrep's actor names); countries in `present_in` and `strength` are ISO 3166 alpha-2 codes.
 */

interface Ctx {
  doc: Document;
  results: Extraction;
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeMention[];
  /** results.names sorted by start, with each one's index in results.names */
  names: { byStart: Span[]; order: number[] };
  /** sources by sentence index, in results order */
  sourcesOf: Map<number, Extraction['sources']>;
  /** for each gate, the sentences where one of its strings begins; null when not computed */
  gates: Record<GateName, boolean[]> | null;
  out: ExtractedStatement[];
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the first mention of a list sorted by start that starts at or after `pos`. */
function lowerBound(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An actor mention that starts within `slack` characters after `pos` (articles, English or French, allowed between). */
function actorAfter(ctx: Ctx, pos: number, limit: number, slack = 6): ActorMention | null {
  for (let i = lowerBound(ctx.actors, pos); i < ctx.actors.length; i++) {
    const a = ctx.actors[i];
    if (a.start > Math.min(limit, pos + slack)) break;
    if (/^\s*(?:the\s+|a\s+|an\s+|le\s+|la\s+|les\s+|l['’]\s*)?$/i.test(ctx.doc.text.slice(pos, a.start))) return a;
  }
  return null;
}

/** The closest actor mention ending before `pos`, inside [from, pos). */
function actorBefore(ctx: Ctx, from: number, pos: number, filter: (a: ActorMention) => boolean = () => true): ActorMention | null {
  let best: ActorMention | null = null;
  for (let i = lowerBound(ctx.actors, from); i < ctx.actors.length; i++) {
    const a = ctx.actors[i];
    if (a.end > pos) break;
    if (filter(a)) best = a;
  }
  return best;
}

/**
 * The head of an appositive: in "The Wagner Group, a paramilitary organization backed by Russia",
 * the actor the description is about. The actor before the last comma, else the closest actor.
 */
function appositiveHead(ctx: Ctx, sentence: Span, pos: number): ActorMention | null {
  const text = ctx.doc.text.slice(sentence.start, pos);
  // "X, a paramilitary organization backed by Russia, announced": the actor before the description
  const desc = /,\s*(?:a|an|the)\s[^,]*,\s*$/u.exec(text);
  if (desc) {
    const head = actorBefore(ctx, sentence.start, sentence.start + desc.index, (a) => a.kind !== 'person');
    if (head && sentence.start + desc.index - head.end <= 2) return head;
  }
  const comma = text.lastIndexOf(',');
  if (comma >= 0) {
    const head = actorBefore(ctx, sentence.start, sentence.start + comma, (a) => a.kind !== 'person');
    if (head && sentence.start + comma - head.end <= 2) return head;
  }
  return actorBefore(ctx, sentence.start, pos, (a) => a.kind !== 'person');
}

/** A state's canonical name for an ISO code ("RU" -> "Russia"), from the actor knowledge base. */
function stateName(iso: string | null): string | null {
  if (!iso) return null;
  try {
    return actorKb().stateEntry(iso, 'state')?.name ?? null;
  } catch {
    return null;
  }
}

function placeAt(ctx: Ctx, pos: number, limit: number): PlaceMention | null {
  const p = ctx.places[lowerBound(ctx.places, pos)];
  return p && p.start <= Math.min(limit, pos + 6) ? p : null;
}

/** The object of "backed by Russia": an actor there, else the state of a country named there. */
function partyAt(ctx: Ctx, pos: number, limit: number): { name: string; span: Span } | null {
  const a = actorAfter(ctx, pos, limit);
  if (a) return { name: a.name, span: a };
  const p = placeAt(ctx, pos, limit);
  if (p && p.kind === 'country') return { name: stateName(p.country) ?? p.name, span: p };
  return null;
}

const personCache = new WeakMap<Ctx, Map<number, { name: string; span: Span }[]>>();

/** Persons of a sentence, computed once per sentence. */
function persons(ctx: Ctx, sentence: Span): { name: string; span: Span }[] {
  let byStart = personCache.get(ctx);
  if (!byStart) personCache.set(ctx, (byStart = new Map()));
  const hit = byStart.get(sentence.start);
  if (hit) return hit;
  const found = findPersons(ctx, sentence);
  byStart.set(sentence.start, found);
  return found;
}

function findPersons(ctx: Ctx, sentence: Span): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  // only mentions that start inside the sentence can lie inside it (lists sorted by start)
  for (let i = lowerBound(ctx.actors, sentence.start); i < ctx.actors.length && ctx.actors[i].start <= sentence.end; i++) {
    const a = ctx.actors[i];
    if (a.kind === 'person' && a.end <= sentence.end) out.push({ name: a.name, span: a });
  }
  const names = ctx.names;
  const inside: number[] = [];
  for (let i = lowerBound(names.byStart, sentence.start); i < names.byStart.length && names.byStart[i].start <= sentence.end; i++) inside.push(names.order[i]);
  // in the order of results.names, as before
  inside.sort((a, b) => a - b);
  for (const k of inside) {
    const n = ctx.results.names[k];
    if (n.type !== 'PER' || n.start < sentence.start || n.end > sentence.end) continue;
    if (out.some((p) => overlaps(p.span, n))) continue;
    out.push({ name: n.text, span: n });
  }
  // a capitalised name right after a role ("Security analyst Jane Doe", "the spokesman, John Doe")
  const text = ctx.doc.text.slice(sentence.start, sentence.end);
  // every role noun holds a string of the role gate: without one in the sentence, nothing to find
  const sentenceIndex = (sentence as Partial<Sentence>).index;
  const noRole = ctx.gates !== null && sentenceIndex !== undefined && ctx.doc.sentences[sentenceIndex] === sentence && !ctx.gates.role[sentenceIndex];
  for (const m of noRole ? [] : matches(ROLE_THEN_NAME, text)) {
    const start = sentence.start + m.index + m[0].length - m[1].length;
    const span = { start, end: start + m[1].length };
    // the regex is case-blind for the role; the name is the leading run of capitalised words
    const words = m[1].split(/\s+/);
    const firstLower = words.findIndex((w) => !/^\p{Lu}/u.test(w));
    const caps = firstLower < 0 ? words : words.slice(0, firstLower);
    if (caps.length < 2) continue;
    span.end = span.start + caps.join(' ').length;
    if (out.some((p) => overlaps(p.span, span))) continue;
    if (ctx.actors.some((a) => a.kind !== 'person' && overlaps(a, span))) continue;
    out.push({ name: ctx.doc.text.slice(span.start, span.end), span });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function timeIn(ctx: Ctx, span: Span): TimeMention | null {
  // the first in start order; none that starts after the span can end inside it
  for (let i = lowerBound(ctx.times, span.start); i < ctx.times.length && ctx.times[i].start <= span.end; i++) {
    const t = ctx.times[i];
    if (t.end <= span.end && t.timexType !== 'DURATION' && /^\d{4}/.test(t.value)) return t;
  }
  return null;
}

/** The date a time mention points to, cut to its own precision ("2023", "2021-10", "2020-11-02"). */
function dateOf(t: TimeMention): string {
  if (t.precision === 'quarter' || t.precision === 'season') return t.from ? t.from.slice(0, 7) : t.value;
  return t.value;
}

function push(
  ctx: Ctx,
  sentence: Sentence,
  evidence: Span,
  rule: string,
  s: { subject: string; predicate: string; object?: string | null; value?: unknown; from?: string; to?: string; at?: string; modality?: Modality },
  trigger: Span = evidence,
): ExtractedStatement {
  const attr = attribute(ctx.doc, sentence, sentence, trigger, ctx.results.sources, ctx.actors, ctx.results.names, ctx.results.tokens);
  const modality = s.modality ?? attr.modality.modality;
  const st: ExtractedStatement = {
    subject: s.subject,
    predicate: s.predicate,
    object: s.object ?? null,
    value: s.value ?? null,
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(s.at ? { at: s.at } : {}),
    modality,
    attributedTo: modality === 'asserted' ? null : attr.attributedTo,
    channel: modality === 'asserted' ? null : attr.channel,
    evidence: { start: evidence.start, end: evidence.end, text: ctx.doc.text.slice(evidence.start, evidence.end), sentence: sentence.index },
    rules: [rule, attr.modality.rule],
  };
  ctx.out.push(st);
  return st;
}

function published(ctx: Ctx): string | undefined {
  return ctx.doc.published?.value;
}

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

const ROLE_NOUN = String.raw`(?:minister|spokesman|spokeswoman|spokesperson|analyst|chief of staff|chief|commander|general|president|director|head|leader|official|researcher|ambassador|governor|mayor|colonel|captain|envoy|secretary|adviser|advisor|expert|professor|journalist|correspondent|emir|founder|lieutenant|major|admiral|representative|coordinator|prefect)`;
const ROLE_TAIL = String.raw`(?:\s+(?:of|for)\s+(?:the\s+)?[\p{L}'’-]+(?:\s+(?:of|for|the|and|[\p{L}'’-]+)){0,5}?)?`;
/** "the French Minister of the Armed Forces, Jane Doe": the role phrase just before a person */
const ROLE_BEFORE = new RegExp(String.raw`(?:^|[,;(“"]\s*|\b(?:the|The)\s+)((?:[\p{L}'’-]+\s+){0,3}?${ROLE_NOUN}${ROLE_TAIL}),\s*$`, 'iu');
/** "Jane Doe, Chief of Staff of the armed forces," */
const ROLE_AFTER = new RegExp(String.raw`^,\s*((?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}?${ROLE_NOUN}${ROLE_TAIL})\s*(?:,|\.|;|$)`, 'iu');
/** "Security analyst Jane Doe": a lower-case role noun right before the name */
const ROLE_TITLE = new RegExp(String.raw`(?:^|[\s(])((?:[\p{Lu}]?[\p{Ll}-]+\s+)?(?:analyst|researcher|spokesman|spokeswoman|spokesperson|expert|journalist|correspondent|official|professor|activist|lawmaker|commander))\s+$`, 'u');
/** How a text that ROLE_TITLE matches ends, its trailing space trimmed (String.trimEnd drops what \s matches) */
const ROLE_TITLE_END = /(?:analyst|researcher|spokesman|spokeswoman|spokesperson|expert|journalist|correspondent|official|professor|activist|lawmaker|commander)$/u;
/** "President Vladimir Putin": a head of state or government */
/** one of the words STATE_LEADER_EN and STATE_LEADER_FR end with, to test a window cheaply before them */
const LEADER_WORD = /leader|ruler|strongman|head of state|president|chief|chef|présid|dirigeant/i;
/** A rank before a name ("General", "le colonel"), set aside to read the description before it */
const RANK_BEFORE = /(?:,\s*)?(?:(?:the|le|la)\s+)?(?:general|gen\.|colonel|col\.|captain|capt\.|lieutenant-colonel|lt\.?\s*col\.|major|général|capitaine|commandant)?\s*$/iu;
/** "Niger's military leader,", "Mali's interim president,", "the Burkinabe junta leader", "the country's junta chief" */
const STATE_LEADER_EN = /(?:(?<owner>\p{Lu}[\p{L}'’ -]*?)['’]s\s+|(?<![\p{L}])(?:the\s+)?(?<demonym>\p{Lu}\p{Ll}+)\s+|(?<![\p{L}])the\s+(?<country>country['’]s\s+))?(?<kind>(?:(?:military|junta|interim|transitional|de\s+facto|self-proclaimed)\s+)*)(?:leader|ruler|strongman|head\s+of\s+state|president|chief)\s*,?\s*$/u;
/** "le chef du régime militaire nigérien,", "le président de la transition malienne,", "le chef de la junte," */
const STATE_LEADER_FR = /(?<![\p{L}])(?:le|la)\s+(?:chef|président|présidente|dirigeant)\s+(?<kind>du\s+régime(?:\s+militaire)?|de\s+la\s+junte(?:\s+militaire)?|de\s+l['’]État|de\s+la\s+transition|du\s+gouvernement\s+de\s+transition)?(?:\s+(?<demonym>[\p{L}-]+))?\s*,?\s*$/iu;

/**
 * A head of state described before the name: "Niger's military leader, General Abdourahamane
 * Tiani", "the Burkinabe junta leader Captain Ibrahim Traoré", "le chef du régime militaire
 * nigérien, le général Abdourahamane Tiani". Without a country or a word of military rule
 * ("the leader, X") the description may be any group's, and says nothing here.
 */
function stateLeaderDescribed(ctx: Ctx, s: Sentence, people: readonly { name: string; span: Span }[]): void {
  for (const p of people) {
    const from = Math.max(s.start, p.span.start - 110);
    let before = ctx.doc.text.slice(from, p.span.start);
    if (!LEADER_WORD.test(before)) continue;
    before = before.slice(0, before.length - (RANK_BEFORE.exec(before)?.[0].length ?? 0));
    const en = STATE_LEADER_EN.exec(before);
    const fr = en ? null : STATE_LEADER_FR.exec(before);
    const m = en ?? fr;
    if (!m?.groups) continue;
    // "the toppling of Libyan leader Muammar Qadhafi", "former Chadian president X": no longer
    const lead = before.slice(0, m.index);
    if (FORMER_BEFORE.test(lead) || FALL_OF_BEFORE.test(lead) || /(?<![\p{L}])(?:former|ousted|deposed|late|ex-|then-?)\s*/iu.test(m[0])) continue;
    const g = m.groups;
    let iso: string | null = null;
    if (g.owner) iso = countryNamed(g.owner.trim(), {});
    else if (g.demonym) iso = countryNamed(g.demonym, { demonyms: true });
    // a word of military rule, or "the country's", says the state is the one the text is about
    const ruling = (g.kind ?? '').trim().length > 0;
    if ((g.owner || (g.demonym && en)) && !iso) continue;
    if (!iso && !ruling && !g.country) continue;
    iso ??= countrySoFar(ctx, p.span.start) ?? ctx.actors.find((a) => overlaps(a, p.span))?.country ?? null;
    const state = stateName(iso);
    if (!state) continue;
    push(ctx, s, { start: from + m.index, end: p.span.end }, 'statements.state-leader-described', { subject: p.name, predicate: 'leader_of', object: state, value: m[0].replace(/[\s,]+$/u, '').replace(/^(?:the|le|la)\s+/iu, '') });
  }
}

const FALL_OF_BEFORE = /(?<![\p{L}])(?:toppl\w*|overthrow\w*|ouster|ousting|fall|death|killing|assassination|removal|downfall|renversement|chute|mort|assassinat)\s+(?:of|du|de)\s+(?:the\s+|l['’]\s*)?$/iu;
const FORMER_BEFORE = /(?<![\p{L}])(?:former|ousted|deposed|overthrown|toppled|late|exiled|ex-?|then|erstwhile|onetime|one-time)\s*$/iu;
const LEADER_TITLE = /(?:^|\s)(President|Prime Minister|King|Queen|Emir|Supreme Leader|Chancellor|Premier|Interim President|Transitional President)\s+$/u;

/** A role phrase followed by a capitalised name, for names no earlier stage found. */
const ROLE_THEN_NAME = new RegExp(String.raw`(?:${ROLE_NOUN}${ROLE_TAIL},?\s+)((?:[\p{Lu}][\p{Ll}'’-]+\s+){1,2}[\p{Lu}][\p{Ll}'’-]+)`, 'giu');

function cleanRole(role: string): string {
  return role.replace(/^(?:the|The)\s+/, '').trim();
}

// ---------------------------------------------------------------- the patterns

function backedBy(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(/\b(?:backed|supported|sponsored|funded|armed) by\s+/giu, text)) {
    const at = s.start + m.index;
    const obj = partyAt(ctx, at + m[0].length, s.end);
    const subj = appositiveHead(ctx, s, at);
    if (!obj || !subj || subj.name === obj.name) continue;
    push(ctx, s, { start: Math.min(subj.start, at), end: obj.span.end }, 'statements.backed-by', { subject: subj.name, predicate: 'backed_by', object: obj.name }, { start: at, end: at + m[0].length });
  }
  for (const m of matches(/\b([\p{Lu}][\p{L}.]+)-(?:backed|supported|sponsored)\s+/gu, text)) {
    const at = s.start + m.index;
    const subj = actorAfter(ctx, at + m[0].length, s.end, 2) ?? ctx.actors.find((a) => a.start <= at + m[0].length && a.end > at + m[0].length) ?? null;
    const prefix = m[1];
    const objActor = ctx.actors.find((a) => a.start >= at && a.end <= at + prefix.length + 1);
    const objPlace = ctx.places.find((p) => p.start >= at && p.end <= at + prefix.length + 1);
    const obj = objActor?.name ?? (objPlace ? stateName(objPlace.country) ?? objPlace.name : null);
    if (!subj || !obj || subj.name === obj) continue;
    push(ctx, s, { start: at, end: subj.end }, 'statements.x-backed', { subject: subj.name, predicate: 'backed_by', object: obj });
  }
}

function controlledBy(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(/\b(state|government|army|military|kremlin)-(?:controlled|run|owned|directed)\b/giu, text)) {
    const at = s.start + m.index;
    const subj = appositiveHead(ctx, s, at);
    if (!subj) continue;
    const obj = stateName(subj.country);
    if (!obj) continue;
    push(ctx, s, { start: at, end: at + m[0].length }, 'statements.state-controlled', { subject: subj.name, predicate: 'controlled_by', object: obj });
  }
  for (const m of matches(/\b(?:controlled|run|directed) by\s+/giu, text)) {
    const at = s.start + m.index;
    const obj = partyAt(ctx, at + m[0].length, s.end);
    const subj = appositiveHead(ctx, s, at);
    if (!obj || !subj || subj.name === obj.name) continue;
    push(ctx, s, { start: at, end: obj.span.end }, 'statements.controlled-by', { subject: subj.name, predicate: 'controlled_by', object: obj.name });
  }
}

function commandedBy(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(/\b(?:under the (?:direct |overall |operational )?command of|commanded by|reports? directly to)\s+/giu, text)) {
    const at = s.start + m.index;
    const obj = partyAt(ctx, at + m[0].length, s.end);
    const subj = actorBefore(ctx, s.start, at, (a) => a.kind !== 'person');
    if (!obj || !subj || subj.name === obj.name) continue;
    push(ctx, s, { start: at, end: obj.span.end }, 'statements.under-command', { subject: subj.name, predicate: 'commanded_by', object: obj.name });
  }
}

function partOf(ctx: Ctx, s: Sentence, text: string): void {
  // "Katiba Macina, part of JNIM", "X, a unit of Y", "X is part of Y", "X, which belongs to Y"
  for (const m of matches(/\b(?:(?:is|are|was|were|which is|which was)\s+)?(?:(?:a|an|the)\s+)?(?:part|unit|component|battalion|brigade|subsidiary|division|element|sub-group|subgroup)\s+of\s+|\b(?:belongs|belonged|belonging)\s+to\s+/giu, text)) {
    const at = s.start + m.index;
    const obj = actorAfter(ctx, at + m[0].length, s.end);
    const near = actorBefore(ctx, s.start, at, (a) => a.kind !== 'person');
    // ("The Katiba Macina, commanded by Amadou Koufa, is part of JNIM": past an aside between commas)
    const subj = near && /^\s*,?\s*$/.test(ctx.doc.text.slice(near.end, at)) ? near : subjectBefore(ctx, s, at);
    if (!obj || !subj || subj.name === obj.name || obj.kind === 'person') continue;
    push(ctx, s, { start: subj.start, end: obj.end }, 'statements.part-of', { subject: subj.name, predicate: 'part_of', object: obj.name });
  }
}

function memberOf(ctx: Ctx, s: Sentence, text: string): void {
  // "Jane Doe, a member of X" / "a member of X, Jane Doe" / "X member Jane Doe"
  const people = persons(ctx, s);
  for (const m of matches(/\b(?:a|an|the)?\s*(?:senior |former |founding |leading )?(?:member|militant|fighter|commander|official) of\s+/giu, text)) {
    const at = s.start + m.index;
    const group = actorAfter(ctx, at + m[0].length, s.end);
    if (!group || group.kind === 'person') continue;
    const before = people.filter((p) => p.span.end <= at && /^\s*,\s*$/.test(ctx.doc.text.slice(p.span.end, at)));
    const after = people.filter((p) => p.span.start >= group.end && /^\s*,\s*$/.test(ctx.doc.text.slice(group.end, p.span.start)));
    const person = before[before.length - 1] ?? after[0];
    if (!person) continue;
    push(ctx, s, { start: Math.min(person.span.start, at), end: Math.max(person.span.end, group.end) }, 'statements.member-of', { subject: person.name, predicate: 'member_of', object: group.name });
  }
}

/** "W, formed by X, Y and Z", "W, which groups X and Y": the founders or members listed after the group */
const FORMED_BY = /\b(?:formed|founded|created|established)\s+by\s+|\bwhich\s+(?:groups|brings together|comprises|includes)\s+|\bcomprising\s+|(?<![\p{L}])(?:formée?|créée?|fondée?)\s+par\s+|(?<![\p{L}])(?:qui\s+)?regroup(?:e|ant)\s+/giu;
/** "was formed in 2017 through the merger of", "est né de la fusion de" */
const MERGER_OF = /(?<![\p{L}])(?:(?:was|were|has\s+been)\s+(?:formed|founded|created|born)\s+(?:in\s+[^,;.]{1,25}?\s+)?(?:through|by|from|after|following|out\s+of)\s+(?:the\s+|a\s+)?merger\s+of|(?:est|a\s+été)\s+(?:née?|formée?|créée?)\s+(?:en\s+[^,;.]{1,25}?\s+)?(?:de\s+la|par\s+la|après\s+la)\s+fusion\s+(?:de|des|d['’]|du))\s*/giu;
/** "X, Y and Z are members of W" */
/** "X, Y and Z formed / founded / set up W", "X, Y et Z ont créé W" */
const FORMED_ACTIVE = /\b(?:formed|founded|created|established|set up)\s+|(?<![\p{L}])(?:ont|avaient)\s+(?:formé|créé|fondé|mis en place)\s+/giu;
const ARE_MEMBERS = /\b(?:are|were|became|remain)\s+(?:(?:founding|full|the)\s+)?members\s+of\s+|(?<![\p{L}])(?:sont|étaient|sont devenus)\s+(?:les\s+)?membres\s+(?:fondateurs\s+)?(?:de\s+(?:la\s+|l['’]\s*|le\s+)?|du\s+|des\s+)/giu;

/** The parties a list names in [from, to): non-person actors, else the states of the countries named. */
function listedParties(ctx: Ctx, from: number, to: number): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  for (let i = lowerBound(ctx.actors, from); i < ctx.actors.length && ctx.actors[i].start < to; i++) {
    const a = ctx.actors[i];
    if (a.end <= to && a.kind !== 'person') out.push({ name: a.name, span: a });
  }
  for (let i = lowerBound(ctx.places, from); i < ctx.places.length && ctx.places[i].start < to; i++) {
    const p = ctx.places[i];
    if (p.end > to || p.kind !== 'country' || out.some((o) => overlaps(o.span, p))) continue;
    const state = stateName(p.country);
    if (state) out.push({ name: state, span: p });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The end of a list of names: the first clause break (comma after the last "and", or a period). */
function listEnd(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const and = rest.search(/\s(?:and|et)\s/u);
  const after = and < 0 ? 0 : and + 5;
  const stop = rest.slice(after).search(/[,;.(]|\s(?:in|on|since|en|depuis|le)\s/u);
  return stop < 0 ? limit : from + after + stop;
}

function membership(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(FORMED_BY, text)) {
    const at = s.start + m.index;
    const group = actorBefore(ctx, Math.max(s.start, at - 60), at, (a) => a.kind !== 'person' && a.kind !== 'state');
    if (!group || !/^\)?(?:\s*\([^)]*\))?\s*,\s*$/u.test(ctx.doc.text.slice(group.end, at))) continue;
    const from = at + m[0].length;
    const end = listEnd(ctx.doc.text, from, s.end);
    const members = listedParties(ctx, from, end);
    if (members.length < 2) continue;
    const t = timeIn(ctx, { start: end, end: Math.min(s.end, end + 30) });
    const founded = /form|found|creat|establish|fond|créé/iu.test(m[0]);
    for (const p of members) push(ctx, s, { start: group.start, end: p.span.end }, 'statements.formed-by', { subject: p.name, predicate: 'member_of', object: group.name, from: founded && t ? dateOf(t) : undefined }, { start: at, end: from });
  }
  // "JNIM was formed in 2017 through the merger of Ansar Dine, the Macina Liberation Front, …":
  // the groups that merged are its members from then
  for (const m of matches(MERGER_OF, text)) {
    const at = s.start + m.index;
    const group = subjectBefore(ctx, s, at);
    if (!group || group.kind === 'person' || group.kind === 'state') continue;
    const from = at + m[0].length;
    const end = listEnd(ctx.doc.text, from, s.end);
    const members = listedParties(ctx, from, end).filter((p) => p.name !== group.name);
    if (members.length < 2) continue;
    const t = timeIn(ctx, { start: group.end, end: from });
    for (const p of members) push(ctx, s, { start: group.start, end: p.span.end }, 'statements.merger-of', { subject: p.name, predicate: 'member_of', object: group.name, from: t ? dateOf(t) : undefined }, { start: at, end: from });
  }
  // "Mali, Burkina Faso and Niger formed the Alliance of Sahel States (AES) in September 2023"
  for (const m of matches(FORMED_ACTIVE, text)) {
    const at = s.start + m.index;
    // (the group's span may open with its article: "the Alliance of Sahel States", "l'Alliance")
    const group = actorAfter(ctx, at + m[0].length, s.end, 4);
    if (!group || group.kind === 'person' || group.kind === 'state') continue;
    // the founders: the list that is the verb's subject, from the sentence's start
    const members = listedParties(ctx, s.start, at).filter((p) => p.name !== group.name);
    if (members.length < 2 || !/^[\s,]*(?:(?:and|et)\s+)?$/u.test(ctx.doc.text.slice(members[members.length - 1].span.end, at))) continue;
    const t = timeIn(ctx, { start: group.end, end: Math.min(s.end, group.end + 40) });
    for (const p of members) push(ctx, s, { start: p.span.start, end: group.end }, 'statements.formed', { subject: p.name, predicate: 'member_of', object: group.name, from: t ? dateOf(t) : undefined }, { start: at, end: at + m[0].length });
  }
  for (const m of matches(ARE_MEMBERS, text)) {
    const at = s.start + m.index;
    const group = actorAfter(ctx, at + m[0].length, s.end, 6);
    if (!group || group.kind === 'person') continue;
    const members = listedParties(ctx, s.start, at).filter((p) => p.name !== group.name);
    for (const p of members) push(ctx, s, { start: p.span.start, end: group.end }, 'statements.are-members', { subject: p.name, predicate: 'member_of', object: group.name }, { start: at, end: at + m[0].length });
  }
}

const THE_COUNTRY_LEFT = /(?:\b(?:from|out of)\s+the\s+country|(?<![\p{L}])(?:du|hors du)\s+pays)(?![\p{L}])/iu;

/**
 * A withdrawal told as an event ("The Wagner Group withdrew from Mali in June 2025") ends the
 * actor's presence in that country: a presence the text gave is closed there, or one is stated
 * with its end alone.
 */
function presenceEnded(ctx: Ctx): void {
  for (const e of ctx.results.events) {
    if (e.extra !== 'withdrawal' || !e.actor1 || !e.location?.country || !e.date?.value || e.modality === 'future' || e.modality === 'hypothetical' || e.modality === 'denied') continue;
    const sentence = ctx.doc.sentences[e.evidence.sentence];
    if (!sentence) continue;
    // the country must be the one left ("withdrew from Mali", "a quitté le Niger"), not any named nearby
    // (or "the country" when the event is placed in one: "la Minusma, la mission de l'ONU au Mali, a
    // achevé son retrait du pays")
    const left = ctx.places.some((p) => p.kind === 'country' && p.country === e.location!.country && p.start >= e.evidence.start && p.end <= e.evidence.end && LEFT_PLACE.test(ctx.doc.text.slice(Math.max(sentence.start, p.start - 24), p.start))) ||
      (e.location.precision === 3 && THE_COUNTRY_LEFT.test(e.evidence.text));
    if (!left) continue;
    const known = ctx.out.find((st) => st.predicate === 'present_in' && st.subject === e.actor1 && st.object === e.location!.country);
    if (known) {
      known.to ??= e.date.value;
      continue;
    }
    push(ctx, sentence, e.evidence, 'statements.presence-ended', { subject: e.actor1, predicate: 'present_in', object: e.location.country, to: e.date.value, modality: e.modality });
  }
}

function rivalOf(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(/\b(?:as an? |an? |the )?(?:main |chief )?rivals? (?:to|of)\s+/giu, text)) {
    const at = s.start + m.index;
    const obj = partyAt(ctx, at + m[0].length, s.end);
    const subj = actorBefore(ctx, s.start, at, (a) => a.kind !== 'person');
    if (!obj || !subj || subj.name === obj.name) continue;
    const evStart = Math.max(s.start, Math.min(subj.start, at));
    push(ctx, s, { start: evStart, end: obj.span.end }, 'statements.rival-of', { subject: subj.name, predicate: 'rival_of', object: obj.name });
  }
}

/** "JNIM-affiliated", "Wagner-linked": a group named in a hyphenated adjective */
const HYPHEN_AFFILIATION = /(?<![\p{L}-])((?:[\p{Ll}]{1,3}-)?[\p{Lu}][\p{L}'’]*(?:-[\p{Lu}][\p{L}'’]*)*)-(?:affiliated|linked|allied|aligned)\b/gu;

/** "affiliée au", "lié à", "allié de", "rattachée à" */
const FRENCH_AFFILIATION = /(?<![\p{L}])(?:affilié|lié|allié|rattaché|inféodé)(?:e|s|es)?\s+(?:à\s+la\s+|à\s+l['’]\s*|à\s+|au\s+|aux\s+|de\s+la\s+|de\s+l['’]\s*|du\s+|d['’]\s*)/giu;

/** "'s (local|Sahel...) affiliate/branch/franchise/wing/offshoot" after the group it belongs to */
const POSSESSIVE_AFFILIATE = /[’']s\s+(?:(?:local|regional|main|official|Sahel|Sahelian|West African|African|Malian|Burkinabe|Nigerien|Nigerian)\s+)?(?:affiliate|branch|franchise|wing|offshoot|province)\b/giu;

function affiliatedWith(ctx: Ctx, s: Sentence, text: string): void {
  const objectText = (pos: number): string | null => {
    const m = /^(?:the\s+)?([\p{Lu}][\p{L}'’-]*(?:\s+(?:in|of|the|[\p{Lu}][\p{L}'’-]*))*)/u.exec(ctx.doc.text.slice(pos, s.end));
    return m ? m[1].replace(/\s+(?:in|of|the)$/u, '') : null;
  };
  for (const m of matches(/\b(?:tied|linked|affiliated|allied|loyal|connected|close) (?:to|with)\s+|\b(?:an? )?(?:affiliate|branch|wing|offshoot|franchise|faction) of\s+/giu, text)) {
    const at = s.start + m.index;
    const covering = ctx.actors.find((a) => a.start <= at && a.end >= at + m[0].length);
    const subj = covering ?? appositiveHead(ctx, s, at);
    const objActor = actorAfter(ctx, at + m[0].length, s.end);
    // "close to the Algerian border", "linked to Gao by road": a place is no one's ally, and
    // "close to" names one only when a known party follows
    const placeNext = placeAt(ctx, at + m[0].length, s.end) !== null || /^(?:the\s+)?[\p{Lu}][\p{L}'’-]*\s+(?:border|frontier|coast|capital|city|town|region|desert|river)\b/iu.test(ctx.doc.text.slice(at + m[0].length, s.end));
    const obj = objActor && objActor !== covering ? objActor.name : placeNext || /^close/i.test(m[0]) ? null : objectText(at + m[0].length);
    if (!subj || !obj || subj.name === obj) continue;
    // ("the merger of Ansar Dine, the Macina Liberation Front, al-Mourabitoun and the Sahara branch
    // of AQIM": the branch is the list's next item, not what the item before it is)
    if (!covering && /(?<![\p{L}])(?:and|or|et|ou)\s/iu.test(ctx.doc.text.slice(subj.end, at))) continue;
    push(ctx, s, { start: covering ? covering.start : at, end: at + m[0].length + obj.length }, 'statements.tied-to', { subject: subj.name, predicate: 'affiliated_with', object: obj });
  }
  // "la katiba Macina, affiliée au GSIM", "le GSIM, lié à Al-Qaïda"
  for (const m of matches(FRENCH_AFFILIATION, text)) {
    const at = s.start + m.index;
    const subj = appositiveHead(ctx, s, at);
    const obj = actorAfter(ctx, at + m[0].length, s.end, 2);
    if (!subj || !obj || subj.actorId === obj.actorId || obj.kind === 'person') continue;
    // "des violences de groupes affiliés à Al-Qaïda": the groups are unnamed; the head of the
    // sentence ("Le Burkina Faso, ..., est confronté ...") is not what is affiliated
    if (subj.kind === 'state' || subj.kind === 'government' || /(?<![\p{L}])(?:groupes?|mouvements?|organisations?|factions?)\s*$/iu.test(ctx.doc.text.slice(Math.max(s.start, at - 20), at))) continue;
    push(ctx, s, { start: subj.start, end: obj.end }, 'statements.fr-affiliated', { subject: subj.name, predicate: 'affiliated_with', object: obj.name }, { start: at, end: at + m[0].length });
  }
  // "al-Qaida's local affiliate, JNIM", "JNIM, al-Qaida's branch in the Sahel"
  for (const m of matches(POSSESSIVE_AFFILIATE, text)) {
    const at = s.start + m.index;
    const owner = actorBefore(ctx, Math.max(s.start, at - 60), at, (a) => a.kind !== 'person');
    if (!owner || !/^\s*$/.test(ctx.doc.text.slice(owner.end, at))) continue;
    const end = at + m[0].length;
    const after = /^\s*,\s*/.exec(ctx.doc.text.slice(end, s.end));
    const before = /,\s*(?:the\s+)?$/u.exec(ctx.doc.text.slice(Math.max(s.start, owner.start - 8), owner.start));
    const member = after ? actorAfter(ctx, end + after[0].length, s.end, 0) : before ? actorBefore(ctx, Math.max(s.start, owner.start - 60), owner.start - before[0].length + 1, (a) => a.kind !== 'person') : null;
    if (!member || member.kind === 'person' || member.unnamed || member.actorId === owner.actorId) continue;
    push(ctx, s, { start: Math.min(member.start, owner.start), end: Math.max(member.end, end) }, 'statements.possessive-affiliate', { subject: member.name, predicate: 'affiliated_with', object: owner.name }, { start: at, end });
  }
  for (const m of matches(HYPHEN_AFFILIATION, text)) {
    const at = s.start + m.index;
    const covering = ctx.actors.find((a) => a.start <= at && a.end >= at + m[0].length);
    const subj = covering ?? actorAfter(ctx, at + m[0].length + 1, s.end, 2);
    if (!subj) continue;
    // the knowledge base's name for the group the hyphen joins ("al-Qaeda-linked": al-Qaida)
    const named = ctx.actors.find((a) => a.start === at && a.end <= at + m[1].length + 1 && a.kind !== 'person');
    const obj = named ? named.name : m[1];
    if (subj.name === obj) continue;
    push(ctx, s, { start: at, end: Math.max(subj.end, at + m[0].length) }, 'statements.x-affiliated', { subject: subj.name, predicate: 'affiliated_with', object: obj });
  }
}

/** Dates of deaths found so far, by person, to close a leadership. */
function died(ctx: Ctx, s: Sentence, text: string, deaths: Map<string, string>): void {
  const people = persons(ctx, s);
  for (const m of matches(/\b(?:the )?(?:death|killing|assassination) of\s+/giu, text)) {
    const at = s.start + m.index + m[0].length;
    // "the death of Wagner's leader, Yevgeny Prigozhin": the person after the description
    const person = people.find((p) => p.span.start >= at && /^[^.;]{0,40}$/.test(ctx.doc.text.slice(at, p.span.start)));
    if (!person) continue;
    const rest = ctx.doc.text.slice(person.span.end, s.end);
    const cause = /^[^.;]*?\bin an? ((?:plane|helicopter|car|road|air) (?:crash|accident)|accident|air ?strike|drone strike|ambush|attack|explosion|bombing)\b/iu.exec(rest);
    const t = timeIn(ctx, { start: person.span.end, end: s.end }) ?? timeIn(ctx, s);
    const at2 = t ? dateOf(t) : undefined;
    if (at2) deaths.set(person.name, at2);
    const causeEnd = cause ? person.span.end + cause.index + cause[0].length : person.span.end;
    push(ctx, s, { start: s.start + m.index, end: t && t.start >= causeEnd && t.start - causeEnd < 12 ? t.end : causeEnd }, 'statements.death-of', {
      subject: person.name,
      predicate: 'died',
      value: cause ? cause[1] : null,
      at: at2,
    });
  }
  for (const p of people) {
    const after = ctx.doc.text.slice(p.span.end, Math.min(s.end, p.span.end + 30));
    const m = /^,?\s*(?:who\s+)?(?:died|was killed|was assassinated|was shot dead)\b/iu.exec(after);
    if (!m) continue;
    const t = timeIn(ctx, s);
    const at2 = t ? dateOf(t) : undefined;
    if (at2) deaths.set(p.name, at2);
    push(ctx, s, { start: p.span.start, end: p.span.end + m[0].length }, 'statements.x-died', { subject: p.name, predicate: 'died', at: at2 });
  }
  // "French forces killed Adnan Abu Walid al-Sahrawi ... in a drone strike in August 2021"
  for (const p of people) {
    const before = ctx.doc.text.slice(Math.max(s.start, p.span.start - 24), p.span.start);
    const m = /(?<![\p{L}])(?:killed|assassinated|shot dead|executed|eliminated|neutrali[sz]ed)\s+(?:(?:the\s+)?(?:[\p{Ll}-]+\s+){0,2})?$/iu.exec(before);
    if (!m) continue;
    const rest = ctx.doc.text.slice(p.span.end, s.end);
    const cause = /^[^.;]*?\bin an? ((?:plane|helicopter|car|road|air) (?:crash|accident)|air ?strike|drone strike|ambush|attack|explosion|bombing|raid|operation)\b/iu.exec(rest);
    const t = timeIn(ctx, { start: p.span.end, end: s.end }) ?? timeIn(ctx, s);
    const at2 = t ? dateOf(t) : undefined;
    if (at2) deaths.set(p.name, at2);
    push(ctx, s, { start: p.span.start - m[0].length, end: p.span.end }, 'statements.killed-x', { subject: p.name, predicate: 'died', value: cause ? cause[1] : null, at: at2 });
  }
}

/** "the leader of", "founder", "chief": where a leadership may be told */
const LEADER_CUE = /\b(?:leader|founder|chief|head|emir|commander)(?: of\s+(?:the\s+)?)?/giu;

function leaderOf(ctx: Ctx, s: Sentence, text: string): void {
  const people = persons(ctx, s);
  // "Wagner's leader, Yevgeny Prigozhin" / "the leader of JNIM, Iyad Ag Ghaly" / "JNIM leader Iyad Ag Ghaly"
  for (const m of matches(LEADER_CUE, text)) {
    const at = s.start + m.index;
    const afterCue = at + m[0].length;
    let group: ActorMention | null = null;
    // from "of": an actor's span may hold the article the cue took ("the Islamic State in the Greater Sahara")
    if (/ of\s/.test(m[0])) group = actorAfter(ctx, at + m[0].indexOf(' of') + 3, s.end, 6);
    else if (/\b(?:its|their)\s+$/i.test(ctx.doc.text.slice(Math.max(s.start, at - 8), at))) {
      // "Wagner acknowledged losses, saying its commander Sergei Shevchenko had been killed": the
      // one group the sentence names before the pronoun
      const named = new Map<string, ActorMention>();
      for (const a of ctx.actors) if (a.start >= s.start && a.end <= at && a.kind !== 'person' && !a.unnamed && a.kind !== 'state') named.set(a.actorId, a);
      if (named.size === 1) group = [...named.values()][0];
    } else {
      const before = actorBefore(ctx, Math.max(s.start, at - 40), at, (a) => a.kind !== 'person');
      if (before && /^(?:[’']s)?\s*$/.test(ctx.doc.text.slice(before.end, at))) group = before;
    }
    if (!group) continue;
    const from = / of\s/.test(m[0]) ? group.end : afterCue;
    // "the leader of JNIM, Iyad Ag Ghaly", else "Iyad Ag Ghaly, the leader of JNIM"
    const person =
      people.find((p) => p.span.start >= from && /^\s*,?\s*$/.test(ctx.doc.text.slice(from, p.span.start))) ??
      (/ of\s/.test(m[0]) ? people.find((p) => p.span.end <= at && /^\s*,\s*(?:the\s+|its\s+|then\s+|the\s+then\s+)?(?:[\p{Ll}-]+\s+)?$/iu.test(ctx.doc.text.slice(p.span.end, at))) : undefined);
    if (!person) continue;
    push(ctx, s, { start: Math.min(group.start, at), end: person.span.end }, 'statements.leader-apposition', { subject: person.name, predicate: 'leader_of', object: group.name });
  }
  // "President Vladimir Putin": a title of a head of state names the state he leads
  for (const p of people) {
    const before = ctx.doc.text.slice(Math.max(s.start, p.span.start - 40), p.span.start);
    const m = LEADER_TITLE.exec(before);
    if (!m) continue;
    // "ousted President Mohamed Bazoum", "the late President X": he led it once, and when is not told
    if (FORMER_BEFORE.test(before.slice(0, m.index + (m[0].length - m[0].trimStart().length)))) continue;
    const actor = ctx.actors.find((a) => overlaps(a, p.span));
    let iso = actor?.country ?? null;
    if (!iso) {
      const countries = ctx.places.filter((pl) => pl.kind === 'country' && pl.start >= s.start && pl.end <= s.end);
      const states = ctx.actors.filter((a) => a.kind === 'state' && a.start >= s.start && a.end <= s.end);
      // the nearest, the first on a tie: a loop, as spread and sort on this rare path deoptimised leaderOf
      let nearest = Infinity;
      const consider = (c: { start: number; country: string | null }): void => {
        const d = Math.abs(c.start - p.span.start);
        if (d < nearest) {
          nearest = d;
          iso = c.country ?? null;
        }
      };
      countries.forEach(consider);
      states.forEach(consider);
    }
    const state = stateName(iso);
    if (!state) continue;
    push(ctx, s, { start: p.span.start - m[1].length, end: p.span.end }, 'statements.leader-title', { subject: p.name, predicate: 'leader_of', object: state, value: m[1] });
  }
}

/** "X, led by General P since the 2023 coup", "X is headed by P": the group before, the leader after */
/** "ruled (since T) by", "governed by": a country's leader after it */
const RULED_BY = /(?<![\p{L}])(ruled|governed)\s+(?:since\s+[^,;.]{1,30}?\s+)?by\s+/giu;
const LED_BY = /(?<![\p{L}])(?:(?:led|headed|commanded)\s+(?:since\s+[^,;.]{1,30}?\s+)?by|(?:dirig|conduit|command)(?:é|ée|és|ées)?\s+(?:depuis\s+[^,;.]{1,30}?\s+)?par)\s+/giu;
/** what may stand between a group and "led by": an auxiliary, a relative pronoun, a comma */
const LEADER_GAP = /^(?:[’']s\s+\w+)?[\s,]*(?:(?:which|that|qui)\s+)?(?:(?:is|was|are|were|has been|have been|had been|being|est|était|a été)\s+)?$/iu;
/** "the junta", "Niger's military government", "la junte malienne" right before "led by": the state's rulers */
const JUNTA = /(?:\b(?:the|its)\s+|(?<![\p{L}])(?:la|le|l['’])\s*)?(?:([\p{Lu}][\p{L}'’-]+?)(?:['’]s)?\s+)?(?:(?:ruling|military|transitional)\s+)?(junta|military\s+government|military\s+regime|transitional\s+(?:government|authorities)|junte|régime\s+militaire|autorités\s+de\s+transition|gouvernement\s+de\s+transition)(?:\s+(\p{Ll}[\p{L}-]*))?\s*,?\s*(?:(?:which|that|qui)\s+)?(?:(?:is|was|has been|est|était|a\s+été)\s+)?$/iu;

/**
 * The government whose junta or transitional authorities stand right before `at`: of the country
 * named ("Niger's junta", "la junte malienne"), else of the country the text is about so far.
 */
function juntaBefore(ctx: Ctx, s: Sentence, at: number): { start: number; name: string } | null {
  const before = ctx.doc.text.slice(Math.max(s.start, at - 80), at);
  const m = JUNTA.exec(before);
  if (!m) return null;
  const named = [m[1], m[3]].filter((w): w is string => w !== undefined).map((w) => countryNamed(w, { demonyms: true }));
  const iso = named.find((c) => c !== null) ?? countrySoFar(ctx, at);
  // the junta is the country's government, as the actors stage reads "the Burkinabe junta"
  const entry = iso ? actorKb().stateEntry(iso, 'government') : null;
  return entry ? { start: at - before.length + m.index, name: entry.name } : null;
}

/** "Burkina Faso, led since September 2022 by", "Le Burkina Faso, dirigé depuis ... par": the state itself */
function countryBefore(ctx: Ctx, s: Sentence, at: number): { start: number; name: string } | null {
  let place: PlaceMention | null = null;
  for (let i = lowerBound(ctx.places, s.start); i < ctx.places.length && ctx.places[i].end <= at; i++) place = ctx.places[i];
  if (!place || place.kind !== 'country' || !LEADER_GAP.test(ctx.doc.text.slice(place.end, at))) return null;
  const name = stateName(place.country);
  return name ? { start: place.start, name } : null;
}

/** "P leads X", "P, who heads X" */
const LEADS = /^\s*,?\s*(?:who\s+|qui\s+)?(?:leads|led|heads|headed|commands|dirige|dirigeait|commande|commandait)\s+/iu;
/** title words between "led by" and the leader's name: "led by General", "led by junta leader" */
const TITLE_GAP = /^(?:(?:the\s+)?(?:[\p{L}.-]+\s+){0,3})?$/u;

/** "since the July 2023 coup": the start of a state the clause describes, when it follows `pos` closely */
function sinceAfter(ctx: Ctx, pos: number, limit: number): string | undefined {
  for (let i = lowerBound(ctx.times, pos); i < ctx.times.length && ctx.times[i].start <= Math.min(limit, pos + 40); i++) {
    const t = ctx.times[i];
    if (t.timexType === 'DURATION' || !/^\d{4}/.test(t.value)) continue;
    if (/(?:\bsince\s+(?:the\s+)?|(?<![\p{L}])depuis\s+(?:(?:le|la|les|l['’])\s*)?)$/iu.test(ctx.doc.text.slice(pos, t.start))) return dateOf(t);
  }
  return undefined;
}

function ledBy(ctx: Ctx, s: Sentence, text: string): void {
  const people = persons(ctx, s);
  for (const m of matches(LED_BY, text)) {
    const at = s.start + m.index;
    const found = actorBefore(ctx, Math.max(s.start, at - 80), at, (a) => a.kind !== 'person');
    // only an auxiliary, a relative pronoun or a comma between the group and "led by"
    let group = found && LEADER_GAP.test(ctx.doc.text.slice(found.end, at)) ? { start: found.start, name: found.name } : juntaBefore(ctx, s, at) ?? countryBefore(ctx, s, at);
    // "It is led by Iyad Ag Ghaly": the group the sentence before is about
    const anaphor = group ? null : /(?:^|[\s,;])(?:it|the\s+group|the\s+movement|il|le\s+groupe|le\s+mouvement)\s+(?:is|was|has\s+been|had\s+been|est|était|a\s+été)?\s*$/iu.exec(ctx.doc.text.slice(Math.max(s.start, at - 30), at));
    const antecedent = anaphor ? groupNamedBefore(ctx, s, at - anaphor[0].length) : null;
    if (antecedent) group = { start: at - anaphor![0].trimStart().length, name: antecedent.name };
    if (!group) continue;
    const from = at + m[0].length;
    const person = people.find((p) => p.span.start >= from && p.span.start - from <= 40 && TITLE_GAP.test(ctx.doc.text.slice(from, p.span.start)));
    if (!person) continue;
    // "dirigé depuis septembre 2022 par": the time between verb and agent, else after the leader
    const since = sinceAfter(ctx, at + m[0].search(/\s(?:since|depuis)\s/iu) + 1, from) ?? sinceAfter(ctx, person.span.end, s.end);
    push(ctx, s, { start: group.start, end: person.span.end }, 'statements.led-by', { subject: person.name, predicate: 'leader_of', object: group.name, from: since }, { start: at, end: from });
  }
  // "Burkina Faso has been ruled since September 2022 by Captain Ibrahim Traoré"
  for (const m of matches(RULED_BY, text)) {
    const at = s.start + m.index;
    let place: PlaceMention | null = null;
    for (let i = lowerBound(ctx.places, s.start); i < ctx.places.length && ctx.places[i].end <= at; i++) if (ctx.places[i].kind === 'country') place = ctx.places[i];
    if (!place || !/^\s*(?:(?:has|have|had)\s+been|is|was|are|were|is\s+being)?\s*$/iu.test(ctx.doc.text.slice(place.end, at))) continue;
    const from = at + m[0].length;
    const person = people.find((p) => p.span.start >= from && p.span.start - from <= 40 && TITLE_GAP.test(ctx.doc.text.slice(from, p.span.start)));
    const state = stateName(place.country);
    if (!person || !state) continue;
    const since = sinceAfter(ctx, at + m[1].length, from) ?? sinceAfter(ctx, person.span.end, s.end);
    push(ctx, s, { start: place.start, end: person.span.end }, 'statements.ruled-by', { subject: person.name, predicate: 'leader_of', object: state, from: since }, { start: at, end: from });
  }
  for (const p of people) {
    const m = LEADS.exec(ctx.doc.text.slice(p.span.end, s.end));
    if (!m) continue;
    const group = actorAfter(ctx, p.span.end + m[0].length, s.end, 6);
    if (!group || group.kind === 'person') continue;
    push(ctx, s, { start: p.span.start, end: group.end }, 'statements.leads', { subject: p.name, predicate: 'leader_of', object: group.name, from: sinceAfter(ctx, group.end, s.end) });
  }
}

/** "seized power", "took power": a leader's start; "ousting P", "overthrew P": the end of another's */
const SEIZED_POWER = /(?<![\p{L}])(?:(?:seized|took|grabbed|came to|rose to)\s+power|(?:declared|proclaimed|named)\s+himself\s+(?:the\s+)?(?:new\s+)?(?:head|leader|president)\b|(?:a|ont|avait|avaient)\s+pris\s+le\s+pouvoir|s['’]est\s+emparée?\s+du\s+pouvoir|(?:est|sont)\s+arrivée?s?\s+au\s+pouvoir)(?![\p{L}])/giu;
const OUSTED = /(?<![\p{L}])(?:ousting|ousted|overthrowing|overthrew|deposing|deposed|toppling|toppled|replacing|replaced|(?:en\s+)?renversant|après\s+avoir\s+renversé|a\s+renversé|(?:en\s+)?destituant|a\s+destitué|(?:en\s+)?remplaçant)\s+/giu;

/**
 * The state a change of power is about: the country right after the cue ("seized power in
 * Niger"), else the closest one named before it ("Burkina Faso has been ruled ... by P, who came
 * to power", "In neighbouring Niger, General T ousted ..."), else the new leader's own, else one
 * named after ("… and has since turned to Russia" names a partner, not the state).
 */
function stateOfSentence(ctx: Ctx, s: Span, near: number, person: ActorMention | null, cueEnd = near): string | null {
  let before: PlaceMention | null = null;
  let after: PlaceMention | null = null;
  for (let i = lowerBound(ctx.places, s.start); i < ctx.places.length && ctx.places[i].start < s.end; i++) {
    const pl = ctx.places[i];
    if (pl.kind !== 'country') continue;
    if (pl.start >= cueEnd && /^\s+(?:in|of|au|en)\s+(?:the\s+)?$/iu.test(ctx.doc.text.slice(cueEnd, pl.start))) return stateName(pl.country);
    if (pl.end <= near) before = pl;
    else if (!after) after = pl;
  }
  return stateName(before?.country ?? person?.country ?? after?.country ?? null);
}

function changeOfPower(ctx: Ctx, s: Sentence, text: string): void {
  const people = persons(ctx, s);
  if (people.length === 0) return;
  const actorOf = (span: Span): ActorMention | null => ctx.actors.find((a) => a.kind === 'person' && overlaps(a, span)) ?? null;
  for (const m of matches(SEIZED_POWER, text)) {
    const at = s.start + m.index;
    const taker = [...people].reverse().find((p) => p.span.end <= at && at - p.span.end <= 60 && !/[;.]/.test(ctx.doc.text.slice(p.span.end, at)));
    if (!taker) continue;
    const state = stateOfSentence(ctx, s, at, actorOf(taker.span), at + m[0].length);
    if (!state) continue;
    const t = timeIn(ctx, { start: at, end: s.end });
    const when = t ? dateOf(t) : undefined;
    push(ctx, s, { start: taker.span.start, end: t ? Math.max(t.end, at + m[0].length) : at + m[0].length }, 'statements.seized-power', { subject: taker.name, predicate: 'leader_of', object: state, from: when }, { start: at, end: at + m[0].length });
    OUSTED.lastIndex = 0;
    const rest = ctx.doc.text.slice(at + m[0].length, s.end);
    const o = OUSTED.exec(rest);
    if (!o) continue;
    const from = at + m[0].length + o.index + o[0].length;
    const ousted = people.find((p) => p.span.start >= from && p.span.start - from <= 40 && TITLE_GAP.test(ctx.doc.text.slice(from, p.span.start)));
    if (!ousted || ousted.name === taker.name) continue;
    push(ctx, s, { start: at + m[0].length + o.index, end: ousted.span.end }, 'statements.ousted', { subject: ousted.name, predicate: 'leader_of', object: state, to: when });
    push(ctx, s, { start: taker.span.start, end: ousted.span.end }, 'statements.successor', { subject: taker.name, predicate: 'successor_of', object: ousted.name, from: when });
  }
  // "General T ousted President B in July 2023": T's leadership starts where B's ends
  OUSTED.lastIndex = 0;
  for (let o = OUSTED.exec(text); o !== null; o = OUSTED.exec(text)) {
    const at = s.start + o.index;
    const from = at + o[0].length;
    const taker = [...people].reverse().find((p) => p.span.end <= at && /^\s*$/.test(ctx.doc.text.slice(p.span.end, at)));
    const ousted = people.find((p) => p.span.start >= from && p.span.start - from <= 40 && TITLE_GAP.test(ctx.doc.text.slice(from, p.span.start)));
    if (!taker || !ousted || ousted.name === taker.name || /^(?:replacing|replaced|remplaçant|en\s+remplaçant)/iu.test(o[0])) continue;
    const state = stateOfSentence(ctx, s, at, actorOf(taker.span), from);
    if (!state) continue;
    const t = timeIn(ctx, { start: ousted.span.end, end: s.end });
    const when = t ? dateOf(t) : undefined;
    const end = t && t.start - ousted.span.end < 12 ? t.end : ousted.span.end;
    push(ctx, s, { start: taker.span.start, end }, 'statements.ousted', { subject: ousted.name, predicate: 'leader_of', object: state, to: when }, { start: at, end: from });
    push(ctx, s, { start: taker.span.start, end }, 'statements.ousted-by', { subject: taker.name, predicate: 'leader_of', object: state, from: when }, { start: at, end: from });
    push(ctx, s, { start: taker.span.start, end }, 'statements.successor', { subject: taker.name, predicate: 'successor_of', object: ousted.name, from: when }, { start: at, end: from });
  }
}

/** "appointed", "a nommé": the appointee follows; "was appointed", "a été nommé": it comes before */
const APPOINTED = /(?<![\p{L}])(?:(?:was|were|has\s+been|had\s+been|is)\s+(appointed|named|nominated|designated)|(?:a|ont|avait)\s+été\s+(nommée?s?|désignée?s?)|(appointed|named|nominated|designated)|(?:a|ont|avait|avaient)\s+(nommé|désigné))\s+/giu;
/** What the appointee becomes: "(as) army chief of staff", "chef d'état-major des armées" */
const ROLE_AFTER_APPOINTEE = /^\s*,?\s*(?:as\s+|to\s+be\s+|to\s+the\s+post\s+of\s+|comme\s+|au\s+poste\s+de\s+)?((?:the\s+|le\s+|la\s+|l['’]\s*)?(?:new\s+|nouveau\s+|nouvelle\s+)?[\p{L}'’ -]{3,70}?)(?=\s*(?:[,;.(]|$)|\s+(?:on|in|last|after|replacing|succeeding|following|according|by|en\s+remplacement|à\s+la\s+place|lors|après|selon|par|le\s+\d|ce|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche|on\s+\w+day)\b)/iu;
const NOT_A_ROLE_START = /^(?:by|or|and|for|of|to|in|on|at|with|from|par|ou|et|pour|de|du|des|à|au)\s/iu;
/** A role that is an office: a word for a post of command, government or representation */
const OFFICE = /(?<![\p{L}])(?:chief|chef|commander|commandant|minister|ministre|head|director|directeur|directrice|president|président|présidente|governor|gouverneur|spokes\w*|porte-parole|prime|premier|état-major|staff|envoy|ambassad\w+|emir|émir|mayor|maire|prefect|préfet|secretary|secrétaire)(?![\p{L}])/iu;
/** An office that commands a state's armed forces */
const FORCES_COMMAND = /(?<![\p{L}])(?:chief\s+of\s+(?:the\s+)?(?:general\s+|army\s+|defen[cs]e\s+)?staff|army\s+chief|military\s+chief|chef\s+d['’]état-major(?:\s+général)?(?:\s+des\s+armées|\s+de\s+l['’]armée)?|commander\s+of\s+the\s+(?:army|armed\s+forces)|chef\s+de\s+l['’]armée)(?![\p{L}])/iu;
/** "replacing Y", "en remplacement du général Y", "succeeding Y", "à la place de Y" */
const IN_PLACE_OF = /^[^.;]{0,80}?(?<![\p{L}])(?:replacing|succeeding|who\s+replaces|who\s+succeeds|en\s+remplacement\s+(?:du|de\s+la|de|d['’])|à\s+la\s+place\s+(?:du|de\s+la|de|d['’])|remplaçant|succédant\s+(?:au|à))\s*/iu;

/**
 * Appointments: "General T appointed General B (as) army chief of staff, replacing General M",
 * "B a été nommé chef d'état-major": B's role from the time the sentence gives, the state's
 * forces commanded by B when the office commands them, and B's succession to the one replaced.
 */
function appointments(ctx: Ctx, s: Sentence, text: string): void {
  const people = persons(ctx, s);
  if (people.length === 0) return;
  for (const m of matches(APPOINTED, text)) {
    const at = s.start + m.index;
    const cueEnd = at + m[0].length;
    const passive = m[1] !== undefined || m[2] !== undefined;
    let appointee: { name: string; span: Span } | undefined;
    let roleFrom: number;
    if (passive) {
      // "General B, a veteran of …, was appointed", "B a été nommé": the person before the verb
      appointee = [...people].reverse().find((p) => p.span.end <= at && at - p.span.end <= 80 && !/[;.]/.test(ctx.doc.text.slice(p.span.end, at)));
      roleFrom = cueEnd;
    } else {
      appointee = people.find((p) => p.span.start >= cueEnd && p.span.start - cueEnd <= 40 && TITLE_GAP.test(ctx.doc.text.slice(cueEnd, p.span.start)));
      roleFrom = appointee?.span.end ?? cueEnd;
    }
    if (!appointee) continue;
    const r = ROLE_AFTER_APPOINTEE.exec(ctx.doc.text.slice(roleFrom, s.end));
    // ("was named by President X", "named Rubio or Bush for president": no office follows)
    if (!r || !OFFICE.test(r[1]) || NOT_A_ROLE_START.test(r[1])) continue;
    const role = cleanRole(r[1].replace(/^(?:le|la|l['’])\s*/iu, '').replace(/^(?:the\s+)?[\p{L}-]+['’]s\s+/iu, '').replace(/^(?:new|nouveau|nouvelle)\s+/iu, ''));
    const roleEnd = roleFrom + r[0].length;
    // when: the sentence's own time ("on Thursday", "le 24 août"), as the decree is the appointment
    const t = timeIn(ctx, s);
    const when = t ? dateOf(t) : undefined;
    const evidence = { start: Math.min(at, appointee.span.start), end: Math.max(roleEnd, appointee.span.end) };
    push(ctx, s, evidence, 'statements.appointed', { subject: appointee.name, predicate: 'role', value: role, from: when }, { start: at, end: cueEnd });
    if (FORCES_COMMAND.test(role)) {
      // the forces of the state the sentence is about ("Le chef du régime militaire nigérien"), else of the text so far
      const iso = ctx.places.find((pl) => pl.kind === 'country' && pl.start >= s.start && pl.end <= s.end)?.country ?? ctx.actors.find((a) => a.start >= s.start && a.end <= s.end && a.country !== null && (a.kind === 'state' || a.kind === 'state-forces' || a.kind === 'government' || a.kind === 'person'))?.country ?? countrySoFar(ctx, s.start) ?? null;
      const forces = iso ? actorKb().stateEntry(iso, 'military') : undefined;
      if (forces) push(ctx, s, evidence, 'statements.appointed-command', { subject: forces.name, predicate: 'commanded_by', object: appointee.name, from: when }, { start: at, end: cueEnd });
    }
    const replaced = IN_PLACE_OF.exec(ctx.doc.text.slice(roleEnd, s.end));
    if (!replaced) continue;
    const from = roleEnd + replaced[0].length;
    const old = people.find((p) => p.span.start >= from && p.span.start - from <= 30 && TITLE_GAP.test(ctx.doc.text.slice(from, p.span.start)));
    if (!old || old.name === appointee.name) continue;
    push(ctx, s, { start: evidence.start, end: old.span.end }, 'statements.appointed-successor', { subject: appointee.name, predicate: 'successor_of', object: old.name, from: when }, { start: at, end: cueEnd });
  }
}

/** "X replaced Y", "X, which replaced Y", "X a remplacé Y": one taking another's place */
const REPLACED = /(?<![\p{L}])(?:(?:has|have|had)\s+)?(?:replaced|succeeded|took\s+over\s+from|(?:has|have|had)\s+taken\s+over\s+from|(?:a|ont|avait|avaient)\s+(?:remplacé|succédé\s+(?:à|au|aux)))\s+/giu;
/** "Y was replaced by X", "Y, remplacé par X" */
const REPLACED_BY = /(?<![\p{L}])(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:replaced|succeeded|superseded)\s+by\s+|(?<![\p{L}])(?:(?:a\s+été|ont\s+été)\s+)?remplacée?s?\s+par\s+/giu;

/**
 * An organisation (or a person) taking another's place: X successor_of Y from the time the
 * sentence gives; for organisations, "in <country>" after the one replaced bounds both presences
 * there (X from, Y to that time).
 */
/** The actor after `pos`, past a determiner and a generic noun before the name ("the group Wagner", "le groupe Wagner"). */
function organisationAfter(ctx: Ctx, pos: number, limit: number): ActorMention | null {
  const lead = /^\s*(?:(?:the|le|la|les|l['’])\s*)?(?:(?:group|groupe|force|mouvement|movement|paramilitary group|groupe paramilitaire)\s+)?/iu.exec(ctx.doc.text.slice(pos, Math.min(limit, pos + 30)));
  return actorAfter(ctx, pos + (lead ? lead[0].length : 0), limit) ?? actorAfter(ctx, pos, limit);
}

function succession(ctx: Ctx, s: Sentence, text: string): void {
  // two organisations, or two persons ("Traoré replaced Damiba"): never one for the other
  const org = (a: ActorMention | null): a is ActorMention => a !== null && a.kind !== 'civilians';
  const alike = (a: ActorMention, b: ActorMention): boolean => (a.kind === 'person') === (b.kind === 'person');
  const found: { next: ActorMention; old: ActorMention; at: number; end: number }[] = [];
  for (const m of matches(REPLACED, text)) {
    const at = s.start + m.index;
    const verbEnd = at + m[0].length;
    // the subject right before the verb, or before "which", "qui" opening the aside it is in
    const rel = /,\s*(?:which|that|who|qui)\s+$/iu.exec(ctx.doc.text.slice(Math.max(s.start, at - 12), at));
    const subjectEnd = rel ? at - rel[0].length : at;
    const next = actorBefore(ctx, Math.max(s.start, subjectEnd - 60), subjectEnd);
    const old = organisationAfter(ctx, verbEnd, s.end);
    if (!org(next) || !org(old) || !alike(next, old) || next.actorId === old.actorId || !/^\s*$/.test(ctx.doc.text.slice(next.end, subjectEnd))) continue;
    found.push({ next, old, at, end: old.end });
  }
  for (const m of matches(REPLACED_BY, text)) {
    const at = s.start + m.index;
    const next = organisationAfter(ctx, at + m[0].length, s.end);
    const old = actorBefore(ctx, Math.max(s.start, at - 60), at);
    if (!org(next) || !org(old) || !alike(next, old) || next.actorId === old.actorId || !/^\s*,?\s*$/.test(ctx.doc.text.slice(old.end, at))) continue;
    found.push({ next, old, at: old.start, end: next.end });
  }
  for (const f of found) {
    const inCountry = /^\s+(?:in|au|en)\s+/iu.exec(ctx.doc.text.slice(f.end, s.end));
    const place = inCountry ? placeAt(ctx, f.end + inCountry[0].length, s.end) : null;
    const afterAll = place && place.kind === 'country' ? place.end : f.end;
    const t = timeIn(ctx, { start: afterAll, end: Math.min(s.end, afterAll + 40) });
    const when = t ? dateOf(t) : undefined;
    const evidenceEnd = t ? t.end : afterAll;
    push(ctx, s, { start: Math.min(f.next.start, f.old.start), end: evidenceEnd }, 'statements.replaced', { subject: f.next.name, predicate: 'successor_of', object: f.old.name, from: when }, { start: f.at, end: f.end });
    if (place && place.kind === 'country' && place.country && f.next.kind !== 'person') {
      push(ctx, s, { start: Math.min(f.next.start, f.old.start), end: evidenceEnd }, 'statements.presence-replaced', { subject: f.next.name, predicate: 'present_in', object: place.country, from: when }, { start: f.at, end: f.end });
      push(ctx, s, { start: Math.min(f.next.start, f.old.start), end: evidenceEnd }, 'statements.presence-replaced', { subject: f.old.name, predicate: 'present_in', object: place.country, to: when }, { start: f.at, end: f.end });
    }
  }
}

function roles(ctx: Ctx, s: Sentence): void {
  for (const p of persons(ctx, s)) {
    const before = ctx.doc.text.slice(s.start, p.span.start);
    const after = ctx.doc.text.slice(p.span.end, s.end);
    // both role patterns end the text before the name: first the cheap test of how it ends
    const trimmed = before.trimEnd();
    let m = trimmed.endsWith(',') ? ROLE_BEFORE.exec(before) : null;
    // "Wagner's leader, Yevgeny Prigozhin" is a leadership (leader_of), not a title; "Nigeria's
    // army spokesman, Onyema Nwachukwu" is a title
    if (m && /[’']s\s/.test(m[1]) && !/^[\p{L}-]+[’']s\s+\S+\s+\S/u.test(m[1].trim())) m = null;
    if (m) {
      const start = p.span.start - (before.length - before.lastIndexOf(m[1]));
      push(ctx, s, { start, end: p.span.end }, 'statements.role-before', { subject: p.name, predicate: 'role', value: cleanRole(m[1]), modality: 'asserted' });
      continue;
    }
    m = ROLE_AFTER.exec(after);
    if (m) {
      const rank = /\b(?:General|Gen\.|Colonel|Col\.|Captain|Lieutenant|Major|Commander|Admiral|Marshal|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+$/u.exec(before);
      push(ctx, s, { start: rank ? p.span.start - rank[0].length : p.span.start, end: p.span.end + m[0].replace(/[,.;]\s*$/, '').length }, 'statements.role-after', { subject: p.name, predicate: 'role', value: cleanRole(m[1]), modality: 'asserted' });
      continue;
    }
    m = trimmed.length < before.length && ROLE_TITLE_END.test(trimmed) ? ROLE_TITLE.exec(before) : null;
    if (m && !LEADER_TITLE.test(before)) {
      push(ctx, s, { start: p.span.start - m[1].length - 1, end: p.span.end }, 'statements.role-title', { subject: p.name, predicate: 'role', value: m[1].toLowerCase(), modality: 'asserted' });
    }
  }
}

const QUOTE = /^[\s,:]*[“"]([^”"]+)[”"]/u;

/** "gave an assessment of ...": a figure a party puts forward */
const ASSESSMENT = /\b(?:gave|offered|released|provided|put forward) (?:\w+ ){0,4}?(?:an? |the )?(?:assessment|toll|figure|estimate|count|tally) of\s+([^,.;]+)/giu;

const INCIDENT_CLAIMED = /^(?:[\p{L}-]+\s+){0,2}(?:attacks?|ambush(?:es)?|bombings?|raids?|killings?|assaults?|kidnappings?|abductions?|massacres?|strikes?|attentats?|attaques?|embuscades?|enlèvements?|tueries?)(?![\p{L}])/iu;

/** Claims: what a party proclaims, asserts or announces, with the quote or reported content. */
function claims(ctx: Ctx, s: Sentence): void {
  for (const src of ctx.sourcesOf.get(s.index) ?? []) {
    const cue = src.cue.text.toLowerCase();
    const announce = /^(?:announc|declar|proclaim|assert|claim|insist|boast|vow|pledg|stat)/.test(cue);
    // an announcement is a claim when it states something ("announced that ...", a quote), not an act ("announced its departure")
    const contentText = src.content?.text ?? '';
    const stating = /^(?:that\b|[“"])/.test(contentText) || QUOTE.test(ctx.doc.text.slice(src.cue.end, src.cue.end + 400));
    if (src.cueType !== 'claim' && !(src.cueType === 'report' && announce && stating)) continue;
    if (src.cueType === 'claim' && !stating && /^(?:(?:its|their|his|her|the|a|an|le|la|les|un|une|son|sa|ses|leur|leurs)\s|l['’])/i.test(contentText)) continue;
    // "claims deadly attacks on Bamako military sites": a claim of responsibility types an event
    if (src.cueType === 'claim' && !stating && INCIDENT_CLAIMED.test(contentText)) continue;
    // "No group has claimed …", "Aucun groupe n'a revendiqué …": nobody claims anything
    if (src.source && NOBODY.test(src.source.text)) continue;
    let who = sourceName(src, ctx.actors, ctx.results.names);
    // an unresolved description ("a force that has asserted") speaks for the actor it describes
    if (who && src.source && who === src.source.text && !/^\p{Lu}/u.test(who)) who = null;
    // (not when the words come before the cue: "«…neutraliser une centaine de terroristes», affirme
    // le communiqué" has its parties inside the quote)
    const contentFirst = src.content !== null && src.content.end <= src.cue.start;
    if ((!who || (src.source && /^(?:its|their|his|her)\b/i.test(src.source.text))) && !contentFirst) {
      const subj = appositiveHead(ctx, s, src.cue.start);
      who = subj?.name ?? who;
    }
    if (!who) continue;
    // a quote after the cue may run over several sentences
    const q = QUOTE.exec(ctx.doc.text.slice(src.cue.end, src.cue.end + 400));
    let value: string | null = q ? q[1].trim() : src.content?.text ?? null;
    if (!value) continue;
    value = value.replace(/^that\s+/i, '').replace(/^responsibility for\s+/i, '').trim();
    if (/^responsibility\b/i.test(src.content?.text ?? '')) continue; // a claim of responsibility types an event instead
    const t = timeIn(ctx, s);
    // "In a message on Telegram, X proclaimed": the channel phrase belongs to the evidence
    const evStart = src.channel ? s.start : src.source && src.source.start < src.cue.start ? src.source.start : src.cue.start;
    const evEnd = Math.max(src.cue.end, src.content && src.content.start >= src.cue.end ? src.content.end : src.cue.end);
    push(ctx, s, { start: evStart, end: Math.min(evEnd, s.end) }, 'statements.claim', {
      subject: who,
      predicate: 'claims',
      value,
      at: t ? dateOf(t) : undefined,
      modality: 'claimed',
    }, src.cue);
    const last = ctx.out[ctx.out.length - 1];
    last.attributedTo = who;
    last.channel = src.channel;
  }
  // "gave an assessment of about sixty neutralised jihadists": a figure a party puts forward; the
  // pattern holds a string of the assessment gate, so a sentence without one has no match
  if (ctx.gates !== null && ctx.doc.sentences[s.index] === s && !ctx.gates.assessment[s.index]) return;
  const text = ctx.doc.text.slice(s.start, s.end);
  for (const m of matches(ASSESSMENT, text)) {
    const at = s.start + m.index;
    const who = persons(ctx, s).find((p) => p.span.end <= at) ?? null;
    const actor = who ? who.name : actorBefore(ctx, s.start, at)?.name;
    if (!actor) continue;
    const t = timeIn(ctx, s);
    const st = push(ctx, s, { start: at, end: at + m[0].length }, 'statements.assessment', { subject: actor, predicate: 'claims', value: m[1].trim(), at: t ? dateOf(t) : undefined, modality: 'claimed' });
    st.attributedTo = actor;
  }
}

function countryCodeAt(ctx: Ctx, pos: number, limit: number): string | null {
  const p = placeAt(ctx, pos, limit);
  if (p) return p.country ?? null;
  // "in the country", "dans le pays": the country the text is about so far (the one its places
  // fall in most often, the first named on a tie), not a partner named last ("turned to Russia")
  if (!THE_COUNTRY.test(ctx.doc.text.slice(pos, Math.min(limit, pos + 20)))) return null;
  return countrySoFar(ctx, pos);
}

/** The country the text is about before `pos`: the one its places fall in most often, the first named on a tie. */
function countrySoFar(ctx: Ctx, pos: number): string | null {
  // (a place named after "in", "au", "en" weighs double: "replaced Wagner in Mali", not "Russia's")
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (let i = 0; i < ctx.places.length && ctx.places[i].start < pos; i++) {
    const p = ctx.places[i];
    if (!p.country) continue;
    const weight = /(?:^|\s)(?:in|inside|across|au|en|aux|dans|à)\s+(?:(?:le|la|les|l['’]|the)\s*)?$/iu.test(ctx.doc.text.slice(Math.max(0, p.start - 12), p.start)) ? 2 : 1;
    counts.set(p.country, (counts.get(p.country) ?? 0) + weight);
    if (best === null || (counts.get(p.country) ?? 0) > (counts.get(best) ?? 0)) best = p.country;
  }
  return best;
}

const THE_COUNTRY = /^(?:the|this|that|le|ce)\s+(?:country|pays)\b/iu;

/**
 * The actor a verb at `at` has for subject: right before it ("Russia's Africa Corps has"), or
 * before an aside set off by commas ("Africa Corps, which replaced Wagner in June, has").
 */
function subjectBefore(ctx: Ctx, s: Span, at: number): ActorMention | null {
  const plain = actorBefore(ctx, Math.max(s.start, at - 50), at, (a) => a.kind !== 'person');
  if (plain && /^\s*(?:still\s+|now\s+|currently\s+)?$/iu.test(ctx.doc.text.slice(plain.end, at))) return plain;
  const aside = /,\s[^,;.]{1,150},\s*(?:still\s+|now\s+|currently\s+)?$/u.exec(ctx.doc.text.slice(Math.max(s.start, at - 200), at));
  if (!aside) return null;
  const open = at - (aside[0].length);
  const owner = actorBefore(ctx, Math.max(s.start, open - 50), open, (a) => a.kind !== 'person');
  return owner && /^\s*$/.test(ctx.doc.text.slice(owner.end, open)) ? owner : null;
}

const WORD_NUMBERS: Record<string, number> = { dozen: 12, dozens: 12, hundred: 100, hundreds: 100, thousand: 1000, thousands: 1000, fifty: 50, sixty: 60, forty: 40, thirty: 30, twenty: 20 };

function parseCount(s: string): number | null {
  const d = /^\d[\d,]*(?:\.\d+)?$/.test(s) ? Number(s.replace(/,/g, '')) : WORD_NUMBERS[s.toLowerCase()];
  return d === undefined || Number.isNaN(d) ? null : d;
}

/** "about 2,000 mercenaries remain in": a force's strength in a country */
const STRENGTH = /\b(about|some|around|nearly|approximately|roughly|an estimated|more than|over|at least|up to|fewer than|less than)?\s*(\d[\d,]*|dozens|hundreds|thousands)\s+(?:((?:[\p{Lu}][\p{L}'’-]*\s+){0,2}[\p{Lu}][\p{L}'’-]*)\s+)?(fighters|troops|soldiers|mercenaries|men|personnel|instructors|militants|jihadists|operatives|contractors)\s+(?:(?:from|of)\s+((?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+){1,4}))?(?:(?:have|has|had)\s+been\s+)?(?:\w+\s+)?(?:remain|remained|are|were|is|stationed|deployed|present|based|operating|still)\s+(?:\w+\s+)?in\s+/giu;

/** French: "Environ 2 000 mercenaires russes sont déployés au Mali", "quelque 1 500 soldats restent en" */
const FR_STRENGTH = /(?<![\p{L}])(environ|quelque|près\s+de|plus\s+de|au\s+moins)?\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)\s+(hommes|soldats|combattants|militaires|mercenaires|instructeurs|éléments|paramilitaires)((?:\s+(?!sont|étaient|seraient|restent|resteraient|demeurent|se\b)[\p{L}'’-]+){0,3})\s+(?:sont|étaient|seraient|restent|resteraient|demeurent|se\s+trouvent|se\s+trouveraient)\s+(?:(?:encore|toujours|actuellement|déployés|présents|stationnés|basés|positionnés)\s+){0,2}(au|en|aux|dans)\s+/giu;

/** "has about 1,100 troops in", "maintains some 300 soldiers in": a force's own strength in a country */
const HAS_STRENGTH = /\b(?:has|had|have|maintains|maintained|keeps|kept|deployed|stations|stationed)\s+(about|some|around|nearly|approximately|roughly|an estimated|more than|over|at least|up to)?\s*(\d[\d,]*|dozens|hundreds|thousands)\s+(?:\w+\s+)?(?:troops|soldiers|fighters|personnel|mercenaries|instructors|military personnel|men)\s+(?:\w+\s+)?in\s+/giu;

/** French: "compterait environ 2 000 hommes au", "dispose d'environ 2 500 soldats dans", "aligne quelque 1 500 combattants en" */
const FR_HAS_STRENGTH = /(?<![\p{L}])(compte|comptent|compterait|compteraient|dispose\s+d['’]|disposent\s+d['’]|disposerait\s+d['’]|disposeraient\s+d['’]|aligne|alignent|alignerait|maintient|maintiennent|a\s+déployé|ont\s+déployé)\s*(environ|quelque|près\s+de|plus\s+de|au\s+moins)?\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)\s+(?:hommes|soldats|combattants|militaires|mercenaires|instructeurs|éléments)\s+(?:(?:au|en|aux|dans)\s+)/giu;

/** "have been in", "has been stationed in", "arrived in", "were deployed to": the start of a presence */
const PRESENT_SINCE = /(?<![\p{L}])(?:(?:have|has|had)\s+been\s+(?:(?:deployed|present|stationed|based|operating|active)\s+)?in|arrived\s+in|(?:was|were)\s+deployed\s+(?:to|in)|(?:est|sont)\s+arrivée?s?\s+(?:au|en|à|dans)|(?:a|ont)\s+été\s+déployée?s?\s+(?:au|en|à|dans))\s+/giu;
/** What a count of people sent somewhere counts: men under arms */
const PERSONNEL_COUNTS = new Set(['soldiers', 'troops', 'mercenaries', 'fighters', 'personnel', 'peacekeepers', 'militants', 'men']);

function presence(ctx: Ctx, s: Sentence, text: string, withdrawals: Map<string, string>): void {
  // "Wagner's presence in Mali began in late 2021"
  for (const m of matches(/\bpresence in\s+/giu, text)) {
    const at = s.start + m.index;
    const iso = countryCodeAt(ctx, at + m[0].length, s.end);
    if (!iso) continue;
    const owner = actorBefore(ctx, Math.max(s.start, at - 40), at, (a) => a.kind !== 'person');
    const ownerIsPossessive = owner && /^(?:[’']s)?\s*(?:\w+\s+)?$/.test(ctx.doc.text.slice(owner.end, at));
    const rest = ctx.doc.text.slice(at, s.end);
    const began = /^presence in\s+[^,.;]*?\b(?:began|started|dates back to|was established)\b/iu.exec(rest);
    const cont = /^presence in\s+[^,.;]*?\b(?:will )?(?:continue|remain)s?\s+(?:through|via|with|under)\s+/iu.exec(rest);
    if (owner && ownerIsPossessive && began) {
      const t = timeIn(ctx, { start: at, end: s.end });
      const from = t ? dateOf(t) : undefined;
      const to = withdrawals.get(owner.name);
      push(ctx, s, { start: owner.start, end: t ? t.end : at + began[0].length }, 'statements.presence-began', { subject: owner.name, predicate: 'present_in', object: iso, from, to });
    } else if (cont) {
      const who = actorAfter(ctx, at + cont[0].length, s.end, 4);
      if (!who) continue;
      push(ctx, s, { start: Math.max(s.start, at - 40), end: who.end }, 'statements.presence-continues', { subject: who.name, predicate: 'present_in', object: iso, at: published(ctx), modality: 'asserted' });
    }
  }
  // "Mali ... has struggled with insurgencies involving groups tied to al-Qaida ... for over a decade"
  for (const m of matches(/\b(?:struggled|battled|fought|grappled|contended) with (?:an? )?(?:\w+ )?(?:insurgenc(?:y|ies)|jihadis[mt]|rebellions?|violence) (?:involving|by|from|led by|waged by)\s+/giu, text)) {
    const at = s.start + m.index;
    const place = ctx.places.filter((p) => p.kind === 'country' && p.start >= s.start && p.end <= at)[0];
    const who = actorAfter(ctx, at + m[0].length, s.end, 4);
    if (!place || !who) continue;
    const dur = ctx.times.find((t) => t.start >= who.end && t.end <= s.end && t.timexType === 'DURATION' && t.from);
    let from: string | undefined;
    if (dur?.from) {
      const over = /\b(?:over|more than|at least)\s+$/i.test(ctx.doc.text.slice(Math.max(s.start, dur.start - 12), dur.start)) || /^(?:over|more than)\b/i.test(ctx.doc.text.slice(dur.start, dur.end));
      from = over ? `<=${dur.from.slice(0, 4)}` : dur.from.slice(0, 7);
    }
    const pl = ctx.places.filter((p) => p.kind === 'country' && p.start >= s.start && p.end <= at);
    for (const p of pl.slice(0, 1)) {
      push(ctx, s, { start: at, end: dur ? dur.end : who.end }, 'statements.insurgency-involving', { subject: who.name, predicate: 'present_in', object: p.country, from });
    }
  }
  // "Wagner fighters have been in Mali since December 2021", "Africa Corps troops arrived in Mali in 2024"
  for (const m of matches(PRESENT_SINCE, text)) {
    const at = s.start + m.index;
    const iso = countryCodeAt(ctx, at + m[0].length, s.end);
    if (!iso) continue;
    const who = actorBefore(ctx, Math.max(s.start, at - 60), at, (a) => a.kind !== 'person');
    if (!who || !/^(?:[’']s)?\s*(?:(?:fighters|troops|forces|soldiers|mercenaries|personnel|instructors|units|contingent|men)\s+)?$/iu.test(ctx.doc.text.slice(who.end, at))) continue;
    const place = placeAt(ctx, at + m[0].length, s.end)!;
    const arrived = /^(?:arrived|deployed|was deployed|were deployed|est\s+arriv|sont\s+arriv|a\s+été\s+déploy|ont\s+été\s+déploy)/iu.test(m[0]);
    const t = arrived ? timeIn(ctx, { start: place.end, end: s.end }) : null;
    const from = arrived ? (t ? dateOf(t) : undefined) : sinceAfter(ctx, place.end, s.end);
    if (!from) continue;
    push(ctx, s, { start: who.start, end: t ? t.end : place.end }, arrived ? 'statements.presence-arrived' : 'statements.presence-since', { subject: who.name, predicate: 'present_in', object: iso, from, to: withdrawals.get(who.name) }, { start: at, end: at + m[0].length });
    // "About 100 Russian instructors from the Africa Corps arrived in Niger in April 2024": how many came
    const count = arrived ? ctx.results.quantities.find((q) => q.sentence === s.index && q.end <= who.start && who.start - q.end <= 30 && q.best !== null && q.counts !== null && PERSONNEL_COUNTS.has(q.counts)) : undefined;
    if (count && count.best !== null) {
      push(ctx, s, { start: count.start, end: t ? t.end : place.end }, 'statements.strength-arrived', { subject: who.name, predicate: 'strength', object: iso, value: { best: count.best, approximate: count.approximate }, at: from, modality: count.approximate ? 'estimated' : undefined }, { start: at, end: at + m[0].length });
    }
  }
  // "The United States has about 1,100 troops in Niger"
  for (const m of matches(HAS_STRENGTH, text)) {
    const at = s.start + m.index;
    const iso = countryCodeAt(ctx, at + m[0].length, s.end);
    const n = parseCount(m[2]);
    const owner = subjectBefore(ctx, s, at);
    if (!iso || n === null || !owner) continue;
    const approx = m[1] !== undefined;
    push(ctx, s, { start: owner.start, end: at + m[0].length }, 'statements.has-strength', { subject: owner.name, predicate: 'strength', object: iso, value: { best: n, approximate: approx }, at: published(ctx), modality: approx ? 'estimated' : undefined });
  }
  // "Le groupe Wagner compterait environ 2 000 hommes au Mali", "L'Africa Corps dispose d'environ 2 500 hommes dans le pays"
  for (const m of matches(FR_HAS_STRENGTH, text)) {
    const at = s.start + m.index;
    const iso = countryCodeAt(ctx, at + m[0].length, s.end);
    const n = parseCount(m[3].replace(/[\s\u00a0\u202f]/g, ''));
    const owner = subjectBefore(ctx, s, at);
    if (!iso || n === null || !owner) continue;
    const approx = m[2] !== undefined || /rai(?:t|ent)\b/iu.test(m[1]);
    push(ctx, s, { start: owner.start, end: at + m[0].length }, 'statements.fr-has-strength', { subject: owner.name, predicate: 'strength', object: iso, value: { best: n, approximate: approx }, at: published(ctx), modality: approx ? 'estimated' : undefined });
  }
  // "about 2,000 mercenaries remain in Mali"
  for (const m of matches(STRENGTH, text)) {
    const at = s.start + m.index;
    const iso = countryCodeAt(ctx, at + m[0].length, s.end);
    const n = parseCount(m[2]);
    if (!iso || n === null) continue;
    const approx = m[1] !== undefined;
    const noun = m[4].toLowerCase();
    const place = placeAt(ctx, at + m[0].length, s.end);
    // name the counted group as the text does elsewhere ("the Russian mercenary presence" -> "Russian mercenaries")
    const stem = noun.replace(/ies$/, 'y').replace(/ries$/, 'ry').replace(/s$/, '');
    const adj = new RegExp(String.raw`\b([\p{Lu}][\p{Ll}]+)\s+${stem.slice(0, Math.max(4, stem.length - 1))}`, 'u').exec(ctx.doc.text.slice(0, at));
    // "1,500 Africa Corps personnel": the force the text names before the noun
    // "1,000 Russian instructors from the Africa Corps": the force of the phrase after the noun
    const ofStart = m[5] ? at + m[0].indexOf(m[5], m[0].indexOf(m[4]) + m[4].length) : -1;
    const named = (m[5] ? ctx.actors.find((a) => a.kind !== 'person' && a.start >= ofStart && a.end <= ofStart + m[5].length) : undefined) ??
      (m[3] ? ctx.actors.find((a) => a.kind !== 'person' && a.start >= at && a.end <= at + m[0].length && ctx.doc.text.slice(a.start, a.end).includes(m[3].split(/\s+/)[0])) : undefined);
    const adjective = m[3] ?? adj?.[1];
    const subject = named ? named.name : `${adjective ? adjective + ' ' : ''}${noun}${place ? ` in ${place.name}` : ''}`;
    const value: Record<string, unknown> = { best: n, approximate: approx };
    const st = push(ctx, s, { start: at, end: place ? place.end : at + m[0].length }, 'statements.strength', {
      subject,
      predicate: 'strength',
      object: iso,
      value,
      at: published(ctx),
      modality: approx ? 'estimated' : undefined,
    });
    estimatedBy(ctx, s, st, at, at + m[0].length);
  }
  // "Environ 2 000 mercenaires russes sont déployés au Mali"
  for (const m of matches(FR_STRENGTH, text)) {
    const at = s.start + m.index + (m[0].length - m[0].trimStart().length);
    const iso = countryCodeAt(ctx, s.start + m.index + m[0].length, s.end);
    const n = parseCount(m[2].replace(/[\s\u00a0\u202f]/g, ''));
    if (!iso || n === null) continue;
    const approx = m[1] !== undefined;
    const end = s.start + m.index + m[0].length;
    const place = placeAt(ctx, end, s.end);
    const named = ctx.actors.find((a) => a.kind !== 'person' && a.start >= at && a.end <= end) ?? ownerOfDont(ctx, s, at);
    const noun = `${m[3]}${m[4]}`.trim();
    const subject = named ? named.name : `${noun}${place ? ` ${m[5]} ${place.name}` : ''}`;
    const st = push(ctx, s, { start: at, end: place ? place.end : end }, 'statements.fr-strength', { subject, predicate: 'strength', object: iso, value: { best: n, approximate: approx }, at: published(ctx), modality: approx ? 'estimated' : undefined });
    estimatedBy(ctx, s, st, at, end);
  }
}

/**
 * "les États-Unis, dont environ 1 000 soldats sont déployés": the force of the party "dont" refers
 * to (a group, or a country's army).
 */
function ownerOfDont(ctx: Ctx, s: Sentence, at: number): { name: string } | null {
  const dont = /,?\s*dont\s+$/iu.exec(ctx.doc.text.slice(Math.max(s.start, at - 12), at));
  if (!dont) return null;
  const before = at - dont[0].length;
  const group = actorBefore(ctx, Math.max(s.start, before - 60), before, (a) => a.kind !== 'person');
  if (group && /^\s*$/.test(ctx.doc.text.slice(group.end, before))) return group;
  let place: PlaceMention | null = null;
  for (let i = lowerBound(ctx.places, s.start); i < ctx.places.length && ctx.places[i].end <= before; i++) place = ctx.places[i];
  if (!place?.country || place.kind !== 'country' || !/^\s*$/.test(ctx.doc.text.slice(place.end, before))) return null;
  const army = actorKb().stateEntry(place.country, 'military');
  return army ? { name: army.name } : null;
}

/** The source of an estimate the sentence attributes ("about 2,000 ..., according to diplomats"). */
function estimatedBy(ctx: Ctx, s: Sentence, st: ExtractedStatement, start: number, end: number): void {
  if (st.modality !== 'estimated' || st.attributedTo) return;
  const attr = attribute(ctx.doc, s, s, { start, end }, ctx.results.sources, ctx.actors, ctx.results.names, ctx.results.tokens);
  st.attributedTo = attr.attributedTo;
  st.channel = attr.channel;
}

/** "Its fighters number between 3,000 and 5,000", "ISWAP's fighters number about 5,000": a group's own strength */
const FIGHTERS_NUMBER = /\b(?:fighters|members|troops|men|militants|combatants|soldiers)\s+(?:now\s+|still\s+)?(?:number(?:ed|s)?|total(?:led|s)?)\s+(?:(about|some|around|roughly|approximately|an estimated|more than|over|at least|up to|nearly)\s+)?(?:between\s+(\d{1,3}(?:,\d{3})+|\d+)\s+and\s+(\d{1,3}(?:,\d{3})+|\d+)|(\d{1,3}(?:,\d{3})+|\d+))(?!\d)/giu;

/** The group a possessive before "fighters" names: "ISWAP's", or "its", "the group's" for the group the sentence before was about. */
function ownerOfFighters(ctx: Ctx, s: Sentence, at: number): ActorMention | null {
  const before = ctx.doc.text.slice(Math.max(s.start, at - 40), at);
  if (/(?:^|\s)(?:its|their|the group['’]s|the movement['’]s|the organi[sz]ation['’]s)\s+$/iu.test(before)) {
    const previous = ctx.doc.sentences[s.index - 1];
    if (!previous) return null;
    return ctx.actors.find((a) => a.start >= previous.start && a.end <= previous.end && a.kind !== 'person' && a.kind !== 'civilians' && !a.unnamed) ?? null;
  }
  const owner = actorBefore(ctx, Math.max(s.start, at - 50), at, (a) => a.kind !== 'person');
  return owner && /^[’']s\s+$/u.test(ctx.doc.text.slice(owner.end, at)) ? owner : null;
}

/** "JNIM has an estimated 6,000 fighters": an armed group's strength, no country named */
const HAS_FIGHTERS = /\b(?:has|have|had|counts|boasts)\s+(?:(about|some|around|roughly|approximately|an estimated|more than|over|at least|up to|nearly|between)\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\s+and\s+(\d{1,3}(?:,\d{3})+|\d+))?\s+(?:armed\s+)?(?:fighters|militants|combatants|members)\b(?!\s+(?:\w+\s+)?in\b)/giu;

/** The armed group named last before `pos`, within the sentence and the two before it. */
function groupNamedBefore(ctx: Ctx, s: Sentence, pos: number): ActorMention | null {
  const from = ctx.doc.sentences[Math.max(0, s.index - 2)]?.start ?? s.start;
  return actorBefore(ctx, from, pos, (a) => !a.unnamed && (a.kind === 'armed-group' || a.kind === 'militia' || a.kind === 'pmc'));
}

/** "It is led by", "the group has", "le groupe compte": a pronoun or a bare noun for a group named just before */
const GROUP_ANAPHOR = /(?:^|[\s,;:(])(?:it|the\s+(?:group|movement|organi[sz]ation|jihadist\s+group|militant\s+group|network)|il|le\s+groupe|le\s+mouvement|l['’]organisation)\s*$/iu;

function fightersNumber(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(HAS_FIGHTERS, text)) {
    const at = s.start + m.index;
    let owner = subjectBefore(ctx, s, at);
    // ("The United Nations estimates that the group has between 2,000 and 3,000 fighters")
    if ((!owner || owner.unnamed) && GROUP_ANAPHOR.test(ctx.doc.text.slice(Math.max(s.start, at - 40), at).replace(/\s+(?:now|still|currently|reportedly)\s*$/iu, ' '))) owner = groupNamedBefore(ctx, s, at - 1);
    if (!owner || (owner.kind !== 'armed-group' && owner.kind !== 'militia' && owner.kind !== 'pmc') || owner.unnamed) continue;
    const n = parseCount(m[2]);
    const high = m[3] ? parseCount(m[3]) : null;
    if (n === null) continue;
    const value = m[1] === 'between' && high !== null && high > n ? { low: n, high, approximate: true } : { best: n, approximate: m[1] !== undefined };
    push(ctx, s, { start: owner.start, end: at + m[0].length }, 'statements.has-fighters', { subject: owner.name, predicate: 'strength', object: null, value, at: published(ctx), modality: 'estimated' }, { start: at, end: at + m[0].length });
  }
  for (const m of matches(FIGHTERS_NUMBER, text)) {
    const at = s.start + m.index;
    const owner = ownerOfFighters(ctx, s, at);
    if (!owner) continue;
    const low = m[2] ? parseCount(m[2]) : null;
    const high = m[3] ? parseCount(m[3]) : null;
    const best = m[4] ? parseCount(m[4]) : null;
    const value = best !== null ? { best, approximate: m[1] !== undefined } : low !== null && high !== null && high > low ? { low, high, approximate: true } : null;
    if (!value) continue;
    // the country the sentence places the group in, if any
    const place = ctx.places.find((p) => p.start >= s.start && p.end <= s.end && p.kind === 'country');
    push(ctx, s, { start: Math.min(owner.start, at), end: at + m[0].length }, 'statements.fighters-number', { subject: owner.name, predicate: 'strength', object: place?.country ?? null, value, at: published(ctx), modality: 'estimated' }, { start: at, end: at + m[0].length });
  }
}

/** "transitioning", "integrating", "moving": personnel passing from one force to another */
const PERSONNEL_MOVE = /\b(?:transition(?:ing)?|transfer(?:ring)?|integrat(?:e|ing)|absorb(?:ing)?|mov(?:e|ing)|fold(?:ing)?|merg(?:e|ing))\s+/giu;

function personnelMoves(ctx: Ctx, s: Sentence, text: string): void {
  for (const m of matches(PERSONNEL_MOVE, text)) {
    const at = s.start + m.index;
    const who = actorAfter(ctx, at + m[0].length, s.end, 4);
    if (!who) continue;
    const rest = ctx.doc.text.slice(who.end, s.end);
    const own = /(?:fighters|personnel|troops|members|mercenaries|units|forces|men|contractors)$/i.test(who.text);
    const into = (own ? /^\s+(?:into|to|under|within)\s+/iu : /^\s+(?:fighters|personnel|troops|members|mercenaries|units|forces|men|contractors)\s+(?:into|to|under|within)\s+/iu).exec(rest);
    if (!into) continue;
    const dest = actorAfter(ctx, who.end + into[0].length, s.end, 4);
    if (!dest || dest.name === who.name) continue;
    push(ctx, s, { start: at, end: dest.end }, 'statements.personnel-into', { subject: who.name, predicate: 'personnel_moving_to', object: dest.name }, { start: at, end: at + m[0].length });
  }
}

/** Withdrawal dates by actor, from the events stage, to close a presence ("to"). */
function withdrawalDates(results: Extraction): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of results.events) {
    if (e.extra !== 'withdrawal' || !e.actor1 || e.modality === 'future' || e.modality === 'hypothetical' || e.modality === 'denied') continue;
    const d = e.date?.value;
    if (d && !out.has(e.actor1)) out.set(e.actor1, d);
  }
  return out;
}

/** Cheap tests of the key words each pattern needs, run before the pattern itself. */
const GATE = {
  backed: /backed|supported|sponsored|funded|armed by/i,
  controlled: /controlled|-run\b|-owned|-directed|run by|directed by/i,
  command: /command|reports? directly/i,
  rival: /rival/i,
  partOf: /part of|unit of|component of|battalion of|brigade of|subsidiary of|division of|element of|sub-?group of|belong/i,
  member: /member of|militant of|fighter of|commander of|official of/i,
  affiliated: /tied|linked|affiliat|allied|aligned|loyal|connected|close to|close with|branch|wing|offshoot|franchise|faction|province|affilié|lié|allié|rattaché|inféodé/i,
  death: /death|killing|assassinat|died|killed|shot dead|executed|eliminated|neutrali/i,
  leader: /leader|founder|chief|head|emir|commander|President|Prime Minister|King|Queen|Chancellor|Premier/,
  stateLeader: /leader|ruler|strongman|head of state|president|President|chief|chef|présid|dirigeant/,
  role: /minister|spokes|analyst|chief|commander|general|president|director|head|leader|official|researcher|ambassador|governor|mayor|colonel|captain|envoy|secretary|advis|expert|professor|journalist|correspondent|emir|founder|lieutenant|major|admiral|representative|coordinator|prefect|activist|lawmaker/i,
  assessment: /assessment|toll|figure|estimate|count|tally/i,
  presence: /presence|struggled|battled|fought|grappled|contended|remain|stationed|deployed|present|based|operating|been in|arrived in|are in|were in|troops|soldiers|personnel|fighters|mercenaries|men in|hommes|soldats|combattants|militaires|mercenaires|instructeurs/i,
  personnel: /transition|transfer|integrat|absorb|mov|fold|merg/i,
  ledBy: /led by|led since|headed|commanded|leads|heads|commands|dirig|conduit|command|ruled|governed/i,
  power: /power|pouvoir|himself|ousted|overthr|toppled|deposed|renvers|destitu/i,
  membership: /formed|founded|created|established|set up|which groups|brings together|comprises|includes|comprising|members of|formé|créé|fondé|mis en place|regroup|membres|merger|fusion/i,
  succession: /replac|succeeded|took over from|taken over from|remplac|succédé/i,
  appointment: /appointed|named|nominated|designated|nomm|désign/i,
  number: /number|total|fighters|militants|combatants|members/i,
};

type GateName = keyof typeof GATE;
const GATE_NAMES = Object.keys(GATE) as GateName[];

let gateIndex: PrefixIndex | null | undefined;

/**
 * The strings of every gate in one trie, so a document is read once for all of them: a sentence
 * where none of a gate's strings begins cannot pass that gate, and is not tested with it.
 */
function gates(): PrefixIndex | null {
  if (gateIndex !== undefined) return gateIndex;
  const strings = GATE_NAMES.map((g) => literalStrings(GATE[g].source, GATE[g].flags));
  gateIndex = strings.every((x) => x !== null) ? new PrefixIndex(strings) : null;
  return gateIndex;
}

/** Whether every gate reduces to literal strings (else every sentence is tested with every gate, several times slower). */
export function gatesAreIndexed(): boolean {
  return gates() !== null;
}

/** For each gate, the sentences where one of its strings begins; null: test every sentence. */
function gateCandidates(doc: Document): Record<GateName, boolean[]> | null {
  const index = gates();
  if (!index) return null;
  const lower = lowerText(doc.text);
  // offsets must survive lower-casing; sentences must be in order and apart
  if (lower.length !== doc.text.length || hasFoldingHazard(doc.text)) return null;
  for (let i = 1; i < doc.sentences.length; i++) if (doc.sentences[i].start < doc.sentences[i - 1].end) return null;
  const found = index.spansWith(lower, doc.sentences);
  return Object.fromEntries(GATE_NAMES.map((g, i) => [g, found[i]])) as Record<GateName, boolean[]>;
}

function dayOf(d: string, end: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(d)) return d.slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(d)) {
    if (!end) return `${d}-01`;
    const [y, m] = d.split('-').map(Number);
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(d)) return end ? `${d}-12-31` : `${d}-01-01`;
  return d;
}

/**
 * An undated event of an actor in a country where the text bounds that actor's presence
 * ("Wagner's presence in Mali began in late 2021" ... "announced its departure") happened within
 * that presence: the event gets the range, marked by its rule.
 */
function datesFromPresence(results: Extraction, statements: readonly ExtractedStatement[]): void {
  for (const e of results.events) {
    if (e.date || !e.location?.country) continue;
    const parties = [e.actor1, ...e.associated].filter((x): x is string => x !== null);
    const p = statements.find((st) => st.predicate === 'present_in' && st.object === e.location!.country && parties.includes(st.subject) && st.from && st.to && !st.from.startsWith('<'));
    if (!p) continue;
    e.date = { from: dayOf(p.from!, false), to: dayOf(p.to!, true), precision: 'range' };
    e.rules.push('events.date.presence-range');
  }
}

function namesByStart(names: Extraction['names']): Ctx['names'] {
  // built by push: packed arrays of one kind whatever the count (a `map` result may not be), so
  // lowerBound and findPersons, which read them for every sentence, are not deoptimised
  const order: number[] = [];
  for (let i = 0; i < names.length; i++) order.push(i);
  order.sort((a, b) => names[a].start - names[b].start || a - b);
  const byStart: Span[] = [];
  for (const i of order) byStart.push(names[i]);
  return { byStart, order };
}

// the expressions that scan many sentences, compiled when the module loads: at the first
// document the earlier stages may already have passed V8's mark (text/regexps.ts). ROLE_BEFORE,
// ROLE_AFTER, ROLE_TITLE and LEADER_TITLE are left out: they read a few words before or after a
// person, interpreted as fast, and compiling them would add 70 to 90 ms to loading the module.
compileNow([...Object.values(GATE), FR_HAS_STRENGTH, HAS_FIGHTERS, FIGHTERS_NUMBER, FRENCH_AFFILIATION, RULED_BY, REPLACED, REPLACED_BY, POSSESSIVE_AFFILIATE, ROLE_TITLE_END, ROLE_THEN_NAME, QUOTE, LEADER_CUE, ASSESSMENT, STRENGTH, HYPHEN_AFFILIATION, PERSONNEL_MOVE, LED_BY, SEIZED_POWER, PRESENT_SINCE, FORMED_BY, ARE_MEMBERS, HAS_STRENGTH]);

export function extractStatements(doc: Document, results: Extraction): ExtractedStatement[] {
  const ctx: Ctx = {
    doc,
    results,
    actors: [...results.actors].sort((a, b) => a.start - b.start),
    places: [...results.places].sort((a, b) => a.start - b.start),
    times: [...results.times].sort((a, b) => a.start - b.start),
    names: namesByStart(results.names),
    sourcesOf: new Map(),
    gates: gateCandidates(doc),
    out: [],
  };
  for (const src of results.sources) {
    const list = ctx.sourcesOf.get(src.sentence);
    if (list) list.push(src);
    else ctx.sourcesOf.set(src.sentence, [src]);
  }
  const cand = ctx.gates;
  const gate = (g: GateName, s: Sentence, text: string): boolean => (cand === null || cand[g][s.index]) && GATE[g].test(text);
  const deaths = new Map<string, string>();
  const withdrawals = withdrawalDates(results);
  const sourceSentences = new Set(results.sources.map((x) => x.sentence));
  const personSentences = new Set([...results.actors.filter((a) => a.kind === 'person').map((a) => a.sentence), ...results.names.filter((n) => n.type === 'PER').map((n) => n.sentence)]);
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    // each pattern runs only where its key words occur: most sentences state no such fact
    if (gate('backed', s, text)) backedBy(ctx, s, text);
    if (gate('controlled', s, text)) controlledBy(ctx, s, text);
    if (gate('command', s, text)) commandedBy(ctx, s, text);
    if (gate('rival', s, text)) rivalOf(ctx, s, text);
    if (gate('partOf', s, text)) partOf(ctx, s, text);
    if (gate('member', s, text)) memberOf(ctx, s, text);
    if (gate('affiliated', s, text)) affiliatedWith(ctx, s, text);
    if (gate('death', s, text)) died(ctx, s, text, deaths);
    if (gate('leader', s, text)) leaderOf(ctx, s, text);
    if (gate('stateLeader', s, text)) stateLeaderDescribed(ctx, s, persons(ctx, s));
    if (personSentences.has(s.index) || gate('role', s, text)) roles(ctx, s);
    if (sourceSentences.has(s.index) || gate('assessment', s, text)) claims(ctx, s);
    if (gate('presence', s, text)) presence(ctx, s, text, withdrawals);
    if (gate('number', s, text)) fightersNumber(ctx, s, text);
    if (gate('personnel', s, text)) personnelMoves(ctx, s, text);
    if (gate('ledBy', s, text)) ledBy(ctx, s, text);
    if (gate('power', s, text)) changeOfPower(ctx, s, text);
    if (gate('membership', s, text)) membership(ctx, s, text);
    if (gate('succession', s, text)) succession(ctx, s, text);
    if (gate('appointment', s, text)) appointments(ctx, s, text);
  }
  presenceEnded(ctx);
  // a leadership ends with the leader's death
  for (const st of ctx.out) {
    if (st.predicate === 'leader_of' && !st.to && deaths.has(st.subject) && st.rules[0] === 'statements.leader-apposition') st.to = deaths.get(st.subject)!.slice(0, 4);
  }
  datesFromPresence(results, ctx.out);
  // one statement per (subject, predicate, object, value): the first evidence is kept, with the
  // bounds a later one adds ("President B" first, "T ousted President B in July 2023" after)
  const seen = new Map<string, ExtractedStatement>();
  return ctx.out.filter((st) => {
    const key = `${st.subject}|${st.predicate}|${st.object ?? ''}|${st.predicate === 'claims' || st.predicate === 'role' ? JSON.stringify(st.value) : ''}`;
    const kept = seen.get(key);
    if (kept) {
      if (st.from && !kept.from) kept.from = st.from;
      if (st.to && !kept.to) kept.to = st.to;
      return false;
    }
    seen.set(key, st);
    return true;
  });
}
