import type { Actor } from '../../auth/index.js';

/**
 * CVs hold the worker's whole career and contacts: read by the staff who work on the worker's
 * re-employment (consultants, coordinators, administrators) and by the matchers who send CVs to
 * employers; not by the front office. Written with the worker by consultants and coordinators.
 */
export function canReadCvs(actor: Actor): boolean {
  return ['admin', 'coordinator', 'consultant', 'matcher'].some((role) => actor.roles.includes(role as never));
}

export function canEditCvs(actor: Actor): boolean {
  return ['admin', 'coordinator', 'consultant'].some((role) => actor.roles.includes(role as never));
}

/** The first bytes of the two image formats a CV photo may have. */
export function photoTypeOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}
