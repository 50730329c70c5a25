import type { Stage } from '../stage.js';
import { tokenize } from '../../text/tokenize.js';

/** Tokenises sentence by sentence, so every later stage shares one token stream. */
export const tokensStage: Stage = {
  name: 'tokens',
  run(doc, results) {
    for (const sentence of doc.sentences) {
      for (const t of tokenize(doc.text.slice(sentence.start, sentence.end), sentence.start)) {
        results.tokens.push({ ...t, sentence: sentence.index });
      }
    }
  },
};
