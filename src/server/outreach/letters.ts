import PDFDocument from 'pdfkit';
import { italianLongDate } from '../../shared/time/rome-date.js';

/**
 * The mail-merge for the post: one A4 page per recipient with the office letterhead, the
 * address in the window of a DL window envelope (UNI EN ISO 269 / Poste Italiane: window on the
 * right, about 110 mm from the left edge and 50 mm from the top), the place and date, and the
 * Italian text with the placeholders already filled.
 */
export interface LetterOffice {
  name: string;
  address: string;
  postalCode: string;
  comune: string;
  province: string;
  phone: string;
  email: string;
}

export interface Letter {
  office: LetterOffice;
  recipient: { name: string; address: string; postalCode: string; comune: string; province: string };
  date: string;
  subject: string;
  body: string;
}

const MM = 72 / 25.4;

const NBSP = '\u00a0';

/**
 * Phone numbers ("+39 059 000 1000", "059 000 1000") kept on one line: their spaces become
 * no-break spaces, so a number is never split between two lines of the letter.
 */
export function keepPhoneNumbersTogether(text: string): string {
  return text.replace(/(?:\+\d{2} )?\d{2,4}(?: \d{2,4}){1,3}/g, (match) =>
    match.replace(/\D/g, '').length >= 6 ? match.replaceAll(' ', NBSP) : match,
  );
}

/**
 * The recipient's postal address as Poste Italiane want it in the window: the name (no
 * salutation), the street, then "CAP Comune (PR)" on the last line. A CAP written into the street
 * field ("Via Emilia Est 120, 41122") moves to the last line.
 */
export function addressLines(r: Letter['recipient']): string[] {
  const cap = r.postalCode || /\b(\d{5})\b/.exec(r.address)?.[1] || '';
  const street = r.address.replace(/,?\s*\b\d{5}\b.*$/, '').trim();
  const last = [cap, r.comune].filter(Boolean).join(' ') + (r.province ? ` (${r.province})` : '');
  return [r.name, street, last].filter((line) => line.trim() !== '');
}

export function renderLetters(letters: Letter[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margin: 25 * MM,
    info: { Title: 'Lettere di invito', Creator: 'Ricolloca' },
    lang: 'it-IT',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const letter of letters) page(doc, letter);
  if (letters.length === 0) doc.addPage().font('Helvetica').fontSize(11).text('Nessuna lettera da stampare.');
  doc.end();
  return done;
}

function page(doc: PDFKit.PDFDocument, l: Letter) {
  doc.addPage();
  const left = 25 * MM;
  const width = doc.page.width - 2 * left;
  // Letterhead
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor('#003366')
    .text(l.office.name, left, 18 * MM, { width: 90 * MM });
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  doc.text(`${l.office.address} - ${l.office.postalCode} ${l.office.comune} (${l.office.province})`, { width: 90 * MM });
  if (l.office.phone) doc.text(`Tel. ${keepPhoneNumbersTogether(l.office.phone)}`);
  if (l.office.email) doc.text(l.office.email);
  doc
    .moveTo(left, 40 * MM)
    .lineTo(left + width, 40 * MM)
    .strokeColor('#003366')
    .lineWidth(0.8)
    .stroke();
  // Address window
  doc.font('Helvetica').fontSize(11).fillColor('#000000');
  // The address block holds the address only: the salutation belongs to the text of the letter.
  const [first, ...rest] = addressLines(l.recipient);
  doc.text(first ?? '', 110 * MM, 55 * MM, { width: 85 * MM });
  for (const line of rest) doc.text(line, { width: 85 * MM });
  // Place and date, subject, body
  doc.text(`${l.office.comune}, ${italianLongDate(l.date)}`, left, 95 * MM, { width });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').text(`Oggetto: ${l.subject}`, { width });
  doc.moveDown(1);
  // Left-aligned: justified text is drawn word by word and loses its spaces for screen readers and copy-paste.
  doc.font('Helvetica').text(keepPhoneNumbersTogether(l.body), { width, align: 'left', paragraphGap: 6, lineGap: 2 });
  doc.moveDown(2);
  doc.text(l.office.name, { width, align: 'right' });
}
