import type { Stage } from '../stage.js';
import { scanTokens } from '../../text/tokenize.js';

/** Tokenises sentence by sentence, so every later stage shares one token stream. */
export const tokensStage: Stage = {
  name: 'tokens',
  run(doc, results) {
    const text = doc.text;
    const tokens = results.tokens;
    for (const sentence of doc.sentences) {
      // Scanned in place: each sentence is read as if it were the whole string, without a copy.
      const index = sentence.index;
      scanTokens(text, sentence.start, sentence.end, (start, end) => {
        tokens.push({ start, end, text: text.slice(start, end), sentence: index });
      });
    }
  },
};
