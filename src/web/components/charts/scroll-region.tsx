import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller, reachable and scrollable from the keyboard (axe
 * scrollable-region-focusable, WCAG 2.1.1) and named for screen readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-responsive" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
