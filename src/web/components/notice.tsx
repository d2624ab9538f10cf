import { Alert } from 'design-react-kit';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Tone = 'success' | 'danger' | 'info' | 'warning';
interface Notice {
  tone: Tone;
  text: string;
}
interface NoticeApi {
  notice: Notice | null;
  show(tone: Tone, text: string): void;
  clear(): void;
}

const NoticeContext = createContext<NoticeApi>({ notice: null, show: () => {}, clear: () => {} });

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const clear = useCallback(() => setNotice(null), []);
  const api = useMemo(() => ({ notice, show: (tone: Tone, text: string) => setNotice({ tone, text }), clear }), [notice, clear]);
  return <NoticeContext.Provider value={api}>{children}</NoticeContext.Provider>;
}

/** One live region for confirmations, announced by screen readers (role=status). */
export function NoticeRegion() {
  const { notice, clear } = useContext(NoticeContext);
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      {notice && (
        <Alert color={notice.tone} toggle={clear} closeAriaLabel={t('common.close')}>
          {notice.text}
        </Alert>
      )}
    </div>
  );
}

export const useNotice = () => useContext(NoticeContext);
