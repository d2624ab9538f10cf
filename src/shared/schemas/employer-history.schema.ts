import { z } from 'zod';
import { vacancyStateSchema } from './vacancies.schema.js';

/**
 * The response indicator of an employer (issue 12 item 1), as applications define it once:
 * - `sent`: candidates sent to the employer (applications that reached «sent»);
 * - `answered`: of those, the ones the employer answered — the application left «sent» by an
 *   employer-side move (interview, offer, refused, hired) or has an employer's answer recorded
 *   through the signed link (event `employer_answer`);
 * - `considered`: the base of the share: the sent ones, less those the office withdrew or the worker
 *   declined before any answer (the employer was no longer asked). An expiry is a missing answer:
 *   it stays in the base;
 * - `medianDaysToAnswer`: the median, over the answered ones, of the days from sending to the first
 *   answer (one decimal), null when none was answered.
 */
export const responseIndicatorSchema = z
  .object({
    sent: z.number().int(),
    answered: z.number().int(),
    considered: z.number().int(),
    medianDaysToAnswer: z.number().nullable(),
  })
  .meta({ id: 'EmployerResponseIndicator' });
export type ResponseIndicator = z.infer<typeof responseIndicatorSchema>;

/** An employer's history with the network: its vacancies by state, candidates sent, answers, interviews, hires. */
export const employerHistorySchema = z
  .object({
    vacancies: z.partialRecord(vacancyStateSchema, z.number().int()),
    interviews: z.number().int(),
    hires: z.number().int(),
    response: responseIndicatorSchema,
  })
  .meta({ id: 'EmployerHistory' });
export type EmployerHistory = z.infer<typeof employerHistorySchema>;

export const EMPTY_RESPONSE: ResponseIndicator = { sent: 0, answered: 0, considered: 0, medianDaysToAnswer: null };
export const EMPTY_EMPLOYER_HISTORY: EmployerHistory = { vacancies: {}, interviews: 0, hires: 0, response: EMPTY_RESPONSE };
