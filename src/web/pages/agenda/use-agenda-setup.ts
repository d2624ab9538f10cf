import { agendaEndpoints } from '../../../shared/api/appointments.endpoints';
import { useApiQuery } from '../../hooks/use-api-query';
import { useSession } from '../../session/session-context';

/** The office's appointment types, consultants and rooms (the session's current office unless given). */
export function useAgendaSetup(officeId?: string) {
  const { session } = useSession();
  const office = officeId ?? session?.currentOfficeId ?? '';
  const query = useApiQuery(agendaEndpoints.setup, { query: { officeId: office } }, [office], { enabled: Boolean(office) });
  return { officeId: office, ...query };
}
