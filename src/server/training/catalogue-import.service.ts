import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type ActorContext } from '../auth/index.js';
import type { DB } from '../db/schema.js';
import { romeToday } from '../../shared/time/rome-time.js';
import { parseCatalogue } from './catalogue-import.js';
import { trainingErrors } from './training.errors.js';
import type { TrainingRepository } from './training.repository.js';
import { DomainError } from '../http/problem.js';

export interface CatalogueImportInput {
  providerId: string;
  mapping?: string;
  status: 'draft' | 'open';
  bytes: Buffer;
}

/** The catalogue import's dry run and apply: the same parse; the apply writes every course or none. */
export function createCatalogueImportService(deps: {
  db: Kysely<DB>;
  repository: TrainingRepository;
  audit: AuditService;
  clock: () => Date;
}) {
  const { db, repository: repo, audit, clock } = deps;

  async function parse(ctx: ActorContext, input: CatalogueImportInput) {
    const provider = await repo.findProvider(db, input.providerId);
    if (!provider || provider.networkId !== requireNetwork(ctx.actor)) throw trainingErrors.providerNotFound();
    const parsed = await parseCatalogue(db, input.bytes, { mapping: input.mapping, today: romeToday(clock()) });
    if ('mappingError' in parsed) {
      throw new DomainError('CATALOGUE_MAPPING_INVALID', 422, { it: `${parsed.mappingError}.`, en: 'The column mapping is not valid.' });
    }
    if (parsed.rows === 0) throw trainingErrors.catalogueEmpty();
    return { provider, parsed };
  }

  return {
    async dryRun(ctx: ActorContext, input: CatalogueImportInput) {
      const { provider, parsed } = await parse(ctx, input);
      await audit.record(db, ctx, {
        action: 'training.catalogue_checked',
        entityType: 'training_provider',
        entityId: provider.id,
        entityLabel: provider.name,
        details: { rows: parsed.rows, errors: parsed.errors.length },
      });
      return {
        headers: parsed.headers,
        mapping: parsed.mapping,
        rows: parsed.rows,
        valid: parsed.courses.length,
        errors: parsed.errors,
        preview: parsed.courses.slice(0, 50).map((c) => ({
          row: c.row,
          title: c.values.title,
          startDate: c.values.startDate,
          hours: c.values.hours,
          skills: c.skills.length,
        })),
      };
    },

    async apply(ctx: ActorContext, input: CatalogueImportInput) {
      const { provider, parsed } = await parse(ctx, input);
      if (parsed.errors.length > 0) {
        const rowsWithErrors = new Set(parsed.errors.map((e) => e.row)).size;
        throw trainingErrors.catalogueInvalid(
          rowsWithErrors,
          parsed.errors.map((e) => ({ path: `rows/${e.row}/${e.field}`, message: e.message })),
        );
      }
      const networkId = provider.networkId;
      const now = clock();
      const ids = await db.transaction().execute(async (trx) => {
        const created = await repo.insertCoursesBulk(
          trx,
          networkId,
          parsed.courses.map((c) => ({ ...c.values, providerId: provider.id, status: input.status })),
          ctx.actor.userId,
          now,
        );
        await repo.insertSkillsBulk(
          trx,
          networkId,
          parsed.courses.flatMap((c, i) => c.skills.map((s) => ({ courseId: created[i]!, uri: s.uri, label: s.label }))),
        );
        await audit.record(trx, ctx, {
          action: 'training.catalogue_imported',
          entityType: 'training_provider',
          entityId: provider.id,
          entityLabel: provider.name,
          details: { courses: created.length, status: input.status },
        });
        return created;
      });
      return { created: ids.length, courseIds: ids };
    },
  };
}

export type CatalogueImportService = ReturnType<typeof createCatalogueImportService>;
