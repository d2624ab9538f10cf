-- A new campaign leaves out whoever was reached by any campaign in the last N days (default 30),
-- so nobody gets the same invitation twice in a month from two offices' campaigns; N is set per
-- campaign. The letter's date is kept on each message so a reprint carries the original date.
alter table outreach_campaigns add column exclude_reached_days integer not null default 30
  check (exclude_reached_days between 0 and 365);
alter table outreach_messages add column letter_date date;
