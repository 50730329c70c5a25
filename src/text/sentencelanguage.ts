/**
 * Whether a sentence of a document detected as French reads as English by its function words: a
 * short English text may be detected as French, and its sentences are then read with the English
 * words of the quantities and event stages. Function words only, so no topic word tips the vote.
 */
const ENGLISH_FUNCTION_WORDS = /\b(?:the|of|and|was|were|is|are|in|on|with|by|from|to|said|has|have|had|near|after|at)\b/gi;
const FRENCH_FUNCTION_WORDS = /(?:\b(?:le|la|les|des|du|de|et|est|ont|sont|dans|sur|par|pour|une|un|au|aux|près|selon)\b|\b[ldjnq][’'])/gi;

export function looksEnglish(sentence: string): boolean {
  const english = sentence.match(ENGLISH_FUNCTION_WORDS)?.length ?? 0;
  const french = sentence.match(FRENCH_FUNCTION_WORDS)?.length ?? 0;
  return english > french;
}
