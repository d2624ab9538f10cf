import { describe, expect, it } from 'vitest';
import { layOutDay, slotsByDay, workshopsShown } from './agenda-layout';

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

describe('layOutDay with a workshop among the meetings', () => {
  it('gives a two-hour workshop its own lane beside the meetings it overlaps, and the full width once they end', () => {
    const placed = layOutDay([
      { ...item('colloquio-rossi', '09:00', '10:00'), kind: 'appointment' },
      { ...item('curriculum', '09:30', '11:30'), kind: 'workshop' },
      { ...item('colloquio-conti', '10:00', '10:30'), kind: 'appointment' },
      { ...item('colloquio-esposito', '12:00', '12:30'), kind: 'appointment' },
    ]);
    const byId = Object.fromEntries(placed.map((p) => [p.id, [p.lane, p.lanes, p.kind]]));
    expect(byId).toEqual({
      'colloquio-rossi': [0, 2, 'appointment'],
      curriculum: [1, 2, 'workshop'],
      'colloquio-conti': [0, 2, 'appointment'],
      'colloquio-esposito': [0, 1, 'appointment'],
    });
  });
});

describe('workshopsShown: the sessions a calendar view shows', () => {
  const ws = [
    { id: 'cv', status: 'scheduled', room: { id: 'sala-corsi' }, facilitators: [{ id: 'rinaldi' }, { id: 'gallo' }] },
    { id: 'colloquio', status: 'scheduled', room: null, facilitators: [{ id: 'gallo' }] },
    { id: 'annullato', status: 'cancelled', room: { id: 'sala-corsi' }, facilitators: [{ id: 'rinaldi' }] },
  ];
  const ids = (f: Parameters<typeof workshopsShown>[1]) => workshopsShown(ws, f).map((w) => w.id);
  it('shows the office all but the cancelled, which come with the cancelled meetings', () => {
    expect(ids({ includeCancelled: false })).toEqual(['cv', 'colloquio']);
    expect(ids({ includeCancelled: true })).toEqual(['cv', 'colloquio', 'annullato']);
  });
  it('for a consultant, the sessions they facilitate; for a room, those held in it', () => {
    expect(ids({ consultantId: 'rinaldi', includeCancelled: false })).toEqual(['cv']);
    expect(ids({ consultantId: 'gallo', includeCancelled: false })).toEqual(['cv', 'colloquio']);
    expect(ids({ roomId: 'sala-corsi', includeCancelled: true })).toEqual(['cv', 'annullato']);
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
