import { z } from 'zod';
import { emailSchema, languageSchema, roleSchema } from './common.schema.js';

export const PASSWORD_MIN_LENGTH = 12;

/**
 * The demo's sign-in, published in the README and shown by the sign-in page when the server runs
 * the demo: one password for all five accounts, one account per role. Auth refuses this password
 * as anybody's new password (server/auth/published-passwords.ts); the demo seeds these accounts.
 */
export const DEMO_PASSWORD = 'Demo.Modena.2026';
export const DEMO_ACCOUNTS = [
  { email: 'admin@ricolloca.example', role: 'admin' },
  { email: 'coordinatore@ricolloca.example', role: 'coordinator' },
  { email: 'orientatrice@ricolloca.example', role: 'consultant' },
  { email: 'sportello@ricolloca.example', role: 'frontoffice' },
  { email: 'incontro@ricolloca.example', role: 'matcher' },
] as const satisfies ReadonlyArray<{ email: string; role: z.infer<typeof roleSchema> }>;

export const signInRequestSchema = z
  .strictObject({
    email: emailSchema,
    password: z.string().min(1).max(200),
    /** "Ricordami": the cookie outlives the browser (until the session's absolute expiry); otherwise it ends with the browser. */
    remember: z.boolean().optional(),
  })
  .meta({ id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const officeSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
});

export const sessionViewSchema = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      fullName: z.string(),
      language: languageSchema,
      mustChangePassword: z.boolean(),
    }),
    currentOfficeId: z.uuid().nullable(),
    offices: z.array(officeSummarySchema),
    roles: z.array(roleSchema),
    /** What the current user may do in the current office; the web shows only these. */
    capabilities: z.array(z.string()),
    csrfToken: z.string(),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof sessionViewSchema>;

export const switchOfficeRequestSchema = z.strictObject({ officeId: z.uuid() }).meta({ id: 'SwitchOfficeRequest' });

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `La password deve avere almeno ${PASSWORD_MIN_LENGTH} caratteri` })
  .max(128);

export const changePasswordRequestSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: newPasswordSchema,
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const preferencesRequestSchema = z.strictObject({ language: languageSchema }).meta({ id: 'PreferencesRequest' });
