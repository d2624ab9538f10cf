import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { CRISIS_CIGS_REASONS } from '../../shared/schemas/companies.schema.js';
import type { RecipientStatus } from '../db/schema-outreach.js';
import { REGISTERED_STATES } from '../outreach/campaign.repository.js';
import { romeLocal, romeToUtc } from '../outreach/hotline-hours.js';
import { describeHours, italianDate, renderTemplate, daysBetween } from '../outreach/placeholders.js';

// The article's hotline hours: Monday, Tuesday, Wednesday and Friday 10:00–13:30, Thursday 13:00–17:00.
export const ARTICLE_HOTLINE_HOURS = [
  ...[1, 2, 3, 5].map((weekday) => ({ weekday, opens: '10:00', closes: '13:30' })),
  { weekday: 4, opens: '13:00', closes: '17:00' },
];

export const DEMO_TEMPLATES = {
  sms: {
    name: 'Invito SMS - servizio di ricollocazione',
    channel: 'sms' as const,
    subject: '',
    body: 'Gentile {{nome}} {{cognome}}, la sua CIGS termina il {{data_fine_cigs}}. Il {{sede}} offre un servizio gratuito per trovare un nuovo lavoro. Chiami il {{telefono_sede}} ({{orari_centralino}}).',
  },
  email: {
    name: 'Invito e-mail - servizio di ricollocazione',
    channel: 'email' as const,
    subject: 'Un servizio per trovare un nuovo lavoro prima della fine della CIGS',
    body: 'Gentile {{nome}} {{cognome}},\n\nlei è in cassa integrazione straordinaria presso {{azienda}} fino al {{data_fine_cigs}} (mancano {{giorni_alla_fine_cigs}} giorni).\nIl {{sede}} ha attivato un servizio gratuito di accompagnamento: colloqui individuali e di gruppo, orientamento, formazione, curriculum e contatto con le aziende che assumono.\n\nPer iscriversi chiami il {{telefono_sede}} negli orari del centralino: {{orari_centralino}}.\n\nCordiali saluti,\n{{sede}}',
  },
  letter: {
    name: 'Lettera di invito',
    channel: 'letter' as const,
    subject: 'Invito al servizio di ricollocazione per i lavoratori in CIGS',
    body: 'Gentile {{nome}} {{cognome}},\n\nrisulta in cassa integrazione guadagni straordinaria presso {{azienda}} fino al {{data_fine_cigs}}. Il {{sede}} ha attivato un servizio dedicato ai lavoratori delle aziende in crisi: incontri individuali e di gruppo con orientatori, percorsi di formazione, aiuto nella scrittura del curriculum e nei colloqui, e contatto con le aziende che cercano personale.\n\nLa partecipazione è gratuita. Per iscriversi è sufficiente telefonare al numero {{telefono_sede}} negli orari del centralino ({{orari_centralino}}), lasciando nome e numero di telefono.\n\nLa invitiamo a non attendere la fine della cassa integrazione: prima si inizia, più opportunità si possono costruire.',
  },
};

/**
 * Hotline hours and closed days, the message templates, a running SMS campaign and a finished
 * letter campaign with recipients in mixed statuses, and a few callbacks due today. Runs last in
 * seed-demo (after people and programmes), inside the seeding transaction.
 */
export async function seedDemoOutreach(trx: Transaction<DB>, input: { networkId: string; officeIds: Map<string, string>; now: Date }) {
  const { networkId, officeIds, now } = input;
  const day = (offset: number) => new Date(now.getTime() + offset * 86400000);
  await trx.insertInto('hotline_hours').values([...officeIds.values()].flatMap((office_id) => ARTICLE_HOTLINE_HOURS.map((s) => ({ office_id, ...s })))).execute();
  const modena = officeIds.get('CPI-MO')!;
  // San Geminiano, patron saint of Modena (31 January): the Modena office is closed.
  await trx.insertInto('office_holidays').values(['2026-01-31', '2027-01-31'].map((date) => ({ office_id: modena, date, name: 'San Geminiano, patrono di Modena' }))).execute();

  const templateIds: Record<string, string> = {};
  for (const [key, t] of Object.entries(DEMO_TEMPLATES)) {
    templateIds[key] = (await trx.insertInto('outreach_templates').values({ network_id: networkId, ...t, created_at: day(-40) }).returning('id').executeTakeFirstOrThrow()).id;
  }
  const creator = await trx.selectFrom('staff_users').select('id').where('email', '=', 'coordinatore@ricolloca.example').executeTakeFirst();
  const programme = await trx.selectFrom('programmes').select('id').where('network_id', '=', networkId).orderBy('starts_on').executeTakeFirst();
  const today = romeLocal(now).date;
  const cigsEnd = sql<string>`w.effective_cigs_end`;
  const targets = await trx
    .selectFrom('workers as w')
    .innerJoin('cigs_cases as cc', 'cc.id', 'w.cigs_case_id')
    .innerJoin('offices as o', 'o.id', 'w.office_id')
    .leftJoin('companies as co', 'co.id', 'cc.company_id')
    .select(['w.id', 'w.office_id', 'w.first_name', 'w.last_name', 'w.phone', 'w.address', cigsEnd.as('cigs_end'), 'o.name as office_name', 'o.phone as office_phone', 'co.name as company'])
    .where('w.network_id', '=', networkId)
    .where('cc.reason', 'in', [...CRISIS_CIGS_REASONS])
    .where(cigsEnd, '>=', today)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('enrollments as e').select('e.id').whereRef('e.worker_id', '=', 'w.id').where('e.state', 'in', [...REGISTERED_STATES]))))
    .orderBy(cigsEnd)
    .orderBy('w.last_name')
    .orderBy('w.id')
    .execute();
  const hours = describeHours(ARTICLE_HOTLINE_HOURS);
  const fill = (t: { subject: string; body: string }, w: (typeof targets)[number]) => {
    const v = { nome: w.first_name, cognome: w.last_name, azienda: w.company ?? '', data_fine_cigs: italianDate(w.cigs_end), giorni_alla_fine_cigs: daysBetween(today, w.cigs_end), sede: w.office_name, telefono_sede: w.office_phone, orari_centralino: hours };
    return { subject: renderTemplate(t.subject, v), body: renderTemplate(t.body, v) };
  };

  async function campaign(spec: { name: string; channel: 'sms' | 'letter'; status: 'running' | 'done'; startedDaysAgo: number; people: typeof targets; statusOf: (i: number) => RecipientStatus }) {
    const started = day(-spec.startedDaysAgo);
    const id = (await trx
      .insertInto('outreach_campaigns')
      .values({
        network_id: networkId, programme_id: programme?.id ?? null, name: spec.name, channel: spec.channel, template_id: templateIds[spec.channel]!, reminder_after_days: 7, max_reminders: 2,
        status: spec.status, created_by: creator?.id ?? null, created_at: started, started_at: started, finished_at: spec.status === 'done' ? day(-5) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    if (!spec.people.length) return;
    const rows = spec.people.map((w, i) => {
      const status = spec.statusOf(i);
      const reminders = status === 'reminded' ? 1 : 0;
      const lastAt = status === 'not_contacted' || status === 'unreachable' ? null : reminders ? day(-spec.startedDaysAgo + 7) : started;
      return { w, status, reminders, lastAt };
    });
    // Batched: the demo loads on every first start and in every test database.
    const inserted = await trx
      .insertInto('outreach_recipients')
      .values(rows.map(({ w, status, reminders, lastAt }) => ({ campaign_id: id, worker_id: w.id, office_id: w.office_id, status, priority: w.cigs_end, reminders_sent: reminders, last_message_at: lastAt, updated_at: lastAt ?? started })))
      .returning(['id', 'worker_id'])
      .execute();
    const recipientOf = new Map(inserted.map((r) => [r.worker_id, r.id]));
    await trx.insertInto('outreach_recipient_events').values(rows.map(({ w, status, lastAt }) => ({ recipient_id: recipientOf.get(w.id)!, from_status: null, to_status: status, reason: 'Dati dimostrativi', at: lastAt ?? started }))).execute();
    const messages = rows
      .filter((r) => r.lastAt)
      .map(({ w }) => {
        const text = fill(DEMO_TEMPLATES[spec.channel], w);
        return {
          campaign_id: id, recipient_id: recipientOf.get(w.id)!, office_id: w.office_id, channel: spec.channel, transport: spec.channel === 'sms' ? 'outbox' : 'print',
          to_address: spec.channel === 'sms' ? (w.phone ?? '') : w.address, subject: text.subject, body: text.body, status: 'sent' as const, provider_id: 'demo', created_at: started, sent_at: started,
        };
      });
    if (messages.length) await trx.insertInto('outreach_messages').values(messages).execute();
  }

  // SMS to the most urgent (CIGS ending soonest), started 10 days ago; the next 60 got a letter.
  const cycle: RecipientStatus[] = ['invited', 'invited', 'reminded', 'registered', 'invited', 'declined', 'reminded', 'unreachable', 'invited', 'registered'];
  await campaign({ name: 'SMS - CIGS in scadenza entro 3 mesi', channel: 'sms', status: 'running', startedDaysAgo: 10, people: targets.slice(0, 120), statusOf: (i) => cycle[i % cycle.length]! });
  const letterCycle: RecipientStatus[] = ['invited', 'registered', 'declined', 'invited', 'unreachable', 'registered'];
  await campaign({ name: 'Lettere - secondo gruppo per scadenza della CIGS', channel: 'letter', status: 'done', startedDaysAgo: 45, people: targets.slice(120, 180), statusOf: (i) => letterCycle[i % letterCycle.length]! });

  // Callbacks due today at the Modena office: the line opens at 10:00 (13:00 on Thursdays).
  const operator = await trx.selectFrom('staff_users').select('id').where('email', '=', 'sportello@ricolloca.example').executeTakeFirst();
  const opening = romeLocal(now).weekday === 4 ? '13:00' : '10:00';
  const modenaPeople = targets.filter((w) => w.office_id === modena).slice(0, 5);
  const reasons = ['Richiamare il lavoratore', 'Verificare i requisiti: dati CIGS mancanti', 'Iscrizione in sospeso: completare l’iscrizione al programma'];
  for (const [i, w] of modenaPeople.entries()) {
    await trx.insertInto('callbacks').values({
      network_id: networkId, office_id: modena, worker_id: w.id, reason: reasons[i % reasons.length]!, attempts: i % 2, last_outcome: i % 2 ? 'no_answer' : null,
      next_attempt_at: romeToUtc(today, i < 3 ? opening : '12:00'), assigned_to: operator?.id ?? null, created_by: operator?.id ?? null, created_at: day(-1),
    }).execute();
  }
}
