import { cvChoicesSchema } from '../../shared/schemas/cvs.schema.js';
import { createCvFromProfile } from '../cv/index.js';
import type { Executor } from '../db/executor.js';

/**
 * CVs for a part of the demo's profiled workers, as a consultant builds one with the worker: from
 * the profile, under the first job's title, in Italian; one in three of those with at least three
 * skills (a CV worth printing). Through cv's own create, so each has its first version and the
 * JSON Resume it then read.
 */
export async function seedDemoCvs(
  trx: Executor,
  input: { profiled: ReadonlyArray<{ workerId: string; jobTitle: string | null; skills: number }>; consultantId: string | null; now: Date },
): Promise<number> {
  if (!input.consultantId) return 0;
  const chosen = input.profiled.filter((p) => p.jobTitle && p.skills >= 3).filter((_, i) => i % 3 === 0);
  for (const [i, p] of chosen.entries()) {
    await createCvFromProfile(trx, {
      workerId: p.workerId,
      title: i % 2 === 0 ? `CV per ${p.jobTitle!.toLowerCase()}` : 'Curriculum vitae',
      choices: cvChoicesSchema.parse({ headline: p.jobTitle! }),
      actorId: input.consultantId,
      at: new Date(input.now.getTime() - (i + 1) * 86_400_000),
    });
  }
  return chosen.length;
}
