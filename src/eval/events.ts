import { readFileSync } from 'node:fs';
import type { Evaluator } from './evaluator.js';
import { classScores, scoresTable } from './_classify-metrics.js';
import { classifyText } from '../extract/events/detect.js';

/**
 * CASE 2021 shared task 2 (Haneczok et al. 2021): `id<TAB>EventSnippet<TAB>SubType`, one label per
 * snippet among 25 ACLED sub-event types and 5 others (ORG_CRIME, NATURAL_DISASTER,
 * MAN_MADE_DISASTER, DIPLO, ATTRIB). sitrep classifies each snippet's main event and its kind is
 * mapped to those labels.
 */

export const CASE_LABELS = [
  'ABDUCT_DISSAP', 'AGREEMENT', 'AIR_STRIKE', 'ARMED_CLASH', 'ARREST', 'ART_MISS_ATTACK', 'ATTACK', 'CHANGE_TO_GROUP_ACT',
  'CHEM_WEAP', 'DISR_WEAP', 'FORCE_AGAINST_PROTEST', 'GOV_REGAINS_TERIT', 'GRENADE', 'HQ_ESTABLISHED', 'MOB_VIOL',
  'NON_STATE_ACTOR_OVERTAKES_TER', 'NON_VIOL_TERRIT_TRANSFER', 'OTHER', 'PEACE_PROTEST', 'PROPERTY_DISTRUCT',
  'PROTEST_WITH_INTER', 'REM_EXPLOS', 'SEX_VIOL', 'SUIC_BOMB', 'VIOL_DEMONSTR', 'ORG_CRIME', 'NATURAL_DISASTER',
  'MAN_MADE_DISASTER', 'DIPLO', 'ATTRIB',
] as const;

const KIND_TO_CASE: Record<string, string> = {
  'armed-clash': 'ARMED_CLASH',
  'government-regains': 'GOV_REGAINS_TERIT',
  'nonstate-overtakes': 'NON_STATE_ACTOR_OVERTAKES_TER',
  'chemical-weapon': 'CHEM_WEAP',
  'air-strike': 'AIR_STRIKE',
  'drone-strike': 'AIR_STRIKE',
  'suicide-bomb': 'SUIC_BOMB',
  shelling: 'ART_MISS_ATTACK',
  'remote-explosive': 'REM_EXPLOS',
  grenade: 'GRENADE',
  'sexual-violence': 'SEX_VIOL',
  attack: 'ATTACK',
  abduction: 'ABDUCT_DISSAP',
  'peaceful-protest': 'PEACE_PROTEST',
  'protest-intervention': 'PROTEST_WITH_INTER',
  'excessive-force': 'FORCE_AGAINST_PROTEST',
  'violent-demonstration': 'VIOL_DEMONSTR',
  'mob-violence': 'MOB_VIOL',
  agreement: 'AGREEMENT',
  ceasefire: 'AGREEMENT',
  arrest: 'ARREST',
  'change-to-group': 'CHANGE_TO_GROUP_ACT',
  withdrawal: 'CHANGE_TO_GROUP_ACT',
  deployment: 'CHANGE_TO_GROUP_ACT',
  'group-creation': 'CHANGE_TO_GROUP_ACT',
  rebranding: 'CHANGE_TO_GROUP_ACT',
  'disrupted-weapons': 'DISR_WEAP',
  'base-established': 'HQ_ESTABLISHED',
  looting: 'PROPERTY_DISTRUCT',
  'territory-transfer': 'NON_VIOL_TERRIT_TRANSFER',
  'other-development': 'OTHER',
  displacement: 'OTHER',
  coup: 'OTHER',
  'leader-death': 'OTHER',
  negotiation: 'AGREEMENT',
  'military-aid': 'OTHER',
  'organised-crime': 'ORG_CRIME',
  'natural-disaster': 'NATURAL_DISASTER',
  'manmade-disaster': 'MAN_MADE_DISASTER',
  sanction: 'DIPLO',
  diplomatic: 'DIPLO',
  accusation: 'ATTRIB',
  responsibility: 'ATTRIB',
  threat: 'OTHER',
};

export function caseLabel(kind: string | null): string {
  if (!kind) return 'OTHER';
  return KIND_TO_CASE[kind] ?? 'OTHER';
}

export interface CaseItem {
  id: string;
  text: string;
  label: string;
}

export function readCase(path: string): CaseItem[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: CaseItem[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [id, text, label] = line.split('\t');
    out.push({ id, text, label: label.trim() });
  }
  return out;
}

/** End of the first sentence of a snippet: a full stop followed by a capital. */
export function leadEnd(text: string): number {
  const m = /[.!?]["”’]?\s+(?=[\p{Lu}"“])/u.exec(text);
  return m ? m.index + 1 : text.length;
}

export function classifySnippet(text: string): string {
  return caseLabel(classifyText(text, 0, 1, leadEnd(text))?.kind ?? null);
}

export const evaluator: Evaluator = {
  task: 'events',
  description: 'Event sub-type classification on CASE 2021 task 2 snippets (25 ACLED sub-types + 5 others): accuracy, micro/macro/weighted F1',
  defaultData: ['../shared/bench/events/case2021-task2-dev.tsv'],
  async run({ data }) {
    const items = readCase(data);
    const pairs = items.map((it) => ({ gold: it.label, predicted: classifySnippet(it.text) }));
    const s = classScores(pairs, CASE_LABELS);
    return {
      task: 'events',
      data,
      overall: { accuracy: s.accuracy, microF1: s.microF1, macroF1: s.macroF1, weightedF1: s.weightedF1, method: 'rules (data/cues/events.yaml), no training' },
      details: { snippets: items.length, perLabel: s.perLabel, confusion: s.confusion },
      table: `${items.length} snippets, rules only\n${scoresTable(s, CASE_LABELS)}`,
    };
  },
};
