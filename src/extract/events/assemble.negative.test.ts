import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

function events(text: string, published: string | null = null) {
  return extract(documentFromText(text, published)).events;
}

describe('events stage: French sentences that stay with the incident told before', () => {
  it('a toll at the same place, given by the army, is the toll of the attack', () => {
    const evs = events("Des jihadistes ont attaqué dimanche le camp militaire de Boulkessi, dans la province du Soum. L'armée a affirmé avoir neutralisé une trentaine d'assaillants qui tentaient de pénétrer dans le camp, a indiqué l'état-major.", '2024-06-10');
    expect(evs).toHaveLength(1);
    expect(evs[0].fatalities?.best).toBe(30);
  });

  it('an English document keeps merging a later toll into the incident told last', () => {
    const evs = events('Gunmen killed at least twelve civilians on Sunday near Djibo, according to local sources. The Malian army said it had neutralised about thirty terrorists in the Bankass circle.', '2024-06-10');
    expect(evs).toHaveLength(1);
  });

  it('gives bare soldiers no army when the text names theirs, or the attack killed only civilians', () => {
    const [ied] = extract(documentFromText('Three French soldiers were killed by an IED in northern Mali on Monday.', '2024-05-02')).events;
    expect(ied.actor2).not.toBe('Military Forces of Mali');
    expect(ied.rules).not.toContain('events.actor.soldiers-of-place');
    const [vac] = extract(documentFromText('Gunmen attacked the village of Djibo in northern Burkina Faso on Sunday, killing 12 civilians.', '2024-05-02')).events;
    expect(vac.acled).toEqual({ type: 'Violence against civilians', subtype: 'Attack' });
    expect(vac.actor2).not.toBe('Military Forces of Burkina Faso');
  });

  it('a soldier among the dead listed after an attack on a resort is no armed target', () => {
    const [e] = extract(documentFromText('On 18 June, JNIM militants attacked a luxury resort in Bamako killing 5 people, including one Portuguese soldier.', '2017-06-20')).events;
    expect(e.rules).not.toContain('events.type.armed-target');
  });
});
