// Baseline for bench/agenda-reminders.bench.ts, in a process of its own as the runner is: the
// product's SMTP sender alone (smtpEmailSender: the same pool and defaults) sending COUNT messages
// of the reminders' kind (a short text and an iCalendar invitation built by icalendar.ts) to
// SMTP_URL, 100 in flight at any time, with no database and no queue. What is left between this figure and
// the reminder job's is the queue's and the agenda's own cost. Prints "baseline <ms>".
import { invitationIcs } from '../../src/server/appointments/icalendar.js';
import { smtpEmailSender } from '../../src/server/outreach/channels.js';

const count = Number(process.env.COUNT ?? 1000);
const sender = smtpEmailSender(process.env.SMTP_URL!, 'CPI Modena <cpi.modena@ricolloca.example>');
const start = new Date('2027-03-01T08:00:00Z');
const t0 = performance.now();
let next = 0;
async function sendOne(n: number) {
  const to = `baseline${n}@posta.example`;
  const content = invitationIcs(
    {
      appointmentId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      sequence: 0,
      start,
      end: new Date(start.getTime() + 3_600_000),
      summary: 'Primo colloquio - CPI Modena',
      description: 'Primo colloquio con Elena Colombo (in presenza).',
      location: 'CPI Modena - Via delle Costellazioni 180, 41126 Modena - stanza Sala colloqui 1',
      url: null,
      organizer: { name: 'CPI Modena', email: 'cpi.modena@ricolloca.example' },
      attendees: [{ name: 'Giuseppe Esposito', email: to, role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: false }],
      status: 'CONFIRMED',
    },
    { host: 'lavoro.provincia.example', stamp: new Date() },
  );
  return sender.send({
    to,
    subject: 'Promemoria: Primo colloquio di lunedì 1 marzo 2027',
    text: 'Gentile Giuseppe Esposito, le ricordiamo il primo colloquio di lunedì 1 marzo 2027 alle ore 09:00.',
    calendar: { method: 'REQUEST', content, filename: 'appuntamento.ics' },
  });
}
await Promise.all(
  Array.from({ length: 100 }, async () => {
    while (next < count) await sendOne(next++);
  }),
);
console.log(`baseline ${performance.now() - t0}`);
await sender.close?.();
