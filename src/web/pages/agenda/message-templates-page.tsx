import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SelectField } from '../../components/text-field';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';
import { MessageTemplateEditor } from './message-template-editor';

const KINDS = ['confirmation', 'change', 'cancellation', 'reminder'] as const;

/**
 * The texts of the agenda's messages to workers (confirmation, change, cancellation, reminder), by
 * e-mail and SMS, for the whole network. Everyone who uses the agenda reads them; coordinators and
 * administrators change them (appointments.policy: canManageAgenda).
 */
export function MessageTemplatesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = can('agenda.manage');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('confirmation');
  const query = useApiQuery(agendaEndpoints.templates, {}, []);
  const items = (query.data?.items ?? []).filter((x) => x.kind === kind);
  return (
    <>
      <PageTitle lead={editable ? t('agenda.templates.lead') : t('agenda.templates.leadReadOnly')}>{t('agenda.templates.title')}</PageTitle>
      <p>
        <Link to="/agenda">{t('agenda.backToAgenda')}</Link>
      </p>
      <ProblemAlert error={query.error} />
      <div className="row">
        <SelectField
          className="col-12 col-md-6 col-lg-4"
          label={t('agenda.templates.kind')}
          value={kind}
          onChange={(v) => setKind(v as (typeof KINDS)[number])}
          options={KINDS.map((k) => ({ value: k, label: t(`agenda.messageKinds.${k}`) }))}
        />
      </div>
      {query.data && (
        <>
          <h2 className="h4">{t('agenda.templates.of', { kind: t(`agenda.messageKinds.${kind}`) })}</h2>
          <div className="row">
            {items.map((x) => (
              <MessageTemplateEditor
                key={`${x.kind}-${x.channel}`}
                template={x}
                placeholders={query.data!.placeholders}
                editable={editable}
                onSaved={() => query.reload()}
              />
            ))}
          </div>
        </>
      )}
    </>
  );
}
