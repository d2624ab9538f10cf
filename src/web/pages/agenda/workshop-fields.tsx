import { useTranslation } from 'react-i18next';
import type { AgendaSetup } from '../../../shared/schemas/appointments.schema';
import { romeToday } from '../../../shared/time/rome-date';
import type { FieldErrors } from '../../api/validate';
import { SelectField, TextField } from '../../components/text-field';

export interface WhenWhere {
  date: string;
  time: string;
  duration: string;
  roomId: string;
  place: string;
  seats: string;
}

/**
 * Date and time (Rome wall-clock, as the booking dialog reads them), duration, room or another
 * place, seats: the part of a workshop shared by the create and the edit forms. The server's
 * refusal of a time (closed day, in the past) is said under the date; of the seats, under them.
 */
export function WhenWhereFields({
  value,
  onChange,
  rooms,
  errors,
}: {
  value: WhenWhere;
  onChange(next: WhenWhere): void;
  rooms: AgendaSetup['rooms'];
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const set = (field: keyof WhenWhere) => (v: string) => onChange({ ...value, [field]: v });
  const room = rooms.find((r) => r.id === value.roomId);
  return (
    <div className="row">
      <TextField
        className="col-12 col-sm-6"
        label={t('agenda.workshops.form.date')}
        type="date"
        value={value.date}
        onChange={set('date')}
        min={romeToday(new Date())}
        error={errors.start}
        required
      />
      <TextField
        className="col-6 col-sm-3"
        label={t('agenda.workshops.form.time')}
        type="time"
        step={300}
        value={value.time}
        onChange={set('time')}
        required
      />
      <TextField
        className="col-6 col-sm-3"
        label={t('agenda.workshops.form.duration')}
        type="number"
        inputMode="numeric"
        min={15}
        max={480}
        step={15}
        value={value.duration}
        onChange={set('duration')}
        error={errors.durationMinutes}
        required
      />
      <SelectField
        className="col-12 col-sm-6"
        label={t('agenda.workshops.form.room')}
        value={value.roomId}
        onChange={set('roomId')}
        error={errors.roomId}
        options={[
          { value: '', label: t('agenda.workshops.form.noRoom') },
          ...rooms
            .filter((r) => r.active || r.id === value.roomId)
            .map((r) => ({ value: r.id, label: t('agenda.workshops.form.roomOption', { name: r.name, count: r.capacity }) })),
        ]}
      />
      <TextField
        className="col-12 col-sm-6"
        label={t('agenda.workshops.form.place')}
        value={value.place}
        onChange={set('place')}
        help={t('agenda.workshops.form.placeHelp')}
        error={errors.place}
        maxLength={300}
      />
      <TextField
        className="col-12 col-sm-6"
        label={t('agenda.workshops.form.seats')}
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        value={value.seats}
        onChange={set('seats')}
        help={room ? t('agenda.workshops.form.seatsHelp', { count: room.capacity }) : undefined}
        error={errors.seats}
        required
      />
    </div>
  );
}

/** A number typed in a field, or NaN (the schema then says what is wrong beside the field). */
export const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
