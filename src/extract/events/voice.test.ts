import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

// Who did what to whom when the news puts the victims first: the subject of a passive verb of
// harm is the victim (ACLED actor2); the agent of "by X" is the initiator (actor1).
function violent(text: string, published = '2024-05-02') {
  return extract(documentFromText(text, published)).events.filter((e) => e.plover === 'ASSAULT');
}

describe('events: passive voice and agents', () => {
  it('victims of a passive verb are actor2; an unnamed attacker leaves actor1 empty, never the victim', () => {
    const [e] = violent('Five Nigerien gendarmes were killed in an attack near Tillabéri on Tuesday.');
    expect(e.actor2).toBe('Police Forces of Niger');
    expect(e.actor1).not.toBe('Police Forces of Niger');
    expect(e.rules).toContain('events.actor.passive-victim');
    // no "10": that would code the gendarmes as acting alone
    expect(e.interaction).toBeNull();
  });

  it('the agent of "by X" is actor1, the subject of the passive actor2', () => {
    const [e] = violent('Seven Malian soldiers were ambushed and killed by jihadists near Boni on Monday.');
    expect(e.actor1).toBe('jihadists');
    expect(e.actor2).toBe('Military Forces of Mali');
  });

  it('a passive subject with the attackers named in a "when" clause', () => {
    const [e] = violent('Three Burkinabe soldiers were killed when militants attacked their patrol in the Sahel region.');
    expect(e.actor1).toBe('militants');
    expect(e.actor2).toBe('Military Forces of Burkina Faso');
  });

  it('a passive with the agent after the participle and a place between', () => {
    const [e] = violent('A military camp was attacked by jihadists overnight and four Malian soldiers were killed.');
    expect(e.actor1).toBe('jihadists');
  });

  it('both sides losing men in one fight are both parties of the clash', () => {
    const [e] = violent('Twelve Chadian soldiers and 40 jihadists were killed during heavy fighting in the mountains.');
    expect(e.acled?.subtype).toBe('Armed clash');
    expect([e.actor1, e.actor2].sort()).toEqual(['Military Forces of Chad', 'jihadists']);
  });
});

describe('events: two incidents in one sentence', () => {
  it('a clause of its own with another mode of violence is a second event', () => {
    const evs = violent('Gunmen attacked the village of Ndaki on Monday, killing nine civilians, and a drone strike hit a convoy near Gao the next day.');
    expect(evs.map((e) => e.acled?.subtype).sort()).toEqual(['Air/drone strike', 'Attack']);
    const strike = evs.find((e) => e.acled?.subtype === 'Air/drone strike');
    expect(strike?.evidence.text).toContain('drone strike');
    expect(strike?.actor1).not.toBe('unidentified armed group');
  });
});

describe('events: civilians are acted upon', () => {
  it('"an attack on a village left N villagers dead": the villagers are actor2, the attacker unknown', () => {
    const [e] = violent('An attack on the village of Kera in Mopti region left 14 villagers dead on Sunday.');
    expect(e.actor1).toBeNull();
    expect(e.actor2?.toLowerCase()).toBe('civilians');
    expect(e.civilianTargeting).toBe(true);
  });
  it('"killed along with two civilians": the civilians are victims too', () => {
    const [e] = violent('A Togolese peacekeeper was killed along with two civilians when the convoy was attacked near Gao.');
    expect(e.actor1?.toLowerCase()).not.toBe('civilians');
  });
});
