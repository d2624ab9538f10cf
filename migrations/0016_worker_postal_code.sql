-- The worker's postal code (CAP), beside the street address: a letter's address block ends with
-- "CAP Comune (PR)" as Poste Italiane ask. Empty when unknown; five digits otherwise.
alter table workers add column postal_code text not null default ''
  check (postal_code = '' or postal_code ~ '^[0-9]{5}$');
