import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionView } from '../../shared/schemas/auth.schema';
import { authEndpoints } from '../../shared/api/auth.endpoints';
import { ApiError, call, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { setLanguage } from '../i18n/i18n';

interface SessionState {
  session: SessionView | null;
  loading: boolean;
  /** The server is still preparing its database (first start): the session is asked for again shortly. */
  starting: boolean;
  /** `remember` ("Ricordami"): the session cookie outlives the browser; otherwise it ends with it. */
  signIn(email: string, password: string, remember?: boolean): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  switchOffice(officeId: string): Promise<void>;
  can(capability: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<SessionView | null>(null);
  const [loading, setLoading] = useState(true);
  const [starting, setStarting] = useState(false);

  const setSession = useCallback((next: SessionView | null) => {
    setCsrfToken(next?.csrfToken ?? '');
    setSessionState(next);
  }, []);

  const refresh = useCallback(async (): Promise<void> => {
    try {
      setSession(await call(authEndpoints.session));
      setStarting(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setSession(null);
        setStarting(false);
      } else if (err instanceof ApiError && err.code === 'SERVICE_STARTING') {
        setStarting(true);
        setTimeout(() => void refresh(), 2000);
      } else throw err;
    } finally {
      setLoading(false);
    }
  }, [setSession]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(null));
    void refresh();
  }, [refresh, setSession]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading,
      starting,
      async signIn(email, password, remember = false) {
        const next = await call(authEndpoints.signIn, { body: { email, password, remember } });
        setSession(next);
        await setLanguage(next.user.language);
      },
      async signOut() {
        try {
          await call(authEndpoints.signOut);
        } finally {
          setSession(null);
        }
      },
      refresh,
      async switchOffice(officeId) {
        setSession(await call(authEndpoints.switchOffice, { body: { officeId } }));
      },
      can: (capability) => session?.capabilities.includes(capability) ?? false,
    }),
    [session, loading, starting, refresh, setSession],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
