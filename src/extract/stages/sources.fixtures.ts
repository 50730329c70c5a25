import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction, type Document, type SourceMention } from '../../model.js';
import { tokensStage } from './tokens.js';
import { sourcesStage } from './sources.js';

/** Runs the tokens and sources stages only on `text`, so the tests do not depend on the name or actor models. */
export function sourcesOf(text: string): { doc: Document; sources: SourceMention[] } {
  const doc = documentFromText(text);
  const results = emptyExtraction();
  tokensStage.run(doc, results);
  sourcesStage.run(doc, results);
  return { doc, sources: results.sources };
}
