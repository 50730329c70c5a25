import type { Token } from '../../model.js';
import { FOLDING_HAZARD } from '../events/prefilter.js';

const cache = new WeakMap<readonly Token[], string[]>();

/**
 * The lower-case text of each token of a document's token stream, computed once per document and
 * shared by the stages that look tokens up by word (sources, quantities): lower-casing every
 * token is a large share of what those stages cost, and the stream does not change after the
 * tokens stage.
 */
export function lowerTokens(tokens: readonly Token[]): string[] {
  let lower = cache.get(tokens);
  if (lower === undefined || lower.length !== tokens.length) {
    lower = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) lower[i] = tokens[i].text.toLowerCase();
    cache.set(tokens, lower);
  }
  return lower;
}


let lastText: string | null = null;
let lastLower = '';
let lastHazard = false;

/** A document's text lower-cased, kept for the next caller: the events and statements stages
 * both read the same document lower-cased. */
export function lowerText(text: string): string {
  if (text !== lastText) remember(text);
  return lastLower;
}

/** Whether the text holds a character of FOLDING_HAZARD, kept like lowerText. */
export function hasFoldingHazard(text: string): boolean {
  if (text !== lastText) remember(text);
  return lastHazard;
}

function remember(text: string): void {
  lastLower = text.toLowerCase();
  lastHazard = FOLDING_HAZARD.test(text);
  lastText = text;
}
