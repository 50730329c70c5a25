import type {
  ActorMention,
  Document,
  EventDate,
  EventLocation,
  Extraction,
  ExtractedEvent,
  Fatalities,
  PlaceMention,
  QuantityMention,
  Sentence,
  SourceMention,
  Span,
  TimeMention,
  Token,
} from '../../model.js';
import { sentenceAt } from '../stages/times.js';
import type { RawToken } from '../../text/tokenize.js';
import { findCues, findCuesBySentence, kindInfo, pickKind, scoreKinds, withoutToldVictims, type CueHit, type KindScore } from './detect.js';
import { classifyModality, type ModalityResult } from './modality.js';
import { actorKb, type ActorEntry } from '../../knowledge/actors.js';
import { countryNamed } from '../../knowledge/places.js';
import { datelineSpan, inDateline } from '../../text/dateline.js';
import { namedAcrossBorder } from '../../text/border.js';

/**
 * Event assembly: from the cue matches of one sentence and what earlier stages found in it
 * (actors, places, times, quantities, sources) to ExtractedEvent records, then the merge of
 * sentences that report one incident.
 */

/** Kinds of violence; one sentence yields at most one of them (ACLED codes one event per incident). */
const VIOLENT = new Set([
  'armed-clash', 'government-regains', 'nonstate-overtakes', 'chemical-weapon', 'air-strike', 'drone-strike', 'suicide-bomb',
  'shelling', 'remote-explosive', 'grenade', 'sexual-violence', 'attack', 'abduction', 'peaceful-protest',
  'protest-intervention', 'excessive-force', 'violent-demonstration', 'mob-violence', 'territory-transfer',
]);

/** Kinds that colour another event (who claims or blames) rather than report one. */
/** Non-violent kinds that still join two parties ("negotiations between X and Y"). */
const INTERACTIVE = new Set(['negotiation', 'agreement', 'ceasefire', 'military-aid', 'sanction', 'arrest', 'abduction']);

/**
 * Kinds that kill nobody by what they are: a count of the dead in their clause ("a ceasefire after
 * clashes that left 30 dead", "reinforcements were sent after 21 assailants were neutralised")
 * belongs to the violence told with them, and a peaceful protest with deaths is no longer
 * peaceful (Codebook: fatalities belong to the event that caused them).
 */
const NO_FATALITIES = new Set(['agreement', 'ceasefire', 'arrest', 'change-to-group', 'withdrawal', 'deployment', 'group-creation', 'rebranding', 'disrupted-weapons', 'base-established', 'territory-transfer', 'negotiation', 'military-aid', 'sanction', 'diplomatic', 'displacement', 'peaceful-protest']);

/** Developments ACLED codes only with the actor that makes them (Codebook: Strategic developments). */
const ACTOR_REQUIRED = new Set(['withdrawal', 'deployment', 'change-to-group', 'group-creation', 'rebranding', 'base-established', 'arrest', 'military-aid', 'territory-transfer']);

const NOT_EVENTS = new Set(['responsibility', 'accusation', 'diplomatic', 'threat']);

const FAMILY: Record<string, string> = {
  'change-to-group': 'group', 'group-creation': 'group', rebranding: 'group',
  agreement: 'agreement', ceasefire: 'agreement',
  'natural-disaster': 'disaster', 'manmade-disaster': 'disaster',
};

export function familyOf(kind: string): string {
  if (['armed-clash', 'government-regains', 'nonstate-overtakes', 'territory-transfer'].includes(kind)) return 'battle';
  if (['chemical-weapon', 'air-strike', 'drone-strike', 'suicide-bomb', 'shelling', 'remote-explosive', 'grenade'].includes(kind)) return 'explosion';
  if (['sexual-violence', 'attack', 'abduction'].includes(kind)) return 'vac';
  if (['peaceful-protest', 'protest-intervention', 'excessive-force', 'violent-demonstration', 'mob-violence'].includes(kind)) return 'protest';
  return FAMILY[kind] ?? kind;
}

/** One of TREND_BEFORE's words, to test a sentence once before testing each cue */
const TREND_WORD = /stepp|steps? up|intensif|escalat|surge|rise|spike|increas|wave|spate|string|growing|recurrent|repeated|frequent|plagued|beset|wracked|racked|rife|gripped|grip of/i;
/** Words that make what follows a trend over time ("stepped up attacks", "a surge in kidnappings"), not one incident. */
const TREND_BEFORE = /\b(?:stepp(?:ed|ing) up|steps? up|intensif(?:ied|y|ies|ying)|escalat(?:ed|ing)|(?:an?|the) (?:surge|rise|spike|increase|upsurge|wave|spate|string) (?:in|of)|increasing(?:ly)?|growing|recurrent|repeated|frequent|(?:plagued|beset|wracked|racked|gripped) by|rife with|in the grip of)\s+(?:(?:their|its|his|her|the|deadly|jihadist|armed|violent|criminal)\s+){0,2}$/i;

const PROTESTED = new Set(['peaceful-protest', 'protest-intervention', 'excessive-force']);
const TOPIC_BEFORE = /\b(?:report(?:ed|ing|s)?|cover(?:ed|ing|s)?|writ(?:ten|ing|es)|wrote|film(?:ed|ing)|photograph(?:ed|ing)|comment(?:ed|ing)|post(?:ed|ing)|tweet(?:ed|ing))\s+(?:on|about)\s+(?:the\s+|a\s+|these\s+|those\s+)?$|\bcover(?:ed|ing)\s+(?:the\s+)?$/i;
function verbOfPassive(h: CueHit): CueHit {
  const at = h.text.search(/\b(?:were|have been|had been)\b/);
  return at > 0 ? { ...h, start: h.start + at, text: h.text.slice(at) } : h;
}

/** "over coverage of army killings", "an investigation into the massacre": what a work is about ("reports of" stays a report) */
const COVERAGE_OF = /\b(?:coverage|documentary|documentaries|film|book|inquiry|investigation|probe)\s+(?:of|on|about|into)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$|(?<![\p{L}])(?:couverture|enquête|documentaire)\s+(?:de|des|du|sur)\s+(?:la\s+|les\s+|l['’])?(?:[\p{L}-]+\s+){0,2}$/iu;
/** "Les attaques contre des villages sont fréquentes": a kind of incident said to be common, not one incident */
const GENERIC_PLURAL = /^\W*(?:(?:such\s+)?(?:attacks|killings|kidnappings|abductions|ambushes|raids)\s+(?:on|against|of)\s+[^.;]{0,60}?\s+(?:are|have\s+become|remain)\s+(?:frequent|common|commonplace|routine|rife)|les\s+(?:attaques|enlèvements|embuscades|tueries|exactions)\s+(?:contre|de|sur)\s+[^.;]{0,60}?\s+(?:sont|restent|demeurent)\s+(?:fréquentes|fréquents|courantes|courants|récurrentes|récurrents|monnaie\s+courante))\b/iu;
const USED_AS_BEFORE = /\b(?:used?|uses|using|deployed|recruited|employed|utilisé|utilisent|utilisé(?:e|s|es)?)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:as|comme)\s+$/iu;
const IN_THE_PAST = /\b(?:in the past|par le passé)\s*(?:[.;]|$)/iu;
/** A present perfect of the group's own doing just before the cue ("have used", "have carried out such") */
const HABIT_PERFECT = /\b(?:has|have)\s+(?:\w+ly\s+)?(?:used|carried out|staged|claimed|conducted|launched|mounted|employed)\s+(?:(?:such|similar|many|several|numerous|the same)\s+)?(?:[\w-]+\s+){0,4}$/i;

/** Lowered weight for a weapon named only as support of another action ("with the support of drone strikes"). */
const SUPPORT_BEFORE = /\b(?:with the support of|supported by|backed by|with the help of|covered by|under the cover of|with air support from|alongside)\s+(?:[^\s,;.]+\s+){0,3}$/i;

export interface Detection {
  kind: string;
  score: number;
  trigger: CueHit;
  hits: CueHit[];
  rules: string[];
}

/** Events of one sentence: at most one violent event, plus strategic developments of other families. */
export function detectInSentence(text: string, base: number, found?: CueHit[]): Detection[] {
  let hits = (found ?? findCues(text, base)).filter((h) => !NOT_EVENTS.has(h.kind));
  if (hits.length === 0) return [];
  const weight = (h: CueHit): number => {
    const before = text.slice(Math.max(0, h.start - base - 60), h.start - base);
    return SUPPORT_BEFORE.test(before) ? h.weight * 0.3 : h.weight;
  };
  // "where ISSP has stepped up attacks since 2023": a trend, not an incident
  if (TREND_WORD.test(text)) hits = hits.filter((h) => !TREND_BEFORE.test(text.slice(Math.max(0, h.start - base - 40), h.start - base)));
  // "a journalist who had reported on the protests": what someone wrote about, not what happened here
  const topics = hits.filter((h) => ((h.group === 'protest' || h.group === 'riot') && TOPIC_BEFORE.test(text.slice(Math.max(0, h.start - base - 40), h.start - base))) || COVERAGE_OF.test(text.slice(Math.max(0, h.start - base - 40), h.start - base)));
  if (topics.length > 0) {
    hits = hits.filter((h) => !topics.includes(h));
    // (and how a protest was answered needs a protest: "detained" is then an arrest of its own)
    if (!hits.some((h) => h.group === 'protest')) hits = hits.filter((h) => h.group !== 'protest-mod');
  }
  if (GENERIC_PLURAL.test(text)) return [];
  // "have used women and girls as suicide bombers in the past": a role the group gives, not an incident
  if (text.includes(' as ') || text.includes(' comme ')) hits = hits.filter((h) => !USED_AS_BEFORE.test(text.slice(Math.max(0, h.start - base - 50), h.start - base)));
  // "… have carried out such attacks in the past.": a habit of the group, told without an incident
  if ((text.includes('the past') || text.includes('le passé')) && IN_THE_PAST.test(text)) hits = hits.filter((h) => !HABIT_PERFECT.test(text.slice(Math.max(0, h.start - base - 80), h.start - base)));
  if (hits.length === 0) return [];
  const out: Detection[] = [];
  // "35 civilians were killed … when a vehicle hit an improvised explosive device": civilians told
  // dead in the passive are the toll of the weapon or the fight the sentence names, which types it
  hits = withoutToldVictims(hits);
  // (the cue is the verb: the victims before it stay its subject, "Two soldiers and two civilians were killed")
  if (hits.some((h) => h.group === 'civilian-dead-told')) hits = hits.map((h) => (h.group === 'civilian-dead-told' ? verbOfPassive(h) : h));
  // "15 attackers had been arrested": the attackers named only by the noun are who the sentence's
  // development (an arrest) befell, not an attack of their own
  if (hits.some((h) => h.kind === 'arrest' && h.weight >= 3) && hits.every((h) => !VIOLENT.has(h.kind) || h.weight <= 1)) hits = hits.filter((h) => !VIOLENT.has(h.kind));
  const violentHits = hits.filter((h) => VIOLENT.has(h.kind));
  if (violentHits.length > 0) {
    // "an airstrike hit X, and gunmen attacked Y": a clause of its own with a strong cue of another
    // mode of violence is a second incident (ACLED codes one event per incident, not per sentence)
    const extra: Detection[] = [];
    let own = violentHits;
    const first = pickKind(violentHits, scoreKinds(violentHits, weight));
    if (first && first.score >= 2) {
      for (const c of clauseSpans(text, base)) {
        const inC = own.filter((h) => h.start >= c.start && h.end <= c.end);
        if (inC.length === 0 || inC.length === own.length) continue;
        const rest = own.filter((h) => !inC.includes(h));
        const here = pickKind(inC, scoreKinds(inC, weight));
        const there = pickKind(rest, scoreKinds(rest, weight));
        if (!here || !there || here.score < 4 || there.score < 4) continue;
        if (familyOf(here.kind) === familyOf(there.kind)) continue;
        // a toll or a weapon named in passing is part of the incident told beside it
        if (here.hits.every((h) => h.group === 'toll')) continue;
        extra.push(toDetection(here));
        own = rest;
      }
    }
    const chosen = extra.length > 0 ? pickKind(own, scoreKinds(own, weight)) : first;
    if (chosen && chosen.score >= 2) {
      const all = [toDetection(chosen), ...extra].sort((a, b) => a.trigger.start - b.trigger.start);
      // the incidents after the first are told in clauses of their own
      for (const d of all.slice(1)) d.rules.push('events.second-incident');
      out.push(...all);
    }
  }
  const rest = hits.filter((h) => !VIOLENT.has(h.kind));
  const byFamily = new Map<string, KindScore[]>();
  for (const r of scoreKinds(rest, weight)) {
    const f = familyOf(r.kind);
    const list = byFamily.get(f) ?? [];
    list.push(r);
    byFamily.set(f, list);
  }
  for (const [, ranked] of byFamily) {
    const best = ranked[0];
    if (best.score < 3) continue;
    // "French forces left Mali in 2022, and MINUSMA wrapped up its operations in 2023": one
    // development per clause that has a cue of its own
    const clauses = best.hits.length > 1 ? clauseSpans(text, base).map((c) => best.hits.filter((h) => h.start >= c.start && h.end <= c.end)).filter((hs) => hs.some((h) => h.weight >= 3)) : [];
    const parts = clauses.length > 1 ? clauses.map((hs) => ({ ...best, hits: hs, score: hs.reduce((n, h) => n + h.weight, 0) })) : [best];
    for (const part of parts) {
      const d = toDetection(part);
      if (out.some((o) => overlaps(o.trigger, d.trigger))) continue;
      out.push(d);
    }
  }
  // "stormed the base ... before withdrawing": a raid's retreat is part of the raid, not a development
  const violentHere = out.some((o) => VIOLENT.has(o.kind));
  if (violentHere && !/\b(?:announc|decid|order|plan)\w*/i.test(text)) {
    // and weapons the attackers took are loot of the attack, not weapons seized by the authorities
    // (what they burnt or looted is part of the attack: Codebook, Looting/property destruction)
    for (let i = out.length - 1; i >= 0; i--) if (out[i].kind === 'withdrawal' || out[i].kind === 'disrupted-weapons' || out[i].kind === 'looting') out.splice(i, 1);
  }
  // "the death of its leader in a plane crash": the crash is how he died, not a second event
  const death = out.find((o) => o.kind === 'leader-death');
  let kept = death ? out.filter((o) => !(familyOf(o.kind) === 'disaster' && Math.abs(o.trigger.start - death.trigger.end) < 60)) : out;
  // "Following the death of its leader in 2023, the group was renamed ...": an opening phrase that
  // names a past event sets the scene for the one the sentence reports, and is not reported itself
  const scene = SCENE_SETTING.exec(text);
  if (scene && kept.length > 1) {
    const end = base + scene[0].length;
    const main = kept.filter((o) => o.trigger.start >= end);
    if (main.length > 0 && main.length < kept.length) kept = main;
  }
  return kept.sort((a, b) => a.trigger.start - b.trigger.start);
}

/** A sentence-opening phrase of time that names an earlier event ("Following the death of X, ", "Since the 2012 coup, "). */
const SCENE_SETTING = /^\W*(?:following|after|since|in the wake of|prior to|before|amid|à la suite de|après|depuis)\s+(?:the|its|his|their|a|an|la|le|les|l['’]|sa|son|ses)\s[^,;]{3,150},/iu;

/** The clauses of a sentence (same breaks as clauseAround), offsets shifted by `base`. */
function clauseSpans(text: string, base: number): Span[] {
  const out: Span[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    out.push({ start: base + start, end: base + m.index });
    start = m.index + m[0].length;
  }
  out.push({ start: base + start, end: base + text.length });
  return out.length > 1 ? out : [];
}

/** Cue groups that count the dead: ", killing 12 soldiers" is what the act did, not the act. */
const CASUALTY_GROUPS = new Set(['military-dead', 'civilian-dead', 'civilian-dead-told', 'toll']);

function toDetection(k: KindScore): Detection {
  const own = k.hits.filter((h) => h.kind === k.kind || k.hits.every((x) => x.kind !== k.kind));
  let trigger = [...own].sort((a, b) => b.weight - a.weight || a.start - b.start)[0] ?? k.hits[0];
  // "Jihadists ambushed an army patrol …, killing 12 soldiers": the participle says what the act
  // did; the act before it is the trigger, whose subject and object are the sides
  if (CASUALTY_GROUPS.has(trigger.group) && /^(?:killing|wounding|injuring|leaving)\b/i.test(trigger.text)) {
    const act = own.filter((h) => !CASUALTY_GROUPS.has(h.group) && h.weight >= 2 && h.end <= trigger.start).sort((a, b) => b.weight - a.weight || a.start - b.start)[0];
    if (act) trigger = act;
  }
  return { kind: k.kind, score: k.score, trigger, hits: k.hits, rules: [...new Set(k.hits.map((h) => `events.cue.${h.kind}#${h.cue}`))] };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

const CLAUSE_BREAK = /;|,\s+(?:and|while|but|though|although|whereas|as)\b|\s(?:while|whereas|although)\s|,\s+(?=accusations|reports|allegations)/gi;

/** The clause of the sentence around a span: evidence that keeps two events of one sentence apart. */
export function clauseAround(doc: Document, sentence: Sentence, span: Span): Span {
  const text = doc.text.slice(sentence.start, sentence.end);
  let start = sentence.start;
  let end = sentence.end;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m !== null; m = CLAUSE_BREAK.exec(text)) {
    const at = sentence.start + m.index;
    if (at + m[0].length <= span.start) start = at + m[0].length;
    else if (at >= span.end && at < end) {
      end = at;
      break;
    }
  }
  while (start < end && /[\s,;]/.test(doc.text[start])) start++;
  while (end > start && /[\s.,;]/.test(doc.text[end - 1])) end--;
  return { start, end };
}

// ---------------------------------------------------------------- actors

const VICTIM_BEFORE = /\b(?:losses (?:incurred|suffered|inflicted) (?:by|on)|(?:killing|killed|wounding|wounded|injuring|injured|neutrali[sz]ing|neutrali[sz]ed|eliminating|eliminated|executing|executed|massacring|massacred|targeting|against|on|kidnapping|abducting|abducted|kidnapped)["”’]?(?:\s+(?:along|together) with)?|casualties among)\s+(?:both\s+)?(?:at least\s+|some\s+|about\s+|nearly\s+|more than\s+)?(?:[\d,]+\s+|(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several|many)\s+(?:of\s+)?)?(?:the\s+)?$/i;
const AGENT_BEFORE = /\bby\s+(?:the\s+|two\s+|several\s+|\w+\s+){0,2}$/i;
const VICTIMS_TOLD = /\b(?:(?:were|was|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|abducted|kidnapped|ambushed|attacked)|died)\b/i;
const WHEN_BEFORE = /\b(?:when|as|after)\s+(?:(?:some|about|around|nearly|more\s+than|over|at\s+least|hundreds\s+of|dozens\s+of|scores\s+of)\s+)?(?:\d[\d,]*\s+)?(?:suspected\s+|armed\s+|heavily\s+armed\s+)?$/i;
const ATTACK_AFTER = /^\s+(?:\w+ly\s+)?(?:attacked|ambushed|stormed|raided|opened fire|fired on|struck|targeted|overran|shelled|bombed)\b/i;
/** "a convoy escorted by the army": a participle that describes a party's role, not who did the deed */
/** People who witness and tell, not parties: "plusieurs habitants et un élu local", "residents", "a witness" */
const WITNESS_WORD = /(?<![\p{L}])(?:habitants?|témoins?|villageois|élus?|notables?|résidents?|rescapés?|survivants?|residents?|witness(?:es)?|villagers|survivors|locals|local officials?|elders?)(?![\p{L}])/iu;
const BLAMED_ON = /\b(?:blamed|blames|blaming|attributed|pinned)\s+(?:\w+\s+){0,3}?on\s+(?:the\s+)?$|\battributed\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?$|(?<![\p{L}])(?:imputée?s?|attribuée?s?)\s+(?:à|au|aux)\s+(?:l['’]\s*|la\s+)?$/iu;
const ENVOY_AFTER = /^['’]s\s+(?:ambassador|envoy|embassy|foreign\s+minist(?:er|ry)|diplomats?|consul)\b/i;
const ARMED_SIDES = new Set<string>(['state-forces', 'armed-group', 'militia', 'pmc']);
const OWN_LOSSES = /\b(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:killed|wounded|injured)|(?:had\s+|have\s+)?died|lost\s+their\s+lives|perished)\b|(?<![\p{L}])(?:(?:ont|a)\s+été\s+(?:tués|blessés)|sont\s+(?:morts|tombés)|ont\s+perdu\s+la\s+vie|la\s+mort\s+de|le\s+décès\s+de)(?![\p{L}])/iu;
/** the reported words open with the speaker itself: "(that) it had killed", "qu'ils ont tué", "avoir neutralisé" */
const SPEAKER_SUBJECT = /^\s*(?:that\s+|que\s+|qu['’]\s*)?(?:it|they|we|il|ils|elle|elles|nous|avoir|d['’]avoir)\b/iu;
const SPEAKER_APPOSITIVE = /^,\s*(?:an?\s+|the\s+|le\s+|la\s+|l['’]\s*|un\s+|une\s+)?(?:[\p{L}'’-]+\s+){0,5}?(?:of|at|for|with|from|du|de|des|d['’])\s*(?:the\s+|la\s+|l['’]\s*|le\s+)?(?:[^,;()]{1,80}\(\s*)?$/iu;
const NOT_AGENT_BY = /\b(?:escorted|accompanied|guarded|protected|supported|backed|flanked|manned|held|controlled|run|owned|operated|used|trained|funded|armed|supplied|founded|chaired)\s+by\s+(?:the\s+|two\s+|several\s+|\w+\s+){0,2}$/i;
/**
 * A movement told as a noun names who moves after "of": "the arrival of Russian mercenaries from
 * the Wagner Group", "the withdrawal of French troops", "le départ de Barkhane" (an expulsion's
 * object is the expelled, so it is not among these nouns).
 */
const MOVER_OF = /^(?:arrivals?|deployments?|redeployments?|departures?|withdrawals?|pull-?outs?|exit|return|arrivée|déploiement|redéploiement|départ|retrait|retour)\s+(?:of|de|du|des|d['’])\s*(?:[\p{L}'’-]+\s+){0,4}$/iu;
/**
 * Participles of harm done to someone: the subject of "X were killed", "X was ambushed" is the
 * victim, whoever did it (ACLED: actor1 is the side that acts; the victims are actor2).
 */
const HARM_PARTICIPLE = '(?:killed|wounded|injured|hurt|ambushed|attacked|targeted|kidnapped|abducted|taken hostage|held hostage|captured|shot(?: dead)?|executed|massacred|slain|murdered|beheaded|bombed|shelled|struck|hit|raped|assassinated|besieged|overrun|ousted|overthrown|deposed|arrested|detained|expelled|neutrali[sz]ed|eliminated|lynched|tortured|abused|harassed|robbed|displaced|evicted|raided|defeated|routed|repelled|repulsed|pushed back|driven out|forced out|encircled|surrounded|fired (?:on|upon)|caught)';
/** "X (of the Y mission) were killed": what may stand between the subject and its passive verb. */
const PASSIVE_AFTER_SUBJECT = new RegExp(`^([^;:.!?]{0,70}?)\\s*\\b(?:(?:has|have|had)\\s+)?(?:been|was|were|being|got)\\s+(?:\\w+ly\\s+)?(?:reportedly\\s+|allegedly\\s+|also\\s+|all\\s+)?${HARM_PARTICIPLE}\\b`, 'i');
/** Nouns that name a side by what it did to others: never the victim of its own attack. */
const INITIATOR_NOUN = /\b(?:attackers?|assailants?|raiders?|gunm[ae]n|abductors?|kidnappers?|perpetrators?|bombers?|hostage-takers?)\b/i;
/** "according to Human Rights Watch": the source of the account, not a party to the event. */
const SOURCE_BEFORE = /\baccording to\s+(?:the\s+)?$/i;

/**
 * French reporting's function words for the same roles, read only in French documents: the source
 * after its verb ("a annoncé le gouvernement", "selon l'état-major"), the agent after 'par'
 * ("tendue par le JNIM", "tués par des jihadistes"), the victim after 'contre', 'tuant' or 'parmi'
 * ("contre un convoi de l'armée malienne").
 */
const FRENCH_SOURCE_BEFORE = /(?:\bselon|\bd['’]après|(?:\ba|\bont|\bavait|\bavaient)\s+(?:annoncé|indiqué|déclaré|affirmé|rapporté|précisé|confirmé|souligné|expliqué|assuré|ajouté|dénoncé|fait savoir)|\b(?:annonce|indique|rapporte|précise|affirme|souligne|explique))\s*$/i;
const FRENCH_HARM_PARTICIPLE = '(?:tu|bless|attaqu|enlev|kidnapp|vis|cibl|tendu|men|perpétr|commis|revendiqu|lanc|orchestr|exécut|abattu|neutralis|arrêt|interpell|captur|chass|repouss|massacr|assassin|pris pour cible|pris d.assaut)\\p{L}*';
const FRENCH_PASSIVE_BY = new RegExp(`(?<![\\p{L}])${FRENCH_HARM_PARTICIPLE}\\s+(?:[^,;.]{0,30}?\\s)?par\\s+(?:(?:le|la|les|des|du|deux|plusieurs|un|une)\\s+)?$`, 'iu');
const FRENCH_VICTIM_BEFORE = /(?:\bcontre|\btuant|\btué[es]*|\bblessant|\benlevant|\bvisant|\bciblant|\bparmi)\s+(?:(?:au moins|environ|près de|plus de)\s+)?(?:[\d\s]+|(?:plusieurs|quelques|une\s+[a-zé]+aine|des\s+(?:dizaines|centaines))\s+)?(?:(?:un|une|le|la|les|des|du|leur|leurs)\s+)?(?:(?:convoi|camp|poste|position|positions|patrouille|base|détachement|unité|éléments?|soldats|membres)\s+(?:de|du|des)\s+)?$/i;
/** "(quinze soldats nigériens) ont été tués", "sont morts": a French subject's passive of harm */
const FRENCH_PASSIVE_AFTER_SUBJECT = new RegExp(`^([^;:.!?]{0,70}?)\\s*(?:(?:ont|a|avaient|avait|auraient|aurait)\\s+été|(?:sont|est|étaient|était)\\s+(?:morts?|mortes?|tombés?))(?:\\s+${FRENCH_HARM_PARTICIPLE})?(?![\\p{L}])`, 'iu');

/** Words that open another clause (or a verb of its own) between a subject and a passive verb. */
const NEW_CLAUSE = /\b(?:who|whom|which|that|where|when|while|after|before|as|because|since|until|if|and then|then)\b|[,(]\s*(?:who|which)\b/i;
/** "were killed by militants": the agent of a passive named right after the participle, before or after the trigger. */
const PASSIVE_BY = new RegExp(`\\b(?:been|was|were|being|got)\\s+(?:\\w+ly\\s+)?(?:\\w+\\s+and\\s+)?${HARM_PARTICIPLE}\\s+(?:[^,;.]{0,30}?\\s)?by\\s+(?:the\\s+|an?\\s+|two\\s+|several\\s+|\\w+\\s+){0,2}$`, 'i');

/**
 * Whether an actor is the subject of a passive verb of harm in the clause ("five gendarmes were
 * killed", "A peacekeeper in Mali was killed"): no other clause, and not the trigger of someone
 * else's action, may stand between them.
 */
export function passiveVictim(doc: Document, clause: Span, a: Span, trigger: Span): boolean {
  const after = doc.text.slice(a.end, Math.min(clause.end, a.end + 140));
  const m = PASSIVE_AFTER_SUBJECT.exec(after) ?? (doc.language === 'fr' ? FRENCH_PASSIVE_AFTER_SUBJECT.exec(after) : null);
  if (!m) return false;
  // "six attackers were killed": the side that attacked stays the initiator, whatever it lost
  // (but "15 attackers had been arrested" are the ones arrested)
  if (INITIATOR_NOUN.test(doc.text.slice(a.start, a.end)) && !/(?<![\p{L}])(?:arrested|detained|captured|apprehended|arrêtés?|interpellés?|capturés?)(?![\p{L}])/iu.test(m[0])) return false;
  const between = m[1];
  if (NEW_CLAUSE.test(between)) return false;
  // "Jihadists attacked a base where ...": the trigger between them makes the actor its subject
  const betweenEnd = a.end + between.length;
  if (trigger.start >= a.end && trigger.start < betweenEnd) return false;
  return true;
}
const PRECISION_RANK: Record<string, number> = { time: 0, day: 0, range: 1, week: 2, month: 3, quarter: 4, season: 4, year: 5, before: 6, after: 6, decade: 7, century: 8, unknown: 9 };

/** "la mission de l'ONU", "les alliés du groupe": the object of a French preposition is no subject ("des" is left out: it is also the plural article, "des VDP avaient neutralisé") */
const FRENCH_PP_OBJECT = /(?:^|[^\p{L}])(?:de|du|d['’]|à|au|aux|par|pour|contre|avec|sur|chez|vers|parmi|entre)\s*(?:la\s+|le\s+|les\s+|l['’]\s*)?$/iu;
const PP_OBJECT = /\b(?:by|from|of|with|in|to|for|against|on|at|near|into|among|between)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,1}$/i;

/** Whether an actor sits in an appositive between the subject and the trigger: "X, a force backed by Y, announced". */
function inAppositive(doc: Document, clause: Span, a: ActorMention, trigger: Span): boolean {
  const before = doc.text.slice(clause.start, a.start);
  const after = doc.text.slice(a.end, trigger.start);
  // (or owns the description: "JNIM, al Qaeda's branch in the Sahel, was formed")
  return (/,\s*(?:a|an|the)\s[^,]*$/i.test(before) && /^[^,]*,/.test(after)) || (/,\s*$/.test(before) && /^['’]s\s[^,]*,/.test(after));
}

/** What stands between a trigger with no subject and its target: a verb of harm, or "against" ("contre"). */
const TARGET_AFTER = /^[^.;]{0,25}?(?<![\p{L}])(?:hit|hits|struck|strikes|targeted|targeting|killed|killing|wounded|wounding|injuring|ambushed|destroyed|damaged|blew up|exploded (?:under|near|beside|at|outside|inside|in front of|at the (?:entrance|gates?) (?:of|to))|against|frappé|visé|ciblé|touché|heurté|pris pour cible|détruit|contre)(?![\p{L}])[^.;,]{0,40}$/iu;

/** Whether two actors are one side: the same entry, one state's forces or offices, or one part of the other (peacekeepers and their mission). */
function sameSide(a: ActorMention, b: ActorMention): boolean {
  if (a.actorId === b.actorId) return true;
  const state = (x: ActorMention): boolean => x.kind === 'state-forces' || x.kind === 'government' || x.kind === 'state';
  if (state(a) && state(b) && a.country !== null && a.country === b.country) return true;
  try {
    const kb = actorKb();
    const parents = (id: string): string[] => kb.relationsOf(id).filter((r) => r.type === 'part_of').map((r) => r.target);
    const pa = parents(a.actorId);
    const pb = parents(b.actorId);
    return pa.includes(b.actorId) || pb.includes(a.actorId) || pa.some((p) => pb.includes(p));
  } catch {
    return false;
  }
}

/** "X and Y", "X, Y": what joins two coordinated actors */
const COORDINATED = /^\s*(?:,|and|,\s*and|et|,\s*et)\s*(?:the\s+|les?\s+|la\s+|des\s+|l['’]\s*)?$/i;
/** triggers of a fight both sides wage: "clashed", "fought", "exchanged fire" */
const RECIPROCAL = /\b(?:clash|fought|fight|battl|exchang|skirmish|gunfight|firefight)|(?<![\p{L}])(?:affront|accroch|combat)/iu;

const ARMED_GROUP_KINDS = new Set<string>(['armed-group', 'militia', 'pmc']);
/** between a described party and the group it belongs to: "from the", "of", "du", "de l'" after a few adjectives */
const GROUP_OF = /^\s+(?:[\p{L}-]+\s+){0,3}?(?:of|from|du|de|des|d['’])\s*(?:the\s+|la\s+|l['’]\s*)?$/iu;
const AFFILIATION_BEFORE = /(?:\b(?:linked|tied|affiliated|allied|loyal|close|aligned)\s+(?:to|with)|(?<![\p{L}])(?:liée?s?|affiliée?s?|proches?)\s+(?:à|de|du|des|d['’]))\s*(?:the\s+|l['’]\s*|la\s+|le\s+)?$/iu;
const ALLY_BEFORE = /\b(?:with the support of|supported by|backed by|alongside|with the help of|together with|assisted by)\s+(?:the\s+)?$/i;
const CONTROL_OF = /\bunder the (?:direct )?control of\s+(?:the\s+)?$/i;

export interface ActorRoles {
  actor1: ActorMention | null;
  actor2: ActorMention | null;
  associated: ActorMention[];
  rules: string[];
}

function distinct(list: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return list.filter((a) => (seen.has(a.name) ? false : (seen.add(a.name), true)));
}

/**
 * What `filter` gives, as a list built by push: an empty `filter` or `map` result is an array of
 * small integers, and a name pushed into it later (mergeDrafts) changes its kind under the
 * optimised code that reads associated actors, which is then deoptimised document after document.
 */
function filterByPush<T>(list: readonly T[], keep: (x: T) => boolean): T[] {
  const out: T[] = [];
  for (const x of list) if (keep(x)) out.push(x);
  return out;
}

/**
 * Who did what to whom inside the clause, by position and a few function-word patterns: the
 * agent of a passive ("carried out by X") or the subject before the trigger is actor1; the actor
 * after the trigger, or one marked as a victim ("losses incurred by X"), is actor2; allies named
 * with "backed by", "with the support of" or coordinated after the first actor ("X and Y") go to
 * `associated` (ACLED's assoc_actor).
 */
export function assignActors(doc: Document, clause: Span, trigger: Span, actors: readonly ActorMention[], violent = true, twoSided = false, allSources: readonly SourceMention[] = []): ActorRoles {
  const french = doc.language === 'fr';
  // (only the sentence's own sources can speak of its trigger)
  const sentenceIndex = sentenceAt(doc.sentences, trigger.start);
  const sources = allSources.filter((src) => src.sentence === sentenceIndex);
  // "…, residents said": a generic source after the trigger reports the event and is no party to it
  // (a named force or group that reports its own fight stays a candidate)
  const reportsTrigger = (a: ActorMention): boolean => sources.some((src) => src.source !== null && src.cue.start >= trigger.end && overlaps(src.source, a));
  // '"…," said Barkindo Saidu, director general of the State Emergency Management Agency': the
  // speaker's own body, named in the appositive after the speaker, reports and takes no part either
  const speakersBody = (a: ActorMention): boolean => sources.some((src) => src.source !== null && src.cue.start >= trigger.end && src.source.end <= a.start && a.start - src.source.end <= 80 && SPEAKER_APPOSITIVE.test(doc.text.slice(src.source.end, a.start)));
  // "Niger's defence ministry said 29 soldiers were killed when …", "Mali's army announced that
  // eight soldiers had died": a side that reports its own losses is their side, not who struck
  const toldOwnLosses = (a: ActorMention): boolean => sources.some((src) => src.source !== null && src.content !== null && overlaps(src.source, a) && src.cue.start >= a.end && src.cue.end <= trigger.start && src.content.start <= trigger.start && src.content.end >= trigger.end && OWN_LOSSES.test(doc.text.slice(src.content.start, Math.min(src.content.end, trigger.end + 40))) && !SPEAKER_SUBJECT.test(doc.text.slice(src.content.start, trigger.start)));
  const reporter = (a: ActorMention): boolean => (a.actorId.startsWith('unnamed:') && reportsTrigger(a)) || speakersBody(a) || (violent && toldOwnLosses(a));
  const inSpan = actors.filter((a) => a.start >= clause.start && a.end <= clause.end && a.kind !== 'person' && !reporter(a) && !SOURCE_BEFORE.test(doc.text.slice(Math.max(clause.start, a.start - 20), a.start)) && !(french && FRENCH_SOURCE_BEFORE.test(doc.text.slice(Math.max(clause.start, a.start - 25), a.start))));
  // "Fighters tied to al-Qaida": the nested name is part of the description, not a second party;
  // so is one after "linked to" ("Islamic extremists linked to al-Qaida said they killed …")
  // (nor is one inside ", which …," when the trigger is outside it: "Djibo, which has been under
  // blockade by Islamist militants for a year, when its lead vehicle struck an IED")
  // "Tuareg rebels from the CSP", "les rebelles indépendantistes du Cadre stratégique permanent":
  // the group named after a description is the party the description stands for
  const named = new Set<ActorMention>();
  const described = new Set<ActorMention>();
  for (const a of inSpan) {
    if (!a.actorId.startsWith('unnamed:') || !ARMED_GROUP_KINDS.has(a.kind)) continue;
    const b = inSpan.find((x) => x.start > a.end && x.start - a.end <= 50 && !x.actorId.startsWith('unnamed:') && ARMED_GROUP_KINDS.has(x.kind) && GROUP_OF.test(doc.text.slice(a.end, x.start)));
    if (b) {
      named.add(b);
      described.add(a);
    }
  }
  // (a state whose envoy the text names is no party: "Mauritania summoned Mali's ambassador after …";
  // but the one an aside blames is: "…, which local officials blamed on Malian soldiers")
  const blamed = (a: ActorMention): boolean => BLAMED_ON.test(doc.text.slice(Math.max(clause.start, a.start - 50), a.start));
  const inClause = inSpan.filter((a) => !described.has(a) && !inSpan.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start) && !AFFILIATION_BEFORE.test(doc.text.slice(Math.max(clause.start, a.start - 30), a.start)) && (blamed(a) || !inAsideWithout(doc.text, clause, a, trigger, THING_ASIDE)) && !(a.kind === 'state' && ENVOY_AFTER.test(doc.text.slice(a.end, a.end + 30))));
  const rules: string[] = [];
  const before = (a: ActorMention) => doc.text.slice(Math.max(clause.start, a.start - 60), a.start);
  const victims = new Set<ActorMention>();
  const allies = new Set<ActorMention>();
  let agent: ActorMention | null = null;
  let controller: ActorMention | null = null;
  for (const a of inClause) {
    const b = before(a);
    if (!agent && blamed(a)) {
      agent = a;
      rules.push('events.actor.blamed-on');
    } else if (ALLY_BEFORE.test(b) && a.start >= trigger.start) allies.add(a);
    else if (CONTROL_OF.test(b)) controller = controller ?? a;
    else if (a.start >= trigger.end && AGENT_BEFORE.test(b) && !NOT_AGENT_BY.test(b) && a.start - trigger.end < 80) agent = agent ?? a;
    // "35 soldiers were killed when suspected jihadists ambushed a convoy": the attackers of the
    // clause that tells how the victims died
    else if (violent && !agent && a.start > trigger.start && WHEN_BEFORE.test(doc.text.slice(Math.max(trigger.start, a.start - 30), a.start)) && ATTACK_AFTER.test(doc.text.slice(a.end, a.end + 30)) && VICTIMS_TOLD.test(doc.text.slice(clause.start, a.start))) {
      agent = a;
      rules.push('events.actor.when-attacker');
    } else if (!violent && !agent && a.start >= trigger.end && MOVER_OF.test(doc.text.slice(trigger.start, a.start))) {
      agent = a;
      rules.push('events.actor.mover-of');
    }
    else if (PASSIVE_BY.test(doc.text.slice(Math.max(clause.start, a.start - 90), a.start))) agent = agent ?? a;
    else if (french && FRENCH_PASSIVE_BY.test(doc.text.slice(Math.max(clause.start, a.start - 90), a.start))) agent = agent ?? a;
    else if (VICTIM_BEFORE.test(b) || passiveVictim(doc, clause, a, trigger)) victims.add(a);
    else if (french && FRENCH_VICTIM_BEFORE.test(b)) victims.add(a);
  }
  if (agent && victims.size > 0) rules.push('events.actor.passive-victim');
  else if (victims.size > 0 && [...victims].some((v) => passiveVictim(doc, clause, v, trigger))) rules.push('events.actor.passive-victim');
  // coordinated with a victim ("both the Malian army and Russian mercenaries"): a victim too
  for (const a of inClause) {
    // (", the Malian army said" after the victims is their reporter, not one of them)
    if (victims.has(a) || reportsTrigger(a)) continue;
    const b = doc.text.slice(Math.max(clause.start, a.start - 8), a.start);
    const prev = inClause[inClause.indexOf(a) - 1];
    if (prev && victims.has(prev) && /\b(?:and|,)\s*$/.test(b)) victims.add(a);
  }
  let actor1: ActorMention | null = controller ?? agent;
  if (actor1 && !rules.includes('events.actor.mover-of') && !rules.includes('events.actor.when-attacker')) rules.push(controller ? 'events.actor.control-of' : 'events.actor.passive-agent');
  // "13 Chadian soldiers and 65 Islamists were killed in heavy fighting": both sides lost men in
  // one fight, so both are parties (PLOVER: two-sided fighting has every party as actor)
  const lost = distinct(inClause.filter((a) => victims.has(a)));
  if (!actor1 && twoSided && lost.length >= 2 && !inClause.some((a) => !victims.has(a) && !allies.has(a))) {
    rules.push('events.actor.both-sides-lost');
    return { actor1: lost[0], actor2: lost[1], associated: lost.slice(2), rules };
  }
  const candidates = inClause.filter((a) => a !== actor1 && !allies.has(a) && !victims.has(a));
  if (!actor1) {
    // the subject: the closest actor before the trigger (it may open the trigger phrase itself,
    // "Gunmen attacked"), skipping objects of a preposition ("mercenaries from the Africa Corps")
    // and actors inside an appositive ("X, a force backed by Russia, announced")
    const subj = candidates.filter((a) => a.start <= trigger.start);
    // (a French described party's span may open with its own preposition: "un campement de jihadistes")
    const free = subj.filter((a) => named.has(a) || !PP_OBJECT.test(doc.text.slice(Math.max(clause.start, a.start - 25), a.start)) && !(french && (/^(?:de|du|des|d['’])\s*/iu.test(a.text) || FRENCH_PP_OBJECT.test(doc.text.slice(Math.max(clause.start, a.start - 25), a.start)))) && !inAppositive(doc, clause, a, trigger));
    actor1 = free[free.length - 1] ?? subj[0] ?? null;
    if (actor1) rules.push('events.actor.subject');
  }
  // "JNIM fighters and Islamic State militants clashed": the two coordinated subjects of a
  // fight are its two sides
  const partnerBefore = actor1 ? candidates.filter((a) => a.end <= actor1!.start && COORDINATED.test(doc.text.slice(a.end, actor1!.start))).pop() : undefined;
  if (twoSided && actor1 && partnerBefore && victims.size === 0 && RECIPROCAL.test(doc.text.slice(trigger.start, trigger.end)) && !candidates.some((a) => a.start >= trigger.end)) {
    rules.push('events.actor.reciprocal-subjects');
    return { actor1: partnerBefore, actor2: actor1, associated: [...allies], rules };
  }
  // "Malian soldiers and Wagner mercenaries executed ...": the first of coordinated subjects acts,
  // the other is associated with it (ACLED's assoc_actor)
  let partner: ActorMention | undefined;
  if (actor1 && partnerBefore && rules.includes('events.actor.subject')) {
    partner = actor1;
    actor1 = partnerBefore;
    rules.push('events.actor.coordinated-subjects');
  }
  if (!actor1) {
    // no subject: "negotiations between X and Y", "clashes with X" after a victim
    // ("two peacekeepers were killed, MINUSMA said": a source on the victims' own side reports its
    // losses and did not inflict them; "30 jihadists were killed, the army said" stays the army's)
    const after = candidates.filter((a) => a.start >= trigger.end && !(victims.size > 0 && reportsTrigger(a) && [...victims].some((v) => sameSide(v, a))));
    if (after.length > 0) {
      // "a roadside bomb hit an army convoy", "protested against the presence of French troops":
      // the actor after the trigger is its target, and who acted is not said
      const between = doc.text.slice(trigger.end, after[0].start);
      if (TARGET_AFTER.test(between)) {
        victims.add(after[0]);
        rules.push('events.actor.target-after');
      } else {
        actor1 = after[0];
        rules.push(victims.size > 0 ? 'events.actor.against-victim' : 'events.actor.first-after');
      }
    }
  }
  const victimList = inClause.filter((a) => victims.has(a));
  let actor2: ActorMention | null = victimList[0] ?? null;
  if (!actor2) {
    // a partner coordinated right after the subject ("the Malian army and Wagner recaptured", where
    // the cue's span opens at "army") acted with it: associated, not the other side
    const withSubject = (a: ActorMention): boolean => !twoSided && !!actor1 && rules.includes('events.actor.subject') && a.start >= actor1.end && COORDINATED.test(doc.text.slice(actor1.end, a.start));
    // a source after the trigger ("…, the United Nations said") reports the event: no target of it
    actor2 = candidates.find((a) => a !== actor1 && a.start >= trigger.start && a.name !== actor1?.name && !withSubject(a) && !reportsTrigger(a)) ?? null;
    if (!actor2 && agent && actor1 !== agent) actor2 = null;
    // a partner coordinated with the subject ("the Malian army and Wagner recaptured") acted with it
    if (!actor2) actor2 = candidates.find((a) => a !== actor1 && a !== partner && a.name !== actor1?.name && a.end <= trigger.start) ?? null;
  }
  // (the side that reports its own losses is the side that suffered them: "Mali's army announced
  // that eight soldiers had died")
  if (!actor2 && violent) {
    const teller = actors.find((a) => a.start >= clause.start && a.end <= trigger.start && ARMED_SIDES.has(a.kind) && !a.actorId.startsWith('unnamed:') && toldOwnLosses(a) && a.name !== actor1?.name);
    if (teller) {
      actor2 = teller;
      rules.push('events.actor.own-losses-told');
    }
  }
  // a development (withdrawal, base, creation) has a second actor only when it directly follows the trigger
  if (actor2 && !violent && victimList.length === 0 && (actor2.start < trigger.end || actor2.start - trigger.end > 40)) actor2 = null;
  if (actor2) rules.push(victimList.length > 0 ? 'events.actor.victim' : 'events.actor.object');
  const associated: ActorMention[] = [...allies];
  if (partner && partner !== actor2) associated.push(partner);
  // the rest of a coordination: "the Malian army and Russian mercenaries" -> the second is associated
  for (const side of [actor1, actor2]) {
    if (!side) continue;
    for (const a of inClause) {
      if (a === side || a === actor1 || a === actor2 || a.name === side.name) continue;
      const between = doc.text.slice(side.end, a.start);
      if (a.start > side.end && /^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$/i.test(between)) associated.push(a);
    }
  }
  return { actor1, actor2, associated: distinct(associated).filter((a) => a.name !== actor1?.name && a.name !== actor2?.name), rules };
}

/**
 * ACLED codes state forces by country, not by unit or operation ("Military Forces of France"),
 * and names other participants in assoc_actor (Codebook: Actor names): a unit that the knowledge
 * base places under a state force becomes an associated actor of that force.
 */
function promoteUnits(roles: ActorRoles, rules: string[]): void {
  const a = roles.actor1;
  if (!a || a.kind !== 'state-forces') return;
  let parent: ActorEntry | undefined;
  try {
    const kb = actorKb();
    const rel = kb.byId(a.actorId)?.relations.find((r) => r.type === 'part_of');
    parent = rel ? kb.byId(rel.target) : undefined;
  } catch {
    return;
  }
  if (!parent || parent.kind !== 'state-forces') return;
  roles.associated.unshift(a);
  roles.actor1 = { ...a, actorId: parent.id, name: parent.name, inter: parent.inter ?? a.inter, country: parent.country };
  rules.push('events.actor.unit-to-force');
}

// ---------------------------------------------------------------- place, time, fatalities

const PRECISE_KINDS = new Set(['city', 'village', 'feature', 'admin2', 'admin1']);

function placeRank(p: PlaceMention): number {
  if (p.kind === 'village' || p.kind === 'city' || p.kind === 'feature') return 0;
  if (p.kind === 'admin2') return 1;
  if (p.kind === 'admin1') return 2;
  if (p.kind === 'country') return 3;
  return 4;
}

export function toLocation(p: PlaceMention): EventLocation {
  const precision: 1 | 2 | 3 = p.kind === 'country' || p.kind === 'region' || p.kind === 'continent' ? 3 : p.precision;
  return { name: p.name, country: p.country, admin1: p.admin1, admin2: p.admin2, lat: p.lat, lon: p.lon, precision };
}

/** Places in a span that are not part of an actor's name ("the Malian army" is no place). */
export function placesIn(span: Span, places: readonly PlaceMention[], actors: readonly ActorMention[]): PlaceMention[] {
  return places.filter((p) => p.start >= span.start && p.end <= span.end && !actors.some((a) => overlaps(a, p)) && p.kind !== 'continent');
}

export function bestPlace(list: PlaceMention[]): PlaceMention | null {
  if (list.length === 0) return null;
  return [...list].sort((a, b) => placeRank(a) - placeRank(b) || a.start - b.start)[0];
}

/**
 * The country a document is about: the country of the first place its lead paragraph names as
 * where something happens (not "troops from X"), else the most mentioned country code.
 */
/**
 * Whether a span overlaps any of `spans`: spans sorted by start with the running maximum of their
 * ends, so each question is a binary search instead of a pass over every span.
 */
export function overlapIndex(spans: readonly Span[]): (x: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const s of sorted) maxEnd.push((m = Math.max(m, s.end)));
  return (x) => {
    // the spans that start before x ends; one of them overlaps when the furthest end passes x's start
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid].start < x.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > x.start;
  };
}

export function mainCountry(places: readonly PlaceMention[], actors: readonly ActorMention[], doc?: Document): PlaceMention | null {
  const inActor = overlapIndex(actors);
  if (doc) {
    const lead = places.find((p) => p.country && p.start < (doc.paragraphs[0]?.end ?? 0) && p.kind !== 'continent' && !inActor(p) && !isOrigin(doc, p));
    if (lead) return places.find((p) => p.kind === 'country' && p.country === lead.country) ?? lead;
  }
  const counts = new Map<string, { n: number; first: PlaceMention }>();
  for (const p of places) {
    if (!p.country || inActor(p)) continue;
    const weight = PRECISE_KINDS.has(p.kind) || p.kind === 'country' ? 1 : 0.5;
    const c = counts.get(p.country);
    if (c) c.n += weight;
    else counts.set(p.country, { n: weight, first: p });
  }
  let best: { n: number; first: PlaceMention } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  if (!best) return null;
  const country = places.find((p) => p.kind === 'country' && p.country === best.first.country);
  return country ?? best.first;
}


/**
 * "peacekeepers from Burkina Faso": where people come from, not where the event happens; nor is
 * the country across a border ("near the border with Burkina Faso", "near the Burkina Faso border",
 * "près de la frontière avec le Mali"): the event is on this side of it.
 */
export function isOrigin(doc: Document, p: Span): boolean {
  const before = doc.text.slice(Math.max(0, p.start - 30), p.start);
  // ("the US embassy", "l'ambassade de France": a country's mission abroad is not in it)
  return /\bfrom\s+(?:the\s+)?$/i.test(before) || acrossBorder(doc, p) ||
    /^\s*(?:embassy|embassies|consulate|ambassador|envoy|diplomatic mission)\b/i.test(doc.text.slice(p.end, p.end + 25)) || /\b(?:ambassade|consulat|ambassadeur)\s+(?:de\s+|du\s+|des\s+|d['’]\s*)$/iu.test(before);
}

function acrossBorder(doc: Document, p: Span): boolean {
  return namedAcrossBorder(doc.text, p.start, p.end);
}

/**
 * The list or timeline item ("* **May 4** – …", "1. …") a sentence stands in: where it begins, and
 * whether the sentence opens it; null outside any item.
 */
function listItemOf(doc: Document, sentence: Span): { start: number; opened: boolean } | null {
  const lineStart = doc.text.lastIndexOf('\n', sentence.start) + 1;
  const marker = /^[ \t]*(?:[*•–-]|\d+[.)])\s+/u.exec(doc.text.slice(lineStart, sentence.end));
  return marker ? { start: lineStart, opened: lineStart + marker[0].length >= sentence.start } : null;
}

export function countryLocation(p: PlaceMention): EventLocation {
  const isCountry = p.kind === 'country';
  return { name: isCountry ? p.name : null, country: p.country, admin1: null, admin2: null, lat: null, lon: null, precision: 3 };
}

export function toEventDate(t: TimeMention): EventDate | null {
  if (t.timexType === 'DURATION' || t.timexType === 'SET') return null;
  if (t.before && !t.from) return { before: t.before, precision: 'unknown' };
  if (t.after && !t.from) return { after: t.after, precision: 'unknown' };
  if (t.from && t.to && t.from !== t.to && (t.precision === 'range' || t.value.includes('/') || /^\d{4}-\d{2}$/.test(t.value) === false)) {
    if (t.precision === 'range' || t.precision === 'week' || t.precision === 'quarter' || t.precision === 'season') {
      return t.precision === 'range' ? { from: t.from, to: t.to, precision: 'range' } : { value: t.value, from: t.from, to: t.to, precision: t.precision };
    }
  }
  if (!/^\d{4}/.test(t.value)) return null;
  // ACLED dates events to the day at most: "the evening of 30 October" (2020-10-30TEV) is 2020-10-30
  if (t.precision === 'time' || /T/.test(t.value)) return { value: t.value.slice(0, 10), precision: 'day' };
  return { value: t.value, precision: t.precision };
}

/** What a fatality count counts: the dead, by any of the words news uses for them. */
const DEAD = new Set(['killed', 'dead', 'deaths', 'death', 'died', 'fatalities', 'bodies', 'neutralized', 'neutralised', 'lives', 'slain', 'executed', 'massacred', 'casualties_dead']);

export function fatalitiesIn(span: Span, quantities: readonly QuantityMention[]): QuantityMention[] {
  return quantities.filter((q) => q.start >= span.start && q.end <= span.end && q.counts !== null && DEAD.has(q.counts));
}

/** Whose dead a figure counts: one side, the other, or civilians. */
function victimSide(q: QuantityMention): string {
  const t = `${q.countsText ?? ''} ${q.text}`.toLowerCase();
  // (English and French words: "34 soldats nigériens", "une centaine de terroristes")
  if (/soldier|soldat|militaire|troop|troupe|police|policier|gendarme|peacekeeper|casques? bleus?|servicem|officer|officier|personnel|army|guard|garde/.test(t)) return 'forces';
  if (/militant|jihadist|djihadist|islamist|attacker|assailant|assaillant|insurgent|insurgé|rebel|terrorist|fighter|combattant|gunm|hommes armés|bandit|combatant|extremist|extrémist|separatist|séparatist/.test(t)) return 'armed';
  if (/civilian|civils?\b|villager|villageois|resident|habitant|people|personnes?\b|person|wom[ae]n|femmes?\b|child|enfants?\b|worshipper|fidèles|passenger|passagers/.test(t)) return 'civilians';
  // "2 soldiers and one contractor": a count coordinated with another is other dead than those
  if (q.rule === 'count-casualty-shared' && q.countsText) return `other:${q.countsText.toLowerCase()}`;
  return 'unknown';
}

/** An "attack" whose only dead are attackers, with no victims named: a toll of a fight, not violence against civilians. */
function attackersDead(family: string, dead: readonly QuantityMention[], rules: readonly string[]): boolean {
  return family === 'vac' && dead.length > 0 && dead.every((q) => victimSide(q) === 'armed') && rules.includes('events.actor.civilians-implied');
}

/** Several figures for one toll (different sources or updates): the range they span, nothing invented. */
function rangeOf(list: readonly QuantityMention[]): Fatalities {
  // (one figure told twice, in the headline and the lead, is that figure)
  if (list.every((q) => q.low === list[0].low && q.best === list[0].best && q.high === list[0].high)) return { low: list[0].low, best: list[0].best, high: list[0].high };
  const lows = list.map((q) => q.low ?? q.best).filter((x): x is number => x !== null);
  const highs = list.map((q) => q.high ?? q.best).filter((x): x is number => x !== null);
  const low = lows.length ? Math.min(...lows) : null;
  const high = highs.length ? Math.max(...highs) : null;
  return { low, best: null, high: high !== null && low !== null && high > low ? high : high === low ? null : high };
}

/**
 * The toll of an event from the figures its sentences give: figures for the same dead (two
 * sources on the jihadists killed) span a range; figures for different sides (30 soldiers, 15
 * attackers) add up, as ACLED counts all fatalities of an event without splitting them by side.
 */
export function combineFatalities(list: readonly QuantityMention[]): Fatalities | null {
  if (list.length === 0) return null;
  const sides = new Map<string, QuantityMention[]>();
  for (const q of list) {
    const k = victimSide(q);
    sides.set(k, [...(sides.get(k) ?? []), q]);
  }
  // a figure that does not say whose dead ("about sixty neutralised") joins the one side named
  const unknown = sides.get('unknown');
  if (unknown && sides.size === 2) {
    sides.delete('unknown');
    const [k, known] = [...sides.entries()][0];
    sides.set(k, [...known, ...unknown]);
  }
  const parts = [...sides.values()].map(rangeOf);
  if (parts.length === 1) return parts[0];
  const sum = (pick: (f: Fatalities) => number | null): number | null => {
    const xs = parts.map(pick);
    return xs.every((x) => x !== null) ? xs.reduce((a, b) => a! + b!, 0) : null;
  };
  return { low: sum((f) => f.low ?? f.best), best: sum((f) => f.best), high: sum((f) => f.high ?? f.best) };
}

// ---------------------------------------------------------------- modality and attribution

const NOMINAL_CUES: [RegExp, ExtractedEvent['modality']][] = [
  [/\b(?:accusations|allegations|accused|alleged|allegedly|charges) (?:of\s+)?/i, 'alleged'],
  [/\b(?:reports|reported|reportedly|rumou?rs|unconfirmed reports) (?:of\s+)?/i, 'reported'],
  [/\b(?:claims|claimed) (?:of\s+)?/i, 'claimed'],
  [/\b(?:denied|denies|deny|rejected claims)\b/i, 'denied'],
];

export interface Attribution {
  modality: ModalityResult;
  attributedTo: string | null;
  channel: ExtractedEvent['channel'];
  source: SourceMention | null;
}

function actorNameById(actors: readonly ActorMention[], id: string | undefined): string | null {
  if (!id) return null;
  return actors.find((a) => a.actorId === id)?.name ?? null;
}

/** "Security analyst Jane Doe" -> "Jane Doe"; "The spokesman for the staff, John Doe" -> "John Doe". */
export function nameInDescription(text: string): string {
  const afterComma = /,\s*((?:[\p{Lu}][\p{L}'’.-]+\s+){0,3}[\p{Lu}][\p{L}'’.-]+)[\s,]*$/u.exec(text);
  if (afterComma) return afterComma[1];
  const trailing = /(?:^|\s)[\p{Ll}][\p{L}-]*\s+((?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’.-]+)\s*$/u.exec(text);
  if (trailing) return trailing[1];
  return text;
}

export function sourceName(src: SourceMention, actors: readonly ActorMention[], names: Extraction['names'] = []): string | null {
  const byId = actorNameById(actors, src.sourceActorId);
  if (src.source) {
    const within = (x: Span) => x.start >= src.source!.start && x.end <= src.source!.end;
    // who speaks is the person when the source names one ("the French Minister ..., Jane Doe")
    const person = actors.find((a) => within(a) && a.kind === 'person');
    if (person) return person.name;
    // a known body that is most of the source is the source ("Le Haut-Commissariat des Nations
    // unies aux droits de l'homme affirme"), whatever the tagger took a word of its name for
    const body = actors.find((a) => within(a) && !a.provisional && !a.actorId.startsWith('unnamed:') && (a.end - a.start) * 10 >= (src.source!.end - src.source!.start) * 6);
    if (body) return body.name;
    // ("Russia's Africa Corps said": the body the possessive names speaks, not its owner)
    const owned = actors.find((a) => within(a) && a.end === src.source!.end && !a.actorId.startsWith('unnamed:') && /[’']s\s+$/.test(src.source!.text.slice(0, a.start - src.source!.start)));
    if (owned) return owned.name;
    const tagged = names.find((n) => n.type === 'PER' && within(n));
    if (tagged) return tagged.text;
    const described = nameInDescription(src.source.text);
    if (described !== src.source.text) return described;
    // a described source ("residents", "local officials") keeps the words the text gives it rather
    // than its class's name ("civilians")
    const generic = src.sourceActorId?.startsWith('unnamed:') ?? false;
    if (byId && !generic) return byId;
    // ("Islamic extremists linked to al-Qaida said": the group they are linked to does not speak)
    const inside = actors.find((a) => within(a) && !a.actorId.startsWith('unnamed:') && !AFFILIATION_BEFORE.test(src.source!.text.slice(0, a.start - src.source!.start)));
    if (inside) return inside.name;
    return src.source.text;
  }
  return byId;
}

/**
 * Modality and attribution of an event in its sentence. A source governs the trigger when the
 * trigger sits in its content or, lacking a content span, in its sentence; a cue whose object is
 * the event itself ("announced its departure") attributes the event to the announcer but leaves it
 * asserted, as the outlet reports the announcement as a fact.
 */
let sentenceTokens: { all: readonly Token[]; sentence: Sentence; tokens: RawToken[] | undefined } | null = null;

/**
 * The tokens stage's tokens of a sentence, offsets made relative to it: what tokenising the
 * sentence alone gives (the stage scans each sentence as a whole string), without scanning again.
 */
function tokensOf(all: readonly Token[] | undefined, sentence: Sentence): RawToken[] | undefined {
  if (!all || all.length === 0) return undefined;
  if (sentenceTokens && sentenceTokens.all === all && sentenceTokens.sentence === sentence) return sentenceTokens.tokens;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid].start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  const out: RawToken[] = [];
  for (let i = lo; i < all.length && all[i].sentence === sentence.index; i++) out.push({ start: all[i].start - sentence.start, end: all[i].end - sentence.start, text: all[i].text });
  // tokens that do not cover the sentence as a fresh scan would (other stages' tests build results by hand): scan
  const tokens = out.length > 0 && out[out.length - 1].end <= sentence.end - sentence.start ? out : undefined;
  sentenceTokens = { all, sentence, tokens };
  return tokens;
}

/** A source that is nobody: "No group", "no one", "none of the groups", "aucun groupe", "personne". */
/** A source that is nobody: "No group has claimed", "Aucun groupe n'a revendiqué" */
export const NOBODY = /^(?:no\s+(?:one|group|organi[sz]ation|faction|party|side|militant|jihadist|armed group)s?|nobody|none(?:\s+of\b.*)?|aucune?\s+\p{L}+|personne)$/iu;

export function attribute(doc: Document, sentence: Sentence, clause: Span, trigger: Span, sources: readonly SourceMention[], actors: readonly ActorMention[], names: Extraction['names'] = [], tokens?: readonly Token[]): Attribution {
  const inSentence = sources.filter((s) => s.sentence === sentence.index);
  const governing = inSentence.filter((s) => {
    // "No group has claimed responsibility for the attack, but ...": nobody claims, and the
    // sentence's other facts are the writer's
    if (s.source && NOBODY.test(s.source.text)) return false;
    // "rebels of the FLA said they seized the town": a cue that opens a subject-to-verb trigger's
    // span from inside it, with its reported content running to the trigger's verb, governs it
    if (s.cue.start > trigger.start && s.cue.end < trigger.end && (s.cueType === 'report' || s.cueType === 'claim' || s.cueType === 'denial')) {
      return !s.content || (s.content.start >= s.cue.end && s.content.start < trigger.end && s.content.end >= trigger.end);
    }
    if (s.source && overlaps(s.source, trigger)) return false;
    if (overlaps(s.cue, trigger)) return false;
    // "suspected jihadists", "the assailants, believed to belong to X, stormed": a hedge on who
    // they are, set off before the trigger, does not make the event uncertain
    if ((s.cueType === 'hedge' || s.cueType === 'belief') && s.cue.end <= trigger.start && /,/.test(doc.text.slice(s.cue.end, trigger.start))) return false;
    if ((s.cueType === 'hedge' || s.cueType === 'belief') && s.content && s.content.end <= trigger.start) return false;
    if (s.content) return s.content.start <= trigger.start && s.content.end >= trigger.end;
    return true;
  });
  // "X announced its departure": the event is the object of the cue
  const object = inSentence.find((s) => (s.cueType === 'report' || s.cueType === 'claim') && /^(?:announc|declar|confirm|claim|proclaim|report|reveal|acknowledg|admit|unveil)/i.test(s.cue.text) && s.cue.end <= trigger.start && /^\s*(?:(?:its|their|his|her|the|a|an)\s+)?(?:(?!that\b|it\b|they\b)[a-z]+\s+)?$/i.test(doc.text.slice(s.cue.end, trigger.start)) && trigger.start - s.cue.end < 30);
  const text = doc.text.slice(sentence.start, sentence.end);
  const rel = { start: trigger.start - sentence.start, end: trigger.end - sentence.start };
  const ordered = [...governing].sort((a, b) => Math.abs(a.cue.start - trigger.start) - Math.abs(b.cue.start - trigger.start));
  const french = doc.language === 'fr';
  // "auraient tué …, selon des sources locales": the conditional says the fact is relayed, the
  // source named beside it says by whom; both make it reported, and the named one is told
  if (french) ordered.sort((a, b) => Number(a.cueType === 'hedge' && !a.source) - Number(b.cueType === 'hedge' && !b.source));
  let modality = classifyModality(text, rel, { sources: object ? [] : ordered, tokens: tokensOf(tokens, sentence), ...(french ? { language: 'fr' } : {}) });
  const src = object ?? ordered[0] ?? null;
  // a cue of nobody's ("No group has claimed") is not a nominal one either
  const nobodySaid = inSentence.some((s) => s.source && NOBODY.test(s.source.text) && s.cue.start >= clause.start && s.cue.end <= trigger.start);
  if (modality.modality === 'asserted' && !src && !nobodySaid) {
    const before = doc.text.slice(clause.start, trigger.start);
    for (const [re, m] of NOMINAL_CUES) {
      const hit = re.exec(before);
      if (hit) {
        modality = { modality: m, rule: 'modality.nominal-cue', cue: hit[0].trim() };
        break;
      }
    }
    // "accusations of civilian targeting have surfaced": the cue may sit right before the trigger phrase
    if (modality.modality === 'asserted') {
      const around = doc.text.slice(Math.max(sentence.start, trigger.start - 40), Math.min(sentence.end, trigger.end + 5));
      for (const [re, m] of NOMINAL_CUES) {
        if (re.test(around)) {
          modality = { modality: m, rule: 'modality.nominal-cue', cue: null };
          break;
        }
      }
    }
  }
  let attributedTo: string | null = null;
  let channel: ExtractedEvent['channel'] = null;
  if (src) {
    // ("Human Rights Watch said that soldiers had allegedly killed …": the hedge colours a report
    // whose named source still says it)
    const teller = src.cueType === 'hedge' && !src.source ? ordered.find((s) => s !== src && s.source !== null && s.content !== null && (s.cueType === 'report' || s.cueType === 'claim' || s.cueType === 'accusation') && actors.some((a) => overlaps(a, s.source!))) : undefined;
    attributedTo = sourceName(teller ?? src, actors, names);
    channel = (teller ?? src).channel;
    if (!attributedTo && object) {
      // the announcer is the subject before the cue
      const subj = actors.filter((a) => a.sentence === sentence.index && a.end <= object.cue.start);
      attributedTo = subj[0]?.name ?? null;
    }
  }
  return { modality, attributedTo, channel, source: src };
}

// ---------------------------------------------------------------- the stage body

/** "from Niger", "left Mali", "its operations in Mali", "a quitté le Niger": the place a withdrawal leaves (the text before it) */
export const LEFT_PLACE = /(?:\bfrom|\bleft|\bleave|\bleaving|\bexit(?:ed)?|\b(?:mission|operations?|presence|deployment)\s+in|(?<![\p{L}])quitt\p{L}*|(?<![\p{L}])(?:du|de|d['’]))\s+(?:the\s+|le\s+|la\s+|l['’]\s*)?$/iu;

/** "in the area", "dans la zone": the place the text named last */
const THE_AREA = /\b(?:in|into|to|across|around) the (?:same )?(?:area|zone|locality|village|town|region)\b|(?<![\p{L}])dans (?:la|cette|le|ce) (?:même )?(?:zone|localité|secteur|région|village)(?![\p{L}])/iu;

/** A sentence that only places the incident told before ("The attack took place near Tera, in ..."). */
const INCIDENT_PLACE = /^\W*(?:the|this|that) (?:attack|ambush|raid|assault|fighting|clash(?:es)?|explosion|blast|bombing|strike|incident|killings?|massacre) (?:(?:reportedly|also) )?(?:took place|happened|occurred|was carried out|was staged)\s+(?:in|near|at|outside|around|close to|on the outskirts of)\b/i;

/**
 * Gives the last violent incident of the paragraph, told at most two sentences before, the place of
 * a sentence that only says where it happened, when that place is finer than the one it had and
 * lies in the same country.
 */
function refinePlace(drafts: Draft[], sentence: { index: number; paragraph: number }, place: PlaceMention): void {
  const target = findLast(drafts, (d) => VIOLENT.has(d.kind) && sentence.index - d.sentence <= 2 && d.paragraph >= sentence.paragraph - 1);
  if (!target) return;
  const now = target.event.location;
  const finer = toLocation(place);
  if (now && (now.country !== finer.country || (now.precision ?? 3) <= (finer.precision ?? 3))) return;
  target.event.location = finer;
  target.ownPlace = true;
  target.event.rules.push('events.place.incident-place');
}

export interface Draft {
  event: ExtractedEvent;
  kind: string;
  family: string;
  score: number;
  sentence: number;
  paragraph: number;
  /** an explicit place or date was stated in its own sentence (not carried over) */
  ownPlace: boolean;
  ownDate: boolean;
  definite: boolean;
  named: boolean;
  triggerText: string;
  /** "the arrival of X": a movement told with its own mover, no back-reference to another's */
  namesItsMover: boolean;
  /** the sentence only gives a toll ("50 jihadists were neutralized"), usually of an incident told before */
  tollOnly: boolean;
  /**
   * the sentence only counts dead ("une dizaine de militaires ont été tués", "ten soldiers were
   * killed"): another account of the incident told before when it names no other place or day
   */
  casualtiesOnly: boolean;
  /** the sentence announces another incident ("Separately, ...", "In another attack ...") */
  newIncident: boolean;
  /**
   * a place of its own elsewhere than the incident told before makes the sentence another incident,
   * even when it gives only a toll (French documents: "L'armée a affirmé avoir neutralisé une
   * trentaine de terroristes dans le cercle de Bankass" after an attack near Djibo)
   */
  placeSeparates: boolean;
  /** the sentence opens an item of a list or timeline ("* May 4 – …"): another incident than the item before */
  listItem: boolean;
  /** the sentence opens with a quotation (a witness's or an official's own words) */
  quoted: boolean;
  /** the sentence is the story's headline: its first line, with no full stop, before other paragraphs */
  headline: boolean;
  /** the last sentence merged into it */
  lastSentence: number;
  /** the sentences whose cues it was made of (a sentence between them may tell no part of it) */
  toldIn: number[];
  /** actor1 is an armed side (a group, a militia, a private military company, a state's forces) */
  actor1Armed: boolean;
  /** where the list item of its sentence starts (-1 outside a list), and of its last sentence */
  item: number;
  lastItem: number;
  /** an "attack" whose only dead are attackers: a toll of the fight told before, on its day only */
  attackersDead: boolean;
  /** the paragraph of `lastSentence` */
  lastParagraph: number;
  /** country of actor1, to tell a party's own figures from others' */
  actor1Country: string | null;
  /** whether actor1 is a state's force or government, to tell a state's killings from an armed group's */
  actor1State: boolean;
  /** countries of the sources that gave a toll for it */
  tollSourceCountries: (string | null)[];
  fatalityQuantities: QuantityMention[];
}

/**
 * French openings of another incident: "Par ailleurs", "Dans une autre attaque", and an operation
 * introduced as new ("lors d'une opération", not "lors de l'opération").
 */
/**
 * "The operations followed an attack on a convoy ...", "in retaliation for an ambush that killed
 * ...": the incident the trigger names is an earlier one the sentence gives as cause, not the
 * incident told before.
 */
const PRIOR_INCIDENT = /\b(?:followed|follows|came (?:days |hours |a day |a week )?after|comes after|(?:days|hours|weeks|a day|a week) after|in (?:response|retaliation|reprisal) (?:to|for)|to avenge|en représailles à|après)\s+(?:(?:an?|the|last week's|last month's|une?|l['’]|les?|la)\s*)?(?:[\w'’-]+\s+){0,2}$/iu;

function priorIncident(text: string, sentenceStart: number, trigger: Span): boolean {
  return PRIOR_INCIDENT.test(text.slice(Math.max(sentenceStart, trigger.start - 60), trigger.start));
}

const FRENCH_NEW_INCIDENT = /^\W*(?:par ailleurs|ailleurs|séparément|en outre|plus tôt|plus tard)\b|(?<![\p{L}])(?:une autre|une nouvelle|une seconde|une deuxième) (?:attaque|embuscade|incursion|opération|frappe|explosion)|(?<![\p{L}])(?:lors|au cours|dans le cadre) d['’]une (?:autre |nouvelle |vaste |large )?(?:opération|patrouille|mission|offensive|frappe)/iu;
const DEFINITE = /\b(?:the|this|that|these|those|its|their|his|her)\s+(?:\w+\s+){0,2}$/i;
/** "La riposte", "cette attaque", "l'embuscade": the French determiners of an incident told before */
const FRENCH_DEFINITE = /(?:^|[^\p{L}])(?:la|le|les|l['’]|cette|cet|ces|sa|son|ses|leur|leurs)\s*(?:[\p{L}-]+\s+){0,2}$/iu;
const NAMED_INCIDENT = /\b(?:battle|siege|ambush|massacre|attack|raid|capture|fall|bombing|liberation|recapture|offensive) (?:of|on|in) [\p{Lu}]|\b[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)* (?:ambush|attack|massacre|raid|bombing|siege|offensive)\b/u;
/** "the ambush", "the attack": a bare definite noun that points back to an incident already told */
const BACK_REFERENCE = /^(?:ambush|attack|assault|battle|fighting|clash(?:es)?|operation|raid|offensive|siege|massacre|bombing|engagement)$/i;
const PAST_VERB = /\b(?:\w+ed|had|has|have|was|were|did|took|fought|left|began|saw|struck|hit|shot|won|lost|fled|seized|overran|withdrew|sent|held|led|made|came|went|broke|rose|fell|got|gave|told|said)\b/i;

/**
 * A time right after a reporting verb ("said on Sunday", "told AFP on Sunday", "said in a
 * statement on Tuesday that …") dates the report, not the event reported.
 */
/** `sources`: those of the sentence (or any superset). */
function reportedWhen(doc: Document, t: TimeMention, sources: readonly SourceMention[], sentence: number): boolean {
  // "in a statement released on Thursday", "dans un communiqué publié jeudi": when the statement came out
  const before = doc.text.slice(Math.max(0, t.start - 90), t.start);
  if (STATEMENT_WORD.test(before) && STATEMENT_DATED.test(before)) return true;
  for (const src of sources) {
    // "claimed responsibility on Friday for an attack": when it claimed, not when it attacked
    if (src.sentence === sentence && src.cueType === 'claim' && t.start >= src.cue.end && /^\s*(?:responsibility|credit)\s+(?:on\s+)?$/i.test(doc.text.slice(src.cue.end, t.start))) return true;
    // "Mali's army on Wednesday denied ...": the day right before the cue is when it spoke
    // (a verb's subject side only: "…on Sunday, according to residents" dates the incident)
    if (src.sentence === sentence && src.cue.start >= t.end && /^\s{0,2}$/.test(doc.text.slice(t.end, src.cue.start)) && src.cueType !== 'accusation' && !PREPOSITION_CUE.test(src.cue.text)) return true;
    if (src.sentence !== sentence || (src.cueType !== 'report' && src.cueType !== 'claim') || src.cue.end > t.start) continue;
    if (src.content && src.content.start <= t.start && src.content.end >= t.end) continue;
    if (/^[^,.;:«»"“”]{0,40}$/.test(doc.text.slice(src.cue.end, t.start)) && !/(?:that|que)/i.test(doc.text.slice(src.cue.end, t.start))) return true;
  }
  return false;
}

/** "said it had killed", "a affirmé qu'il avait neutralisé": a pronoun subject right before the act */
const SPEAKER_PRONOUN = /\b(?:it|they|il|ils|elle|elles|(?:its|their)\s+(?:fighters|forces|troops|men|units|soldiers|aircraft|drones|mujahideen|militants)|(?:ses|leurs)\s+(?:combattants|forces|troupes|hommes|éléments|soldats|moudjahidines))\s+(?:(?:had|has|have|avait|avaient|a|ont|would|was|were)\s+)?(?:(?:also|successfully|just)\s+)?$/iu;

/** Reporting cues that follow what they report ("according to", "selon", "d'après", "citing") */
const PREPOSITION_CUE = /^(?:according|selon|d['’]apr[eè]s|citing|per|quoting|cit(?:ant|ing))\b/iu;

/** one of the nouns STATEMENT_DATED needs, tested first as plain strings */
const STATEMENT_WORD = /statement|communiqu|press release|video|message|report|rapport|post|audio|recording/i;
const STATEMENT_DATED = /\b(?:statement|communiqu[eé]|press release|video|message|report|rapport)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:released|issued|published|posted|put out|dated|publi[ée]e?|diffus[ée]e?|rendu public)\s+(?:(?:through|via|by|on|par|sur)\s+(?:[\p{L}'’-]+\s+){1,4}?)?(?:(?:on|late|early|le|ce|dans\s+la\s+nuit\s+de)\s+)?$|\b(?:in|dans)\s+(?:a|an|its|their|un|une|son|leur)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:statement|communiqu[eé]|video|message|post|audio(?: message)?|recording)\s+(?:(?:on|late|early|le|ce)\s+)?$/iu;

/** Kinds of actor that are armed: an attack on one is a fight, not violence against civilians. */
const ARMED_TARGETS = new Set<string>(['state-forces', 'militia', 'armed-group', 'pmc']);

/** Words for the dead of a state's army that name no army ("killing 12 soldiers", "tuant 12 soldats"). */
const SOLDIERS = new Set(['soldiers', 'soldier', 'troops', 'servicemen', 'soldats', 'soldat', 'militaires']);

/**
 * "Gunmen attacked Djibo, killing 12 soldiers": soldiers whose army the text does not name are,
 * as ACLED's coders read them, the forces of the country the fight took place in. Only when the
 * event has no other second side (or only the civilians around it) and its first side is not
 * that army.
 */
function forcesOfPlace(dead: readonly QuantityMention[], location: EventLocation | null, roles: ActorRoles, actors: readonly ActorMention[]): ActorMention | null {
  if (!location?.country || (roles.actor2 && roles.actor2.kind !== 'civilians')) return null;
  // a state's forces already on one side ("an attack on a position of the Malian Army") own their dead
  if (roles.actor1?.kind === 'state-forces') return null;
  // "three French soldiers": the dead are named (their army is an actor of the text)
  const bare = dead.filter((q) => q.countsText !== null && SOLDIERS.has(q.countsText.toLowerCase()) && !actors.some((a) => a.start < q.end && q.start < a.end));
  if (bare.length === 0) return null;
  const entry = actorKb().stateEntry(location.country, 'military');
  if (!entry || roles.actor1?.actorId === entry.id) return null;
  const at = bare[0];
  return { start: at.start, end: at.end, text: at.text, sentence: at.sentence, stage: 'events', rule: 'soldiers-of-place', actorId: entry.id, name: entry.name, kind: entry.kind, inter: entry.inter ?? null, country: location.country, provisional: false };
}

/**
 * A country's own forces or government named without the country ("the army", "troops", "the
 * police", "le gouvernement"): ACLED's coders read them as those of the country the event takes
 * place in. The word names which (see StateRole).
 */
const BARE_STATE = /\b(?:the\s+(?:army|military|armed\s+forces)|(?:army|military)\s+(?=(?:posts?|bases?|camps?|convoys?|patrols?|positions?|units?|outposts?|checkpoints?|garrisons?|barracks|vehicles?|trucks?)\b)|soldiers|troops|servicemen|(?:the\s+)?(?:police|policemen|police\s+officers|gendarmes|gendarmerie)|the\s+government)\b/gi;
const FRENCH_BARE_STATE = /(?:(?<![\p{L}])(?:convoi|poste|camp|base|patrouille|détachement|position|caserne)s?\s+militaires?|\bl['’]armée|\b(?:les|des)\s+(?:militaires|soldats|forces\s+armées|policiers|gendarmes)|\bla\s+police|\ble\s+gouvernement)(?![\p{L}])/giu;
/** words before a force that make it someone else's, or no force at all ("former soldiers", "child soldiers") */
const NOT_OWN_FORCE = /(?:\b(?:former|ex|retired|child|rebel|foreign|enemy|mercenary|private|peacekeeping|UN|U\.N\.|anciens?|ex-)\s*|\p{Lu}[\p{L}'’.-]*\s+|-)$/u;
const CAPITALISED_WORD = /\p{Lu}[\p{L}’'-]*/gu;

/** Whether `text` has a capitalised word that is another country's demonym ("French", "Russian") or name. */
const WANTED_OUT = /\b(?:departure|withdrawal|expulsion|exit|pull-?out|presence|removal|ouster)\s+of\s+(?:the\s+)?$|\bdemand(?:ed|ing|s)?\s+(?:that\s+)?(?:the\s+)?$|(?<![\p{L}])(?:départ|retrait|expulsion|présence)\s+(?:des|du|de\s+la)\s+$/iu;

function otherCountryBefore(text: string, country: string): boolean {
  CAPITALISED_WORD.lastIndex = 0;
  for (let m = CAPITALISED_WORD.exec(text); m !== null; m = CAPITALISED_WORD.exec(text)) {
    const cc = countryNamed(m[0], { demonyms: true });
    if (cc !== null && cc !== country) return true;
  }
  return false;
}

function stateRoleOf(word: string): 'military' | 'police' | 'government' {
  const w = word.toLowerCase();
  if (/polic|gendarme/.test(w)) return 'police';
  if (/govern|gouvern/.test(w)) return 'government';
  return 'military';
}

/**
 * The bare state forces and governments of a clause (see BARE_STATE) as actors of `country`,
 * where the text names no actor at that place, no source speaks through them ("the army said"),
 * and no foreign state's forces were named earlier in the paragraph (then "the soldiers" may be
 * theirs). In violence, a government's part is its army's.
 */
export function bareStateActors(doc: Document, sentence: Sentence, clause: Span, country: string | null, actors: readonly ActorMention[], sources: readonly SourceMention[], quantities: readonly QuantityMention[], violent: boolean): ActorMention[] {
  if (!country) return [];
  const paragraphStart = doc.paragraphs[sentence.paragraph]?.start ?? sentence.start;
  // (peacekeepers and other international forces are as foreign as another state's)
  // (but not one the text only says is wanted out: "to demand the departure of French troops")
  const foreign = actors.some((a) => ((a.kind === 'state-forces' && a.country !== null && a.country !== country) || a.kind === 'international-org') && a.start >= paragraphStart && a.start < clause.end && !WANTED_OUT.test(doc.text.slice(Math.max(paragraphStart, a.start - 40), a.start)));
  if (foreign) return [];
  // "at least 33 soldiers were killed": the dead are the victims, whose side forcesOfPlace gives
  const dead = fatalitiesIn(clause, quantities);
  const text = doc.text.slice(clause.start, clause.end);
  const out: ActorMention[] = [];
  const pattern = doc.language === 'fr' ? FRENCH_BARE_STATE : BARE_STATE;
  pattern.lastIndex = 0;
  const seen = new Set<string>();
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = clause.start + m.index;
    const end = start + m[0].length;
    const role = stateRoleOf(m[0]);
    if (NOT_OWN_FORCE.test(doc.text.slice(Math.max(0, start - 20), start))) continue;
    // "a French parachute regiment of 150 soldiers": another country's word earlier in the sentence
    if (otherCountryBefore(doc.text.slice(sentence.start, start), country)) continue;
    // (and the same force elsewhere in the clause: "33 soldiers were killed in an attack on a military post")
    if (dead.some((q) => q.start < end && start < q.end)) {
      seen.add(`dead:${role}`);
      continue;
    }
    if (actors.some((a) => a.start < end && start < a.end) || seen.has(`dead:${role}`)) continue;
    if (sources.some((src) => src.source !== null && src.source.start <= start && src.source.end >= end)) continue;
    // a government fights through its army (ACLED codes the military forces as the party)
    const entry = actorKb().stateEntry(country, violent && role === 'government' ? 'military' : role);
    // one party however often the clause names it ("soldiers were killed in an attack on an army post")
    if (!entry || seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push({ start, end, text: m[0], sentence: sentence.index, stage: 'events', rule: 'state-of-place', actorId: entry.id, name: entry.name, kind: entry.kind, inter: entry.inter ?? null, country, provisional: false });
  }
  return out;
}

const OFFICER_SUBJECT = /^\s*,?\s*(?:(?:qui|who)\s+)?(?:(?:a|avait|had|has)\s+)?$/iu;

/**
 * "le général Abdourahamane Tiani, qui a renversé le président élu": an officer who seized power
 * did it with the army (ACLED codes a coup to the state's military forces), not with a party named
 * after the trigger ("… et expulsé les soldats français").
 */
function coupByOfficer(doc: Document, roles: ActorRoles, actors: readonly ActorMention[], sentence: number, trigger: Span): void {
  if (roles.actor1 && !roles.rules.includes('events.actor.first-after')) return;
  // the person must be the trigger's subject, in the active voice ("Touré was ousted" is the victim)
  const officer = findLast(actors, (a) => a.sentence === sentence && a.kind === 'person' && a.country !== null && a.end <= trigger.start && OFFICER_SUBJECT.test(doc.text.slice(a.end, trigger.start)));
  const entry = officer?.country ? actorKb().stateEntry(officer.country, 'military') : undefined;
  if (!officer || !entry) return;
  roles.actor1 = { ...officer, rule: 'coup-officer', actorId: entry.id, name: entry.name, kind: entry.kind, inter: entry.inter ?? null };
  roles.rules.push('events.actor.coup-officer');
}

function inter(a: ActorMention | null): number | null {
  return a?.inter ?? null;
}

export function interaction(a1: ActorMention | null, a2: ActorMention | null): number | null {
  const i1 = inter(a1);
  const i2 = inter(a2);
  if (i1 === null && i2 === null) return null;
  if (i1 !== null && i2 !== null) return Math.min(i1, i2) * 10 + Math.max(i1, i2);
  // ACLED codes an actor acting alone as its inter code times ten ("10": state forces alone)
  return (i1 ?? i2)! * 10;
}

/** Which PLOVER type fits the kind once the modality is known: an announced future retreat is CONCEDE (PLOVER 2.0, RETREAT). */
export function ploverFor(kind: string, modality: ExtractedEvent['modality']): string | null {
  const p = kindInfo(kind).plover;
  if (p === 'RETREAT' && modality === 'future') return 'CONCEDE';
  return p;
}

/** The mentions of a list sorted by start that lie inside `span`, in list order (a binary search, not a scan). */
function within<T extends Span>(sorted: readonly T[], span: Span): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  // a zero-width mention at the very end still lies inside
  for (let i = lo; i < sorted.length && sorted[i].start <= span.end; i++) if (sorted[i].end <= span.end) out.push(sorted[i]);
  return out;
}

const SPACE_RUN = /\s+/g;

/** At most three words and no closing punctuation: a section title ("Ambush", "Post-ambush"). */
function isHeading(text: string): boolean {
  // the pieces of text.split(/\s+/) are one more than its runs of space; stop counting at four
  let pieces = 1;
  SPACE_RUN.lastIndex = 0;
  while (SPACE_RUN.exec(text) !== null) if (++pieces > 3) return false;
  return !/[.!?]$/.test(text.trim());
}

const TIMELINE_DAY = /^\**\s*(?:\p{Lu}\p{Ll}+\.?\s+\d{1,2}(?:\s*[–-]\s*\d{1,2})?|\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+\p{Lu}\p{Ll}+)(?:,?\s+\d{4})?\**\s*[–—:-]\s/u;

/**
 * A line written as a title: no closing stop, and most of its longer words capitalised ("December
 * 2017 Chad Basin clash", "General Dunford Briefs the Press on the Niger Ambush").
 */
function isTitleCase(text: string): boolean {
  const line = text.replace(/^[\s*•–-]+/u, '').trim();
  // a timeline entry names its incident after the day ("**June 4–5** – **Solhan massacre**")
  if (/[.!?;:]$/.test(line) || TIMELINE_DAY.test(line)) return false;
  let words = 0;
  let capitalised = 0;
  for (const m of line.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    if (m[0].length < 4) continue;
    words++;
    if (/^\p{Lu}/u.test(m[0])) capitalised++;
  }
  return words >= 2 && capitalised >= 0.6 * words;
}

const PRONOUN_SUBJECT = /^\W*(?:they|it|he|she|we|the latter|the former|both sides)\b/i;
const NO_SUBJECT = /^(?:\s*(?:had|has|have|was|were|also|then|later|subsequently|finally|eventually|soon|and|but|,))*\s*$/i;
const NOMINAL_TRIGGER = /\b(?:the|its|their|his|her|this|that|these|those)\s+$/i;

/**
 * Whether an event without an actor in its clause may take the parties of the incident told just
 * before. Violence told on ("the fighting went on") may; a development needs the clause to point
 * back ("They retreated", "the withdrawal") or to have no subject of its own: "the Air Force
 * deployed" or "rebel forces had to retreat" name a subject the actors stage did not resolve,
 * and the previous attacker is not it.
 */
function isCivilians(a: ActorMention): boolean {
  return a.kind === 'civilians' || a.inter === 7;
}

export function mayBorrowParties(beforeTrigger: string, violent: boolean): boolean {
  if (violent) return true;
  return PRONOUN_SUBJECT.test(beforeTrigger) || NO_SUBJECT.test(beforeTrigger) || NOMINAL_TRIGGER.test(beforeTrigger);
}

export function assembleEvents(doc: Document, results: Extraction): ExtractedEvent[] {
  const actors = [...results.actors].sort((a, b) => a.start - b.start);
  // "BAMAKO, Mali (Reuters) —": where the reporter files from, not where things happen
  const dateline = datelineSpan(doc.text);
  const places = results.places.filter((p) => !inDateline(dateline, p.start, p.end)).sort((a, b) => a.start - b.start);
  const bySentence = <T extends { sentence: number }>(list: readonly T[]): T[][] => {
    const out: T[][] = doc.sentences.map(() => []);
    for (const x of list) out[x.sentence]?.push(x);
    return out;
  };
  const placesOf = bySentence(places);
  const actorsOf = bySentence(actors);
  const sourcesOf = bySentence(results.sources);
  // ("March 3 (Reuters)": the day the story was filed, not the day of its events)
  const times = results.times.filter((t) => !inDateline(dateline, t.start, t.end)).sort((a, b) => a.start - b.start);
  const country = mainCountry(places, actors, doc);
  const drafts: Draft[] = [];
  const cueHits = findCuesBySentence(doc.text, doc.sentences, doc.language);
  let lastPlace: { place: PlaceMention; sentence: number; paragraph: number } | null = null;
  let lastDate: { date: EventDate; sentence: number; paragraph: number } | null = null;
  let lastParties: { actor1: ActorMention; actor2: ActorMention | null; sentence: number; paragraph: number } | null = null;
  const french = doc.language === 'fr';
  for (const sentence of doc.sentences) {
    const text = doc.text.slice(sentence.start, sentence.end);
    const sentPlaces = placesIn(sentence, placesOf[sentence.index], actorsOf[sentence.index]);
    const sentTimes = within(times, sentence);
    // a heading ("Ambush", "Post-ambush") names a section, not an event
    // (nor does a list item in title case: a "See also" or reference list, "* Uzbin Valley ambush")
    const detections = cueHits[sentence.index].length === 0 || isHeading(text) || (isTitleCase(text) && listItemOf(doc, sentence) !== null) ? [] : detectInSentence(text, sentence.start, cueHits[sentence.index]);
    for (const d of detections) {
      const clause = clauseAround(doc, sentence, d.trigger);
      const rules = [...d.rules];
      // "the army", "troops": the forces of the country the event is placed in (as below, without the narrative)
      const located = sentPlaces.filter((p) => !isOrigin(doc, p));
      const hereCountry = (bestPlace(placesIn(clause, located, [])) ?? bestPlace(located))?.country ?? (lastPlace && lastPlace.paragraph >= sentence.paragraph - 1 ? lastPlace.place.country : null) ?? country?.country ?? null;
      const bare = bareStateActors(doc, sentence, clause, hereCountry, actors, results.sources, results.quantities, VIOLENT.has(d.kind));
      const clauseActors = bare.length === 0 ? actors : [...actors, ...bare].sort((a, b) => a.start - b.start);
      const roles = assignActors(doc, clause, d.trigger, clauseActors, VIOLENT.has(d.kind) || INTERACTIVE.has(d.kind), d.kind === 'armed-clash', results.sources);
      if ((roles.actor1 && bare.includes(roles.actor1)) || (roles.actor2 && bare.includes(roles.actor2))) rules.push('events.actor.state-of-place');
      // a second incident in its own clause ("militants held X hostage, but an airstrike hit
      // them") is not done by the subject of the first
      if (!roles.actor1 && !roles.actor2 && !d.rules.includes('events.second-incident')) {
        // no actor in the clause: the topic of the sentence ("their mission ..., accusations of ...
        // have surfaced"), else the parties of the incident told just before in this paragraph
        const topic = actors.find((a) => a.sentence === sentence.index && a.end <= clause.start && a.kind !== 'person' && a.kind !== 'civilians');
        if (topic) {
          roles.actor1 = topic;
          roles.rules.push('events.actor.sentence-topic');
        } else if (lastParties && lastParties.paragraph === sentence.paragraph && sentence.index - lastParties.sentence <= 2 && familyOf(d.kind) !== 'group' && mayBorrowParties(doc.text.slice(clause.start, d.trigger.start), VIOLENT.has(d.kind))) {
          roles.actor1 = lastParties.actor1;
          roles.actor2 = lastParties.actor2;
          roles.rules.push('events.actor.narrative');
        }
      }
      if (d.kind === 'coup') coupByOfficer(doc, roles, actors, sentence.index, d.trigger);
      promoteUnits(roles, rules);
      // civilians do not initiate organised violence (ACLED: they are always the actor acted
      // upon, inter 7); mobs and protesters are coded as rioters and protesters instead
      if (roles.actor1 && isCivilians(roles.actor1) && VIOLENT.has(d.kind) && familyOf(d.kind) !== 'protest') {
        if (!roles.actor2 || isCivilians(roles.actor2)) {
          roles.actor2 = roles.actor1;
          roles.actor1 = null;
        } else {
          [roles.actor1, roles.actor2] = [roles.actor2, roles.actor1];
        }
        rules.push('events.actor.civilians-not-initiator');
      }
      // "demonstrated ... to demand the departure of US troops": what a protest is about is its target, not who protested
      if (familyOf(d.kind) === 'protest' && roles.actor1 && roles.actor1.start >= d.trigger.end && !roles.actor2 && !isCivilians(roles.actor1) && PROTEST_OBJECT.test(doc.text.slice(d.trigger.end, roles.actor1.start))) {
        roles.actor2 = roles.actor1;
        roles.actor1 = null;
        rules.push('events.actor.protest-object');
      }
      // the force that answers a protest is its second side, the protesters the first (Codebook: Protests)
      if ((d.kind === 'protest-intervention' || d.kind === 'excessive-force') && roles.actor1?.kind === 'state-forces' && (!roles.actor2 || isCivilians(roles.actor2))) {
        [roles.actor1, roles.actor2] = [roles.actor2, roles.actor1];
        rules.push('events.actor.protest-answered');
      }
      // one party on both sides is no interaction
      if (roles.actor1 && roles.actor2 && roles.actor1.name === roles.actor2.name) roles.actor2 = null;
      // which side took the ground decides the territorial sub-type (Codebook: Government regains
      // territory is state forces or their affiliates; Non-state actor overtakes territory the others)
      let kind = d.kind;
      const side = roles.actor1?.inter ?? null;
      if (kind === 'government-regains' && side !== null && side >= 2 && side <= 4) kind = 'nonstate-overtakes';
      else if (kind === 'nonstate-overtakes' && (side === 1 || (side === 8 && roles.actor1?.kind === 'state-forces'))) kind = 'government-regains';
      if (kind !== d.kind) {
        rules.push(`events.type.territory-by-side`);
        d.kind = kind;
      }
      // an attack whose target is an armed force or group is a battle (Codebook: violence against
      // civilians needs unarmed victims): "a unit of the army and the VDP was targeted by ..."
      // (the target itself: the subject of a passive or what the verb takes, not one of the dead listed later)
      const target = roles.actor2;
      if (d.kind === 'attack' && target && ARMED_TARGETS.has(target.kind) && !target.unnamed && target.start >= clause.start && target.end <= clause.end && (target.end <= d.trigger.start || (target.start - d.trigger.end <= 25 && !/[,;]|\bincluding\b/.test(doc.text.slice(d.trigger.end, target.start))))) {
        d.kind = 'armed-clash';
        rules.push('events.type.armed-target');
      }
      // "The army said 15 attackers had been arrested", "Police said 12 suspects were detained": a
      // state's force that reports arrests with no one else named as arresting made them
      if (d.kind === 'arrest' && !roles.actor1) {
        const told = results.sources.find((src) => src.sentence === sentence.index && src.source !== null && src.cueType === 'report' && src.cue.end <= d.trigger.start && src.content !== null && src.content.start <= d.trigger.start && src.content.end >= d.trigger.end);
        const said = told?.source;
        const speaker = said ? actors.find((a) => a.start >= said.start && a.end <= said.end && (a.kind === 'state-forces' || a.kind === 'government')) ?? bareStateActors(doc, sentence, said, hereCountry, actors, [], [], false)[0] : undefined;
        if (speaker && (speaker.kind === 'state-forces' || speaker.kind === 'government') && speaker.name !== roles.actor2?.name) {
          roles.actor1 = speaker;
          rules.push('events.actor.speaker-arrests');
        }
      }
      // a development (withdrawal, deployment, new base or group) is something an actor does: none, no event
      // "the suspect was arrested": the one acted upon is enough when the text leaves the agent unsaid
      if (ACTOR_REQUIRED.has(d.kind) && !roles.actor1 && !(roles.actor2 && roles.rules.includes('events.actor.passive-victim'))) continue;
      if (roles.actor1 && VIOLENT.has(d.kind)) lastParties = { actor1: roles.actor1, actor2: roles.actor2, sentence: sentence.index, paragraph: sentence.paragraph };
      rules.push(...roles.rules);
      const attr = attribute(doc, sentence, clause, d.trigger, results.sources, actors, results.names, results.tokens);
      rules.push(attr.modality.rule);
      // "the army said it had killed 50 terrorists": the pronoun that does it is the speaker
      let speakerActs = false;
      const said = attr.source?.source;
      if (!roles.actor1 && VIOLENT.has(d.kind) && said && said.end <= d.trigger.start && SPEAKER_PRONOUN.test(doc.text.slice(Math.max(said.end, d.trigger.start - 30), d.trigger.start))) {
        const speaker = actors.find((a) => a.start >= said.start && a.end <= said.end && a.kind !== 'person' && !a.unnamed) ?? bareStateActors(doc, sentence, said, hereCountry, actors, [], [], true)[0];
        if (speaker && speaker.name !== roles.actor2?.name) {
          roles.actor1 = speaker;
          speakerActs = true;
          rules.push('events.actor.speaker-subject');
        }
      }
      const info = kindInfo(d.kind);
      // PLOVER's mode and context have no field of their own in the record: kept with the rules
      if (info.mode) rules.push(`plover.mode.${info.mode}`);
      if (info.context) rules.push(`plover.context.${info.context}`);
      // place: the clause, the sentence, the narrative so far in this paragraph, the document's country
      let location: EventLocation | null = null;
      let ownPlace = false;
      // for violence, "from X" names an origin ("peacekeepers from Burkina Faso"); for a withdrawal it is the place left
      // (any event near a border is on this side of it)
      let usable = VIOLENT.has(d.kind) ? sentPlaces.filter((p) => !isOrigin(doc, p)) : sentPlaces.filter((p) => !acrossBorder(doc, p));
      // "the United States completed the withdrawal of its troops from Niger": the place left
      if (d.kind === 'withdrawal') {
        const left = usable.filter((p) => p.start >= clause.start && p.end <= clause.end && LEFT_PLACE.test(doc.text.slice(Math.max(clause.start, p.start - 24), p.start)));
        if (left.length > 0) usable = left;
      }
      // a seizure of power is the country's, unless its own clause says where ("seized power in Niamey")
      const inClause = placesIn(clause, usable, []);
      const ownClausePlace = bestPlace(d.kind === 'coup' ? inClause.filter((p) => p.start >= d.trigger.end && p.start - d.trigger.end < 40) : inClause);
      const sentencePlace = ownClausePlace ? null : bestPlace(usable);
      const clausePlace = ownClausePlace ?? (d.kind === 'coup' ? null : sentencePlace);
      // (a coup's country: the one the text is about, else the sentence's; "... s'est rapproché de la Russie" is a partner)
      // (the country of a person or force the sentence names comes first: "Le général Tiani, arrivé au pouvoir par un coup")
      const actorCountry = d.kind === 'coup' && !clausePlace ? actorsOf[sentence.index].find((a) => a.country && (a.kind === 'person' || a.kind === 'state-forces' || a.kind === 'government'))?.country : undefined;
      const coupPlace = d.kind === 'coup' && !clausePlace ? (actorCountry ? { country: actorCountry } : country ?? sentencePlace) : null;
      const coupCountry = coupPlace ? places.find((p) => p.kind === 'country' && p.country === coupPlace.country) : undefined;
      // "attacked a Niger army camp close to the border with Nigeria": this side of the border is
      // the country of the state force the clause names
      const nearBorder = !clausePlace && sentPlaces.some((p) => p.kind === 'country' && acrossBorder(doc, p));
      // (or of the state whose ministry reports it: "Burkina Faso's defense ministry says assailants
      // attacked a military position near the Mali border")
      const forceCountry = nearBorder ? (actors.find((a) => a.kind === 'state-forces' && a.country && a.start >= clause.start && a.end <= clause.end) ?? actors.find((a) => (a.kind === 'state-forces' || a.kind === 'government') && a.country && a.start >= sentence.start && a.end <= sentence.end))?.country : undefined;
      const forcePlace = forceCountry ? places.find((p) => p.kind === 'country' && p.country === forceCountry) : undefined;
      if (clausePlace) {
        location = toLocation(clausePlace);
        ownPlace = true;
        rules.push('events.place.sentence');
      } else if (forceCountry) {
        location = forcePlace ? countryLocation(forcePlace) : { name: null, country: forceCountry, admin1: null, admin2: null, lat: null, lon: null, precision: 3 };
        rules.push('events.place.border-side');
      } else if (d.kind === 'coup' && coupPlace?.country) {
        location = coupCountry ? countryLocation(coupCountry) : { name: null, country: coupPlace.country, admin1: null, admin2: null, lat: null, lon: null, precision: 3 };
        rules.push('events.place.coup-country');
      } else if (lastPlace && placeRank(lastPlace.place) < 3 && ((lastPlace.paragraph >= sentence.paragraph - 1 && sentence.index - lastPlace.sentence <= 4) || (THE_AREA.test(doc.text.slice(clause.start, clause.end)) && sentence.paragraph - lastPlace.paragraph <= 3))) {
        // ("dans la zone", "in the area": the place told before, a few paragraphs back)
        location = toLocation(lastPlace.place);
        rules.push('events.place.narrative');
      } else if (country) {
        location = countryLocation(country);
        rules.push('events.place.document-country');
      } else {
        // no place in the whole text: a state's forces act at home unless told otherwise
        // ("Burkina Faso's army killed at least 223 villagers in two villages in the north")
        const force = [roles.actor1, roles.actor2].find((a) => a?.kind === 'state-forces' && a.country);
        if (force?.country) {
          location = { name: actorKb().stateEntry(force.country, 'state')?.name ?? null, country: force.country, admin1: null, admin2: null, lat: null, lon: null, precision: 3 };
          rules.push('events.place.force-country');
        }
      }
      // a lake, a desert or a region several countries share names no country: the one whose forces
      // fought there, else the one the text is about ("a military base on Barkaram island in the Lake Chad region")
      if (location && !location.country) {
        const force = [roles.actor1, roles.actor2].find((a) => a?.kind === 'state-forces' && a.country);
        const ofState = actorsOf[sentence.index].find((a) => a.country !== null && (a.kind === 'state' || a.kind === 'state-forces' || a.kind === 'government'));
        const named = sentPlaces.find((p) => p.kind === 'country' && p.country);
        const iso = force?.country ?? named?.country ?? ofState?.country ?? country?.country ?? null;
        if (iso) {
          location = { ...location, country: iso };
          rules.push('events.place.country-of-forces');
        }
      }
      // date: the clause or sentence, the narrative date, the publication date for a news lead
      let date: EventDate | null = null;
      let ownDate = false;
      const clauseTimes = sentTimes.filter((t) => t.start >= clause.start && t.end <= clause.end);
      // only the clause's own time: in "presence began in late 2021 ..., and accusations have
      // surfaced", late 2021 dates the presence, not the accusations
      // the most precise time first ("The 2021 coup began on 24 May 2021": the day, not the year)
      // ranked in a list built by push, so it is a packed array of one kind whatever its length (a
      // `map` result may not be): the loop below keeps one shape and assembleEvents stays optimised
      const ranked: { t: TimeMention; rank: number; dist: number }[] = [];
      for (const t of detections.length > 1 || clause.start > sentence.start || clause.end < sentence.end ? clauseTimes : sentTimes) {
        // "two military sources said on Sunday": when it was said, not when it happened
        if (reportedWhen(doc, t, sourcesOf[sentence.index], sentence.index)) continue;
        if (inAsideWithout(doc.text, sentence, t, d.trigger)) continue;
        // ("la localité d'Anéfis, tenue depuis 2012 par les rebelles": when a state began, not the incident)
        if (VIOLENT.has(d.kind) && HELD_SINCE.test(doc.text.slice(Math.max(sentence.start, t.start - 45), t.start))) continue;
        // "at around 3 p.m.": an hour names no day (the tagger anchors it to the publication date)
        if (t.timexType === 'TIME' && CLOCK_ONLY.test(t.text)) continue;
        ranked.push({ t, rank: PRECISION_RANK[t.precision] ?? 9, dist: Math.abs(t.start - d.trigger.start) });
      }
      ranked.sort((a, b) => a.rank - b.rank || a.dist - b.dist);
      // "… suspended the BBC on Thursday after they reported on an investigation that accused the
      // army of killing 223 civilians in February": the reported words' own time dates what they tell
      const within = sourcesOf[sentence.index]?.find((src) => src.content !== null && src.cue.end <= d.trigger.start && src.content.start <= d.trigger.start && src.content.end >= d.trigger.end && ranked.some(({ t }) => t.start >= src.content!.start && t.end <= src.content!.end && toEventDate(t) !== null));
      if (within && ranked.some(({ t }) => t.start < within.content!.start || t.end > within.content!.end)) {
        for (let k = ranked.length - 1; k >= 0; k--) if (ranked[k].t.start < within.content!.start || ranked[k].t.end > within.content!.end) ranked.splice(k, 1);
      }
      for (const { t } of ranked) {
        // "since March 2020, when Boko Haram killed about 100 soldiers": the time the clause hangs on is its own
        const sinceWhen = t.after && !t.from && /^\s*,?\s*(?:when|lorsque|quand)\b/iu.test(doc.text.slice(t.end, d.trigger.start)) ? t.after : null;
        date = sinceWhen ? { value: sinceWhen, precision: sinceWhen.length === 4 ? 'year' : sinceWhen.length === 7 ? 'month' : 'day' } : toEventDate(t);
        if (date) {
          ownDate = true;
          rules.push('events.date.sentence');
          break;
        }
      }
      // (an earlier incident given as cause, "followed an attack ...", has no date of the narrative)
      const prior = priorIncident(doc.text, sentence.start, d.trigger);
      if (!date && !prior && lastDate && sentence.index - lastDate.sentence <= 3 && lastDate.paragraph >= sentence.paragraph - 1) {
        date = lastDate.date;
        rules.push('events.date.narrative');
      }
      if (!date && doc.published && sentence.paragraph === 0 && sentence.index <= 1 && (attr.modality.modality === 'asserted' || attr.modality.modality === 'claimed') && PAST_VERB.test(doc.text.slice(clause.start, d.trigger.end))) {
        // a news lead reports what just happened: the publication date, at its own precision
        date = { value: doc.published.value, precision: doc.published.precision };
        rules.push('events.date.published-lead');
      }
      const fq = NO_FATALITIES.has(d.kind) ? [] : fatalitiesIn(clause, results.quantities);
      const fatalities = combineFatalities(fq);
      const vac = familyOf(d.kind) === 'vac';
      // (soldiers wounded or taken, with none dead, are the place's forces as well: "Trois soldats ont
      // été blessés lors d'une embuscade près de Téra")
      const hurt = fq.length > 0 ? fq : results.quantities.filter((q) => q.start >= clause.start && q.end <= clause.end && (q.counts === 'wounded' || q.counts === 'abducted' || q.counts === 'missing'));
      const soldiers = !vac && VIOLENT.has(d.kind) ? forcesOfPlace(hurt, location, roles, actors) : null;
      if (soldiers) {
        roles.actor2 = soldiers;
        rules.push('events.actor.soldiers-of-place');
      }
      // a protest whose protesters the text does not name is still theirs ("A separate march in
      // Zinder ended peacefully"; Codebook: Protesters, inter 6)
      if (PROTESTED.has(d.kind) && roles.actor1?.inter !== 6 && roles.actor2?.inter !== 6) {
        const crowd: ActorMention = { start: d.trigger.start, end: d.trigger.end, text: doc.text.slice(d.trigger.start, d.trigger.end), sentence: sentence.index, stage: 'events', rule: 'protesters-implied', actorId: 'unnamed:protesters', name: 'protesters', kind: 'other', inter: 6, country: null, provisional: false };
        if (!roles.actor1) roles.actor1 = crowd;
        else if (!roles.actor2 && roles.actor1.kind === 'state-forces') roles.actor2 = crowd;
        if (roles.actor1 === crowd || roles.actor2 === crowd) rules.push('events.actor.protesters-implied');
      }
      const civilianVictim = [roles.actor2].some((a) => a?.kind === 'civilians' || a?.inter === 7);
      let actor2 = roles.actor2?.name ?? null;
      if (vac && !actor2) {
        actor2 = 'Civilians';
        rules.push('events.actor.civilians-implied');
      }
      // a side's own report of its fighting is its claim ("JNIM said on its Telegram channel that its
      // fighters had killed 30 soldiers"): the gold convention codes a party's account as claimed
      const remodal = (modality: ExtractedEvent['modality'], rule: string): void => {
        const at = rules.indexOf(attr.modality.rule);
        if (at >= 0) rules[at] = rule;
        else rules.push(rule);
        attr.modality = { ...attr.modality, modality, rule };
      };
      // (a described armed group speaks for itself too: "Islamic extremists linked to al-Qaida said they killed …")
      if (VIOLENT.has(d.kind) && attr.modality.modality === 'reported' && roles.actor1 && (speakerActs || attr.source?.sourceActorId === roles.actor1.actorId || attr.attributedTo === roles.actor1.name) && (!roles.actor1.actorId.startsWith('unnamed:') || roles.actor1.kind === 'armed-group')) {
        remodal('claimed', 'modality.party-claim');
      }
      // "ont affirmé à l'AFP plusieurs habitants", "residents claimed": a claim is a party's account
      // (gold README); witnesses, residents and local officials who say what happened report it
      const teller = attr.source?.source ? actors.find((a) => overlaps(a, attr.source!.source!)) : undefined;
      if (VIOLENT.has(d.kind) && attr.modality.modality === 'claimed' && attr.source?.cueType === 'claim' && attr.source.source && (teller === undefined ? WITNESS_WORD.test(attr.source.source.text) : teller.actorId.startsWith('unnamed:') && (teller.kind === 'civilians' || teller.kind === 'other')) && teller?.name !== roles.actor1?.name) {
        remodal('reported', 'modality.non-party-claim');
      }
      // "…, according to local residents, who blamed the Malian army": who did it is an accusation
      const actor1 = roles.actor1;
      const accused = actor1 && VIOLENT.has(d.kind) ? results.sources.find((x) => x.sentence === sentence.index && x.cueType === 'accusation' && x.content !== null && x.content.start <= actor1.start && x.content.end >= actor1.end && x.cue.end <= actor1.start) : undefined;
      if (accused && (attr.modality.modality === 'asserted' || attr.modality.modality === 'reported')) {
        remodal('alleged', 'modality.accused-perpetrator');
        if (!attr.attributedTo) attr.attributedTo = sourceName(accused, actors, results.names);
      }
      const modality = attr.modality.modality;
      // "X claimed responsibility for ...": the claimant took part even when the clause names another actor1
      if (attr.attributedTo && /\bclaim\w*\s+(?:\w+\s+)?(?:responsibility|credit)\b/i.test(text) && roles.actor1 && attr.attributedTo !== roles.actor1.name && attr.attributedTo !== roles.actor2?.name) {
        roles.associated.push({ ...roles.actor1, name: attr.attributedTo });
        rules.push('events.actor.claimant-associated');
      }
      // by push, not `map`: see filterByPush
      const associated: string[] = [];
      for (const a of roles.associated) associated.push(a.name);
      const event: ExtractedEvent = {
        acled: info.acled ? { type: info.acled[0], subtype: info.acled[1] } : null,
        plover: ploverFor(d.kind, modality),
        extra: info.extra ?? null,
        actor1: roles.actor1?.name ?? null,
        actor2,
        associated,
        // victims without a named attacker: "10" would say the state forces acted alone, so no code
        interaction: !roles.actor1 && roles.actor2 && VIOLENT.has(d.kind) ? null : interaction(roles.actor1, roles.actor2) ?? (vac && roles.actor1 ? Math.min(inter(roles.actor1) ?? 7, 7) * 10 + 7 : null),
        location,
        date,
        fatalities,
        civilianTargeting: vac || civilianVictim,
        modality,
        attributedTo: attr.attributedTo,
        channel: attr.channel,
        evidence: { start: clause.start, end: clause.end, text: doc.text.slice(clause.start, clause.end), sentence: sentence.index },
        rules,
      };
      const before = doc.text.slice(Math.max(sentence.start, d.trigger.start - 30), d.trigger.start);
      const listed = listItemOf(doc, sentence);
      drafts.push({
        event,
        kind: d.kind,
        family: familyOf(d.kind),
        score: d.score,
        sentence: sentence.index,
        paragraph: sentence.paragraph,
        ownPlace,
        ownDate,
        // ("ISWAP later claimed the attack ..., saying it had killed 15 soldiers": a claim points back to the attack too)
        definite: DEFINITE.test(before) || (french && FRENCH_DEFINITE.test(before)) || d.hits.some((h) => h.kind === d.kind && DEFINITE.test(doc.text.slice(Math.max(sentence.start, h.start - 30), h.start)) && BACK_REFERENCE.test(h.text.replace(/^counter-?/i, ''))) || CLAIMED_THE_ATTACK.test(text),
        named: NAMED_INCIDENT.test(text),
        triggerText: doc.text.slice(d.trigger.start, d.trigger.end),
        namesItsMover: rules.includes('events.actor.mover-of') && /\bthe\s+$/i.test(before),
        // ("Seven attackers were killed, it added": the dead are the attackers, so a toll of the
        // fight told before, not an attack on civilians)
        tollOnly: d.hits.every((h) => h.group === 'toll' || h.weight <= 1) || attackersDead(familyOf(d.kind), fq, rules),
        attackersDead: attackersDead(familyOf(d.kind), fq, rules),
        casualtiesOnly: d.hits.every((h) => CASUALTY_GROUPS.has(h.group) || h.weight <= 1),
        lastSentence: sentence.index,
        toldIn: [sentence.index],
        actor1Armed: roles.actor1 !== null && ARMED_SIDES.has(roles.actor1.kind),
        item: listed?.start ?? -1,
        lastItem: listed?.start ?? -1,
        lastParagraph: sentence.paragraph,
        newIncident: /^\W*(?:separately|meanwhile|elsewhere|also|in (?:another|a separate|a second)|another|earlier|later|on the same day|prior to|before (?:the|that|this))\b/i.test(text) || /\b(?:another|a separate|a second|a new|a further) (?:\w+ )?(?:attack|ambush|raid|clash|incident|strike|march|protest|demonstration|rally|bombing|explosion|blast|kidnapping|abduction|assault|shooting|massacre|airstrike|air strike|drone strike)/i.test(text) || (french && FRENCH_NEW_INCIDENT.test(text)) || prior,
        placeSeparates: french,
        listItem: listed?.opened ?? false,
        quoted: /^\W{0,3}[«"“]/u.test(text),
        headline: sentence.index === 0 && sentence.paragraph === 0 && doc.paragraphs.length > 1 && !/[.!?]["”»]?\s*$/u.test(text),
        actor1Country: roles.actor1?.country ?? null,
        actor1State: roles.actor1?.kind === 'state-forces' || roles.actor1?.kind === 'government',
        tollSourceCountries: fq.length > 0 && attr.source?.source ? [actors.find((a) => a.start >= attr.source!.source!.start && a.end <= attr.source!.source!.end && a.country)?.country ?? null] : [],
        fatalityQuantities: fq,
      });
    }
    const sp = bestPlace(sentPlaces);
    // "The attack took place near Tera": where the incident just told happened, more precisely
    if (sp && !detections.some((d) => VIOLENT.has(d.kind)) && INCIDENT_PLACE.test(text)) refinePlace(drafts, sentence, sp);
    if (sp && placeRank(sp) < 3) lastPlace = { place: sp, sentence: sentence.index, paragraph: sentence.paragraph };
    for (const t of sentTimes) {
      // ("the army said on Monday": when it was said dates no incident told after)
      if (reportedWhen(doc, t, sourcesOf[sentence.index], sentence.index)) continue;
      const d = toEventDate(t);
      if (d && (d.precision === 'day' || d.precision === 'range' || d.precision === 'time')) {
        lastDate = { date: d, sentence: sentence.index, paragraph: sentence.paragraph };
      }
    }
  }
  const merged = mergeDrafts(drafts);
  addTollsTold(doc, merged, results.quantities, results.times, results.sources);
  propertyOnly(doc, merged);
  claimsAfterTheFact(doc, results, merged);
  markMain(merged);
  return merged.map((d) => d.event);
}

/** "tenue depuis 2012 par les rebelles", "held by the rebels since 2012": how long a place has been held */
const HELD_SINCE = /(?<![\p{L}])(?:tenue?s?|contrôlée?s?|occupée?s?|aux mains|sous (?:le )?contrôle|held|controlled|occupied|under (?:\w+ )?control)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:since|depuis)\s+(?:(?:the|le|la|l['’]|early|late|début|fin)\s+)?$/iu;
const CLOCK_ONLY = /^(?:(?:at|around|about|approximately|shortly|just|before|after|vers|à|aux|alentours|de|environ)\s+)*\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?\s?m\.?|h(?:\d{2})?|heures?(?:\s+\d{2})?|o['’]clock)?(?:\s*(?:GMT|UTC|local time|heure locale|\(\d{3,4} GMT\)))?$/iu;
const ASIDE_RELATIVES = /^,\s*(?:which|who|whose|qui|dont|lequel|laquelle)\b/iu;
/** a party in ", who blamed the Malian army" is who the source accuses: only "which" sets a thing aside */
const THING_ASIDE = /^,\s*which\b/iu;

/**
 * "ISWAP, which split from Boko Haram in 2016, claimed the attack": a time inside a relative
 * clause set off by commas dates what that clause tells, not a trigger outside it.
 */
function inAsideWithout(text: string, sentence: Span, t: Span, trigger: Span, relatives = ASIDE_RELATIVES): boolean {
  const open = text.lastIndexOf(',', t.start);
  if (open < sentence.start || !relatives.test(text.slice(open, open + 12))) return false;
  const close = text.indexOf(',', t.end);
  const end = close < 0 || close > sentence.end ? sentence.end : close;
  return trigger.start < open || trigger.start >= end;
}

/** Words that open a sentence about another incident, or that make its figure a conjecture. */
const OTHER_INCIDENT = /^\W*(?:separately|meanwhile|elsewhere|in (?:another|a separate|a second)|earlier|last (?:week|month|year)|in \d{4}|par ailleurs|ailleurs|en \d{4})\b|\b(?:another|a separate|a second|a new|previous|earlier) (?:attack|ambush|raid|clash|incident|strike)/i;
const CONJECTURE = /\b(?:could|may|might|would|feared|fears?|pourrait|pourraient|risque)\b/i;

/**
 * A sentence that gives a toll without a word for an incident ("The group claimed that more than
 * 100 soldiers and members of the VDP were killed", "A security source said at least 60 soldiers
 * and civilians died") tells the dead of the violent event told just before it (within three
 * sentences, in the same or the next paragraph): its figures join that event's, side by side.
 */
function addTollsTold(doc: Document, drafts: Draft[], quantities: readonly QuantityMention[], times: readonly TimeMention[], sources: readonly SourceMention[]): void {
  if (drafts.length === 0) return;
  const told = new Set<number>();
  // ("At least 12 people were killed … A local militia leader said the death toll was higher,
  // putting it at 18 … '…,' said X": a sentence between two told parts of an incident, close to
  // both, that tells no part of it but its toll, gives the toll of that incident)
  const between = new Map<number, Draft>();
  for (const d of drafts) {
    for (let s = d.sentence; s <= d.lastSentence; s++) told.add(s);
    if (!VIOLENT_FAMILIES.has(d.family)) continue;
    const parts = [...new Set(d.toldIn)].sort((a, b) => a - b);
    // (and one told soon after a part of it, before the incident is taken up again further on)
    for (let k = 1; k < parts.length; k++) for (let x = parts[k - 1] + 1; x < parts[k] && x - parts[k - 1] <= 3; x++) between.set(x, d);
  }
  for (const d of drafts) for (const s of d.toldIn) between.delete(s);
  const bySentence = new Map<number, QuantityMention[]>();
  for (const q of quantities) {
    if (q.counts === null || !DEAD.has(q.counts) || (told.has(q.sentence) && !between.has(q.sentence))) continue;
    (bySentence.get(q.sentence) ?? bySentence.set(q.sentence, []).get(q.sentence)!).push(q);
  }
  for (const [index, figures] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const sentence = doc.sentences[index];
    if (!sentence) continue;
    const text = doc.text.slice(sentence.start, sentence.end);
    if (OTHER_INCIDENT.test(text) || CONJECTURE.test(doc.text.slice(sentence.start, figures[0].end))) continue;
    const target = between.get(index) ?? findLast(drafts, (d) => VIOLENT_FAMILIES.has(d.family) && d.lastSentence < index);
    // (a story of one incident keeps it in view longer: "… at least 70 people had been killed", five
    // sentences after the attack, with its claim and the army's statement between)
    const onlyIncident = target !== undefined && drafts.every((d) => d === target || !VIOLENT_FAMILIES.has(d.family));
    if (!target || index - target.lastSentence > (onlyIncident ? 8 : 3) || sentence.paragraph - target.lastParagraph > (onlyIncident ? 4 : 1)) continue;
    // (a timeline's next item is another incident)
    const item = listItemOf(doc, sentence)?.start ?? -1;
    if (item !== (listItemOf(doc, doc.sentences[target.lastSentence])?.start ?? -1)) continue;
    // (nor past a sentence that tells another incident; a development told between, such as
    // arrests, leaves the toll to the incident)
    if (drafts.some((d) => d !== target && VIOLENT_FAMILIES.has(d.family) && d.sentence > target.lastSentence && d.sentence < index)) continue;
    target.fatalityQuantities.push(...figures);
    target.event.fatalities = combineFatalities(target.fatalityQuantities);
    target.event.rules.push(`events.toll-told-after-${index}`);
    // ("… said at least eight civilians were killed in the strikes on Sunday evening": the day the
    // dead died dates an incident its report left undated)
    if (!target.event.date) {
      const own = times.filter((t) => t.sentence === index && t.start > figures[0].end && !reportedWhen(doc, t, sources.filter((x) => x.sentence === index), index));
      const date = own.length === 1 ? toEventDate(own[0]) : null;
      if (date && date.precision === 'day') {
        target.event.date = date;
        target.event.rules.push('events.date.toll-told-after');
      }
    }
  }
}

const BURNT_OR_TAKEN = /burn|torch|set (?:fire|ablaze)|loot|pillag|plunder|incendi|brûl|mis le feu|pill|emport|saccag/i;
const NO_VICTIMS = /\b(?:no (?:one|casualties|victims|deaths) (?:was|were) (?:reported|killed|hurt|injured)|no casualties|nobody was (?:killed|hurt|injured)|without (?:causing )?(?:any )?casualties)\b|(?<![\p{L}])(?:aucune victime|sans faire de victimes?|pas de victimes?|aucun mort|aucun blessé)(?![\p{L}])/iu;

/**
 * "Des hommes armés ont incendié le village … Aucune victime n'a été signalée": an attack whose
 * only harm is what was burnt or taken, with no victim by the text's own word, is property
 * destruction (Codebook: Looting/property destruction), not violence against people.
 */
function propertyOnly(doc: Document, drafts: Draft[]): void {
  for (const d of drafts) {
    const e = d.event;
    if (d.kind !== 'attack' || e.fatalities !== null || !BURNT_OR_TAKEN.test(d.triggerText)) continue;
    const from = doc.sentences[d.sentence]?.start ?? 0;
    const to = doc.sentences[Math.min(doc.sentences.length - 1, d.lastSentence + 2)]?.end ?? from;
    if (!NO_VICTIMS.test(doc.text.slice(from, to))) continue;
    const info = kindInfo('looting');
    e.acled = info.acled ? { type: info.acled[0], subtype: info.acled[1] } : null;
    e.plover = info.plover;
    d.kind = 'looting';
    e.rules.push('events.type.property-only');
  }
}

/** "JNIM claimed responsibility for the attack", "Le JNIM a revendiqué l'attaque": a claim of an attack told before */
const CLAIMED_ATTACK = /(?:\bclaim(?:ed|s)?\s+(?:responsibility\s+for\s+|credit\s+for\s+)?|(?<![\p{L}])revendiqu\p{L}*\s+)(?:(?:the|this|that|these|l['’]|les?|la|cette|cet|ces)\s*)?(?:[\p{L}'’-]+\s+){0,2}?(?:attacks?|ambush(?:es)?|assaults?|raids?|bombings?|killings?|massacres?|abductions?|kidnappings?|attaques?|embuscades?|attentats?|assauts?|enlèvements?|tueries?)(?![\p{L}])/iu;

/** The same, of an attack the text has told already: "claimed the attack", "a revendiqué l'attaque" */
const CLAIMED_THE_ATTACK = /(?:\bclaim(?:ed|s)?\s+(?:responsibility\s+for\s+|credit\s+for\s+)?|(?<![\p{L}])revendiqu\p{L}*\s+)(?:the|this|that|these|l['’]|cette|cet|ces)\s*(?:[\p{L}'’-]+\s+){0,2}?(?:attacks?|ambush(?:es)?|assaults?|raids?|bombings?|killings?|massacres?|abductions?|kidnappings?|attaques?|embuscades?|attentats?|assauts?|enlèvements?|tueries?)(?![\p{L}])/iu;

/**
 * A claim of responsibility in a sentence after the attack it claims (within three sentences, in
 * the same or the next paragraph) names the attack's perpetrator when the report did not: the
 * claimant becomes actor1 of the last violent event with none, or with an unidentified one, and
 * the rule says the side is known by its own claim.
 */
function claimsAfterTheFact(doc: Document, results: Extraction, drafts: Draft[]): void {
  for (const src of results.sources) {
    if (src.cueType !== 'claim' || !src.source) continue;
    const claimant = results.actors.find((a) => overlaps(a, src.source!) && (a.kind === 'armed-group' || a.kind === 'militia') && !a.actorId.startsWith('unnamed:'));
    if (!claimant) continue;
    const sentence = doc.sentences[src.sentence];
    if (!sentence || !CLAIMED_ATTACK.test(doc.text.slice(src.cue.start, sentence.end))) continue;
    // a violent event of the same sentence told in its own clause before the claim ("Two Indians
    // were kidnapped near Kayes on July 1, and JNIM later claimed the abduction") is the one claimed;
    // any other in that sentence is the claim's own report
    const before = drafts.find((d) => d.sentence === src.sentence && VIOLENT.has(d.kind));
    if (before && !(before.event.evidence.end <= src.source.start && before.event.actor1 === null)) continue;
    // the next paragraph of a wire story goes on with its incident; the next item of a list or
    // timeline is another one, whether or not the text sets it in a paragraph of its own
    const itemStart = listItemOf(doc, sentence)?.start ?? -1;
    // (an incident told over several sentences is as near as its last one, which may be the claim's own)
    const target = before ?? findLast(drafts, (d) => d.sentence < src.sentence && src.sentence - d.lastSentence <= 3 && sentence.paragraph - d.lastParagraph <= 1 && d.event.evidence.start >= itemStart && (itemStart < 0 || d.paragraph === sentence.paragraph) && VIOLENT.has(d.kind));
    if (!target) continue;
    const e = target.event;
    if (e.actor1 !== null && !UNIDENTIFIED.has(e.actor1)) continue;
    if (e.actor1 !== null) e.associated = e.associated.filter((x) => x !== claimant.name);
    e.actor1 = claimant.name;
    const other = e.actor2 === null ? null : results.actors.find((a) => a.name === e.actor2) ?? null;
    e.interaction = interaction(claimant, other);
    e.rules.push('events.actor.claimed-after');
  }
}

/** The names an attacker the report could not identify goes by */
const UNIDENTIFIED = new Set(['unidentified armed group', 'gunmen', 'attackers', 'assailants', 'militants', 'jihadists', 'terrorists', 'armed men']);

function sameValue<T>(a: T | null | undefined, b: T | null | undefined): boolean {
  return a === null || a === undefined || b === null || b === undefined || a === b;
}

/**
 * One incident told in several sentences becomes one event: a later sentence of the same family
 * merges into an earlier one when it refers back to it ("the fighting continued", "in the
 * operation", "this withdrawal") or when the earlier one is a named incident ("the battle of X")
 * and nothing in the later sentence places it elsewhere or at another time. The evidence kept is
 * the most specific sentence (highest cue score); fatality figures from the merged sentences are
 * kept side by side as a range.
 */
const VIOLENT_FAMILIES = new Set(['battle', 'explosion', 'vac']);

function findLast<T>(list: readonly T[], test: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

export function mergeDrafts(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    // a toll reported later (often by a source, on a later day) belongs to the incident told last
    // the first, in order, of those told last
    let lastViolent: Draft | undefined;
    for (const o of out) if (VIOLENT_FAMILIES.has(o.family) && (!lastViolent || o.lastSentence > lastViolent.lastSentence)) lastViolent = o;
    // "…after 100 gunmen attacked the town. The insurgents stole food and burned several
    // buildings": what attackers loot or burn is part of their attack (Codebook)
    // (a witness quoted in the next paragraph tells the same attack: "They shot everyone they could
    // find and set fire to the granaries")
    if (d.kind === 'looting' && lastViolent && !d.newIncident && !d.listItem && ((d.sentence - lastViolent.lastSentence <= 1 && d.paragraph === lastViolent.lastParagraph) || (d.sentence - lastViolent.lastSentence <= 2 && d.paragraph - lastViolent.lastParagraph <= 1 && !d.ownDate))) {
      extendTo(lastViolent, d);
      lastViolent.event.rules.push(`events.merge.looting-${d.sentence}`);
      continue;
    }
    // "Le JNIM a affirmé avoir attaqué des « miliciens » de l'armée": the side of the incident told
    // just before, claiming it in its own words, tells that incident again, whatever it calls it
    if (lastViolent && VIOLENT.has(d.kind) && d.family !== lastViolent.family && d.event.modality === 'claimed' && d.event.actor1 !== null && d.event.actor1 === lastViolent.event.actor1 && !d.ownDate && !d.newIncident && !d.listItem && d.item === lastViolent.lastItem && d.sentence - lastViolent.lastSentence <= 6 && d.paragraph - lastViolent.lastParagraph <= 3 && !(d.ownPlace && placedElsewhere(lastViolent.event.location, d.event.location))) {
      extendTo(lastViolent, d);
      lastViolent.fatalityQuantities.push(...d.fatalityQuantities);
      lastViolent.event.fatalities = combineFatalities(lastViolent.fatalityQuantities);
      lastViolent.event.rules.push(`events.merge.party-claim-${d.sentence}`);
      continue;
    }
    // "wounded in the ambush": a back-reference to the named incident of the document
    const named = d.definite && BACK_REFERENCE.test(d.triggerText.trim()) ? out.find((o) => o.named && o.family === d.family && o.paragraph <= 1) : undefined;
    const target = d.listItem ? undefined : named ?? (d.tollOnly && lastViolent && d.sentence - lastViolent.lastSentence <= 6 && !toldApart(lastViolent, d) && !othersKilled(lastViolent, d) && (!d.attackersDead || dateWithin(d.event.date, lastViolent.event.date)) ? lastViolent : anotherAccount(lastViolent, d) && !othersKilled(lastViolent, d) ? lastViolent : findLast(out, (o) => {
      // the lead tells the incident of the headline above it, whatever words it opens with (and
      // whatever a headline that only gives a toll calls it: "l'armée affirme avoir « neutralisé »
      // une centaine de terroristes" above the air operations that did it)
      if (o.headline && d.sentence - o.lastSentence === 1 && (o.family === d.family || (o.casualtiesOnly && VIOLENT.has(o.kind) && VIOLENT.has(d.kind))) && !o.ownDate && sameValue(o.event.location?.country, d.event.location?.country) && !othersKilled(o, d)) return true;
      if (o.family !== d.family) return false;
      if (toldApart(o, d) || othersKilled(o, d)) return false;
      // (an item of a timeline tells its own incident, whatever place or words it shares with another)
      if (d.item !== o.lastItem) return false;
      // the next sentence of a news story usually goes on with the same incident ("Jihadists attacked
      // a base in central Mali ... The assailants stormed the base in Boulkessi"), unless it says otherwise
      // (a date of its own only tells when, if the incident before had none of its own: "... killed
      // nine soldiers, sources said on Sunday. The insurgents stormed the base late on Saturday")
      // (a day guessed from the publication date gives way to the one the next sentence tells)
      const guessed = !o.ownDate && o.event.rules.includes('events.date.published-lead');
      if (VIOLENT.has(d.kind) && d.sentence - o.lastSentence === 1 && d.paragraph - o.lastParagraph <= 1 && (!d.ownDate || guessed || (!o.ownDate && (!o.event.date || dateWithin(d.event.date, o.event.date))) || (o.event.date !== null && d.event.date !== null && finer(d.event.date, o.event.date) && dateWithin(d.event.date, o.event.date))) && !d.newIncident &&
        sameValue(o.event.location?.country, d.event.location?.country)) return true;
      // (and past a sentence that tells none, when the same party acts again: "Police in Niger's
      // capital fired tear gas … At least three people were injured … Police arrested 17 protesters")
      if (VIOLENT.has(d.kind) && d.sentence - o.lastSentence === 2 && d.paragraph - o.lastParagraph <= 1 && !d.ownDate && !d.ownPlace && !d.newIncident && d.event.actor1 !== null && d.event.actor1 === o.event.actor1 && !UNIDENTIFIED.has(d.event.actor1) && !d.event.rules.includes('events.actor.protesters-implied') && sameValue(o.event.location?.country, d.event.location?.country)) return true;
      if (!sameValue(o.event.location?.name, d.ownPlace ? d.event.location?.name : null)) return false;
      if (d.ownDate && o.event.date && JSON.stringify(o.event.date) !== JSON.stringify(d.event.date) && !dateWithin(d.event.date, o.event.date)) return false;
      const near = d.sentence - o.sentence <= 4;
      // the same development told again nearby ("announced its departure" ... "returns home")
      if (!VIOLENT.has(d.kind) && o.kind === d.kind && near && sameValue(o.event.actor1, d.event.actor1)) return true;
      // ("this withdrawal", "their departure": the development told before, but "the arrival of
      // Russian mercenaries" after "its troops had been deployed" names another mover)
      if (d.definite && (near || o.kind === d.kind) && !(d.namesItsMover && !sameValue(o.event.actor1, d.event.actor1))) return true;
      if (o.named && o.paragraph <= 1) return true;
      return false;
    }));
    if (!target) {
      out.push(d);
      continue;
    }
    const t = target.event;
    const e = d.event;
    extendTo(target, d);
    t.rules.push(`events.merge.sentence-${d.sentence}`);
    if (d.ownDate && e.date?.value && e.date.precision === 'day' && VIOLENT.has(d.kind) && d.sentence - target.lastSentence <= 1 && !target.ownDate && t.rules.includes('events.date.published-lead')) {
      t.date = e.date;
      target.ownDate = true;
      t.rules.push('events.date.told-after-lead');
    }
    if (!t.actor1 && e.actor1) {
      t.actor1 = e.actor1;
      target.actor1Country = d.actor1Country;
      target.actor1State = d.actor1State;
    } else if (t.actor1 && UNIDENTIFIED.has(t.actor1) && e.actor1 && d.actor1Armed && !UNIDENTIFIED.has(e.actor1) && e.actor1 !== t.actor2 && e.modality === 'claimed') {
      // "Islamist militants attacked …" then "JNIM said its fighters had killed …": the group that
      // claims the incident names the militants the report left unnamed
      t.actor1 = e.actor1;
      target.actor1Country = d.actor1Country;
      target.actor1State = d.actor1State;
      t.rules.push('events.actor.claimed-in-merge');
    }
    if (!t.actor2 && e.actor2 && e.actor2 !== t.actor1) t.actor2 = e.actor2;
    // one party told in two sentences, once as each side: no interaction with itself
    if (t.actor2 === t.actor1) t.actor2 = null;
    // a back-reference told later ("wounded in the ambush") adds no participants of its own
    if (!named) for (const a of e.associated) if (!t.associated.includes(a) && a !== t.actor1 && a !== t.actor2) t.associated.push(a);
    // (or a day told later within the year or month the first sentence gave: "one of the deadliest
    // assaults this year" ... "overran the base in Djibo on Saturday")
    if ((!t.date && e.date) || (t.date && e.date && d.ownDate && finer(e.date, t.date) && dateWithin(e.date, t.date))) {
      t.date = e.date;
      target.ownDate = target.ownDate || d.ownDate;
    }
    if ((!t.location || (t.location.precision ?? 3) > (e.location?.precision ?? 3)) && e.location && d.ownPlace) t.location = e.location;
    target.fatalityQuantities.push(...d.fatalityQuantities);
    t.fatalities = combineFatalities(target.fatalityQuantities);
    // figures given later by a party about its own operation make the toll, and so the event as
    // coded, that party's claim (gold README: claimed); the sources stay with the figures
    target.tollSourceCountries.push(...d.tollSourceCountries);
    if (t.modality === 'asserted' && target.actor1Country && target.tollSourceCountries.includes(target.actor1Country)) {
      t.modality = 'claimed';
      t.rules.push('modality.party-toll');
    }
    // a witness's words quoted after the report colour it; they do not replace its evidence
    // (the lead, not the headline above it, is the report's evidence, and its own date and place
    // tell the incident better than the headline's, which has at most the day of publication)
    // (a protest told again as peaceful after the report of how it was answered keeps that answer)
    const answeredBefore = target.kind in PROTEST_ANSWER && d.kind in PROTEST_ANSWER && PROTEST_ANSWER[d.kind] < PROTEST_ANSWER[target.kind];
    if ((d.score > target.score || target.headline) && !named && !answeredBefore && !(d.quoted && !target.quoted) && !(d.tollOnly && d.family !== target.family)) {
      if (target.headline) {
        if (d.ownDate && e.date) t.date = e.date;
        if (d.ownPlace && e.location) t.location = e.location;
      }
      target.headline = false;
      // the more specific sentence gives the type and the evidence; the first keeps date and place
      t.acled = e.acled;
      t.plover = e.plover;
      t.extra = e.extra;
      t.evidence = e.evidence;
      t.modality = e.modality;
      t.attributedTo = e.attributedTo;
      t.channel = e.channel;
      // (a side the incident was named with is not replaced by attackers left unnamed)
      if (e.actor1 && !(UNIDENTIFIED.has(e.actor1) && t.actor1 !== null && !UNIDENTIFIED.has(t.actor1))) {
        t.actor1 = e.actor1;
        target.actor1Country = d.actor1Country;
      target.actor1State = d.actor1State;
        t.actor2 = e.actor2 ?? (t.actor2 !== e.actor1 ? t.actor2 : null);
        t.associated = filterByPush(e.associated, (a) => a !== t.actor1 && a !== t.actor2);
      }
      target.score = d.score;
      target.kind = d.kind;
    } else if (target.kind in PROTEST_ANSWER && d.kind in PROTEST_ANSWER && PROTEST_ANSWER[d.kind] > PROTEST_ANSWER[target.kind]) {
      // how the authorities answered a protest told before decides its sub-type (Codebook: Protests)
      t.acled = e.acled;
      t.plover = e.plover;
      // the force that answered is the second side, not what the protest was against
      t.actor2 = e.actor2;
      t.rules.push('events.type.protest-answered');
      target.kind = d.kind;
    }
  }
  return out;
}

/** Words that introduce what a protest is against ("to demand the departure of", "against the presence of", "contre"). */
const PROTEST_OBJECT = /\b(?:against|demand\w*|denounc\w*|call\w* for|departure|presence|expulsion|withdrawal|(?<!as )oppos\w*|contre|exig\w*|départ|dénon\w*)/iu;

/** A protest's sub-types by how hard the authorities answered it. */
const PROTEST_ANSWER: Record<string, number> = { 'peaceful-protest': 0, 'protest-intervention': 1, 'excessive-force': 2 };

/** Whether a later sentence tells another incident than `earlier` by its own words or its own place. */
/**
 * A later sentence that only counts the dead, a few sentences on in the same or the next
 * paragraph, with no place elsewhere and no other day of its own: another account of the toll
 * ("Selon une source sécuritaire, une dizaine de militaires ont été tués" after a claim of 40).
 */
function anotherAccount(earlier: Draft | undefined, later: Draft): earlier is Draft {
  if (!earlier || !later.casualtiesOnly || later.newIncident || later.listItem) return false;
  if (later.sentence - earlier.lastSentence > 3 || later.paragraph - earlier.lastParagraph > 1) return false;
  if (later.ownPlace && placedElsewhere(earlier.event.location, later.event.location)) return false;
  return !later.ownDate || !earlier.event.date || dateWithin(later.event.date, earlier.event.date);
}

/** The incident `target` is now told up to `d`'s sentence. */
function extendTo(target: Draft, d: Draft): void {
  target.toldIn.push(...d.toldIn);
  if (d.sentence < target.lastSentence) return;
  target.lastSentence = d.sentence;
  target.lastParagraph = d.paragraph;
  target.lastItem = d.item;
}

/**
 * An attack on civilians is one-sided: a toll told later whose killers and dead are both others
 * ("Gunmen killed 22 villagers ... The army said its troops had neutralised eight terrorists
 * during a pursuit"), or whose killers are another named party ("Residents said the militants
 * abducted several women ... Human Rights Watch has accused the army of killing hundreds of
 * civilians"), is another incident, not a figure of the attack.
 */
function othersKilled(earlier: Draft, later: Draft): boolean {
  const a = earlier.event;
  const b = later.event;
  if (earlier.family !== 'vac' || a.actor1 === null || b.actor1 === null || b.actor1 === a.actor1) return false;
  // (victims named as such, not the civilians an attack implies: "6 attackers were also killed")
  if (b.actor2 !== null && b.actor2 !== a.actor2 && !b.rules.includes('events.actor.civilians-implied')) return true;
  // ("gunmen" and "JNIM" may be one party told twice; a state's forces and gunmen are not)
  const generic = UNIDENTIFIED.has(a.actor1) || UNIDENTIFIED.has(b.actor1);
  return !generic || earlier.actor1State !== later.actor1State;
}

function toldApart(earlier: Draft, later: Draft): boolean {
  if (!later.placeSeparates) return false;
  return later.newIncident || (later.ownPlace && placedElsewhere(earlier.event.location, later.event.location));
}

/** Two places neither of which holds the other: other names, and another first-level division or country. */
function placedElsewhere(a: EventLocation | null, b: EventLocation | null): boolean {
  if (!a?.name || !b?.name || a.name === b.name) return false;
  const holds = (outer: EventLocation, inner: EventLocation) => inner.admin1 === outer.name || inner.admin2 === outer.name || (outer.precision === 3 && outer.country === inner.country);
  if (holds(a, b) || holds(b, a)) return false;
  return a.country !== b.country || a.admin1 !== b.admin1;
}

const DATE_GRAIN: Record<string, number> = { year: 0, quarter: 1, month: 2, week: 3, day: 4, time: 5 };

/** Whether `a` is told more precisely than `b` (a day against a month or a year; a range is a span, not a coarse date). */
function finer(a: EventDate, b: EventDate): boolean {
  const coarse = DATE_GRAIN[b.precision];
  return coarse !== undefined && coarse <= DATE_GRAIN.month && (DATE_GRAIN[a.precision] ?? -1) > coarse;
}

function dateWithin(inner: EventDate | null, outer: EventDate | null): boolean {
  if (!inner || !outer) return true;
  const v = inner.value ?? inner.from;
  if (!v) return true;
  if (outer.from && outer.to) return v >= outer.from && v.slice(0, outer.to.length) <= outer.to;
  if (outer.value) return v.startsWith(outer.value) || outer.value.startsWith(v);
  return false;
}

/** The event the document is mainly about: the strongest in its first paragraphs, asserted or claimed first. */
export function markMain(drafts: Draft[]): void {
  if (drafts.length === 0) return;
  // the lead paragraph names what the document is about; only without an event there does the
  // strongest event elsewhere win
  const lead = drafts.filter((d) => d.paragraph === 0);
  if (lead.length > 0) drafts = lead;
  const rank = (d: Draft) => {
    const m = d.event.modality;
    const violent = ['battle', 'explosion', 'vac', 'protest'].includes(d.family) ? 2 : 1;
    const certain = m === 'asserted' || m === 'claimed' || m === 'reported' ? 1 : 0.3;
    const lead = d.paragraph === 0 ? 2 : d.paragraph <= 2 ? 1.3 : 1;
    return d.score * certain * lead * violent;
  };
  let best = drafts[0];
  for (const d of drafts) if (rank(d) > rank(best)) best = d;
  best.event.main = true;
}
