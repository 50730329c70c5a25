import type { Token } from '../../model.js';

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
