import type { Actor } from '../auth/index.js';

/**
 * Reference data (classifications, comuni, data sources) holds no personal data: every signed-in
 * member of staff may read it, whatever their role. It is not public because the type-ahead is
 * part of the staff application, and an open endpoint would invite scraping.
 */
export function canReadReferenceData(_actor: Actor): boolean {
  return true;
}
