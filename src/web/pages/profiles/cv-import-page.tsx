import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cvImportEndpoints } from '../../../shared/api/cv-import.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import type { CvImportPreview, CvImportResult } from '../../../shared/schemas/cv-import.schema';
import { ApiError, call } from '../../api/client';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useApiQuery } from '../../hooks/use-api-query';

type Additions = CvImportPreview['additions'];
type ListSection = 'work' | 'education' | 'languages' | 'certificates' | 'additional';
const LIST_SECTIONS: ListSection[] = ['work', 'education', 'languages', 'certificates', 'additional'];
const CEFR_SKILLS = ['listening', 'reading', 'spokenInteraction', 'spokenProduction', 'writing'] as const;

/** 'keep' the CV's words, 'skip', or the URI of the ESCO concept chosen. */
type SkillChoice = 'keep' | 'skip' | string;

const period = (start: string | undefined, end: string | undefined, current: string) =>
  start || end ? `${start ?? '…'} – ${end ?? current}` : '';

export function CvImportPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const fileId = useId();
  const worker = useApiQuery(workerEndpoints.get, { params: { id } }, [id]);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CvImportPreview | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [skillChoices, setSkillChoices] = useState<Record<number, SkillChoice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CvImportResult | null>(null);
  const languageName = useMemo(() => new Intl.DisplayNames([lang], { type: 'language' }), [lang]);

  const onRead = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (!file) {
      setError(new ApiError(400, 'NO_FILE', t('cvImport.upload.missing')));
      return;
    }
    setBusy(true);
    try {
      const read = await call(cvImportEndpoints.preview, { params: { workerId: id }, query: { lang }, body: file });
      setPreview(read);
      // Everything the CV adds is ticked; the consultant unticks what does not belong.
      const a = read.additions;
      setChosen(
        new Set([
          ...LIST_SECTIONS.flatMap((s) => a[s].map((e) => e.id)),
          ...a.drivingLicences.map((l) => `licence:${l}`),
          ...(a.summary ? ['summary'] : []),
        ]),
      );
      // A skill the CV names as such is kept in its words; free text is added only when chosen.
      setSkillChoices(Object.fromEntries(read.skillProposals.map((p, i) => [i, p.skillEntryId ? 'keep' : 'skip'])));
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const onApply = async () => {
    if (!preview) return;
    const a = preview.additions;
    const pick = <T extends { id: string }>(list: T[]) => list.filter((e) => chosen.has(e.id));
    const skills = preview.skillProposals.flatMap((p, i) => {
      const choice = skillChoices[i] ?? 'skip';
      if (choice === 'skip') return [];
      const entry = p.skillEntryId ? a.skills.find((s) => s.id === p.skillEntryId) : undefined;
      const base = { keywords: entry?.keywords ?? [], ...(entry?.level && { level: entry.level }) };
      if (choice === 'keep') return [{ ...base, label: entry?.label ?? p.phrase }];
      const concept = p.candidates.find((c) => c.uri === choice);
      return concept ? [{ ...base, label: concept.label, escoUri: concept.uri }] : [];
    });
    setBusy(true);
    setError(null);
    try {
      const saved = await call(cvImportEndpoints.apply, {
        params: { workerId: id },
        body: {
          baseVersion: preview.baseVersion,
          ...(a.summary && chosen.has('summary') && { summary: a.summary }),
          work: pick(a.work),
          education: pick(a.education),
          languages: pick(a.languages),
          certificates: pick(a.certificates),
          additional: pick(a.additional),
          drivingLicences: a.drivingLicences.filter((l) => chosen.has(`licence:${l}`)),
          skills,
        },
      });
      setResult(saved);
      setPreview(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const describe = (section: ListSection, entry: Additions[ListSection][number]): { title: string; detail: string } => {
    const current = t('cvImport.entry.current');
    switch (section) {
      case 'work': {
        const w = entry as Additions['work'][number];
        return {
          title: `${w.jobTitle} – ${w.employer}`,
          detail: [period(w.startDate, w.endDate, current), w.place].filter(Boolean).join(' · '),
        };
      }
      case 'education': {
        const e = entry as Additions['education'][number];
        const level = e.eqfLevel ? t('cvImport.entry.eqf', { level: e.eqfLevel }) : '';
        return { title: e.title, detail: [e.institution, period(e.startDate, e.endDate, current), level].filter(Boolean).join(' · ') };
      }
      case 'languages': {
        const l = entry as Additions['languages'][number];
        const levels = l.mother
          ? t('cvImport.entry.mother')
          : CEFR_SKILLS.filter((k) => l[k])
              .map((k) => `${t(`cvImport.entry.${k}`)} ${l[k]}`)
              .join(', ');
        return { title: languageName.of(l.code) ?? l.code, detail: [levels, l.certificate].filter(Boolean).join(' · ') };
      }
      case 'certificates': {
        const c = entry as Additions['certificates'][number];
        return { title: c.name, detail: [c.issuer, c.issuedOn].filter(Boolean).join(' · ') };
      }
      default: {
        const x = entry as Additions['additional'][number];
        return { title: x.title, detail: [x.organisation, x.date, x.detail].filter(Boolean).join(' · ') };
      }
    }
  };

  const workerName = worker.data ? `${worker.data.lastName} ${worker.data.firstName}` : '';
  const a = preview?.additions;
  const nothingToAdd =
    a &&
    !a.summary &&
    a.drivingLicences.length === 0 &&
    preview.skillProposals.length === 0 &&
    LIST_SECTIONS.every((s) => a[s].length === 0);
  const sourceText = preview
    ? [
        t(`cvImport.source.${preview.source.format}`),
        preview.source.version && t('cvImport.source.version', { version: preview.source.version }),
        preview.source.container === 'pdf' && t('cvImport.source.pdf'),
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  const present = preview ? Object.values(preview.alreadyPresent).reduce((n, c) => n + c, 0) : 0;
  const addedCount = result ? Object.values(result.added).reduce<number>((n, c) => n + (typeof c === 'number' ? c : c ? 1 : 0), 0) : 0;

  return (
    <>
      <PageTitle lead={t('cvImport.lead')}>{t('cvImport.title')}</PageTitle>
      {workerName && <p>{t('cvImport.worker', { name: workerName })}</p>}
      <p>
        <Link to={`/lavoratori/${id}`}>{t('cvImport.back')}</Link>
      </p>
      <ProblemAlert error={error ?? worker.error} />

      {result && (
        <div className="alert alert-success" role="status">
          {t('cvImport.apply.done', { version: result.version, count: addedCount })}
        </div>
      )}

      <section aria-labelledby="cv-upload-h" className="mb-4">
        <h2 id="cv-upload-h" className="h4">
          {t('cvImport.upload.heading')}
        </h2>
        <form onSubmit={(e) => void onRead(e)} className="d-flex flex-column flex-md-row align-items-md-end gap-3">
          <div className="flex-grow-1">
            <label htmlFor={fileId} className="form-label fw-semibold">
              {t('cvImport.upload.label')}
            </label>
            <input
              id={fileId}
              type="file"
              className="form-control"
              accept=".xml,.json,.pdf,application/xml,text/xml,application/json,application/pdf"
              aria-describedby={`${fileId}-help`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <small id={`${fileId}-help`} className="form-text">
              {t('cvImport.upload.help')}
            </small>
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy && !preview ? t('cvImport.upload.reading') : t('cvImport.upload.submit')}
          </button>
        </form>
      </section>

      {preview && a && (
        <>
          <p className="fw-semibold">{t('cvImport.source.read', { format: sourceText })}</p>
          {preview.warnings.length > 0 && (
            <section aria-labelledby="cv-warn-h" className="alert alert-warning">
              <h2 id="cv-warn-h" className="h6">
                {t('cvImport.warnings')}
              </h2>
              <ul className="mb-0">
                {preview.warnings.map((w) => (
                  <li key={`${w.code}:${w.it}`}>{lang === 'en' ? w.en : w.it}</li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="cv-identity-h" className="mb-4">
            <h2 id="cv-identity-h" className="h4">
              {t('cvImport.identity.heading')}
            </h2>
            {preview.identity.differences.length === 0 ? (
              <p>{t('cvImport.identity.same')}</p>
            ) : (
              <>
                <p>{t('cvImport.identity.lead')}</p>
                <div className="table-responsive" tabIndex={0} role="region" aria-labelledby="cv-identity-h">
                  <table className="table table-sm">
                    <thead>
                      <tr>
                        <th scope="col">{t('cvImport.identity.field')}</th>
                        <th scope="col">{t('cvImport.identity.cv')}</th>
                        <th scope="col">{t('cvImport.identity.record')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.identity.differences.map((d) => (
                        <tr key={d.field}>
                          <th scope="row">{t(`cvImport.identity.fields.${d.field}`)}</th>
                          <td className="text-break">{d.cv}</td>
                          <td className="text-break">{d.worker ?? <em>{t('cvImport.identity.empty')}</em>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>

          <section aria-labelledby="cv-sections-h" className="mb-4">
            <h2 id="cv-sections-h" className="h4">
              {t('cvImport.sections.heading')}
            </h2>
            {present > 0 && <p>{t('cvImport.sections.alreadyPresent', { count: present })}</p>}
            {nothingToAdd && <p>{t('cvImport.sections.nothing')}</p>}
            {a.summary && (
              <fieldset className="mb-3">
                <legend className="h5">{t('cvImport.sections.summary')}</legend>
                <div className="form-check">
                  <input
                    id="cv-summary"
                    type="checkbox"
                    className="form-check-input"
                    checked={chosen.has('summary')}
                    onChange={(e) => toggle('summary', e.target.checked)}
                  />
                  <label htmlFor="cv-summary" className="form-check-label text-break">
                    {a.summary}
                  </label>
                </div>
              </fieldset>
            )}
            {LIST_SECTIONS.filter((s) => a[s].length > 0).map((section) => (
              <fieldset key={section} className="mb-3">
                <legend className="h5">{t(`cvImport.sections.${section}`)}</legend>
                {a[section].map((entry) => {
                  const { title, detail } = describe(section, entry);
                  const inputId = `cv-${section}-${entry.id}`;
                  return (
                    <div key={entry.id} className="form-check mb-2">
                      <input
                        id={inputId}
                        type="checkbox"
                        className="form-check-input"
                        checked={chosen.has(entry.id)}
                        onChange={(e) => toggle(entry.id, e.target.checked)}
                      />
                      <label htmlFor={inputId} className="form-check-label">
                        <span className="fw-semibold">{title}</span>
                        {detail && <span className="d-block small text-break">{detail}</span>}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
            {a.drivingLicences.length > 0 && (
              <fieldset className="mb-3">
                <legend className="h5">{t('cvImport.sections.drivingLicences')}</legend>
                {a.drivingLicences.map((l) => (
                  <div key={l} className="form-check form-check-inline">
                    <input
                      id={`cv-licence-${l}`}
                      type="checkbox"
                      className="form-check-input"
                      checked={chosen.has(`licence:${l}`)}
                      onChange={(e) => toggle(`licence:${l}`, e.target.checked)}
                    />
                    <label htmlFor={`cv-licence-${l}`} className="form-check-label">
                      {t('cvImport.entry.licence', { category: l })}
                    </label>
                  </div>
                ))}
              </fieldset>
            )}
          </section>

          {preview.skillProposals.length > 0 && (
            <section aria-labelledby="cv-skills-h" className="mb-4">
              <h2 id="cv-skills-h" className="h4">
                {t('cvImport.skills.heading')}
              </h2>
              <p>{t('cvImport.skills.lead')}</p>
              {preview.skillProposals.map((p, i) => {
                const name = `cv-skill-${i}`;
                const choice = skillChoices[i] ?? 'skip';
                const set = (value: SkillChoice) => setSkillChoices((prev) => ({ ...prev, [i]: value }));
                return (
                  <fieldset key={name} className="mb-3 border-bottom pb-2">
                    <legend className="h6 mb-1 text-break">
                      {p.phrase} <span className="small fw-normal">({t(`cvImport.skills.from.${p.origin}`)})</span>
                    </legend>
                    {p.candidates.length === 0 && <p className="small mb-1">{t('cvImport.skills.noCandidates')}</p>}
                    {p.candidates.map((c, j) => (
                      <div key={c.uri} className="form-check">
                        <input
                          id={`${name}-${j}`}
                          type="radio"
                          name={name}
                          className="form-check-input"
                          checked={choice === c.uri}
                          onChange={() => set(c.uri)}
                        />
                        <label htmlFor={`${name}-${j}`} className="form-check-label">
                          ESCO: {c.label}
                          {c.labelLanguage !== lang && lang === 'it' && <span className="small"> {t('cvImport.skills.englishLabel')}</span>}
                        </label>
                      </div>
                    ))}
                    <div className="form-check">
                      <input
                        id={`${name}-keep`}
                        type="radio"
                        name={name}
                        className="form-check-input"
                        checked={choice === 'keep'}
                        onChange={() => set('keep')}
                      />
                      <label htmlFor={`${name}-keep`} className="form-check-label">
                        {t('cvImport.skills.keepWords')}
                      </label>
                    </div>
                    <div className="form-check">
                      <input
                        id={`${name}-skip`}
                        type="radio"
                        name={name}
                        className="form-check-input"
                        checked={choice === 'skip'}
                        onChange={() => set('skip')}
                      />
                      <label htmlFor={`${name}-skip`} className="form-check-label">
                        {t('cvImport.skills.skip')}
                      </label>
                    </div>
                  </fieldset>
                );
              })}
            </section>
          )}

          {!nothingToAdd && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void onApply()}>
              {busy ? t('cvImport.apply.saving') : t('cvImport.apply.submit')}
            </button>
          )}
        </>
      )}
    </>
  );
}
