import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { cvEndpoints } from '../../../shared/api/cv.endpoints';
import { workerEndpoints } from '../../../shared/api/people.endpoints';
import type { Cv } from '../../../shared/schemas/cvs.schema';
import { call } from '../../api/client';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextField } from '../../components/text-field';
import { formatDateTime } from '../../i18n/i18n';
import { useSession } from '../../session/session-context';
import { CvEditor } from './cv-editor';

/**
 * A worker's CVs: the list, a new CV built from the profile, and the chosen CV's editor with its
 * PDF preview and downloads (cv domain, src/server/cv/export).
 */
export function CvPage() {
  const { id: workerId = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const canEdit = can('cvs.edit');
  const [name, setName] = useState('');
  const [cvs, setCvs] = useState<Cv[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const notice = useNotice();

  useEffect(() => {
    if (!workerId) return;
    call(workerEndpoints.get, { params: { id: workerId } }).then((w) => setName(`${w.firstName} ${w.lastName}`), setError);
    call(cvEndpoints.list, { params: { workerId } }).then((list) => {
      setCvs(list.items);
      setSelected((s) => s ?? list.items.at(-1)?.id ?? null);
    }, setError);
  }, [workerId]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const cv = await call(cvEndpoints.create, { params: { workerId }, body: { title } });
      setCvs((list) => [...(list ?? []), cv]);
      setSelected(cv.id);
      setTitle('');
      notice.show('success', t('cv.created'));
    } catch (err) {
      setError(err);
    }
  }

  const current = cvs?.find((c) => c.id === selected) ?? null;
  return (
    <>
      <PageTitle lead={t('cv.lead')}>{t('cv.title', { name: name || '…' })}</PageTitle>
      <p>
        <Link to={`/lavoratori/${workerId}`}>{t('cv.backToWorker')}</Link>
      </p>
      <ProblemAlert error={error} />
      <div className="row">
        <section aria-labelledby="cv-list-h" className="col-12 col-lg-4 mb-4">
          <h2 id="cv-list-h" className="h4">
            {t('cv.list')}
          </h2>
          {cvs && cvs.length === 0 && <p>{t('cv.none')}</p>}
          <ul className="list-unstyled">
            {(cvs ?? []).map((cv) => (
              <li key={cv.id} className="mb-2">
                <button
                  type="button"
                  className={`btn btn-sm text-start w-100 ${cv.id === selected ? 'btn-primary' : 'btn-outline-primary'}`}
                  aria-pressed={cv.id === selected}
                  onClick={() => setSelected(cv.id)}
                >
                  <span className="d-block fw-semibold">{cv.title}</span>
                  <span className="d-block small">
                    {t(`cv.languages.${cv.language}`)} · {t('cv.version', { version: cv.version })} · {formatDateTime(cv.updatedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {canEdit && (
            <form onSubmit={create} className="mt-3">
              <TextField label={t('cv.newTitle')} help={t('cv.newTitleHelp')} value={title} onChange={setTitle} required maxLength={200} />
              <button type="submit" className="btn btn-primary" disabled={!title.trim()}>
                {t('cv.create')}
              </button>
            </form>
          )}
        </section>
        <div className="col-12 col-lg-8">
          {current && (
            <CvEditor
              key={`${current.id}-${current.version}`}
              workerId={workerId}
              cv={current}
              canEdit={canEdit}
              onSaved={(cv) => setCvs((list) => (list ?? []).map((c) => (c.id === cv.id ? cv : c)))}
            />
          )}
        </div>
      </div>
    </>
  );
}
