import { Button } from 'design-react-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints, appointmentEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AppointmentMode, AppointmentView, FreeSlotView } from '../../../shared/schemas/appointments.schema';
import { romeToday } from '../../../shared/time/rome-date';
import { ApiError, call } from '../../api/client';
import { fieldErrorsFromProblem, validateBody, type FieldErrors } from '../../api/validate';
import { Dialog } from '../../components/dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDayLong, slotsByDay, wallClockOf } from './agenda-format';
import { useAgendaSetup } from './use-agenda-setup';

export type BookingSource = 'agenda' | 'worker_page' | 'hotline' | 'callback';

interface BookingDialogProps {
  worker: { id: string; name: string };
  /** The office whose consultants are offered; the session's current office by default. */
  officeId?: string;
  bookedVia: BookingSource;
  /** The hotline call or the callback being answered. */
  sourceId?: string;
  /** Move mode: the meeting to move (its type is kept; a reason is required). */
  moving?: AppointmentView;
  onDone(appointment: AppointmentView): void;
  onClose(): void;
}

const SLOT_LIMIT = 24;

/**
 * Books (or moves) one individual meeting: type, mode, optional consultant and a first date; the
 * first free slots of the office's consultants grouped by day; one click books. While a request is
 * pending every slot button is disabled and a second click is ignored, so a double click books once.
 * A slot taken meanwhile (409 SLOT_TAKEN) shows the server's detail and its proposals in place.
 */
export function BookingDialog({ worker, officeId, bookedVia, sourceId, moving, onDone, onClose }: BookingDialogProps) {
  const { t } = useTranslation();
  const setup = useAgendaSetup(officeId ?? moving?.officeId);
  const types = setup.data?.types;
  const [typeId, setTypeId] = useState(moving?.type.id ?? '');
  const type = types?.find((ty) => ty.id === typeId);
  const [mode, setMode] = useState<AppointmentMode>(moving?.mode ?? 'in_person');
  const [videoLink, setVideoLink] = useState(moving?.videoLink ?? '');
  const [consultantId, setConsultantId] = useState('');
  const [from, setFrom] = useState(romeToday(new Date()));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [pending, setPending] = useState(false);
  const pendingRef = useRef(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [proposals, setProposals] = useState<FreeSlotView[] | null>(null);
  const reasonRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  // The first type once the set-up is in (a move keeps its own).
  useEffect(() => {
    if (!typeId && types?.[0]) setTypeId(types[0].id);
  }, [types, typeId]);
  // A mode the chosen type does not offer falls back to its first.
  useEffect(() => {
    if (type && !type.modes.includes(mode)) setMode(type.modes[0] ?? 'in_person');
  }, [type, mode]);

  const slots = useApiQuery(
    agendaEndpoints.freeSlots,
    {
      query: {
        officeId: setup.officeId,
        typeId,
        mode,
        ...(consultantId && { consultantId }),
        workerId: worker.id,
        ...(from && { from }),
        limit: SLOT_LIMIT,
      },
    },
    [setup.officeId, typeId, mode, consultantId, from, worker.id],
    { enabled: Boolean(setup.officeId && typeId) },
  );
  // New choices: proposals of an earlier refusal no longer apply.
  useEffect(() => setProposals(null), [typeId, mode, consultantId, from]);

  const book = async (slot: FreeSlotView) => {
    if (pendingRef.current) return;
    setError(null);
    setFields({});
    if (moving && !reason.trim()) {
      setFields({ reason: t('agenda.booking.reasonRequired') });
      reasonRef.current?.querySelector('textarea')?.focus();
      return;
    }
    const video = mode === 'video' ? videoLink.trim() || null : null;
    if (mode === 'video') {
      // The same checks the API makes (a link is required, https only), said beside the field first.
      const checked = video ? validateBody(appointmentEndpoints.move, { start: slot.start, videoLink: video, reason: 'x' }) : null;
      const message = !video ? t('agenda.booking.videoLinkRequired') : checked && !checked.ok ? checked.errors.videoLink : undefined;
      if (message) {
        setFields({ videoLink: message });
        videoRef.current?.querySelector('input')?.focus();
        return;
      }
    }
    pendingRef.current = true;
    setPending(true);
    try {
      const result = moving
        ? await call(appointmentEndpoints.move, {
            params: { id: moving.id },
            body: {
              start: slot.start,
              consultantId: slot.consultantId,
              roomId: slot.roomId,
              mode,
              videoLink: video,
              reason: reason.trim(),
            },
          })
        : await call(appointmentEndpoints.create, {
            body: {
              workerId: worker.id,
              officeId: setup.officeId,
              typeId,
              consultantId: slot.consultantId,
              mode,
              start: slot.start,
              roomId: slot.roomId,
              videoLink: video,
              note: note.trim(),
              bookedVia,
              ...(sourceId && { sourceId }),
            },
          });
      onDone(result);
    } catch (err) {
      setError(err);
      setFields(fieldErrorsFromProblem(err));
      // Taken meanwhile (409 SLOT_TAKEN) or found taken, on a holiday, too soon (422 SLOT_UNAVAILABLE):
      // both answers carry the next free slots, offered in place of the list.
      if (err instanceof ApiError && Array.isArray(err.extra.nextSlots)) {
        setProposals(err.extra.nextSlots as FreeSlotView[]);
      } else if (err instanceof ApiError && err.status !== 400) {
        slots.reload();
      }
    } finally {
      pendingRef.current = false;
      setPending(false);
    }
  };

  const shown = proposals ?? slots.data?.items ?? [];
  const title = moving ? t('agenda.booking.moveTitle', { name: worker.name }) : t('agenda.booking.title', { name: worker.name });
  return (
    <Dialog title={title} onClose={onClose}>
      {moving && (
        <p>
          {t('agenda.booking.now', {
            date: formatDayLong(wallClockOf(moving).date),
            time: wallClockOf(moving).startTime,
            consultant: moving.consultant.name,
          })}
        </p>
      )}
      <ProblemAlert error={setup.error} />
      <div className="row">
        <SelectField
          className="col-12 col-md-6"
          label={t('agenda.booking.type')}
          value={typeId}
          onChange={setTypeId}
          options={(types ?? []).map((ty) => ({
            value: ty.id,
            label: t('agenda.booking.typeOption', { name: ty.name, minutes: ty.durationMinutes }),
          }))}
          required
        />
        <SelectField
          className="col-12 col-md-6"
          label={t('agenda.booking.mode')}
          value={mode}
          onChange={(v) => setMode(v as AppointmentMode)}
          options={(type?.modes ?? ['in_person']).map((m) => ({ value: m, label: t(`agenda.modes.${m}`) }))}
        />
        {mode === 'video' && (
          <div className="col-12" ref={videoRef}>
            <TextField
              label={t('agenda.booking.videoLink')}
              value={videoLink}
              onChange={setVideoLink}
              help={t('agenda.booking.videoLinkHelp')}
              error={fields.videoLink}
              type="url"
              inputMode="url"
              required
            />
          </div>
        )}
        <SelectField
          className="col-12 col-md-6"
          label={t('agenda.booking.consultant')}
          value={consultantId}
          onChange={setConsultantId}
          options={[
            { value: '', label: t('agenda.booking.anyConsultant') },
            ...(setup.data?.consultants ?? []).map((c) => ({ value: c.id, label: c.fullName })),
          ]}
        />
        <TextField
          className="col-12 col-md-6"
          label={t('agenda.booking.from')}
          value={from}
          onChange={setFrom}
          type="date"
          min={romeToday(new Date())}
        />
        {moving ? (
          <div className="col-12" ref={reasonRef}>
            <TextAreaField
              label={t('agenda.booking.reason')}
              value={reason}
              onChange={setReason}
              error={fields.reason}
              rows={2}
              maxLength={300}
              required
            />
          </div>
        ) : (
          <TextAreaField className="col-12" label={t('agenda.booking.note')} value={note} onChange={setNote} rows={2} maxLength={1000} />
        )}
      </div>
      {/* The refusal of a time says it in its detail; its field message (on `start`) would repeat it. */}
      <ProblemAlert error={error} shownBesideFields={{ ...fields, start: 'detail' }} />
      <h3 id={headingId} className="h6">
        {proposals ? t('agenda.booking.proposals') : t('agenda.booking.slots')}
      </h3>
      <div aria-labelledby={headingId} role="group" aria-busy={slots.loading || pending} className="agenda-slots">
        {slots.loading && !proposals && <p>{t('agenda.booking.loading')}</p>}
        {!slots.loading && shown.length === 0 && <p>{t('agenda.booking.noSlots')}</p>}
        {slotsByDay(shown).map((day) => (
          <div key={day.date} className="mb-3">
            <p className="fw-semibold mb-1 text-capitalize-first">{formatDayLong(day.date)}</p>
            <ul className="list-unstyled d-flex flex-wrap gap-2 mb-0">
              {day.slots.map((slot) => (
                <li key={`${slot.consultantId}-${slot.start}`}>
                  <Button color="primary" outline size="sm" disabled={pending} onClick={() => void book(slot)}>
                    {/* The day is said with each time, so a slot's name stands on its own (label in name: visible text kept). */}
                    <span className="visually-hidden">{formatDayLong(slot.date)}, </span>
                    <span className="fw-semibold">{slot.startTime}</span> · {slot.consultantName}
                    {slot.roomName ? ` · ${slot.roomName}` : ''}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {proposals && <p className="small">{t('agenda.booking.proposalsHelp')}</p>}
      <div className="d-flex justify-content-end">
        <Button color="secondary" outline onClick={onClose}>
          {t('agenda.close')}
        </Button>
      </div>
    </Dialog>
  );
}
