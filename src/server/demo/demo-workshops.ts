import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import type { ParticipantStatus, WorkshopTopic } from '../db/schema-appointments.js';
import { insertWorkshopsBulk, type BulkWorkshop, type BulkWorkshopParticipant } from '../appointments/index.js';
import { appendWorkerEventsAt, type CaseWorker } from '../people/index.js';
import { recordDeliveredServicesBulk } from '../services/index.js';
import { addDays, isoWeekday } from '../../shared/time/rome-date.js';
import { romeToday, romeToUtc } from '../../shared/time/rome-time.js';
import { seededRandom } from './demo-people.js';

/**
 * Six group workshops around the day the demo is seeded, one of them a weekly series of two: the
 * past ones with their attendance (each attended seat a delivered group service), the coming ones
 * with their seats taken, two of them full with a waiting list in order, and invitations not yet
 * answered. Each is held in the office's training room in the afternoon, by consultants with no
 * meeting then, for workers of the office who are free then: the claims the service writes would
 * refuse an overlap all the same. No message is queued: a demo tells no one anything.
 */

type Busy = Map<string, Array<[number, number]>>;

interface WorkshopPlan {
  office: string;
  facilitators: string[];
  topic: WorkshopTopic;
  title: string;
  description: string;
  /** The n-th working day from today (negative: past); the series' next sessions a week apart. */
  day: number;
  weeks?: number;
  time: string;
  minutes: number;
  seats: number;
  /** For each session: seats taken (past: attended, absent, excused), waiting, invited. */
  booked: number;
  waiting: number;
  invited: number;
}

const PLANS: WorkshopPlan[] = [
  {
    office: 'CPI-MO',
    facilitators: ['orientatrice@ricolloca.example'],
    topic: 'orientation',
    title: 'Orientarsi nel mercato del lavoro modenese',
    description: 'Settori che assumono in provincia, servizi del centro per l’impiego, come leggere un annuncio.',
    day: -6,
    time: '14:30',
    minutes: 120,
    seats: 15,
    booked: 12,
    waiting: 0,
    invited: 0,
  },
  {
    office: 'CPI-MO',
    facilitators: ['orientatrice@ricolloca.example', 'p.marchesi@ricolloca.example'],
    topic: 'cv_writing',
    title: 'Scrivere il curriculum',
    description:
      'Il curriculum in formato europeo, la lettera di presentazione, gli errori più comuni. Portare un documento e, se c’è, il vecchio CV.',
    day: 3,
    time: '15:00',
    minutes: 120,
    seats: 12,
    booked: 12,
    waiting: 4,
    invited: 3,
  },
  {
    office: 'CPI-CA',
    facilitators: ['f.dangelo@ricolloca.example'],
    topic: 'interview_practice',
    title: 'Prepararsi al colloquio di lavoro',
    description: 'Simulazioni di colloquio in piccoli gruppi, con le domande che le aziende del distretto fanno davvero.',
    day: -3,
    weeks: 2,
    time: '15:00',
    minutes: 90,
    seats: 10,
    booked: 8,
    waiting: 0,
    invited: 2,
  },
  {
    office: 'CPI-SA',
    facilitators: ['m.greco@ricolloca.example'],
    topic: 'training_paths',
    title: 'Percorsi di formazione: corsi regionali e programma GOL',
    description: 'I corsi gratuiti per chi è in cassa integrazione straordinaria, come iscriversi, indennità e frequenza.',
    day: 5,
    time: '15:00',
    minutes: 90,
    seats: 20,
    booked: 20,
    waiting: 3,
    invited: 0,
  },
  {
    office: 'CPI-MI',
    facilitators: ['d.pellegrino@ricolloca.example'],
    topic: 'hiring_company',
    title: 'Un’azienda che assume: magazzino e logistica',
    description:
      'Un’azienda della logistica di Mirandola presenta le posizioni aperte (magazzinieri, carrellisti, autisti C+E) e raccoglie i curricula.',
    day: 8,
    time: '15:00',
    minutes: 90,
    seats: 15,
    booked: 9,
    waiting: 0,
    invited: 5,
  },
  {
    office: 'CPI-PA',
    facilitators: ['r.conti@ricolloca.example'],
    topic: 'orientation',
    title: 'Ricollocarsi dopo la cassa integrazione',
    description: 'Il programma di ricollocazione passo per passo: colloqui, patto di servizio, laboratori, incontri con le aziende.',
    day: -2,
    time: '14:30',
    minutes: 90,
    seats: 10,
    booked: 8,
    waiting: 0,
    invited: 0,
  },
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const overlaps = (list: Array<[number, number]> | undefined, s: number, e: number) => !!list?.some(([a, b]) => a < e && s < b);

export interface DemoWorkshopsInput {
  networkId: string;
  officeIds: Map<string, string>;
  staffIds: Map<string, string>;
  now: Date;
  /** Each office's training room (the large one). */
  trainingRoomOf: Map<string, string>;
  /** Office → closed dates. */
  closed: Map<string, Map<string, string>>;
  /** Office → its workers, those taking part in the programme first. */
  pools: Map<string, CaseWorker[]>;
  /** What the individual meetings already hold (ms ranges), by consultant and by worker. */
  staffBusy: Busy;
  workerBusy: Busy;
}

export async function seedDemoWorkshops(trx: Executor, input: DemoWorkshopsInput): Promise<{ sessions: number }> {
  const { networkId, officeIds, staffIds, now } = input;
  const rnd = seededRandom(20261124);
  const today = romeToday(now);
  const workshops: BulkWorkshop[] = [];

  /** The n-th working day from today on which the office is open (a later one when it is closed). */
  const openDay = (officeId: string, n: number) => {
    let date = today;
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0 || isoWeekday(date) > 5 || input.closed.get(officeId)?.has(date);) {
      date = addDays(date, step);
      if (isoWeekday(date) <= 5 && !input.closed.get(officeId)?.has(date)) left--;
    }
    return date;
  };

  for (const plan of PLANS) {
    const officeId = officeIds.get(plan.office);
    const facilitatorIds = plan.facilitators.map((e) => staffIds.get(e)).filter((id): id is string => !!id);
    const roomId = officeId ? input.trainingRoomOf.get(officeId) : undefined;
    if (!officeId || !roomId || facilitatorIds.length === 0) continue;
    const seriesId = (plan.weeks ?? 1) > 1 ? randomUUID() : null;
    const busyAt = (date: string) => {
      const s = romeToUtc(date, plan.time).getTime();
      return facilitatorIds.some((id) => overlaps(input.staffBusy.get(id), s, s + plan.minutes * MINUTE));
    };
    // The planned day, or the next open one when a facilitator has a meeting then or a later week of
    // the series falls on a closing day (8 December, Easter Monday): a series keeps its weekday and
    // time, week after week, with every one of its sessions.
    const weeks = plan.weeks ?? 1;
    const fits = (date: string) =>
      Array.from({ length: weeks }, (_, week) => addDays(date, 7 * week)).every((d) => !input.closed.get(officeId)?.has(d) && !busyAt(d));
    let first = openDay(officeId, plan.day);
    for (let tries = 0; tries < 10 && !fits(first); tries++) first = openDay(officeId, plan.day + (plan.day < 0 ? -tries - 1 : tries + 1));
    for (let week = 0; week < weeks; week++) {
      const date = addDays(first, 7 * week);
      if (input.closed.get(officeId)?.has(date) || busyAt(date)) continue;
      const start = romeToUtc(date, plan.time);
      const end = new Date(start.getTime() + plan.minutes * MINUTE);
      const [s, e] = [start.getTime(), end.getTime()];
      const past = e <= now.getTime();
      const createdAt = new Date(Math.min(s - 20 * DAY, now.getTime() - 14 * DAY));
      const free = (input.pools.get(officeId) ?? []).filter((w) => !overlaps(input.workerBusy.get(w.id), s, e));
      const taking = free.slice(0, plan.booked + plan.waiting + plan.invited);
      const participants: BulkWorkshopParticipant[] = taking.map((w, i) => {
        const invitedAt = new Date(createdAt.getTime() + (1 + i) * 3 * 60 * MINUTE);
        const answeredAt = new Date(Math.min(invitedAt.getTime() + rnd.int(2, 72) * 60 * MINUTE, now.getTime() - 60 * MINUTE));
        const by = facilitatorIds[0]!;
        if (i < plan.booked) {
          const status: ParticipantStatus = past ? (rnd.chance(0.78) ? 'attended' : rnd.chance(0.65) ? 'absent' : 'excused') : 'booked';
          return {
            workerId: w.id,
            status,
            invitedAt,
            waitingSince: null,
            updatedAt: past ? new Date(e + 30 * MINUTE) : answeredAt,
            updatedBy: by,
          };
        }
        if (i < plan.booked + plan.waiting)
          // On the list in the order they asked for a seat.
          return { workerId: w.id, status: 'waiting', invitedAt, waitingSince: answeredAt, updatedAt: answeredAt, updatedBy: by };
        return { workerId: w.id, status: 'invited', invitedAt, waitingSince: null, updatedAt: invitedAt, updatedBy: by };
      });
      for (const p of participants)
        if (p.status !== 'waiting' && p.status !== 'invited')
          input.workerBusy.set(p.workerId, [...(input.workerBusy.get(p.workerId) ?? []), [s, e]]);
      for (const id of facilitatorIds) input.staffBusy.set(id, [...(input.staffBusy.get(id) ?? []), [s, e]]);
      workshops.push({
        id: randomUUID(),
        networkId,
        officeId,
        topic: plan.topic,
        title: plan.title,
        description: plan.description,
        roomId,
        place: '',
        start,
        end,
        seats: plan.seats,
        seriesId,
        createdBy: facilitatorIds[0]!,
        createdAt,
        facilitatorIds,
        participants,
      });
    }
  }
  await insertWorkshopsBulk(trx, workshops);

  // What recording the attendance does: each present participant a delivered group service, and
  // the outcome on the worker's timeline.
  const held = workshops.flatMap((w) =>
    w.participants.filter((p) => ['attended', 'absent', 'excused'].includes(p.status)).map((p) => ({ w, p })),
  );
  await recordDeliveredServicesBulk(
    trx,
    held
      .filter(({ p }) => p.status === 'attended')
      .map(({ w, p }) => ({
        networkId,
        officeId: w.officeId,
        workerId: p.workerId,
        programmeId: null,
        staffId: w.facilitatorIds[0]!,
        serviceCode: 'group_workshop' as const,
        delivery: 'group' as const,
        deliveredOn: romeToday(w.start),
        minutes: Math.round((w.end.getTime() - w.start.getTime()) / MINUTE),
        source: { type: 'group_session' as const, id: w.id },
        createdBy: w.facilitatorIds[0]!,
      })),
  );
  await appendWorkerEventsAt(
    trx,
    held.map(({ w, p }) => ({
      workerId: p.workerId,
      officeId: w.officeId,
      kind: `workshop.${p.status}`,
      actorId: w.facilitatorIds[0]!,
      at: p.updatedAt,
      details: { sessionId: w.id, title: w.title, start: w.start.toISOString() },
    })),
  );
  return { sessions: workshops.length };
}
