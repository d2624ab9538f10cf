import type { CvIdentity } from './cv-draft.js';

/**
 * Where the identity a CV states differs from the worker's record: shown to the consultant, who
 * corrects the record on the worker's page if the CV is right. Nothing here writes anything.
 */
export interface WorkerIdentity {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  /** Street and number. */
  address: string;
  postalCode: string;
}

export type IdentityField = 'name' | 'birthDate' | 'email' | 'phone' | 'address' | 'postalCode';
export interface IdentityDifference {
  field: IdentityField;
  cv: string;
  worker: string | null;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('it')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The words of a name in any order: "NORRIS Chuck" is "Chuck Norris"; "D'Angelo" is "D Angelo". */
const nameWords = (s: string) => fold(s).split(' ').filter(Boolean).sort().join(' ');

/** The national part of a phone number: its last nine digits ("+39 347 2210983" is "347 2210983"). */
const phoneKey = (s: string) => s.replace(/\D/g, '').slice(-9);

export function identityDifferences(cv: CvIdentity, worker: WorkerIdentity): IdentityDifference[] {
  const out: IdentityDifference[] = [];
  const workerName = `${worker.firstName} ${worker.lastName}`.trim();
  const cvName = cv.fullName ?? [cv.firstName, cv.lastName].filter(Boolean).join(' ');
  if (cvName && nameWords(cvName) !== nameWords(workerName)) out.push({ field: 'name', cv: cvName, worker: workerName || null });
  if (cv.birthDate && !(worker.birthDate ?? '').startsWith(cv.birthDate))
    out.push({ field: 'birthDate', cv: cv.birthDate, worker: worker.birthDate });
  if (cv.email && cv.email.toLowerCase() !== (worker.email ?? '').toLowerCase())
    out.push({ field: 'email', cv: cv.email, worker: worker.email });
  if (cv.phones.length > 0 && !cv.phones.some((p) => worker.phone && phoneKey(p) === phoneKey(worker.phone)))
    out.push({ field: 'phone', cv: cv.phones.join(', '), worker: worker.phone });
  const street = cv.address?.line;
  if (street && fold(street) !== fold(worker.address)) out.push({ field: 'address', cv: street, worker: worker.address || null });
  const cap = cv.address?.postalCode;
  if (cap && cap.replace(/\s/g, '') !== worker.postalCode) out.push({ field: 'postalCode', cv: cap, worker: worker.postalCode || null });
  return out;
}
