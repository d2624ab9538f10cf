-- The worker's link reaches a workshop too: a token sent in a workshop message acts on that
-- worker's place in that session only (accept, decline, withdraw), as the meeting link acts on its
-- meeting only. One table of links, one rule (only the SHA-256 kept, expiring when the event ends);
-- a row points either at an appointment or at a (session, worker) pair.
alter table appointment_links alter column appointment_id drop not null;
alter table appointment_links add column session_id uuid references group_sessions(id) on delete cascade;
alter table appointment_links add column worker_id uuid references workers(id) on delete cascade;
alter table appointment_links add constraint appointment_links_one_target check (
  (appointment_id is not null and session_id is null and worker_id is null)
  or (appointment_id is null and session_id is not null and worker_id is not null)
);
create index appointment_links_session_idx on appointment_links(session_id, worker_id) where session_id is not null;

-- Booked participants are reminded before the session, as meetings are.
alter table group_session_messages drop constraint group_session_messages_kind_check;
alter table group_session_messages add constraint group_session_messages_kind_check
  check (kind in ('invitation', 'booked', 'waiting', 'promoted', 'change', 'cancellation', 'reminder'));
