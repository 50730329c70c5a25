import type { Stage } from '../stage.js';
import type { Token } from '../../model.js';
import { scanTokens } from '../../text/tokenize.js';
import { typeTableFor, WordTypes } from '../../text/wordtypes.js';

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

/**
 * A test of token texts answered once per word type: a later stage's per-token question (a set
 * look-up, often after lower-casing) costs an array read for every token but a type's first.
 * The answer must depend on the text alone; it is a small number (0 to 254).
 */
export class TypeFlags {
  /** per type id, its answer + 1; 0: not asked yet */
  private memo = new Uint8Array(4096);
  private types: WordTypes | null = null;
  private epoch = -1;

  constructor(private readonly classify: (text: string) => number) {}

  /** `classify(token.text)` for each of the document's tokens; undefined when the tokens stage did not number them. */
  of(tokens: readonly Token[]): Uint8Array | undefined {
    const typed = tokenTypes(tokens);
    if (!typed) return undefined;
    if (typed.types !== this.types || typed.epoch !== this.epoch) {
      this.memo.fill(0);
      this.types = typed.types;
      this.epoch = typed.epoch;
    }
    this.memo = typeTableFor(this.memo, typed.types.size);
    const memo = this.memo;
    const ids = typed.ids;
    const out = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const id = ids[i];
      let answer = memo[id];
      if (answer === 0) memo[id] = answer = this.classify(tokens[i].text) + 1;
      out[i] = answer - 1;
    }
    return out;
  }
}
