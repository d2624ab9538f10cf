-- What the matcher learns, while the contract is defined, of the facts the hiring incentives turn on
-- (src/server/contracts/hiring-incentives.ts): each true, false or null (not known yet, to check).
-- Kept with the offer's terms (src/server/applications); a second offer keeps them.
alter table application_offers
  add column private_employer boolean,
  add column holds_assegno_ricollocazione boolean,
  add column ownership_coincides boolean,
  add column cigs_transizione_occupazionale boolean,
  add column facts_recorded_by uuid references staff_users(id),
  add column facts_recorded_at timestamptz;
