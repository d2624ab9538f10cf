-- A course's version (src/server/training): every change raises it by one, and a change sent with
-- an older version is refused, so two coordinators editing the same course cannot silently
-- overwrite each other's seats or dates (the form says to reload instead).
alter table training_courses add column version integer not null default 1 check (version between 1 and 2147483647);
