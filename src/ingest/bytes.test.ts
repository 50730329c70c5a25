import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8 } from './bytes.js';

describe('decodeBytes', () => {
  it('decodes UTF-8, and UTF-16 with a byte-order mark', () => {
    expect(decodeBytes(Buffer.from('Tombouctou — Ménaka'))).toBe('Tombouctou — Ménaka');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Gao', 'utf16le')]))).toBe('Gao');
  });

  it('decodes a declared legacy charset', () => {
    expect(decodeBytes(Buffer.from('Ségou', 'latin1'), { charset: 'iso-8859-1' })).toBe('Ségou');
    expect(() => decodeBytes(Buffer.from('x'), { charset: 'no-such-charset' })).toThrow('unknown charset "no-such-charset"');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad sequence: stray continuation, overlong, surrogate, truncated', () => {
    expect(firstInvalidUtf8(Buffer.from('ok é ✓ 𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
