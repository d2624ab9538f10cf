import { z } from 'zod';
import { MAX_INT4, calendarDate, isoDateTime, textField } from './common.schema.js';
import { enrollmentStateSchema } from './programmes.schema.js';

/**
 * The personal action plan (patto di servizio personalizzato, D.Lgs. 150/2015 art. 20): themes →
 * objectives → actions, each action with an owner, a due date and a status; signed, reviewed at set
 * intervals, closed with an outcome; every change kept as a version.
 */

export const PLAN_STATES = ['draft', 'signed', 'under_review', 'closed'] as const;
export const planStateSchema = z.enum(PLAN_STATES).meta({ id: 'PlanState' });
export type PlanStateName = z.infer<typeof planStateSchema>;

/** How the worker signed: on paper, in person on the office's tablet, or by OTP (once self-service exists). */
export const PLAN_SIGNATURES = ['paper', 'in_person', 'otp'] as const;
export const planSignatureSchema = z.enum(PLAN_SIGNATURES).meta({ id: 'PlanSignature' });

export const PLAN_ACTION_OWNERS = ['worker', 'consultant'] as const;
export const planActionOwnerSchema = z.enum(PLAN_ACTION_OWNERS);
export const PLAN_ACTION_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const planActionStatusSchema = z.enum(PLAN_ACTION_STATUSES);

/** The plan's moves (plan.states.ts); the web shows the buttons of the moves the answer lists. */
export const PLAN_MOVES = ['sign', 'review', 'revise', 'close'] as const;
export const planMoveSchema = z.enum(PLAN_MOVES);

const longText = (max: number) => z.string().trim().max(max);

export const planParamsSchema = z.strictObject({ planId: z.uuid() });
export const planActionParamsSchema = z.strictObject({ planId: z.uuid(), actionId: z.uuid() });
export const planThemeParamsSchema = z.strictObject({ planId: z.uuid(), themeId: z.uuid() });
export const planObjectiveParamsSchema = z.strictObject({ planId: z.uuid(), objectiveId: z.uuid() });

/** What art. 20 asks the plan to say besides its actions; the same fields on creation and update. */
const planTermsShape = {
  consultantId: z.uuid().optional(),
  /** The worker's profiling class (profilo di occupabilità), when the profiling has been done. */
  profilingClass: longText(80).optional(),
  /** How often the worker meets the consultant of reference, in days. */
  contactIntervalDays: z.number().int().min(7).max(180).optional(),
  reviewIntervalDays: z.number().int().min(14).max(365).optional(),
  /** How the worker shows the active job search (art. 20 c. 2 e). */
  searchEvidence: longText(1000).optional(),
  willingActivities: z.boolean().optional(),
  willingTraining: z.boolean().optional(),
  acceptsCongruousOffers: z.boolean().optional(),
  notes: longText(4000).optional(),
};

export const planCreateSchema = z.strictObject({ programmeId: z.uuid(), ...planTermsShape }).meta({ id: 'PlanCreate' });
export type PlanCreate = z.infer<typeof planCreateSchema>;

/** An update names the version it was made on: a plan changed meanwhile answers 409. */
export const planUpdateSchema = z
  .strictObject({ baseVersion: z.number().int().min(1).max(MAX_INT4), ...planTermsShape })
  .meta({ id: 'PlanUpdate' });
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

export const planActionCreateSchema = z
  .strictObject({
    themeTitle: textField(200).optional(),
    objectiveTitle: textField(300).optional(),
    description: textField(500),
    owner: planActionOwnerSchema,
    dueDate: calendarDate,
  })
  .meta({ id: 'PlanActionCreate' });
export type PlanActionCreate = z.infer<typeof planActionCreateSchema>;

export const planActionUpdateSchema = z
  .strictObject({
    description: textField(500).optional(),
    owner: planActionOwnerSchema.optional(),
    dueDate: calendarDate.optional(),
    status: planActionStatusSchema.optional(),
  })
  .meta({ id: 'PlanActionUpdate' });
export type PlanActionUpdate = z.infer<typeof planActionUpdateSchema>;

/** A theme or objective renamed in place: its objectives and actions stay where they are. */
export const planThemeRenameSchema = z.strictObject({ title: textField(200) }).meta({ id: 'PlanThemeRename' });
export type PlanThemeRename = z.infer<typeof planThemeRenameSchema>;
export const planObjectiveRenameSchema = z.strictObject({ title: textField(300) }).meta({ id: 'PlanObjectiveRename' });
export type PlanObjectiveRename = z.infer<typeof planObjectiveRenameSchema>;

export const planSignSchema = z.strictObject({ signedOn: calendarDate, how: planSignatureSchema }).meta({ id: 'PlanSign' });
export type PlanSign = z.infer<typeof planSignSchema>;

/** A review confirms the plan (next review set from the interval) or opens a revision to sign again. */
export const planReviewSchema = z
  .strictObject({ reviewedOn: calendarDate, note: textField(4000), outcome: z.enum(['confirmed', 'revise']) })
  .meta({ id: 'PlanReview' });
export type PlanReview = z.infer<typeof planReviewSchema>;

export const planCloseSchema = z.strictObject({ closedOn: calendarDate, outcomeSummary: textField(4000) }).meta({ id: 'PlanClose' });
export type PlanClose = z.infer<typeof planCloseSchema>;

export const planActionSchema = z.object({
  id: z.uuid(),
  owner: planActionOwnerSchema,
  description: z.string(),
  dueDate: calendarDate,
  status: planActionStatusSchema,
  doneOn: calendarDate.nullable(),
  overdue: z.boolean(),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const planThemeSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  objectives: z.array(z.object({ id: z.uuid(), title: z.string(), actions: z.array(planActionSchema) })),
});

export const planDetailSchema = z
  .object({
    id: z.uuid(),
    worker: z.object({ id: z.uuid(), name: z.string() }),
    programme: z.object({ id: z.uuid(), name: z.string() }),
    officeId: z.uuid(),
    consultant: z.object({ id: z.uuid(), name: z.string() }),
    /** Who may be the consultant of reference: the consultants and coordinators of the worker's office. */
    consultantChoices: z.array(z.object({ id: z.uuid(), name: z.string() })),
    state: planStateSchema,
    profilingClass: z.string(),
    contactIntervalDays: z.number().int(),
    reviewIntervalDays: z.number().int(),
    nextReviewOn: calendarDate.nullable(),
    searchEvidence: z.string(),
    willingActivities: z.boolean(),
    willingTraining: z.boolean(),
    acceptsCongruousOffers: z.boolean(),
    notes: z.string(),
    signedOn: calendarDate.nullable(),
    signedHow: planSignatureSchema.nullable(),
    closedOn: calendarDate.nullable(),
    outcomeSummary: z.string(),
    version: z.number().int(),
    updatedAt: isoDateTime,
    themes: z.array(planThemeSchema),
    reviews: z.array(z.object({ id: z.uuid(), reviewedOn: calendarDate, reviewer: z.string(), note: z.string() })),
    moves: z.array(planMoveSchema),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planSummarySchema = z.object({
  id: z.uuid(),
  programme: z.object({ id: z.uuid(), name: z.string() }),
  consultant: z.object({ id: z.uuid(), name: z.string() }),
  state: planStateSchema,
  signedOn: calendarDate.nullable(),
  nextReviewOn: calendarDate.nullable(),
  closedOn: calendarDate.nullable(),
  version: z.number().int(),
});
export const planListSchema = z.object({ items: z.array(planSummarySchema) }).meta({ id: 'PlanList' });

export const planSignedSchema = z
  .object({
    plan: planDetailSchema,
    /** What the signature did to the enrolment in the programme (programmes' enrollOnPlanSigned). */
    enrollment: z.object({
      moved: z.boolean(),
      state: enrollmentStateSchema.nullable(),
      code: z.enum(['ENROLLMENT_NOT_FOUND', 'ALREADY_ENROLLED', 'TRANSITION_NOT_ALLOWED', 'TRANSITION_FORBIDDEN']).nullable(),
    }),
  })
  .meta({ id: 'PlanSigned' });

export const planVersionsSchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int(),
        change: z.string(),
        actor: z.string(),
        at: isoDateTime,
        snapshot: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'PlanVersions' });

/** The consultant's own plans by default; coordinators may ask for the whole current office. */
export const planAgendaQuerySchema = z.strictObject({ scope: z.enum(['mine', 'office']).default('mine') });

export const overdueActionsSchema = z
  .object({
    items: z.array(
      z.object({
        actionId: z.uuid(),
        planId: z.uuid(),
        worker: z.object({ id: z.uuid(), name: z.string() }),
        consultant: z.string(),
        description: z.string(),
        owner: planActionOwnerSchema,
        dueDate: calendarDate,
        daysOverdue: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'OverdueActions' });

export const dueReviewsSchema = z
  .object({
    items: z.array(
      z.object({
        planId: z.uuid(),
        worker: z.object({ id: z.uuid(), name: z.string() }),
        consultant: z.string(),
        nextReviewOn: calendarDate,
        state: planStateSchema,
      }),
    ),
  })
  .meta({ id: 'DueReviews' });
