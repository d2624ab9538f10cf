import { z } from 'zod';
import { emailSchema, isoDateTime, roleSchema, textField } from './common.schema.js';
import { newPasswordSchema } from './auth.schema.js';

export const roleAssignmentSchema = z.strictObject({ officeId: z.uuid(), role: roleSchema });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

const rolesField = z.array(roleAssignmentSchema).min(1, { message: 'Assegnare almeno un ruolo in una sede' }).max(100);

export const createStaffRequestSchema = z
  .strictObject({
    email: emailSchema,
    fullName: textField(120),
    roles: rolesField,
    /** When absent a temporary password is generated and returned once. */
    temporaryPassword: newPasswordSchema.optional(),
  })
  .meta({ id: 'CreateStaffRequest' });
export type CreateStaffRequest = z.infer<typeof createStaffRequestSchema>;

export const updateStaffRequestSchema = z
  .strictObject({
    fullName: textField(120).optional(),
    roles: rolesField.optional(),
  })
  .meta({ id: 'UpdateStaffRequest' });
export type UpdateStaffRequest = z.infer<typeof updateStaffRequestSchema>;

export const staffSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    roles: z.array(roleAssignmentSchema),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastSignInAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'StaffAccount' });
export type StaffAccount = z.infer<typeof staffSchema>;

export const staffListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  officeId: z.uuid().optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
});

export const staffListSchema = z.object({ items: z.array(staffSchema), total: z.number().int() });

export const createdStaffSchema = z
  .object({ account: staffSchema, temporaryPassword: z.string().optional() })
  .meta({ id: 'CreatedStaffAccount' });

export const passwordResetSchema = z.object({ temporaryPassword: z.string() });
