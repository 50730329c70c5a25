import { describe, expect, it } from 'vitest';
import {
  bandKeys,
  BANDS,
  estimateSimilarity,
  minhash,
  NUM_HASHES,
  signatureFromBuffer,
  signatureToBuffer,
  STORY_THRESHOLD,
} from './stories.js';

// From the English Wikipedia article "MINUSMA super camp attack" (CC BY-SA 4.0).
const STORY = [
  'On 14 April 2018, militants attacked the MINUSMA base in Timbuktu Airport, known informally as the "super camp". The JNIM later claimed responsibility for the attack, in reprisal for the deaths of some of their commanders in clashes that occurred about a week earlier.',
  'JNIM militants began their attack on 14 April 2018 by launching 11 rockets and mortar shells at the MINUSMA super camp. Two vehicles carrying militants disguised as peacekeepers later approached the camp, one of which exploded inside the base, whilst the other was disabled before it reached troops.',
  'The four Americans and Malian civilians were eventually extracted by a Quick Reaction Force from Côte d’Ivoire. Two U.S. service members received Purple Hearts medals after being wounded by a car bomb. The United Nations announced that the attack was repelled and condemned the attack.',
].join('\n\n');

// From "Battle of Boulikessi" (CC BY-SA 4.0): another attack by the same group, in the same war.
const OTHER =
  'On the evening of October 30, 2020, a French army operation was launched against a group of jihadists of JNIM while the latter were preparing an attack on the Malian locality of Boulikessi, near the border with Burkina Faso. The jihadist column on motorcycles was first spotted by a drone. Several dozen Special Forces soldiers from Operation Sabre then intervened on the ground with the support of drone and helicopter strikes.';

const sameStory = (a: string, b: string): boolean => {
  const sa = minhash(a);
  const sb = minhash(b);
  const shared = bandKeys(sa).some((k) => bandKeys(sb).includes(k));
  return shared && estimateSimilarity(sa, sb) >= STORY_THRESHOLD;
};

describe('minhash', () => {
  it('is deterministic and ignores case, punctuation and layout', () => {
    expect(Array.from(minhash(STORY))).toEqual(Array.from(minhash(STORY)));
    expect(estimateSimilarity(minhash(STORY), minhash(STORY.toUpperCase().replace(/\n\n/g, ' ').replace(/[,.]/g, ' ')))).toBe(1);
    expect(minhash(STORY)).toHaveLength(NUM_HASHES);
  });

  it('groups syndicated copies: other headline, boilerplate, trimmed ending', () => {
    const copy = `UN base in Timbuktu attacked\n\nTIMBUKTU (Example Wire) — ${STORY.split('\n\n').slice(0, 2).join('\n\n')}\n\n© Example Wire. All rights reserved.`;
    expect(sameStory(STORY, copy)).toBe(true);
  });

  it('keeps apart two stories about the same group and war', () => {
    expect(estimateSimilarity(minhash(STORY), minhash(OTHER))).toBeLessThan(0.05);
    expect(sameStory(STORY, OTHER)).toBe(false);
  });

  it('treats an empty text as similar to nothing', () => {
    expect(estimateSimilarity(minhash(''), minhash(''))).toBe(0);
    expect(bandKeys(minhash('  '))).toEqual([]);
  });

  it('handles a text shorter than one shingle', () => {
    expect(estimateSimilarity(minhash('Gao attacked'), minhash('gao, attacked!'))).toBe(1);
  });
});

describe('bandKeys and storage', () => {
  it('gives one key per band, equal for equal bands', () => {
    const keys = bandKeys(minhash(STORY));
    expect(keys).toHaveLength(BANDS);
    expect(new Set(keys).size).toBe(BANDS);
    expect(keys[0]).toMatch(/^00:[0-9a-f]{16}$/);
  });

  it('round-trips a signature through a buffer', () => {
    const sig = minhash(STORY);
    const buf = signatureToBuffer(sig);
    expect(buf.length).toBe(NUM_HASHES * 4);
    expect(Array.from(signatureFromBuffer(buf))).toEqual(Array.from(sig));
    // an unaligned view, as a database driver may hand back
    const padded = Buffer.concat([Buffer.from([7]), buf]).subarray(1);
    expect(Array.from(signatureFromBuffer(padded))).toEqual(Array.from(sig));
    expect(() => signatureFromBuffer(Buffer.alloc(5))).toThrow(/multiple of 4/);
  });
});
