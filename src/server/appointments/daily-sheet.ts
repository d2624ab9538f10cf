import PDFDocument from 'pdfkit';
import { collectPdf, numberPages } from './pdf-pages.js';
import type { AuditService } from '../audit/index.js';
import type { ActorContext } from '../auth/index.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { formatItalianDate, ITALIAN_WEEKDAYS } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';
import type { AppointmentService } from './appointment.service.js';
import { meetingModeWords } from '../../shared/text/meeting-modes.js';

const MM = 72 / 25.4;
const STATUS: Record<string, string> = {
  booked: 'Fissato',
  confirmed: 'Confermato',
  attended: 'Presente',
  absent: 'Assente',
  excused: 'Giustificato',
  cancelled: 'Annullato',
};

export interface SheetRow {
  start: string;
  end: string;
  worker: string;
  consultant: string;
  type: string;
  mode: string;
  room: string;
  status: string;
}

/**
 * The front desk's printed day: every meeting of the office in time order, on A4 landscape, with a
 * box to tick when the person arrives (attendance can be entered from it afterwards).
 */
export function renderDailySheet(p: {
  officeName: string;
  date: string;
  weekday: number;
  printedAt: string;
  rows: SheetRow[];
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 15 * MM, bottom: 15 * MM, left: 12 * MM, right: 12 * MM },
    info: { Title: `Agenda del ${formatItalianDate(p.date)} - ${p.officeName}`, Author: p.officeName, Creator: 'Ricolloca' },
    lang: 'it-IT',
    bufferPages: true,
  });
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columns: { title: string; width: number; key: keyof SheetRow | 'arrived' }[] = [
    { title: 'Ora', width: 24 * MM, key: 'start' },
    { title: 'Lavoratore', width: 60 * MM, key: 'worker' },
    { title: 'Tipo di incontro', width: 49 * MM, key: 'type' },
    { title: 'Operatore', width: 45 * MM, key: 'consultant' },
    { title: 'Modalità', width: 28 * MM, key: 'mode' },
    { title: 'Stanza', width: 26 * MM, key: 'room' },
    { title: 'Stato', width: 22 * MM, key: 'status' },
    { title: 'Arrivato', width: 18 * MM, key: 'arrived' },
  ];
  const header = () => {
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor('#000000')
      .text(`${p.officeName} - agenda di ${ITALIAN_WEEKDAYS[p.weekday]} ${formatItalianDate(p.date)}`, left, doc.page.margins.top, {
        width,
      });
    doc.font('Helvetica').fontSize(8).fillColor('#444444').text(`Stampata il ${p.printedAt}. ${p.rows.length} appuntamenti.`, { width });
    doc.moveDown(0.6);
    let x = left;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000');
    for (const c of columns) {
      doc.text(c.title, x + 2, y, { width: c.width - 4 });
      x += c.width;
    }
    doc
      .moveTo(left, y + 13)
      .lineTo(left + width, y + 13)
      .lineWidth(0.8)
      .stroke();
    doc.y = y + 17;
  };
  header();
  if (p.rows.length === 0)
    doc
      .font('Helvetica')
      .fontSize(11)
      .text('Nessun appuntamento in questo giorno.', left, doc.y + 6, { width });
  for (const row of p.rows) {
    const rowHeight = 22;
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    doc.font('Helvetica').fontSize(9).fillColor('#000000');
    for (const c of columns) {
      if (c.key === 'arrived') {
        doc
          .rect(x + 6, y, 10, 10)
          .lineWidth(0.7)
          .stroke();
      } else {
        const text = c.key === 'start' ? `${row.start}-${row.end}` : row[c.key];
        doc.text(text, x + 2, y, { width: c.width - 4, height: rowHeight - 4, ellipsis: true, lineBreak: true });
      }
      x += c.width;
    }
    doc
      .moveTo(left, y + rowHeight - 4)
      .lineTo(left + width, y + rowHeight - 4)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke()
      .strokeColor('#000000');
    doc.y = y + rowHeight;
  }
  numberPages(doc, left, width);
  doc.end();
  return done;
}

export function createDailySheet(deps: { db: Kysely<DB>; service: AppointmentService; audit: AuditService; clock: () => Date }) {
  return {
    async render(ctx: ActorContext, officeId: string, date: string): Promise<Buffer> {
      const items = await deps.service.list(ctx, { officeId, from: date, to: date, includeCancelled: false }, 'it');
      const now = romeLocal(deps.clock());
      const officeName = items[0]?.officeName ?? (await deps.service.officeName(ctx, officeId));
      return renderDailySheet({
        officeName,
        date,
        weekday: romeLocal(new Date(`${date}T12:00:00Z`)).weekday,
        printedAt: `${formatItalianDate(now.date)} alle ${now.time}`,
        rows: items.map((i) => ({
          start: romeLocal(new Date(i.start)).time,
          end: romeLocal(new Date(i.end)).time,
          worker: i.worker.name,
          consultant: i.consultant.name,
          type: i.type.name,
          mode: meetingModeWords(i.mode, true),
          room: i.room?.name ?? '',
          status: STATUS[i.status] ?? i.status,
        })),
      });
    },
  };
}

export type DailySheet = ReturnType<typeof createDailySheet>;
