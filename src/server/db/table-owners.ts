/**
 * Every table and view has one owning domain (a folder under src/server). Only that domain
 * names it in SQL, and within the domain only its repositories do; every other domain calls the
 * owner's published functions (its index.ts). `tests/structure.unit.test.ts` enforces both.
 * A new table is added here in the same change as its migration.
 */
export const TABLE_OWNERS = {
  schema_migrations: 'db',

  networks: 'organisation',
  offices: 'organisation',

  staff_users: 'auth',
  staff_roles: 'auth',
  sessions: 'auth',
  sign_in_attempts: 'auth',

  audit_log: 'audit',

  taxonomy_releases: 'taxonomy',
  taxonomy_batches: 'taxonomy',
  taxonomy_concepts: 'taxonomy',
  taxonomy_labels: 'taxonomy',
  taxonomy_words: 'taxonomy',
  taxonomy_descriptions: 'taxonomy',
  taxonomy_broader: 'taxonomy',
  taxonomy_comuni: 'taxonomy',
  taxonomy_searchable_batches: 'taxonomy',
  esco_occupation_skills: 'taxonomy',
  esco_skill_relations: 'taxonomy',
  esco_collection_members: 'taxonomy',
  taxonomy_network_labels: 'taxonomy',

  companies: 'companies',
  cigs_cases: 'companies',

  workers: 'people',
  worker_consents: 'people',
  worker_notes: 'people',
  worker_events: 'people',
  worker_phones: 'people',

  programmes: 'programmes',
  programme_offices: 'programmes',
  enrollments: 'programmes',
  enrollment_transitions: 'programmes',
  staff_notifications: 'programmes',

  hotline_hours: 'outreach',
  office_holidays: 'outreach',
  hotline_calls: 'outreach',
  callbacks: 'outreach',
  callback_attempts: 'outreach',
  outreach_templates: 'outreach',
  outreach_campaigns: 'outreach',
  outreach_recipients: 'outreach',
  outreach_recipient_events: 'outreach',
  outreach_messages: 'outreach',

  import_jobs: 'imports',
  import_rows: 'imports',
  import_layouts: 'imports',
  import_settings: 'imports',

  jobs: 'jobs',

  appointment_types: 'appointments',
  meeting_rooms: 'appointments',
  consultant_availability: 'appointments',
  availability_exceptions: 'appointments',
  appointments: 'appointments',
  appointment_events: 'appointments',
  agenda_claims: 'appointments',
  appointment_templates: 'appointments',
  appointment_messages: 'appointments',
  appointment_links: 'appointments',
  agenda_feeds: 'appointments',
  group_sessions: 'appointments',
  group_session_facilitators: 'appointments',
  group_participants: 'appointments',
  group_session_messages: 'appointments',

  worker_profiles: 'profiles',
  worker_profile_versions: 'profiles',
  worker_profile_skills: 'profiles',

  worker_cvs: 'cv',
  worker_cv_versions: 'cv',

  service_records: 'services',

  training_providers: 'training',
  training_courses: 'training',
  training_course_skills: 'training',
  training_enrolments: 'training',
  training_enrolment_moves: 'training',
  plans: 'plans',
  plan_themes: 'plans',
  plan_objectives: 'plans',
  plan_actions: 'plans',
  plan_reviews: 'plans',
  plan_versions: 'plans',
  plan_transitions: 'plans',

  employers: 'employers',
  employer_sites: 'employers',
  employer_contacts: 'employers',

  vacancies: 'vacancies',
  vacancy_skills: 'vacancies',
  vacancy_transitions: 'vacancies',

  ccnl_minimum_pay: 'contracts',
  application_settings: 'applications',
  applications: 'applications',
  application_events: 'applications',
  application_offers: 'applications',
  application_checklist_ticks: 'applications',
  application_messages: 'applications',
  application_links: 'applications',

  placements: 'placements',
  placement_follow_ups: 'placements',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;
export type OwningDomain = (typeof TABLE_OWNERS)[TableName];
