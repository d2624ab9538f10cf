-- An employer's answer is an application event of kind 'employer_answer' (the signed link of the
-- employer, issue 12 item 7), counted by the employers' response indicator. The branch that adds
-- the link may widen the check first: the kind is added here only when the check still lacks it,
-- keeping whatever other kinds the check holds by then.
do $$
declare
  def text;
begin
  select pg_get_constraintdef(c.oid) into def
  from pg_constraint c
  where c.conrelid = 'application_events'::regclass and c.conname = 'application_events_kind_check';
  if def is not null and position('employer_answer' in def) = 0 then
    alter table application_events drop constraint application_events_kind_check;
    execute 'alter table application_events add constraint application_events_kind_check '
      || replace(def, '''employer_reminder_due''::text', '''employer_reminder_due''::text, ''employer_answer''::text');
  end if;
end
$$;

-- The first answer of an application is looked up among its events by kind.
create index application_events_answer_idx on application_events (application_id, at)
  where kind = 'employer_answer' or (kind = 'move' and from_state = 'sent');
