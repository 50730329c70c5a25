/**
 * Actors: every actor an analyst codes, linked to one canonical entry.
 *
 * Recognisers, each over the word pieces of one sentence (tokens split at hyphens):
 *  - kb-alias: the knowledge base's alias trie, longest match;
 *  - demonym-force: a demonym or country name followed by a force or office noun ("the Malian
 *    army", "U.S. officials", "the Russian defense ministry") -> the country's generated entry;
 *  - country-actor: a country name where the sentence makes the state act ("Russia has shifted",
 *    "backed by Russia", "Russia's Africa Corps"); elsewhere a country name is a place;
 *  - described: groups the text only describes ("jihadists", "gunmen", "groups tied to al-Qaida",
 *    "al-Qaida-affiliated groups", "civilians") as unnamed actors;
 *  - bare-force: "the army", "the junta", "government forces" without a country, settled after the
 *    whole document is read (the same role named with its country earlier, else the country the
 *    text is plainly about, else nothing);
 *  - provisional: PER and ORG names from the name tagger that the knowledge base does not know,
 *    filtered (platforms, agencies, hardware, months, events, places, lists) and linked within the
 *    document (a surname to its full name, a bracketed acronym to its organisation).
 * Overlaps are resolved per sentence, longest span first. Every mention carries its stage and rule.
 */
import { onRoute } from '../../text/route.js';
import type { AcledInter, ActorKind, ActorMention, Document, Extraction, NameMention, NameType, Token } from '../../model.js';
import type { Stage } from '../stage.js';
import { isHeadingSpan } from '../../text/heading.js';
import { trace } from '../stage.js';
import { typeTableFor, type WordTypes } from '../../text/wordtypes.js';
import { tokenTypes, TypeFlags, type TokenTypes } from './tokens.js';
import { datelineSpan, inDateline } from '../../text/dateline.js';
import { namedAcrossBorder } from '../../text/border.js';
import { countryNamed } from '../../knowledge/places.js';
import {
  actorKb,
  caseAllows,
  frenchCountryWords,
  pieceKey,
  slug,
  splitToken,
  type ActorEntry,
  type ActorKb,
  type AliasHit,
  type Piece,
  type StateRole,
  type TrieNode,
  trieWords,
} from '../../knowledge/actors.js';

const STAGE = 'actors';

interface SentencePiece extends Piece {
  /** first / last piece of its token */
  first: boolean;
  last: boolean;
  /** `pieceKey(text)`, computed once */
  key: string;
  /** whether `key` is a word of any trie: a walk stops at once on the many pieces that are not */
  known: boolean;
  /**
   * the tries `key` is a first word of (bits KB, COUNTRY, ...): only such a piece starts a walk;
   * and, shifted by ALONE, those where the piece is a whole entry by itself, its case allowed
   */
  starts: number;
  /** whether `key` may open one of the described patterns ("jihadists", "armed", "Fulani") */
  trigger: boolean;
}

/** A bit per trie a walk may start in; KNOWN and TRIGGER mark the other words of Vocabulary.info. */
const KB = 1;
const COUNTRY = 2;
const DEMONYM = 4;
const FORCE = 8;
const GOV_FORCES = 16;
const KNOWN = 32;
const TRIGGER = 64;
/** Tries of names, whose entries check the text's case (`caseAllows`); the lexicon tries do not. */
const CASE_CHECKED = KB | COUNTRY | DEMONYM;
/** `SentencePiece.starts` holds, shifted by this, the tries in which the piece alone is an entry. */
const ALONE = 9;

/** What a mention links to: the actor fields of ActorMention, with the id under a short name. */
interface Target extends Pick<ActorMention, 'name' | 'kind' | 'inter' | 'country' | 'provisional' | 'unnamed'> {
  id: string;
}

interface Candidate {
  /** piece indexes, end exclusive */
  from: number;
  to: number;
  start: number;
  end: number;
  target: Target;
  rule: string;
  /** breaks ties between spans of equal length: higher wins */
  priority: number;
}

function fromEntry(e: ActorEntry): Target {
  return { id: e.id, name: e.name, kind: e.kind, inter: e.inter, country: e.country, provisional: false };
}

// ---------------------------------------------------------------------------------------------
// Small lexicons. They describe English news style, not any one article.

const DETERMINERS = new Set(['the']);

/** Force and office nouns after a demonym or country name, longest first in the trie. */
const FORCE_NOUNS: [string, StateRole][] = [
  ['army', 'military'], ['armies', 'military'], ['armed forces', 'military'], ['military', 'military'], ['forces', 'military'],
  ['military forces', 'military'], ['troops', 'military'], ['soldiers', 'military'], ['soldier', 'military'],
  ['security forces', 'military'], ['defence forces', 'military'], ['defense forces', 'military'],
  ['defence and security forces', 'military'], ['defense and security forces', 'military'], ['special forces', 'military'],
  ['air force', 'military'], ['airforce', 'military'], ['navy', 'military'], ['national guard', 'military'],
  ['presidential guard', 'military'], ['republican guard', 'military'], ['border guards', 'military'], ['border guard', 'military'],
  ['military intelligence', 'military'], ['drone operators', 'military'],
  ['commandos', 'military'], ['paratroopers', 'military'], ['instructors', 'military'], ['military instructors', 'military'], ['military advisers', 'military'], ['military advisors', 'military'], ['warplanes', 'military'], ['fighter jets', 'military'],
  ['army officers', 'military'], ['officers', 'military'], ['military officials', 'military'], ['military officers', 'military'],
  ['army chief', 'military'], ['army spokesman', 'military'], ['military spokesman', 'military'], ['general staff', 'military'],
  ['police', 'police'], ['police forces', 'police'], ['policemen', 'police'], ['police officers', 'police'],
  ['gendarmerie', 'police'], ['gendarmes', 'police'],
  ['government', 'government'], ['authorities', 'government'], ['officials', 'government'], ['junta', 'government'],
  ['military junta', 'government'], ['regime', 'government'], ['administration', 'government'], ['transitional government', 'government'],
  ['transitional authorities', 'government'], ['diplomats', 'government'], ['foreign ministry', 'government'],
  ['ministry of foreign affairs', 'government'], ['presidency', 'government'], ['leaders', 'government'], ['leadership', 'government'],
  ['military rulers', 'government'], ['rulers', 'government'], ['military authorities', 'government'], ['military leaders', 'government'],
  ['military government', 'government'], ['military regime', 'government'], ['military leadership', 'government'],
  ['ruling junta', 'government'], ['ruling military junta', 'government'], ['ruling military', 'government'],
  ['defense ministry', 'defence-ministry'], ['defence ministry', 'defence-ministry'], ['ministry of defence', 'defence-ministry'],
  ['ministry of defense', 'defence-ministry'], ['defense minister', 'defence-ministry'], ['defence minister', 'defence-ministry'],
  ['minister of defence', 'defence-ministry'], ['minister of defense', 'defence-ministry'],
  ['ministry of the armed forces', 'defence-ministry'], ['minister of the armed forces', 'defence-ministry'],
  ['armed forces minister', 'defence-ministry'], ['armed forces ministry', 'defence-ministry'], ['military ministry', 'defence-ministry'],
];

/** Nouns "military" modifies as an adjective ("military coup", "military assistance"): then it names no actor. */
const MILITARY_MODIFIED = new Set([
  'coup', 'coups', 'assistance', 'aid', 'cooperation', 'command', 'operation', 'operations', 'base', 'bases', 'presence', 'training',
  'equipment', 'vehicles', 'vehicle', 'support', 'rule', 'intervention', 'campaign', 'campaigns', 'offensive', 'hardware', 'spending',
  'budget', 'court', 'courts', 'tribunal', 'exercise', 'exercises', 'analyst', 'analysts', 'expert', 'experts', 'camp', 'camps', 'convoy',
  'hospital', 'airport', 'helicopter', 'helicopters', 'aircraft', 'drone', 'drones', 'installations', 'facilities', 'power', 'might',
  'strength', 'capabilities', 'capacity', 'victory', 'defeat', 'success', 'action', 'actions', 'pressure', 'ties', 'relations',
  'partnership', 'deal', 'agreement', 'pact', 'transition', 'council', 'strongman', 'ruler', 'rulers', 'service', 'academy', 'school',
  'prosecutor', 'justice', 'police', 'intelligence', 'strategy', 'doctrine', 'tactics', 'solution', 'option', 'options', 'escalation',
  'buildup', 'build-up', 'deployment', 'deployments', 'withdrawal', 'mission', 'missions', 'engagement', 'involvement', 'sites', 'targets',
  'movements', 'activity', 'activities', 'sources', 'uniform', 'uniforms', 'fatigues', 'personnel',
]);

/** Members of a force or group that a mention may take in ("Russian military instructors", "JNIM militants"). */
const MEMBER_NOUNS = new Set([
  'instructors', 'advisers', 'advisors', 'trainers', 'personnel', 'officers', 'officials', 'spokesman', 'spokesperson', 'commanders',
  'militants', 'fighters', 'jihadists', 'insurgents', 'gunmen', 'members', 'combatants', 'elements', 'mercenaries', 'militiamen',
  'operatives', 'contractors', 'units', 'soldiers', 'troops', 'forces', 'rebels', 'hunters', 'volunteers', 'peacekeepers',
]);

/** Words after a country's possessive that make the country an actor ("Russia's strategy"). */
const POSSESSED_ACTOR_NOUNS = new Set([
  'strategy', 'support', 'backing', 'ally', 'allies', 'partner', 'partners', 'leader', 'leaders', 'president', 'decision', 'influence',
  'role', 'interests', 'mercenaries', 'intervention', 'involvement', 'envoy', 'ambassador', 'embassy', 'delegation', 'offer', 'policy',
  'response', 'ambitions', 'war', 'invasion', 'campaign', 'sanctions', 'paramilitaries', 'proxies', 'military', 'army', 'forces',
]);

/** Verbs after a country name that make it the acting state ("Russia has shifted"). Copulas are left out:
 * "Mali is a landlocked country" speaks of the place. */
const STATE_VERBS = new Set([
  'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'does',
  'said', 'says', 'announced', 'announces', 'denied', 'denies', 'accused', 'accuses', 'claimed', 'claims', 'sent', 'sends', 'deployed',
  'deploys', 'launched', 'signed', 'signs', 'agreed', 'agrees', 'warned', 'warns', 'called', 'calls', 'condemned', 'condemns',
  'rejected', 'rejects', 'withdrew', 'withdraws', 'expelled', 'expels', 'suspended', 'suspends', 'recalled', 'pledged', 'pledges',
  'offered', 'offers', 'supplied', 'supplies', 'delivered', 'backed', 'backs', 'supported', 'supports', 'urged', 'urges', 'vowed',
  'vows', 'threatened', 'threatens', 'demanded', 'demands', 'wants', 'plans', 'planned', 'seeks', 'sought', 'attacked', 'invaded',
  'bombed', 'struck', 'insisted', 'insists', 'responded', 'imposed', 'lifted', 'severed', 'cut', 'ordered', 'orders', 'hired',
  'recruited', 'financed', 'funded', 'armed', 'trained', 'shifted', 'created', 'established', 'dispatched', 'left', 'quit',
]);

/** Before a country name these make it a place even when a verb follows ("presence in Mali will continue"). */
const PLACE_PREPOSITIONS = new Set(['in', 'from', 'to', 'into', 'across', 'throughout', 'within', 'near', 'of', 'at', 'on', 'outside', 'inside', 'around', 'towards', 'toward', 'via', 'through']);

/** Past participles before "by" that make the following country an agent ("backed by Russia"). */
const AGENT_PARTICIPLES = /^(?:\w+ed|led|run|sent|paid|made|held|built|sold|bought|given|taken|driven|fought|won|known)$/i;

interface DescribedHead {
  canonical: string;
  kind: ActorKind;
  inter: AcledInter;
  /** which heads may be coordinated into one mention */
  family: 'armed' | 'civil';
  /** needs one of these modifiers before it ("armed men") */
  needs?: string[];
}

const ARMED = (canonical: string, inter: AcledInter = 2, needs?: string[]): DescribedHead => ({ canonical, kind: 'armed-group', inter, family: 'armed', needs });
const CIVIL = (canonical: string, kind: ActorKind = 'civilians', inter: AcledInter = 7): DescribedHead => ({ canonical, kind, inter, family: 'civil' });

const DESCRIBED_HEADS = new Map<string, DescribedHead>([
  ['jihadists', ARMED('jihadists')],
  ['islamists', ARMED('jihadists')],
  ['extremists', ARMED('extremists')],
  ['terrorists', ARMED('terrorists')],
  ['militants', ARMED('militants')],
  ['insurgents', ARMED('insurgents')],
  ['rebels', ARMED('rebels')],
  ['gunmen', ARMED('unidentified armed group', 3)],
  ['assailants', ARMED('unidentified armed group', 3)],
  ['attackers', ARMED('unidentified armed group', 3)],
  ['men', ARMED('unidentified armed group', 3, ['armed'])],
  ['individuals', ARMED('unidentified armed group', 3, ['armed'])],
  ['bandits', ARMED('bandits', 3)],
  ['kidnappers', ARMED('kidnappers', 3)],
  ['civilians', CIVIL('civilians')],
  ['villagers', CIVIL('civilians')],
  ['residents', CIVIL('civilians')],
  ['inhabitants', CIVIL('civilians')],
  ['worshippers', CIVIL('civilians')],
  ['passengers', CIVIL('civilians')],
  ['protesters', CIVIL('protesters', 'other', 6)],
  ['demonstrators', CIVIL('protesters', 'other', 6)],
]);

/** Collective nouns a descriptive adjective turns into a group ("the jihadist column"). */
const COLLECTIVES = new Set(['column', 'convoy', 'group', 'groups', 'fighters', 'militants', 'cell', 'cells', 'unit', 'units', 'elements', 'factions', 'faction', 'militia', 'militias', 'gunmen', 'insurgents', 'commando', 'commandos']);
const DESCRIPTIVE_ADJECTIVES = new Map<string, string>([
  ['jihadist', 'jihadists'], ['islamist', 'jihadists'], ['terrorist', 'terrorists'], ['militant', 'militants'], ['insurgent', 'insurgents'],
  ['rebel', 'rebels'], ['extremist', 'extremists'], ['armed', 'armed groups'],
]);

/** Modifiers allowed inside a described mention before its head. */
const PRE_MODIFIERS = new Set([
  'armed', 'unidentified', 'unknown', 'suspected', 'alleged', 'presumed', 'heavily', 'islamist', 'jihadist', 'islamic', 'radical',
  'violent', 'extremist', 'terrorist', 'local', 'innocent', 'unarmed', 'fleeing', 'displaced', 'neutralized', 'neutralised',
]);

/** "X-affiliated groups", "groups tied to X". */
const AFFILIATION_WORDS = new Set(['affiliated', 'linked', 'tied', 'aligned', 'allied', 'loyal', 'connected', 'associated', 'close', 'related']);
const AFFILIATED_GROUP_NOUNS = new Set(['groups', 'group', 'fighters', 'militants', 'jihadists', 'militias', 'militia', 'cells', 'factions', 'insurgents', 'elements', 'armed groups']);

/** Heads that, followed by "of"/"from" and a named armed group, are that group ("jihadists of JNIM"). */
const OF_NAMED_HEADS = new Set(['jihadists', 'militants', 'fighters', 'insurgents', 'combatants', 'members', 'elements', 'gunmen', 'islamists']);

/** Communities whose armed men ACLED codes as identity militias ("Fulani Ethnic Militia (Mali)"). */
const ETHNIC_GROUPS = new Map<string, string>([
  ['fulani', 'Fulani'], ['peul', 'Fulani'], ['peulh', 'Fulani'], ['fula', 'Fulani'], ['dogon', 'Dogon'], ['bambara', 'Bambara'],
  ['tuareg', 'Tuareg'], ['touareg', 'Tuareg'], ['songhai', 'Songhai'], ['songhay', 'Songhai'], ['arab', 'Arab'], ['mossi', 'Mossi'],
  ['daoussahak', 'Daoussahak'], ['imghad', 'Imghad'], ['hausa', 'Hausa'], ['kanuri', 'Kanuri'], ['zarma', 'Zarma'], ['djerma', 'Zarma'],
  ['bozo', 'Bozo'], ['gourmantche', 'Gourmantche'], ['toubou', 'Toubou'], ['tebu', 'Toubou'], ['berber', 'Berber'],
]);
const ETHNIC_MILITIA_HEADS = new Set(['militia', 'militias', 'militiamen', 'fighters', 'gunmen', 'hunters', 'vigilantes']);
const ETHNIC_REBEL_HEADS = new Set(['rebels', 'rebellion', 'separatists', 'insurgents']);

/** Title words extended into a person's mention ("General Lecointre", "President Vladimir Putin"). */
const TITLES = new Set([
  'President', 'General', 'Gen.', 'Colonel', 'Col.', 'Lieutenant', 'Lt.', 'Captain', 'Capt.', 'Major', 'Maj.', 'Commander', 'Admiral',
  'Marshal', 'Sergeant', 'Sgt.', 'Minister', 'Premier', 'Chancellor', 'King', 'Queen', 'Prince', 'Sheikh', 'Imam', 'Emir', 'Mr.',
  'Mrs.', 'Ms.', 'Dr.', 'Senator', 'Sen.', 'Governor', 'Gov.', 'Mayor', 'Ambassador', 'Secretary-General', 'Brigadier', 'Lt-Col.',
]);

/** Names a tagger may label ORG or PER that are never actors: platforms, agencies, hardware, generic words. */
const NOT_ACTORS = new Set(
  [
    'telegram', 'twitter', 'x', 'facebook', 'whatsapp', 'youtube', 'tiktok', 'instagram', 'signal', 'vkontakte', 'vk', 'google',
    'reuters', 'afp', 'ap', 'associated press', 'agence france-presse', 'agence france presse', 'bbc', 'cnn', 'al jazeera', 'rfi',
    'france 24', 'voa', 'voice of america', 'le monde', 'jeune afrique', 'the new york times', 'new york times', 'the guardian',
    'mirage', 'rafale', 'sukhoi', 'mig', 'bayraktar', 'reaper', 'toyota', 'kalashnikov', 'mi-24', 'mi-8', 'tiger', 'caracal',
    'suv', 'vab', 'vbci', 'amx', 'caesar', 'hercules', 'c-130', 'eurocopter tiger', 'gazelle', 'puma', 'super puma', 'chinook', 'mq-9',
    'humvee', 'bmp', 'btr', 'hilux', 'toyota hilux', 'akinci', 'tb2', 'ansar', 'azawad', 'sahel', 'sharia', 'congress',
    'mission', 'group', 'corps', 'islamic', 'western', 'army', 'forces', 'force', 'government', 'ministry', 'council', 'committee',
    'company', 'coalition', 'alliance', 'movement', 'front', 'brigade', 'battalion', 'special forces', 'private military company',
    'battle', 'aftermath', 'operation', 'state', 'union', 'security', 'defence', 'defense', 'national', 'republic', 'parliament',
    'god', 'allah', 'muslim', 'muslims', 'christian', 'christians', 'islam', 'sunni', 'shia',
  ].map((s) => s.toLowerCase()),
);

/** Words that carry no name by themselves; a tagged span made only of them is no actor. */
const GENERIC_NAME_WORDS = new Set([
  'the', 'of', 'and', 'for', 'private', 'military', 'company', 'group', 'corps', 'mission', 'forces', 'force', 'army', 'government',
  'ministry', 'special', 'national', 'security', 'council', 'committee', 'armed', 'islamic', 'western', 'state', 'states', 'union',
  'front', 'movement', 'alliance', 'coalition', 'brigade', 'battalion', 'battle', 'operation', 'aftermath', 'chief', 'staff',
  'general', 'president', 'minister', 'defence', 'defense', 'joint', 'task', 'unit', 'units', 'command', 'headquarters', 'office',
  'air', 'intelligence', 'class', 'train', 'marine', 'marines', 'medal', 'navy', 'sgt', 'infantry', 'regiment', 'squadron',
  'division', 'legion', 'support', 'international', 'democracy', 'restoration', 'northern', 'southern', 'eastern', 'central', 'in',
  'on', 'at', 'a', 'an', 'staff', 'police', 'gendarmerie', 'troops', 'soldiers', 'authorities', 'officials',
]);

const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** First words of names of events, not actors ("Battle of Konna"). */
const EVENT_HEADS = new Set(['battle', 'siege', 'massacre', 'war', 'attack', 'ambush', 'coup', 'crisis', 'conflict', 'insurgency', 'rebellion', 'agreement', 'accord', 'accords', 'treaty', 'raid', 'offensive']);
/** Words that make a name a medium, an award or a facility rather than an actor. */
const FRENCH_OPENERS = new Set(['environ', 'selon', 'près', 'plus', 'moins', 'au', 'aux', 'dans', 'depuis', 'après', 'avant', 'lors', 'parmi', 'quelque', 'quelques', 'plusieurs', 'certains', 'certaines', 'ces', 'cette', 'cet', 'leurs', 'ils', 'elles', 'vers', 'sous', 'pour', 'avec', 'sans', 'entre', 'chez', 'malgré', 'durant', 'pendant', 'outre', 'toutefois', 'cependant', 'ainsi', 'alors', 'déjà', 'encore', 'enfin', 'puis', 'pourtant']);
const FRENCH_ARTICLES = new Set(['le', 'la', 'les', "l'", 'l’']);

/**
 * In a French text, a sentence's opening word the tagger took for a name ("Environ 1 500
 * éléments", "Selon l'armée"), or an article and one word ("Le Mali", "La Guinée"): no
 * organisation is named so. (English keeps "Le Pen" and "La Raza".)
 */
function frenchNonName(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/);
  // ("Les" alone: an article the tagger took for a name before "mercenaires")
  return FRENCH_OPENERS.has(words[0]) || (words.length <= 2 && FRENCH_ARTICLES.has(words[0]));
}
const NON_ACTOR_WORDS = new Set([
  'medal', 'award', 'prize', 'cross', 'news', 'times', 'post', 'journal', 'gazette', 'radio', 'tv', 'television', 'magazine', 'airport',
  'hospital', 'university', 'school', 'stadium', 'bridge', 'street', 'road', 'mosque', 'church', 'market', 'camp', 'base',
]);
/** Last words of place names ("Yatenga Province", "Uzbin Valley"). */
const PLACE_TYPE_WORDS = new Set([
  'province', 'region', 'valley', 'river', 'desert', 'mountains', 'mountain', 'lake', 'district', 'circle', 'cercle', 'commune',
  'department', 'forest', 'plateau', 'massif', 'county', 'state', 'city', 'town', 'village', 'island', 'islands', 'border',
]);
/** Place words that rule a name out wherever they stand in it ("Sambisa Forest in Nigeria"). */
const PLACE_WORDS_ANYWHERE = new Set(['province', 'region', 'valley', 'river', 'desert', 'mountains', 'lake', 'district', 'cercle', 'commune', 'forest', 'plateau', 'massif', 'county', 'island', 'islands', 'hotel', 'site']);
/** Hardware words that rule a name out ("Toyota Land Cruiser", "Super Hercules"). */
const HARDWARE_WORDS = new Set(['toyota', 'hilux', 'cruiser', 'hercules', 'mirage', 'rafale', 'tiger', 'gazelle', 'puma', 'caracal', 'vab', 'vbci', 'amx', 'caesar', 'sukhoi', 'mig', 'bayraktar', 'reaper', 'humvee', 'chinook', 'sagaie', 'star', 'stars']);
/** Words a tagger leaves at the front of a person's name that are roles, not the name ("Senator Ted Cruz"). */
const ROLE_WORDS = new Set([
  'senator', 'sen.', 'representative', 'rep.', 'secretary', 'secretary-general', 'sergeant', 'sergeants', 'staff', 'sgt', 'sgt.', 'ssg',
  'sfc', 'captain', 'capt.', 'general', 'gen.', 'president', 'minister', 'ambassador', 'state', 'states', 'defense', 'defence', 'us',
  'u.s.', 'chief', 'commander', 'colonel', 'col.', 'lieutenant', 'lt.', 'major', 'private', 'corporal', 'specialist', 'admiral', 'of',
  'the', 'deputy', 'vice', 'prime', 'foreign', 'mr.', 'mrs.', 'ms.', 'dr.', 'king', 'prince', 'sheikh', 'imam', 'emir', 'governor',
  'mayor', 'spokesman', 'spokeswoman', 'analyst', 'a', 'an',
]);
const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'upper', 'lower']);
/** Prepositions before which a name is a place: any such use in the document makes it no actor. */
const LOCATIVES = new Set(['in', 'near', 'at', 'outside', 'around', 'towards', 'toward', 'inside', 'into', 'across', 'throughout', 'à', 'vers']);

// ---------------------------------------------------------------------------------------------
// Tries of the lexicons above (built once)

function buildPlainTrie(entries: [string, string][]): TrieNode {
  const root: TrieNode = { next: new Map(), hits: [] };
  for (const [phrase, value] of entries) {
    let node = root;
    const surface = phrase.split(' ');
    for (const w of surface) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), hits: [] };
        node.next.set(w, child);
      }
      node = child;
    }
    node.hits.push({ entryId: value, alias: phrase, surface, exactCase: false });
  }
  return root;
}

const FORCE_TRIE = buildPlainTrie(FORCE_NOUNS);

/** Longest walk of `trie` (the one of bit `bit`) from piece `i`; in the tries of names, only hits whose case rule the text satisfies count. */
function walk(trie: TrieNode, bit: number, pieces: readonly SentencePiece[], i: number): { to: number; hits: AliasHit[] } | null {
  if (i >= pieces.length || (pieces[i].starts & bit) === 0) return null;
  // a first word that is no entry by itself, followed by no word of any trie ("the" before most words): no look-up can find one
  if ((pieces[i].starts & (bit << ALONE)) === 0 && !(i + 1 < pieces.length && pieces[i + 1].known)) return null;
  const checkCase = (bit & CASE_CHECKED) !== 0;
  let node: TrieNode | undefined = trie;
  let best: { to: number; hits: AliasHit[] } | null = null;
  for (let j = i; j < pieces.length && node; j++) {
    if (!pieces[j].known) break;
    node = node.next.get(pieces[j].key);
    if (!node) break;
    if (node.hits.length > 0) {
      const texts = pieces.slice(i, j + 1).map((p) => p.text);
      const ok = checkCase ? node.hits.filter((h) => caseAllows(h, texts)) : node.hits;
      if (ok.length > 0) best = { to: j + 1, hits: ok };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Document context: which countries it speaks of, when it was written

interface Context {
  countries: Set<string>;
  /** how often each country is named (name or demonym) */
  countryCounts: Map<string, number>;
  /** the countries each sentence names (name or demonym), by sentence index */
  countriesBySentence: Map<number, Set<string>>;
  /** each sentence's paragraph, by sentence index */
  paragraphOf: Map<number, number>;
  published: string | null;
  text: string;
  /** the country of the capital a wire dateline opens with ("NIAMEY, Aug 20 (AP) —"), if any */
  datelineCountry: string | null;
}

function noteCountry(ctx: Pick<Context, 'countries' | 'countryCounts' | 'countriesBySentence'>, country: string, sentence: number): void {
  ctx.countries.add(country);
  ctx.countryCounts.set(country, (ctx.countryCounts.get(country) ?? 0) + 1);
  let here = ctx.countriesBySentence.get(sentence);
  if (!here) ctx.countriesBySentence.set(sentence, (here = new Set()));
  here.add(country);
}

const GROUP_NOUNS = new Set(['group', 'groupe', 'mercenaries', 'mercenaires', 'paramilitaries', 'paramilitaires', 'contractors', 'instructors', 'instructeurs', 'company', 'societe']);

/** A demonym that qualifies a group rather than a state: "du groupe russe Wagner", "Russian mercenaries". */
function describesGroup(pieces: readonly SentencePiece[], from: number, to: number): boolean {
  return (from > 0 && GROUP_NOUNS.has(pieces[from - 1].key)) || (to < pieces.length && GROUP_NOUNS.has(pieces[to].key));
}

function documentContext(doc: Document, sentences: SentencePiece[][], kb: ActorKb): Context {
  const ctx: Context = { countries: new Set(), countryCounts: new Map(), countriesBySentence: new Map(), paragraphOf: new Map(), published: doc.published?.value.slice(0, 10) ?? null, text: doc.text, datelineCountry: null };
  const dateline = datelineSpan(doc.text);
  if (dateline) {
    const city = /^\s*([\p{L}][\p{L} .'’-]*?)\s*(?:[,(—–-]|$)/u.exec(doc.text.slice(dateline.start, dateline.end));
    ctx.datelineCountry = city ? countryNamed(city[1], { capitals: true }) : null;
  }
  for (const s of doc.sentences) ctx.paragraphOf.set(s.index, s.paragraph);
  sentences.forEach((pieces, sentence) => {
    if (!pieces) return;
    for (let i = 0; i < pieces.length; i++) {
      if (!pieces[i].starts) continue;
      for (let t = 0; t < 2; t++) {
        const m = t === 0 ? walk(kb.countryTrie, COUNTRY, pieces, i) : walk(kb.demonymTrie, DEMONYM, pieces, i);
        const country = m ? kb.byId(m.hits[0].entryId)?.country : null;
        // ("l'armée" of a Niger story that names "la frontière avec le Mali" is still Niger's, and
        // "ses alliés du groupe russe Wagner" speaks of a group, not of Russia's state)
        if (country && !namedAcrossBorder(doc.text, pieces[i].start, pieces[m!.to - 1].end) && !(t === 1 && describesGroup(pieces, i, m!.to))) noteCountry(ctx, country, sentence);
      }
    }
  });
  return ctx;
}

/** Picks one entry among several sharing an alias: the one of a country the document names,
 * active at its date. */
function disambiguate(hits: AliasHit[], kb: ActorKb, ctx: Context): ActorEntry | undefined {
  let best: ActorEntry | undefined;
  let bestScore = -Infinity;
  const seen = new Set<string>();
  for (const h of hits) {
    if (seen.has(h.entryId)) continue;
    seen.add(h.entryId);
    const e = kb.byId(h.entryId);
    if (!e) continue;
    let score = 0;
    if (e.country && ctx.countries.has(e.country)) score += 2;
    if (ctx.published && e.active) {
      const from = e.active.from ?? '0000';
      const to = e.active.to ?? '9999';
      if (ctx.published >= from && ctx.published.slice(0, to.length) <= to) score += 1;
      else score -= 1;
    }
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Recognisers

/** The piece at `i`, undefined outside the list: no read past either end, which deoptimises the
 * recogniser it is inlined into. */
function pieceAt(pieces: readonly SentencePiece[], i: number): SentencePiece | undefined {
  return i >= 0 && i < pieces.length ? pieces[i] : undefined;
}

function lower(p: SentencePiece | undefined): string {
  return p ? p.key : '';
}

function withDeterminer(pieces: readonly SentencePiece[], from: number): number {
  const prev = pieces[from - 1];
  return prev && prev.first && prev.last && DETERMINERS.has(lower(prev)) && pieces[from].first ? from - 1 : from;
}

function isPossessive(p: SentencePiece | undefined): boolean {
  return p !== undefined && /^[’']s$|^[’']$/.test(p.text);
}

function candidate(pieces: readonly SentencePiece[], from: number, to: number, target: Target, rule: string, priority: number): Candidate {
  return { from, to, start: pieces[from].start, end: pieces[to - 1].end, target, rule, priority };
}

function isCapitalsWord(p: SentencePiece | undefined): boolean {
  return p !== undefined && /^\p{Lu}{2,}$/u.test(p.text);
}

const GROUP_KINDS = new Set<ActorKind>(['armed-group', 'pmc', 'militia', 'state-forces', 'international-org']);

function kbMatches(pieces: SentencePiece[], kb: ActorKb, ctx: Context, out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const m = walk(kb.trie, KB, pieces, i);
    if (!m) continue;
    // a short abbreviation inside a run of capitals is a headline word ("WHAT IS LEFT"), not "IS"
    if (m.to - i === 1 && pieces[i].text.length <= 3 && (isCapitalsWord(pieceAt(pieces, i - 1)) || isCapitalsWord(pieceAt(pieces, m.to)))) continue;
    const e = disambiguate(m.hits, kb, ctx);
    if (!e) continue;
    // "the" goes with the name only when the name is the whole token ("the al-Qaida-linked group" is not "the al-Qaida")
    const from = e.kind === 'person' || !pieces[m.to - 1].last ? i : withDeterminer(pieces, i);
    let to = m.to;
    const next = pieceAt(pieces, to);
    if (GROUP_KINDS.has(e.kind) && next && next.first && MEMBER_NOUNS.has(lower(next))) to++;
    const ambiguous = new Set(m.hits.map((h) => h.entryId)).size > 1;
    out.push(candidate(pieces, from, to, fromEntry(e), ambiguous ? 'kb-alias-disambiguated' : 'kb-alias', 3));
  }
}

function forceNoun(pieces: SentencePiece[], i: number): { to: number; role: StateRole } | null {
  const m = walk(FORCE_TRIE, FORCE, pieces, i);
  if (!m) return null;
  const role = m.hits[0].entryId as StateRole;
  // a lone "military" before another noun is an adjective ("military coup", "military assistance")
  const last = lower(pieces[m.to - 1]);
  if (last === 'military' && m.to - i === 1) {
    const next = pieceAt(pieces, m.to);
    if (next && MILITARY_MODIFIED.has(lower(next))) return null;
  }
  const next = pieceAt(pieces, m.to);
  const to = next && next.first && MEMBER_NOUNS.has(lower(next)) && role !== 'government' ? m.to + 1 : m.to;
  return { to, role };
}

function demonymMatches(pieces: SentencePiece[], kb: ActorKb, out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    if (!pieces[i].first) continue;
    // "the army of Burkina Faso", "the government of Niger"
    const head = forceNoun(pieces, i);
    if (head && lower(pieces[head.to]) === 'of') {
      const at = lower(pieces[head.to + 1]) === 'the' ? head.to + 2 : head.to + 1;
      const c = pieces[at] ? walk(kb.countryTrie, COUNTRY, pieces, at) : null;
      const country = c ? kb.byId(c.hits[0].entryId)?.country : null;
      const entry = country ? kb.stateEntry(country, head.role) : undefined;
      if (c && entry && pieces[c.to - 1].last) {
        out.push(candidate(pieces, withDeterminer(pieces, i), c.to, fromEntry(entry), `force-of-country:${head.role}`, 2));
        continue;
      }
    }
    const d = walk(kb.demonymTrie, DEMONYM, pieces, i);
    if (!d) continue;
    const state = kb.byId(d.hits[0].entryId);
    if (!state?.country) continue;
    let j = d.to;
    if (isPossessive(pieces[j])) j++;
    const f = forceNoun(pieces, j);
    if (!f) {
      // "Malian and Russian soldiers": the first demonym shares the noun of the second
      // (also "Nigerien, Malian and Burkinabe forces")
      let k = d.to;
      let shared: { to: number; role: StateRole } | null = null;
      for (let hops = 0; hops < 4 && !shared; hops++) {
        const conj = lower(pieces[k]);
        if (conj !== 'and' && conj !== ',' && conj !== 'or') break;
        const next = conj === ',' && lower(pieces[k + 1]) === 'and' ? k + 2 : k + 1;
        const d2 = pieces[next] ? walk(kb.demonymTrie, DEMONYM, pieces, next) : null;
        if (!d2) break;
        shared = forceNoun(pieces, d2.to);
        k = d2.to;
      }
      const entry = shared ? kb.stateEntry(state.country, shared.role) : undefined;
      if (shared && entry) out.push(candidate(pieces, withDeterminer(pieces, i), d.to, fromEntry(entry), `demonym-force:${shared.role}:shared`, 2));
      continue;
    }
    const entry = kb.stateEntry(state.country, f.role);
    if (!entry) continue;
    out.push(candidate(pieces, withDeterminer(pieces, i), f.to, fromEntry(entry), `demonym-force:${f.role}`, 2));
  }
}

/** Force and office nouns that, with "the" and no country named, refer to the country the text is about. */
const BARE_FORCE = new Set([
  'army', 'military', 'armed forces', 'security forces', 'defence and security forces', 'defense and security forces', 'junta',
  'military junta', 'government', 'authorities', 'police', 'regime', 'gendarmerie', 'transitional government', 'transitional authorities',
  'military rulers', 'military authorities', 'military government', 'military regime', 'national army', 'national guard',
  'ruling junta', 'ruling military junta', 'ruling military',
  'defence ministry', 'defense ministry', 'ministry of defence', 'ministry of defense', 'defence minister', 'defense minister',
]);
/** Without "the", only these are plain enough ("government forces clashed with ..."). */
const GOVERNMENT_FORCES = buildPlainTrie([
  ['government forces', 'military'], ['government troops', 'military'], ['government soldiers', 'military'], ['pro-government forces', 'military'],
  ['state forces', 'military'], ['security forces', 'military'], ['defence and security forces', 'military'], ['defense and security forces', 'military'],
]);

const BARE_PREFIX = 'bare-force:';

/** "the army", "the junta", "government forces": a candidate whose country is settled after all sentences are read. */
function bareForceMatches(pieces: SentencePiece[], out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    // a force noun can only follow where the next piece opens the force trie: that integer test
    // spares the string comparison on nearly every piece
    const next = pieceAt(pieces, i + 1);
    if (next !== undefined && (next.starts & FORCE) !== 0 && lower(pieces[i]) === 'the' && startsLower(next.text)) {
      const f = forceNoun(pieces, i + 1);
      if (f && BARE_FORCE.has(pieces.slice(i + 1, f.to).map((p) => p.key).join(' '))) {
        const placeholder: Target = { id: `${BARE_PREFIX}${f.role}`, name: '', kind: 'state-forces', inter: 1, country: null, provisional: false };
        out.push(candidate(pieces, i, f.to, placeholder, `${BARE_PREFIX}${f.role}`, 0));
        continue;
      }
    }
    const g = pieces[i].first ? walk(GOVERNMENT_FORCES, GOV_FORCES, pieces, i) : null;
    if (g && /^\p{Ll}/u.test(pieces[i].text)) {
      const placeholder: Target = { id: `${BARE_PREFIX}military`, name: '', kind: 'state-forces', inter: 1, country: null, provisional: false };
      out.push(candidate(pieces, i, g.to, placeholder, `${BARE_PREFIX}government-forces`, 0));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// French reporting: the adjective follows the noun ("l'armée malienne", "le ministère nigérien de
// la Défense"), and a country comes after "du" ("le gouvernement du Tchad")

/** State force and office nouns of French reporting, as piece keys (accents folded, "état-major" in two pieces). */
const FRENCH_FORCE_TRIE = buildPlainTrie([
  ['armee', 'military'], ['armees', 'military'], ['forces armees', 'military'], ['forces', 'military'], ['troupes', 'military'],
  ['soldats', 'military'], ['soldat', 'military'], ['militaires', 'military'], ['forces speciales', 'military'],
  ['forces de defense et de securite', 'military'], ['forces de securite', 'military'], ['garde nationale', 'military'],
  ['etat major', 'military'], ['etat major general des armees', 'military'], ["armee de l' air", 'military'], ['armee de terre', 'military'],
  ['aviation', 'military'], ['police', 'police'], ['police nationale', 'police'], ['policiers', 'police'], ['gendarmerie', 'police'],
  ['gendarmerie nationale', 'police'], ['gendarmes', 'police'], ['gouvernement', 'government'], ['gouvernement de transition', 'government'],
  ['autorites', 'government'], ['autorites de transition', 'government'], ['junte', 'government'], ['junte militaire', 'government'],
  ['regime', 'government'], ['presidence', 'government'], ['diplomatie', 'government'],
  ['ministere de la defense', 'defence-ministry'], ['ministre de la defense', 'defence-ministry'],
  ['ministere des armees', 'defence-ministry'], ['ministre des armees', 'defence-ministry'],
]);
/** With "l'", "la", "le" or "les" and no country, these refer to the country the text is about ("l'armée a riposté"). */
const FRENCH_BARE_FORCES = new Set([
  'armee', 'forces armees', 'junte', 'junte militaire', 'gouvernement', 'gouvernement de transition', 'autorites', 'autorites de transition',
  'police', 'gendarmerie', 'garde nationale', 'forces de defense et de securite', 'etat major', 'etat major general des armees',
  'ministere de la defense',
]);
/** "le ministère malien de la Défense": the office's own words after the adjective */
const FRENCH_OFFICES = buildPlainTrie([
  ['de la defense', 'defence-ministry'], ['des armees', 'defence-ministry'], ['des affaires etrangeres', 'government'],
]);
const FRENCH_DETERMINERS = new Set(["l'", 'la', 'le', 'les']);
const FRENCH_CONTRACTED = new Set(['du', 'des', 'au', 'aux']);
const FRENCH_OF = new Set(['du', 'de', 'des']);

/** The longest entry of a plain trie (piece keys) starting at piece `i`. */
function longestPlain(trie: TrieNode, pieces: readonly SentencePiece[], i: number): { to: number; value: string } | null {
  let node: TrieNode | undefined = trie;
  let best: { to: number; value: string } | null = null;
  for (let j = i; j < pieces.length && node; j++) {
    node = node.next.get(pieces[j].key);
    if (node && node.hits.length > 0) best = { to: j + 1, value: node.hits[0].entryId };
  }
  return best;
}

/** A French adjective of a country at piece `i`, written in lower case as adjectives are. */
function frenchAdjective(pieces: readonly SentencePiece[], i: number): string | undefined {
  const p = pieceAt(pieces, i);
  return p && startsLower(p.text) ? frenchCountryWords().adjectives.get(p.key) : undefined;
}

function frenchForceMatches(pieces: SentencePiece[], kb: ActorKb, out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const noun = longestPlain(FRENCH_FORCE_TRIE, pieces, i);
    // "ministère" and "ministre" alone take their office after the adjective
    const head = pieces[i].key === 'ministere' || pieces[i].key === 'ministre' ? { to: i + 1, value: '' } : noun;
    if (!head) continue;
    const from = i > 0 && FRENCH_DETERMINERS.has(pieces[i - 1].key) ? i - 1 : i;
    const iso = frenchAdjective(pieces, head.to);
    if (iso) {
      let role = head.value as StateRole | '';
      let to = head.to + 1;
      if (head.value === '' || noun === null || noun.to === i + 1) {
        const office = longestPlain(FRENCH_OFFICES, pieces, to);
        if (office) {
          role = office.value as StateRole;
          to = office.to;
        } else if (head.value === '') continue;
      }
      const entry = role ? kb.stateEntry(iso, role) : undefined;
      if (entry) out.push(candidate(pieces, from, to, fromEntry(entry), `fr-demonym-force:${role}`, 2));
      continue;
    }
    if (!noun) continue;
    // "l'armée du Mali", "le gouvernement de la Côte d'Ivoire", "les autorités de transition du Burkina Faso"
    const of = pieceAt(pieces, noun.to);
    if (of && FRENCH_OF.has(of.key)) {
      let at = noun.to + 1;
      if (of.key === 'de' && FRENCH_DETERMINERS.has(pieceAt(pieces, at)?.key ?? '')) at++;
      const country = longestPlain(frenchCountryWords().names, pieces, at);
      const entry = country && /^\p{Lu}/u.test(pieces[at].text) ? kb.stateEntry(country.value, noun.value as StateRole) : undefined;
      if (country && entry) {
        out.push(candidate(pieces, from, country.to, fromEntry(entry), `fr-force-of-country:${noun.value}`, 2));
        continue;
      }
    }
    const words = pieces.slice(i, noun.to).map((p) => p.key).join(' ');
    // ("la riposte des forces de défense et de sécurité", "la chute du gouvernement": the article
    // contracted with "de" determines the force as well)
    const start = from < i ? from : i > 0 && FRENCH_CONTRACTED.has(pieces[i - 1].key) ? i - 1 : i;
    if (start < i && FRENCH_BARE_FORCES.has(words) && startsLower(pieces[i].text)) {
      const placeholder: Target = { id: `${BARE_PREFIX}${noun.value}`, name: '', kind: 'state-forces', inter: 1, country: null, provisional: false };
      out.push(candidate(pieces, start, noun.to, placeholder, `${BARE_PREFIX}${noun.value}`, 0));
    }
  }
}

/**
 * French reporting's described parties, the noun first and its adjective after ("des hommes
 * armés", "des individus armés non identifiés"): the same canonical parties as the English heads.
 */
const FRENCH_DESCRIBED = new Map<string, { head: DescribedHead; needs?: string }>([
  ['hommes', { head: ARMED('unidentified armed group', 3), needs: 'armes' }],
  ['individus', { head: ARMED('unidentified armed group', 3), needs: 'armes' }],
  ['assaillants', { head: ARMED('unidentified armed group', 3) }],
  ['jihadistes', { head: ARMED('jihadists') }],
  ['djihadistes', { head: ARMED('jihadists') }],
  ['islamistes', { head: ARMED('jihadists') }],
  ['terroristes', { head: ARMED('terrorists') }],
  ['insurges', { head: ARMED('insurgents') }],
  ['rebelles', { head: ARMED('rebels') }],
  ['bandits', { head: ARMED('bandits', 3) }],
  ['ravisseurs', { head: ARMED('kidnappers', 3) }],
  ['civils', { head: CIVIL('civilians') }],
  ['villageois', { head: CIVIL('civilians') }],
  ['habitants', { head: CIVIL('civilians') }],
  ['fideles', { head: CIVIL('civilians') }],
  ['passagers', { head: CIVIL('civilians') }],
  ['manifestants', { head: CIVIL('protesters', 'other', 6) }],
]);
const FRENCH_PARTITIVES = new Set(['des', 'les', 'de', 'ces']);

function frenchDescribedMatches(pieces: SentencePiece[], out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const found = FRENCH_DESCRIBED.get(pieces[i].key);
    // a capitalised head is a name or a title's word, not a description
    if (!found || !pieces[i].first || !pieces[i].last || !startsLower(pieces[i].text)) continue;
    let to = i + 1;
    if (found.needs) {
      if (pieceAt(pieces, to)?.key !== found.needs) continue;
      to++;
    }
    const from = i > 0 && FRENCH_PARTITIVES.has(pieces[i - 1].key) ? i - 1 : i;
    const { head } = found;
    out.push(candidate(pieces, from, to, unnamedTarget(head.canonical, head.kind, head.inter), 'fr-described:head', 1));
  }
}

/** Counts the countries a French text names by their French adjectives, for the bare forces. */
function countFrenchCountries(sentences: SentencePiece[][], ctx: Context): void {
  const words = frenchCountryWords();
  sentences.forEach((pieces, sentence) => {
    if (!pieces) return;
    for (let i = 0; i < pieces.length; i++) {
      // the names English shares ("Mali", "Niger") are counted already
      const iso = words.adjectives.get(pieces[i].key);
      if (!iso || !startsLower(pieces[i].text) || describesGroup(pieces, i, i + 1)) continue;
      noteCountry(ctx, iso, sentence);
    }
  });
}

/**
 * Settles "the army"-style candidates: the same role named with its country earlier in the text
 * ("the Malian army ... the army said"), else the country the document is plainly about (named
 * at least twice and more than twice as often as any other); else the mention is dropped.
 */
function resolveBareForces(chosen: Candidate[], kb: ActorKb, ctx: Context): Candidate[] {
  const roleOf = new Map<string, StateRole>();
  const lastByRole = new Map<StateRole, { target: Target; sentence: number }>();
  const ranked = [...ctx.countryCounts].sort((a, b) => b[1] - a[1]);
  // (or, failing that, the country of a capital the story was filed from, when the text names it
  // too: "security forces" in a story from Niamey that also names French troops are Niger's)
  const dominant = ranked.length > 0 && ranked[0][1] >= 2 && (ranked.length === 1 || ranked[0][1] > 2 * ranked[1][1]) ? ranked[0][0] : ctx.datelineCountry !== null && ctx.countryCounts.has(ctx.datelineCountry) ? ctx.datelineCountry : null;
  const out: Candidate[] = [];
  // the state whose forces or government were named last, and in which sentence
  let lastState: { country: string; sentence: number } | null = null;
  const sentenceOf = (c: Candidate) => (c as Candidate & { sentence?: number }).sentence ?? 0;
  for (const c of chosen) {
    if (!c.rule.startsWith(BARE_PREFIX)) {
      if (c.target.country) {
        let role = roleOf.get(c.target.id);
        if (role === undefined) {
          role = STATE_ROLE_LIST.find((r) => kb.stateEntry(c.target.country!, r)?.id === c.target.id);
          if (role) roleOf.set(c.target.id, role);
        }
        if (role) lastByRole.set(role, { target: c.target, sentence: sentenceOf(c) });
        const e = kb.byId(c.target.id);
        if (role || (e && (e.kind === 'state-forces' || e.kind === 'government') && e.inter === 1)) lastState = { country: c.target.country, sentence: sentenceOf(c) };
      }
      out.push(c);
      continue;
    }
    const kindOf = c.rule.slice(BARE_PREFIX.length);
    // "government forces" are the forces of the state the text is about, whoever was named last
    const governmentForces = kindOf === 'government-forces';
    const role: StateRole = governmentForces ? 'military' : (kindOf as StateRole);
    const home = governmentForces && dominant ? kb.stateEntry(dominant, 'military') : undefined;
    if (home) {
      out.push({ ...c, target: fromEntry(home), rule: `${c.rule}:main-country` });
      continue;
    }
    // "the defence ministry in Moscow", "the army in Mali": the country or capital named right after
    const placed = countryRightAfter(ctx.text, c.end);
    const placedEntry = placed ? kb.stateEntry(placed, role) : undefined;
    if (placedEntry) {
      out.push({ ...c, target: fromEntry(placedEntry), rule: `${c.rule}:placed` });
      continue;
    }
    const junta = saysJunta(c, ctx);
    const earlier = lastByRole.get(role);
    // a new paragraph about one other country ("Burkinabe militiamen clashed with jihadists near
    // Fada N'Gourma, the army said", after a paragraph on Mali's army): that country's force
    const sentence = sentenceOf(c);
    const here = ctx.countriesBySentence.get(sentence);
    if (earlier && here?.size === 1 && !here.has(earlier.target.country ?? '') && ctx.paragraphOf.get(earlier.sentence) !== ctx.paragraphOf.get(sentence)) {
      const own = kb.stateEntry([...here][0], role);
      if (own) {
        out.push({ ...c, target: fromEntry(own), rule: `${c.rule}:same-sentence` });
        continue;
      }
    }
    // ("… has expelled French forces. Human Rights Watch has accused the army of killing
    // hundreds of civilians", in a story about Burkina Faso: "the army" is the country's own, unless
    // the foreign force is named in the same sentence)
    const foreign = earlier && dominant && earlier.target.country !== dominant && earlier.sentence !== sentence ? kb.stateEntry(dominant, role) : undefined;
    if (foreign && (!junta || ruledByJunta(kb, dominant!))) {
      out.push({ ...c, target: fromEntry(foreign), rule: `${c.rule}:main-country` });
      continue;
    }
    if (earlier && (!junta || ruledByJunta(kb, earlier.target.country ?? ''))) {
      out.push({ ...c, target: earlier.target, rule: `${c.rule}:coref` });
      continue;
    }
    // "Burkina Faso's military government said ... The army said": the state named last, close by
    const near = lastState && sentenceOf(c) - lastState.sentence <= 2 && (!junta || ruledByJunta(kb, lastState.country)) ? kb.stateEntry(lastState.country, role) : undefined;
    if (near) {
      out.push({ ...c, target: fromEntry(near), rule: `${c.rule}:nearest-state` });
      continue;
    }
    const entry = dominant && (!junta || ruledByJunta(kb, dominant)) ? kb.stateEntry(dominant, role) : undefined;
    if (entry) {
      out.push({ ...c, target: fromEntry(entry), rule: `${c.rule}:main-country` });
      continue;
    }
    // last: the one country its own sentence names ("In Burkina Faso, the army said …" in a
    // roundup of several countries)
    const only = here?.size === 1 && (!junta || ruledByJunta(kb, [...here][0])) ? kb.stateEntry([...here][0], role) : undefined;
    if (only) out.push({ ...c, target: fromEntry(only), rule: `${c.rule}:sentence-country` });
  }
  return out;
}

/** The country of a country or national capital named right after `pos` ("in Moscow", "au Mali"), or null. */
function countryRightAfter(text: string, pos: number): string | null {
  const m = /^\s+(?:in|à|au|en)\s+(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)?)/u.exec(text.slice(pos, pos + 50));
  if (!m) return null;
  return countryNamed(m[1], { capitals: true });
}

/** The text of a bare-force candidate is "the junta" or "the military junta" ("la junte"). */
function saysJunta(c: Candidate, ctx: Context): boolean {
  return /junt/i.test(ctx.text.slice(c.start, c.end));
}

/**
 * Whether the knowledge base knows a junta that has ruled `iso` (a ruling body that is part of the
 * state's government, as the juntas of data/actors/sahel-states.yaml are), so that "the junta" of
 * a text mostly about France or the United States is left unsettled rather than made theirs. Any
 * date: a junta's name outlives its committee ("Mali's junta" after the CNSP was dissolved).
 */
function ruledByJunta(kb: ActorKb, iso: string): boolean {
  const government = kb.stateEntry(iso, 'government');
  if (!government) return false;
  return kb.relationsTo(government.id).some((r) => r.type === 'part_of' && kb.byId(r.source)?.kind === 'government');
}

const STATE_ROLE_LIST: StateRole[] = ['military', 'police', 'government', 'defence-ministry'];

function countryActorMatches(pieces: SentencePiece[], kb: ActorKb, out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    if (!pieces[i].first) continue;
    const m = walk(kb.countryTrie, COUNTRY, pieces, i);
    if (!m || !pieces[m.to - 1].last) continue;
    const state = kb.byId(m.hits[0].entryId);
    if (!state) continue;
    const next = pieceAt(pieces, m.to);
    const prev = pieceAt(pieces, i - 1);
    let rule: string | null = null;
    if (isPossessive(next)) {
      const after = pieces[m.to + 1];
      if (after && (POSSESSED_ACTOR_NOUNS.has(lower(after)) || walk(kb.trie, KB, pieces, m.to + 1))) rule = 'country-actor:possessive';
    } else if (next && STATE_VERBS.has(next.text) && !(prev && PLACE_PREPOSITIONS.has(lower(prev)))) {
      rule = 'country-actor:subject';
    } else if (prev && lower(prev) === 'by' && pieces[i - 2] && AGENT_PARTICIPLES.test(pieces[i - 2].text)) {
      rule = 'country-actor:agent';
    } else if (prev && lower(prev) === 'against') {
      rule = 'country-actor:opponent';
    }
    if (!rule && next && lower(next) === 'and' && pieces[m.to + 1]) {
      // "Mali and Russia signed": the first of two coordinated subjects acts too
      const second = walk(kb.countryTrie, COUNTRY, pieces, m.to + 1);
      const verb = second ? pieces[second.to] : undefined;
      if (verb && STATE_VERBS.has(verb.text)) rule = 'country-actor:subject-coordinated';
    }
    if (rule) out.push(candidate(pieces, i, m.to, fromEntry(state), rule, 1));
  }
}

function unnamedTarget(canonical: string, kind: ActorKind, inter: AcledInter | null): Target {
  return { id: `unnamed:${cachedSlug(canonical)}`, name: canonical, kind, inter, country: null, provisional: false, unnamed: true };
}

/** The KB armed group or organisation starting at piece `i` (optionally after "the"). */
function namedGroupAt(pieces: SentencePiece[], i: number, kb: ActorKb, ctx: Context): { to: number; entry: ActorEntry; alias: string } | null {
  const at = DETERMINERS.has(lower(pieces[i])) ? i + 1 : i;
  const m = walk(kb.trie, KB, pieces, at);
  if (!m) return null;
  const entry = disambiguate(m.hits, kb, ctx);
  if (!entry || entry.kind === 'person' || entry.kind === 'state') return null;
  return { to: m.to, entry, alias: pieces.slice(at, m.to).map((p) => p.text).join(' ') };
}

function affiliatedName(entry: ActorEntry, alias: string): string {
  const base = entry.name.length <= 24 ? entry.name : alias;
  return `${base}-affiliated groups`;
}

/** Every word that can open one of the described patterns: any other piece is skipped with one look-up. */
const DESCRIBED_TRIGGERS: readonly string[] = [...AFFILIATION_WORDS, ...AFFILIATED_GROUP_NOUNS, ...ETHNIC_GROUPS.keys(), ...DESCRIPTIVE_ADJECTIVES.keys(), ...DESCRIBED_HEADS.keys()];

function describedMatches(pieces: SentencePiece[], kb: ActorKb, ctx: Context, out: Candidate[]): void {
  for (let i = 0; i < pieces.length; i++) {
    const w = lower(pieces[i]);
    if (!pieces[i].trigger) continue;

    // "X-affiliated groups": the named actor and the affiliation word share one token
    if (AFFILIATION_WORDS.has(w) && !pieces[i].first) {
      let k = i - 1;
      while (k > 0 && !pieces[k].first) k--;
      const named = namedGroupAt(pieces, k, kb, ctx);
      const head = pieces[i + 1];
      if (named && named.to === i && head && AFFILIATED_GROUP_NOUNS.has(lower(head))) {
        // "the al-Qaida-linked group JNIM": the description is an apposition to the name after it
        const apposed = pieces[i + 2] ? namedGroupAt(pieces, i + 2, kb, ctx) : null;
        if (apposed && DETERMINERS.has(lower(pieces[k - 1])) && apposed.entry.id !== named.entry.id) {
          out.push(candidate(pieces, withDeterminer(pieces, k), i + 2, fromEntry(apposed.entry), 'described:apposition', 4));
          continue;
        }
        const target = unnamedTarget(affiliatedName(named.entry, named.alias), 'armed-group', 2);
        out.push(candidate(pieces, withDeterminer(pieces, k), i + 2, target, 'described:affiliated-prefix', 4));
        continue;
      }
    }

    // "groups tied to X", "fighters loyal to X"
    if (AFFILIATED_GROUP_NOUNS.has(w) && AFFILIATION_WORDS.has(lower(pieces[i + 1])) && ['to', 'with'].includes(lower(pieces[i + 2]))) {
      const named = pieces[i + 3] ? namedGroupAt(pieces, i + 3, kb, ctx) : null;
      if (named) {
        const target = unnamedTarget(affiliatedName(named.entry, named.alias), 'armed-group', 2);
        out.push(candidate(pieces, withDeterminer(pieces, i), named.to, target, 'described:affiliated-to', 4));
        continue;
      }
    }

    // "Dogon militiamen", "Tuareg rebels": a community named as an armed party
    const ethnic = ETHNIC_GROUPS.get(w);
    if (ethnic && pieces[i].first && /^\p{Lu}/u.test(pieces[i].text) && pieces[i + 1]?.first) {
      const h = lower(pieces[i + 1]);
      const selfDefence = h === 'self' && /^defen[cs]e$/.test(lower(pieces[i + 2]));
      const militia = ETHNIC_MILITIA_HEADS.has(h) || selfDefence;
      if (militia || ETHNIC_REBEL_HEADS.has(h)) {
        const target = militia ? unnamedTarget(`${ethnic} ethnic militia`, 'militia', 4) : unnamedTarget(`${ethnic} rebels`, 'armed-group', 2);
        let to = selfDefence ? i + 3 : i + 2;
        // "self-defence groups", "self-defense militias"
        if (selfDefence && pieces[to] && /^(group|groups|militia|militias|units|committees)$/.test(lower(pieces[to]))) to++;
        out.push(candidate(pieces, withDeterminer(pieces, i), to, target, 'described:ethnic', 2));
        i = to - 1;
        continue;
      }
    }

    // "the jihadist column", "armed groups"
    const adjective = DESCRIPTIVE_ADJECTIVES.get(w);
    if (adjective && pieces[i].first && pieces[i + 1] && COLLECTIVES.has(lower(pieces[i + 1])) && !/^\p{Lu}/u.test(pieces[i + 1].text)) {
      const kind: ActorKind = 'armed-group';
      const to = i + 2;
      if (OF_NAMED_HEADS.has(lower(pieces[i + 1])) && ['of', 'from'].includes(lower(pieces[to]))) {
        const named = namedGroupAt(pieces, to + 1, kb, ctx);
        if (named) {
          out.push(candidate(pieces, withDeterminer(pieces, i), to, fromEntry(named.entry), 'described:of-named', 2));
          continue;
        }
      }
      const head = DESCRIBED_HEADS.get(lower(pieces[i + 1]));
      const canonical = head ? head.canonical : adjective;
      const inter: AcledInter = head ? head.inter : adjective === 'armed groups' ? 3 : 2;
      out.push(candidate(pieces, withDeterminer(pieces, i), to, unnamedTarget(canonical, kind, inter), 'described:adjective-collective', 2));
      i = to - 1;
      continue;
    }

    const head = DESCRIBED_HEADS.get(w);
    if (!head || !pieces[i].first || !pieces[i].last || /^\p{Lu}{2,}/u.test(pieces[i].text)) continue;
    // modifiers before the head
    let from = i;
    const mods: string[] = [];
    while (from > 0 && PRE_MODIFIERS.has(lower(pieces[from - 1])) && pieces[from - 1].first) {
      from--;
      mods.unshift(lower(pieces[from]));
    }
    if (head.needs && !head.needs.some((n) => mods.includes(n))) continue;
    let to = i + 1;
    // "jihadists of JNIM": the described head is a mention of the named group
    if (OF_NAMED_HEADS.has(w) && ['of', 'from'].includes(lower(pieces[to]))) {
      const named = namedGroupAt(pieces, to + 1, kb, ctx);
      if (named) {
        out.push(candidate(pieces, withDeterminer(pieces, from), to, fromEntry(named.entry), 'described:of-named', 2));
        continue;
      }
    }
    // "Islamic extremists and insurgents": coordinated heads of one family make one mention
    if (['and', 'or'].includes(lower(pieces[to]))) {
      let k = to + 1;
      while (k < pieces.length && PRE_MODIFIERS.has(lower(pieces[k]))) k++;
      const second = DESCRIBED_HEADS.get(lower(pieces[k]));
      if (second && second.family === head.family && !second.needs) to = k + 1;
    }
    const target = unnamedTarget(head.canonical, head.kind, head.inter);
    out.push(candidate(pieces, withDeterminer(pieces, from), to, target, 'described:head', 1));
    i = to - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Provisional actors from the name tagger

/** Title abbreviations the tokenizer may leave without their dot ("Col" "." "Assimi Goïta"). */
const TITLE_ABBREVIATIONS = new Set(['Col', 'Gen', 'Lt', 'Capt', 'Sgt', 'Maj', 'Cmdr', 'Adm', 'Brig', 'Cpl', 'Pvt', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'Pres']);

/** Words after a name that make it a medium rather than an actor ("its Thaqafa channel"). */
const MEDIUM_NOUNS = new Set(['channel', 'channels', 'agency', 'outlet', 'newspaper', 'website', 'account', 'broadcaster', 'network', 'radio', 'television', 'page', 'platform', 'app', 'magazine', 'blog', 'feed']);

function titleStart(tokens: Token[], startToken: number): number {
  let k = startToken;
  const sentence = tokens[startToken].sentence;
  for (;;) {
    if (k > 0 && TITLES.has(tokens[k - 1].text) && tokens[k - 1].sentence === sentence) k--;
    else if (k > 1 && tokens[k - 1].text === '.' && TITLE_ABBREVIATIONS.has(tokens[k - 2].text) && tokens[k - 2].sentence === sentence) k -= 2;
    else break;
  }
  // "Prime Minister", "Defence Minister" (two words before the name)
  if (k > 0 && k === startToken - 1 && /^(Prime|Defence|Defense|Foreign|Interior|Vice|Deputy)$/.test(tokens[k - 1].text)) k--;
  return k;
}

/** What `isUsableName` can tell from a name's text alone, whatever the document. */
interface NameShape {
  /** passes every test that looks at the text alone */
  usable: boolean;
  /** lower case, without a final possessive */
  key: string;
  /** `key` with single spaces */
  spaced: string;
  single: boolean;
  /** one word of capitals and digits, 2 to 7 long (VAB, ODA) */
  acronym: boolean;
}

/** Shapes by text: names recur within and across documents. Bounded for long streams. */
const NAME_SHAPES = new Map<string, NameShape>();

function nameShape(text: string): NameShape {
  let shape = NAME_SHAPES.get(text);
  if (!shape) {
    if (NAME_SHAPES.size >= 20_000) NAME_SHAPES.clear();
    const key = text.toLowerCase().replace(/[’']s$/, '');
    const single = text.split(/\s+/).length === 1;
    shape = { usable: usableText(text, key), key, spaced: key.replace(/\s+/g, ' '), single, acronym: single && /^[\p{Lu}\d-]{2,7}$/u.test(text) };
    NAME_SHAPES.set(text, shape);
  }
  return shape;
}

function isUsableName(text: string, start: number, lowerWords: { has(word: string): boolean }, sentenceStarts: Set<number>, locativeNames: Set<string>, definedAcronyms: Set<string>): boolean {
  const shape = nameShape(text);
  if (!shape.usable) return false;
  if (locativeNames.has(shape.spaced)) return false;
  // a bare acronym the text never spells out is as often hardware or a unit code (VAB, ODA) as an actor
  if (shape.acronym && !definedAcronyms.has(text)) return false;
  // a capitalised word opening a sentence that the text also writes in lower case is an ordinary word
  if (shape.single && sentenceStarts.has(start) && lowerWords.has(shape.key)) return false;
  return true;
}

/** The tests of `isUsableName` on the text alone. */
function usableText(text: string, key: string): boolean {
  if (NOT_ACTORS.has(key)) return false;
  if (/\d/.test(text)) return false;
  if (!/^\p{Lu}/u.test(text)) return false;
  const words = text.split(/\s+/);
  const lw = words.map((w) => w.toLowerCase());
  if (lw.every((w) => GENERIC_NAME_WORDS.has(w))) return false;
  if (lw.some((w) => MONTHS_AND_DAYS.has(w) || NON_ACTOR_WORDS.has(w))) return false;
  if (EVENT_HEADS.has(lw[0]) || DIRECTIONS.has(lw[0]) || PLACE_TYPE_WORDS.has(lw[lw.length - 1])) return false;
  if (lw.some((w) => PLACE_WORDS_ANYWHERE.has(w) || HARDWARE_WORDS.has(w))) return false;
  // a tagged span running over a list ("Bryan Black, Jeremiah Johnson") is no one name
  if (text.includes(',') || text.includes(';')) return false;
  const content = lw.filter((w) => !['and', 'or', 'of', 'the'].includes(w));
  if (content.length > 0 && content.every((w) => ETHNIC_GROUPS.has(w) || ETHNIC_GROUPS.has(w.replace(/s$/, '')))) return false;
  // communities and demonyms name people, not an organised actor ("Tuaregs", "Sahrawi")
  if (words.length === 1 && (ETHNIC_GROUPS.has(key.replace(/s$/, '')) || ETHNIC_GROUPS.has(key) || /^(sahrawis?|arabs?|berbers?|muslims?|islamists?)$/.test(key))) return false;
  if (words.length === 1 && text.length < 2) return false;
  return true;
}

/** `/[\p{L}\d]/u.test(text[i])`, with ASCII settled without the expression. */
function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\d]/u.test(text[i]);
}

/** False when no space-like character is followed by a possibly small letter: then no lower-case
 * word can trail the name, and the expression looking for one need not run. */
function mayHaveLowerWord(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 128) continue;
    const d = text.charCodeAt(i + 1);
    if ((d >= 97 && d <= 122) || d >= 128) return true;
  }
  return false;
}

/** Trims punctuation a tagged span may carry at its edges ("Yatenga Province)"). */
function trimName(n: NameMention, doc: Document): { start: number; end: number; text: string } | null {
  let start = n.start;
  let end = n.end;
  while (start < end && !isLetterOrDigit(doc.text, start)) start++;
  while (end > start && !(doc.text.charCodeAt(end - 1) === 46 || isLetterOrDigit(doc.text, end - 1))) end--;
  // a final full stop belongs to the sentence unless it closes an initial ("John F.")
  if (end > start && doc.text[end - 1] === '.' && !/(?:^|\s)\p{Lu}\.$/u.test(doc.text.slice(start, end))) end--;
  // "The Tongo Tongo", "Splendid Hotel in": determiners in front and lower-case words at the end are not the name
  let text = doc.text.slice(start, end);
  const lead = /^(?:The|A|An|In|On|At)\s+/.exec(text);
  if (lead) start += lead[0].length;
  text = doc.text.slice(start, end);
  const tail = mayHaveLowerWord(text) ? /(?:\s+\p{Ll}[\p{L}-]*)+$/u.exec(text) : null;
  if (tail && tail.index > 0) end = start + tail.index;
  if (end <= start) return null;
  return { start, end, text: doc.text.slice(start, end) };
}

/** A person's name without the role words a tagger left in front ("Senator Ted Cruz" -> "Ted Cruz"). */
function personName(text: string): string | null {
  let name = PERSON_NAMES.get(text);
  if (name === undefined) {
    if (PERSON_NAMES.size >= 20_000) PERSON_NAMES.clear();
    name = stripRoles(text);
    PERSON_NAMES.set(text, name);
  }
  return name;
}

/** `personName` by text: the same names recur. Bounded for long streams. */
const PERSON_NAMES = new Map<string, string | null>();

function stripRoles(text: string): string | null {
  const words = text.split(/\s+/);
  let k = 0;
  while (k < words.length && (ROLE_WORDS.has(words[k].toLowerCase()) || TITLES.has(words[k]))) k++;
  if (k === words.length) return null;
  return words.slice(k).join(' ');
}

/** Whether `text` has white space other than single ASCII spaces: only then do `/\s+/` splits and
 * replacements differ from their plain-space forms. */
function hasOddSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === 32) return true;
    } else if ((c >= 9 && c <= 13) || (c >= 128 && /\s/.test(text[i]))) return true;
  }
  return false;
}

/** `text.split(/\s+/)`, by the plain-space split when that gives the same words. */
function splitWords(text: string): string[] {
  return hasOddSpace(text) ? text.split(/\s+/) : text.split(' ');
}

/** `text.replace(/\s+/g, ' ')`, without the regex run when nothing would change. */
function singleSpaced(text: string): string {
  return hasOddSpace(text) ? text.replace(/\s+/g, ' ') : text;
}

/** `/^\p{Ll}/u` without a regex run on the common ASCII case. */
function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(text);
}

/** `/^\p{Lu}/u` without a regex run on the common ASCII case. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text);
}

/** A cheap test that `text` may be one of LOCATIVES before lower-casing it: their lengths and first letters. */
function maybeLocative(text: string): boolean {
  if (text === 'à') return true;
  if (text.length < 2 || text.length > 10) return false;
  const c = text.charCodeAt(0) | 32;
  return c === 105 || c === 110 || c === 97 || c === 111 || c === 116 || c === 118; // i n a o t v
}

function isLocative(text: string): boolean {
  return maybeLocative(text) && LOCATIVES.has(text.toLowerCase());
}

/** Nouns that make the name after "of" or "de" a place: "the town of Ansongo", "le village de Seytenga". */
const PLACE_NOUNS = new Set([
  'town', 'village', 'city', 'locality', 'hamlet', 'commune', 'district', 'province', 'region', 'area', 'zone', 'department', 'county', 'prefecture',
  'ville', 'localité', 'cercle', 'hameau', 'région', 'secteur', 'département', 'préfecture', 'arrondissement',
  // "près de Djibo", "aux environs de Gao", "à proximité de Tessit"
  'près', 'environs', 'autour', 'proximité', 'nord', 'sud', 'est', 'ouest', 'centre',
]);

function isOfWord(text: string): boolean {
  return text === 'of' || text === 'de' || text === "d'" || text === 'd’';
}

function isPlaceNoun(text: string): boolean {
  return PLACE_NOUNS.has(text.toLowerCase());
}

/** True when token `i` is the "of" or "de" of "the town of", "le village de". */
function placeNounOf(tokens: readonly { text: string }[], i: number): boolean {
  return i > 0 && isOfWord(tokens[i].text) && isPlaceNoun(tokens[i - 1].text);
}

/** Bits of TOKEN_FLAGS. */
const LOCATIVE = 1;
const UPPER = 2;
const OF_WORD = 4;
const PLACE_NOUN = 8;
/** What `provisionalMatches` asks of every token of a document, answered once per word type. */
const TOKEN_FLAGS = new TypeFlags(
  (text) => (isLocative(text) ? LOCATIVE : 0) | (startsUpper(text) ? UPPER : 0) | (isOfWord(text) ? OF_WORD : 0) | (isPlaceNoun(text) ? PLACE_NOUN : 0),
);

/** Slugs of provisional names: the same names come back document after document. Bounded, so a
 * long stream cannot grow it without end. */
const SLUGS = new Map<string, string>();

function cachedSlug(name: string): string {
  let s = SLUGS.get(name);
  if (s === undefined) {
    if (SLUGS.size >= 20_000) SLUGS.clear();
    s = slug(name);
    SLUGS.set(name, s);
  }
  return s;
}

function provisionalMatches(doc: Document, results: Extraction, taken: Candidate[], out: ActorMention[]): void {
  if (results.names.length === 0) return;
  const french = doc.language === 'fr';
  const tokens = results.tokens;
  // the token starting exactly at an offset (the last such token, as a map filled in order would hold),
  // by binary search: a map of every token would cost more than the few look-ups it serves
  const tokenAt = {
    get(pos: number): number | undefined {
      let lo = 0;
      let hi = tokens.length - 1;
      let found: number | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = tokens[mid].start;
        if (s < pos) lo = mid + 1;
        else if (s > pos) hi = mid - 1;
        else {
          found = mid;
          lo = mid + 1;
        }
      }
      return found;
    },
  };
  const sentenceStarts = new Set<number>();
  let lastSentence = -1;
  for (const t of tokens) {
    if (t.sentence !== lastSentence) sentenceStarts.add(t.start);
    lastSentence = t.sentence;
  }
  // whether the text writes a word in lower case: asked for few names (one word opening a
  // sentence), so each asks a scan of the tokens rather than a set of every lower-case word
  const lowerAnswers = new Map<string, boolean>();
  const lowerWords = {
    has(word: string): boolean {
      if (!startsLower(word)) return false;
      let found = lowerAnswers.get(word);
      if (found === undefined) {
        found = false;
        for (let k = 0; k < tokens.length && !found; k++) found = tokens[k].text === word;
        lowerAnswers.set(word, found);
      }
      return found;
    },
  };
  // whether [s, e) overlaps a taken span: among spans starting before e (a prefix once sorted by
  // start), the largest end is past s; a binary search instead of a scan per name
  const takenStarts = taken.map((c) => c.start).sort((a, b) => a - b);
  const byStart = taken.slice().sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (let k = 0; k < byStart.length; k++) maxEnd.push(Math.max(k > 0 ? maxEnd[k - 1] : -Infinity, byStart[k].end));
  const overlaps = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = takenStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (takenStarts[mid] < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > s;
  };

  const names = results.names
    .filter((n) => n.type === 'PER' || n.type === 'ORG')
    .map((n) => ({ n, span: trimName(n, doc) }))
    .filter((x): x is { n: NameMention; span: { start: number; end: number; text: string } } => x.span !== null)
    .sort((a, b) => a.span.start - b.span.start);

  // names the document also uses as places: "in Konna", "near Tongo Tongo"
  const locativeNames = new Set<string>();
  const flags = TOKEN_FLAGS.of(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const locative =
      flags !== undefined
        ? (flags[i] & LOCATIVE) !== 0 || (i > 0 && (flags[i] & OF_WORD) !== 0 && (flags[i - 1] & PLACE_NOUN) !== 0)
        : isLocative(tokens[i].text) || placeNounOf(tokens, i);
    if (!locative || tokens[i + 1].sentence !== tokens[i].sentence) continue;
    let seq = '';
    for (let k = i + 1; k < Math.min(tokens.length, i + 5) && tokens[k].sentence === tokens[i].sentence; k++) {
      if (flags !== undefined ? (flags[k] & UPPER) === 0 : !startsUpper(tokens[k].text)) break;
      seq = seq ? `${seq} ${tokens[k].text.toLowerCase()}` : tokens[k].text.toLowerCase();
      locativeNames.add(seq);
    }
  }
  // "Movement for X (MFX)": the bracketed acronym names the same organisation
  const definedAcronyms = new Map<string, string>();
  // "OUAGADOUGOU (AFP) -" is a dateline: the agency in brackets is no acronym of the city
  const dateline = datelineSpan(doc.text);
  // ("NIAMEY, Aug 20 (AP) — Police in Niger's capital fired …": the word after a dateline opens its sentence)
  if (dateline) {
    const first = tokens.find((t) => t.start >= dateline.end);
    if (first) sentenceStarts.add(first.start);
  }
  for (const { n, span } of names) {
    if (n.type !== 'ORG' || inDateline(dateline, span.start, span.end)) continue;
    const open = tokenAt.get(span.end) ?? tokenAt.get(span.end + 1);
    if (open !== undefined && tokens[open].text === '(' && /^\p{Lu}[\p{Lu}\d-]{1,7}$/u.test(tokens[open + 1]?.text ?? '') && tokens[open + 2]?.text === ')') {
      definedAcronyms.set(tokens[open + 1].text, span.text);
    }
  }
  const acronymSet = new Set(definedAcronyms.keys());
  // a name the tagger also reads as a place in this document is a place ("Léré" tagged PER once, LOC elsewhere)
  for (const n of results.names) if (n.type === 'LOC') locativeNames.add(singleSpaced(n.text.toLowerCase()));
  const usable = names.filter(({ n, span }) => {
    if (overlaps(span.start, span.end)) return false;
    if (isHeadingSpan(doc, span.start, span.end)) {
      if (results.trace) trace(results, { stage: STAGE, rule: 'provisional-heading', message: `a section title, not an actor: ${n.text}`, span: { start: n.start, end: n.end } });
      return false;
    }
    // "Le Burkina Faso", "The Gambia" tagged ORG: the country, which the places stage reads
    if (n.type === 'ORG' && isCountryWithArticle(span.text)) {
      if (results.trace) trace(results, { stage: STAGE, rule: 'provisional-filtered', message: `a country: ${n.text}`, span: { start: n.start, end: n.end } });
      return false;
    }
    const after = tokenAt.get(span.end + 1) ?? tokenAt.get(span.end);
    const medium = after !== undefined && MEDIUM_NOUNS.has(tokens[after].text.toLowerCase());
    if (medium || TITLE_ABBREVIATIONS.has(span.text)) {
      if (results.trace) trace(results, { stage: STAGE, rule: 'provisional-filtered', message: `not an actor: ${n.text}`, span: { start: n.start, end: n.end } });
      return false;
    }
    // ("l'axe Fada N'Gourma-Pama", "the Djibo-Namssiguia road": the towns a road joins)
    if (onRoute(doc.text, span.start, span.end)) {
      if (results.trace) trace(results, { stage: STAGE, rule: 'provisional-filtered', message: `towns a road joins: ${n.text}`, span: { start: n.start, end: n.end } });
      return false;
    }
    if (isUsableName(span.text, span.start, lowerWords, sentenceStarts, locativeNames, acronymSet) && !(french && frenchNonName(span.text))) return true;
    if (results.trace) trace(results, { stage: STAGE, rule: 'provisional-filtered', message: `not an actor: ${n.text}`, span: { start: n.start, end: n.end } });
    return false;
  });

  // full names anywhere in the document, so a surname before or after its full name finds it
  const byName = new Map<string, Target>();
  const fullNames: { last: string; target: Target }[] = [];
  // persons the knowledge base found: "Traoré" after "Captain Ibrahim Traoré" is the same man
  for (const c of taken) {
    if (c.target.kind !== 'person') continue;
    const words = splitWords(doc.text.slice(c.start, c.end));
    if (words.length > 1) fullNames.push({ last: words[words.length - 1], target: c.target });
  }
  const targetFor = (canonical: string, type: NameType): Target => {
    const key = `${type}:${canonical}`;
    let t = byName.get(key);
    if (!t) {
      t = { id: `provisional:${cachedSlug(canonical)}`, name: canonical, kind: type === 'PER' ? 'person' : 'other', inter: null, country: null, provisional: true };
      byName.set(key, t);
    }
    return t;
  };
  // a span the tagger calls ORG but that opens with a person's title is a person ("Senator Ted Cruz")
  for (const x of usable) {
    if (x.n.type !== 'ORG') continue;
    const first = x.span.text.split(/\s+/)[0];
    if ((TITLES.has(first) || ROLE_WORDS.has(first.toLowerCase())) && (personName(x.span.text) ?? '').split(/\s+/).length >= 2) {
      x.n = { ...x.n, type: 'PER' };
    }
  }
  const canonicalOf = (n: NameMention, text: string): string | null => {
    const bare = text.replace(/[’']s$/, '');
    return n.type === 'PER' ? personName(bare) : bare;
  };
  // each name's canonical form and its words, worked out once for the two passes below
  const canonicals: (string | null)[] = [];
  const wordLists: string[][] = [];
  for (const { n, span } of usable) {
    const canonical = canonicalOf(n, span.text);
    canonicals.push(canonical);
    const words = canonical ? splitWords(canonical) : [];
    wordLists.push(words);
    if (!canonical) continue;
    if (n.type === 'PER' && words.length > 1) fullNames.push({ last: words[words.length - 1], target: targetFor(canonical, 'PER') });
  }
  const acronymTargets = new Map<string, Target>();
  for (const [acronym, full] of definedAcronyms) acronymTargets.set(acronym, targetFor(full.replace(/[’']s$/, ''), 'ORG'));

  for (let u = 0; u < usable.length; u++) {
    const { n, span } = usable[u];
    const canonical = canonicals[u];
    if (!canonical || GENERIC_NAME_WORDS.has(canonical.toLowerCase())) continue;
    const words = wordLists[u];
    let target: Target;
    let rule = 'provisional';
    if (n.type === 'PER' && words.length === 1) {
      const full = fullNames.filter((f) => f.last === canonical);
      // a surname shared by two full names stays on its own rather than guessing
      if (full.length > 0 && new Set(full.map((f) => f.target.id)).size === 1) {
        target = full[0].target;
        rule = 'provisional-coref-surname';
      } else {
        target = targetFor(canonical, 'PER');
      }
    } else if (n.type === 'ORG' && acronymTargets.has(canonical)) {
      target = acronymTargets.get(canonical)!;
      rule = 'provisional-coref-acronym';
    } else {
      target = targetFor(canonical, n.type);
    }
    let start = span.start;
    if (n.type === 'PER') {
      const ti = tokenAt.get(span.start);
      if (ti !== undefined) start = tokens[titleStart(tokens, ti)].start;
    }
    out.push(mention(doc, start, span.end, n.sentence, target, rule));
  }
  // uses of a defined acronym the tagger missed
  if (acronymTargets.size > 0) {
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      // acronyms open with a capital: other tokens need no look-up
      if (flags !== undefined ? (flags[k] & UPPER) === 0 : !startsUpper(t.text)) continue;
      const target = acronymTargets.get(t.text);
      if (!target || overlaps(t.start, t.end) || out.some((m) => m.start < t.end && t.start < m.end)) continue;
      out.push(mention(doc, t.start, t.end, t.sentence, target, 'provisional-acronym'));
    }
  }
}

function mention(doc: Document, start: number, end: number, sentence: number, target: Target, rule: string): ActorMention {
  const m: ActorMention = {
    start,
    end,
    text: doc.text.slice(start, end),
    sentence,
    stage: STAGE,
    rule,
    actorId: target.id,
    name: target.name,
    kind: target.kind,
    inter: target.inter,
    country: target.country,
    provisional: target.provisional,
  };
  if (target.unnamed) m.unnamed = true;
  return m;
}

// ---------------------------------------------------------------------------------------------

const WHOLE_KEYED = 0;
const WHOLE_PLAIN = 1;
const JOINED = 2;

/**
 * What a token needs before its look-up: JOINED when it has a hyphen or an apostrophe (the only
 * tokens `splitToken` may split), WHOLE_PLAIN when it is lower-case ASCII without a backtick (its
 * own `pieceKey`: most words of running text, which then cost no lower-casing and no new string),
 * WHOLE_KEYED otherwise.
 */
function tokenForm(text: string): number {
  let form = WHOLE_PLAIN;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019) {
      if (text.length > 1) return JOINED;
      form = WHOLE_KEYED;
    } else if (c >= 128 || c === 96 || (c >= 65 && c <= 90)) form = WHOLE_KEYED;
  }
  return form;
}

interface Vocabulary {
  /** for each word of a trie or a described pattern, its bits: KNOWN, TRIGGER and the tries it opens */
  info: Map<string, number>;
  /** the tries of bits KB, COUNTRY, DEMONYM, FORCE and GOV_FORCES, in that order */
  tries: readonly TrieNode[];
  /** the pieces of each token text that splits, worked out once per text (bounded: see tokenPieces) */
  types: Map<string, PieceType[]>;
  /**
   * What each word type of the tokens stage is made of, by its id: reads of dense arrays per token
   * instead of a look-up by text in the large `info` map. `typeBits` holds the `info` bits of a
   * type that is one piece, TYPE_SEEN, and TYPE_SPLITS for one that splits (its pieces are then in
   * `typeParts`); `typeKeys` the key of a one-piece type. Valid for `wordTypes` at `epoch` only.
   */
  typeBits: Int32Array;
  typeKeys: string[];
  typeParts: (readonly PieceType[] | undefined)[];
  wordTypes: WordTypes | null;
  epoch: number;
}

/** One piece of a split token as its text alone defines it, offsets relative to the token. */
interface PieceType {
  text: string;
  start: number;
  end: number;
  key: string;
  known: boolean;
  starts: number;
  trigger: boolean;
}

/** Per knowledge base (tests bring their own). */
const VOCABULARIES = new WeakMap<ActorKb, Vocabulary>();

function vocabulary(kb: ActorKb): Vocabulary {
  let v = VOCABULARIES.get(kb);
  if (!v) {
    // one look-up per piece answers every question the recognisers ask of its word
    const info = new Map<string, number>();
    const mark = (w: string, bit: number) => info.set(w, (info.get(w) ?? 0) | bit);
    for (const w of trieWords([kb.trie, kb.countryTrie, kb.demonymTrie, FORCE_TRIE, GOVERNMENT_FORCES])) mark(w, KNOWN);
    const firsts: [TrieNode, number][] = [[kb.trie, KB], [kb.countryTrie, COUNTRY], [kb.demonymTrie, DEMONYM], [FORCE_TRIE, FORCE], [GOVERNMENT_FORCES, GOV_FORCES]];
    for (const [trie, bit] of firsts) for (const w of trie.next.keys()) mark(w, bit);
    for (const w of DESCRIBED_TRIGGERS) mark(w, TRIGGER);
    v = { info, tries: firsts.map(([trie]) => trie), types: new Map(), typeBits: new Int32Array(4096), typeKeys: [], typeParts: [], wordTypes: null, epoch: -1 };
    VOCABULARIES.set(kb, v);
  }
  return v;
}

function pieceType(v: Vocabulary, text: string, start: number, end: number): PieceType {
  const key = pieceKey(text);
  const bits = pieceBits(v, key, text);
  return { text, start, end, key, known: (bits & KNOWN) !== 0, starts: bits & STARTS_MASK, trigger: (bits & TRIGGER) !== 0 };
}

/** The `info` bits of a piece's key, with ALONE bits for the tries where its text alone is an entry. */
function pieceBits(v: Vocabulary, key: string, text: string): number {
  let bits = v.info.get(key) ?? 0;
  for (let t = 0; t < v.tries.length; t++) {
    const bit = 1 << t;
    if ((bits & bit) === 0) continue;
    const hits = v.tries[t].next.get(key)!.hits;
    if ((bit & CASE_CHECKED) !== 0 ? hits.some((h) => caseAllows(h, [text])) : hits.length > 0) bits |= bit << ALONE;
  }
  return bits;
}

/** The pieces of a token that splits ("al-Qaida", "'s", "d'Ivoire"): worked out once per text,
 * since splitting runs a regular expression. */
function tokenPieces(v: Vocabulary, text: string): PieceType[] {
  let parts = v.types.get(text);
  if (parts === undefined) {
    if (v.types.size >= 50_000) v.types.clear();
    const raw: Piece[] = [];
    splitToken(text, 0, raw);
    parts = raw.map((p) => pieceType(v, p.text, p.start, p.end));
    v.types.set(text, parts);
  }
  return parts;
}

/** The pieces of a token text: one for most tokens, several for one that splits. */
function piecesOf(v: Vocabulary, text: string): readonly PieceType[] {
  const form = tokenForm(text);
  if (form === JOINED) return tokenPieces(v, text);
  // a lower-case ASCII word is its own key: no lower-casing, no new string
  const key = form === WHOLE_PLAIN ? text : pieceKey(text);
  const bits = pieceBits(v, key, text);
  return [{ text, start: 0, end: text.length, key, known: (bits & KNOWN) !== 0, starts: bits & STARTS_MASK, trigger: (bits & TRIGGER) !== 0 }];
}

/** Bits of `Vocabulary.typeBits` besides those of `info` and ALONE. */
const TYPE_SEEN = 128;
const TYPE_SPLITS = 256;
const FIRST_WORDS = KB | COUNTRY | DEMONYM | FORCE | GOV_FORCES;
const STARTS_MASK = FIRST_WORDS | (FIRST_WORDS << ALONE);

/** The word types of `tokens`, with `v`'s tables made current for them; null when the tokens stage did not number them. */
function currentTypes(tokens: readonly Token[], v: Vocabulary): TokenTypes | null {
  const typed = tokenTypes(tokens);
  if (!typed) return null;
  const size = typed.types.size;
  if (v.wordTypes !== typed.types || v.epoch !== typed.epoch) {
    v.typeBits.fill(0);
    v.typeKeys = [];
    v.typeParts = [];
    v.wordTypes = typed.types;
    v.epoch = typed.epoch;
  }
  v.typeBits = typeTableFor(v.typeBits, size);
  // filled up to the number of types, so the arrays stay dense whatever id comes first
  for (let id = v.typeKeys.length; id < size; id++) {
    v.typeKeys.push('');
    v.typeParts.push(undefined);
  }
  return typed;
}

/** Records word type `id` (of text `text`) in `v`'s tables; returns its bits. */
function learnType(v: Vocabulary, id: number, text: string): number {
  const parts = piecesOf(v, text);
  let bits = TYPE_SEEN;
  if (parts.length === 1 && tokenForm(text) !== JOINED) {
    const p = parts[0];
    bits |= (p.known ? KNOWN : 0) | p.starts | (p.trigger ? TRIGGER : 0);
    v.typeKeys[id] = p.key;
  } else {
    bits |= TYPE_SPLITS;
    // what its pieces allow, so a sentence can be judged by its types alone
    for (const p of parts) bits |= p.starts | (p.trigger ? TRIGGER : 0) | (p.known ? KNOWN : 0);
    v.typeParts[id] = parts;
  }
  v.typeBits[id] = bits;
  return bits;
}

/**
 * Whether the English recognisers may find a candidate in the tokens [from, to) of one sentence:
 * only where a described pattern opens, or a walk may reach an entry (a word that is an entry
 * alone, or the first word of one before its second; a token that splits may hold both).
 */
function mayHoldActor(v: Vocabulary, ids: Int32Array, from: number, to: number): boolean {
  const typeBits = v.typeBits;
  for (let index = from; index < to; index++) {
    const bits = typeBits[ids[index]];
    if ((bits & (TRIGGER | (FIRST_WORDS << ALONE))) !== 0) return true;
    if ((bits & FIRST_WORDS) === 0) continue;
    if ((bits & TYPE_SPLITS) !== 0) return true;
    if (index + 1 === to) continue;
    const nextId = ids[index + 1];
    const nextBits = typeBits[nextId];
    if ((nextBits & KNOWN) === 0) continue;
    const nextKey = (nextBits & TYPE_SPLITS) === 0 ? v.typeKeys[nextId] : v.typeParts[nextId]![0].key;
    const key = v.typeKeys[ids[index]];
    for (let t = 0; t < v.tries.length; t++) if ((bits & (1 << t)) !== 0 && v.tries[t].next.get(key)!.next.has(nextKey)) return true;
  }
  return false;
}

/**
 * The pieces of each sentence, by sentence index. With `everySentence` false, a sentence that
 * `mayHoldActor` rules out is left out: most sentences of a report name no actor, and every
 * English recogniser would pass over them without a candidate.
 */
function sentencePieces(tokens: readonly Token[], v: Vocabulary, everySentence: boolean): SentencePiece[][] {
  const typed = currentTypes(tokens, v);
  const bySentence: SentencePiece[][] = [];
  if (!typed) {
    for (let index = 0; index < tokens.length; index++) addPieces((bySentence[tokens[index].sentence] ??= []), tokens[index], piecesOf(v, tokens[index].text));
    return bySentence;
  }
  const { ids, sentenceLengths } = typed;
  // each sentence is one run of tokens, its length known: the bits of its types decide before any token object is read
  for (let s = 0, from = 0; s < sentenceLengths.length; s++) {
    const to = from + sentenceLengths[s];
    for (let index = from; index < to; index++) if (v.typeBits[ids[index]] === 0) learnType(v, ids[index], tokens[index].text);
    if (everySentence || mayHoldActor(v, ids, from, to)) {
      const list = (bySentence[tokens[from].sentence] ??= []);
      for (let index = from; index < to; index++) {
        const t = tokens[index];
        const id = ids[index];
        const bits = v.typeBits[id];
        // most tokens are one piece: its fields come from the dense tables, no object of the type is read
        if ((bits & TYPE_SPLITS) === 0) list.push({ text: t.text, start: t.start, end: t.start + t.text.length, first: true, last: true, key: v.typeKeys[id], known: (bits & KNOWN) !== 0, starts: bits & STARTS_MASK, trigger: (bits & TRIGGER) !== 0 });
        else addPieces(list, t, v.typeParts[id]!);
      }
    }
    from = to;
  }
  return bySentence;
}

function addPieces(list: SentencePiece[], t: Token, parts: readonly PieceType[]): void {
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    list.push({ text: p.text, start: t.start + p.start, end: t.start + p.end, first: k === 0, last: k === parts.length - 1, key: p.key, known: p.known, starts: p.starts, trigger: p.trigger });
  }
}

/** Non-overlapping choice: longer spans first, then priority, then earlier. */
function select(cands: Candidate[]): Candidate[] {
  const sorted = cands.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of sorted) if (!chosen.some((x) => x.start < c.end && c.start < x.end)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

/** Runs every recogniser over the document; exported for tests with a knowledge base of their own. */
export function findActors(doc: Document, results: Extraction, kb: ActorKb = actorKb()): ActorMention[] {
  // French recognisers read words outside the tries: they see every sentence
  const french = doc.language === 'fr';
  const sentences = sentencePieces(results.tokens, vocabulary(kb), french);
  const ctx = documentContext(doc, sentences, kb);
  if (french) countFrenchCountries(sentences, ctx);
  let chosen: Candidate[] = [];
  const nested: Candidate[] = [];
  sentences.forEach((pieces, sentence) => {
    if (!pieces) return;
    const cands: Candidate[] = [];
    kbMatches(pieces, kb, ctx, cands);
    demonymMatches(pieces, kb, cands);
    countryActorMatches(pieces, kb, cands);
    describedMatches(pieces, kb, ctx, cands);
    bareForceMatches(pieces, cands);
    if (french) {
      frenchForceMatches(pieces, kb, cands);
      frenchDescribedMatches(pieces, cands);
    }
    const picked = select(cands);
    for (const c of picked) (c as Candidate & { sentence?: number }).sentence = sentence;
    chosen.push(...picked);
    // a named group inside a described one is a mention too: "al-Qaida" in "al-Qaida-affiliated groups"
    for (const c of cands) {
      if (!c.rule.startsWith('kb-alias') || picked.includes(c)) continue;
      const host = picked.find((p) => (p.rule.startsWith('described:affiliated') || p.rule === 'described:apposition') && p.start <= c.start && c.end <= p.end);
      if (host && !nested.some((n) => n.start === c.start)) nested.push({ ...c, rule: 'kb-alias-nested', ...{ sentence } });
    }
  });
  chosen = resolveBareForces(chosen, kb, ctx);
  const out: ActorMention[] = [];
  for (const c of [...chosen, ...nested]) {
    const sentence = (c as Candidate & { sentence: number }).sentence;
    out.push(mention(doc, c.start, c.end, sentence, c.target, c.rule));
  }
  provisionalMatches(doc, results, chosen, out);
  // a person named in full once keeps that identity when the text later uses the surname alone
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const ARTICLE = /^(?:the|le|la|les|l['’])\s*/iu;

/** A name that is a country's with its article ("Le Burkina Faso", "la Mauritanie"). */
function isCountryWithArticle(text: string): boolean {
  const article = ARTICLE.exec(text);
  return article !== null && countryNamed(text.slice(article[0].length)) !== null;
}

export const actorsStage: Stage = {
  name: STAGE,
  run(doc, results) {
    // "OUAGADOUGOU (AFP) -": the city a story was filed from, and the agency, act in nothing it tells
    const dateline = datelineSpan(doc.text);
    for (const m of findActors(doc, results)) {
      if (inDateline(dateline, m.start, m.end)) continue;
      results.actors.push(m);
      if (results.trace) trace(results, { stage: STAGE, rule: m.rule, message: `${m.text} -> ${m.actorId}`, span: { start: m.start, end: m.end } });
    }
  },
};
