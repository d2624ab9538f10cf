// Pure helpers behind the taxonomy autocomplete: the API's URLs, the debounced latest-wins search
// and the listbox keyboard moves; the payload types come from the shared schema. No React, no
// i18n, no DOM: unit-tested in node.

import type { ComuneItem, DataSource, NearbyComuni, TaxonomyItem } from '../../shared/schemas/taxonomy.schema';

export type { ComuneItem, DataSource, TaxonomyItem };
/** A comune of the nearby list, with its distance from the origin. */
export type NearbyComune = NearbyComuni['items'][number];

/** The search endpoints, one per autocomplete kind. */
export const TAXONOMY_SEARCHES = ['occupations', 'skills', 'sectors', 'comuni', 'education', 'ccnl'] as const;
export type TaxonomySearchKind = (typeof TAXONOMY_SEARCHES)[number];

export const MIN_QUERY_LENGTH = 2;
export const SEARCH_DELAY_MS = 150;
export const DEFAULT_LIMIT = 10;
export const MIN_RADIUS_KM = 1;
export const MAX_RADIUS_KM = 200;

const TAXONOMY_BASE = '/api/v1/taxonomy';

export function searchUrl(kind: TaxonomySearchKind, query: string, options: { limit?: number; lang: 'it' | 'en' }): string {
  const params = new URLSearchParams({ q: query, limit: String(options.limit ?? DEFAULT_LIMIT), lang: options.lang });
  return `${TAXONOMY_BASE}/${kind}?${params.toString()}`;
}

export function nearbyUrl(istatCode: string, radiusKm: number): string {
  return `${TAXONOMY_BASE}/comuni/${encodeURIComponent(istatCode)}/nearby?radiusKm=${radiusKm}`;
}

export function distanceUrl(from: string, to: string): string {
  return `${TAXONOMY_BASE}/distance?${new URLSearchParams({ from, to }).toString()}`;
}

export const SOURCES_URL = `${TAXONOMY_BASE}/sources`;

export const isComune = (item: TaxonomyItem | null | undefined): item is ComuneItem => item?.kind === 'comune' && 'lat' in item;

/** A radius the nearby endpoint accepts (whole km, 1–200), or null. */
export function parseRadius(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= MIN_RADIUS_KM && value <= MAX_RADIUS_KM ? value : null;
}

/** Kilometres with one decimal, in the interface's locale: "15,8" in Italian, "15.8" in English. */
export function formatKm(distanceKm: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(distanceKm);
}

/** The secondary text of an option: the alternative label the query matched, when it is not the label. */
export function alternativeLabel(item: TaxonomyItem): string | null {
  const matched = item.matchedLabel?.trim();
  if (!matched || matched.toLocaleLowerCase() === item.label.trim().toLocaleLowerCase()) return null;
  return matched;
}

/** Short, language-neutral names of the classifications, for the secondary line of an option. */
const KIND_TAGS: Partial<Record<TaxonomyItem['kind'], string>> = {
  esco_occupation: 'ESCO',
  esco_skill: 'ESCO',
  isco_group: 'ISCO-08',
  cp2011: 'CP2011',
  ateco2025: 'ATECO 2025',
  ateco2007: 'ATECO 2007',
  eqf: 'EQF',
  ccnl: 'CCNL',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The parts of an option's secondary line: the code (unless it is an opaque ESCO identifier), the
 * classification (unless the API's detail already names it) and the detail ("ISCO 7212", "MO" …).
 */
export function optionMeta(item: TaxonomyItem): string[] {
  const tag = KIND_TAGS[item.kind];
  const parts: string[] = [];
  if (item.code && !UUID.test(item.code)) parts.push(item.code);
  if (tag && !item.detail?.includes(tag)) parts.push(tag);
  if (item.detail) parts.push(item.detail);
  return parts;
}

/**
 * The language of a text from the sources list, which the API does not tag: its texts are Italian
 * except ESCO's own English name and attribution sentence, recognised by their English words.
 */
export function sourceTextLanguage(text: string): 'it' | 'en' {
  return /\b(the|of|and|uses)\b/i.test(text) ? 'en' : 'it';
}

export type ListMove = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/** The next active option index (-1 = none) for a key, wrapping at both ends as the APG example does. */
export function moveActive(current: number, move: ListMove, count: number): number {
  if (count <= 0) return -1;
  switch (move) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

export interface SearchCallbacks<T> {
  /** The query is too short to search: nothing is requested and earlier answers are dropped. */
  onShort(query: string): void;
  onStart(query: string): void;
  onResults(query: string, items: T[]): void;
  onError(query: string, error: unknown): void;
}

export interface DebouncedSearch {
  update(text: string): void;
  /** Forgets any pending or running search (after a choice, or on unmount). */
  cancel(): void;
}

/**
 * Debounced type-ahead search where only the latest query may answer: every new keystroke (or
 * cancel) advances a sequence number, and a response carrying an older number is ignored, so a
 * slow answer to "sal" can never overwrite the answer to "saldat".
 */
export function createDebouncedSearch<T>(
  fetchItems: (query: string) => Promise<T[]>,
  callbacks: SearchCallbacks<T>,
  options: { delayMs?: number; minLength?: number } = {},
): DebouncedSearch {
  const delayMs = options.delayMs ?? SEARCH_DELAY_MS;
  const minLength = options.minLength ?? MIN_QUERY_LENGTH;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    sequence += 1;
    return sequence;
  };

  return {
    update(text) {
      const mine = stop();
      const query = text.trim();
      if (query.length < minLength) {
        callbacks.onShort(query);
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        callbacks.onStart(query);
        fetchItems(query).then(
          (items) => {
            if (mine === sequence) callbacks.onResults(query, items);
          },
          (error: unknown) => {
            if (mine === sequence) callbacks.onError(query, error);
          },
        );
      }, delayMs);
    },
    cancel() {
      stop();
    },
  };
}
