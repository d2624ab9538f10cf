import type { OutreachChannel } from '../db/schema-outreach.js';
import { toGsmFriendly } from '../../shared/messages/sms-segments.js';
import { normalisePhoneNumber } from '../../shared/identity/phone.js';
import type { HotlineSlot } from './hotline-hours.js';
import type { MergeRow } from './campaign-merge.js';
import { daysBetween, describeHours, italianDate, renderTemplate, type PlaceholderValues } from './placeholders.js';

export type { MergeRow };

export function placeholderValues(row: MergeRow, today: string, hours: HotlineSlot[]): PlaceholderValues {
  return {
    nome: row.first_name,
    cognome: row.last_name,
    azienda: row.company ?? '',
    data_fine_cigs: italianDate(row.cigs_end),
    giorni_alla_fine_cigs: daysBetween(today, row.cigs_end),
    sede: row.office_name,
    telefono_sede: row.office_phone,
    orari_centralino: describeHours(hours),
  };
}

/** A synthetic person for previews when no worker is chosen (never a real one by default). */
export const SAMPLE_VALUES: PlaceholderValues = {
  nome: 'Maria',
  cognome: 'Rossi',
  azienda: 'Ceramiche Esempio S.p.A.',
  data_fine_cigs: '31/03/2027',
  giorni_alla_fine_cigs: '30',
  sede: 'Centro per l’impiego di Modena',
  telefono_sede: '+39 059 000 1000',
  orari_centralino: 'lun, mar, mer, ven 10:00-13:30; gio 13:00-17:00',
};

/** Where a message for this channel goes, or why it cannot be sent (the recipient is then unreachable). */
export function addressFor(channel: OutreachChannel, row: MergeRow): { to: string } | { unreachable: string } {
  if (channel === 'sms') {
    const phone = row.phone ? normalisePhoneNumber(row.phone) : null;
    if (!phone?.valid) return { unreachable: 'Nessun numero di cellulare' };
    if (phone.type === 'fixed') return { unreachable: 'Il numero non è un cellulare' };
    return { to: phone.e164 };
  }
  if (channel === 'email') return row.email ? { to: row.email } : { unreachable: 'Nessun indirizzo e-mail' };
  if (!row.address || !row.comune_name) return { unreachable: 'Indirizzo di residenza mancante' };
  return { to: `${row.address}, ${row.comune_name}${row.comune_province ? ` (${row.comune_province})` : ''}` };
}

export function renderFor(
  template: { subject: string; body: string },
  values: PlaceholderValues,
  reminder: boolean,
  channel?: OutreachChannel,
) {
  const subject = renderTemplate(template.subject, values);
  const rendered = renderTemplate(template.body, values);
  const body = channel === 'sms' ? toGsmFriendly(rendered) : rendered;
  return reminder ? { subject: `Promemoria: ${subject}`, body: `Promemoria: ${body}` } : { subject, body };
}
