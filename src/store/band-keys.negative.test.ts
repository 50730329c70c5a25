import { describe, expect, it } from 'vitest';
import { bandKeyNumber } from './band-keys.js';

describe('band keys as integers, refused', () => {
  it('refuses what is not a band key instead of storing a wrong number', () => {
    for (const bad of ['', '3f', '3f:0123', '3f:0123456789abcdeg', 'zz:0123456789abcdef', '3f-0123456789abcdef', '3f:0123456789abcdef0']) {
      expect(() => bandKeyNumber(bad), bad).toThrow(/not a band key/);
    }
  });
});
