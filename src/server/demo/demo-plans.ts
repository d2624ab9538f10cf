import type { Executor } from '../db/executor.js';
import type { PlanActionStatus } from '../db/schema-plans.js';
import { insertPlansBulk, type BulkPlan } from '../plans/index.js';
import { addDays, romeToday } from '../../shared/time/rome-date.js';
import type { DemoProgramme } from './demo-programmes.js';

/**
 * Plans at every stage for the demo's workers (patto di servizio): drafts for assessed workers,
 * signed plans for the enrolled (some under revision, some with actions past their date), and
 * closed plans with their outcome for the placed. Each plan's consultant of reference works in the
 * worker's office.
 */
export async function seedDemoPlans(
  trx: Executor,
  input: { networkId: string; programme: DemoProgramme; consultantsByOffice: Map<string, string[]>; now: Date },
): Promise<number> {
  const today = romeToday(input.now);
  const at = (date: string) => new Date(`${date}T09:30:00Z`);
  const workers = input.programme.crisisWorkers;
  const plans: BulkPlan[] = [];
  let n = 0;
  for (const w of workers) {
    const state = input.programme.stateOf.get(w.id);
    if (state !== 'assessed' && state !== 'enrolled' && state !== 'placed') continue;
    const consultants = input.consultantsByOffice.get(w.officeId) ?? [];
    if (consultants.length === 0) continue;
    const i = n++;
    const consultantId = consultants[i % consultants.length]!;
    const created = addDays(today, -(35 + (i % 50)));
    const signedOn = state === 'assessed' ? null : addDays(created, 3);
    const late = state === 'enrolled' && i % 3 === 0;
    const revising = state === 'enrolled' && i % 7 === 0;
    const action = (description: string, owner: 'worker' | 'consultant', due: string, done: boolean) => {
      const status: PlanActionStatus = done ? 'done' : due < today && !late && state !== 'assessed' ? 'in_progress' : 'todo';
      return { owner, description, dueOn: due, status, doneOn: done ? due : null };
    };
    const start = signedOn ?? created;
    const themes: BulkPlan['themes'] = [
      {
        title: 'Ricerca attiva del lavoro',
        objectives: [
          {
            title: 'Un curriculum aggiornato',
            actions: [
              action('Aggiornare il curriculum con l’orientatore', 'worker', addDays(start, 10), state !== 'assessed'),
              action('Inviare due candidature al mese alle aziende del distretto', 'worker', addDays(start, 25), state === 'placed'),
            ],
          },
          {
            title: 'Incontri con le aziende che assumono',
            actions: [action('Segnalare le offerte adatte al profilo', 'consultant', addDays(start, 20), state === 'placed')],
          },
        ],
      },
      {
        title: 'Formazione',
        objectives: [
          {
            title: i % 2 === 0 ? 'Patentino per il carrello elevatore' : 'Competenze digitali di base',
            actions: [
              action(
                i % 2 === 0 ? 'Frequentare il corso di 12 ore e sostenere l’esame' : 'Frequentare il corso di informatica di base (40 ore)',
                'worker',
                addDays(start, 60),
                state === 'placed',
              ),
            ],
          },
        ],
      },
    ];
    const path: BulkPlan['path'] = [];
    if (signedOn) path.push({ to: 'signed', at: at(signedOn), reason: 'firma: paper' });
    const reviews: BulkPlan['reviews'] = [];
    if (revising) {
      const reviewedOn = addDays(today, -3);
      reviews.push({ reviewedOn, note: 'Il corso previsto è rinviato: da scegliere un altro percorso formativo.' });
      path.push({ to: 'under_review', at: at(reviewedOn), reason: reviews[0]!.note });
    }
    const closedOn = state === 'placed' ? addDays(start, 45) : null;
    if (closedOn) path.push({ to: 'closed', at: at(closedOn), reason: 'Assunzione' });
    plans.push({
      networkId: input.networkId,
      officeId: w.officeId,
      workerId: w.id,
      programmeId: input.programme.programmeId,
      consultantId,
      state: closedOn ? 'closed' : revising ? 'under_review' : signedOn ? 'signed' : 'draft',
      profilingClass: ['Fascia 1 - bassa intensità di aiuto', 'Fascia 2 - media intensità di aiuto', 'Fascia 3 - alta intensità di aiuto'][
        i % 3
      ]!,
      contactIntervalDays: 30,
      reviewIntervalDays: 90,
      // One in five signed plans is due for review this week.
      nextReviewOn: closedOn ? null : signedOn ? (i % 5 === 0 ? addDays(today, i % 7) : addDays(signedOn, 90)) : null,
      searchEvidence: 'Copia delle candidature inviate e dei colloqui sostenuti, portata a ogni incontro',
      willingActivities: true,
      willingTraining: i % 4 !== 0,
      acceptsCongruousOffers: true,
      signedOn,
      signedHow: signedOn ? (i % 2 === 0 ? 'paper' : 'in_person') : null,
      closedOn,
      outcomeSummary: closedOn ? 'Assunto a tempo indeterminato da un’azienda del distretto, nella stessa qualifica.' : '',
      createdAt: at(created),
      themes,
      reviews,
      path,
    });
  }
  await insertPlansBulk(trx, plans);
  return plans.length;
}
