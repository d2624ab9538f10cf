import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCvPdf } from './cv-pdf.js';
import { accentsCv, choices, longCv, photoCv, shortCv } from './cv-samples.test-helper.js';

// The PDFs are read back with poppler (pdftotext, pdfinfo), as a recruiter's viewer would read them.
const dir = mkdtempSync(join(tmpdir(), 'cv-pdf-'));
let n = 0;
function saved(pdf: Buffer): string {
  const file = join(dir, `cv-${++n}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const text = (pdf: Buffer, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', saved(pdf), '-'], { encoding: 'utf8' });
function info(pdf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

describe('the CV as a PDF', () => {
  it('prints a short CV on one A4 page with the Europass sections, the consent and the page number', async () => {
    const pdf = await renderCvPdf(shortCv());
    const meta = info(pdf);
    expect(meta.Pages).toBe('1');
    expect(meta['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    const t = text(pdf);
    for (const heading of [
      'INFORMAZIONI PERSONALI',
      'PROFILO',
      'ESPERIENZA PROFESSIONALE',
      'ISTRUZIONE E FORMAZIONE',
      'COMPETENZE LINGUISTICHE',
      'PATENTE DI GUIDA',
    ])
      expect(t).toContain(heading);
    expect(t).toContain('Giulia Barbieri');
    expect(t).toContain('Addetta al controllo qualità');
    expect(t).toContain('09/2003 – 06/2025');
    expect(t).toContain('Ceramica Fioranese S.p.A., Fiorano Modenese (MO)');
    expect(t).toContain('18/04/1979');
    expect(t).toMatch(/Regolamento\s+\(UE\) 2016\/679 e del D\.Lgs\. 196\/2003/);
    expect(t).toContain('Pagina 1 di 1');
  });

  it('is a tagged PDF in Italian with the worker in its title', async () => {
    const pdf = await renderCvPdf(shortCv());
    const meta = info(pdf);
    expect(meta.Tagged).toBe('yes');
    expect(meta.Title).toBe('Curriculum vitae di Giulia Barbieri');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (it-IT)');
    expect(raw).toContain('/DisplayDocTitle true');
    const structure = execFileSync('pdfinfo', ['-struct', saved(pdf)], { encoding: 'utf8' });
    expect(structure).toMatch(/^\s*H1/m);
    expect(structure.match(/^\s*H2/gm)?.length).toBe(6);
    // The CEFR grid is a table with header cells.
    const long = execFileSync('pdfinfo', ['-struct', saved(await renderCvPdf(longCv()))], { encoding: 'utf8' });
    expect(long).toMatch(/^\s*Table/m);
    expect(long).toMatch(/^\s*TH/m);
  });

  it('runs a CV of eleven jobs over three numbered pages, headings never alone at the foot of a page', async () => {
    const pdf = await renderCvPdf(longCv());
    expect(info(pdf).Pages).toBe('3');
    const pages = [1, 2, 3].map((p) => text(pdf, p));
    pages.forEach((t, i) => expect(t).toContain(`Pagina ${i + 1} di 3`));
    for (const t of pages) {
      // The last line of text above the footer is never a section heading.
      const lines = t.split('\n').filter((l) => l.trim() && !/Pagina \d di 3/.test(l));
      expect(lines.at(-1)).not.toMatch(/^\s*[A-ZÀÈÉÌÒÙ ]{6,}\s*$/);
    }
    const all = pages.join('\n');
    expect(all).toContain('Tessitura D’Angelo S.p.A.');
    expect(all).toContain('in corso');
    // The CEFR grid, with the Council of Europe's headings.
    expect(all).toMatch(/Inglese\s+A2\s+B1\s+A2\s+A2\s+A1/);
    expect(all).toMatch(/Ascolto\s+Lettura\s+Interazione\s+Produzione orale\s+Scrittura/);
    expect(all).toContain('Patente B, C, CQC merci');
    expect(all).toContain('Scadenza: 14/03/2027');
    expect(all).toContain('fino a 40 km; auto propria');
    expect(all).toContain('Volontariato');
  });

  it('keeps accents, apostrophes and long words whole', async () => {
    const t = text(await renderCvPdf(accentsCv()));
    expect(t).toContain('Società Cooperativa Ceramiche Sassuolese — Reparto smaltatura');
    expect(t).toContain('Perché lavorare bene è un’abitudine');
    expect(t).toContain('È così');
    expect(t).toContain('D’Alessandro');
    expect(t).toMatch(/Francese\s+B2\s+B2\s+B1\s+B1\s+A2/);
  });

  it('embeds the photo when there is one, and not otherwise', async () => {
    const withPhoto = await renderCvPdf(photoCv());
    const without = await renderCvPdf(shortCv());
    const images = (pdf: Buffer) =>
      execFileSync('pdfimages', ['-list', saved(pdf)], { encoding: 'utf8' })
        .trim()
        .split('\n').length - 2;
    expect(images(withPhoto)).toBe(1);
    expect(images(without)).toBe(0);
    expect(execFileSync('pdfinfo', ['-struct', saved(withPhoto)], { encoding: 'utf8' })).toMatch(/Figure/);
  });

  it('shows only the chosen sections, in the chosen order, without the entries left out', async () => {
    const input = longCv();
    const hidden = input.profile.work.find((w) => w.employer === 'Caseificio Sociale Santa Rita')!;
    const shown = input.profile.work.filter((w) => w.employer === 'Caseificio Sociale Santa Rita').length;
    expect(shown).toBe(1);
    input.choices = choices({ sections: ['languages', 'work'], hiddenEntryIds: [hidden.id], summary: 'Carrellista esperto.' });
    const t = text(await renderCvPdf(input));
    expect(t.indexOf('COMPETENZE LINGUISTICHE')).toBeLessThan(t.indexOf('ESPERIENZA PROFESSIONALE'));
    expect(t).not.toContain('ISTRUZIONE E FORMAZIONE');
    expect(t).not.toContain('PROFILO');
    expect(t).not.toContain('Caseificio Sociale Santa Rita');
    expect(t).toContain('Logistica Esposito & C. S.a.s.');
  });

  it('speaks English when the CV is in English', async () => {
    const input = longCv();
    input.choices = choices({ language: 'en' });
    const t = text(await renderCvPdf(input));
    expect(t).toContain('WORK EXPERIENCE');
    expect(t).toContain('English');
    expect(t).toContain('present');
    expect(t).toMatch(/Page 1 of \d/);
    expect(t).toContain('Regulation (EU) 2016/679');
  });
});
