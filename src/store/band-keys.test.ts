import { describe, expect, it } from 'vitest';
import { bandKeys, minhash } from '../resolve/stories.js';
import { bandKeyNumber, bandKeyNumbers } from './band-keys.js';

describe('band keys as integers', () => {
  it('are distinct per band, non-negative and within 64 signed bits', () => {
    const text = 'French Mirage jets struck a meeting of JNIM fighters near Boulikessi in central Mali on 30 October 2020, Florence Parly said.';
    const keys = bandKeys(minhash(text));
    expect(keys.length).toBeGreaterThan(0);
    const numbers = keys.map(bandKeyNumber);
    expect(new Set(numbers).size).toBe(new Set(keys).size);
    for (const [i, n] of numbers.entries()) {
      expect(n >= 0n && n < 1n << 63n).toBe(true);
      expect(Number(n >> 56n)).toBe(parseInt(keys[i]!.slice(0, 2), 16));
    }
  });

  it('the same key always gives the same number', () => {
    expect(bandKeyNumber('3f:0123456789abcdef')).toBe((0x3fn << 56n) | 0x0123456789abcdn);
    expect(bandKeyNumber('00:0000000000000000')).toBe(0n);
  });

  it('packed straight from the signature, they are the numbers of the string keys', () => {
    const words = 'French Mirage jets struck a meeting of JNIM fighters near Boulikessi in central Mali on 30 October 2020 Florence Parly said'.split(' ');
    for (let n = 0; n < 200; n++) {
      const text = words.map((_, i) => words[(i * (n + 3) + n) % words.length]).slice(0, 5 + (n % 17)).join(' ') + ` ${n}`;
      const sig = minhash(text);
      expect(bandKeyNumbers(sig)).toEqual(bandKeys(sig).map(bandKeyNumber));
    }
    expect(bandKeyNumbers(minhash('  '))).toEqual([]);
  });
});
