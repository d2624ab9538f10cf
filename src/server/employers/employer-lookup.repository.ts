import type { Executor } from '../db/executor.js';

/** A site of an employer, as other domains need it: the employer it belongs to, its comune and office. */
export interface EmployerSiteRef {
  siteId: string;
  employerId: string;
  employerName: string;
  networkId: string;
  officeId: string;
  comuneCode: string;
}

/** The sites asked for, each with its employer, in one query; a site of another network is absent. */
export async function employerSitesByIds(
  db: Executor,
  networkId: string,
  siteIds: readonly string[],
): Promise<Map<string, EmployerSiteRef>> {
  const ids = [...new Set(siteIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employer_sites as s')
    .innerJoin('employers as e', 'e.id', 's.employer_id')
    .select(['s.id', 's.employer_id', 'e.name', 'e.network_id', 'e.office_id', 's.comune_code'])
    .where('s.id', 'in', ids)
    .where('e.network_id', '=', networkId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        siteId: r.id,
        employerId: r.employer_id,
        employerName: r.name,
        networkId: r.network_id,
        officeId: r.office_id,
        comuneCode: r.comune_code,
      },
    ]),
  );
}

/** The names of the employers asked for, in one query (merged by the caller: no N+1). */
export async function employerNamesByIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('employers').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Where an employer's candidates go: its name, and the addresses to write to. */
export interface CandidateRecipients {
  employerName: string;
  /** The contacts marked to receive candidates that have an e-mail; else the employer's own e-mail; else none. */
  recipients: Array<{ name: string; email: string }>;
}

/**
 * The e-mail addresses an employer receives candidates and reminders at: its contacts marked
 * `receives_candidates`, or failing those the employer's own address. Undefined when unknown.
 */
export async function candidateRecipientsOf(db: Executor, employerId: string): Promise<CandidateRecipients | undefined> {
  const employer = await db.selectFrom('employers').select(['name', 'email']).where('id', '=', employerId).executeTakeFirst();
  if (!employer) return undefined;
  const contacts = await db
    .selectFrom('employer_contacts')
    .select(['full_name', 'email'])
    .where('employer_id', '=', employerId)
    .where('receives_candidates', '=', true)
    .where('email', '<>', '')
    .orderBy('full_name')
    .orderBy('id')
    .execute();
  const recipients = contacts.map((c) => ({ name: c.full_name, email: c.email.trim() }));
  if (recipients.length === 0 && employer.email.trim()) recipients.push({ name: employer.name, email: employer.email.trim() });
  // One e-mail per address, even when two contacts share the HR mailbox.
  const seen = new Set<string>();
  return {
    employerName: employer.name,
    recipients: recipients.filter((r) => !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase())),
  };
}
