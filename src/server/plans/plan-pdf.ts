import PDFDocument from 'pdfkit';
import { collectPdf } from '../appointments/index.js';
import type { Office } from '../../shared/schemas/office.schema.js';
import type { PlanDetail } from '../../shared/schemas/plans.schema.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';

const MM = 72 / 25.4;
const OWNER: Record<string, string> = { worker: 'Lavoratore', consultant: 'Centro per l’impiego' };
const STATUS: Record<string, string> = { todo: 'Da fare', in_progress: 'In corso', done: 'Svolta', cancelled: 'Annullata' };
const SIGNED: Record<string, string> = { paper: 'su carta', in_person: 'di persona', otp: 'con codice OTP' };

export interface PlanPrint {
  office: Pick<Office, 'name' | 'address' | 'postalCode' | 'comune' | 'province' | 'phone' | 'email'>;
  plan: PlanDetail;
  worker: { name: string; codiceFiscale: string | null; birthDate: string | null };
  printedOn: string;
}

/**
 * The patto di servizio personalizzato for signature (D.Lgs. 150/2015 art. 20), A4, in Italian:
 * the office's header, the worker, the programme and the consultant of reference, the profiling
 * class, the frequency of contacts and of reviews, the actions agreed with owner and due date, what
 * each party commits to, the privacy line and the two signature boxes. Tagged (headings, paragraphs,
 * the table) so a screen reader reads it in order; rules and boxes are marked as artifacts.
 */
export function renderPlanPdf(p: PlanPrint): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 18 * MM, bottom: 20 * MM, left: 18 * MM, right: 18 * MM },
    info: { Title: `Patto di servizio personalizzato - ${p.plan.worker.name}`, Author: p.office.name, Creator: 'Ricolloca' },
    lang: 'it-IT',
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
  });
  const done = collectPdf(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const root = doc.struct('Document');
  doc.addStructure(root);

  const text = (
    value: string,
    o: { type?: string; font?: string; size?: number; color?: string; gap?: number; x?: number; w?: number } = {},
  ) => {
    doc
      .font(o.font ?? 'Helvetica')
      .fontSize(o.size ?? 10)
      .fillColor(o.color ?? '#000000');
    const element = doc.struct(o.type ?? 'P', {}, () => {
      doc.text(value, o.x ?? left, undefined, { width: o.w ?? width });
    });
    root.add(element);
    if (o.gap) doc.moveDown(o.gap);
  };
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  const rule = () => {
    const y = doc.y + 2;
    artifact(() =>
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .lineWidth(0.6)
        .strokeColor('#0066cc')
        .stroke()
        .strokeColor('#000000'),
    );
    doc.y = y + 6;
  };
  const heading = (value: string) => {
    ensureSpace(40);
    doc.moveDown(0.6);
    text(value, { type: 'H2', font: 'Helvetica-Bold', size: 12, color: '#003366' });
    doc.moveDown(0.2);
  };
  const ensureSpace = (height: number) => {
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const field = (label: string, value: string) => {
    ensureSpace(16);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#333333');
    root.add(doc.struct('P', {}, () => doc.text(`${label}:`, left, y, { width: 52 * MM })));
    doc.font('Helvetica').fillColor('#000000');
    root.add(doc.struct('P', {}, () => doc.text(value, left + 54 * MM, y, { width: width - 54 * MM })));
    doc.x = left;
    doc.moveDown(0.25);
  };

  // The job centre's header.
  const o = p.office;
  text(o.name, { type: 'H1', font: 'Helvetica-Bold', size: 15, color: '#003366' });
  const address = [o.address, [o.postalCode, o.comune, o.province ? `(${o.province})` : ''].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  if (address) text(address, { size: 9, color: '#333333' });
  const contacts = [o.phone && `Tel. ${o.phone}`, o.email].filter(Boolean).join(' · ');
  if (contacts) text(contacts, { size: 9, color: '#333333' });
  rule();
  doc.moveDown(0.4);
  text('Patto di servizio personalizzato', { type: 'H1', font: 'Helvetica-Bold', size: 17 });
  text('ai sensi dell’art. 20 del D.Lgs. 14 settembre 2015, n. 150', { size: 10, color: '#333333', gap: 0.6 });

  heading('Il lavoratore');
  field('Cognome e nome', p.worker.name);
  field('Codice fiscale', p.worker.codiceFiscale ?? 'non indicato');
  field('Data di nascita', p.worker.birthDate ? formatItalianDate(p.worker.birthDate) : 'non indicata');

  heading('Il percorso');
  field('Programma', p.plan.programme.name);
  field('Operatore di riferimento', p.plan.consultant.name);
  field('Classe di profilazione', p.plan.profilingClass || 'non ancora determinata');
  field('Contatti con l’operatore', `almeno uno ogni ${p.plan.contactIntervalDays} giorni`);
  field(
    'Verifica del patto',
    `ogni ${p.plan.reviewIntervalDays} giorni${p.plan.nextReviewOn ? `, la prossima entro il ${formatItalianDate(p.plan.nextReviewOn)}` : ''}`,
  );
  if (p.plan.searchEvidence) field('Ricerca attiva del lavoro', p.plan.searchEvidence);
  field(
    'Stato del patto',
    p.plan.signedOn && p.plan.signedHow
      ? `firmato il ${formatItalianDate(p.plan.signedOn)} ${SIGNED[p.plan.signedHow]} (versione ${p.plan.version})`
      : `bozza da firmare (versione ${p.plan.version})`,
  );

  heading('Azioni concordate');
  actionsTable(doc, root, p.plan, { left, width, ensureSpace });

  heading('Impegni del lavoratore');
  const yes = (v: boolean) => (v ? 'sì' : 'no');
  const worker = [
    'Partecipare alle azioni indicate sopra che sono a suo carico, entro le date concordate.',
    `Disponibilità a partecipare a iniziative e laboratori per la ricerca attiva del lavoro: ${yes(p.plan.willingActivities)}.`,
    `Disponibilità a partecipare a iniziative di formazione o riqualificazione: ${yes(p.plan.willingTraining)}.`,
    `Disponibilità ad accettare congrue offerte di lavoro (art. 25 del D.Lgs. 150/2015): ${yes(p.plan.acceptsCongruousOffers)}.`,
    'Presentarsi agli appuntamenti con l’operatore di riferimento e avvisare in anticipo se non può.',
    'Comunicare al Centro per l’impiego ogni cambiamento della propria situazione (nuovo lavoro, fine della cassa integrazione, indirizzo, telefono).',
  ];
  bullets(doc, root, worker, { left, width, ensureSpace });

  heading('Impegni del Centro per l’impiego');
  bullets(
    doc,
    root,
    [
      `Assegnare un operatore di riferimento (${p.plan.consultant.name}) che segue il percorso e risponde alle domande del lavoratore.`,
      'Svolgere le azioni indicate sopra che sono a carico del Centro per l’impiego, entro le date concordate.',
      'Informare il lavoratore delle offerte di lavoro e delle occasioni di formazione adatte al suo profilo.',
      `Verificare insieme al lavoratore l’andamento del patto almeno ogni ${p.plan.reviewIntervalDays} giorni e aggiornarlo quando serve.`,
    ],
    { left, width, ensureSpace },
  );

  ensureSpace(150);
  doc.moveDown(0.8);
  text(
    'I dati personali sono trattati dal Centro per l’impiego ai sensi del Regolamento (UE) 2016/679 e del D.Lgs. 196/2003, ' +
      'solo per erogare i servizi per il lavoro e le politiche attive; l’informativa completa è disponibile presso la sede.',
    { size: 8, color: '#333333', gap: 0.8 },
  );
  text(`Luogo e data: ${o.comune || '________________'}, ____ / ____ / ________`, { size: 10, gap: 0.6 });
  signatureBoxes(doc, root, { left, width });

  footer(doc, p, left, width);
  doc.end();
  return done;
}

function actionsTable(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  plan: PlanDetail,
  g: { left: number; width: number; ensureSpace: (h: number) => void },
) {
  const columns = [
    { title: 'Tema e obiettivo', width: 0.27 },
    { title: 'Azione', width: 0.35 },
    { title: 'A cura di', width: 0.14 },
    { title: 'Entro il', width: 0.12 },
    { title: 'Stato', width: 0.12 },
  ].map((c) => ({ ...c, width: c.width * g.width }));
  const rows = plan.themes.flatMap((t) =>
    t.objectives.flatMap((o) =>
      o.actions.map((a) => [`${t.title} - ${o.title}`, a.description, OWNER[a.owner]!, formatItalianDate(a.dueDate), STATUS[a.status]!]),
    ),
  );
  if (rows.length === 0) {
    root.add(
      doc.struct('P', {}, () =>
        doc.font('Helvetica').fontSize(10).text('Nessuna azione ancora concordata.', g.left, undefined, { width: g.width }),
      ),
    );
    return;
  }
  const table = doc.struct('Table');
  root.add(table);
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }))) + 6;
    g.ensureSpace(height + 2);
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    if (header) doc.rect(g.left, y, g.width, height).fill('#e6eef7').fillColor('#000000');
    let x = g.left;
    cells.forEach((c, i) => {
      tr.add(doc.struct(header ? 'TH' : 'TD', {}, () => doc.fillColor('#000000').text(c, x + 3, y + 3, { width: columns[i]!.width - 6 })));
      x += columns[i]!.width;
    });
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(g.left, y + height)
      .lineTo(g.left + g.width, y + height)
      .lineWidth(0.4)
      .strokeColor('#999999')
      .stroke()
      .strokeColor('#000000');
    doc.endMarkedContent();
    doc.x = g.left;
    doc.y = y + height;
    return height;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) {
    if (doc.y + 30 > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(
        columns.map((c) => c.title),
        true,
      );
    }
    drawRow(row, false);
  }
}

function bullets(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  items: string[],
  g: { left: number; width: number; ensureSpace: (h: number) => void },
) {
  const list = doc.struct('L');
  root.add(list);
  doc.font('Helvetica').fontSize(10).fillColor('#000000');
  for (const item of items) {
    g.ensureSpace(doc.heightOfString(item, { width: g.width - 12 }) + 4);
    const y = doc.y;
    list.add(
      doc.struct('LI', {}, [
        doc.struct('Lbl', {}, () => doc.text('•', g.left, y, { width: 10 })),
        doc.struct('LBody', {}, () => doc.text(item, g.left + 12, y, { width: g.width - 12 })),
      ]),
    );
    doc.x = g.left;
    doc.moveDown(0.2);
  }
}

function signatureBoxes(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, g: { left: number; width: number }) {
  const gap = 10 * MM;
  const boxWidth = (g.width - gap) / 2;
  const y = doc.y;
  const labels = ['Firma del lavoratore', 'Firma dell’operatore del Centro per l’impiego'];
  labels.forEach((label, i) => {
    const x = g.left + i * (boxWidth + gap);
    root.add(doc.struct('P', {}, () => doc.font('Helvetica-Bold').fontSize(9).fillColor('#000000').text(label, x, y, { width: boxWidth })));
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .rect(x, y + 14, boxWidth, 22 * MM)
      .lineWidth(0.8)
      .strokeColor('#333333')
      .stroke()
      .strokeColor('#000000');
    doc.endMarkedContent();
  });
  doc.x = g.left;
  doc.y = y + 14 + 22 * MM + 6;
}

/** "Patto di servizio di Esposito Maria · Pagina i di n" at the foot of every page, as an artifact. */
function footer(doc: PDFKit.PDFDocument, p: PlanPrint, left: number, width: number) {
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(
        `Patto di servizio di ${p.plan.worker.name} · stampato il ${formatItalianDate(p.printedOn)} · Pagina ${i + 1} di ${pages.count}`,
        left,
        doc.page.height - bottom + 6,
        {
          width,
          align: 'right',
          lineBreak: false,
        },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
