import { Button } from 'design-react-kit';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotice } from '../../components/notice';
import { useSession } from '../../session/session-context';
import { formatDayLong, wallClockOf } from './agenda-format';
import { BookingDialog, type BookingSource } from './booking-dialog';

/**
 * "Fissa un appuntamento" beside a call or a callback: the front office books the first meeting
 * while the worker is on the phone. Shown only to who may use the agenda.
 */
export function BookButton({
  worker,
  bookedVia,
  sourceId,
  size,
  children,
  onBooked,
}: {
  worker: { id: string; name: string };
  bookedVia: BookingSource;
  sourceId?: string;
  size?: 'sm';
  children?: ReactNode;
  onBooked?(): void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { show } = useNotice();
  const [open, setOpen] = useState(false);
  if (!can('agenda.use')) return null;
  return (
    <>
      <Button color="primary" outline size={size} onClick={() => setOpen(true)}>
        {children ?? t('agenda.bookFor', { name: worker.name })}
      </Button>
      {open && (
        <BookingDialog
          worker={worker}
          bookedVia={bookedVia}
          sourceId={sourceId}
          onDone={(a) => {
            const clock = wallClockOf(a);
            show(
              'success',
              t('agenda.booked', {
                name: a.worker.name,
                date: formatDayLong(clock.date),
                time: clock.startTime,
                consultant: a.consultant.name,
              }),
            );
            setOpen(false);
            onBooked?.();
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
