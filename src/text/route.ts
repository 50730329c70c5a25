/**
 * Roads named after the towns they join: "the Djibo-Namssiguia road", "l'axe Fada N'Gourma-Pama".
 * Each town is a place, not a person nor a word of an organisation's name, whatever a tagger reads.
 */

const PAIR_BEFORE = /(?:[\p{Lu}][\p{L}'’]*(?:\s[\p{Lu}][\p{L}'’]*){0,2}-)+$/u;
const PAIR_AFTER = /^(?:-[\p{Lu}][\p{L}'’]*(?:\s[\p{Lu}][\p{L}'’]*){0,2})+/u;
const ROUTE_NOUN_AFTER = /^\s+(?:road|highway|axis|route|corridor|track)s?\b/i;
const ROUTE_NOUN_BEFORE = /(?:^|[^\p{L}])(?:axe|route|road|axis|piste|tronçon|highway|corridor)\s+(?:(?:de|du|from|between|reliant)\s+)?$/iu;

const JOINED_INSIDE = /[\p{L}'’]-\p{Lu}/u;

/**
 * Whether [start, end) is one of the towns a hyphen joins in the name of a road ("the X-Y road",
 * "l'axe X-Y"), or the whole pair.
 */
export function onRoute(text: string, start: number, end: number): boolean {
  const left = PAIR_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  const right = PAIR_AFTER.exec(text.slice(end, end + 40));
  if (!left && !right && !JOINED_INSIDE.test(text.slice(start, end))) return false;
  const from = start - (left?.[0].length ?? 0);
  const to = end + (right?.[0].length ?? 0);
  return ROUTE_NOUN_AFTER.test(text.slice(to, to + 20)) || ROUTE_NOUN_BEFORE.test(text.slice(Math.max(0, from - 25), from));
}
