/**
 * The sentence of each kind of staff notice, in Italian and English, built from its payload and the
 * names looked up for it. A kind not listed here (a domain that adds one before its sentence) still
 * reads as a notice about the worker or vacancy its payload names.
 */

export interface NoticeNames {
  /** The worker's name when the reader may see that worker (null: out of their scope, or none). */
  workerName: string | null;
  workerId: string | null;
  vacancyTitle: string | null;
  vacancyId: string | null;
  hiredForTitle: string | null;
  programmeName: string | null;
  programmeId: string | null;
  /** What a notice's event came to (an early end: reopened, waiting or not_reopened). */
  outcome?: string | null;
  /** When the meeting the notice is about was to start (ISO instant). */
  start?: string | null;
}

export type NoticeLink = { to: 'worker' | 'vacancy' | 'programme'; id: string } | null;

export interface NoticeText {
  it: string;
  en: string;
  link: NoticeLink;
}

/** The payload's fields other domains put in their notices, read defensively (old notices may lack some). */
export function payloadRefs(payload: Record<string, unknown>) {
  const text = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : null);
  return {
    workerId: text('workerId'),
    applicationId: text('applicationId'),
    vacancyId: text('vacancyId'),
    hiredFor: text('hiredFor'),
    outcome: text('outcome'),
    start: text('start'),
  };
}

const quoted = (s: string | null, fallback: string) => (s ? `«${s}»` : fallback);

export function noticeText(kind: string, n: NoticeNames): NoticeText {
  const workerIt = n.workerName ?? 'un lavoratore';
  const workerEn = n.workerName ?? 'a worker';
  const workerLink: NoticeLink = n.workerName && n.workerId ? { to: 'worker', id: n.workerId } : null;
  const vacancyLink: NoticeLink = n.vacancyId ? { to: 'vacancy', id: n.vacancyId } : null;
  switch (kind) {
    case 'waiting_list.promoted':
      return {
        it: `Posto liberato in ${quoted(n.programmeName, 'un programma')} assegnato a ${workerIt}, primo in lista d’attesa.`,
        en: `A freed place in ${quoted(n.programmeName, 'a programme')} went to ${workerEn}, first on the waiting list.`,
        link: n.programmeId ? { to: 'programme', id: n.programmeId } : workerLink,
      };
    case 'application.withdrawn_hired_elsewhere': {
      // Worded without the worker's gender, which the record does not hold.
      const hiredIt = n.hiredForTitle ? ` per «${n.hiredForTitle}»` : '';
      const hiredEn = n.hiredForTitle ? ` for «${n.hiredForTitle}»` : '';
      return {
        it: `Assunzione con un’altra candidatura${hiredIt}: la candidatura di ${workerIt} del vostro ufficio a ${quoted(n.vacancyTitle, 'un’offerta')} è stata ritirata.`,
        en: `Hired through another application${hiredEn}: your office’s application of ${workerEn} to ${quoted(n.vacancyTitle, 'a vacancy')} was withdrawn.`,
        link: vacancyLink ?? workerLink,
      };
    }
    case 'application.employer_answer':
      return {
        it: `L’azienda ha risposto sulla candidatura di ${workerIt} a ${quoted(n.vacancyTitle, 'un’offerta')}.`,
        en: `The employer answered about ${workerEn}’s application to ${quoted(n.vacancyTitle, 'a vacancy')}.`,
        link: vacancyLink ?? workerLink,
      };
    case 'appointment.interview_cancelled_by_worker': {
      const when = (language: 'it' | 'en') =>
        n.start
          ? ` (${new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(n.start))})`
          : '';
      return {
        it: `${n.workerName ?? 'Un lavoratore'} ha disdetto con il suo link il colloquio con l’azienda${when('it')}: la candidatura resta a colloquio, avvisare l’azienda e decidere il passo successivo.`,
        en: `${n.workerName ?? 'A worker'} called off the interview at the employer’s${when('en')} through their link: the application stays at interview; tell the employer and decide the next step.`,
        link: workerLink,
      };
    }
    case 'enrollment.early_end': {
      const programmeIt = quoted(n.programmeName, 'il programma');
      const programmeEn = quoted(n.programmeName, 'the programme');
      const link: NoticeLink = workerLink ?? (n.programmeId ? { to: 'programme', id: n.programmeId } : null);
      if (n.outcome === 'reopened')
        return {
          it: `L’assunzione di ${workerIt} è finita in anticipo: il percorso in ${programmeIt} è riaperto, con un posto.`,
          en: `${workerEn}’s hire ended early: the path in ${programmeEn} is reopened, with a place.`,
          link,
        };
      if (n.outcome === 'waiting')
        return {
          it: `L’assunzione di ${workerIt} è finita in anticipo: ${programmeIt} è al completo, il lavoratore è in lista d’attesa.`,
          en: `${workerEn}’s hire ended early: ${programmeEn} is full, the worker is on the waiting list.`,
          link,
        };
      return {
        it: `L’assunzione di ${workerIt} è finita in anticipo: il percorso in ${programmeIt} resta chiuso.`,
        en: `${workerEn}’s hire ended early: the path in ${programmeEn} stays closed.`,
        link,
      };
    }
    default: {
      const about = [n.workerName, n.vacancyTitle ? `«${n.vacancyTitle}»` : null, n.programmeName ? `«${n.programmeName}»` : null].filter(
        Boolean,
      );
      return {
        it: about.length > 0 ? `Nuovo avviso su ${about.join(', ')}.` : 'Nuovo avviso.',
        en: about.length > 0 ? `New notice about ${about.join(', ')}.` : 'New notice.',
        link: workerLink ?? vacancyLink ?? (n.programmeId ? { to: 'programme', id: n.programmeId } : null),
      };
    }
  }
}
