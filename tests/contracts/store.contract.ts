import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromText } from '../../src/ingest/document.js';
import { emptyExtraction, type Document } from '../../src/model.js';
import { prepareDocument } from '../../src/store/rows.js';
import { AmbiguousIdError, type Store } from '../../src/store/store.js';
import { BOULIKESSI, COUP, SUPER_CAMP, SUPER_CAMP_SYNDICATED, boulikessiExtraction, doc, origin, superCampExtraction } from './fixtures.js';

/** One open store under test, and how to get a fresh handle on the same data. */
export interface StoreHandle {
  store: Store;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every Store must have, whatever the database. Each implementation runs this
 * suite with a factory that gives it an empty store (tests/contracts/store.*.test.ts).
 */
export function storeContract(name: string, create: () => Promise<StoreHandle>): void {
  describe(`Store contract: ${name}`, () => {
    let handle: StoreHandle;
    let store: Store;

    beforeEach(async () => {
      handle = await create();
      store = handle.store;
    });
    afterEach(async () => {
      await store.close();
      await handle.cleanup();
    });

    it('stores a document with its extraction and gives back the same records', async () => {
      const d = doc(SUPER_CAMP, { title: 'MINUSMA super camp attack', published: '2018-04-15' });
      const x = superCampExtraction(d);
      const put = await store.put(d, x);
      expect(put).toMatchObject({ id: d.id, status: 'new', storyId: d.id, addedOrigins: 1 });

      const got = await store.getDocument(d.id);
      expect(got).not.toBeNull();
      expect(got!.text).toBe(d.text);
      expect(got!.title).toBe('MINUSMA super camp attack');
      expect(got!.published).toEqual({ value: '2018-04-15', precision: 'day' });
      expect(got!.sentences).toEqual(d.sentences);
      expect(got!.paragraphs).toEqual(d.paragraphs);
      expect(got!.language).toBe(d.language);
      expect(got!.origins).toEqual(d.origins);
      expect(got!.mentions.map((m) => m.kind).sort()).toEqual(['actor', 'actor', 'name', 'place', 'quantity', 'source', 'time']);
      const timbuktu = got!.mentions.find((m) => m.kind === 'place')!;
      expect(timbuktu).toMatchObject({ canonicalId: 'geonames:2449067', label: 'Timbuktu', text: 'Timbuktu' });
      expect(d.text.slice(timbuktu.start, timbuktu.end)).toBe('Timbuktu');
      expect(timbuktu.payload).toEqual(x.places[0]);
      // Every kind's payload comes back whole, whatever the store keeps in columns instead.
      const kinds: Record<string, unknown[]> = { name: x.names, actor: x.actors, place: x.places, time: x.times, quantity: x.quantities, source: x.sources };
      for (const [kind, list] of Object.entries(kinds)) {
        const payloads = got!.mentions.filter((m) => m.kind === kind).map((m) => m.payload);
        expect(payloads, kind).toHaveLength(list.length);
        expect(payloads, kind).toEqual(expect.arrayContaining(list));
      }
      expect(got!.events).toHaveLength(1);
      expect(got!.events[0]).toMatchObject({
        acledType: 'Battles',
        acledSubtype: 'Armed clash',
        plover: 'ASSAULT',
        actor1: 'jnim',
        actor2: 'minusma',
        country: 'ML',
        dateFrom: '2018-04-14',
        dateTo: '2018-04-14',
        fatalities: { low: 16, best: 16, high: 16 },
        modality: 'asserted',
        main: true,
      });
      expect(got!.events[0].payload).toEqual(x.events[0]);
      expect(got!.statements).toHaveLength(1);
      expect(got!.statements[0]).toMatchObject({ subject: 'jnim', predicate: 'claimed-responsibility', object: 'attack', modality: 'claimed' });
      expect(await store.counts()).toEqual({ documents: 1, stories: 1, origins: 1, mentions: 7, events: 1, statements: 1 });
    });

    it('keeps a document with unknown metadata unknown', async () => {
      const d = doc(COUP);
      await store.put(d, null);
      const got = await store.getDocument(d.id);
      expect(got).toMatchObject({ title: null, url: null, outlet: null, author: null, published: null });
      expect(got!.mentions).toEqual([]);
      expect(got!.events).toEqual([]);
    });

    it('stores an exact duplicate once, adding only origins it has not seen', async () => {
      const d = doc(SUPER_CAMP, { location: 'a/super-camp.md' });
      await store.put(d, superCampExtraction(d));
      const before = await store.counts();

      const again = await store.put(d, superCampExtraction(d));
      expect(again).toMatchObject({ id: d.id, status: 'duplicate', storyId: d.id, addedOrigins: 0 });
      expect(await store.counts()).toEqual(before);

      const elsewhere: Document = { ...d, origins: [origin('https://example.org/super-camp', 'url')] };
      const third = await store.put(elsewhere, superCampExtraction(d));
      expect(third).toMatchObject({ status: 'duplicate', addedOrigins: 1 });
      const after = await store.counts();
      expect(after).toEqual({ ...before, origins: before.origins + 1 });
      const got = await store.getDocument(d.id);
      expect(got!.origins.map((o) => o.location).sort()).toEqual(['a/super-camp.md', 'https://example.org/super-camp']);
    });

    it('groups a syndicated copy into the story of the original and keeps different articles apart', async () => {
      const original = doc(SUPER_CAMP);
      const copy = doc(SUPER_CAMP_SYNDICATED);
      const other = doc(BOULIKESSI);
      expect(copy.id).not.toBe(original.id);
      expect((await store.put(original)).status).toBe('new');
      const joined = await store.put(copy);
      expect(joined.status).toBe('story-duplicate');
      expect(joined.storyId).toBe(original.id);
      expect(joined.similarity).toBeGreaterThan(0.5);
      const apart = await store.put(other);
      expect(apart.status).toBe('new');
      expect(apart.storyId).toBe(other.id);
      expect((await store.getDocument(copy.id))!.storyId).toBe(original.id);
      expect((await store.getDocument(copy.id))!.storyMembers.map((m) => m.id)).toEqual([original.id]);
      expect((await store.getDocument(original.id))!.storyMembers.map((m) => m.id)).toEqual([copy.id]);
      expect((await store.getDocument(other.id))!.storyMembers).toEqual([]);
      expect(await store.counts()).toMatchObject({ documents: 3, stories: 2 });
    });

    it('finds a document by a unique id prefix and refuses an ambiguous one', async () => {
      // Seventeen documents guarantee two whose ids share a first hex digit.
      const docs = Array.from({ length: 17 }, (_, i) => doc(`${BOULIKESSI}\n\nUpdate number ${i + 1} to this report.`));
      for (const d of docs) await store.put(d);
      const first = docs[0];
      expect((await store.getDocument(first.id.slice(0, 12)))!.id).toBe(first.id);
      expect((await store.getDocument(first.id.toUpperCase()))!.id).toBe(first.id);
      expect(await store.getDocument('ffffffffffffffffffff')).toBeNull();
      expect(await store.getDocument('not-an-id')).toBeNull();
      expect(await store.getDocument("' or 1=1 --")).toBeNull();
      const byDigit = new Map<string, number>();
      for (const d of docs) byDigit.set(d.id[0], (byDigit.get(d.id[0]) ?? 0) + 1);
      const shared = [...byDigit].find(([, n]) => n > 1)![0];
      await expect(store.getDocument(shared)).rejects.toBeInstanceOf(AmbiguousIdError);
    });

    it('lists documents newest first with limit and offset', async () => {
      await store.put(doc(SUPER_CAMP, { published: '2018-04-15' }));
      await store.put(doc(BOULIKESSI, { published: '2020-11' }));
      await store.put(doc(COUP));
      const all = await store.listDocuments({ limit: 10 });
      expect(all.map((d) => d.published?.value ?? null)).toEqual(['2020-11', '2018-04-15', null]);
      expect(all[0].sentenceCount).toBeGreaterThan(1);
      expect(all[0].sentences).toBeUndefined();
      expect((await store.listDocuments({ limit: 1, offset: 1 })).map((d) => d.published?.value)).toEqual(['2018-04-15']);
      const full = await store.listDocuments({ limit: 1, full: true });
      expect(full[0].sentences!.length).toBe(full[0].sentenceCount);
      expect(full[0].text).toContain('Boulikessi');
    });

    it('searches title and text, ranks matches and marks them in a snippet', async () => {
      const camp = doc(SUPER_CAMP, { title: 'MINUSMA super camp attack' });
      await store.put(camp);
      await store.put(doc(BOULIKESSI, { title: 'Battle of Boulikessi' }));
      await store.put(doc(COUP, { title: "2021 Malian coup d'état" }));

      const hits = await store.listDocuments({ search: 'rockets mortar' });
      expect(hits.map((h) => h.id)).toEqual([camp.id]);
      expect(hits[0].snippet).toMatch(/\[rockets\]/i);
      expect(hits[0].rank).not.toBeNull();

      // Both mention JNIM; only one has it in the title.
      const jnim = await store.listDocuments({ search: 'JNIM' });
      expect(jnim).toHaveLength(2);
      expect((await store.listDocuments({ search: 'Boulikessi' }))[0].title).toBe('Battle of Boulikessi');
      // Inflected forms and accents.
      expect((await store.listDocuments({ search: 'attacks' })).length).toBeGreaterThan(0);
      expect((await store.listDocuments({ search: 'Goita' })).map((h) => h.title)).toEqual(["2021 Malian coup d'état"]);
      expect(await store.listDocuments({ search: 'zzqxv' })).toEqual([]);
    });

    it('never throws on a hostile or nonsensical search', async () => {
      await store.put(doc(SUPER_CAMP));
      const hostile = ['"', '""', "'", 'NEAR(', 'NEAR(JNIM camp, 2)', '*', 'JNIM*', '-', '-JNIM', 'AND', 'OR NOT', 'a" OR "b', '(((', ')', '^camp', 'title:camp', "'; drop table documents; --", '\\', '%', '_', '&|!', ':*', '', '   ', '\u0000', 'camp AND', 'NOT camp'];
      for (const q of hostile) {
        const hits = await store.listDocuments({ search: q });
        expect(Array.isArray(hits), q).toBe(true);
      }
      expect(await store.counts()).toMatchObject({ documents: 1 });
      expect((await store.listDocuments({ search: 'JNIM* -camp' })).length).toBe(1);
    });

    it('filters events by country, actor, type and date range', async () => {
      const camp = doc(SUPER_CAMP);
      const bou = doc(BOULIKESSI);
      await store.put(camp, superCampExtraction(camp));
      await store.put(bou, boulikessiExtraction(bou));
      expect(await store.listEvents()).toHaveLength(2);
      expect((await store.listEvents({ country: 'ml' })).length).toBe(2);
      expect(await store.listEvents({ country: 'BF' })).toEqual([]);
      expect((await store.listEvents({ actor: 'minusma' })).map((e) => e.documentId)).toEqual([camp.id]);
      expect((await store.listEvents({ actor: 'JNIM' })).length).toBe(2);
      expect((await store.listEvents({ actor: '%' })).length).toBe(0);
      expect((await store.listEvents({ type: 'battles' })).map((e) => e.documentId)).toEqual([camp.id]);
      expect((await store.listEvents({ type: 'Air/drone strike' })).map((e) => e.documentId)).toEqual([bou.id]);
      expect((await store.listEvents({ type: 'AIRSTRIKE' })).map((e) => e.documentId)).toEqual([bou.id]);
      expect((await store.listEvents({ from: '2020' })).map((e) => e.documentId)).toEqual([bou.id]);
      expect((await store.listEvents({ from: '2020-10-31', to: '2020-10-31' })).map((e) => e.documentId)).toEqual([bou.id]);
      expect((await store.listEvents({ to: '2018-04' })).map((e) => e.documentId)).toEqual([camp.id]);
      expect(await store.listEvents({ from: '2019-01-01', to: '2019-12-31' })).toEqual([]);
      expect((await store.listEvents({ limit: 1 })).map((e) => e.documentId)).toEqual([bou.id]);
      await expect(store.listEvents({ from: 'last week' })).rejects.toThrow(/not a date/);
    });

    it('lists events newest first, undated last, then by document and position', async () => {
      const camp = doc(SUPER_CAMP);
      const bou = doc(BOULIKESSI);
      const coup = doc(COUP);
      const campX = superCampExtraction(camp);
      // A second, undated event in the 2018 document and an undated one in a third document: the
      // undated go after every dated one whatever the database's own NULL ordering.
      campX.events.push({ ...campX.events[0]!, date: null });
      const coupX = boulikessiExtraction(bou);
      coupX.events[0] = { ...coupX.events[0]!, date: null, evidence: { ...coupX.events[0]!.evidence, start: 0, end: 4, text: coup.text.slice(0, 4) } };
      coupX.actors.length = 0;
      await store.put(camp, campX);
      await store.put(bou, boulikessiExtraction(bou));
      await store.put(coup, coupX);
      const undated = [camp.id, coup.id].sort();
      const all = await store.listEvents();
      expect(all.map((e) => [e.documentId, e.dateFrom])).toEqual([
        [bou.id, '2020-10-30'],
        [camp.id, '2018-04-14'],
        ...undated.map((id) => [id, null]),
      ]);
      expect((await store.listEvents({ country: 'ML' })).map((e) => e.documentId)).toEqual(all.map((e) => e.documentId));
      expect((await store.listEvents({ country: 'ML', limit: 2, offset: 2 })).map((e) => e.documentId)).toEqual(undated);
    });

    it('counts the most mentioned entities by documents', async () => {
      const camp = doc(SUPER_CAMP);
      const bou = doc(BOULIKESSI);
      await store.put(camp, superCampExtraction(camp));
      await store.put(bou, boulikessiExtraction(bou));
      const actors = await store.topMentions('actor', 5);
      expect(actors[0]).toEqual({ canonicalId: 'jnim', label: "Jama'at Nasr al-Islam wal-Muslimin", documents: 2, mentions: 2 });
      expect(actors.map((a) => a.canonicalId).sort()).toEqual(['fr-military', 'jnim', 'minusma']);
      expect((await store.topMentions('place')).map((p) => p.label)).toEqual(['Timbuktu']);
    });

    it('leaves no half document when the transaction fails after the document row', async () => {
      const bou = doc(BOULIKESSI);
      await store.put(bou, boulikessiExtraction(bou));
      const before = await store.counts();

      const camp = doc(SUPER_CAMP);
      const broken = superCampExtraction(camp);
      // A mention without a start breaks a NOT NULL constraint: the database itself fails the
      // write after the document, its origins and its story keys were inserted.
      (broken.quantities[0] as { start: number | null }).start = null;
      await expect(store.put(camp, broken)).rejects.toThrow();

      expect(await store.counts()).toEqual(before);
      expect(await store.exists(camp.id)).toBe(false);
      expect(await store.getDocument(camp.id)).toBeNull();
      expect(await store.listDocuments({ search: 'rockets' })).toEqual([]);
      expect((await store.listEvents()).map((e) => e.documentId)).toEqual([bou.id]);

      // The same document goes in cleanly afterwards, as new: nothing of the failed try remains.
      const put = await store.put(camp, superCampExtraction(camp));
      expect(put.status).toBe('new');
      expect((await store.listDocuments({ search: 'rockets' })).map((h) => h.id)).toEqual([camp.id]);
    });

    it('stores a batch as one put after another, and a failing document in it alone is left out', async () => {
      const bou = doc(BOULIKESSI);
      const camp = doc(SUPER_CAMP);
      const broken = superCampExtraction(camp);
      (broken.quantities[0] as { start: number | null }).start = null;
      const copy = doc(SUPER_CAMP_SYNDICATED);
      const results = await store.putMany([
        { doc: bou, extraction: boulikessiExtraction(bou) },
        { doc: camp, extraction: broken },
        { doc: camp, extraction: superCampExtraction(camp) },
        { doc: copy },
        { doc: bou },
      ]);
      expect(results[0]).toMatchObject({ id: bou.id, status: 'new' });
      expect(results[1]).toBeInstanceOf(Error);
      expect(results[2]).toMatchObject({ id: camp.id, status: 'new' });
      expect(results[3]).toMatchObject({ id: copy.id, status: 'story-duplicate', storyId: camp.id });
      expect(results[4]).toMatchObject({ id: bou.id, status: 'duplicate', addedOrigins: 0 });
      expect(await store.counts()).toMatchObject({ documents: 3, stories: 2 });
      expect((await store.listEvents()).map((e) => e.documentId).sort()).toEqual([bou.id, camp.id].sort());
    });

    it('stores rows prepared elsewhere and copied across threads as it stores the document and its extraction', async () => {
      const bou = doc(BOULIKESSI);
      const camp = doc(SUPER_CAMP);
      const copy = doc(SUPER_CAMP_SYNDICATED);
      // structuredClone is the copy a worker's message makes: bigint band keys and the typed signature survive it
      const prepared = [prepareDocument(bou, boulikessiExtraction(bou)), prepareDocument(camp, superCampExtraction(camp)), prepareDocument(copy)].map((p) => structuredClone(p));
      const results = await store.putPrepared(prepared);
      expect(results.map((r) => (r instanceof Error ? r.message : r.status))).toEqual(['new', 'new', 'story-duplicate']);
      expect(await store.counts()).toMatchObject({ documents: 3, stories: 2 });
      const stored = await store.getDocument(bou.id);
      expect(stored!.events.map((e) => e.acledSubtype)).toEqual((await store.listEvents({ limit: 0 })).filter((e) => e.documentId === bou.id).map((e) => e.acledSubtype));
      expect(stored!.mentions.length).toBeGreaterThan(0);
      expect(stored!.sentences).toEqual(bou.sentences);
      expect((await store.putPrepared([structuredClone(prepareDocument(bou, boulikessiExtraction(bou)))]))[0]).toMatchObject({ status: 'duplicate' });
    });

    it('keeps everything across a reopen, and reopening changes nothing', async () => {
      const camp = doc(SUPER_CAMP, { published: '2018-04-15' });
      await store.put(camp, superCampExtraction(camp));
      const before = await store.counts();
      await store.close();
      store = await handle.reopen();
      expect(await store.counts()).toEqual(before);
      expect((await store.getDocument(camp.id))!.events).toHaveLength(1);
      expect((await store.put(camp, superCampExtraction(camp))).status).toBe('duplicate');
      expect((await store.listDocuments({ search: 'rockets' })).length).toBe(1);
    });

    it('stores whatever an empty extraction holds and documents built from bare text', async () => {
      const d = documentFromText('Tongo Tongo is a village in Niger. It lies near the border with Mali.');
      const put = await store.put(d, emptyExtraction());
      expect(put.status).toBe('new');
      const got = await store.getDocument(d.id);
      expect(got!.sentences.length).toBe(2);
      expect(got!.origins).toEqual(d.origins);
    });
  });
}
