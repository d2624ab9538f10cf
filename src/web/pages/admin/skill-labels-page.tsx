import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { skillLabelEndpoints } from '../../../shared/api/taxonomy.endpoints';
import type { SkillLabelsImportResult, SkillTranslation } from '../../../shared/schemas/skill-labels.schema';
import type { TaxonomyItem } from '../../../shared/schemas/taxonomy.schema';
import { call } from '../../api/client';
import { Autocomplete } from '../../components/autocomplete';
import { useNotice } from '../../components/notice';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { TextAreaField, TextField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';

interface Editing {
  conceptUri: string;
  name: string;
  label: string;
  alternatives: string;
}

const editingOf = (item: SkillTranslation): Editing => ({
  conceptUri: item.conceptUri,
  name: item.escoLabelIt ?? item.escoLabelEn ?? item.conceptUri,
  label: item.networkLabel?.label ?? '',
  alternatives: item.networkLabel?.alternatives.join('\n') ?? '',
});

/** /amministrazione/traduzioni-competenze: the network's Italian labels of ESCO skills. */
export function SkillLabelsPage() {
  const { t } = useTranslation();
  const notice = useNotice();
  const list = useApiQuery(skillLabelEndpoints.list, {}, []);
  const [skill, setSkill] = useState<TaxonomyItem | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<SkillLabelsImportResult | null>(null);
  const [importError, setImportError] = useState<unknown>(null);

  function pick(item: TaxonomyItem | null) {
    setSkill(item);
    if (!item) return;
    const known = list.data?.items.find((i) => i.conceptUri === item.id);
    setEditing(known ? editingOf(known) : { conceptUri: item.id, name: item.label, label: '', alternatives: '' });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      await call(skillLabelEndpoints.put, {
        body: {
          conceptUri: editing.conceptUri,
          label: editing.label,
          alternatives: editing.alternatives
            .split('\n')
            .map((a) => a.trim())
            .filter(Boolean),
        },
      });
      notice.show('success', t('skillLabels.saved'));
      setEditing(null);
      setSkill(null);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function remove(conceptUri: string) {
    try {
      await call(skillLabelEndpoints.remove, { query: { conceptUri } });
      notice.show('success', t('skillLabels.removed'));
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function runImport(dryRun: boolean) {
    if (!file) return;
    setImportError(null);
    try {
      const answer = await call(skillLabelEndpoints.import, { body: { csv: await file.text(), dryRun } });
      setResult(answer);
      if (answer.applied) {
        notice.show('success', t('skillLabels.applied'));
        list.reload();
      }
    } catch (err) {
      setImportError(err);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle lead={t('skillLabels.lead')}>{t('skillLabels.title')}</PageTitle>
      <section aria-labelledby="skill-label-edit-h" className="mb-4">
        <h2 id="skill-label-edit-h" className="h4">
          {editing ? editing.name : t('skillLabels.add')}
        </h2>
        <Autocomplete kind="skills" id="skill-label-skill" label={t('skillLabels.skill')} value={skill} onChange={pick} />
        {editing && (
          <form onSubmit={save} noValidate>
            <p className="small text-muted">
              {t('skillLabels.uri')}: <code>{editing.conceptUri}</code>
            </p>
            <TextField
              label={t('skillLabels.label')}
              value={editing.label}
              required
              onChange={(label) => setEditing({ ...editing, label })}
            />
            <TextAreaField
              label={t('skillLabels.alternatives')}
              help={t('skillLabels.alternativesHelp')}
              value={editing.alternatives}
              rows={3}
              onChange={(alternatives) => setEditing({ ...editing, alternatives })}
            />
            <ProblemAlert error={error} />
            <Button color="primary" type="submit">
              {t('skillLabels.save')}
            </Button>
          </form>
        )}
      </section>

      <section aria-labelledby="skill-label-list-h" className="mb-4">
        <h2 id="skill-label-list-h" className="h4">
          {t('skillLabels.listTitle')}
        </h2>
        <ProblemAlert error={list.error} />
        {items.length === 0 && !list.loading && <p>{t('skillLabels.empty')}</p>}
        {items.length > 0 && (
          <div className="table-responsive">
            <table className="table table-sm align-middle">
              <thead>
                <tr>
                  <th scope="col">{t('skillLabels.english')}</th>
                  <th scope="col">{t('skillLabels.network')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('skillLabels.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.conceptUri}>
                    <td lang="en">
                      {item.escoLabelEn ?? item.conceptUri}
                      {item.escoLabelIt && (
                        <div className="small" lang="it">
                          {t('skillLabels.escoItalian')}: {item.escoLabelIt}
                        </div>
                      )}
                    </td>
                    <td>
                      {item.networkLabel ? (
                        <>
                          {item.networkLabel.label}
                          {item.networkLabel.alternatives.length > 0 && (
                            <div className="small">{item.networkLabel.alternatives.join(' · ')}</div>
                          )}
                          <div className="small text-muted">
                            {t('skillLabels.updated', {
                              who: item.networkLabel.updatedByName ?? '—',
                              when: formatDateTime(item.networkLabel.updatedAt),
                            })}
                          </div>
                        </>
                      ) : (
                        <em>{t('skillLabels.missing')}</em>
                      )}
                    </td>
                    <td className="text-nowrap">
                      <Button color="primary" outline size="sm" className="me-1" onClick={() => setEditing(editingOf(item))}>
                        {t('skillLabels.edit')}
                      </Button>
                      {item.networkLabel && (
                        <Button color="danger" outline size="sm" onClick={() => void remove(item.conceptUri)}>
                          {t('skillLabels.remove')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="skill-label-import-h" className="mb-4">
        <h2 id="skill-label-import-h" className="h4">
          {t('skillLabels.importTitle')}
        </h2>
        <p id="skill-label-import-help">{t('skillLabels.importHelp')}</p>
        <div className="mb-3">
          <label htmlFor="skill-label-file" className="form-label">
            {t('skillLabels.file')}
          </label>
          <input
            id="skill-label-file"
            type="file"
            accept=".csv,text/csv"
            className="form-control"
            aria-describedby="skill-label-import-help"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <Button color="primary" outline className="me-2" disabled={!file} onClick={() => void runImport(true)}>
          {t('skillLabels.dryRun')}
        </Button>
        <Button
          color="primary"
          disabled={!file || !result || !result.dryRun || result.errors.length > 0}
          onClick={() => void runImport(false)}
        >
          {t('skillLabels.apply')}
        </Button>
        <ProblemAlert error={importError} />
        {result && (
          <div role="status" className="mt-3">
            <p>{t('skillLabels.result', { rows: result.rows, added: result.added, replaced: result.replaced })}</p>
            {result.errors.length > 0 && (
              <>
                <p>{t('skillLabels.notApplied')}</p>
                <ul>
                  {result.errors.map((e) => (
                    <li key={`${e.line}-${e.message}`}>{t('skillLabels.rowError', { line: e.line, message: e.message })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}
