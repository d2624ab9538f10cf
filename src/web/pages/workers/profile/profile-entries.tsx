import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CEFR_LEVELS,
  EQF_LEVELS,
  type CertificateEntry,
  type EducationEntry,
  type LanguageEntry,
} from '../../../../shared/schemas/profiles.schema';
import { Autocomplete } from '../../../components/autocomplete';
import type { TaxonomyItem } from '../../../components/taxonomy-search';
import { SelectField, TextField } from '../../../components/text-field';
import { formatDate } from '../people-format';
import { entryErrors, newEntryId } from './profile-editor';
import { EntryList, FormButtons, optional, useSectionEntries, type SectionProps } from './profile-entry-list';
import { ProfileSectionCard } from './profile-fields';

type Errors = Record<string, string>;

interface FormProps<E> {
  initial?: E;
  errors: Errors;
  saving: boolean;
  onSubmit(entry: E): Promise<boolean>;
  onCancel(): void;
}

export function EducationSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const entries = useSectionEntries(editor, doc, 'education');
  const form = (initial: EducationEntry | undefined) => (
    <EducationForm
      key={initial?.id ?? `new-${entries.formKey}`}
      initial={initial}
      errors={entryErrors(editor.fieldErrors, 'education', entries.indexOf(initial?.id ?? null))}
      saving={editor.saving}
      onSubmit={entries.submit}
      onCancel={() => entries.edit(null)}
    />
  );
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
        onRemove={entries.remove}
        editingId={entries.editingId}
        onEdit={entries.edit}
        renderEdit={(id) => form(entries.entry(id))}
      />
      {canEdit && entries.editingId === null && form(undefined)}
    </ProfileSectionCard>
  );
}

function EducationForm({ initial, errors, saving, onSubmit, onCancel }: FormProps<EducationEntry>) {
  const { t } = useTranslation();
  const [title, setTitle] = useState<TaxonomyItem | null>(null);
  const [free, setFree] = useState(initial?.title ?? '');
  const [eqf, setEqf] = useState(initial?.eqfLevel ? String(initial.eqfLevel) : '');
  const [year, setYear] = useState(initial?.endDate ?? '');
  const [institution, setInstitution] = useState(initial?.institution ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit({
      ...initial,
      id: initial?.id ?? newEntryId(),
      title: free.trim() || title?.label || '',
      // The coded title follows the title: a new one chosen, or the one recorded while the text is unchanged.
      titleCode: title?.kind === 'education' ? title.code : free.trim() === initial?.title ? initial.titleCode : undefined,
      eqfLevel: eqf ? (Number(eqf) as (typeof EQF_LEVELS)[number]) : undefined,
      endDate: optional(year),
      institution: optional(institution),
      courses: initial?.courses ?? [],
    });
  };
  return (
    <form onSubmit={submit} className="row">
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
      <TextField className="col-12 col-md-6" label={t('profiles.education.institution')} value={institution} onChange={setInstitution} />
      <FormButtons saving={saving} unready={!title && !free.trim()} editing={Boolean(initial)} onCancel={onCancel} />
    </form>
  );
}

const LANGUAGE_CODES = [
  'it', 'en', 'fr', 'de', 'es', 'pt', 'ro', 'sq', 'ar', 'zh', 'uk', 'ru', 'pl', 'hi', 'pa', 'ur', 'bn', 'tl', 'wo', 'tr',
] as const; // prettier-ignore
const CEFR_SKILLS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;

export function LanguagesSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const entries = useSectionEntries(editor, doc, 'languages');
  const name = (c: string) => t(`profiles.languages.names.${c}`, { defaultValue: c });
  const form = (initial: LanguageEntry | undefined) => (
    <LanguageForm
      key={initial?.id ?? `new-${entries.formKey}`}
      initial={initial}
      errors={entryErrors(editor.fieldErrors, 'languages', entries.indexOf(initial?.id ?? null))}
      saving={editor.saving}
      onSubmit={entries.submit}
      onCancel={() => entries.edit(null)}
    />
  );
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
        onRemove={entries.remove}
        editingId={entries.editingId}
        onEdit={entries.edit}
        renderEdit={(id) => form(entries.entry(id))}
      />
      {canEdit && entries.editingId === null && form(undefined)}
    </ProfileSectionCard>
  );
}

function LanguageForm({ initial, saving, onSubmit, onCancel }: FormProps<LanguageEntry>) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial?.code ?? 'it');
  const [mother, setMother] = useState(initial?.mother ?? false);
  const [levels, setLevels] = useState<Partial<Record<(typeof CEFR_SKILLS)[number], string>>>(() =>
    Object.fromEntries(CEFR_SKILLS.flatMap((s) => (initial?.[s] ? [[s, initial[s]]] : []))),
  );
  const name = (c: string) => t(`profiles.languages.names.${c}`, { defaultValue: c });
  const codes: readonly string[] = LANGUAGE_CODES.includes(code as (typeof LANGUAGE_CODES)[number])
    ? LANGUAGE_CODES
    : [code, ...LANGUAGE_CODES];
  const checkboxId = `language-mother-${initial?.id ?? 'new'}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entry: LanguageEntry = { id: initial?.id ?? newEntryId(), code, mother };
    if (!mother) for (const skill of CEFR_SKILLS) if (levels[skill]) entry[skill] = levels[skill] as LanguageEntry['listening'];
    void onSubmit(entry);
  };
  return (
    <form onSubmit={submit} className="row">
      <SelectField
        className="col-12 col-md-4"
        label={t('profiles.languages.language')}
        value={code}
        onChange={setCode}
        options={codes.map((c) => ({ value: c, label: name(c) }))}
      />
      <div className="col-12 col-md-8 mb-3 d-flex align-items-end">
        <div className="form-check">
          <input
            id={checkboxId}
            type="checkbox"
            className="form-check-input"
            checked={mother}
            onChange={(e) => setMother(e.target.checked)}
          />
          <label htmlFor={checkboxId} className="form-check-label">
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
      <FormButtons saving={saving} editing={Boolean(initial)} onCancel={onCancel} />
    </form>
  );
}

export function CertificatesSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const entries = useSectionEntries(editor, doc, 'certificates');
  const form = (initial: CertificateEntry | undefined) => (
    <CertificateForm
      key={initial?.id ?? `new-${entries.formKey}`}
      initial={initial}
      errors={entryErrors(editor.fieldErrors, 'certificates', entries.indexOf(initial?.id ?? null))}
      saving={editor.saving}
      onSubmit={entries.submit}
      onCancel={() => entries.edit(null)}
    />
  );
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
        onRemove={entries.remove}
        editingId={entries.editingId}
        onEdit={entries.edit}
        renderEdit={(id) => form(entries.entry(id))}
      />
      {canEdit && entries.editingId === null && form(undefined)}
    </ProfileSectionCard>
  );
}

function CertificateForm({ initial, errors, saving, onSubmit, onCancel }: FormProps<CertificateEntry>) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [issuer, setIssuer] = useState(initial?.issuer ?? '');
  const [expires, setExpires] = useState(initial?.expiresOn ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSubmit({
      ...initial,
      id: initial?.id ?? newEntryId(),
      name: name.trim(),
      issuer: optional(issuer),
      expiresOn: optional(expires),
    });
  };
  return (
    <form onSubmit={submit} className="row">
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
      <FormButtons saving={saving} unready={!name.trim()} editing={Boolean(initial)} onCancel={onCancel} />
    </form>
  );
}
