import { Button } from 'design-react-kit';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import type { AgendaSetup } from '../../../shared/schemas/appointments.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';

type Room = AgendaSetup['rooms'][number];

const equipmentOf = (text: string) =>
  text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);

function RoomForm({ officeId, room, onSaved }: { officeId: string; room?: Room; onSaved(): void }) {
  const { t } = useTranslation();
  const { show } = useNotice();
  const [name, setName] = useState(room?.name ?? '');
  const [capacity, setCapacity] = useState(String(room?.capacity ?? ''));
  const [equipment, setEquipment] = useState(room?.equipment.join(', ') ?? '');
  const [active, setActive] = useState(room?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const common = { name: name.trim(), capacity: Number(capacity), equipment: equipmentOf(equipment) };
    try {
      if (room) {
        const body = { ...common, active };
        if (!fields.check(agendaEndpoints.updateRoom, body, formRef.current)) return;
        setBusy(true);
        await call(agendaEndpoints.updateRoom, { params: { id: room.id }, body });
      } else {
        const body = { officeId, ...common };
        if (!fields.check(agendaEndpoints.createRoom, body, formRef.current)) return;
        setBusy(true);
        await call(agendaEndpoints.createRoom, { body });
        setName('');
        setCapacity('');
        setEquipment('');
      }
      show('success', t('agenda.rooms.saved', { name: common.name }));
      onSaved();
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const label = room ? room.name : t('agenda.rooms.new');
  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={label}
      className="row g-2 align-items-start border-bottom mb-3"
    >
      <TextField
        className="col-12 col-md-4"
        label={t('agenda.rooms.name')}
        value={name}
        onChange={setName}
        error={fields.errors.name}
        maxLength={80}
        required
      />
      <TextField
        className="col-6 col-md-2"
        type="number"
        min={1}
        max={500}
        label={t('agenda.rooms.capacity')}
        value={capacity}
        onChange={setCapacity}
        error={fields.errors.capacity}
        required
      />
      <TextField
        className="col-6 col-md-3"
        label={t('agenda.rooms.equipment')}
        help={t('agenda.rooms.equipmentHelp')}
        value={equipment}
        onChange={setEquipment}
        error={fields.errors.equipment ?? fields.errors['equipment/0']}
      />
      <div className="col-12 col-md-3 mb-3 d-flex flex-wrap gap-3 align-items-center agenda-room-actions">
        {room && (
          <div className="form-check mb-0">
            <input
              id={`room-active-${room.id}`}
              type="checkbox"
              className="form-check-input"
              checked={active}
              onChange={(e) => setActive(e.target.checked)}
            />
            <label htmlFor={`room-active-${room.id}`} className="form-check-label">
              {t('agenda.rooms.active')}
            </label>
          </div>
        )}
        <Button color="primary" outline={Boolean(room)} size="sm" type="submit" disabled={busy}>
          {room ? t('agenda.rooms.save') : t('agenda.rooms.add')}
          {room && <span className="visually-hidden"> {room.name}</span>}
        </Button>
      </div>
      <div className="col-12">
        <ProblemAlert error={error} shownBesideFields={fields.errors} />
      </div>
    </form>
  );
}

/** The office's meeting rooms (coordinators and administrators): capacity, equipment, in use or not. */
export function RoomsEditor({ officeId, rooms, onSaved }: { officeId: string; rooms: Room[]; onSaved(): void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rooms-h" className="mb-5">
      <h2 id="rooms-h" className="h4">
        {t('agenda.rooms.title')}
      </h2>
      {rooms.length === 0 && <p>{t('agenda.rooms.none')}</p>}
      {rooms.map((room) => (
        <RoomForm key={`${room.id}-${room.name}-${room.capacity}-${room.active}`} officeId={officeId} room={room} onSaved={onSaved} />
      ))}
      <h3 className="h6">{t('agenda.rooms.new')}</h3>
      <RoomForm officeId={officeId} onSaved={onSaved} />
    </section>
  );
}
