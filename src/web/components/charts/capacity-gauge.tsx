import { useId } from 'react';

/**
 * Places taken out of the capacity as a bar, with the figures in text beside it: the bar is an
 * image named by the same sentence, so a screen reader hears the numbers once.
 */
export function CapacityGauge({ used, capacity, label, text }: { used: number; capacity: number; label: string; text: string }) {
  const id = useId();
  const pct = capacity > 0 ? Math.min(100, (used / capacity) * 100) : 0;
  const full = used >= capacity;
  return (
    <div className="mb-2">
      <p id={id} className="mb-1 fw-semibold">
        {label}: {text}
      </p>
      <svg role="img" aria-labelledby={id} width="100%" height="20" className="d-block">
        <rect x="0" y="0" width="100%" height="20" rx="3" fill="#f0f3f6" stroke="#5c6f82" strokeWidth="1" />
        <rect x="0" y="0" width={`${pct}%`} height="20" rx="3" fill={full ? '#a66300' : '#008758'} />
      </svg>
    </div>
  );
}
