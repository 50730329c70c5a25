import type { Command } from 'commander';
import type { StoredDocument, StoredEvent, StoredMention } from '../store/store.js';
import { openExistingStore } from './docs.js';

function eventLine(e: StoredEvent): string {
  const type = [e.acledType, e.acledSubtype].filter(Boolean).join(' / ') || e.extra || e.plover || 'event';
  const actors = [e.actor1, e.actor2].filter(Boolean).join(' vs ');
  const where = e.location ? `${e.location}${e.country ? ` (${e.country})` : ''}` : e.country ?? '';
  const when = e.dateFrom ? (e.dateFrom === e.dateTo || !e.dateTo ? e.dateFrom : `${e.dateFrom}..${e.dateTo}`) : '';
  const f = e.fatalities;
  const deaths = f.best !== null ? `${f.best} killed${f.low !== null && f.high !== null && f.low !== f.high ? ` (${f.low}-${f.high})` : ''}` : '';
  const who = e.attributedTo ? `according to ${e.attributedTo}` : '';
  return [`${e.main ? '*' : ' '} ${type}`, actors, where, when, deaths, e.modality, who].filter(Boolean).join(' · ');
}

function mentionGroups(mentions: StoredMention[]): string[] {
  const lines: string[] = [];
  const kinds = ['actor', 'place', 'time', 'quantity', 'source', 'name'] as const;
  for (const kind of kinds) {
    const of = mentions.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const counts = new Map<string, number>();
    for (const m of of) {
      const key = kind === 'actor' || kind === 'place' ? m.label : m.text;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const list = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
    lines.push(`  ${kind}s (${of.length}): ${list.join('; ')}`);
  }
  return lines;
}

export function formatDocument(d: StoredDocument): string {
  const out: string[] = [];
  out.push(d.title ?? '(no title)');
  out.push(`  id          ${d.id}`);
  out.push(`  published   ${d.published ? `${d.published.value} (${d.published.precision})` : 'unknown'}`);
  if (d.url) out.push(`  url         ${d.url}`);
  if (d.outlet) out.push(`  outlet      ${d.outlet}`);
  if (d.author) out.push(`  author      ${d.author}`);
  out.push(`  language    ${d.language}`);
  const copies = d.storyMembers.length;
  out.push(`  story       ${d.storyId === d.id ? 'founded by this document' : d.storyId}${copies > 0 ? `, with ${copies} other document${copies === 1 ? '' : 's'}:` : ''}`);
  for (const m of d.storyMembers) out.push(`                ${m.id.slice(0, 12)}  ${m.published?.value ?? '—'}  ${m.title ?? '(no title)'}`);
  out.push(`  text        ${d.text.length} characters, ${d.paragraphs.length} paragraphs, ${d.sentences.length} sentences`);
  out.push(`  ingested    ${d.ingestedAt}`);
  out.push(`Origins (${d.origins.length})`);
  for (const o of d.origins) out.push(`  ${o.format.padEnd(5)} ${o.location}${o.feed ? ` (feed ${o.feed})` : ''}  read ${o.readAt}`);
  out.push(`Mentions (${d.mentions.length})`);
  out.push(...mentionGroups(d.mentions));
  out.push(`Events (${d.events.length})`);
  for (const e of d.events) {
    out.push(`  ${eventLine(e)}`);
    out.push(`      “${e.payload.evidence.text}”`);
  }
  out.push(`Statements (${d.statements.length})`);
  for (const s of d.statements) {
    out.push(`  ${s.subject} ${s.predicate}${s.object ? ` ${s.object}` : ''} · ${s.modality}${s.attributedTo ? ` · according to ${s.attributedTo}` : ''}`);
  }
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('show')
    .description('Show one stored document: metadata, origins, mentions by kind, events and statements')
    .argument('<id>', 'document id or a unique prefix of it (as `sitrep docs` prints)')
    .option('--json', 'print the whole stored record as JSON')
    .option('--db <file>', 'SQLite file or postgres:// URL (default: $SITREP_DB or ./sitrep.db)')
    .action(async (id: string, options: { json?: boolean; db?: string }) => {
      const store = await openExistingStore(options.db);
      try {
        const doc = await store.getDocument(id);
        if (!doc) throw new Error(`show: no document with id "${id}" in ${store.location}`);
        process.stdout.write(options.json ? JSON.stringify(doc, null, 2) + '\n' : formatDocument(doc));
      } finally {
        await store.close();
      }
    });
}
