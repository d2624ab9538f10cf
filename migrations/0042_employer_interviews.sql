-- The employer interview as an agenda appointment (issue 12): a meeting the worker attends at the
-- employer's, booked by the application's «interview» move.
--
-- `place` is the external place, written as the employer gave it. A meeting with a place is held
-- outside the office: no room (the check below), and its staff member (`consultant_id`) is the
-- matcher who recorded it, the worker's contact at the office, not someone who sits in it. Such a
-- meeting claims the worker's time only (agenda_claims), never the staff member's or a room's, so
-- the matcher's own meetings at that hour can still be booked. One column keeps the rule where the
-- claims are written (appointment.repository.ts) and where the messages say where to go.
alter table appointments add column place text check (place is null or length(place) between 1 and 200);
alter table appointments add constraint appointments_place_no_room check (place is null or (room_id is null and mode = 'in_person'));

-- The application the interview belongs to (applications' row, referenced by id only: appointments
-- own this column, applications call appointments' published functions). One live interview per
-- application: a new one is booked only after the earlier is cancelled.
alter table appointments add column application_id uuid;
create unique index appointments_application_open_key on appointments(application_id)
  where application_id is not null and status in ('booked', 'confirmed');

-- The national type. Its service code is required by the table; no delivered service is recorded
-- for a meeting held at an employer's (the office delivered none), see appointment.service.ts.
insert into appointment_types (code, name_it, name_en, duration_minutes, service_code, reminder_hours, modes, position) values
  ('employer_interview', 'Colloquio con l’azienda', 'Interview with the employer', 60, 'interview_coaching', 24, '{in_person}', 90);
