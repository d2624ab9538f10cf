import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EmployerHistory, ResponseIndicator } from '../../../shared/schemas/employer-history.schema';
import { VACANCY_STATES } from '../../../shared/schemas/vacancies.schema';

const days = (d: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', { maximumFractionDigits: 1 }).format(d);

/** The indicator in words: «ha risposto a 7 candidati su 9; in mediana dopo 4 giorni», or «nessun candidato inviato». */
export function responseInWords(t: TFunction, language: string, r: ResponseIndicator): string {
  if (r.sent === 0 || r.considered === 0) return t('employers.history.noneSent');
  if (r.answered === 0) return t('employers.history.answeredNone', { count: r.considered, considered: r.considered });
  const answered = t('employers.history.answered', { count: r.answered, considered: r.considered });
  if (r.medianDaysToAnswer === null) return answered;
  if (r.medianDaysToAnswer < 1) return `${answered}; ${t('employers.history.medianSameDay')}`;
  return `${answered}; ${t('employers.history.median', { count: r.medianDaysToAnswer, days: days(r.medianDaysToAnswer, language) })}`;
}

/** The list's column: «7 su 9 · 4 gg», with the full sentence for screen readers and on hover. */
export function ResponseCell({ response }: { response: ResponseIndicator }) {
  const { t, i18n } = useTranslation();
  const words = responseInWords(t, i18n.language, response);
  if (response.considered === 0) return <>{words}</>;
  const short =
    response.medianDaysToAnswer === null
      ? t('employers.history.short', { answered: response.answered, considered: response.considered })
      : t('employers.history.shortMedian', {
          answered: response.answered,
          considered: response.considered,
          days: days(response.medianDaysToAnswer, i18n.language),
        });
  return (
    <span title={words}>
      <span aria-hidden="true">{short}</span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/** «Storico con la rete» on the employer's page: vacancies by state, candidates sent, answers, interviews, hires, the indicator. */
export function EmployerHistorySection({ history }: { history: EmployerHistory }) {
  const { t, i18n } = useTranslation();
  const vacancies = VACANCY_STATES.filter((s) => (history.vacancies[s] ?? 0) > 0)
    .map((s) => `${t(`vacancies.state.${s}`)}: ${history.vacancies[s]}`)
    .join(' · ');
  const r = history.response;
  return (
    <section aria-labelledby="employer-history-h" className="mb-4">
      <h2 id="employer-history-h" className="h4">
        {t('employers.history.title')}
      </h2>
      <p className="lead" data-testid="employer-response">
        {r.considered === 0
          ? t('employers.history.noneSentSentence')
          : t('employers.history.lead', { words: responseInWords(t, i18n.language, r) })}
      </p>
      <dl className="row">
        <dt className="col-sm-4">{t('employers.history.vacancies')}</dt>
        <dd className="col-sm-8">{vacancies || t('employers.history.vacanciesNone')}</dd>
        <dt className="col-sm-4">{t('employers.history.sent')}</dt>
        <dd className="col-sm-8">{r.sent}</dd>
        <dt className="col-sm-4">{t('employers.history.answered')}</dt>
        <dd className="col-sm-8">{r.answered}</dd>
        <dt className="col-sm-4">{t('employers.history.interviews')}</dt>
        <dd className="col-sm-8">{history.interviews}</dd>
        <dt className="col-sm-4">{t('employers.history.hires')}</dt>
        <dd className="col-sm-8">{history.hires}</dd>
      </dl>
      <p className="small text-muted">{t('employers.history.explained')}</p>
    </section>
  );
}
