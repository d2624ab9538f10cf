import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWorkerRequestSchema } from '../schemas/people.schema.js';
import { createProgrammeRequestSchema } from '../schemas/programmes.schema.js';
import { intakeRequestSchema } from '../schemas/outreach.schema.js';
import { fieldErrorsOf, validationErrorMap, type MessageLanguage } from './validation-messages.js';

function errorsOf(schema: z.ZodType, value: unknown, language: MessageLanguage) {
  const result = schema.safeParse(value, { error: validationErrorMap(language) });
  if (result.success) throw new Error('expected a failure');
  return Object.fromEntries(fieldErrorsOf(result.error, language).map((e) => [e.path, e.message]));
}

// Zod's own wording in either language, and type names, must never reach a person.
const JARGON = /\bstring\b|undefined|>=|Troppo|too small|expected|received|Invalid input|uuid|regex|body\//i;

describe('validation messages', () => {
  it('asks for the missing fields of a worker in Italian', () => {
    const errors = errorsOf(createWorkerRequestSchema, { firstName: '  ', phone: '' }, 'it');
    expect(errors).toEqual({
      firstName: 'Inserire il nome',
      lastName: 'Inserire il cognome',
      phone: 'Inserire il numero di telefono',
    });
  });

  it('asks for them in English', () => {
    const errors = errorsOf(createWorkerRequestSchema, { firstName: '', lastName: "D'Angelo", phone: '' }, 'en');
    expect(errors).toEqual({ firstName: 'Enter the first name', phone: 'Enter the phone number' });
  });

  it('explains a wrong codice fiscale, date and e-mail in both languages', () => {
    const value = {
      firstName: 'Nicolò',
      lastName: 'Dall’Olio',
      codiceFiscale: 'RSSMRA80A01H501X',
      birthDate: '31/12/1980',
      email: 'nicolo.dallolio@',
    };
    const it = errorsOf(createWorkerRequestSchema, value, 'it');
    expect(it.codiceFiscale).toMatch(/^Il codice fiscale non è valido/);
    expect(it.birthDate).toBe('Inserire una data nel formato gg/mm/aaaa');
    expect(it.email).toBe('Inserire un indirizzo e-mail valido');
    const en = errorsOf(createWorkerRequestSchema, value, 'en');
    expect(en.codiceFiscale).toMatch(/^The codice fiscale is not valid/);
    expect(en.birthDate).toBe('Enter a date as dd/mm/yyyy');
    expect(en.email).toBe('Enter a valid e-mail address');
    for (const message of [...Object.values(it), ...Object.values(en)]) expect(message).not.toMatch(JARGON);
  });

  it('names the programme fields without Zod jargon', () => {
    const en = errorsOf(createProgrammeRequestSchema, { code: 'x', name: '', capacity: 'many', startsOn: '2026-02-30' }, 'en');
    expect(en.name).toBe('Enter the name');
    expect(en.capacity).toBe('Enter a number');
    expect(en.code).toBe('The code has 2 to 30 letters or digits');
    for (const message of Object.values(en)) expect(message).not.toMatch(JARGON);
    const it = errorsOf(createProgrammeRequestSchema, { code: 'x', name: '', capacity: 'many', startsOn: '2026-02-30' }, 'it');
    expect(it.name).toBe('Inserire il nome');
    expect(it.capacity).toBe('Inserire un numero');
  });

  it('explains an e-mail that may also be left empty (a company’s PEC)', () => {
    const schema = z.strictObject({ pec: z.union([z.literal(''), z.email()]) });
    expect(errorsOf(schema, { pec: 'ferrari.costa@pec' }, 'it')).toEqual({ pec: 'Inserire un indirizzo e-mail valido' });
    expect(errorsOf(schema, { pec: 'ferrari.costa@pec' }, 'en')).toEqual({ pec: 'Enter a valid e-mail address' });
  });

  it('asks for a hotline caller’s phone', () => {
    expect(errorsOf(intakeRequestSchema, { name: 'Giuseppe Esposito', phone: '' }, 'it')).toEqual({
      phone: 'Inserire il numero di telefono',
    });
    expect(errorsOf(intakeRequestSchema, { name: 'Giuseppe Esposito' }, 'en')).toEqual({ phone: 'Enter the phone number' });
  });

  it('is the default error map, so no caller sees Zod’s Italian locale text', () => {
    const result = z.strictObject({ lastName: z.string().trim().min(1) }).safeParse({ lastName: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Inserire il cognome');
  });
});
