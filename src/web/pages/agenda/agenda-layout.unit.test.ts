import { describe, expect, it } from 'vitest';
import { layOutDay, slotsByDay } from './agenda-layout';

const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const item = (id: string, from: string, to: string) => ({ id, startMinute: m(from), endMinute: m(to) });

describe('layOutDay: side-by-side lanes for overlapping meetings in one day column', () => {
  it('gives meetings that do not overlap the full width, one after the other', () => {
    const placed = layOutDay([item('a', '09:00', '10:00'), item('b', '10:00', '10:45')]);
    expect(placed.map((p) => [p.id, p.lane, p.lanes])).toEqual([
      ['a', 0, 1],
      ['b', 0, 1],
    ]);
  });

  it('puts three consultants at 10:00 in three lanes, and reuses a lane freed inside the cluster', () => {
    const placed = layOutDay([
      item('rossi', '10:00', '11:00'),
      item('bianchi', '10:00', '10:30'),
      item('ferrari', '10:15', '11:15'),
      item('conti', '10:30', '11:00'),
    ]);
    const byId = Object.fromEntries(placed.map((p) => [p.id, [p.lane, p.lanes]]));
    expect(byId).toEqual({ rossi: [0, 3], bianchi: [1, 3], ferrari: [2, 3], conti: [1, 3] });
  });

  it('keeps separate clusters separate: a later meeting alone is not narrowed by an earlier crowd', () => {
    const placed = layOutDay([item('a', '09:00', '10:00'), item('b', '09:30', '10:00'), item('c', '14:00', '15:00')]);
    expect(placed.find((p) => p.id === 'c')).toMatchObject({ lane: 0, lanes: 1 });
    expect(placed.find((p) => p.id === 'b')).toMatchObject({ lane: 1, lanes: 2 });
  });
});

describe('slotsByDay', () => {
  it('groups consecutive slots of one day, keeping the server order', () => {
    const groups = slotsByDay([
      { date: '2026-03-27', t: '09:00' },
      { date: '2026-03-27', t: '09:15' },
      { date: '2026-03-30', t: '09:00' },
    ]);
    expect(groups.map((g) => [g.date, g.slots.length])).toEqual([
      ['2026-03-27', 2],
      ['2026-03-30', 1],
    ]);
  });
});
