import { hasRole, type Actor } from '../auth/index.js';

/**
 * Reference data (classifications, comuni, data sources) holds no personal data: every signed-in
 * member of staff may read it, whatever their role. It is not public because the type-ahead is
 * part of the staff application, and an open endpoint would invite scraping.
 */
export function canReadReferenceData(_actor: Actor): boolean {
  return true;
}

/**
 * The network's Italian labels of ESCO skills: administrators and coordinators, who keep the
 * network's reference data and know the trades' own words; a consultant suggests, they enter.
 */
export function canManageSkillLabels(actor: Actor): boolean {
  return hasRole(actor, 'admin') || hasRole(actor, 'coordinator');
}
