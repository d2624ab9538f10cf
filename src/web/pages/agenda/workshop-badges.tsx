import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '../../../shared/schemas/workshops.schema';
import { formatItalianDate } from '../../../shared/time/rome-date';
import { PARTICIPANT_COLORS, type Participant } from './workshop-format';

export function WorkshopStatusBadge({ workshop: w }: { workshop: Pick<WorkshopView, 'status' | 'booked' | 'seats'> }) {
  const { t } = useTranslation();
  if (w.status === 'cancelled')
    return (
      <Badge color="secondary" pill className="agenda-status">
        {t('agenda.workshops.status.cancelled')}
      </Badge>
    );
  return w.booked >= w.seats ? (
    <Badge color="warning" pill className="agenda-status">
      {t('agenda.workshops.status.full')}
    </Badge>
  ) : (
    <Badge color="primary" pill className="agenda-status">
      {t('agenda.workshops.status.scheduled')}
    </Badge>
  );
}

/** "12 prenotati su 20 · 3 in lista d’attesa". */
export function SeatsText({ workshop: w }: { workshop: Pick<WorkshopView, 'booked' | 'seats' | 'waiting'> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('agenda.workshops.seats', { booked: w.booked, seats: w.seats })}
      {w.waiting > 0 && ` · ${t('agenda.workshops.waitingCount', { count: w.waiting })}`}
    </>
  );
}

export function ParticipantBadge({ p }: { p: Pick<Participant, 'status' | 'waitingPosition'> }) {
  const { t } = useTranslation();
  return (
    <Badge color={PARTICIPANT_COLORS[p.status]} pill className="agenda-status">
      {p.status === 'waiting' && p.waitingPosition
        ? t('agenda.workshops.waitingPosition', { position: p.waitingPosition })
        : t(`agenda.workshops.participantStatus.${p.status}`)}
    </Badge>
  );
}

/**
 * Birth date and the codice fiscale's last characters beside a participant's name, as the worker
 * list and the hotline tell two "Giuseppe Russo" apart. The masked code is read out as its ending.
 */
export function WorkerIdentity({ worker: w }: { worker: Participant['worker'] }) {
  const { t } = useTranslation();
  if (!w.birthDate && !w.codiceFiscale) return null;
  return (
    <span className="small text-muted agenda-worker-identity">
      {w.birthDate && t('agenda.workshops.participants.born', { date: formatItalianDate(w.birthDate) })}
      {w.birthDate && w.codiceFiscale && ' · '}
      {w.codiceFiscale && (
        <>
          <span aria-hidden="true">
            {t('agenda.workshops.participants.cf')} <span className="font-monospace">…{w.codiceFiscale.slice(-4)}</span>
          </span>
          <span className="visually-hidden">{t('agenda.workshops.participants.cfEnding', { ending: w.codiceFiscale.slice(-4) })}</span>
        </>
      )}
    </span>
  );
}
