import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../paths.js';
import type { DomainError } from '../../http/problem.js';
import { convertCv } from './convert-cv.js';

const europassXml = readFileSync(projectPath('tests', 'fixtures', 'cv', 'europass-v3', 'Europass_CV_V3.4.0_Example.xml'));

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the import was expected to fail');
}

/** A readable first page, as the Europass editor's PDF has. */
async function cvPdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Curriculum Vitae Europass - Chuck Norris', { x: 50, y: 780, size: 16, font });
  return pdf;
}

describe('Europass PDF+XML', () => {
  it('reads the CV XML from the document’s embedded files, beside a scanned diploma', async () => {
    const pdf = await cvPdf();
    await pdf.attach(Buffer.from('%PDF-1.4 a scanned diploma'), 'diploma.pdf', { mimeType: 'application/pdf' });
    await pdf.attach(europassXml, 'attachment.xml', { mimeType: 'application/xml', description: 'Europass CV' });
    const draft = await convertCv(await pdf.save());
    expect(draft.source).toEqual({ format: 'europass_xml', version: '3.4', container: 'pdf' });
    expect(draft.identity).toMatchObject({ firstName: 'Chuck', lastName: 'NORRIS' });
    expect(draft.profile.work.map((w) => w.employer)).toEqual(['School of Ninjutsu']);
    expect(draft.profile.languages.find((l) => l.code === 'ja')?.listening).toBe('C1');
  });

  it('reads the CV XML from a page’s file attachment annotation', async () => {
    const pdf = await cvPdf();
    const { context } = pdf;
    const file = context.register(context.flateStream(europassXml, { Type: 'EmbeddedFile', Subtype: 'text/xml' }));
    const spec = context.register(context.obj({ Type: 'Filespec', F: PDFString.of('Europass-CV.xml'), EF: { F: file } }));
    const annotation = context.register(context.obj({ Type: 'Annot', Subtype: 'FileAttachment', Rect: [40, 40, 60, 60], FS: spec }));
    pdf.getPage(0).node.set(PDFName.of('Annots'), context.obj([annotation]));
    const draft = await convertCv(await pdf.save());
    expect(draft.identity.lastName).toBe('NORRIS');
    expect(draft.source.container).toBe('pdf');
  });

  it('a PDF without an embedded CV, or with another XML attached, is refused with the Italian message', async () => {
    const plain = await cvPdf();
    const error = await failure(convertCv(await plain.save()));
    expect(error.code).toBe('CV_PDF_WITHOUT_EUROPASS');
    expect(error.status).toBe(422);
    expect(error.text.it).toMatch(/^Il PDF non contiene un CV Europass in formato XML/);

    const invoice = await cvPdf();
    await invoice.attach(Buffer.from('<?xml version="1.0"?><FatturaElettronica/>'), 'fattura.xml', { mimeType: 'application/xml' });
    expect((await failure(convertCv(await invoice.save()))).code).toBe('CV_PDF_WITHOUT_EUROPASS');
  });

  it('an attachment that inflates beyond 20 MB is refused before it fills the memory', async () => {
    const pdf = await cvPdf();
    await pdf.attach(new Uint8Array(24 * 1024 * 1024), 'bomb.xml', { mimeType: 'application/xml' });
    const bytes = await pdf.save();
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect((await failure(convertCv(bytes))).code).toBe('CV_TOO_LARGE');
  });

  it('a damaged PDF is said to be unreadable or to hold no CV, never a crash', async () => {
    const error = await failure(
      convertCv(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF')),
    );
    expect(['CV_PDF_UNREADABLE', 'CV_PDF_WITHOUT_EUROPASS']).toContain(error.code);
    expect(error.status).toBe(422);
  });
});
