import { describe, expect, it } from 'vitest';
import { extract } from '../pipeline.js';
import { documentFromText } from '../../ingest/document.js';

function statements(text: string, published: string | null = '2025-06-06') {
  return extract(documentFromText(text, published)).statements.map((s) => ({ ...s, rules: undefined }));
}

function find(list: ReturnType<typeof statements>, predicate: string) {
  return list.filter((s) => s.predicate === predicate);
}

describe('statements: general patterns on news sentences', () => {
  it('"X, backed by Y" and "Y-backed X"', () => {
    const st = statements('The Wagner Group, a paramilitary force backed by Russia, arrived in Bamako in 2021.');
    expect(find(st, 'backed_by')).toEqual([expect.objectContaining({ subject: 'Wagner Group', object: 'Russia', modality: 'asserted' })]);
  });

  it('"under the command of Y"', () => {
    const st = statements('The Africa Corps operates under the direct command of the Russian defense ministry.');
    expect(find(st, 'commanded_by')[0]).toMatchObject({ subject: 'Africa Corps', object: 'Ministry of Defence of Russia' });
  });

  it('"tied to Y" gives affiliated_with', () => {
    const st = statements('Fighters tied to al-Qaida attacked a checkpoint near Boni on Monday.');
    expect(find(st, 'affiliated_with')[0]).toMatchObject({ object: 'al-Qaida' });
  });

  it('"X leader Y" and "President Y" give leader_of', () => {
    const st = statements('JNIM leader Iyad Ag Ghaly called for talks with the junta.');
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Iyad Ag Ghaly' });
  });

  it('"about N fighters remain in Z" gives an estimated strength at the publication date, with its source', () => {
    const st = statements('About 1,500 Russian instructors remain in Mali, according to diplomats.');
    expect(find(st, 'strength')[0]).toMatchObject({ object: 'ML', value: { best: 1500, approximate: true }, at: '2025-06-06', modality: 'estimated', attributedTo: 'diplomats' });
  });

  it('"the death of X\'s leader, Y, in a plane crash in 2023" gives died and closes leader_of', () => {
    const st = statements('Following the death of Wagner’s leader, Yevgeny Prigozhin, in a plane crash in 2023, Russia took control of its units.');
    expect(find(st, 'died')[0]).toMatchObject({ subject: 'Yevgeny Prigozhin', value: 'plane crash', at: '2023' });
    expect(find(st, 'leader_of')[0]).toMatchObject({ subject: 'Yevgeny Prigozhin', object: 'Wagner Group', to: '2023' });
  });

  it('a role title before a name, and a role in apposition', () => {
    const st = statements('Security analyst Jane Mwangi said the army would struggle. The spokesman for the army, Souleymane Dembélé, denied it.');
    const roles = find(st, 'role');
    expect(roles).toContainEqual(expect.objectContaining({ subject: 'Jane Mwangi', value: 'security analyst' }));
    expect(roles).toContainEqual(expect.objectContaining({ subject: 'Souleymane Dembélé', value: 'spokesman for the army' }));
  });

  it('"X, part of Y" and "NAME, a member of Y"', () => {
    const st = statements('Katiba Macina, part of JNIM, attacked the town. Amadou Koufa, a senior member of JNIM, called for jihad.');
    expect(find(st, 'part_of')[0]).toMatchObject({ object: expect.stringMatching(/Nusrat|JNIM/) });
    expect(find(st, 'member_of')[0]).toMatchObject({ subject: 'Amadou Koufa', object: expect.stringMatching(/Nusrat|JNIM/) });
  });

  it('a claim with its quote and channel', () => {
    const st = statements('In a message on Telegram, the Wagner Group proclaimed: “Mission accomplished.”');
    expect(find(st, 'claims')[0]).toMatchObject({ subject: 'Wagner Group', value: 'Mission accomplished.', modality: 'claimed', attributedTo: 'Wagner Group', channel: 'telegram' });
  });
});
