import type { Executor } from '../db/executor.js';
import type { RecipientStatus } from '../db/schema-outreach.js';
import {
  REGISTERED_STATES,
  daysBetween,
  describeHours,
  insertCallbacks,
  insertCampaignWithRecipients,
  insertHotlineHours,
  insertOfficeHolidays,
  insertTemplate,
  italianDate,
  renderTemplate,
  romeLocal,
  romeToUtc,
  type RecipientHistory,
} from '../outreach/index.js';
import { DEMO_OFFICES } from './demo-organisation.js';
import type { DemoCase } from './demo-people.js';
import type { DemoProgramme } from './demo-programmes.js';

// The demo hotline's hours: Monday, Tuesday, Wednesday and Friday 10:00–13:30, Thursday 13:00–17:00.
export const DEMO_HOTLINE_HOURS = [
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
 * seed-demo (after people and programmes), inside the seeding transaction, through outreach's
 * published functions.
 */
export async function seedDemoOutreach(
  trx: Executor,
  input: {
    networkId: string;
    officeIds: Map<string, string>;
    staffIds: Map<string, string>;
    cases: DemoCase[];
    programme: DemoProgramme;
    now: Date;
  },
) {
  const { networkId, officeIds, now } = input;
  const day = (offset: number) => new Date(now.getTime() + offset * 86400000);
  await insertHotlineHours(trx, [...officeIds.values()], DEMO_HOTLINE_HOURS);
  const modena = officeIds.get('CPI-MO')!;
  // San Geminiano, patron saint of Modena (31 January): the Modena office is closed.
  await insertOfficeHolidays(
    trx,
    ['2026-01-31', '2027-01-31'].map((date) => ({ officeId: modena, date, name: 'San Geminiano, patrono di Modena' })),
  );

  const templateIds: Record<string, string> = {};
  for (const [key, t] of Object.entries(DEMO_TEMPLATES)) templateIds[key] = await insertTemplate(trx, { networkId, ...t, at: day(-40) });
  const creator = input.staffIds.get('coordinatore@ricolloca.example') ?? null;
  const today = romeLocal(now).date;
  // Workers of the crisis cases whose CIGS has not ended and who are not registered yet, the
  // most urgent first (what a coordinator's campaign targets).
  const office = new Map(DEMO_OFFICES.map((o) => [officeIds.get(o.code)!, o]));
  const companyOf = new Map(input.cases.map((c) => [c.caseId, c.companyName]));
  const registered = new Set<string>(REGISTERED_STATES);
  const targets = input.programme.crisisWorkers
    .filter((w) => w.cigsEnd !== null && w.cigsEnd >= today && !registered.has(input.programme.stateOf.get(w.id) ?? ''))
    .map((w) => ({
      ...w,
      cigsEnd: w.cigsEnd!,
      officeName: office.get(w.officeId)!.name,
      officePhone: office.get(w.officeId)!.phone,
      company: companyOf.get(w.cigsCaseId) ?? '',
    }))
    .sort((a, b) =>
      a.cigsEnd < b.cigsEnd
        ? -1
        : a.cigsEnd > b.cigsEnd
          ? 1
          : a.lastName < b.lastName
            ? -1
            : a.lastName > b.lastName
              ? 1
              : a.id < b.id
                ? -1
                : a.id > b.id
                  ? 1
                  : 0,
    );
  const hours = describeHours(DEMO_HOTLINE_HOURS);
  const fill = (t: { subject: string; body: string }, w: (typeof targets)[number]) => {
    const v = {
      nome: w.firstName,
      cognome: w.lastName,
      azienda: w.company,
      data_fine_cigs: italianDate(w.cigsEnd),
      giorni_alla_fine_cigs: daysBetween(today, w.cigsEnd),
      sede: w.officeName,
      telefono_sede: w.officePhone,
      orari_centralino: hours,
    };
    return { subject: renderTemplate(t.subject, v), body: renderTemplate(t.body, v) };
  };

  async function campaign(spec: {
    name: string;
    channel: 'sms' | 'letter';
    status: 'running' | 'done';
    startedDaysAgo: number;
    people: typeof targets;
    statusOf: (i: number) => RecipientStatus;
  }) {
    const started = day(-spec.startedDaysAgo);
    const recipients: RecipientHistory[] = spec.people.map((w, i) => {
      const status = spec.statusOf(i);
      const reminders = status === 'reminded' ? 1 : 0;
      const lastAt = status === 'not_contacted' || status === 'unreachable' ? null : reminders ? day(-spec.startedDaysAgo + 7) : started;
      const text = lastAt ? fill(DEMO_TEMPLATES[spec.channel], w) : undefined;
      return {
        workerId: w.id,
        officeId: w.officeId,
        status,
        priority: w.cigsEnd,
        remindersSent: reminders,
        lastMessageAt: lastAt,
        at: lastAt ?? started,
        reason: 'Dati dimostrativi',
        message: text && {
          channel: spec.channel,
          transport: spec.channel === 'sms' ? 'outbox' : 'print',
          toAddress: spec.channel === 'sms' ? (w.phone ?? '') : w.address,
          subject: text.subject,
          body: text.body,
          providerId: 'demo',
          sentAt: started,
        },
      };
    });
    await insertCampaignWithRecipients(
      trx,
      {
        networkId,
        programmeId: input.programme.programmeId,
        name: spec.name,
        channel: spec.channel,
        templateId: templateIds[spec.channel]!,
        reminderAfterDays: 7,
        maxReminders: 2,
        status: spec.status,
        createdBy: creator,
        startedAt: started,
        finishedAt: spec.status === 'done' ? day(-5) : null,
      },
      recipients,
    );
  }

  // SMS to the most urgent (CIGS ending soonest), started 10 days ago; the next 60 got a letter.
  const cycle: RecipientStatus[] = [
    'invited',
    'invited',
    'reminded',
    'registered',
    'invited',
    'declined',
    'reminded',
    'unreachable',
    'invited',
    'registered',
  ];
  await campaign({
    name: 'SMS - CIGS in scadenza entro 3 mesi',
    channel: 'sms',
    status: 'running',
    startedDaysAgo: 10,
    people: targets.slice(0, 120),
    statusOf: (i) => cycle[i % cycle.length]!,
  });
  const letterCycle: RecipientStatus[] = ['invited', 'registered', 'declined', 'invited', 'unreachable', 'registered'];
  await campaign({
    name: 'Lettere - secondo gruppo per scadenza della CIGS',
    channel: 'letter',
    status: 'done',
    startedDaysAgo: 45,
    people: targets.slice(120, 180),
    statusOf: (i) => letterCycle[i % letterCycle.length]!,
  });

  // Callbacks due today at the Modena office: the line opens at 10:00 (13:00 on Thursdays).
  const operator = input.staffIds.get('sportello@ricolloca.example') ?? null;
  const opening = romeLocal(now).weekday === 4 ? '13:00' : '10:00';
  const modenaPeople = targets.filter((w) => w.officeId === modena).slice(0, 5);
  const reasons = [
    'Richiamare il lavoratore',
    'Verificare i requisiti: dati CIGS mancanti',
    'Iscrizione in sospeso: completare l’iscrizione al programma',
  ];
  await insertCallbacks(
    trx,
    modenaPeople.map((w, i) => ({
      networkId,
      officeId: modena,
      workerId: w.id,
      reason: reasons[i % reasons.length]!,
      attempts: i % 2,
      lastOutcome: i % 2 ? ('no_answer' as const) : null,
      nextAttemptAt: romeToUtc(today, i < 3 ? opening : '12:00'),
      assignedTo: operator,
      createdBy: operator,
      createdAt: day(-1),
    })),
  );
}
