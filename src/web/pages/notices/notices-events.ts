/** Marking a notice read on /avvisi tells the header's «Avvisi» count to ask again. */
export const NOTICES_CHANGED = 'ricolloca:notices-changed';

export function announceNoticesChanged() {
  window.dispatchEvent(new Event(NOTICES_CHANGED));
}

/** The page a notice leads to. */
export function noticePath(link: { to: 'worker' | 'vacancy' | 'programme'; id: string }): string {
  if (link.to === 'worker') return `/lavoratori/${link.id}`;
  if (link.to === 'vacancy') return `/offerte/${link.id}`;
  return `/programmi/${link.id}`;
}
