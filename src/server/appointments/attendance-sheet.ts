import PDFDocument from 'pdfkit';
import { collectPdf, numberPages } from './pdf-pages.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';
import { romeLocal } from '../../shared/time/rome-time.js';

const MM = 72 / 25.4;

/**
 * The signed attendance sheet of a workshop, to print, sign and file (the fund asks for it): the
 * office, title, date and time, the facilitators, then one row per booked participant with a box
 * for the signature at arrival; the facilitator signs at the foot.
 */
export function renderAttendanceSheet(p: {
  officeName: string;
  title: string;
  start: Date;
  end: Date;
  place: string;
  facilitators: string[];
  participants: string[];
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 18 * MM, bottom: 18 * MM, left: 18 * MM, right: 18 * MM },
    info: { Title: `Foglio presenze - ${p.title}`, Author: p.officeName, Creator: 'Ricolloca' },
    lang: 'it-IT',
    bufferPages: true,
  });
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const start = romeLocal(p.start);
  const end = romeLocal(p.end);
  const heading = () => {
    doc.font('Helvetica-Bold').fontSize(15).fillColor('#000000').text('Foglio presenze', left, doc.page.margins.top, { width });
    doc.font('Helvetica-Bold').fontSize(12).text(p.title, { width });
    doc.font('Helvetica').fontSize(10).text(`${p.officeName} - ${p.place}`, { width });
    doc.text(`${formatItalianDate(start.date)}, dalle ${start.time} alle ${end.time}`, { width });
    doc.text(`Conduce: ${p.facilitators.join(', ') || '-'}`, { width });
    doc.moveDown(0.8);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10);
    doc.text('N.', left, y, { width: 10 * MM });
    doc.text('Cognome e nome', left + 10 * MM, y, { width: 80 * MM });
    doc.text('Firma', left + 95 * MM, y, { width: width - 95 * MM });
    doc
      .moveTo(left, y + 14)
      .lineTo(left + width, y + 14)
      .lineWidth(0.8)
      .stroke();
    doc.y = y + 20;
  };
  heading();
  const rowHeight = 11 * MM;
  p.participants.forEach((name, i) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom - 25 * MM) {
      doc.addPage();
      heading();
    }
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(String(i + 1), left, y + 4, { width: 10 * MM });
    doc.text(name, left + 10 * MM, y + 4, { width: 80 * MM, ellipsis: true, height: rowHeight - 4 });
    doc
      .rect(left + 95 * MM, y, width - 95 * MM, rowHeight - 2 * MM)
      .lineWidth(0.5)
      .stroke();
    doc.y = y + rowHeight;
  });
  if (p.participants.length === 0) doc.font('Helvetica').fontSize(10).text('Nessun partecipante prenotato.', left, doc.y, { width });
  doc.moveDown(2);
  doc.font('Helvetica').fontSize(10).text('Firma del conduttore: ______________________________', left, doc.y, { width });
  numberPages(doc, left, width);
  doc.end();
  return done;
}
