import { Alert } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationEndpoints } from '../../../shared/api/applications.endpoints';
import { HIRE_FACT_NAMES, type ApplicationDetail, type HireFactName } from '../../../shared/schemas/applications.schema';
import { call } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime } from '../../i18n/i18n';
import { formatEuroCents } from '../../../shared/text/euro';

type Incentive = NonNullable<ApplicationDetail['incentives']>['applicable'][number];

const euro = formatEuroCents;

function IncentiveList({ title, items, lang }: { title: string; items: Incentive[]; lang: 'it' | 'en' }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <>
      <h5 className="h6 mt-2">{title}</h5>
      <ul className="list-unstyled">
        {items.map((i) => (
          <li key={i.code} className="mb-2">
            <strong>{i.name[lang]}</strong>
            {i.months !== null && <span className="small"> · {t('applications.offer.months', { months: i.months })}</span>}
            <div className="small">{i.benefit[lang]}</div>
            <ul className="small">
              {i.reasons.map((r) => (
                <li key={r.it}>{r[lang]}</li>
              ))}
            </ul>
            {i.caveat && (
              <div className="small">
                <strong>{t('applications.offer.caveat')}:</strong> {i.caveat[lang]}
              </div>
            )}
            <div className="small">
              {t('applications.offer.source')}:{' '}
              <a href={i.source.url} target="_blank" rel="noreferrer">
                {i.source.act}, art. {i.source.article} comma {i.source.comma}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The contract side of an application at offer or hired: the offer's terms with the CCNL minimum
 * warning (a warning, the offer was accepted), the contract checklist to tick, and the hiring
 * incentives with their legal sources.
 */
export function ApplicationContractPanel({ applicationId, canTick }: { applicationId: string; canTick: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const { data, error } = useApiQuery(applicationEndpoints.get, { params: { id: applicationId } }, [applicationId]);
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [tickError, setTickError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [factError, setFactError] = useState<unknown>(null);
  const a = detail ?? data;
  const answer = async (name: HireFactName, value: string) => {
    setBusy(name);
    setFactError(null);
    try {
      const fact = value === 'yes' ? true : value === 'no' ? false : null;
      setDetail(await call(applicationEndpoints.hireFacts, { params: { id: applicationId }, body: { [name]: fact } }));
    } catch (err) {
      setFactError(err);
    } finally {
      setBusy(null);
    }
  };
  const tick = async (itemCode: string, done: boolean) => {
    setBusy(itemCode);
    setTickError(null);
    try {
      setDetail(await call(applicationEndpoints.tickChecklist, { params: { id: applicationId }, body: { itemCode, done } }));
    } catch (err) {
      setTickError(err);
    } finally {
      setBusy(null);
    }
  };
  if (!a) return <ProblemAlert error={error} />;
  const o = a.offer;
  return (
    <div className="mt-2 border-top pt-2">
      {a.placementId && (
        <p className="small">
          <Link to={`/assunzioni/${a.placementId}`}>{t('applications.offer.placementLink')}</Link>
        </p>
      )}
      <h4 className="h6">{t('applications.offer.terms')}</h4>
      {o ? (
        <p className="small mb-2">
          {t('applications.offer.termsLine', {
            contract: t(`vacancies.contract.${o.contractType}`),
            ccnl: o.ccnlCode,
            level: o.ccnlLevel,
            hours: String(o.weeklyHours).replace('.', lang === 'it' ? ',' : '.'),
            pay: euro(o.monthlyGrossCents, lang),
            start: new Date(`${o.startDate}T12:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'it-IT'),
          })}
          {o.probationDays > 0 && ` · ${t('applications.offer.probationLine', { days: o.probationDays })}`}
        </p>
      ) : (
        <p className="small">{t('applications.offer.noTerms')}</p>
      )}
      {a.warnings.map((w) => (
        <Alert key={w.code} color="warning">
          <strong>{t('applications.offer.warningTitle')}:</strong> {w.messages[lang]}
        </Alert>
      ))}
      {a.checklist && (
        <fieldset className="mb-2">
          <legend className="h6">{t('applications.offer.checklist')}</legend>
          {a.checklist.map((item) => (
            <div key={item.code} className="form-check">
              <input
                id={`check-${applicationId}-${item.code}`}
                type="checkbox"
                checked={item.done}
                disabled={!canTick || busy !== null}
                onChange={(e) => void tick(item.code, e.target.checked)}
              />
              <label htmlFor={`check-${applicationId}-${item.code}`} className="text-wrap">
                {item.label[lang]}
              </label>
              <div className="small ms-4">
                {item.help[lang]}
                {item.sourceUrl && (
                  <>
                    {' '}
                    <a href={item.sourceUrl} target="_blank" rel="noreferrer">
                      {t('applications.offer.source')}
                    </a>
                  </>
                )}
                {item.done && item.doneAt && (
                  <div>{t('applications.offer.doneBy', { name: item.doneByName ?? '—', at: formatDateTime(item.doneAt) })}</div>
                )}
              </div>
            </div>
          ))}
          <ProblemAlert error={tickError} />
        </fieldset>
      )}
      {a.incentives && (
        <section>
          <h4 className="h6">{t('applications.offer.incentives')}</h4>
          {a.hireFacts && (
            <fieldset className="mb-2">
              <legend className="h6">{t('applications.offer.facts')}</legend>
              <p className="small">{t('applications.offer.factsHelp')}</p>
              {HIRE_FACT_NAMES.map((name) => {
                const value = a.hireFacts![name];
                return (
                  <SelectField
                    key={name}
                    className="mb-2"
                    label={t(`applications.offer.factQuestions.${name}`)}
                    value={value === true ? 'yes' : value === false ? 'no' : 'unknown'}
                    disabled={!canTick || busy !== null}
                    onChange={(v) => void answer(name, v)}
                    options={(['unknown', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`applications.offer.factValues.${v}`) }))}
                  />
                );
              })}
              <ProblemAlert error={factError} />
            </fieldset>
          )}
          <IncentiveList title={t('applications.offer.applicable')} items={a.incentives.applicable} lang={lang} />
          <IncentiveList title={t('applications.offer.toCheck')} items={a.incentives.toCheck} lang={lang} />
          <IncentiveList title={t('applications.offer.notApplicable')} items={a.incentives.notApplicable} lang={lang} />
        </section>
      )}
    </div>
  );
}
