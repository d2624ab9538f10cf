import { useEffect, useRef } from 'react';

/** The page's h1, also set as the document title and focused on navigation for screen readers. */
export function PageTitle({ children, lead }: { children: string; lead?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Ricolloca`;
    ref.current?.focus();
  }, [children]);
  return (
    <div className="mb-4">
      <h1 ref={ref} tabIndex={-1} className="h2">
        {children}
      </h1>
      {lead && <p className="lead">{lead}</p>}
    </div>
  );
}
