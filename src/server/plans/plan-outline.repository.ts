import type { Executor } from '../db/executor.js';

/** A theme or objective of a plan, with its title before a rename. */
export interface OutlineItem {
  id: string;
  title: string;
}

export async function findTheme(db: Executor, planId: string, themeId: string): Promise<OutlineItem | undefined> {
  return db.selectFrom('plan_themes').select(['id', 'title']).where('id', '=', themeId).where('plan_id', '=', planId).executeTakeFirst();
}

export async function findObjective(
  db: Executor,
  planId: string,
  objectiveId: string,
): Promise<(OutlineItem & { themeId: string }) | undefined> {
  const row = await db
    .selectFrom('plan_objectives')
    .select(['id', 'title', 'theme_id'])
    .where('id', '=', objectiveId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row && { id: row.id, title: row.title, themeId: row.theme_id };
}

/** Whether another theme of the plan already has that title (titles are unique within a plan). */
export async function themeTitleTaken(db: Executor, planId: string, themeId: string, title: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_themes')
    .select('id')
    .where('plan_id', '=', planId)
    .where('title', '=', title)
    .where('id', '<>', themeId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether another objective of the same theme already has that title. */
export async function objectiveTitleTaken(db: Executor, themeId: string, objectiveId: string, title: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_objectives')
    .select('id')
    .where('theme_id', '=', themeId)
    .where('title', '=', title)
    .where('id', '<>', objectiveId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function renameTheme(trx: Executor, themeId: string, title: string): Promise<void> {
  await trx.updateTable('plan_themes').set({ title }).where('id', '=', themeId).execute();
}

export async function renameObjective(trx: Executor, objectiveId: string, title: string): Promise<void> {
  await trx.updateTable('plan_objectives').set({ title }).where('id', '=', objectiveId).execute();
}
