import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkEntry } from '../../../../shared/schemas/profiles.schema';
import { Autocomplete } from '../../../components/autocomplete';
import type { TaxonomyItem } from '../../../components/taxonomy-search';
import { TextAreaField, TextField } from '../../../components/text-field';
import { EmployerField, type Employer } from './employer-field';
import { entryErrors, newEntryId } from './profile-editor';
import { EntryList, FormButtons, optional, useSectionEntries, type SectionProps } from './profile-entry-list';
import { ProfileSectionCard } from './profile-fields';

const ESCO_OCCUPATION_KINDS = new Set(['esco_occupation', 'isco_group']);

/** The occupation fields of an item chosen in the occupations type-ahead: an ESCO URI or a CP2011 code. */
export function occupationFields(item: TaxonomyItem | null): { escoOccupationUri?: string; cp2011Code?: string } {
  if (!item) return {};
  if (ESCO_OCCUPATION_KINDS.has(item.kind)) return { escoOccupationUri: item.id };
  if (item.kind === 'cp2011') return { cp2011Code: item.code };
  return {};
}

type CrisisCompany = { id: string; name: string } | null;

export function WorkSection({ editor, doc, canEdit, company }: SectionProps & { company: CrisisCompany }) {
  const { t } = useTranslation();
  const entries = useSectionEntries(editor, doc, 'work');
  const form = (initial: WorkEntry | undefined) => (
    <WorkForm
      key={initial?.id ?? `new-${entries.formKey}`}
      initial={initial}
      errors={entryErrors(editor.fieldErrors, 'work', entries.indexOf(initial?.id ?? null))}
      saving={editor.saving}
      company={company}
      onSubmit={entries.submit}
      onCancel={() => entries.edit(null)}
    />
  );
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
        onRemove={entries.remove}
        editingId={entries.editingId}
        onEdit={entries.edit}
        renderEdit={(id) => form(entries.entry(id))}
      />
      {canEdit && entries.editingId === null && form(undefined)}
    </ProfileSectionCard>
  );
}

/** The fields of a work-history entry: empty to add one, filled in to correct one. */
function WorkForm({
  initial,
  errors,
  saving,
  company,
  onSubmit,
  onCancel,
}: {
  initial?: WorkEntry;
  errors: Record<string, string>;
  saving: boolean;
  company: CrisisCompany;
  onSubmit(entry: WorkEntry): Promise<boolean>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [employer, setEmployer] = useState<Employer>({ name: initial?.employer ?? '', companyId: initial?.companyId });
  const [jobTitle, setJobTitle] = useState(initial?.jobTitle ?? '');
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const [sector, setSector] = useState<TaxonomyItem | null>(null);
  const [start, setStart] = useState(initial?.startDate ?? '');
  const [end, setEnd] = useState(initial?.endDate ?? '');
  const [tasks, setTasks] = useState(initial?.tasks ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A correction keeps what this form does not show (place, highlights) and, unless a new one is
    // chosen, the occupation and sector already recorded.
    const occupationChosen = occupation ? occupationFields(occupation) : undefined;
    void onSubmit({
      ...initial,
      id: initial?.id ?? newEntryId(),
      employer: employer.name.trim(),
      companyId: employer.companyId,
      jobTitle: jobTitle.trim() || occupation?.label || '',
      escoOccupationUri: occupationChosen ? occupationChosen.escoOccupationUri : initial?.escoOccupationUri,
      cp2011Code: occupationChosen ? occupationChosen.cp2011Code : initial?.cp2011Code,
      atecoCode: sector ? sector.code : initial?.atecoCode,
      startDate: start.trim(),
      endDate: optional(end),
      tasks: optional(tasks),
      highlights: initial?.highlights ?? [],
    });
  };
  const keepHelp = (has: boolean) => (initial && has ? t('profiles.work.keepRecorded') : undefined);
  return (
    <form onSubmit={submit} className="row">
      <EmployerField value={employer} onChange={setEmployer} crisisCompany={company} error={errors.employer} />
      <TextField
        className="col-12 col-md-6"
        label={t('profiles.work.jobTitle')}
        value={jobTitle}
        onChange={setJobTitle}
        error={errors.jobTitle}
      />
      <div className="col-12 col-md-6 mb-3">
        <Autocomplete
          kind="occupations"
          label={t('profiles.work.occupation')}
          value={occupation}
          onChange={setOccupation}
          help={keepHelp(Boolean(initial?.escoOccupationUri || initial?.cp2011Code))}
        />
      </div>
      <div className="col-12 col-md-6 mb-3">
        <Autocomplete
          kind="sectors"
          label={t('profiles.work.sector')}
          value={sector}
          onChange={setSector}
          help={keepHelp(Boolean(initial?.atecoCode))}
        />
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
      <TextAreaField className="col-12" label={t('profiles.work.tasks')} value={tasks} onChange={setTasks} rows={3} error={errors.tasks} />
      <FormButtons saving={saving} editing={Boolean(initial)} onCancel={onCancel} />
    </form>
  );
}
