import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { projectPath } from '../../paths.js';

/**
 * The page layout of the CV, Europass-like: A4, a left column of labels (section names, dates)
 * and a right column of content, in Titillium Web (the Italian public administration's typeface,
 * OFL, shipped in data/fonts with its licence; it has every accented letter Italian needs).
 * Content is laid out in blocks that are measured before they are drawn, so that a block that
 * fits on a page is never split and a section heading always has its first block under it.
 * The document is tagged (PDF/UA-style structure: Sect, H1/H2, P, L/LI, Table, Figure) with
 * the language set, and everything decorative (rules, page numbers) is marked as an artifact.
 */

export const MM = 72 / 25.4;

// Two weights only: each embedded font is parsed again for every document, the largest fixed cost of a CV.
export type FontName = 'regular' | 'semibold';
const FONT_FILES: Record<FontName, string> = {
  regular: 'TitilliumWeb-Regular.ttf',
  semibold: 'TitilliumWeb-SemiBold.ttf',
};
let fontBytes: Record<FontName, Buffer> | undefined;
function fonts(): Record<FontName, Buffer> {
  fontBytes ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(projectPath('data', 'fonts', 'titillium-web', file))]),
  ) as Record<FontName, Buffer>;
  return fontBytes;
}

export const COLOURS = { text: '#1c2024', muted: '#4d5c6b', accent: '#0059b3', rule: '#a9b7c6' } as const;

/** One paragraph of the right column (or of the left one). */
export interface Piece {
  text: string;
  font?: FontName;
  size?: number;
  colour?: string;
  /** Space after, in points. */
  gap?: number;
  /** A list item with a bullet. */
  bullet?: boolean;
  /** The structure tag (default P). */
  tag?: string;
}

/** An entry: a label on the left (dates, a kind) and paragraphs on the right. */
export interface Block {
  left?: Piece;
  pieces: Piece[];
  /** Drawn after the pieces, in the right column (the CEFR grid): height and painter. */
  custom?: { height: number; draw: (w: CvPdfWriter, y: number, parent: PDFKit.PDFStructureElement) => void };
  /** Space after the block. */
  gap?: number;
}

const BODY_SIZE = 9.5;
const LINE_GAP = -0.5;
/** Tighter leading for the large name: Titillium's own line height is generous. */
const lineGap = (size: number) => (size > 14 ? -size * 0.18 : LINE_GAP);
const BULLET_INDENT = 10;

export class CvPdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 15 * MM;
  readonly labelWidth = 46 * MM;
  readonly gutter = 6 * MM;
  readonly contentX: number;
  readonly contentWidth: number;
  readonly top = 16 * MM;
  readonly bottomMargin = 20 * MM;
  readonly root: PDFKit.PDFStructureElement;

  constructor(options: { title: string; language: string; author: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      // No default Helvetica: the CV uses only its embedded fonts (and parsing the AFM costs time).
      font: '',
      margins: { top: this.top, bottom: this.bottomMargin, left: this.left, right: 15 * MM },
      bufferPages: true,
      tagged: true,
      displayTitle: true,
      pdfVersion: '1.7',
      lang: options.language,
      info: { Title: options.title, Author: options.author, Creator: 'Ricolloca', Subject: 'Curriculum vitae' },
    });
    const f = fonts();
    for (const name of Object.keys(f) as FontName[]) this.doc.registerFont(name, f[name]);
    this.contentX = this.left + this.labelWidth + this.gutter;
    this.contentWidth = this.doc.page.width - 15 * MM - this.contentX;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  get bottom(): number {
    return this.doc.page.height - this.bottomMargin;
  }

  /** Starts a new page when fewer than `height` points are left on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.top + 1) {
      this.doc.addPage();
      this.doc.y = this.top;
    }
  }

  private style(p: Piece): PDFKit.PDFDocument {
    return this.doc
      .font(p.font ?? 'regular')
      .fontSize(p.size ?? BODY_SIZE)
      .fillColor(p.colour ?? COLOURS.text);
  }

  private readonly heights = new WeakMap<Piece, Map<number, number>>();

  /** A paragraph's height at a width; remembered, since a block is measured before it is drawn. */
  pieceHeight(p: Piece, width: number): number {
    let byWidth = this.heights.get(p);
    if (!byWidth) this.heights.set(p, (byWidth = new Map()));
    let h = byWidth.get(width);
    if (h === undefined) {
      const w = p.bullet ? width - BULLET_INDENT : width;
      h = this.style(p).heightOfString(p.text, { width: w, lineGap: lineGap(p.size ?? BODY_SIZE) }) + (p.gap ?? 0);
      byWidth.set(width, h);
    }
    return h;
  }

  blockHeight(b: Block): number {
    const right = b.pieces.reduce((h, p) => h + this.pieceHeight(p, this.contentWidth), 0) + (b.custom?.height ?? 0);
    const left = b.left ? this.pieceHeight(b.left, this.labelWidth) : 0;
    return Math.max(left, right) + (b.gap ?? 0);
  }

  /** Draws one paragraph at the current y, tagged under `parent`. */
  drawPiece(p: Piece, x: number, width: number, parent: PDFKit.PDFStructureElement, align: 'left' | 'right' = 'left'): void {
    const y = this.doc.y;
    if (p.bullet) {
      const item = this.doc.struct('LI');
      parent.add(item);
      item.add(
        this.doc.struct('Lbl', {}, () => {
          this.style({ ...p, colour: COLOURS.accent }).text('•', x + 1, y, { width: BULLET_INDENT, lineGap: LINE_GAP });
        }),
      );
      item.add(
        this.doc.struct('LBody', {}, () => {
          this.style(p).text(p.text, x + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
        }),
      );
      item.end();
    } else {
      parent.add(
        this.doc.struct(p.tag ?? 'P', {}, () => {
          this.style(p).text(p.text, x, y, { width, lineGap: lineGap(p.size ?? BODY_SIZE), align });
        }),
      );
    }
    this.doc.y += p.gap ?? 0;
  }

  /**
   * Draws a block: kept whole on one page when it fits one, else paragraph by paragraph (each
   * paragraph kept whole), the left label beside the first.
   */
  drawBlock(b: Block, parent: PDFKit.PDFStructureElement): void {
    const whole = this.blockHeight(b);
    if (whole <= this.bottom - this.top) this.ensure(whole);
    else this.ensure(b.pieces[0] ? this.pieceHeight(b.pieces[0], this.contentWidth) : 0);
    const container = this.doc.struct('Div');
    parent.add(container);
    const startY = this.doc.y;
    const startPage = this.doc.bufferedPageRange().count;
    let leftBottom = startY;
    if (b.left) {
      this.drawPiece(b.left, this.left, this.labelWidth, container, 'right');
      leftBottom = this.doc.y;
      this.doc.y = startY;
    }
    let list: PDFKit.PDFStructureElement | undefined;
    for (const p of b.pieces) {
      this.ensure(this.pieceHeight(p, this.contentWidth));
      if (p.bullet && !list) container.add((list = this.doc.struct('L')));
      if (!p.bullet && list) {
        list.end();
        list = undefined;
      }
      this.drawPiece(p, this.contentX, this.contentWidth, list ?? container);
    }
    list?.end();
    if (b.custom) {
      this.ensure(b.custom.height);
      const y = this.doc.y;
      b.custom.draw(this, y, container);
      this.doc.y = y + b.custom.height;
    }
    container.end();
    if (this.doc.bufferedPageRange().count === startPage) this.doc.y = Math.max(this.doc.y, leftBottom);
    this.doc.y += b.gap ?? 0;
  }

  /** Runs `paint` as decoration, outside the structure tree. */
  artifact(paint: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    paint();
    this.doc.endMarkedContent();
  }

  /**
   * A section: its heading in the left column with a rule across the right one, then its blocks.
   * The heading moves to the next page with the first block when both do not fit.
   */
  section(title: string, blocks: Block[]): void {
    if (blocks.length === 0) return;
    const heading: Piece = { text: title.toLocaleUpperCase('it-IT'), font: 'semibold', size: 9.5, colour: COLOURS.accent };
    const headingHeight = this.pieceHeight(heading, this.labelWidth) + 5;
    const first = this.blockHeight(blocks[0]!);
    this.ensure(headingHeight + Math.min(first, 140));
    const sect = this.doc.struct('Sect');
    this.root.add(sect);
    const y = this.doc.y;
    this.drawPiece({ ...heading, tag: 'H2' }, this.left, this.labelWidth, sect, 'right');
    this.artifact(() => {
      const ruleY = y + 7;
      this.doc
        .moveTo(this.contentX, ruleY)
        .lineTo(this.contentX + this.contentWidth, ruleY)
        .lineWidth(0.6)
        .strokeColor(COLOURS.rule)
        .stroke();
    });
    this.doc.y = y + headingHeight;
    for (const b of blocks) this.drawBlock(b, sect);
    sect.end();
    this.doc.y += 8;
  }

  /** "Pagina n di N" and the name on every page, drawn once the page count is known. */
  numberPages(footer: (n: number, of: number) => string, name: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - 12 * MM;
      this.artifact(() => {
        this.doc.font('regular').fontSize(8).fillColor(COLOURS.muted);
        this.doc.text(name, this.left, y, { width: this.labelWidth + this.gutter + this.contentWidth, align: 'left', lineBreak: false });
        this.doc.text(footer(i + 1, range.count), this.left, y, {
          width: this.labelWidth + this.gutter + this.contentWidth,
          align: 'right',
          lineBreak: false,
        });
      }, 'Pagination');
      this.doc.page.margins.bottom = saved;
    }
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.root.end();
    this.doc.end();
    return done;
  }
}
