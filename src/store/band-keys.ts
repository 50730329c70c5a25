import { forEachBand } from '../resolve/stories.js';

/**
 * An LSH band key of src/resolve/stories.ts ("bb:" then 16 hex digits: the band and two 32-bit
 * row hashes) as one non-negative 64-bit integer for the story_bands table: the band in the top
 * bits, then the first 56 bits of the hash. Dropping 8 of 64 hash bits within a band can only
 * add a candidate, whose signature similarity is then checked like any other.
 */
export function bandKeyNumber(key: string): bigint {
  const m = /^([0-9a-f]{2}):([0-9a-f]{14})[0-9a-f]{2}$/.exec(key);
  if (!m) throw new Error(`not a band key: "${key}"`);
  return (BigInt(`0x${m[1]}`) << 56n) | BigInt(`0x${m[2]}`);
}

/**
 * `bandKeys(sig).map(bandKeyNumber)` without the strings: the band, then h1, then the top 24
 * bits of h2 (the 14 hex digits bandKeyNumber keeps). Every band gives one key, so they are
 * distinct.
 */
export function bandKeyNumbers(sig: Uint32Array): bigint[] {
  const out: bigint[] = [];
  forEachBand(sig, (b, h1, h2) => {
    out.push((BigInt(b) << 56n) | (BigInt(h1) << 24n) | BigInt(h2 >>> 8));
  });
  return out;
}
