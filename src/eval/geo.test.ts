import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyExtraction } from '../model.js';
import { tokensStage } from '../extract/stages/tokens.js';
import { placesStage } from '../extract/stages/places.js';
import { offsetMap, parseGeoXml, scoreGeo } from './geo.js';

// Small articles of our own in the two layouts (the benchmark files stay in ../shared).
const LGL_LAYOUT = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>Convoy reaches Gao</title>
    <text><![CDATA[A convoy left Gao for Menaka & Kidal on Monday.]]></text>
    <toponyms count="3">
      <toponym><start>15</start><end>18</end><phrase>Gao</phrase>
        <gaztag geonameid="2457163"><name>Gao</name><fclass>P</fclass><fcode>PPLA</fcode><lat>16.2717</lat><lon>-0.0447</lon></gaztag></toponym>
      <toponym><start>23</start><end>29</end><phrase>Menaka</phrase>
        <gaztag geonameid="2454532"><name>Ménaka</name><fclass>P</fclass><fcode>PPL</fcode><lat>15.9182</lat><lon>2.4022</lon></gaztag></toponym>
      <toponym><start>32</start><end>37</end><phrase>Kidal</phrase></toponym>
    </toponyms>
  </article>
</articles>`;

const GEOVIRUS_LAYOUT = `<articles>
    <article>
        <source>https://example.org/story</source>
        <text>Health workers in &quot;Bamako&quot; and Sikasso reported new cases.</text>
        <locations>
            <location><name>Bamako</name><start>19</start><end>25</end><lat>12.65</lat><lon>-8.0</lon><page>x</page></location>
            <location><name>Sikasso</name><start>32</start><end>39</end><lat>11.32</lat><lon>-5.67</lon><page>x</page></location>
        </locations>
    </article>
</articles>`;

describe('geo evaluator', () => {
  it('reads the LGL layout, with toponyms lacking coordinates', () => {
    const [a] = parseGeoXml(LGL_LAYOUT);
    expect(a.id).toBe('1');
    expect(a.toponyms.map((t) => a.text.slice(t.start, t.end))).toEqual(['Gao', 'Menaka', 'Kidal']);
    expect(a.toponyms[2].lat).toBeNull();
  });

  it('reads the GeoVirus layout, decoding entities and re-anchoring spans that are one off', () => {
    const [a] = parseGeoXml(GEOVIRUS_LAYOUT);
    expect(a.text).toContain('"Bamako"');
    // 19 points one past "Bamako" in the decoded text; the reader finds the name next to it
    expect(a.toponyms.map((t) => a.text.slice(t.start, t.end))).toEqual(['Bamako', 'Sikasso']);
  });

  it('maps raw offsets onto normalised text', () => {
    const raw = 'In  Gao,\r\nthen Kidal';
    const norm = 'In Gao,\nthen Kidal';
    const map = offsetMap(raw, norm);
    expect(norm.slice(map[4], map[7])).toBe('Gao');
    expect(norm.slice(map[raw.indexOf('Kidal')], map[raw.length])).toBe('Kidal');
  });

  it('scores recognition by overlap and geocoding by distance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-geo-'));
    const file = join(dir, 'lgl-like.xml');
    writeFileSync(file, LGL_LAYOUT);
    const report = await scoreGeo(file, (doc) => {
      const r = emptyExtraction();
      tokensStage.run(doc, r);
      placesStage.run(doc, r);
      return r.places;
    });
    expect(report.overall.recall).toBe(1);
    expect(report.overall.precision).toBe(1);
    expect(report.overall.acc161).toBe(1);
    expect(report.details.geocoded).toBe(2);
    expect(report.table).toContain('acc161');
  });
});
