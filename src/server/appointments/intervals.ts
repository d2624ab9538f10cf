/**
 * Time intervals as [start, end) pairs of UTC milliseconds, for the slot computation: merge,
 * subtract, and an index by day that avoids sorting a whole agenda to read one day of it.
 */

export type Span = [number, number];

/** Sorted by start, overlapping and touching intervals merged. */
export function coalesce(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else if (s[1] > s[0]) out.push([s[0], s[1]]);
  }
  return out;
}

/** `spans` minus `cuts` (both sorted and coalesced). */
export function subtract(spans: Span[], cuts: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  for (const [from, to] of spans) {
    let a = from;
    while (i < cuts.length && cuts[i]![1] <= a) i++;
    for (let j = i; j < cuts.length && cuts[j]![0] < to; j++) {
      if (cuts[j]![0] > a) out.push([a, cuts[j]![0]]);
      a = Math.max(a, cuts[j]![1]);
    }
    if (a < to) out.push([a, to]);
  }
  return out;
}

const DAY_MS = 86_400_000;

/**
 * Intervals bucketed by UTC day: built in one pass, and only the days a query reads are sorted, so
 * the first free slots of tomorrow cost nothing for the meetings of the weeks after.
 */
export class DayBuckets {
  private readonly buckets = new Map<number, Span[]>();
  /** `widen`: milliseconds added before and after each interval (the consultant's buffer). */
  constructor(intervals: readonly { start: Date; end: Date }[] | undefined, window: Span, widen = 0) {
    for (const interval of intervals ?? []) {
      const a = Math.max(interval.start.getTime() - widen, window[0]);
      const b = Math.min(interval.end.getTime() + widen, window[1]);
      if (!(b > a)) continue;
      const span: Span = [a, b];
      for (let d = Math.floor(a / DAY_MS); d <= Math.floor((b - 1) / DAY_MS); d++) {
        const bucket = this.buckets.get(d);
        if (bucket) bucket.push(span);
        else this.buckets.set(d, [span]);
      }
    }
  }
  /** The intervals overlapping [from, to), sorted and coalesced. */
  within(from: number, to: number): Span[] {
    const found: Span[] = [];
    for (let d = Math.floor(from / DAY_MS); d <= Math.floor((to - 1) / DAY_MS); d++) {
      for (const s of this.buckets.get(d) ?? []) if (s[0] < to && s[1] > from) found.push(s);
    }
    return coalesce(found);
  }
}

/** Whether [from, to) overlaps none of the sorted, coalesced spans (binary search). */
export function isFreeIn(spans: Span[], from: number, to: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo >= spans.length || spans[lo]![0] >= to;
}
