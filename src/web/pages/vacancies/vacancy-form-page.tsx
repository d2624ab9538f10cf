import { Button } from 'design-react-kit';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { taxonomyEndpoints } from '../../../shared/api/taxonomy.endpoints';
import { vacancyEndpoints } from '../../../shared/api/vacancies.endpoints';
import { CEFR_LEVELS, EQF_LEVELS } from '../../../shared/schemas/profiles.schema';
import { CONTRACT_TYPES, DRIVING_LICENCES, WORKING_TIMES, type CreateVacancyRequest } from '../../../shared/schemas/vacancies.schema';
import { call } from '../../api/client';
import { useFieldErrors } from '../../api/validate';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import type { TaxonomyItem } from '../../components/taxonomy-search';
import { useApiQuery } from '../../hooks/use-api-query';
import { EmployerSitePicker } from './employer-site-picker';
import { euroCents } from '../../components/euro-input';
import { comuneItem } from '../workers/worker-form-page';
import { escoOccupationOf } from './vacancy-format';

type Relevance = 'essential' | 'optional';
type Language = { code: string; cefr: (typeof CEFR_LEVELS)[number] };

const EMPTY = {
  siteKey: '',
  title: '',
  description: '',
  cp2011Code: '',
  eqfLevel: '',
  contractType: 'permanent',
  durationMonths: '',
  workingTime: 'full_time',
  weeklyHours: '',
  ccnlLevel: '',
  payMin: '',
  payMax: '',
  positions: '1',
  startDate: '',
  deadline: '',
};

const conceptItem = (kind: string, id: string, code: string, label: string): TaxonomyItem => ({
  id,
  kind: kind as TaxonomyItem['kind'],
  code,
  label,
  labelLanguage: 'it',
  fallback: false,
  matchedLabel: label,
  match: 'exact',
  detail: null,
});

const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.replace(',', '.')));

/** Create or edit a vacancy: the contract fields the type asks for, the occupation's skills to tick. */
export function VacancyFormPage() {
  const { id } = useParams();
  const editing = Boolean(id);
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { show } = useNotice();
  const fields = useFieldErrors();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState(EMPTY);
  const [occupation, setOccupation] = useState<TaxonomyItem | null>(null);
  const [comune, setComune] = useState<TaxonomyItem | null>(null);
  const [education, setEducation] = useState<TaxonomyItem | null>(null);
  const [ccnl, setCcnl] = useState<TaxonomyItem | null>(null);
  const [skills, setSkills] = useState<Record<string, Relevance>>({});
  const [languages, setLanguages] = useState<Language[]>([]);
  const [licences, setLicences] = useState<string[]>([]);
  const [version, setVersion] = useState(1);
  const [loaded, setLoaded] = useState(!editing);
  const [error, setError] = useState<unknown>(null);
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  // «Nuova offerta» on an employer's page names the employer (and may name the site).
  const presetSite = params.get('employerId') ? `${params.get('employerId')}|${params.get('siteId') ?? ''}` : '';
  useEffect(() => {
    if (presetSite) setForm((f) => ({ ...f, siteKey: presetSite }));
  }, [presetSite]);

  useEffect(() => {
    if (!id) return;
    call(vacancyEndpoints.get, { params: { id } }).then((v) => {
      setForm({
        siteKey: `${v.employerId}|${v.siteId}`,
        title: v.title,
        description: v.description,
        cp2011Code: v.cp2011Code ?? '',
        eqfLevel: v.eqfLevel === null ? '' : String(v.eqfLevel),
        contractType: v.contractType,
        durationMonths: v.durationMonths === null ? '' : String(v.durationMonths),
        workingTime: v.workingTime,
        weeklyHours: v.weeklyHours === null ? '' : String(v.weeklyHours),
        ccnlLevel: v.ccnlLevel,
        payMin: v.payMinCents === null ? '' : String(v.payMinCents / 100),
        payMax: v.payMaxCents === null ? '' : String(v.payMaxCents / 100),
        positions: String(v.positions),
        startDate: v.startDate ?? '',
        deadline: v.deadline,
      });
      setOccupation(
        v.escoOccupationUri
          ? conceptItem('esco_occupation', v.escoOccupationUri, v.escoOccupationUri, v.occupationLabel ?? v.escoOccupationUri)
          : null,
      );
      setComune(comuneItem(v.comuneCode, v.comuneName));
      setEducation(v.educationCode ? conceptItem('education', `education:${v.educationCode}`, v.educationCode, v.educationCode) : null);
      setCcnl(v.ccnlCode ? conceptItem('ccnl', `ccnl:${v.ccnlCode}`, v.ccnlCode, v.ccnlCode) : null);
      setSkills(Object.fromEntries(v.skills.map((s) => [s.uri, s.relevance])));
      setLanguages(v.languages);
      setLicences(v.drivingLicences);
      setVersion(v.version);
      setLoaded(true);
    }, setError);
  }, [id]);

  const occupationUri = escoOccupationOf(occupation);
  const suggestions = useApiQuery(taxonomyEndpoints.occupationSkills, { query: { occupation: occupationUri } }, [occupationUri], {
    enabled: Boolean(occupationUri),
  });
  const suggested = suggestions.data?.items.flatMap((o) => o.skills) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const [employerId = '', siteId = ''] = form.siteKey.split('|');
    const body: CreateVacancyRequest = {
      employerId,
      siteId,
      comuneCode: comune?.code,
      escoOccupationUri: occupationUri,
      cp2011Code: form.cp2011Code.trim() || undefined,
      title: form.title,
      description: form.description || undefined,
      eqfLevel: form.eqfLevel ? (Number(form.eqfLevel) as CreateVacancyRequest['eqfLevel']) : undefined,
      educationCode: education?.code,
      languages,
      drivingLicences: licences as CreateVacancyRequest['drivingLicences'],
      contractType: form.contractType as CreateVacancyRequest['contractType'],
      durationMonths: form.contractType === 'fixed_term' ? numberOrUndefined(form.durationMonths) : undefined,
      workingTime: form.workingTime as CreateVacancyRequest['workingTime'],
      weeklyHours: form.workingTime === 'part_time' ? numberOrUndefined(form.weeklyHours) : undefined,
      ccnlCode: ccnl?.code,
      ccnlLevel: form.ccnlLevel || undefined,
      payMinCents: euroCents(form.payMin),
      payMaxCents: euroCents(form.payMax),
      positions: Number(form.positions),
      startDate: form.startDate || undefined,
      deadline: form.deadline,
      skills: Object.entries(skills).map(([uri, relevance]) => ({ uri, relevance })),
    };
    const endpoint = editing ? vacancyEndpoints.update : vacancyEndpoints.create;
    const full = editing ? { ...body, version } : body;
    if (!fields.check(endpoint, full as never, formRef.current)) return;
    try {
      const saved = editing
        ? await call(vacancyEndpoints.update, { params: { id: id! }, body: { ...body, version } })
        : await call(vacancyEndpoints.create, { body });
      show('success', editing ? t('vacancies.form.saved') : t('vacancies.form.created'));
      navigate(`/offerte/${saved.id}`);
    } catch (err) {
      fields.fromProblem(err);
      setError(err);
    }
  };

  const e = fields.errors;
  const toggleLicence = (l: string) => setLicences((ls) => (ls.includes(l) ? ls.filter((x) => x !== l) : [...ls, l]));

  return (
    <>
      <PageTitle>{editing ? t('vacancies.form.editTitle') : t('vacancies.form.newTitle')}</PageTitle>
      {loaded && (
        <form ref={formRef} onSubmit={submit} noValidate>
          <div className="row">
            <EmployerSitePicker
              value={form.siteKey ? { employerId: form.siteKey.split('|')[0]!, siteId: form.siteKey.split('|')[1] ?? '' } : null}
              onChange={(next) => setForm((f) => ({ ...f, siteKey: next ? `${next.employerId}|${next.siteId}` : '' }))}
              error={e.siteId ?? e.employerId}
            />
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="comuni" label={t('vacancies.form.comune')} value={comune} onChange={setComune} />
              {e.comuneCode && <div className="invalid-feedback d-block">{e.comuneCode}</div>}
            </div>
            <TextField
              className="col-12"
              label={t('vacancies.form.title')}
              value={form.title}
              onChange={set('title')}
              error={e.title}
              required
            />
            <TextAreaField
              className="col-12"
              label={t('vacancies.form.description')}
              value={form.description}
              onChange={set('description')}
              error={e.description}
            />
            <div className="col-12 col-md-8 mb-3">
              <Autocomplete kind="occupations" label={t('vacancies.form.occupation')} value={occupation} onChange={setOccupation} />
              {e.escoOccupationUri && <div className="invalid-feedback d-block">{e.escoOccupationUri}</div>}
            </div>
            <TextField
              className="col-12 col-md-4"
              label={t('vacancies.form.cp2011')}
              help={t('vacancies.form.cp2011Help')}
              value={form.cp2011Code}
              onChange={set('cp2011Code')}
              error={e.cp2011Code}
            />
          </div>

          {occupationUri && (
            <fieldset className="mb-3">
              <legend className="h5">{t('vacancies.form.suggested')}</legend>
              <p className="small">{t('vacancies.form.suggestedHelp')}</p>
              {suggestions.data && suggested.length === 0 && <p>{t('vacancies.form.noSuggestions')}</p>}
              <ul className="list-unstyled">
                {suggested.map((s) => {
                  const picked = skills[s.uri];
                  const boxId = `skill-${s.uri.split('/').pop()}`;
                  return (
                    <li key={s.uri} className="d-flex flex-wrap align-items-center gap-3 mb-2">
                      <div className="form-check mb-0">
                        <input
                          id={boxId}
                          type="checkbox"
                          checked={Boolean(picked)}
                          onChange={(ev) =>
                            setSkills((all) => {
                              const next = { ...all };
                              if (ev.target.checked) next[s.uri] = s.essential ? 'essential' : 'optional';
                              else delete next[s.uri];
                              return next;
                            })
                          }
                        />
                        <label htmlFor={boxId} lang={s.labelLanguage}>
                          {s.label}
                        </label>
                      </div>
                      {picked && (
                        <div className="form-check mb-0">
                          <input
                            id={`${boxId}-optional`}
                            type="checkbox"
                            checked={picked === 'optional'}
                            onChange={(ev) => setSkills((all) => ({ ...all, [s.uri]: ev.target.checked ? 'optional' : 'essential' }))}
                          />
                          <label htmlFor={`${boxId}-optional`}>{t('vacancies.form.optional')}</label>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}

          <div className="row">
            <SelectField
              className="col-12 col-md-6"
              label={t('vacancies.form.contractType')}
              value={form.contractType}
              onChange={set('contractType')}
              options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`vacancies.contract.${c}`) }))}
              error={e.contractType}
              required
            />
            {form.contractType === 'fixed_term' && (
              <TextField
                className="col-12 col-md-6"
                label={t('vacancies.form.durationMonths')}
                value={form.durationMonths}
                onChange={set('durationMonths')}
                inputMode="numeric"
                error={e.durationMonths}
                required
              />
            )}
            <SelectField
              className="col-12 col-md-6"
              label={t('vacancies.form.workingTime')}
              value={form.workingTime}
              onChange={set('workingTime')}
              options={WORKING_TIMES.map((w) => ({ value: w, label: t(`vacancies.workingTime.${w}`) }))}
              error={e.workingTime}
              required
            />
            {form.workingTime === 'part_time' && (
              <TextField
                className="col-12 col-md-6"
                label={t('vacancies.form.weeklyHours')}
                value={form.weeklyHours}
                onChange={set('weeklyHours')}
                inputMode="decimal"
                error={e.weeklyHours}
                required
              />
            )}
            <div className="col-12 col-md-8 mb-3">
              <Autocomplete kind="ccnl" label={t('vacancies.form.ccnl')} value={ccnl} onChange={setCcnl} />
              {e.ccnlCode && <div className="invalid-feedback d-block">{e.ccnlCode}</div>}
            </div>
            <TextField
              className="col-12 col-md-4"
              label={t('vacancies.form.ccnlLevel')}
              value={form.ccnlLevel}
              onChange={set('ccnlLevel')}
              error={e.ccnlLevel}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('vacancies.form.payMin')}
              value={form.payMin}
              onChange={set('payMin')}
              inputMode="decimal"
              error={e.payMinCents}
            />
            <TextField
              className="col-12 col-md-6"
              label={t('vacancies.form.payMax')}
              value={form.payMax}
              onChange={set('payMax')}
              inputMode="decimal"
              error={e.payMaxCents}
            />
            <TextField
              className="col-12 col-md-4"
              label={t('vacancies.form.positions')}
              value={form.positions}
              onChange={set('positions')}
              inputMode="numeric"
              error={e.positions}
              required
            />
            <TextField
              className="col-12 col-md-4"
              label={t('vacancies.form.startDate')}
              type="date"
              value={form.startDate}
              onChange={set('startDate')}
              error={e.startDate}
            />
            <TextField
              className="col-12 col-md-4"
              label={t('vacancies.form.deadline')}
              type="date"
              value={form.deadline}
              onChange={set('deadline')}
              error={e.deadline}
              required
            />
            <div className="col-12 col-md-6 mb-3">
              <Autocomplete kind="education" label={t('vacancies.form.education')} value={education} onChange={setEducation} />
              {e.educationCode && <div className="invalid-feedback d-block">{e.educationCode}</div>}
            </div>
            <SelectField
              className="col-12 col-md-6"
              label={t('vacancies.form.eqf')}
              value={form.eqfLevel}
              onChange={set('eqfLevel')}
              options={[
                { value: '', label: t('vacancies.form.noEqf') },
                ...EQF_LEVELS.map((l) => ({ value: String(l), label: `EQF ${l}` })),
              ]}
              error={e.eqfLevel}
            />
          </div>

          <fieldset className="mb-3">
            <legend className="h5">{t('vacancies.form.languages')}</legend>
            {languages.map((l, i) => (
              <div key={i} className="row align-items-end">
                <TextField
                  className="col-6 col-md-4"
                  label={t('vacancies.form.language')}
                  value={l.code}
                  onChange={(code) => setLanguages((ls) => ls.map((x, j) => (j === i ? { ...x, code: code.trim().toLowerCase() } : x)))}
                  error={e[`languages/${i}/code`]}
                />
                <SelectField
                  className="col-6 col-md-4"
                  label={t('vacancies.form.cefr')}
                  value={l.cefr}
                  onChange={(cefr) => setLanguages((ls) => ls.map((x, j) => (j === i ? { ...x, cefr: cefr as Language['cefr'] } : x)))}
                  options={CEFR_LEVELS.map((c) => ({ value: c, label: c }))}
                />
                <div className="col-12 col-md-4 mb-3">
                  <Button
                    type="button"
                    color="secondary"
                    outline
                    size="sm"
                    onClick={() => setLanguages((ls) => ls.filter((_, j) => j !== i))}
                  >
                    {t('vacancies.form.removeLanguage', { code: l.code || '…' })}
                  </Button>
                </div>
              </div>
            ))}
            <Button
              type="button"
              color="secondary"
              outline
              size="sm"
              onClick={() => setLanguages((ls) => [...ls, { code: '', cefr: 'B1' }])}
            >
              {t('vacancies.form.addLanguage')}
            </Button>
          </fieldset>

          <fieldset className="mb-3">
            <legend className="h5">{t('vacancies.form.licences')}</legend>
            <div className="d-flex flex-wrap gap-3">
              {DRIVING_LICENCES.map((l) => (
                <div key={l} className="form-check mb-0">
                  <input id={`licence-${l}`} type="checkbox" checked={licences.includes(l)} onChange={() => toggleLicence(l)} />
                  <label htmlFor={`licence-${l}`}>{l}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <ProblemAlert error={error} />
          <Button color="primary" type="submit">
            {editing ? t('vacancies.form.saveChanges') : t('vacancies.form.save')}
          </Button>
        </form>
      )}
    </>
  );
}
