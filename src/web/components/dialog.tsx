import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the browser traps focus and Esc closes it. Pages render it only while
 * open, so it is removed rather than closed, and the browser's own focus return never runs: the
 * element that had focus when it opened (the opener) gets it back here (WCAG 2.4.3 Focus Order).
 * When the opener is gone (the action changed its row), focus goes to the page's heading.
 */
/**
 * The opener itself, or, when a list re-rendered while the dialog was open, the element that took
 * its place (same id or same accessible name); the page's heading when it is gone for good.
 */
/** The element that opened the dialog showing now (kept across a remount of that dialog). */
let lastOpener: Element | null = null;

function focusOpener(opener: Element | null) {
  let target: HTMLElement | null = opener instanceof HTMLElement && opener.isConnected ? opener : null;
  if (!target && opener instanceof HTMLElement) {
    const label = opener.getAttribute('aria-label');
    target =
      (opener.id ? document.getElementById(opener.id) : null) ??
      (label ? document.querySelector<HTMLElement>(`${opener.tagName.toLowerCase()}[aria-label="${CSS.escape(label)}"]`) : null);
  }
  (target ?? document.querySelector<HTMLElement>('main h1'))?.focus();
}

export function Dialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const opener = useRef<Element | null>(null);
  // Layout effect: read the opener before anything inside the dialog takes focus. A dialog that
  // mounts again while showing (its parent re-rendered it) finds focus inside the old one: it
  // keeps the opener the first mount saw.
  useLayoutEffect(() => {
    const active = document.activeElement;
    opener.current = active?.closest('dialog') ? lastOpener : active;
    lastOpener = opener.current;
    return () => {
      const back = opener.current;
      // After React has removed the dialog; if a dialog is still in the page (this one mounted
      // again), it is not closing and focus stays inside it.
      queueMicrotask(() => {
        if (!document.querySelector('dialog')) focusOpener(back);
      });
    };
  }, []);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="border-0 rounded shadow p-4"
      style={{ maxWidth: 'min(640px, 94vw)', width: '100%' }}
    >
      <h2 id={id} className="h5">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
