import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ActorKbError,
  COMPILED_INDEX,
  actorKb,
  compileActorKb,
  defaultActorsDir,
  kbStats,
  loadActorKb,
  serialiseCompiled,
  splitPieces,
  type ActorKb,
  type TrieNode,
} from './actors.js';
import { tokenize } from '../text/tokenize.js';

const kb = actorKb();

describe('actor knowledge base', () => {
  it('loads the curated files and a generated family per country', () => {
    const stats = kbStats(kb);
    expect(stats.curated).toBeGreaterThan(100);
    expect(stats.byKind.state).toBeGreaterThanOrEqual(240);
    for (const id of ['wagner-group', 'africa-corps', 'jnim', 'katiba-macina', 'islamic-state-sahel-province', 'minusma', 'alliance-of-sahel-states']) {
      expect(kb.byId(id), id).toBeDefined();
    }
  });

  it('names generated entries the ACLED way and merges curated aliases into them', () => {
    const mali = kb.stateEntry('ML', 'military');
    expect(mali?.name).toBe('Military Forces of Mali');
    expect(mali?.aliases).toContain('Malian Armed Forces');
    expect(mali?.abbreviations).toContain('FAMa');
    expect(mali?.inter).toBe(1);
    expect(kb.stateEntry('US', 'government')?.name).toBe('Government of the United States');
    expect(kb.stateEntry('RU', 'defence-ministry')?.name).toBe('Ministry of Defence of Russia');
    expect(kb.stateEntry('BF', 'police')?.name).toBe('Police Forces of Burkina Faso');
    expect(kb.stateEntry('NE', 'state')?.kind).toBe('state');
  });

  it('finds entries by English and French aliases and abbreviations', () => {
    expect(kb.byAlias('GSIM').map((e) => e.id)).toEqual(['jnim']);
    expect(kb.byAlias("Groupe de soutien à l'islam et aux musulmans").map((e) => e.id)).toEqual(['jnim']);
    expect(kb.byAlias('État islamique au Grand Sahara').map((e) => e.id)).toEqual(['islamic-state-in-the-greater-sahara']);
    expect(kb.byAlias('EIGS').map((e) => e.id)).toEqual(['islamic-state-in-the-greater-sahara']);
    expect(kb.byAlias('Forces armées maliennes').map((e) => e.id)).toEqual(['military-forces-of-mali']);
    // one abbreviation, two juntas: the stage decides by the document's countries and date
    expect(kb.byAlias('CNSP').map((e) => e.id).sort()).toEqual(['cnsp-mali', 'cnsp-niger']);
  });

  it('keeps dated relations and their inverse', () => {
    expect(kb.relationsOf('katiba-macina')).toContainEqual({ type: 'part_of', target: 'jnim', from: '2017-03-02' });
    expect(kb.relationsOf('islamic-state-sahel-province')).toContainEqual({ type: 'successor_of', target: 'islamic-state-in-the-greater-sahara', from: '2022-03' });
    expect(kb.relationsTo('jnim').map((r) => r.source)).toEqual(expect.arrayContaining(['ansar-dine', 'katiba-macina', 'al-mourabitoun']));
    expect(kb.relationsOf('africa-corps')).toContainEqual({ type: 'part_of', target: 'ministry-of-defence-of-russia', from: '2023-12' });
  });

  it('records Wikidata ids only where set by hand', () => {
    expect(kb.byId('vladimir-putin')?.wikidata).toBe('Q7747');
    expect(kb.byId('mali')?.wikidata).toBe('Q912');
    expect(kb.byId('katiba-serma')?.wikidata).toBeNull();
  });

  it('splits hyphenated tokens and French elisions into pieces with offsets', () => {
    const text = "al-Qaida-affiliated groups and L'EIGS";
    const pieces = splitPieces(tokenize(text));
    expect(pieces.map((p) => p.text)).toEqual(['al', 'Qaida', 'affiliated', 'groups', 'and', "L'", 'EIGS']);
    for (const p of pieces) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});

describe('actor knowledge base validation', () => {
  const dirs: string[] = [];
  const kbWith = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'test.yaml'), yaml);
    return () => loadActorKb({ dir });
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('names the file and the entry of a bad kind', () => {
    const load = kbWith('- id: foo\n  name: Foo\n  kind: gang\n');
    expect(load).toThrow(ActorKbError);
    expect(load).toThrow(/test\.yaml: entry 1 \(id "foo"\): kind "gang"/);
  });

  it('rejects unknown relation targets, bad dates and duplicate ids', () => {
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n  relations: [{type: part_of, target: nowhere}]\n')).toThrow(/unknown id "nowhere"/);
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n  active: {from: "June 2020"}\n')).toThrow(/not an ISO date/);
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n- id: foo\n  name: Foo2\n  kind: militia\n')).toThrow(/duplicate id/);
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n  acled_inter: 9\n')).toThrow(/acled_inter/);
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n  wikidata: 12345\n')).toThrow(/wikidata/);
    expect(kbWith('- id: foo\n  name: Foo\n  kind: militia\n  colour: red\n')).toThrow(/unknown field "colour"/);
  });

  it('accepts a minimal valid file', () => {
    const loaded = kbWith('- id: foo-brigade\n  name: Foo Brigade\n  kind: militia\n  acled_inter: 3\n  abbreviations: [FB]\n')();
    expect(loaded.byAlias('FB').map((e) => e.id)).toEqual(['foo-brigade']);
  });
});

describe('compiled index of the knowledge base', () => {
  // what the tries hold, written out in a fixed order, so two knowledge bases compare as data
  const dumpTrie = (node: TrieNode): unknown => ({
    hits: node.hits,
    next: [...node.next].map(([k, child]) => [k, dumpTrie(child)]),
  });
  const dumpKb = (k: ActorKb) => ({
    entries: [...k.entries.values()],
    countries: [...k.countries.values()],
    trie: dumpTrie(k.trie),
    countryTrie: dumpTrie(k.countryTrie),
    demonymTrie: dumpTrie(k.demonymTrie),
  });

  it('is in sync with the YAML (run `npx tsx scripts/build-actor-index.ts` after editing data/actors)', () => {
    const dir = defaultActorsDir();
    expect(readFileSync(join(dir, COMPILED_INDEX), 'utf8')).toBe(serialiseCompiled(compileActorKb(dir)));
  });

  it('gives the same knowledge base as reading the YAML', () => {
    const fromYaml = loadActorKb({ compiled: false });
    const fromIndex = loadActorKb();
    expect(dumpKb(fromIndex)).toEqual(dumpKb(fromYaml));
    expect(fromIndex.byAlias('FAMa').map((e) => e.id)).toEqual(fromYaml.byAlias('FAMa').map((e) => e.id));
  });

  it('is ignored once the YAML changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-actors-index-'));
    try {
      const source = defaultActorsDir();
      for (const f of readdirSync(source)) copyFileSync(join(source, f), join(dir, f));
      writeFileSync(
        join(dir, 'zz-added.yaml'),
        '- id: test-added-group\n  name: Test Added Group\n  kind: armed-group\n  acled_inter: 2\n  country: ML\n  aliases: [Added Group Of Tests]\n',
      );
      const k = loadActorKb({ dir });
      expect(k.byId('test-added-group')?.name).toBe('Test Added Group');
      expect(k.byAlias('Added Group Of Tests').map((e) => e.id)).toEqual(['test-added-group']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
