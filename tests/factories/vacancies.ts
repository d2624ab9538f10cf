import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

/**
 * Employers and their sites written straight to the database, as seeds: the employers' API is not
 * on main yet, and the vacancies' tests need only an employer of the network with a site in a comune.
 */
export async function buildEmployerWithSites(
  db: Kysely<DB>,
  o: { networkId: string; officeId: string; name: string; sites: Array<{ comuneCode: string; name?: string; address?: string }> },
): Promise<{ employerId: string; siteIds: string[] }> {
  const employer = await db
    .insertInto('employers')
    .values({ network_id: o.networkId, office_id: o.officeId, name: o.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sites = await db
    .insertInto('employer_sites')
    .values(
      o.sites.map((s, i) => ({
        employer_id: employer.id,
        name: s.name ?? '',
        address: s.address ?? '',
        comune_code: s.comuneCode,
        head_office: i === 0,
      })),
    )
    .returning('id')
    .execute();
  return { employerId: employer.id, siteIds: sites.map((s) => s.id) };
}

/** ESCO v1.1.1 concepts of the miniature bundle (tests/fixtures/taxonomy/esco-mini). */
export const OCCUPATIONS = {
  welder: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  cook: 'http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e',
};

/** ISTAT codes of comuni of the province of Modena. */
export const COMUNI = { modena: '036023', carpi: '036005', mirandola: '036022', sassuolo: '036040' };
