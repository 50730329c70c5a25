import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

describe('detectFormat', () => {
  it('goes by the extension when the content agrees or says nothing', () => {
    expect(detectFormat('a.md', '---\ntitle: x\n---\nBody')).toBe('md');
    expect(detectFormat('a.txt', 'Gunmen attacked the camp.')).toBe('txt');
    expect(detectFormat('a.json', '[{"text":"x"}]')).toBe('json');
  });

  it('believes the content when the extension lies or is missing', () => {
    expect(detectFormat('page.txt', '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('feed', '<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')).toBe('feed');
    expect(detectFormat('export.data', '{"text":"x"}\n{"text":"y"}\n')).toBe('jsonl');
    expect(detectFormat('page.xml', '<html><head></head><body></body></html>')).toBe('html');
  });

  it('keeps prose that merely starts with a bracket as text', () => {
    expect(detectFormat('wire.txt', '[Reuters] Gunmen attacked an army post near Gao on Monday.')).toBe('txt');
    expect(detectFormat('note', '{draft} The convoy left Gao.')).toBe('txt');
  });
});
