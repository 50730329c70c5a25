import { describe, expect, it } from 'vitest';
import { WordTypes, typeTableFor } from './wordtypes.js';

describe('WordTypes', () => {
  it('gives one id per distinct text, read from any string at any offset', () => {
    const types = new WordTypes();
    const text = 'the Niger and the niger, then the Niger again';
    const ids = [...text.matchAll(/\S+/g)].map((m) => types.idOf(text, m.index, m.index + m[0].length));
    expect(ids).toEqual([0, 1, 2, 0, 3, 4, 0, 1, 5]);
    expect(types.text(1)).toBe('Niger');
    expect(types.idOf('Niger', 0, 5)).toBe(1);
    expect(types.size).toBe(6);
  });

  it('keeps ids and texts right as the table grows, and hands them out anew after clear', () => {
    const types = new WordTypes();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}-${'x'.repeat(i % 17)}`);
    const ids = words.map((w) => types.idOf(` ${w} `, 1, w.length + 1));
    expect(ids).toEqual(words.map((_, i) => i));
    expect(words.every((w, i) => types.idOf(w, 0, w.length) === i && types.text(i) === w)).toBe(true);
    const epoch = types.epoch;
    types.clear();
    expect(types.epoch).not.toBe(epoch);
    expect(types.size).toBe(0);
    expect(types.idOf(words[5], 0, words[5].length)).toBe(0);
  });
});

describe('typeTableFor', () => {
  it('keeps a table long enough, and grows a short one by doubling with its contents', () => {
    const table = new Int32Array([7, 8, 9]);
    expect(typeTableFor(table, 3)).toBe(table);
    const grown = typeTableFor(table, 5);
    expect(grown).toBeInstanceOf(Int32Array);
    expect([...grown]).toEqual([7, 8, 9, 0, 0, 0]);
    expect(typeTableFor(new Uint8Array(0), 3).length).toBe(4);
  });
});
