-- A worker's effective CIGS period, defined once, here: the worker's own end date when the
-- list from INPS or the company gives one, else the end of their CIGS case; the start is the
-- case's. Every reader (eligibility, outreach targeting, "CIGS ending soon", the waiting-list
-- priority, the company cohort) reads these two columns, so no query can disagree with another
-- and the dashboards can use an index. Kept by triggers whatever path writes a worker or a case.

alter table workers add column effective_cigs_start date, add column effective_cigs_end date;

create function workers_effective_cigs_period() returns trigger language plpgsql as $$
declare
  case_start date;
  case_end date;
begin
  if new.cigs_case_id is not null then
    select c.start_date, c.end_date into case_start, case_end from cigs_cases c where c.id = new.cigs_case_id;
  end if;
  new.effective_cigs_start := case_start;
  new.effective_cigs_end := coalesce(new.cigs_end_date, case_end);
  return new;
end $$;

create trigger workers_effective_cigs_period
  before insert or update of cigs_case_id, cigs_end_date on workers
  for each row execute function workers_effective_cigs_period();

create function cigs_cases_effective_period() returns trigger language plpgsql as $$
begin
  update workers w
     set effective_cigs_start = new.start_date,
         effective_cigs_end = coalesce(w.cigs_end_date, new.end_date)
   where w.cigs_case_id = new.id;
  return null;
end $$;

create trigger cigs_cases_effective_period
  after update of start_date, end_date on cigs_cases
  for each row when (old.start_date is distinct from new.start_date or old.end_date is distinct from new.end_date)
  execute function cigs_cases_effective_period();

update workers w
   set effective_cigs_start = c.start_date,
       effective_cigs_end = coalesce(w.cigs_end_date, c.end_date)
  from cigs_cases c
 where c.id = w.cigs_case_id;
update workers set effective_cigs_end = cigs_end_date where cigs_case_id is null and cigs_end_date is not null;

drop index workers_cigs_end_idx;
create index workers_effective_cigs_end_idx on workers(network_id, effective_cigs_end);
