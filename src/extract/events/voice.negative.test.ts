import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

// Sentences where a passive verb of harm is near an actor that is not its subject.
function violent(text: string, published = '2024-05-02') {
  return extract(documentFromText(text, published)).events.filter((e) => e.plover === 'ASSAULT');
}

describe('events: passive voice, not fooled', () => {
  it('the subject of an active attack stays actor1 even when victims are named after it', () => {
    const [e] = violent('Jihadists attacked an army post near Boni, where eleven Malian soldiers were killed.');
    expect(e.actor1).toBe('jihadists');
  });

  it('attackers killed in their own attack remain the initiators', () => {
    const [e] = violent('Gunmen stormed a village in central Mali on Sunday; six attackers were killed in the shooting.');
    expect(e.actor1).not.toBeNull();
    expect(e.actor2).not.toBe(e.actor1);
  });

  it('the source of an account ("according to X") is not a party', () => {
    const [e] = violent('According to Human Rights Watch, 14 civilians were killed when Malian soldiers raided the village.');
    expect(e.actor1).not.toBe('Human Rights Watch');
    expect(e.actor2).not.toBe('Human Rights Watch');
  });

  it('a passive that is not harm ("was formed") leaves the subject as the actor', () => {
    const evs = extract(documentFromText('In 2017, a new coalition of jihadist groups was formed in Mali under JNIM.', '2024-05-02')).events;
    for (const e of evs) expect(e.actor2).not.toBe(e.actor1);
  });
});

describe('events: a development does not borrow the last attacker', () => {
  it('an unresolved subject of a retreat is not the party of the previous clash', () => {
    const text = 'Malian troops clashed with jihadists near Konna on 12 January 2013. By the end of May, the rebel columns had to retreat to the desert.';
    const evs = extract(documentFromText(text, '2013-06-01')).events;
    const retreat = evs.find((e) => e.extra === 'withdrawal');
    // either no event or one whose actor is not the army that fought before
    if (retreat) expect(retreat.actor1).not.toBe('Military Forces of Mali');
  });
  it('a pronoun subject still takes the parties told before', async () => {
    const { mayBorrowParties } = await import('./assemble.js');
    expect(mayBorrowParties('They ', false)).toBe(true);
    expect(mayBorrowParties('the ', false)).toBe(true);
    expect(mayBorrowParties('Additionally, the Air Force ', false)).toBe(false);
    expect(mayBorrowParties('the assailants ', true)).toBe(true);
  });
});

describe('events: one incident told with several cues stays one event', () => {
  it('a toll in the next clause is part of the attack', () => {
    const evs = violent('Jihadists attacked an army post near Boni, and twelve soldiers were killed.');
    expect(evs).toHaveLength(1);
  });
  it('a weak cue beside a strong one does not make a second event', () => {
    const evs = violent('Their mission was framed as fighting militants, while accusations of massacres of civilians have surfaced.');
    expect(evs.length).toBeLessThanOrEqual(1);
  });
});
