import type { Kysely } from 'kysely';
import type { ActorContext } from '../auth/index.js';
import { requireNetwork, staffNamesById } from '../auth/index.js';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { Language } from '../http/problem.js';
import type { OccupationSkills, SkillLabelsImportResult, SkillTranslation } from '../../shared/schemas/skill-labels.schema.js';
import { escoUriSchema } from '../../shared/schemas/profiles.schema.js';
import { MAX_ALTERNATIVES } from '../../shared/schemas/skill-labels.schema.js';
import { parseCsv } from './import/csv-file.js';
import { occupationSkills } from './skill-queries.js';
import { cachedSearchableBatches } from './searchable-batches.js';
import {
  deleteNetworkLabel,
  knownEscoUris,
  networkLabelledUris,
  networkLabelsByUris,
  skillsForTranslation,
  upsertNetworkLabels,
  type NetworkLabelInput,
  type NetworkSkillRow,
} from './skill-labels.repository.js';
import { skillLabelErrors } from './taxonomy.errors.js';
import type { TaxonomyRepository } from './taxonomy.repository.js';

/**
 * The ESCO skills a network uses (in its workers' profiles, its courses, later its vacancies),
 * handed in by buildApp from the domains that hold them: taxonomy sits below them and cannot read them.
 */
export type UsedSkillUris = (db: Kysely<DB>, networkId: string) => Promise<string[]>;

export const CSV_COLUMNS = ['uri', 'etichetta', 'alternative'] as const;
const LABEL_MAX = 300;

type RowError = { line: number; message: string };

const rowMessages = {
  badUri: { it: 'URI ESCO non valido', en: 'not a valid ESCO URI' },
  unknownUri: {
    it: 'l’URI non è una competenza o professione dell’ESCO caricato',
    en: 'the URI is not a skill or occupation of the ESCO loaded',
  },
  noLabel: { it: 'manca l’etichetta', en: 'the label is missing' },
  longLabel: { it: `etichetta oltre ${LABEL_MAX} caratteri`, en: `label longer than ${LABEL_MAX} characters` },
  tooManyAlternatives: { it: `più di ${MAX_ALTERNATIVES} etichette alternative`, en: `more than ${MAX_ALTERNATIVES} alternative labels` },
  duplicate: (line: number) => ({ it: `URI già presente alla riga ${line}`, en: `URI already given on line ${line}` }),
};

const present = (row: NetworkSkillRow, names: ReadonlyMap<string, string>): SkillTranslation => ({
  conceptUri: row.uri,
  escoLabelEn: row.labelEn,
  escoLabelIt: row.labelIt,
  networkLabel: row.networkLabel && {
    label: row.networkLabel.label,
    alternatives: row.networkLabel.alternatives,
    updatedBy: row.networkLabel.updatedBy,
    updatedByName: row.networkLabel.updatedBy ? (names.get(row.networkLabel.updatedBy) ?? null) : null,
    updatedAt: row.networkLabel.updatedAt.toISOString(),
  },
  missingItalian: row.labelIt === null && row.networkLabel === null,
});

/** Splits the 'alternative' column on '|', trimmed, empty parts and repeats of the label left out. */
export function splitAlternatives(value: string, label: string): string[] {
  const seen = new Set([label.toLocaleLowerCase('it')]);
  return value
    .split('|')
    .map((a) => a.trim())
    .filter((a) => {
      const key = a.toLocaleLowerCase('it');
      if (!a || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export function createSkillLabelsService(deps: {
  db: Kysely<DB>;
  repository: TaxonomyRepository;
  audit: AuditService;
  clock: () => Date;
  usedSkillUris: UsedSkillUris;
}) {
  const { db, audit, clock } = deps;
  const batches = cachedSearchableBatches(() => deps.repository.searchableBatches(db));

  async function translation(networkId: string, uri: string): Promise<SkillTranslation> {
    const [row] = await skillsForTranslation(db, await batches(), networkId, [uri]);
    if (!row) throw skillLabelErrors.conceptUnknown();
    return present(row, await staffNamesById(db, [row.networkLabel?.updatedBy ?? null]));
  }

  /** Checks every row before anything is written; the labels it would write. */
  async function checkCsv(csv: string, lang: Language) {
    const records = await parseCsv('etichette.csv', new TextEncoder().encode(csv), { columns: CSV_COLUMNS, delimiter: ';' });
    const errors: RowError[] = [];
    const labels: Array<NetworkLabelInput & { line: number }> = [];
    const firstLine = new Map<string, number>();
    const fail = (line: number, text: { it: string; en: string }) => errors.push({ line, message: text[lang] });
    for (const { line, values } of records) {
      const uri = values.uri.trim();
      const label = values.etichetta.trim();
      if (!escoUriSchema.safeParse(uri).success) fail(line, rowMessages.badUri);
      else if (firstLine.has(uri)) fail(line, rowMessages.duplicate(firstLine.get(uri)!));
      else firstLine.set(uri, line);
      if (!label) fail(line, rowMessages.noLabel);
      else if (label.length > LABEL_MAX) fail(line, rowMessages.longLabel);
      const alternatives = splitAlternatives(values.alternative ?? '', label);
      if (alternatives.length > MAX_ALTERNATIVES) fail(line, rowMessages.tooManyAlternatives);
      if (alternatives.some((a) => a.length > LABEL_MAX)) fail(line, rowMessages.longLabel);
      labels.push({ line, conceptUri: uri, label, alternatives });
    }
    const known = await knownEscoUris(
      db,
      await batches(),
      labels.map((l) => l.conceptUri),
    );
    for (const l of labels) {
      if (escoUriSchema.safeParse(l.conceptUri).success && !known.has(l.conceptUri)) fail(l.line, rowMessages.unknownUri);
    }
    errors.sort((a, b) => a.line - b.line);
    return { rows: records.length, labels, errors };
  }

  return {
    /** The skills the network uses without an Italian label first, then every skill it has labelled. */
    async list(ctx: ActorContext): Promise<SkillTranslation[]> {
      const networkId = requireNetwork(ctx.actor);
      const [used, labelled] = await Promise.all([deps.usedSkillUris(db, networkId), networkLabelledUris(db, networkId)]);
      const rows = await skillsForTranslation(db, await batches(), networkId, [...used, ...labelled]);
      const names = await staffNamesById(
        db,
        rows.map((r) => r.networkLabel?.updatedBy ?? null),
      );
      return rows.map((r) => present(r, names));
    },

    async put(ctx: ActorContext, input: { conceptUri: string; label: string; alternatives: string[] }): Promise<SkillTranslation> {
      const networkId = requireNetwork(ctx.actor);
      const known = await knownEscoUris(db, await batches(), [input.conceptUri]);
      if (!known.has(input.conceptUri)) throw skillLabelErrors.conceptUnknown();
      const alternatives = splitAlternatives(input.alternatives.join('|'), input.label);
      await db.transaction().execute(async (trx) => {
        const before = (await networkLabelsByUris(trx, networkId, [input.conceptUri])).get(input.conceptUri);
        await upsertNetworkLabels(
          trx,
          networkId,
          ctx.actor.userId,
          [{ conceptUri: input.conceptUri, label: input.label, alternatives }],
          clock(),
        );
        await audit.record(trx, ctx, {
          action: 'taxonomy.skill_label_saved',
          entityType: 'esco_concept',
          entityId: input.conceptUri,
          entityLabel: input.label,
          officeId: null,
          details: { label: input.label, alternatives, previous: before ? before.label : null },
        });
      });
      return translation(networkId, input.conceptUri);
    },

    async remove(ctx: ActorContext, conceptUri: string): Promise<void> {
      const networkId = requireNetwork(ctx.actor);
      await db.transaction().execute(async (trx) => {
        const before = (await networkLabelsByUris(trx, networkId, [conceptUri])).get(conceptUri);
        if (!before || !(await deleteNetworkLabel(trx, networkId, conceptUri))) throw skillLabelErrors.labelNotFound();
        await audit.record(trx, ctx, {
          action: 'taxonomy.skill_label_removed',
          entityType: 'esco_concept',
          entityId: conceptUri,
          entityLabel: before.label,
          officeId: null,
          details: { label: before.label },
        });
      });
    },

    /** CSV uri;etichetta;alternative: a dry run says what it would do; an apply writes every row or none. */
    async importCsv(ctx: ActorContext, input: { csv: string; dryRun: boolean }, lang: Language): Promise<SkillLabelsImportResult> {
      const networkId = requireNetwork(ctx.actor);
      const { rows, labels, errors } = await checkCsv(input.csv, lang);
      const existing = await networkLabelsByUris(
        db,
        networkId,
        labels.map((l) => l.conceptUri),
      );
      const replaced = labels.filter((l) => existing.has(l.conceptUri)).length;
      const result = { dryRun: input.dryRun, rows, added: labels.length - replaced, replaced, applied: false, errors };
      if (input.dryRun || errors.length > 0) return result;
      await db.transaction().execute(async (trx) => {
        await upsertNetworkLabels(trx, networkId, ctx.actor.userId, labels, clock());
        await audit.record(trx, ctx, {
          action: 'taxonomy.skill_labels_imported',
          entityType: 'esco_concept',
          entityId: null,
          officeId: null,
          details: { rows, added: result.added, replaced },
        });
      });
      return { ...result, applied: true };
    },

    /**
     * "The skills of an occupation, found in Italian": an ESCO occupation, or every ESCO occupation
     * under an ISCO-08 group, with their essential and optional skills.
     */
    async occupationSkills(
      ctx: ActorContext | null,
      query: { occupation?: string; isco?: string; cp2011?: string },
    ): Promise<OccupationSkills> {
      const items = await occupationSkills(db, {
        networkId: ctx?.actor.networkId ?? null,
        escoOccupationUris: query.occupation ? [query.occupation] : undefined,
        iscoCode: query.isco,
        cp2011Code: query.cp2011,
      });
      return { items };
    },
  };
}

export type SkillLabelsService = ReturnType<typeof createSkillLabelsService>;
