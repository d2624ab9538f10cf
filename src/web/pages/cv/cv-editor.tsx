import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cvEndpoints } from '../../../shared/api/cv.endpoints';
import { profileEndpoints } from '../../../shared/api/profiles.endpoints';
import { CV_SECTIONS, type Cv, type CvSection } from '../../../shared/schemas/cvs.schema';
import type { ProfileDocument } from '../../../shared/schemas/profiles.schema';
import { call, saveFile, urlOf } from '../../api/client';
import { useNotice } from '../../components/notice';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField, TextAreaField, TextField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';
import { CvHiddenEntries } from './cv-hidden-entries';

/** The sections in the CV's order first (ticked), then the others (unticked), as one reorderable list. */
function sectionRows(chosen: CvSection[]): Array<{ section: CvSection; on: boolean }> {
  return [
    ...chosen.map((section) => ({ section, on: true })),
    ...CV_SECTIONS.filter((s) => !chosen.includes(s)).map((section) => ({ section, on: false })),
  ];
}

const profileHas = (doc: ProfileDocument, id: string) =>
  [doc.work, doc.education, doc.languages, doc.skills, doc.certificates, doc.desiredOccupations, doc.additional].some((list) =>
    list.some((e) => e.id === id),
  );

export function CvEditor({ workerId, cv, canEdit, onSaved }: { workerId: string; cv: Cv; canEdit: boolean; onSaved(cv: Cv): void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const headingId = useId();
  const [title, setTitle] = useState(cv.title);
  const [language, setLanguage] = useState(cv.language);
  const [headline, setHeadline] = useState(cv.choices.headline ?? '');
  const [summary, setSummary] = useState(cv.choices.summary ?? '');
  const [rows, setRows] = useState(() => sectionRows(cv.choices.sections));
  const [hidden, setHidden] = useState<Set<string>>(() => new Set(cv.choices.hiddenEntryIds));
  const [profile, setProfile] = useState<ProfileDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The preview frames the PDF from the API itself (the CSP allows no blob: frames), shown inline.
  const [preview, setPreview] = useState<string | null>(null);
  const params = { workerId, cvId: cv.id };
  useEffect(() => {
    if (canEdit) call(profileEndpoints.get, { params: { workerId } }).then((p) => setProfile(p.document), setError);
  }, [workerId, canEdit]);

  const move = (i: number, by: -1 | 1) =>
    setRows((r) => {
      const next = [...r];
      [next[i], next[i + by]] = [next[i + by]!, next[i]!];
      return next;
    });

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const saved = await call(cvEndpoints.update, {
        params,
        body: {
          baseVersion: cv.version,
          title,
          choices: {
            language,
            sections: rows.filter((r) => r.on).map((r) => r.section),
            ...(headline.trim() ? { headline } : {}),
            ...(summary.trim() ? { summary } : {}),
            // An entry removed from the profile since is no longer listed: its id is dropped here.
            hiddenEntryIds: profile ? [...hidden].filter((id) => profileHas(profile, id)) : cv.choices.hiddenEntryIds,
          },
        },
      });
      notice.show('success', t('cv.saved', { version: saved.version }));
      onSaved(saved);
    } catch (err) {
      setError(err);
    }
  }

  function showPreview() {
    setPreview(`${urlOf(cvEndpoints.pdf, { params, query: { disposition: 'inline' } })}#t=${Date.now()}`);
  }

  async function uploadPhoto(file: File | undefined) {
    if (!file) return;
    setError(null);
    try {
      onSaved(await call(cvEndpoints.uploadPhoto, { params, body: file }));
      notice.show('success', t('cv.photoUploaded'));
    } catch (err) {
      setError(err);
    }
  }

  async function removePhoto() {
    try {
      onSaved(await call(cvEndpoints.deletePhoto, { params }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="h4">
        {t('cv.editing', { title: cv.title })}
      </h2>
      <p className="small">
        {t('cv.version', { version: cv.version })} · {t('cv.updated', { at: formatDateTime(cv.updatedAt), name: cv.updatedByName ?? '—' })}
      </p>
      <ProblemAlert error={error} />
      <div className="d-flex flex-wrap gap-2 mb-3">
        <button type="button" className="btn btn-outline-primary" onClick={showPreview}>
          {t('cv.preview')}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          onClick={() => call(cvEndpoints.pdf, { params }).then(saveFile, setError)}
        >
          {t('cv.downloadPdf')}
        </button>
        <a className="btn btn-outline-primary" href={urlOf(cvEndpoints.jsonResume, { params })} download>
          {t('cv.downloadJson')}
        </a>
      </div>
      {canEdit && (
        <form onSubmit={save}>
          <div className="row">
            <TextField className="col-12 col-md-8" label={t('cv.cvTitle')} value={title} onChange={setTitle} required maxLength={200} />
            <SelectField
              className="col-12 col-md-4"
              label={t('cv.language')}
              value={language}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'it')}
              options={(['it', 'en'] as const).map((l) => ({ value: l, label: t(`cv.languages.${l}`) }))}
            />
          </div>
          <TextField label={t('cv.headline')} help={t('cv.headlineHelp')} value={headline} onChange={setHeadline} maxLength={200} />
          <TextAreaField
            label={t('cv.summary')}
            help={t('cv.summaryHelp')}
            value={summary}
            onChange={setSummary}
            rows={4}
            maxLength={3000}
          />
          <fieldset className="mb-3">
            <legend className="h6">{t('cv.sections')}</legend>
            <p className="small">{t('cv.sectionsHelp')}</p>
            <ol className="list-unstyled">
              {rows.map((r, i) => {
                const label = t(`cv.sectionNames.${r.section}`);
                return (
                  <li key={r.section} className="d-flex align-items-center gap-2 mb-1">
                    <div className="form-check mb-0 flex-grow-1">
                      <input
                        id={`${headingId}-${r.section}`}
                        type="checkbox"
                        className="form-check-input"
                        checked={r.on}
                        onChange={(e) => setRows((all) => all.map((x, j) => (j === i ? { ...x, on: e.target.checked } : x)))}
                      />
                      <label htmlFor={`${headingId}-${r.section}`} className="form-check-label">
                        {label}
                      </label>
                    </div>
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-secondary"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('cv.moveUp', { section: label })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-secondary"
                      disabled={i === rows.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('cv.moveDown', { section: label })}
                    >
                      ↓
                    </button>
                  </li>
                );
              })}
            </ol>
          </fieldset>
          {profile && <CvHiddenEntries profile={profile} hidden={hidden} onChange={setHidden} />}
          <button type="submit" className="btn btn-primary mb-4">
            {t('cv.save')}
          </button>
          <div className="mb-4">
            <label htmlFor={`${headingId}-photo`} className="form-label-static d-block">
              {t('cv.photo')}
            </label>
            <input
              id={`${headingId}-photo`}
              type="file"
              accept="image/jpeg,image/png"
              className="form-control"
              aria-describedby={`${headingId}-photo-help`}
              onChange={(e) => void uploadPhoto(e.target.files?.[0])}
            />
            <small id={`${headingId}-photo-help`} className="form-text">
              {t('cv.photoHelp')}
            </small>
            {cv.hasPhoto && (
              <p className="mt-2">
                {t('cv.photoPresent')}{' '}
                <button type="button" className="btn btn-sm btn-outline-danger" onClick={removePhoto}>
                  {t('cv.photoRemove')}
                </button>
              </p>
            )}
          </div>
        </form>
      )}
      {preview && (
        <iframe title={t('cv.previewTitle', { title: cv.title })} src={preview} className="w-100 border" style={{ height: '80vh' }} />
      )}
    </section>
  );
}
