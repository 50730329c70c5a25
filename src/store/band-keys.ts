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
