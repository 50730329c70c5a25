/** Murmur3's 32-bit finaliser: a bijection on 32-bit integers that spreads every input bit over
 * the output. Shared by the tagger's feature hashing and story grouping's MinHash. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
