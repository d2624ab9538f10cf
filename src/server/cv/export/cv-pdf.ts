import { ADDITIONAL_KINDS, SKILL_LEVELS, type LanguageEntry, type ProfileDocument } from '../../../shared/schemas/profiles.schema.js';
import type { CvLanguage, CvSection } from '../../../shared/schemas/cvs.schema.js';
import { newestFirst, visibleProfile, type CvInput, type CvLabels } from './cv-input.js';
import { COLOURS, CvPdfWriter, MM, type Block, type Piece } from './cv-pdf-layout.js';
import { cvDate, cvPeriod, cvWords, fullName, languageName, placeLine } from './cv-text.js';

/**
 * The CV as a PDF: the personal information, then the chosen sections in the chosen order, then
 * the consent to the processing of personal data that Italian employers expect at the foot of a
 * CV (Reg. UE 2016/679, D.Lgs. 196/2003).
 */
export function renderCvPdf(input: CvInput): Promise<Buffer> {
  const { identity, choices, labels } = input;
  const language = choices.language;
  const words = cvWords(language);
  const profile = visibleProfile(input.profile, choices);
  const name = fullName(identity);
  const w = new CvPdfWriter({ title: words.documentTitle(name), language: language === 'en' ? 'en-GB' : 'it-IT', author: name });

  header(w, name, choices.headline, input.photo?.bytes, words.photoAlt(name));
  const personal: Block[] = [
    [words.residence, identity.residence],
    [words.phone, identity.phone],
    [words.email, identity.email],
    [words.birthDate, identity.birthDate ? cvDate(identity.birthDate) : undefined],
  ]
    .filter((row): row is [string, string] => Boolean(row[1]))
    .map(([label, value]) => ({ left: { text: label, colour: COLOURS.muted, size: 9 }, pieces: [{ text: value }], gap: 2 }));
  w.section(words.sections.personal, personal);

  for (const section of choices.sections) w.section(words.sections[section], sectionBlocks(section, profile, language, labels));

  const consent = { text: words.consent, size: 8, colour: COLOURS.muted } as const;
  w.ensure(w.pieceHeight(consent, w.contentWidth) + 6);
  w.doc.y += 6;
  w.drawPiece(consent, w.contentX, w.contentWidth, w.root);
  w.numberPages(words.page, name);
  return w.finish();
}

function header(w: CvPdfWriter, name: string, headline: string | undefined, photo: Uint8Array | undefined, alt: string) {
  const top = w.doc.y;
  let photoBottom = top;
  if (photo) {
    const width = 30 * MM;
    const height = 38 * MM;
    const x = w.left + w.labelWidth - width;
    w.root.add(
      w.doc.struct('Figure', { alt }, () => {
        w.doc.image(Buffer.from(photo), x, top, { fit: [width, height], align: 'right' });
      }),
    );
    photoBottom = top + height;
  }
  w.doc.y = top;
  w.drawPiece({ text: name, font: 'semibold', size: 22, tag: 'H1', gap: 2 }, w.contentX, w.contentWidth, w.root);
  if (headline) w.drawPiece({ text: headline, font: 'semibold', size: 12, colour: COLOURS.accent }, w.contentX, w.contentWidth, w.root);
  w.doc.y = Math.max(w.doc.y, photoBottom) + 10;
}

function paragraphs(text: string | undefined, piece: Omit<Piece, 'text'> = {}): Piece[] {
  return (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ ...piece, text: line, gap: piece.gap ?? 2 }));
}

const dateLabel = (text: string): Piece => ({ text, size: 9, colour: COLOURS.muted });

function sectionBlocks(section: CvSection, p: ProfileDocument, language: CvLanguage, labels?: CvLabels): Block[] {
  const words = cvWords(language);
  switch (section) {
    case 'summary':
      return p.summary ? [{ pieces: paragraphs(p.summary, { gap: 3 }) }] : [];
    case 'work':
      return newestFirst(p.work).map((e) => ({
        left: dateLabel(cvPeriod(language, e.startDate, e.endDate, !e.endDate)),
        pieces: [
          { text: e.jobTitle, font: 'semibold', size: 10.5 },
          { text: [e.employer, placeLine(language, e.place, e.country, labels)].filter(Boolean).join(', '), colour: COLOURS.muted, gap: 3 },
          ...paragraphs(e.tasks),
          ...e.highlights.map((h) => ({ text: h, bullet: true, gap: 1 })),
        ],
        gap: 9,
      }));
    case 'education':
      return newestFirst(p.education).map((e) => ({
        left: dateLabel(cvPeriod(language, e.startDate, e.endDate)),
        pieces: [
          { text: e.title, font: 'semibold', size: 10.5 },
          ...(e.field ? [{ text: e.field }] : []),
          ...(e.institution || e.place || e.country
            ? [{ text: [e.institution, placeLine(language, e.place, e.country, labels)].filter(Boolean).join(', '), colour: COLOURS.muted }]
            : []),
          ...(e.eqfLevel || e.grade
            ? [{ text: [e.eqfLevel ? `EQF ${e.eqfLevel}` : '', e.grade ? `${words.grade}: ${e.grade}` : ''].filter(Boolean).join(' · ') }]
            : []),
          ...e.courses.map((c) => ({ text: c, bullet: true, gap: 1 })),
        ],
        gap: 9,
      }));
    case 'languages':
      return languageBlocks(p.languages, language, labels);
    case 'skills': {
      const groups = [...SKILL_LEVELS].reverse().map((level) => ({ level, skills: p.skills.filter((s) => s.level === level) }));
      groups.push({ level: 'unrated' as never, skills: p.skills.filter((s) => !s.level) });
      return groups
        .filter((g) => g.skills.length > 0)
        .map((g) => ({
          left: dateLabel(words.skillLevels[g.level as keyof typeof words.skillLevels]),
          pieces: [{ text: g.skills.map((s) => (s.escoUri && labels?.skills?.[s.escoUri]) || s.label).join(' · ') }],
          gap: 6,
        }));
    }
    case 'drivingLicences':
      return p.drivingLicences.length
        ? [{ pieces: [{ text: `${words.licence} ${p.drivingLicences.map((l) => words.licences[l]).join(', ')}` }] }]
        : [];
    case 'certificates':
      return p.certificates.map((c) => ({
        left: dateLabel(c.issuedOn ? cvDate(c.issuedOn) : ''),
        pieces: [
          { text: c.name, font: 'semibold' },
          ...(c.issuer ? [{ text: `${words.issuedBy} ${c.issuer}`, colour: COLOURS.muted }] : []),
          ...(c.expiresOn ? [{ text: `${words.expires}: ${cvDate(c.expiresOn)}` }] : []),
          ...(c.url ? [{ text: c.url, colour: COLOURS.accent }] : []),
        ],
        gap: 6,
      }));
    case 'availability':
      return availabilityBlocks(p, language, labels);
    case 'additional':
      return ADDITIONAL_KINDS.flatMap((kind) =>
        p.additional
          .filter((a) => a.kind === kind)
          .map((a, i) => ({
            left: dateLabel(i === 0 ? words.additionalKinds[kind] : ''),
            pieces: [
              { text: [a.title, a.organisation].filter(Boolean).join(' – '), font: 'semibold' as const },
              ...(a.date ? [{ text: cvPeriod(language, a.date, a.endDate), colour: COLOURS.muted }] : []),
              ...paragraphs(a.detail),
              ...(a.url ? [{ text: a.url, colour: COLOURS.accent }] : []),
            ],
            gap: 6,
          })),
      );
  }
}

function availabilityBlocks(p: ProfileDocument, language: CvLanguage, labels?: CvLabels): Block[] {
  const words = cvWords(language);
  const a = p.availability;
  const m = p.mobility;
  const mobility = [
    m.maxKm !== undefined ? words.availability.km.replace('{n}', String(m.maxKm)) : '',
    m.maxMinutes !== undefined ? words.availability.minutes.replace('{n}', String(m.maxMinutes)) : '',
    m.means.map((x) => words.means[x]).join(', '),
    m.relocate ? words.availability.relocate : '',
  ].filter(Boolean);
  const rows: [string, string][] = [
    [
      words.availability.wanted,
      p.desiredOccupations.map((d) => (d.escoOccupationUri && labels?.occupations?.[d.escoOccupationUri]) || d.label).join(', '),
    ],
    [words.availability.time, a.workingTimes.map((x) => words.workingTimes[x]).join(', ')],
    [words.availability.shifts, a.shifts.map((x) => words.shifts[x]).join(', ')],
    [words.availability.contracts, a.contractTypes.map((x) => words.contractTypes[x]).join(', ')],
    [words.availability.from, a.availableFrom ? cvDate(a.availableFrom) : ''],
    [words.availability.mobility, mobility.join('; ')],
  ];
  const blocks: Block[] = rows
    .filter(([, v]) => v)
    .map(([label, value]) => ({ left: dateLabel(label), pieces: [{ text: value }], gap: 3 }));
  if (a.note) blocks.push({ pieces: paragraphs(a.note), gap: 3 });
  return blocks;
}

const CEFR_COLUMNS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;

function languageBlocks(entries: LanguageEntry[], language: CvLanguage, labels?: CvLabels): Block[] {
  const words = cvWords(language);
  const mother = entries.filter((l) => l.mother);
  const others = entries.filter((l) => !l.mother);
  const blocks: Block[] = [];
  if (mother.length)
    blocks.push({
      left: dateLabel(words.motherTongue),
      pieces: [{ text: mother.map((l) => languageName(language, l.code, labels)).join(', ') }],
      gap: 6,
    });
  if (others.length) {
    const headerRow = 13;
    const row = 15;
    blocks.push({
      left: dateLabel(words.otherLanguages),
      pieces: [],
      custom: { height: 2 * headerRow + others.length * row + 4, draw: (w, y, parent) => cefrGrid(w, y, parent, others, language, labels) },
      gap: 2,
    });
    for (const l of others.filter((x) => x.certificate))
      blocks.push({ pieces: [{ text: `${languageName(language, l.code, labels)}: ${l.certificate}`, size: 9 }], gap: 1 });
    blocks.push({ pieces: [{ text: words.cefrNote, size: 8, colour: COLOURS.muted }], gap: 4 });
  }
  return blocks;
}

/** The Europass self-assessment grid: understanding (listening, reading), speaking (interaction, production), writing. */
function cefrGrid(
  w: CvPdfWriter,
  y: number,
  parent: PDFKit.PDFStructureElement,
  entries: LanguageEntry[],
  language: CvLanguage,
  labels?: CvLabels,
) {
  const words = cvWords(language);
  const doc = w.doc;
  const nameWidth = 86;
  const col = (w.contentWidth - nameWidth) / 5;
  const x0 = w.contentX;
  const headerRow = 13;
  const row = 15;
  const table = doc.struct('Table');
  parent.add(table);
  const cell = (
    tag: 'TH' | 'TD',
    text: string,
    x: number,
    cy: number,
    width: number,
    font: 'regular' | 'semibold',
    size: number,
    colour: string,
  ) =>
    doc.struct(tag, {}, () => {
      doc
        .font(font)
        .fontSize(size)
        .fillColor(colour)
        .text(text, x, cy, { width, align: x === x0 ? 'left' : 'center', lineBreak: false, ellipsis: true });
    });
  w.artifact(() => {
    doc.rect(x0, y, w.contentWidth, 2 * headerRow).fill('#eef2f6');
    for (let i = 0; i <= entries.length; i++)
      doc
        .moveTo(x0, y + 2 * headerRow + i * row)
        .lineTo(x0 + w.contentWidth, y + 2 * headerRow + i * row)
        .lineWidth(0.4)
        .strokeColor(COLOURS.rule)
        .stroke();
  });
  const groups: [string, number, number][] = [
    [words.cefr.understanding, 0, 2],
    [words.cefr.speaking, 2, 2],
    [words.cefr.writing, 4, 1],
  ];
  const top = doc.struct('TR');
  table.add(top);
  top.add(cell('TH', '', x0, y + 3, nameWidth, 'semibold', 8, COLOURS.text));
  for (const [label, start, span] of groups)
    top.add(cell('TH', label, x0 + nameWidth + start * col, y + 3, span * col, 'semibold', 8, COLOURS.accent));
  top.end();
  const sub = doc.struct('TR');
  table.add(sub);
  sub.add(cell('TH', '', x0, y + headerRow + 2, nameWidth, 'semibold', 8, COLOURS.text));
  const subLabels = [words.cefr.listening, words.cefr.reading, words.cefr.interaction, words.cefr.production, words.cefr.writing];
  subLabels.forEach((label, i) =>
    sub.add(cell('TH', label, x0 + nameWidth + i * col, y + headerRow + 2, col, 'regular', 7.5, COLOURS.muted)),
  );
  sub.end();
  entries.forEach((l, r) => {
    const ry = y + 2 * headerRow + r * row + 3.5;
    const tr = doc.struct('TR');
    table.add(tr);
    tr.add(cell('TH', languageName(language, l.code, labels), x0, ry, nameWidth, 'semibold', 9, COLOURS.text));
    CEFR_COLUMNS.forEach((c, i) => tr.add(cell('TD', l[c] ?? '–', x0 + nameWidth + i * col, ry, col, 'regular', 9, COLOURS.text)));
    tr.end();
  });
  table.end();
}
