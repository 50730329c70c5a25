import type { ActorMention, NameMention, NameType } from '../../model.js';
import { emptyExtraction } from '../../model.js';
import { documentFromText } from '../../ingest/document.js';
import { tokensStage } from './tokens.js';
import { findActors } from './actors.js';

/** Runs the tokens stage and the actor recognisers on `text`, with the tagger's names given by
 * hand (`[text, type]`, each the first occurrence not yet used), so the tests do not depend on the
 * tagger's model. */
export function actorsOf(text: string, names: [string, NameType][] = [], published: string | null = null): ActorMention[] {
  const doc = documentFromText(text, published);
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  const used: [number, number][] = [];
  for (const [name, type] of names) {
    let at = doc.text.indexOf(name);
    while (at >= 0 && used.some(([s, e]) => s < at + name.length && at < e)) at = doc.text.indexOf(name, at + 1);
    if (at < 0) throw new Error(`fixture: "${name}" not in text`);
    used.push([at, at + name.length]);
    const sentence = doc.sentences.find((s) => s.start <= at && at < s.end)?.index ?? 0;
    const m: NameMention = { start: at, end: at + name.length, text: name, sentence, type, stage: 'names', rule: 'fixture' };
    results.names.push(m);
  }
  return findActors(doc, results);
}

/** `text -> id` lines, the easiest form to compare. */
export function pairs(mentions: ActorMention[]): string[] {
  return mentions.map((m) => `${m.text} -> ${m.actorId}`);
}
