-- The apply of a large list on PGlite runs in short transactions (PGlite is one connection: one long
-- transaction would hold every other request). Each batch records here what it wrote, so that a
-- failure, or a stop before the job is switched to 'applied', undoes exactly that
-- (src/server/imports/import-apply.ts, docs/ARCHITECTURE.md "Long writes on PGlite").

-- What the apply did with the row: 'created' a worker, 'updated' one (its previous values in
-- `previous`, a number it added beside the one on record in `added_phone`), or found it 'unchanged'.
alter table import_rows
  add column applied_as text check (applied_as in ('created', 'updated', 'unchanged')),
  add column previous jsonb,
  add column added_phone text;
create index import_rows_applied_idx on import_rows(job_id, row_number) where applied_as is not null;

-- { "companies": [ids], "cigsCases": [ids] } the apply created, until it is switched to 'applied';
-- `staged` says the apply runs in short transactions and must be undone if it does not finish.
alter table import_jobs
  add column apply_log jsonb not null default '{}'::jsonb;
