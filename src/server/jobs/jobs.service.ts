import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { RequestContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import type { JobListQuery, JobSummary } from '../../shared/schemas/jobs.schema.js';
import type { JobsRepository } from './jobs.repository.js';

export function createJobsService(deps: { db: Kysely<DB>; repository: JobsRepository; audit: AuditService }) {
  const { db, repository, audit } = deps;
  return {
    /**
     * The network's jobs in one state, newest first. The list names subjects (a meeting's id) and
     * the last error, which may quote an address a mail server refused: the read is audited.
     */
    async list(ctx: RequestContext, networkId: string, query: JobListQuery) {
      const rows = await repository.list(db, {
        networkId,
        state: query.state,
        kind: query.kind,
        limit: query.limit + 1,
        before: query.before ? new Date(query.before) : undefined,
      });
      const page = rows.slice(0, query.limit);
      const items: JobSummary[] = page.map((r) => ({
        id: r.id,
        kind: r.kind,
        subjectId: r.subject_id,
        subjectVersion: r.subject_version,
        state: r.state,
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        lastError: r.last_error,
        runAt: r.run_at.toISOString(),
        createdAt: r.created_at.toISOString(),
        finishedAt: r.finished_at?.toISOString() ?? null,
      }));
      await audit.record(db, ctx, {
        action: 'jobs.listed',
        entityType: 'job',
        entityId: null,
        details: { state: query.state, kind: query.kind ?? null, count: items.length, jobIds: items.map((i) => i.id) },
      });
      const last = page[page.length - 1];
      return {
        items,
        nextBefore: rows.length > query.limit && last ? (last.finished_at ?? last.run_at).toISOString() : null,
      };
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
