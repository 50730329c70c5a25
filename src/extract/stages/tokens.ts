import type { Stage } from '../stage.js';
import type { Token } from '../../model.js';
import { scanTokens } from '../../text/tokenize.js';
import { WordTypes } from '../../text/wordtypes.js';

/** The word-type ids of a document's tokens, as the tokens stage numbered them. */
export interface TokenTypes {
  types: WordTypes;
  /** types.epoch when the ids were handed out: they are stale once it differs */
  epoch: number;
  /** per token, the id of its text's type */
  ids: Int32Array;
  /** tokens per sentence, in order, for the sentences that have any (as the tokens' `sentence` numbers group them) */
  sentenceLengths: Int32Array;
}

/** One table for every document: a type's id stays the same from one document to the next. */
const wordTypes = new WordTypes();
/** bound on the table: a stream of news keeps adding numbers and rare names */
const MAX_TYPES = 1 << 19;
/** Beside the token list rather than on each token, so the tokens stay what every stage and result shows. */
const typesByTokens = new WeakMap<readonly Token[], TokenTypes>();
let scratch = new Int32Array(4096);
let lengths = new Int32Array(256);

/**
 * The word-type ids of `tokens` when the tokens stage made them and they are still current;
 * undefined otherwise (the caller then reads the tokens' texts).
 */
export function tokenTypes(tokens: readonly Token[]): TokenTypes | undefined {
  const found = typesByTokens.get(tokens);
  return found && found.epoch === found.types.epoch && found.ids.length === tokens.length ? found : undefined;
}

/**
 * Tokenises sentence by sentence, so every later stage shares one token stream. Each token's
 * text is its type's text (one string per distinct word, made on first sight).
 */
export const tokensStage: Stage = {
  name: 'tokens',
  run(doc, results) {
    const text = doc.text;
    const tokens = results.tokens;
    // between documents only, so no document's ids span two epochs
    if (wordTypes.size > MAX_TYPES) wordTypes.clear();
    const first = tokens.length;
    let n = 0;
    let sentences = 0;
    let lastIndex = -1;
    for (const sentence of doc.sentences) {
      // Scanned in place: each sentence is read as if it were the whole string, without a copy.
      const index = sentence.index;
      const before = n;
      scanTokens(text, sentence.start, sentence.end, (start, end) => {
        const id = wordTypes.idOf(text, start, end);
        if (n === scratch.length) {
          const grown = new Int32Array(n * 2);
          grown.set(scratch);
          scratch = grown;
        }
        scratch[n++] = id;
        tokens.push({ start, end, text: wordTypes.text(id), sentence: index });
      });
      if (n === before) continue;
      if (index === lastIndex) lengths[sentences - 1] += n - before;
      else {
        if (sentences === lengths.length) {
          const grown = new Int32Array(sentences * 2);
          grown.set(lengths);
          lengths = grown;
        }
        lengths[sentences++] = n - before;
      }
      lastIndex = index;
    }
    if (first === 0) typesByTokens.set(tokens, { types: wordTypes, epoch: wordTypes.epoch, ids: scratch.slice(0, n), sentenceLengths: lengths.slice(0, sentences) });
  },
};
