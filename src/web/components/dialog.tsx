import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the browser traps focus and Esc closes it. Pages render it only while
 * open, so it is removed rather than closed, and the browser's own focus return never runs: the
 * element that had focus when it opened (the opener) gets it back here (WCAG 2.4.3 Focus Order).
 * When the opener is gone (the action changed its row), focus goes to the page's heading.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const opener = useRef<Element | null>(null);
  // Layout effect: read the opener before anything inside the dialog takes focus.
  useLayoutEffect(() => {
    opener.current = document.activeElement;
    return () => {
      const back = opener.current;
      // After React has removed the dialog: focus moves only once it is out of the document.
      queueMicrotask(() => {
        if (back instanceof HTMLElement && back.isConnected) back.focus();
        else document.querySelector<HTMLElement>('main h1')?.focus();
      });
    };
  }, []);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={id} onCancel={(event) => { event.preventDefault(); onClose(); }} className="border-0 rounded shadow p-4" style={{ maxWidth: 'min(640px, 94vw)', width: '100%' }}>
      <h2 id={id} className="h5">{title}</h2>
      {children}
    </dialog>
  );
}
