import {
  checkConsistency,
  decodeCodiceFiscale,
  nameCode,
  normaliseCodiceFiscale,
  surnameCode,
  validateCodiceFiscale,
} from '../../shared/identity/codice-fiscale.js';
import { formatItalianDate } from '../../shared/time/rome-date.js';
import { normalisePhoneNumber, normaliseEmail, validateEmail } from '../../shared/identity/phone.js';
import { IMPORT_FIELD_LABELS_IT, type ImportField } from '../../shared/schemas/imports.schema.js';
import type { CigsReason } from '../db/schema-companies.js';
import { tidyName } from '../people/index.js';
import { normaliseLabel } from '../taxonomy/index.js';
import { cellText, type Cell } from './file-reader.js';
import { isValidVatNumber, normaliseVatNumber, parseCigsReason, parseItalianDate, parseSex, splitComune } from './values.js';

/** A worker as a valid row describes them; only the fields the file carries are set. */
export interface ImportedWorker {
  codiceFiscale: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: 'M' | 'F';
  birthPlaceCode: string;
  residenceComuneCode?: string;
  address?: string;
  postalCode?: string;
  phone?: string;
  email?: string;
  /** existing company id, or the key of a company the import creates ("vat:…" / "name:…") */
  companyId?: string;
  companyKey?: string;
  companyName?: string;
  companyVat?: string;
  cigsStart?: string;
  cigsEnd?: string;
  cigsReason?: CigsReason;
}

export interface RowError {
  field: string;
  /** Stable: kept after the personal data of the row is purged (import_rows.error_codes). */
  code: string;
  message: string;
}

export type ValidatedRow =
  | { rowNumber: number; ok: true; worker: ImportedWorker; label: string }
  | { rowNumber: number; ok: false; errors: RowError[]; label: string; companyName?: string };

export interface ComuneRef {
  istatCode: string;
  name: string;
  province: string;
}

export interface CompanyRef {
  id: string;
  name: string;
  vatNumber: string | null;
  taxCode: string | null;
}

export interface ValidationContext {
  /** The instant of the check (the codice fiscale's century is judged from it). */
  now: Date;
  /** Today in Europe/Rome, 'YYYY-MM-DD' (romeToday): a birth date after it is in the future. */
  today: string;
  comuni: readonly ComuneRef[];
  companies: readonly CompanyRef[];
  createCompanies: boolean;
}

export interface RowValidator {
  validate(cells: readonly Cell[], rowNumber: number): ValidatedRow;
  /** Companies the file names that do not exist yet (only with createCompanies). */
  companiesToCreate(): Map<string, { name: string; vatNumber: string | null }>;
}

const label = (f: ImportField) => IMPORT_FIELD_LABELS_IT[f];

export function createRowValidator(mapping: Record<string, ImportField>, ctx: ValidationContext): RowValidator {
  const columnOf = new Map<ImportField, number>();
  for (const [index, field] of Object.entries(mapping)) columnOf.set(field, Number(index));

  const comuniByIstat = new Map(ctx.comuni.map((c) => [c.istatCode, c]));
  const comuniByName = new Map<string, ComuneRef[]>();
  for (const c of ctx.comuni) {
    for (const name of [c.name, ...(c.name.includes('/') ? c.name.split('/') : [])]) {
      const key = normaliseLabel(name);
      const list = comuniByName.get(key) ?? [];
      list.push(c);
      comuniByName.set(key, list);
    }
  }
  const companiesByVat = new Map<string, CompanyRef>();
  const companiesByName = new Map<string, CompanyRef>();
  for (const c of ctx.companies) {
    if (c.vatNumber) companiesByVat.set(c.vatNumber, c);
    if (c.taxCode) companiesByVat.set(c.taxCode, c);
    companiesByName.set(normaliseLabel(c.name), c);
  }
  const toCreate = new Map<string, { name: string; vatNumber: string | null }>();
  const seenCodes = new Map<string, number>();

  function validate(cells: readonly Cell[], rowNumber: number): ValidatedRow {
    const errors: RowError[] = [];
    const cell = (f: ImportField): Cell => {
      const i = columnOf.get(f);
      const v = i === undefined ? null : (cells[i] ?? null);
      return typeof v === 'string' && v.trim() === '' ? null : v;
    };
    const text = (f: ImportField) => cellText(cell(f)).trim();
    const fail = (f: ImportField, code: string, message: string) => errors.push({ field: f, code, message: `${label(f)}: ${message}` });

    const cfText = normaliseCodiceFiscale(text('codiceFiscale'));
    let lastName: string;
    let firstName: string;
    if (columnOf.has('fullName')) {
      const full = tidyName(text('fullName'));
      [lastName, firstName] = splitFullName(full, cfText);
      if (!full) fail('fullName', 'REQUIRED', 'manca.');
      else if (!firstName) fail('fullName', 'NAME_INCOMPLETE', `«${full}»: servono cognome e nome.`);
    } else {
      lastName = tidyName(text('lastName'));
      firstName = tidyName(text('firstName'));
      if (!lastName) fail('lastName', 'REQUIRED', 'manca.');
      if (!firstName) fail('firstName', 'REQUIRED', 'manca.');
    }
    const rowLabel = [lastName, firstName].filter(Boolean).join(' ');

    let decoded: ReturnType<typeof decodeCodiceFiscale> | null = null;
    if (!cfText) fail('codiceFiscale', 'REQUIRED', 'manca (serve a riconoscere il lavoratore).');
    else {
      const v = validateCodiceFiscale(cfText);
      if (!v.valid) fail('codiceFiscale', `CF_${v.reason.toUpperCase()}`, CF_REASONS[v.reason] + ` («${cfText}»)`);
      else {
        decoded = decodeCodiceFiscale(cfText, { referenceDate: ctx.now });
        const first = seenCodes.get(cfText);
        if (first !== undefined) fail('codiceFiscale', 'DUPLICATE_ROW', `ripetuto: compare già alla riga ${first}.`);
        else seenCodes.set(cfText, rowNumber);
      }
    }

    let birthDate = decoded?.birthDate;
    if (cell('birthDate') !== null) {
      const d = parseItalianDate(cell('birthDate'), 'birth', ctx.today);
      if (!d) fail('birthDate', 'DATE_INVALID', `«${text('birthDate')}» non è una data valida (usare gg/mm/aaaa).`);
      else if (d > ctx.today) fail('birthDate', 'DATE_IN_FUTURE', `${formatItalianDate(d)} è nel futuro.`);
      else birthDate = d;
    }
    let sex = decoded?.sex;
    if (text('sex')) {
      const s = parseSex(text('sex'));
      if (!s) fail('sex', 'SEX_INVALID', `«${text('sex')}» non è valido (usare M o F).`);
      else sex = s;
    }
    if (decoded && lastName && firstName && birthDate && sex && errors.length === 0) {
      const mismatches = checkConsistency(cfText, { surname: lastName, name: firstName, birthDate, sex });
      if (mismatches.length) {
        fail(
          'codiceFiscale',
          'CF_MISMATCH',
          `non corrisponde a ${mismatches.map((m) => CONSISTENCY_IT[m]).join(', ')} indicati nella riga.`,
        );
      }
    }

    const worker: Partial<ImportedWorker> = {
      codiceFiscale: cfText,
      firstName,
      lastName,
      birthDate,
      sex,
      birthPlaceCode: decoded?.cadastralCode,
    };

    if (text('residenceComune')) {
      const c = findComune(text('residenceComune'), text('residenceProvince'));
      if ('error' in c) fail('residenceComune', c.code, c.error);
      else worker.residenceComuneCode = c.istatCode;
    }
    if (text('address')) worker.address = text('address').replace(/\s+/g, ' ');
    if (text('postalCode')) {
      // A spreadsheet drops the leading zero of a CAP typed as a number (00184 → 184).
      const cap = text('postalCode').replace(/\s+/g, '').padStart(5, '0');
      if (!/^\d{5}$/.test(cap)) fail('postalCode', 'POSTAL_CODE_INVALID', `«${text('postalCode')}» non è un CAP di 5 cifre.`);
      else worker.postalCode = cap;
    }
    if (text('phone')) {
      const p = normalisePhoneNumber(text('phone'));
      if (!p.valid) fail('phone', 'PHONE_INVALID', `«${text('phone')}» non è un numero valido.`);
      else worker.phone = p.e164;
    }
    if (text('email')) {
      const e = validateEmail(text('email'));
      if (!e.valid) fail('email', 'EMAIL_INVALID', `«${text('email')}» non è un indirizzo valido.`);
      else worker.email = normaliseEmail(text('email'));
    }

    resolveCompany(worker, fail, text('companyName'), text('companyVat'));

    for (const [f, key] of [
      ['cigsStart', 'cigsStart'],
      ['cigsEnd', 'cigsEnd'],
    ] as const) {
      if (cell(f) === null) continue;
      const d = parseItalianDate(cell(f), 'cigs', ctx.today);
      if (!d) fail(f, 'DATE_INVALID', `«${text(f)}» non è una data valida (usare gg/mm/aaaa).`);
      else worker[key] = d;
    }
    if (worker.cigsStart && worker.cigsEnd && worker.cigsEnd < worker.cigsStart) {
      fail(
        'cigsEnd',
        'CIGS_END_BEFORE_START',
        `${formatItalianDate(worker.cigsEnd)} è precedente alla data di inizio CIGS (${formatItalianDate(worker.cigsStart)}).`,
      );
    }
    if (text('cigsReason')) {
      const r = parseCigsReason(text('cigsReason'));
      if (!r)
        fail(
          'cigsReason',
          'CIGS_REASON_UNKNOWN',
          `«${text('cigsReason')}» non è una causale riconosciuta (es. cessazione attività, concordato preventivo).`,
        );
      else worker.cigsReason = r;
    }

    if (errors.length) return { rowNumber, ok: false, errors, label: rowLabel || cfText, companyName: worker.companyName };
    return { rowNumber, ok: true, worker: worker as ImportedWorker, label: rowLabel };
  }

  function findComune(value: string, provinceText: string): ComuneRef | { code: string; error: string } {
    const { name, province, istat } = splitComune(value);
    if (istat) {
      const c = comuniByIstat.get(istat);
      return c ?? { code: 'COMUNE_UNKNOWN', error: `nessun comune ha il codice ISTAT ${istat}.` };
    }
    const candidates = comuniByName.get(normaliseLabel(name)) ?? [];
    const prov = (province ?? provinceText).trim().toUpperCase();
    const inProvince = prov ? candidates.filter((c) => c.province === prov) : candidates;
    if (inProvince.length === 1) return inProvince[0]!;
    if (candidates.length === 0) return { code: 'COMUNE_UNKNOWN', error: `«${value}» non è un comune italiano.` };
    if (inProvince.length === 0) return { code: 'COMUNE_NOT_IN_PROVINCE', error: `«${value}» non è un comune della provincia ${prov}.` };
    return {
      code: 'COMUNE_AMBIGUOUS',
      error: `«${value}» indica più comuni: aggiungere la provincia (${inProvince.map((c) => c.province).join(', ')}).`,
    };
  }

  function resolveCompany(
    worker: Partial<ImportedWorker>,
    fail: (f: ImportField, code: string, m: string) => void,
    name: string,
    vatText: string,
  ) {
    if (!name && !vatText) return;
    let vat: string | null = null;
    if (vatText) {
      vat = normaliseVatNumber(vatText);
      if (!isValidVatNumber(vat) && validateCodiceFiscale(vat).valid === false) {
        fail('companyVat', 'VAT_INVALID', `«${vatText}» non è una partita IVA valida.`);
        return;
      }
      const byVat = companiesByVat.get(vat);
      if (byVat) {
        worker.companyId = byVat.id;
        return;
      }
    }
    const byName = name ? companiesByName.get(normaliseLabel(name)) : undefined;
    // A name match only counts when the file gives no P.IVA or the company has none on record.
    if (byName && (!vat || !byName.vatNumber)) {
      worker.companyId = byName.id;
      return;
    }
    if (!ctx.createCompanies) {
      // The code is file-wide: the dry run says it once ("4 aziende non registrate: …").
      worker.companyName = name || vatText;
      fail(
        name ? 'companyName' : 'companyVat',
        COMPANY_UNKNOWN,
        `azienda sconosciuta («${name || vatText}»): registrarla prima o scegliere «crea le aziende mancanti».`,
      );
      return;
    }
    if (!name) {
      fail('companyName', 'COMPANY_NAME_REQUIRED', 'serve la ragione sociale per creare l’azienda.');
      return;
    }
    const key = vat ? `vat:${vat}` : `name:${normaliseLabel(name)}`;
    if (!toCreate.has(key)) toCreate.set(key, { name: name.replace(/\s+/g, ' '), vatNumber: vat });
    worker.companyKey = key;
    worker.companyName = name;
    if (vat) worker.companyVat = vat;
  }

  return { validate, companiesToCreate: () => toCreate };
}

export const COMPANY_UNKNOWN = 'COMPANY_UNKNOWN';

/**
 * "Nominativo" / "COGNOME E NOME" in either order ("DE LUCA GIUSEPPE", "Giuseppe De Luca"): the
 * codice fiscale encodes three letters of the surname and three of the name, so the split whose
 * codes match it is the right one; without a usable codice fiscale, surname first (as INPS
 * lists write it) with a one-word surname.
 */
export function splitFullName(full: string, codiceFiscale: string): [lastName: string, firstName: string] {
  const words = full.split(' ').filter(Boolean);
  if (words.length < 2) return [full, ''];
  const cf = codiceFiscale.toUpperCase();
  if (/^[A-Z]{6}/.test(cf)) {
    for (let k = 1; k < words.length; k++) {
      const head = words.slice(0, k).join(' ');
      const tail = words.slice(k).join(' ');
      if (surnameCode(head) === cf.slice(0, 3) && nameCode(tail) === cf.slice(3, 6)) return [head, tail];
      if (surnameCode(tail) === cf.slice(0, 3) && nameCode(head) === cf.slice(3, 6)) return [tail, head];
    }
  }
  return [words[0]!, words.slice(1).join(' ')];
}

const CF_REASONS = {
  format: 'formato non valido (16 caratteri: 6 lettere, 2 cifre, 1 lettera, 2 cifre, 1 lettera, 3 cifre, 1 lettera).',
  check_character: 'il carattere di controllo non torna (errore di battitura?).',
  date: 'contiene una data di nascita impossibile.',
  place: 'il codice del luogo di nascita non è valido.',
} as const;

const CONSISTENCY_IT = {
  surname: 'cognome',
  name: 'nome',
  birthDate: 'data di nascita',
  sex: 'sesso',
  birthPlace: 'luogo di nascita',
} as const;
