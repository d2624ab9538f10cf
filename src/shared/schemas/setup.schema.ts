import { z } from 'zod';
import { emailSchema, textField } from './common.schema.js';
import { createOfficeRequestSchema } from './office.schema.js';

/**
 * The one-time link's token, as `serve` prints it after `#` (43 characters of base64url). Any
 * short text is taken: a link copied wrong is answered by the server as a link that does not
 * match (403 SETUP_LINK_INVALID, saying which link to use), not as a form field to correct.
 */
export const setupTokenSchema = z.string().min(1).max(200);

export const setupCheckRequestSchema = z.strictObject({ token: setupTokenSchema }).meta({ id: 'SetupCheckRequest' });

/**
 * The first start of a real installation: the network of job centres, its first office and its
 * first administrator, created together. The password's rules are auth's (checked by the server).
 */
export const setupRequestSchema = z
  .strictObject({
    token: setupTokenSchema,
    network: z.strictObject({ name: textField(120) }),
    office: createOfficeRequestSchema.pick({ code: true, name: true }).extend({ comune: textField(100) }),
    admin: z.strictObject({
      fullName: textField(120),
      email: emailSchema,
      password: z.string().min(1).max(200),
    }),
  })
  .meta({ id: 'SetupRequest' });
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const setupCheckSchema = z.object({ available: z.literal(true) }).meta({ id: 'SetupCheck' });

export const setupResultSchema = z
  .object({ email: z.string(), networkName: z.string(), officeCode: z.string() })
  .meta({ id: 'SetupResult' });
