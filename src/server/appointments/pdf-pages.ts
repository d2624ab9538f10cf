/** The document's bytes once it ends (call before writing, then `doc.end()`). */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** "Pagina i di n" at the foot of every page of a document made with `bufferPages: true`. */
export function numberPages(doc: PDFKit.PDFDocument, left: number, width: number): void {
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: the footer lifts it for its line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(`Pagina ${i + 1} di ${pages.count}`, left, doc.page.height - bottom + 4, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
