import { Alert } from 'design-react-kit';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Tone = 'success' | 'danger' | 'info' | 'warning';
interface Notice {
  tone: Tone;
  text: string;
}
interface NoticeApi {
  show(tone: Tone, text: string): void;
  clear(): void;
}

const NoticeContext = createContext<NoticeApi>({ show: () => {}, clear: () => {} });

/** One live region for confirmations, announced by screen readers (role=status). */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const clear = useCallback(() => setNotice(null), []);
  const api = useMemo(() => ({ show: (tone: Tone, text: string) => setNotice({ tone, text }), clear }), [clear]);
  return (
    <NoticeContext.Provider value={api}>
      <div role="status" aria-live="polite" className="container">
        {notice && (
          <Alert color={notice.tone} className="mt-3" toggle={clear} closeAriaLabel="×">
            {notice.text}
          </Alert>
        )}
      </div>
      {children}
    </NoticeContext.Provider>
  );
}

export const useNotice = () => useContext(NoticeContext);
