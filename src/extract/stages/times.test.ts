import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/document.js';
import { emptyExtraction, type TimeMention } from '../../model.js';
import { timesStage } from './times.js';

// Sentences written for these tests in the style of Sahel wire copy; the publication date is a Friday.
const PUBLISHED = '2025-06-06';

function times(text: string, published: string | null = PUBLISHED): TimeMention[] {
  const doc = documentFromText(text, published);
  const results = emptyExtraction();
  timesStage.run(doc, results);
  return results.times;
}

function one(text: string, phrase: string, published: string | null = PUBLISHED): TimeMention {
  const found = times(text, published).find((t) => t.text === phrase);
  if (!found) throw new Error(`no time "${phrase}" in: ${JSON.stringify(times(text, published).map((t) => t.text))}`);
  return found;
}

describe('times stage: dates against the publication date', () => {
  it('reads a weekday as the most recent one before publication (news reports the past)', () => {
    const t = one('Gunmen attacked a checkpoint near Gao on Sunday, the army said.', 'Sunday');
    expect(t).toMatchObject({ timexType: 'DATE', value: '2025-06-01', precision: 'day', anchored: true, stage: 'times', rule: 'weekday' });
  });

  it('reads a month after the publication month in a past-tense report as last year\'s', () => {
    expect(one('Soldiers killed 30 civilians in Moura in July, a rights group said.', 'July').value).toBe('2024-07');
    expect(one('Elections will be held in July.', 'July').value).toBe('2025-07');
  });

  it('reads French relative times: "il y a deux jours", "la semaine dernière", "deux jours plus tard", "l\'an dernier"', () => {
    const doc = "Des hommes armés ont attaqué le village il y a deux jours, selon des habitants. Le convoi avait été attaqué mardi dernier, puis deux jours plus tard un autre convoi a été visé. L'an dernier, des soldats ont été tués la semaine dernière de décembre, a indiqué l'armée.";
    const got = Object.fromEntries(times(doc).map((t) => [t.text, t.value]));
    expect(got['il y a deux jours']).toBe('2025-06-04');
    expect(got['mardi dernier']).toBe('2025-06-03');
    expect(got['deux jours plus tard']).toBe('2025-06-05');
    expect(got["L'an dernier"]).toBe('2024');
  });

  it('reads French months alone or with their year, past or coming by the tense', () => {
    const doc = "Le capitaine a pris le pouvoir en septembre 2022. Des soldats ont été tués fin juillet dans une embuscade près de Djibo, selon l'armée. Les élections auront lieu en mars, a annoncé la junte dans un communiqué lu à la télévision nationale.";
    const got = times(doc).map((t) => [t.text, t.value]);
    expect(got).toEqual([
      ['septembre 2022', '2022-09'],
      ['juillet', '2024-07'],
      ['mars', '2026-03'],
    ]);
  });

  it('counts "two days later" from the day the text just named, even one placed against the publication date', () => {
    expect(one('The guard detained the president on Wednesday, and the general declared himself head of state two days later.', 'two days later').value).toBe('2025-06-06');
  });

  it('reads a weekday after "next" or a future tense forward', () => {
    expect(one('The delegation will travel to Niamey on Tuesday.', 'Tuesday').value).toBe('2025-06-10');
    expect(one('Talks resume next Monday in Algiers.', 'next Monday').value).toBe('2025-06-09');
  });

  it('keeps "late" as TIMEX3 mod END and narrows a year to its last quarter', () => {
    const t = one('The mercenaries arrived in Bamako in late 2021 after the second coup.', 'late 2021');
    expect(t).toMatchObject({ value: '2021', mod: 'END', precision: 'quarter', from: '2021-10', to: '2021-12', anchored: false });
  });

  it('reads a bare year as a year, without the preposition', () => {
    expect(one('Its founder died when his plane crashed in 2023.', '2023')).toMatchObject({ value: '2023', precision: 'year' });
  });

  it('turns a signal word into an open interval: "since 2012" is after 2012', () => {
    expect(one('The north has been in turmoil since 2012.', '2012')).toMatchObject({ value: '2012', precision: 'after', after: '2012' });
  });

  it('reads "late May" as the end of the month', () => {
    expect(one('The convoy was ambushed in late May near Tessalit.', 'late May')).toMatchObject({ value: '2025-05', mod: 'END', precision: 'range', from: '2025-05-21', to: '2025-05-31' });
  });

  it('reads a day range as one range', () => {
    const t = one('Clashes took place between 1 and 3 June around Boulkessi.', '1 and 3 June');
    expect(t).toMatchObject({ precision: 'range', from: '2025-06-01', to: '2025-06-03' });
  });

  it('reads decades, quarters, seasons and relative days', () => {
    expect(one('The rebellion of the 1990s ended with a pact.', 'the 1990s')).toMatchObject({ value: '199', precision: 'decade', from: '1990', to: '1999' });
    expect(one('Gold exports fell in the third quarter of 2024.', 'the third quarter of 2024')).toMatchObject({ value: '2024-Q3', precision: 'quarter', from: '2024-07', to: '2024-09' });
    expect(one('The base was handed over last summer.', 'last summer')).toMatchObject({ value: '2024-SU', precision: 'season' });
    expect(one('A drone strike hit the market yesterday.', 'yesterday')).toMatchObject({ value: '2025-06-05', precision: 'day', anchored: true });
    expect(one('The village was attacked two weeks ago.', 'two weeks ago')).toMatchObject({ value: '2025-W21', precision: 'week' });
    expect(one('The junta announced on 14 March 2024 that it was leaving the bloc.', '14 March 2024')).toMatchObject({ value: '2024-03-14', precision: 'day', anchored: false });
  });

  it('reads vague references: "recent clashes" are before publication, "now" is the present', () => {
    expect(one('Losses mounted in recent clashes with the jihadists.', 'recent')).toMatchObject({ value: 'PAST_REF', precision: 'before', before: '2025-06-06' });
    expect(one('The group now controls the road.', 'now')).toMatchObject({ value: 'PRESENT_REF' });
  });
});

describe('times stage: durations', () => {
  it('reads "over three years" as P3Y MORE_THAN ending at publication', () => {
    const t = one('The company left Mali after over three years of fighting insurgents.', 'over three years');
    expect(t).toMatchObject({ timexType: 'DURATION', value: 'P3Y', mod: 'MORE_THAN', precision: 'range', from: '2022-06', to: '2025-06-06', anchored: true });
  });

  it('reads "for over a decade" as P10Y MORE_THAN', () => {
    expect(one('Burkina Faso has fought armed groups for over a decade.', 'over a decade')).toMatchObject({ value: 'P10Y', mod: 'MORE_THAN' });
  });

  it('keeps the determiner and the qualifier of a stretch of time (TimeML extents)', () => {
    expect(one('Attacks doubled over the past two years.', 'the past two years')).toMatchObject({ value: 'P2Y', from: '2023-06', to: '2025-06-06' });
    expect(one('The siege lasted several months.', 'several months').value).toBe('PXM');
    expect(one('a five-day curfew was declared', 'five-day').value).toBe('P5D');
  });
});

describe('times stage: without a publication date', () => {
  it('leaves relative expressions unanchored, never "today"', () => {
    expect(one('The army withdrew yesterday.', 'yesterday', null)).toMatchObject({ value: 'XXXX-XX-XX', anchored: false, precision: 'unknown' });
    expect(one('The camp was attacked last year.', 'last year', null)).toMatchObject({ value: 'XXXX', anchored: false });
    expect(one('Fighting resumed on Sunday.', 'Sunday', null)).toMatchObject({ value: 'XXXX-WXX-7', anchored: false });
  });

  it('still reads what the text states in full', () => {
    expect(one('The accord was signed on 20 June 2015 in Bamako.', '20 June 2015', null)).toMatchObject({ value: '2015-06-20', precision: 'day' });
  });

  it('anchors a narrative on the last date it stated', () => {
    const text = 'The rebels took Kidal on 30 March 2012. In April, they declared independence. Two months later the jihadists pushed them out.';
    expect(one(text, 'April', null).value).toBe('2012-04');
  });
});

describe('times stage: records', () => {
  it('gives every mention its sentence, offsets and provenance', () => {
    const text = 'Nothing happened then. Troops arrived on Friday.';
    const t = one(text, 'Friday');
    expect(text.slice(t.start, t.end)).toBe('Friday');
    expect(t.sentence).toBe(1);
    expect(t.stage).toBe('times');
  });
});

describe('times stage: a publication date known to the month or year only', () => {
  it('does not place a relative day more precisely than the publication date', () => {
    expect(one('The army withdrew yesterday.', 'yesterday', '2025-06')).toMatchObject({ value: '2025-06-XX', anchored: true, precision: 'month', from: '2025-06' });
    expect(one('Fighting resumed on Sunday.', 'Sunday', '2025')).toMatchObject({ value: '2025-XX-XX' });
    expect(one('The camp was attacked last year.', 'last year', '2025').value).toBe('2024');
  });
});

describe('times stage: French reporting', () => {
  // published on Friday 6 June 2025, as above
  const text =
    "Des hommes armés ont attaqué samedi un convoi de l'armée malienne près de Gao, ont indiqué des sources sécuritaires. Hier soir, les soldats ont riposté. Le 3 mars dernier, une attaque similaire avait fait vingt morts. Le ministre se rendra à Ménaka mardi prochain. L'embuscade du dimanche 1er juin 2025 a commencé vers 5h30.";
  it('reads dates, weekdays and "hier" against the publication date', () => {
    expect(one(text, 'samedi')).toMatchObject({ value: '2025-05-31', precision: 'day', anchored: true });
    expect(one(text, 'Hier soir').value).toBe('2025-06-05');
    expect(one(text, '3 mars').value).toBe('2025-03-03');
    expect(one(text, 'mardi prochain').value).toBe('2025-06-10');
    expect(one(text, 'dimanche 1er juin 2025').value).toBe('2025-06-01');
  });
});
