import { Button } from 'design-react-kit';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerCandidate } from '../../../shared/schemas/outreach.schema';
import { formatItalianDate } from '../../../shared/time/rome-date';
import { TextField } from '../../components/text-field';
import { shortOfficeName } from './call-outcome';
import { formatPhone } from '../workers/people-format';

export const NEW = 'new';

/**
 * A match the operator may take without choosing: same phone or same codice fiscale, in their
 * scope. A match on the name only is never preselected (two people share "Giuseppe Russo").
 */
export function strongMatch(candidates: WorkerCandidate[]): string {
  return candidates.find((c) => c.inScope && (c.matchedOn.includes('phone') || c.matchedOn.includes('codice_fiscale')))?.id ?? '';
}

/**
 * Known workers who may be the caller. Those of the operator's scope are radios (plus "new
 * worker"); those another office follows are shown masked, with the office's name and a way to
 * hand the call over to it.
 */
export function MatchList(props: {
  candidates: WorkerCandidate[];
  callerName: string;
  choice: string;
  onChoose(id: string): void;
  error?: string;
  busy: boolean;
  onHandOver(candidate: WorkerCandidate, reason: string): void;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const [handingOver, setHandingOver] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { candidates, choice, error } = props;
  const inScope = candidates.filter((c) => c.inScope);
  const others = candidates.filter((c) => !c.inScope);
  const radioError = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <fieldset className="mb-3" aria-live="polite" aria-describedby={error ? errorId : undefined}>
      <legend className="h6">{t('hotline.matches')}</legend>
      {error && (
        <div id={errorId} className="invalid-feedback d-block mb-2" role="alert">
          {error}
        </div>
      )}
      {candidates.length === 0 && <p className="mb-1">{t('hotline.noMatches')}</p>}
      {inScope.map((c) => (
        <div className="form-check" key={c.id}>
          <input
            className="form-check-input"
            type="radio"
            name="match"
            id={`m-${c.id}`}
            value={c.id}
            checked={choice === c.id}
            onChange={() => props.onChoose(c.id)}
            {...radioError}
          />
          <label className="form-check-label" htmlFor={`m-${c.id}`}>
            <strong>
              {c.firstName} {c.lastName}
            </strong>
            {c.phone && ` · ${formatPhone(c.phone)}`}
            {c.companyName && ` · ${c.companyName}`}
            {c.cigsEndDate && ` · ${t('hotline.cigsEnd', { date: formatItalianDate(c.cigsEndDate) })}`}
            {' · '}
            <span className="text-muted">{c.matchedOn.map((m) => t(`hotline.matchedOn.${m}`)).join(', ')}</span>
          </label>
        </div>
      ))}
      {candidates.length > 0 && (
        <div className="form-check">
          <input
            className="form-check-input"
            type="radio"
            name="match"
            id="m-new"
            value={NEW}
            checked={choice === NEW}
            onChange={() => props.onChoose(NEW)}
            {...radioError}
          />
          <label className="form-check-label" htmlFor="m-new">
            {t('hotline.newWorker', { name: props.callerName })}
          </label>
        </div>
      )}
      {others.length > 0 && (
        <ul className="list-unstyled mt-3 mb-0">
          {others.map((c) => {
            const office = shortOfficeName(c.officeName);
            return (
              <li key={c.id} className="border-start border-4 border-warning ps-3 mb-2">
                <p className="mb-1">
                  <strong>
                    {c.firstName} {c.lastName}
                  </strong>{' '}
                  · {t('hotline.otherOffice', { office })}
                  {' · '}
                  <span className="text-muted">{c.matchedOn.map((m) => t(`hotline.matchedOn.${m}`)).join(', ')}</span>
                </p>
                {handingOver === c.id ? (
                  <div>
                    <TextField
                      label={t('hotline.handoverReason')}
                      value={reason}
                      onChange={setReason}
                      maxLength={300}
                      autoFocus
                      autoComplete="off"
                    />
                    <div className="d-flex flex-wrap gap-2">
                      <Button
                        color="primary"
                        size="sm"
                        type="button"
                        disabled={props.busy}
                        onClick={() => props.onHandOver(c, reason.trim())}
                      >
                        {t('hotline.handoverConfirm', { office })}
                      </Button>
                      <Button color="secondary" outline size="sm" type="button" onClick={() => setHandingOver(null)}>
                        {t('hotline.cancel')}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <Button
                    color="primary"
                    outline
                    size="sm"
                    type="button"
                    onClick={() => {
                      setReason('');
                      setHandingOver(c.id);
                    }}
                  >
                    {t('hotline.handover', { office })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
