import PDFDocument from 'pdfkit';

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

const ITALIAN_MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

/** '2026-11-25' → '25 novembre 2026'. */
export function italianLongDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${ITALIAN_MONTHS[m! - 1]} ${y}`;
}

export function renderLetters(letters: Letter[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 25 * MM, info: { Title: 'Lettere di invito', Creator: 'Ricolloca' }, lang: 'it-IT' });
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
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#003366').text(l.office.name, left, 18 * MM, { width: 90 * MM });
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  doc.text(`${l.office.address} - ${l.office.postalCode} ${l.office.comune} (${l.office.province})`, { width: 90 * MM });
  if (l.office.phone) doc.text(`Tel. ${l.office.phone}`);
  if (l.office.email) doc.text(l.office.email);
  doc.moveTo(left, 40 * MM).lineTo(left + width, 40 * MM).strokeColor('#003366').lineWidth(0.8).stroke();
  // Address window
  doc.font('Helvetica').fontSize(11).fillColor('#000000');
  const r = l.recipient;
  doc.text(`Gentile ${r.name}`, 110 * MM, 55 * MM, { width: 85 * MM });
  if (r.address) doc.text(r.address, { width: 85 * MM });
  doc.text(`${r.postalCode ? r.postalCode + ' ' : ''}${r.comune}${r.province ? ` (${r.province})` : ''}`, { width: 85 * MM });
  // Place and date, subject, body
  doc.text(`${l.office.comune}, ${italianLongDate(l.date)}`, left, 95 * MM, { width });
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').text(`Oggetto: ${l.subject}`, { width });
  doc.moveDown(1);
  // Left-aligned: justified text is drawn word by word and loses its spaces for screen readers and copy-paste.
  doc.font('Helvetica').text(l.body, { width, align: 'left', paragraphGap: 6, lineGap: 2 });
  doc.moveDown(2);
  doc.text(l.office.name, { width, align: 'right' });
}
