import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, root } from './built.js';

/**
 * The built CLI, run as a user would, on the bundled examples/ with databases in a temporary
 * folder. `npm test` builds first; run alone, this suite builds when dist/ is missing.
 */
const examples = join(root, 'examples', 'articles');
const articles = readdirSync(examples).filter((f) => f.endsWith('.md'));

let tmp: string;

function sitrep(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env?.SITREP_DB) delete env.SITREP_DB;
  return spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? root, encoding: 'utf8', input: options.input ?? '', env, maxBuffer: 1 << 28 });
}

function ok(r: SpawnSyncReturns<string>): SpawnSyncReturns<string> {
  if (r.status !== 0) throw new Error(`exit ${r.status}\nstdout: ${r.stdout.slice(-2000)}\nstderr: ${r.stderr.slice(-2000)}`);
  return r;
}

interface Summary {
  documents: number;
  new: number;
  storyDuplicates: number;
  duplicates: number;
  failed: { input: string; reason: string }[];
  totals: { documents: number; stories: number; origins: number; mentions: number; events: number; statements: number };
}

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-e2e-'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sitrep ingest, docs and show on examples/', () => {
  let db: string;
  let first: Summary;

  beforeAll(() => {
    db = join(tmp, 'examples.db');
    first = JSON.parse(ok(sitrep(['ingest', examples, '--db', db, '--json'])).stdout) as Summary;
  });

  it('stores every bundled article once', () => {
    expect(articles.length).toBeGreaterThanOrEqual(4);
    expect(first.failed).toEqual([]);
    expect(first.documents).toBe(articles.length);
    expect(first.new + first.storyDuplicates).toBe(articles.length);
    expect(first.duplicates).toBe(0);
    expect(first.totals.documents).toBe(articles.length);
    expect(first.totals.origins).toBe(articles.length);
  });

  it('reports a second run as all duplicates and changes nothing', () => {
    const before = ok(sitrep(['docs', '--json', '--limit', '100', '--db', db])).stdout;
    const again = JSON.parse(ok(sitrep(['ingest', examples, '--db', db, '--json'])).stdout) as Summary;
    expect(again).toMatchObject({ documents: articles.length, new: 0, storyDuplicates: 0, duplicates: articles.length, failed: [] });
    expect(again.totals).toEqual(first.totals);
    expect(ok(sitrep(['docs', '--json', '--limit', '100', '--db', db])).stdout).toBe(before);
  });

  it('prints a readable summary and plain progress lines when not on a terminal', () => {
    const r = ok(sitrep(['ingest', join(examples, 'battle_of_boulikessi.md'), '--db', db]));
    expect(r.stdout).toMatch(/exact duplicates\s+1/);
    expect(r.stdout).toMatch(/failed\s+0/);
    expect(r.stderr).toMatch(/^\[1\/1\] duplicate .*Battle of Boulikessi/m);
  });

  it('lists documents as JSON with titles and sentences', () => {
    const docs = JSON.parse(ok(sitrep(['docs', '--json', '--db', db])).stdout) as {
      id: string;
      title: string;
      published: unknown;
      sentences: { start: number; end: number; text: string }[];
      text: string;
    }[];
    expect(docs).toHaveLength(articles.length);
    const boulikessi = docs.find((d) => d.title === 'Battle of Boulikessi')!;
    expect(boulikessi).toBeDefined();
    expect(boulikessi.id).toMatch(/^[0-9a-f]{64}$/);
    expect(boulikessi.sentences.length).toBeGreaterThan(3);
    expect(boulikessi.sentences[0].text).toBe(boulikessi.text.slice(boulikessi.sentences[0].start, boulikessi.sentences[0].end));
    expect(boulikessi.text).toContain('Mirage 2000D');
    expect(docs.map((d) => d.title).sort()).toContain('MINUSMA super camp attack');
  });

  it('searches, and takes hostile queries as plain words', () => {
    const r = ok(sitrep(['docs', '--search', 'Mirage drone', '--db', db]));
    expect(r.stdout.split('\n')[0]).toContain('Battle of Boulikessi');
    expect(r.stdout).toMatch(/\[Mirage\]|\[drone\]/i);
    for (const q of ['NEAR(', '"', '*', '-', 'a" OR "b']) ok(sitrep(['docs', '--search', q, '--db', db]));
    expect(ok(sitrep(['docs', '--search', 'zzqxv', '--db', db])).stdout).toMatch(/No document matches/);
  });

  it('shows one document by an id prefix', () => {
    const docs = JSON.parse(ok(sitrep(['docs', '--json', '--db', db])).stdout) as { id: string; title: string }[];
    const camp = docs.find((d) => d.title === 'MINUSMA super camp attack')!;
    const text = ok(sitrep(['show', camp.id.slice(0, 10), '--db', db])).stdout;
    expect(text).toContain('MINUSMA super camp attack');
    expect(text).toContain(camp.id);
    expect(text).toMatch(/Origins \(1\)/);
    expect(text).toMatch(/minusma_super_camp_attack\.md/);
    expect(text).toMatch(/\d+ sentences/);
    expect(text).toMatch(/Events \(\d+\)/);
    expect(text).toMatch(/Statements \(\d+\)/);
    const json = JSON.parse(ok(sitrep(['show', camp.id, '--json', '--db', db])).stdout) as { id: string; origins: unknown[]; mentions: unknown[]; events: unknown[] };
    expect(json.id).toBe(camp.id);
    expect(json.origins).toHaveLength(1);
    expect(Array.isArray(json.mentions) && Array.isArray(json.events)).toBe(true);
  });

  it('lists events by an actor as readers write it: an abbreviation finds the canonical name', () => {
    const byAbbreviation = JSON.parse(ok(sitrep(['events', '--actor', 'JNIM', '--json', '--db', db])).stdout) as { actor1: string | null; actor2: string | null }[];
    expect(byAbbreviation.length).toBeGreaterThan(0);
    for (const e of byAbbreviation) expect([e.actor1, e.actor2]).toContain("Jama'at Nusrat al-Islam wal-Muslimin");
    const csv = ok(sitrep(['events', '--country', 'ML', '--csv', '--db', db])).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^document_id,event_index,/);
    expect(csv.length).toBeGreaterThan(1);
  });

  it('says when show finds nothing', () => {
    const r = sitrep(['show', 'ffffffffffff', '--db', db]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no document with id "ffffffffffff"/);
  });
});

describe('failures name the input and lose nothing', () => {
  it('stores the good files of a folder with a bad one and exits non-zero naming it', () => {
    const folder = join(tmp, 'mixed');
    mkdirSync(folder);
    copyFileSync(join(examples, 'battle_of_boulikessi.md'), join(folder, 'battle_of_boulikessi.md'));
    copyFileSync(join(examples, 'minusma_super_camp_attack.md'), join(folder, 'minusma_super_camp_attack.md'));
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const db = join(tmp, 'mixed.db');
    const r = sitrep(['ingest', folder, '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/new\s+2/);
    expect(r.stdout).toMatch(/failed\s+2/);
    expect(r.stdout).toContain('empty.txt');
    expect(r.stderr).toContain('empty.txt');
    expect(r.stderr).toContain('binary.txt');
    const docs = JSON.parse(ok(sitrep(['docs', '--json', '--db', db])).stdout) as unknown[];
    expect(docs).toHaveLength(2);
  });

  it('leaves an existing database untouched when an ingest fails', () => {
    const db = join(tmp, 'kept.db');
    ok(sitrep(['ingest', join(examples, 'battle_of_boulikessi.md'), '--db', db]));
    const before = ok(sitrep(['docs', '--json', '--db', db])).stdout;
    const missing = join(tmp, 'no-such-article.md');
    const r = sitrep(['ingest', missing, '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-article.md');
    expect(ok(sitrep(['docs', '--json', '--db', db])).stdout).toBe(before);
  });

  it('names a database file that is not a database', () => {
    const bogus = join(tmp, 'bogus.db');
    writeFileSync(bogus, 'not a database, just text\n'.repeat(200));
    const r = sitrep(['ingest', examples, '--db', bogus]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bogus.db');
    expect(r.stderr).toMatch(/not a SQLite database/);
  });

  it('names a database that does not exist for reading commands', () => {
    const r = sitrep(['docs', '--db', join(tmp, 'never.db')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/never\.db: no such database/);
    expect(existsSync(join(tmp, 'never.db'))).toBe(false);
  });
});

describe('a killed ingest', () => {
  it('leaves only whole documents, and the next run completes the rest', async () => {
    // Sixty short articles made of the examples' paragraphs, so the ingest takes long enough to kill.
    const folder = join(tmp, 'killed-input');
    mkdirSync(folder);
    const paragraphs = articles
      .flatMap((f) => readFileSync(join(examples, f), 'utf8').split(/\n---\n/).pop()!.split(/\n\s*\n/))
      .filter((p) => p.length > 200 && !p.startsWith('#'));
    for (let i = 0; i < 60; i++) {
      writeFileSync(join(folder, `dispatch-${String(i).padStart(2, '0')}.txt`), `${paragraphs[i % paragraphs.length]}\n\n${paragraphs[(i * 7 + 1) % paragraphs.length]}\n\nDispatch ${i}.`);
    }
    const db = join(tmp, 'killed.db');
    const child = spawn(process.execPath, [cli, 'ingest', folder, '--db', db], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((done) => {
      let seen = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        seen += (chunk.toString().match(/^\[\d+\/\d+\] /gm) ?? []).length;
        // Killed without warning in the middle of the run: no handler, no cleanup.
        if (seen >= 5 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', () => done());
    });

    const raw = new BetterSqlite3(db, { readonly: true });
    const count = (q: string) => (raw.prepare(q).get() as { n: number }).n;
    const documents = count('select count(*) as n from documents');
    expect(documents).toBeGreaterThan(0);
    expect(count('select count(*) as n from signatures')).toBe(documents);
    expect(count('select count(distinct document_id) as n from origins')).toBe(documents);
    expect(count('select count(*) as n from documents where seq not in (select document_seq from story_bands)')).toBe(0);
    expect(count('select count(*) as n from documents where story_id not in (select id from stories)')).toBe(0);
    expect(count('select count(*) as n from documents_fts')).toBe(documents);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const rest = JSON.parse(ok(sitrep(['ingest', folder, '--db', db, '--json'])).stdout) as Summary;
    expect(rest.failed).toEqual([]);
    expect(rest.duplicates).toBe(documents);
    expect(rest.totals.documents).toBe(60);
  });
});

describe('sitrep extract', () => {
  it('prints one JSON object per document of a file without storing anything', () => {
    const cwd = mkdtempSync(join(tmp, 'extract-'));
    const r = ok(sitrep(['extract', join(examples, 'battle_of_boulikessi.md')], { cwd }));
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(result.title).toBe('Battle of Boulikessi');
    for (const key of ['id', 'published', 'actors', 'places', 'times', 'quantities', 'sources', 'events', 'statements']) expect(result).toHaveProperty(key);
    expect(result).not.toHaveProperty('trace');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reads text from stdin, and JSON lines keeping their ids', () => {
    const text = 'On November 2, the French Minister of the Armed Forces, Florence Parly, announced that more than 50 jihadists had been neutralized in the operation.';
    const one = JSON.parse(ok(sitrep(['extract', '-', '--published', '2020-11-03'], { input: text })).stdout) as { published: unknown; id: string };
    expect(one.published).toEqual({ value: '2020-11-03', precision: 'day' });
    const jsonl = [JSON.stringify({ id: 'a-1', text }), '', JSON.stringify({ id: 'a-2', text: 'JNIM militants began their attack on 14 April 2018.', published: '2018-04-15' })].join('\n');
    const out = ok(sitrep(['extract', '--jsonl', '--trace'], { input: jsonl })).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; trace: unknown });
    expect(out.map((o) => o.id)).toEqual(['a-1', 'a-2']);
    expect(Array.isArray(out[0].trace)).toBe(true);
  });

  it('names a bad JSON line and a missing file', () => {
    const bad = sitrep(['extract', '--jsonl'], { input: '{"id": "x", "text": "Gunmen attacked Djibo."}\n{not json\n' });
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/stdin:2/);
    const missing = sitrep(['extract', join(tmp, 'absent.md')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('absent.md');
  });
});

describe('sitrep demo', () => {
  it('ingests the bundled examples into ./sitrep.db and prints what it found', () => {
    const cwd = mkdtempSync(join(tmp, 'demo-'));
    const r = ok(sitrep(['demo'], { cwd }));
    expect(existsSync(join(cwd, 'sitrep.db'))).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`Documents \\(${articles.length}\\)`));
    expect(r.stdout).toContain('Battle of Boulikessi');
    expect(r.stdout).toMatch(/Top actors/);
    expect(r.stdout).toMatch(/Top places/);
    expect(r.stdout).toMatch(/Events \(/);
    const again = ok(sitrep(['demo'], { cwd }));
    expect(again.stdout).toMatch(new RegExp(`exact duplicates\\s+${articles.length}`));
  });

  it('honours SITREP_DB', () => {
    const cwd = mkdtempSync(join(tmp, 'demo-env-'));
    const db = join(cwd, 'elsewhere.db');
    ok(sitrep(['demo'], { cwd, env: { SITREP_DB: db } }));
    expect(existsSync(db)).toBe(true);
    expect(existsSync(join(cwd, 'sitrep.db'))).toBe(false);
  });
});

describe('--help', () => {
  const commands = ['ingest', 'docs', 'show', 'demo', 'extract', 'events', 'eval'];

  it('lists every command', () => {
    const r = ok(sitrep(['--help']));
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
  });

  it.each(commands)('works on %s', (command) => {
    const r = ok(sitrep([command, '--help']));
    expect(r.stdout).toMatch(new RegExp(`^Usage: sitrep ${command}`));
  });

  it('rejects an unknown command with a non-zero exit', () => {
    const r = sitrep(['ingets']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
