import { Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { HotlineStatus } from '../../../shared/schemas/outreach.schema';
import { TIME_ZONE as TZ } from '../../../shared/time/rome-date';

/** "Is the line open now?" with the hours and the next closures (times in Italian local time). */
export function HotlineStatusPanel({ status }: { status: HotlineStatus }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: TZ, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: TZ,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  const date = (d: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${d}T12:00:00Z`));
  const byDay = new Map<number, string[]>();
  for (const s of status.hours) byDay.set(s.weekday, [...(byDay.get(s.weekday) ?? []), `${s.opens}–${s.closes}`]);
  return (
    <Callout color={status.open ? 'success' : 'warning'} className="mt-0 mb-4" aria-live="polite">
      <CalloutTitle>{status.open ? t('hotline.open') : t('hotline.closed')}</CalloutTitle>
      <CalloutText>
        <strong>{status.officeName}</strong>
        {' · '}
        {status.open && status.closesAt ? t('hotline.closesAt', { time: time(status.closesAt) }) : null}
        {!status.open && status.holiday ? `${t('hotline.holiday', { name: status.holiday })} · ` : null}
        {!status.open && status.nextOpening ? t('hotline.nextOpening', { when: when(status.nextOpening) }) : null}
      </CalloutText>
      <details className="mt-2">
        <summary>{t('hotline.hours')}</summary>
        <ul className="list-unstyled mb-1 mt-1">
          {[...byDay.entries()].map(([day, ranges]) => (
            <li key={day}>
              <span className="d-inline-block" style={{ minWidth: '7rem' }}>
                {t(`hotline.weekday.${day}`)}
              </span>{' '}
              {ranges.join(', ')}
            </li>
          ))}
        </ul>
        {status.upcomingHolidays.length > 0 && (
          <p className="mb-0 small">
            {t('hotline.upcomingHolidays')}: {status.upcomingHolidays.map((h) => `${date(h.date)} (${h.name})`).join('; ')}
          </p>
        )}
      </details>
    </Callout>
  );
}
