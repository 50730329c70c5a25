import { describe, expect, it } from 'vitest';
import { compileNow } from './regexps.js';

describe('compileNow', () => {
  it('leaves global and sticky expressions ready to scan from the start, matching as before', () => {
    const global = /\bhead of (\w+)/giu;
    const sticky = /head/y;
    global.lastIndex = 5;
    compileNow([global, sticky]);
    expect(global.lastIndex).toBe(0);
    expect(sticky.lastIndex).toBe(0);
    expect([...'the head of state, the Head of mission'.matchAll(global)].map((m) => m[1])).toEqual(['state', 'mission']);
    expect(sticky.exec('head')?.[0]).toBe('head');
  });
});
