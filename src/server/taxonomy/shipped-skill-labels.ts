import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../db/executor.js';
import { REFERENCE_DIR } from './reference/reference-set.js';
import { parseCsv } from './import/csv-file.js';
import { CSV_COLUMNS, splitAlternatives } from './skill-labels.service.js';
import { upsertNetworkLabels, type NetworkLabelInput } from './skill-labels.repository.js';

/**
 * The Italian skill labels shipped with the product (data/reference/esco/skill-labels-it.csv):
 * the project's own translations of the ESCO skills the demo sectors need (welding, forklifts,
 * ceramic glazing and firing, CNC, industrial sewing, warehouse, HACCP …), in the CSV layout an
 * administrator imports. A network starts from them (the demo loads them) and edits them.
 */
export const SHIPPED_SKILL_LABELS_FILE = join(REFERENCE_DIR, 'esco', 'skill-labels-it.csv');

export async function readShippedSkillLabels(file = SHIPPED_SKILL_LABELS_FILE): Promise<NetworkLabelInput[]> {
  const records = await parseCsv('skill-labels-it.csv', await readFile(file), { columns: CSV_COLUMNS, delimiter: ';' });
  return records.map(({ values }) => ({
    conceptUri: values.uri.trim(),
    label: values.etichetta.trim(),
    alternatives: splitAlternatives(values.alternative, values.etichetta.trim()),
  }));
}

/** Writes the shipped labels as the network's, in the caller's transaction. */
export async function loadShippedSkillLabels(executor: Executor, networkId: string, actorId: string | null, at: Date): Promise<number> {
  const labels = await readShippedSkillLabels();
  await upsertNetworkLabels(executor, networkId, actorId, labels, at);
  return labels.length;
}
