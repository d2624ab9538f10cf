import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTRACT_TYPES,
  DRIVING_LICENCES,
  SHIFTS,
  SKILL_LEVELS,
  TRANSPORT_MEANS,
  WORKING_TIMES,
  type SkillEntry,
} from '../../../../shared/schemas/profiles.schema';
import { Autocomplete, ItemLabel } from '../../../components/autocomplete';
import type { TaxonomyItem } from '../../../components/taxonomy-search';
import { SelectField, TextAreaField, TextField } from '../../../components/text-field';
import { newEntryId } from './profile-editor';
import { EntryList, FormButtons, optional, type SectionProps } from './profile-entry-list';
import { CheckboxGroup, ProfileSectionCard, RemoveButton } from './profile-fields';
import { occupationFields } from './profile-work';

export { CertificatesSection, EducationSection, LanguagesSection } from './profile-entries';
export { WorkSection } from './profile-work';

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

export function SkillsSection({ editor, doc, canEdit }: SectionProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [searched, setSearched] = useState<TaxonomyItem | null>(null);
  const [matching, setMatching] = useState<string | null>(null);
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
  const update = (id: string, change: (s: SkillEntry) => SkillEntry) =>
    editor.save({ skills: doc.skills.map((s) => (s.id === id ? change(s) : s)) });
  // A level set without saying who judged it is the consultant's (they are the one typing).
  const setLevel = (id: string, level: string) =>
    void update(id, (s) =>
      level
        ? { ...s, level: level as SkillEntry['level'], assessedBy: s.assessedBy ?? 'consultant' }
        : { ...s, level: undefined, assessedBy: undefined },
    );
  const setAssessor = (id: string, by: string) => void update(id, (s) => ({ ...s, assessedBy: by as SkillEntry['assessedBy'] }));
  return (
    <ProfileSectionCard id="profile-skills" title={t('profiles.sections.skills')}>
      <h3 className="h5">{t('profiles.skills.current')}</h3>
      {doc.skills.length === 0 ? (
        <p className="text-secondary">{t('profiles.none')}</p>
      ) : (
        <ul className="list-unstyled mb-3">
          {doc.skills.map((s) => (
            <li key={s.id} className="border-bottom py-2">
              <div className="d-flex flex-wrap align-items-center gap-2">
                <span className="flex-grow-1">
                  {s.label} <span className="small text-secondary">({t(`profiles.skills.sources.${s.source}`)})</span>
                  {!s.escoUri && <span className="small text-secondary d-block">{t('profiles.skills.unmatched')}</span>}
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
                    {s.level && (
                      <SelectField
                        className="mb-0"
                        label={t('profiles.skills.assessedBy', { skill: s.label })}
                        value={s.assessedBy ?? 'consultant'}
                        onChange={(v) => setAssessor(s.id, v)}
                        options={(['consultant', 'self'] as const).map((a) => ({ value: a, label: t(`profiles.skills.assessors.${a}`) }))}
                      />
                    )}
                    {!s.escoUri && (
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-primary"
                        aria-expanded={matching === s.id}
                        aria-label={t('profiles.skills.matchFor', { skill: s.label })}
                        onClick={() => setMatching(matching === s.id ? null : s.id)}
                      >
                        {t('profiles.skills.match')}
                      </button>
                    )}
                    <RemoveButton
                      what={s.label}
                      onClick={() => void editor.save({ skills: doc.skills.filter((x) => x.id !== s.id) })}
                      disabled={editor.saving}
                    />
                  </>
                ) : (
                  s.level && (
                    <span>
                      {t(`profiles.skills.levels.${s.level}`)}
                      {s.assessedBy && ` (${t(`profiles.skills.assessors.${s.assessedBy}`)})`}
                    </span>
                  )
                )}
              </div>
              {canEdit && matching === s.id && <SkillMatchForm entry={s} doc={doc} editor={editor} onDone={() => setMatching(null)} />}
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

/**
 * A skill in the worker's own words (from a CV, or typed before it was matched) tied to its ESCO
 * concept in place: the ESCO label replaces the words, which are kept as a keyword of the skill.
 */
function SkillMatchForm({
  entry,
  doc,
  editor,
  onDone,
}: {
  entry: SkillEntry;
  doc: SectionProps['doc'];
  editor: SectionProps['editor'];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [item, setItem] = useState<TaxonomyItem | null>(null);
  const duplicate = item !== null && doc.skills.some((s) => s.escoUri === item.id);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!item || duplicate) return;
    const keywords = entry.keywords.includes(entry.label) ? entry.keywords : [...entry.keywords, entry.label].slice(0, 30);
    const next = doc.skills.map((s) => (s.id === entry.id ? { ...s, escoUri: item.id, label: item.label, keywords } : s));
    if (await editor.save({ skills: next })) onDone();
  };
  return (
    <form className="row align-items-end mt-2" onSubmit={submit} aria-label={t('profiles.skills.matchFor', { skill: entry.label })}>
      <div className="col-12 col-md-8 mb-2">
        <Autocomplete kind="skills" label={t('profiles.skills.matchSearch', { skill: entry.label })} value={item} onChange={setItem} />
        {duplicate && (
          <p className="small text-danger mb-0" role="alert">
            {t('profiles.skills.matchDuplicate')}
          </p>
        )}
      </div>
      <FormButtons className="col-12 col-md-4 mb-2" saving={editor.saving} unready={!item || duplicate} editing onCancel={onDone} />
    </form>
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
  const [editingId, setEditingId] = useState<string | null>(null);
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
        editingId={editingId}
        onEdit={setEditingId}
        renderEdit={(id) => (
          <DesiredOccupationForm
            editor={editor}
            onCancel={() => setEditingId(null)}
            onSave={async (item) => {
              // The entry keeps its id (the version history says it changed) and takes the new occupation whole.
              const next = doc.desiredOccupations.map((d) => (d.id === id ? { id, label: item.label, ...occupationFields(item) } : d));
              if (await editor.save({ desiredOccupations: next })) setEditingId(null);
            }}
          />
        )}
      />
      {canEdit && (
        <form onSubmit={add} className="row align-items-end">
          <div className="col-12 col-md-8 mb-3">
            <Autocomplete kind="occupations" label={t('profiles.desired.occupation')} value={occupation} onChange={setOccupation} />
          </div>
          <FormButtons className="col-12 col-md-4 mb-3" saving={editor.saving} unready={!occupation} editing={false} />
        </form>
      )}
    </ProfileSectionCard>
  );
}

/** The occupation of a desired-occupation entry, chosen again in its place. */
function DesiredOccupationForm({
  editor,
  onSave,
  onCancel,
}: {
  editor: SectionProps['editor'];
  onSave(item: TaxonomyItem): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [item, setItem] = useState<TaxonomyItem | null>(null);
  return (
    <form
      className="row align-items-end"
      onSubmit={(e) => {
        e.preventDefault();
        if (item) void onSave(item);
      }}
    >
      <div className="col-12 col-md-8 mb-2">
        <Autocomplete kind="occupations" label={t('profiles.desired.replaceWith')} value={item} onChange={setItem} />
      </div>
      <FormButtons className="col-12 col-md-4 mb-2" saving={editor.saving} unready={!item} editing onCancel={onCancel} />
    </form>
  );
}
