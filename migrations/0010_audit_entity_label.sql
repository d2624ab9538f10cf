-- The audit log names the object of each entry in words ("Barbieri Emanuele", a programme's name),
-- taken when the entry is written: the log stays readable after the object is renamed or gone,
-- and reading it needs no join to other domains' tables. Earlier entries keep an empty label
-- (the log is append-only: they are not rewritten).
alter table audit_log add column entity_label text not null default '';
