-- Two more outcomes of a hotline call: the caller was already in the programme (told their real
-- state: registered, waiting with their position, withdrawn…, and nothing registered again), and
-- the call was handed over to the office that follows the worker (a callback in that office's queue).
alter table hotline_calls drop constraint hotline_calls_outcome_check;
alter table hotline_calls add constraint hotline_calls_outcome_check check (outcome in
  ('recorded', 'registered', 'waiting_list', 'callback_queued', 'not_eligible', 'already_enrolled', 'handed_over'));
