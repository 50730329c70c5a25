import type { Token } from '../../model.js';
import type { WordTypes } from '../../text/wordtypes.js';
import { FOLDING_HAZARD } from '../events/prefilter.js';
import { tokenTypes } from '../stages/tokens.js';

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
    const typed = tokenTypes(tokens);
    if (typed) {
      const byType = lowerByType(typed.types, typed.epoch);
      const ids = typed.ids;
      for (let i = 0; i < tokens.length; i++) {
        const id = ids[i];
        let l = byType[id];
        if (l === undefined) byType[id] = l = tokens[i].text.toLowerCase();
        lower[i] = l;
      }
    } else {
      for (let i = 0; i < tokens.length; i++) lower[i] = tokens[i].text.toLowerCase();
    }
    cache.set(tokens, lower);
  }
  return lower;
}

/** Each word type's lower case, by its id: a type's first token lower-cases it, the others read it. */
let lowerOfType: (string | undefined)[] = [];
let lowerTypes: WordTypes | null = null;
let lowerEpoch = -1;

function lowerByType(types: WordTypes, epoch: number): (string | undefined)[] {
  if (types !== lowerTypes || epoch !== lowerEpoch) {
    lowerOfType = [];
    lowerTypes = types;
    lowerEpoch = epoch;
  }
  // filled with undefined up to the number of types, so the array stays dense whatever id comes first
  for (let id = lowerOfType.length; id < types.size; id++) lowerOfType.push(undefined);
  return lowerOfType;
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
