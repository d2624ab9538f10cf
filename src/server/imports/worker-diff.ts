import type { ImportExistingWorker, ImportWorkerColumns as WorkerColumns } from '../people/index.js';
import type { ImportedWorker } from './row-validator.js';

// The name search key is not built here: people's repository writes it with searchNameOf.

export function newWorkerColumns(w: ImportedWorker, caseId: string | null): WorkerColumns {
  return {
    first_name: w.firstName,
    last_name: w.lastName,
    birth_date: w.birthDate,
    sex: w.sex,
    birth_place_code: w.birthPlaceCode,
    residence_comune_code: w.residenceComuneCode ?? null,
    address: w.address ?? '',
    postal_code: w.postalCode ?? '',
    phone: w.phone ?? null,
    email: w.email ?? null,
    cigs_case_id: caseId,
    cigs_end_date: w.cigsEnd ?? null,
  };
}

/**
 * The existing record with the file's values laid over it, and the names of the columns that
 * changed. `caseId` undefined means the row names no company (the link is left alone).
 */
export function mergeWorker(existing: ImportExistingWorker, w: ImportedWorker, caseId: string | null | undefined) {
  const next: WorkerColumns = {
    first_name: w.firstName,
    last_name: w.lastName,
    birth_date: w.birthDate,
    sex: w.sex,
    birth_place_code: w.birthPlaceCode,
    residence_comune_code: w.residenceComuneCode ?? existing.residence_comune_code,
    address: w.address ?? existing.address,
    postal_code: w.postalCode ?? existing.postal_code,
    // The number on record stays; a different one from the list is kept beside it (extraPhone).
    phone: existing.phone ?? w.phone ?? null,
    email: w.email ?? existing.email,
    cigs_case_id: caseId === undefined || caseId === null ? existing.cigs_case_id : caseId,
    cigs_end_date: w.cigsEnd ?? existing.cigs_end_date,
  };
  const changed: string[] = (Object.keys(next) as Array<keyof WorkerColumns>).filter((k) => (existing[k] ?? null) !== (next[k] ?? null));
  const extraPhone = w.phone && existing.phone && w.phone !== existing.phone && !existing.other_phones.includes(w.phone) ? w.phone : null;
  if (extraPhone) changed.push('phone');
  return { next, changed, extraPhone };
}
