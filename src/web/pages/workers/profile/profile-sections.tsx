import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CEFR_LEVELS,
  CONTRACT_TYPES,
  DRIVING_LICENCES,
  EQF_LEVELS,
  SHIFTS,
  SKILL_LEVELS,
  TRANSPORT_MEANS,
  WORKING_TIMES,
  type LanguageEntry,
  type ProfileDocument,
  type SkillEntry,
} from '../../../../shared/schemas/profiles.schema';
import { Autocomplete, ItemLabel } from '../../../components/autocomplete';
import type { TaxonomyItem } from '../../../components/taxonomy-search';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { formatDate } from '../people-format';
import { CheckboxGroup, ProfileSectionCard, RemoveButton } from './profile-fields';
import { entryErrors, newEntryId, type ProfileEditor } from './profile-editor';

interface SectionProps {
  editor: ProfileEditor;
  doc: ProfileDocument;
  canEdit: boolean;
}

const optional = (s: string) => (s.trim() ? s.trim() : undefined);
const ESCO_OCCUPATION_KINDS = new Set(['esco_occupation', 'isco_group']);

/** The occupation fields of an item chosen in the occupations type-ahead: an ESCO URI or a CP2011 code. */
function occupationFields(item: TaxonomyItem | null): { escoOccupationUri?: string; cp2011Code?: string } {
  if (!item) return {};
  if (ESCO_OCCUPATION_KINDS.has(item.kind)) return { escoOccupationUri: item.id };
  if (item.kind === 'cp2011') return { cp2011Code: item.code };
  return {};
}

export function SummarySection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState(doc.summary ?? '');
  useEffect(() => setSummary(doc.summary ?? ''), [doc.summary]);
  return (
    <ProfileSectionCard id="profile-summary" title={t('profiles.sections.summary')}>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void editor.save({ summary: optional(summary) });
          }}
        >
          <TextAreaField
            label={t('profiles.summaryField')}
            value={summary}
            onChange={setSummary}
            rows={3}
            error={editor.fieldErrors.summary}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={editor.saving}>
            {t('profiles.save')}
          </button>
        </form>
      ) : (
        <p>{doc.summary ?? t('profiles.none')}</p>
      )}
    </ProfileSectionCard>
  );
}

export function EducationSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState<TaxonomyItem | null>(null);
  const [free, setFree] = useState('');
  const [eqf, setEqf] = useState('');
  const [year, setYear] = useState('');
  const [institution, setInstitution] = useState('');
  const errors = entryErrors(editor.fieldErrors, 'education', doc.education.length);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const entry = {
      id: newEntryId(),
      title: free.trim() || title?.label || '',
      titleCode: title?.kind === 'education' ? title.code : undefined,
      eqfLevel: eqf ? (Number(eqf) as (typeof EQF_LEVELS)[number]) : undefined,
      endDate: optional(year),
      institution: optional(institution),
      courses: [],
    };
    if (await editor.save({ education: [...doc.education, entry] })) {
      setTitle(null);
      setFree('');
      setEqf('');
      setYear('');
      setInstitution('');
    }
  };
  return (
    <ProfileSectionCard id="profile-education" title={t('profiles.sections.education')}>
      <EntryList
        items={doc.education.map((e) => ({
          id: e.id,
          text: [
            e.title,
            e.eqfLevel ? t('profiles.education.eqfLevel', { level: e.eqfLevel }) : '',
            e.institution,
            e.endDate ? t('profiles.education.obtained', { year: e.endDate.slice(0, 4) }) : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
        canEdit={canEdit}
        disabled={editor.saving}
        onRemove={(id) => void editor.save({ education: doc.education.filter((e) => e.id !== id) })}
      />
      {canEdit && (
        <form onSubmit={add} className="row">
          <div className="col-12 col-md-6 mb-3">
            <Autocomplete kind="education" label={t('profiles.education.title')} value={title} onChange={setTitle} />
          </div>
          <TextField
            className="col-12 col-md-6"
            label={t('profiles.education.titleFree')}
            value={free}
            onChange={setFree}
            error={errors.title}
          />
          <SelectField
            className="col-6 col-md-3"
            label={t('profiles.education.eqf')}
            value={eqf}
            onChange={setEqf}
            options={[
              { value: '', label: t('profiles.education.eqfNone') },
              ...EQF_LEVELS.map((l) => ({ value: String(l), label: t('profiles.education.eqfLevel', { level: l }) })),
            ]}
          />
          <TextField
            className="col-6 col-md-3"
            label={t('profiles.education.year')}
            value={year}
            onChange={setYear}
            inputMode="numeric"
            help={t('profiles.education.yearHelp')}
            error={errors.endDate}
          />
          <TextField
            className="col-12 col-md-6"
            label={t('profiles.education.institution')}
            value={institution}
            onChange={setInstitution}
          />
          <AddButton saving={editor.saving} unready={!title && !free.trim()} />
        </form>
      )}
    </ProfileSectionCard>
  );
}

export function WorkSection({ editor, doc, canEdit, company }: SectionProps & { company: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const [employer, setEmployer] = useState('');
  const [companyId, setCompanyId] = useState<string | undefined>(undefined);
  const [jobTitle, setJobTitle] = useState('');
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const [sector, setSector] = useState<TaxonomyItem | null>(null);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [tasks, setTasks] = useState('');
  const errors = entryErrors(editor.fieldErrors, 'work', doc.work.length);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const entry = {
      id: newEntryId(),
      employer: employer.trim(),
      companyId: companyId && employer.trim() === company?.name ? companyId : undefined,
      jobTitle: jobTitle.trim() || occupation?.label || '',
      ...occupationFields(occupation),
      atecoCode: sector ? sector.code : undefined,
      startDate: start.trim(),
      endDate: optional(end),
      tasks: optional(tasks),
      highlights: [],
    };
    if (await editor.save({ work: [...doc.work, entry] })) {
      setEmployer('');
      setCompanyId(undefined);
      setJobTitle('');
      setOccupation(null);
      setSector(null);
      setStart('');
      setEnd('');
      setTasks('');
    }
  };
  return (
    <ProfileSectionCard id="profile-work" title={t('profiles.sections.work')}>
      <EntryList
        items={doc.work.map((w) => ({
          id: w.id,
          text: `${w.jobTitle} · ${w.employer}${w.atecoCode ? ` (ATECO ${w.atecoCode})` : ''} · ${t('profiles.work.period', {
            start: w.startDate,
            end: w.endDate ?? t('profiles.work.current'),
          })}`,
          detail: w.tasks,
        }))}
        canEdit={canEdit}
        disabled={editor.saving}
        onRemove={(id) => void editor.save({ work: doc.work.filter((w) => w.id !== id) })}
      />
      {canEdit && (
        <form onSubmit={add} className="row">
          <div className="col-12 col-md-6">
            <TextField label={t('profiles.work.employer')} value={employer} onChange={setEmployer} required error={errors.employer} />
            {company && employer.trim() !== company.name && (
              <p className="small">
                {t('profiles.work.knownCompany', { name: company.name })}{' '}
                <button
                  type="button"
                  className="btn btn-link btn-sm p-0 align-baseline"
                  onClick={() => {
                    setEmployer(company.name);
                    setCompanyId(company.id);
                  }}
                >
                  {t('profiles.work.useCompany', { name: company.name })}
                </button>
              </p>
            )}
          </div>
          <TextField
            className="col-12 col-md-6"
            label={t('profiles.work.jobTitle')}
            value={jobTitle}
            onChange={setJobTitle}
            error={errors.jobTitle}
          />
          <div className="col-12 col-md-6 mb-3">
            <Autocomplete kind="occupations" label={t('profiles.work.occupation')} value={occupation} onChange={setOccupation} />
          </div>
          <div className="col-12 col-md-6 mb-3">
            <Autocomplete kind="sectors" label={t('profiles.work.sector')} value={sector} onChange={setSector} />
          </div>
          <TextField
            className="col-6 col-md-3"
            label={t('profiles.work.start')}
            value={start}
            onChange={setStart}
            required
            help={t('profiles.work.dateHelp')}
            error={errors.startDate}
          />
          <TextField className="col-6 col-md-3" label={t('profiles.work.end')} value={end} onChange={setEnd} error={errors.endDate} />
          <TextAreaField
            className="col-12"
            label={t('profiles.work.tasks')}
            value={tasks}
            onChange={setTasks}
            rows={3}
            error={errors.tasks}
          />
          <AddButton saving={editor.saving} />
        </form>
      )}
    </ProfileSectionCard>
  );
}

/** The submit button of a section's form that adds an entry, kept off while saving or while the entry is not ready. */
function AddButton({ saving, unready = false, className = 'col-12' }: { saving: boolean; unready?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className}>
      <button type="submit" className="btn btn-primary btn-sm" disabled={saving || unready}>
        {t('profiles.add')}
      </button>
    </div>
  );
}

function EntryList({
  items,
  canEdit,
  disabled,
  onRemove,
}: {
  items: Array<{ id: string; text: string; detail?: string }>;
  canEdit: boolean;
  disabled: boolean;
  onRemove(id: string): void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-secondary">{t('profiles.none')}</p>;
  return (
    <ul className="list-unstyled mb-3">
      {items.map((item) => (
        <li key={item.id} className="d-flex flex-wrap justify-content-between align-items-start gap-2 border-bottom py-2">
          <div>
            <span>{item.text}</span>
            {item.detail && <p className="small mb-0 text-secondary">{item.detail}</p>}
          </div>
          {canEdit && <RemoveButton what={item.text} onClick={() => onRemove(item.id)} disabled={disabled} />}
        </li>
      ))}
    </ul>
  );
}

export function SkillsSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [searched, setSearched] = useState<TaxonomyItem | null>(null);
  const occupations = editor.suggestions?.occupations ?? [];
  const toggle = (uri: string, label: string, on: boolean) =>
    setChosen((c) => {
      const next = new Map(c);
      if (on) next.set(uri, label);
      else next.delete(uri);
      return next;
    });
  const addSkills = async (skills: Array<{ uri: string; label: string }>) => {
    const have = new Set(doc.skills.map((s) => s.escoUri));
    const added: SkillEntry[] = skills
      .filter((s) => !have.has(s.uri))
      .map((s) => ({ id: newEntryId(), escoUri: s.uri, label: s.label, source: 'declared', assessedBy: undefined, keywords: [] }));
    if (added.length === 0) return;
    if (await editor.save({ skills: [...doc.skills, ...added] })) {
      setChosen(new Map());
      setSearched(null);
    }
  };
  const setLevel = (id: string, level: string) =>
    void editor.save({
      skills: doc.skills.map((s) =>
        s.id === id ? { ...s, level: level ? (level as SkillEntry['level']) : undefined, assessedBy: level ? 'consultant' : undefined } : s,
      ),
    });
  return (
    <ProfileSectionCard id="profile-skills" title={t('profiles.sections.skills')}>
      <h3 className="h5">{t('profiles.skills.current')}</h3>
      {doc.skills.length === 0 ? (
        <p className="text-secondary">{t('profiles.none')}</p>
      ) : (
        <ul className="list-unstyled mb-3">
          {doc.skills.map((s) => (
            <li key={s.id} className="d-flex flex-wrap align-items-center gap-2 border-bottom py-2">
              <span className="flex-grow-1">
                {s.label} <span className="small text-secondary">({t(`profiles.skills.sources.${s.source}`)})</span>
              </span>
              {canEdit ? (
                <>
                  <SelectField
                    className="mb-0"
                    label={t('profiles.skills.level', { skill: s.label })}
                    value={s.level ?? ''}
                    onChange={(v) => setLevel(s.id, v)}
                    options={[
                      { value: '', label: t('profiles.skills.levelNone') },
                      ...SKILL_LEVELS.map((l) => ({ value: l, label: t(`profiles.skills.levels.${l}`) })),
                    ]}
                  />
                  <RemoveButton
                    what={s.label}
                    onClick={() => void editor.save({ skills: doc.skills.filter((x) => x.id !== s.id) })}
                    disabled={editor.saving}
                  />
                </>
              ) : (
                s.level && <span>{t(`profiles.skills.levels.${s.level}`)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <h3 className="h5 mt-4">{t('profiles.skills.suggested')}</h3>
          <p className="small">{t('profiles.skills.suggestedHelp')}</p>
          {occupations.length === 0 && <p className="text-secondary">{t('profiles.skills.noSuggestions')}</p>}
          {occupations.map((o) => (
            <fieldset key={o.uri} className="mb-3">
              <legend className="h6">
                {o.from === 'work'
                  ? t('profiles.skills.fromWork', { label: o.label })
                  : t('profiles.skills.fromDesired', { label: o.label })}
              </legend>
              {(['essential', 'optional'] as const).map((kind) => {
                const list = o.skills.filter((s) => s.essential === (kind === 'essential'));
                if (list.length === 0) return null;
                return (
                  <div key={kind} className="mb-2">
                    <p className="small fw-semibold mb-1">{t(`profiles.skills.${kind}`)}</p>
                    <ul className="list-unstyled d-flex flex-column gap-1 mb-0">
                      {list.map((s) => {
                        const id = `skill-${o.uri.slice(-12)}-${s.uri.slice(-12)}`;
                        return (
                          <li key={s.uri} className="form-check mb-0">
                            <input
                              id={id}
                              type="checkbox"
                              className="form-check-input"
                              checked={s.present || chosen.has(s.uri)}
                              disabled={s.present}
                              onChange={(e) => toggle(s.uri, s.label, e.target.checked)}
                            />
                            <label htmlFor={id} className="form-check-label">
                              <ItemLabel
                                item={{ ...s, id: s.uri, kind: 'esco_skill', code: '', matchedLabel: s.label, match: 'exact', detail: '' }}
                              />
                              {s.present && <span className="small text-secondary"> ({t('profiles.skills.present')})</span>}
                            </label>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                );
              })}
            </fieldset>
          ))}
          {chosen.size > 0 && (
            <button
              type="button"
              className="btn btn-primary btn-sm mb-3"
              disabled={editor.saving}
              onClick={() => void addSkills([...chosen].map(([uri, label]) => ({ uri, label })))}
            >
              {t('profiles.skills.addChosen', { count: chosen.size })}
            </button>
          )}
          <form
            className="row align-items-end"
            onSubmit={(e) => {
              e.preventDefault();
              if (searched) void addSkills([{ uri: searched.id, label: searched.label }]);
            }}
          >
            <div className="col-12 col-md-8 mb-3">
              <Autocomplete kind="skills" label={t('profiles.skills.search')} value={searched} onChange={setSearched} />
            </div>
            <div className="col-12 col-md-4 mb-3">
              <button type="submit" className="btn btn-outline-primary btn-sm" disabled={!searched || editor.saving}>
                {t('profiles.add')}
              </button>
            </div>
          </form>
        </>
      )}
    </ProfileSectionCard>
  );
}

const LANGUAGE_CODES = [
  'it',
  'en',
  'fr',
  'de',
  'es',
  'pt',
  'ro',
  'sq',
  'ar',
  'zh',
  'uk',
  'ru',
  'pl',
  'hi',
  'pa',
  'ur',
  'bn',
  'tl',
  'wo',
  'tr',
] as const;
const CEFR_SKILLS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;

export function LanguagesSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [code, setCode] = useState('it');
  const [mother, setMother] = useState(false);
  const [levels, setLevels] = useState<Partial<Record<(typeof CEFR_SKILLS)[number], string>>>({});
  const name = (c: string) => t(`profiles.languages.names.${c}`, { defaultValue: c });
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const entry: LanguageEntry = { id: newEntryId(), code, mother };
    if (!mother) for (const skill of CEFR_SKILLS) if (levels[skill]) entry[skill] = levels[skill] as LanguageEntry['listening'];
    if (await editor.save({ languages: [...doc.languages, entry] })) {
      setMother(false);
      setLevels({});
    }
  };
  return (
    <ProfileSectionCard id="profile-languages" title={t('profiles.sections.languages')}>
      <EntryList
        items={doc.languages.map((l) => ({
          id: l.id,
          text: l.mother
            ? `${name(l.code)} · ${t('profiles.languages.mother')}`
            : `${name(l.code)} · ${CEFR_SKILLS.map((s) => `${t(`profiles.languages.${s}`)} ${l[s] ?? '—'}`).join(', ')}`,
        }))}
        canEdit={canEdit}
        disabled={editor.saving}
        onRemove={(id) => void editor.save({ languages: doc.languages.filter((l) => l.id !== id) })}
      />
      {canEdit && (
        <form onSubmit={add} className="row">
          <SelectField
            className="col-12 col-md-4"
            label={t('profiles.languages.language')}
            value={code}
            onChange={setCode}
            options={LANGUAGE_CODES.map((c) => ({ value: c, label: name(c) }))}
          />
          <div className="col-12 col-md-8 mb-3 d-flex align-items-end">
            <div className="form-check">
              <input
                id="language-mother"
                type="checkbox"
                className="form-check-input"
                checked={mother}
                onChange={(e) => setMother(e.target.checked)}
              />
              <label htmlFor="language-mother" className="form-check-label">
                {t('profiles.languages.mother')}
              </label>
            </div>
          </div>
          {!mother &&
            CEFR_SKILLS.map((skill) => (
              <SelectField
                key={skill}
                className="col-6 col-md-2"
                label={t(`profiles.languages.${skill}`)}
                value={levels[skill] ?? ''}
                onChange={(v) => setLevels((l) => ({ ...l, [skill]: v }))}
                options={[{ value: '', label: t('profiles.languages.levelNone') }, ...CEFR_LEVELS.map((l) => ({ value: l, label: l }))]}
              />
            ))}
          <AddButton saving={editor.saving} />
        </form>
      )}
    </ProfileSectionCard>
  );
}

export function LicencesSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [licences, setLicences] = useState(doc.drivingLicences);
  useEffect(() => setLicences(doc.drivingLicences), [doc.drivingLicences]);
  const label = (l: string) => t(`profiles.licences.${l}`, { defaultValue: l });
  return (
    <ProfileSectionCard id="profile-licences" title={t('profiles.sections.drivingLicences')}>
      {canEdit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void editor.save({ drivingLicences: licences });
          }}
        >
          <CheckboxGroup
            legend={t('profiles.licences.legend')}
            options={DRIVING_LICENCES}
            value={licences}
            onChange={setLicences}
            labelOf={label}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={editor.saving}>
            {t('profiles.save')}
          </button>
        </form>
      ) : (
        <p>{doc.drivingLicences.map(label).join(', ') || t('profiles.none')}</p>
      )}
    </ProfileSectionCard>
  );
}

export function CertificatesSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [issuer, setIssuer] = useState('');
  const [expires, setExpires] = useState('');
  const errors = entryErrors(editor.fieldErrors, 'certificates', doc.certificates.length);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    const entry = { id: newEntryId(), name: name.trim(), issuer: optional(issuer), expiresOn: optional(expires) };
    if (await editor.save({ certificates: [...doc.certificates, entry] })) {
      setName('');
      setIssuer('');
      setExpires('');
    }
  };
  return (
    <ProfileSectionCard id="profile-certificates" title={t('profiles.sections.certificates')}>
      <EntryList
        items={doc.certificates.map((c) => ({
          id: c.id,
          text: [
            c.name,
            c.issuer,
            c.expiresOn
              ? t('profiles.certificates.expiresOn', { date: c.expiresOn.length === 10 ? formatDate(c.expiresOn) : c.expiresOn })
              : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
        canEdit={canEdit}
        disabled={editor.saving}
        onRemove={(id) => void editor.save({ certificates: doc.certificates.filter((c) => c.id !== id) })}
      />
      {canEdit && (
        <form onSubmit={add} className="row">
          <TextField
            className="col-12 col-md-5"
            label={t('profiles.certificates.name')}
            value={name}
            onChange={setName}
            required
            error={errors.name}
          />
          <TextField className="col-12 col-md-4" label={t('profiles.certificates.issuer')} value={issuer} onChange={setIssuer} />
          <TextField
            className="col-12 col-md-3"
            label={t('profiles.certificates.expires')}
            value={expires}
            onChange={setExpires}
            help={t('profiles.work.dateHelp')}
            error={errors.expiresOn}
          />
          <AddButton saving={editor.saving} unready={!name.trim()} />
        </form>
      )}
    </ProfileSectionCard>
  );
}

/** The availability's multiple choices, each a group of checkboxes with its key's label as legend. */
const AVAILABILITY_CHOICES = [
  ['workingTimes', WORKING_TIMES],
  ['shifts', SHIFTS],
  ['contractTypes', CONTRACT_TYPES],
] as const;

export function AvailabilityMobilitySection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [a, setA] = useState(doc.availability);
  const [m, setM] = useState(doc.mobility);
  const [km, setKm] = useState(doc.mobility.maxKm?.toString() ?? '');
  const [minutes, setMinutes] = useState(doc.mobility.maxMinutes?.toString() ?? '');
  useEffect(() => {
    setA(doc.availability);
    setM(doc.mobility);
    setKm(doc.mobility.maxKm?.toString() ?? '');
    setMinutes(doc.mobility.maxMinutes?.toString() ?? '');
  }, [doc.availability, doc.mobility]);
  const label = (k: string) => t(`profiles.availability.${k}`);
  const mlabel = (k: string) => t(`profiles.mobility.${k}`);
  const number = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return (
    <ProfileSectionCard id="profile-availability" title={`${t('profiles.sections.availability')} · ${t('profiles.sections.mobility')}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void editor.save({ availability: a, mobility: { ...m, maxKm: number(km), maxMinutes: number(minutes) } });
        }}
      >
        <fieldset disabled={!canEdit}>
          <legend className="visually-hidden">{t('profiles.sections.availability')}</legend>
          {AVAILABILITY_CHOICES.map(([key, options]) => (
            <CheckboxGroup
              key={key}
              legend={label(key)}
              options={options}
              value={a[key]}
              onChange={(v) => setA({ ...a, [key]: v })}
              labelOf={label}
            />
          ))}
          <div className="row">
            <TextField
              className="col-12 col-md-4"
              type="date"
              label={label('availableFrom')}
              value={a.availableFrom ?? ''}
              onChange={(v) => setA({ ...a, availableFrom: v || undefined })}
              error={editor.fieldErrors['availability/availableFrom']}
            />
            <TextField
              className="col-6 col-md-4"
              label={mlabel('maxKm')}
              value={km}
              onChange={setKm}
              inputMode="numeric"
              error={editor.fieldErrors['mobility/maxKm']}
            />
            <TextField
              className="col-6 col-md-4"
              label={mlabel('maxMinutes')}
              value={minutes}
              onChange={setMinutes}
              inputMode="numeric"
              error={editor.fieldErrors['mobility/maxMinutes']}
            />
          </div>
          <CheckboxGroup
            legend={mlabel('means')}
            options={TRANSPORT_MEANS}
            value={m.means}
            onChange={(v) => setM({ ...m, means: v })}
            labelOf={mlabel}
          />
          <div className="form-check mb-3">
            <input
              id="mobility-relocate"
              type="checkbox"
              className="form-check-input"
              checked={m.relocate}
              onChange={(e) => setM({ ...m, relocate: e.target.checked })}
            />
            <label htmlFor="mobility-relocate" className="form-check-label">
              {mlabel('relocate')}
            </label>
          </div>
          {canEdit && (
            <button type="submit" className="btn btn-primary btn-sm" disabled={editor.saving}>
              {t('profiles.save')}
            </button>
          )}
        </fieldset>
      </form>
    </ProfileSectionCard>
  );
}

export function DesiredOccupationsSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!occupation) return;
    const entry = { id: newEntryId(), label: occupation.label, ...occupationFields(occupation) };
    if (await editor.save({ desiredOccupations: [...doc.desiredOccupations, entry] })) setOccupation(null);
  };
  return (
    <ProfileSectionCard id="profile-desired" title={t('profiles.sections.desiredOccupations')}>
      <EntryList
        items={doc.desiredOccupations.map((d) => ({ id: d.id, text: d.label }))}
        canEdit={canEdit}
        disabled={editor.saving}
        onRemove={(id) => void editor.save({ desiredOccupations: doc.desiredOccupations.filter((d) => d.id !== id) })}
      />
      {canEdit && (
        <form onSubmit={add} className="row align-items-end">
          <div className="col-12 col-md-8 mb-3">
            <Autocomplete kind="occupations" label={t('profiles.desired.occupation')} value={occupation} onChange={setOccupation} />
          </div>
          <AddButton className="col-12 col-md-4 mb-3" saving={editor.saving} unready={!occupation} />
        </form>
      )}
    </ProfileSectionCard>
  );
}
