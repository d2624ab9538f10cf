import { z } from 'zod';
import { textField } from './common.schema.js';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Orario nel formato HH:MM' });

export const openingHoursSlotSchema = z
  .strictObject({
    day: z.number().int().min(1).max(7),
    opens: time,
    closes: time,
  })
  .refine((slot) => slot.opens < slot.closes, { message: 'L’orario di chiusura deve seguire quello di apertura' });

export const officeSchema = z
  .object({
    id: z.uuid(),
    networkId: z.uuid(),
    networkName: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    postalCode: z.string(),
    comune: z.string(),
    province: z.string(),
    phone: z.string(),
    email: z.string(),
    openingHours: z.array(openingHoursSlotSchema),
    active: z.boolean(),
  })
  .meta({ id: 'Office' });
export type Office = z.infer<typeof officeSchema>;

const officeFields = {
  name: textField(120),
  address: z.string().trim().max(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { message: 'CAP di 5 cifre' }),
  comune: z.string().trim().max(100),
  province: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, { message: 'Sigla di provincia di 2 lettere' }),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  openingHours: z.array(openingHoursSlotSchema).max(30),
  active: z.boolean(),
};

export const createOfficeRequestSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_-]{2,20}$/, { message: 'Codice di 2–20 lettere o cifre' }),
    ...officeFields,
  })
  .partial({ address: true, postalCode: true, comune: true, province: true, phone: true, email: true, openingHours: true, active: true })
  .meta({ id: 'CreateOfficeRequest' });
export type CreateOfficeRequest = z.infer<typeof createOfficeRequestSchema>;

export const updateOfficeRequestSchema = z.strictObject(officeFields).partial().meta({ id: 'UpdateOfficeRequest' });
export type UpdateOfficeRequest = z.infer<typeof updateOfficeRequestSchema>;

export const officeListSchema = z.object({ items: z.array(officeSchema) });
