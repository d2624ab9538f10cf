import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  alternativeLabel,
  createDebouncedSearch,
  distanceUrl,
  formatKm,
  moveActive,
  nearbyUrl,
  optionMeta,
  parseRadius,
  searchUrl,
  sourceTextLanguage,
  type TaxonomyItem,
} from './taxonomy-search';

const buildItem = (overrides: Partial<TaxonomyItem> = {}): TaxonomyItem => ({
  id: 'cp2011:6.2.1.2.0',
  kind: 'cp2011',
  code: '6.2.1.2.0',
  label: 'Saldatori e tagliatori a fiamma',
  labelLanguage: 'it',
  fallback: false,
  matchedLabel: 'Saldatori e tagliatori a fiamma',
  match: 'prefix',
  detail: null,
  ...overrides,
});

/** A fetch stand-in whose answers the test releases one by one, in any order. */
function deferredFetch() {
  const calls: Array<{ url: string; resolve(items: TaxonomyItem[]): void; reject(error: unknown): void }> = [];
  const fetchItems = vi.fn((query: string) => {
    const url = searchUrl('occupations', query, { lang: 'it' });
    return new Promise<TaxonomyItem[]>((resolve, reject) => calls.push({ url, resolve, reject }));
  });
  return { calls, fetchItems };
}

function recorder() {
  const events: string[] = [];
  return {
    events,
    callbacks: {
      onShort: (q: string) => events.push(`short:${q}`),
      onStart: (q: string) => events.push(`start:${q}`),
      onResults: (q: string, items: TaxonomyItem[]) => events.push(`results:${q}:${items.map((i) => i.label).join('|')}`),
      onError: (q: string, error: unknown) => events.push(`error:${q}:${String(error)}`),
    },
  };
}

describe('createDebouncedSearch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once, 150 ms after the last keystroke, for the full query', async () => {
    const { calls, fetchItems } = deferredFetch();
    const { events, callbacks } = recorder();
    const search = createDebouncedSearch(fetchItems, callbacks);
    for (const text of ['s', 'sa', 'sal', 'sald', 'salda', 'saldat']) {
      search.update(text);
      vi.advanceTimersByTime(50);
    }
    expect(fetchItems).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fetchItems).toHaveBeenCalledTimes(1);
    expect(calls[0]!.url).toBe('/api/v1/taxonomy/occupations?q=saldat&limit=10&lang=it');
    calls[0]!.resolve([buildItem()]);
    await vi.runAllTimersAsync();
    expect(events).toEqual(['short:s', 'start:saldat', 'results:saldat:Saldatori e tagliatori a fiamma']);
  });

  it('never asks for fewer than 2 characters, spaces not counted', () => {
    const { fetchItems } = deferredFetch();
    const { events, callbacks } = recorder();
    const search = createDebouncedSearch(fetchItems, callbacks);
    search.update(' m ');
    search.update('');
    vi.advanceTimersByTime(1000);
    expect(fetchItems).not.toHaveBeenCalled();
    expect(events).toEqual(['short:m', 'short:']);
  });

  it('ignores a slow answer to an older query that arrives after the newer one', async () => {
    const { calls, fetchItems } = deferredFetch();
    const { events, callbacks } = recorder();
    const search = createDebouncedSearch(fetchItems, callbacks);
    search.update('sal');
    vi.advanceTimersByTime(150);
    search.update('saldat');
    vi.advanceTimersByTime(150);
    expect(calls).toHaveLength(2);
    calls[1]!.resolve([buildItem()]);
    await vi.runAllTimersAsync();
    calls[0]!.resolve([buildItem({ label: 'Salumieri' })]);
    await vi.runAllTimersAsync();
    expect(events.filter((e) => e.startsWith('results'))).toEqual(['results:saldat:Saldatori e tagliatori a fiamma']);
  });

  it('drops answers and errors once the query became too short or the search was cancelled', async () => {
    const { calls, fetchItems } = deferredFetch();
    const { events, callbacks } = recorder();
    const search = createDebouncedSearch(fetchItems, callbacks);
    search.update('mod');
    vi.advanceTimersByTime(150);
    search.update('m');
    calls[0]!.resolve([buildItem({ label: 'Modena' })]);
    search.update('car');
    vi.advanceTimersByTime(150);
    search.cancel();
    calls[1]!.reject(new Error('boom'));
    search.update('pa');
    search.cancel();
    vi.advanceTimersByTime(1000);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(2);
    expect(events).toEqual(['start:mod', 'short:m', 'start:car']);
  });

  it('reports the error of the current query', async () => {
    const { calls, fetchItems } = deferredFetch();
    const { events, callbacks } = recorder();
    const search = createDebouncedSearch(fetchItems, callbacks);
    search.update('ccnl');
    vi.advanceTimersByTime(150);
    calls[0]!.reject(new Error('offline'));
    await vi.runAllTimersAsync();
    expect(events).toEqual(['start:ccnl', 'error:ccnl:Error: offline']);
  });
});

describe('moveActive', () => {
  it('enters the list at the first option with Down and at the last with Up', () => {
    expect(moveActive(-1, 'ArrowDown', 5)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 5)).toBe(4);
  });
  it('moves one step and wraps at both ends', () => {
    expect(moveActive(1, 'ArrowDown', 5)).toBe(2);
    expect(moveActive(4, 'ArrowDown', 5)).toBe(0);
    expect(moveActive(2, 'ArrowUp', 5)).toBe(1);
    expect(moveActive(0, 'ArrowUp', 5)).toBe(4);
  });
  it('jumps to the ends with Home and End, and stays nowhere in an empty list', () => {
    expect(moveActive(3, 'Home', 5)).toBe(0);
    expect(moveActive(1, 'End', 5)).toBe(4);
    expect(moveActive(-1, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('URLs, radius and formatting', () => {
  it('builds the contract’s URLs', () => {
    expect(searchUrl('comuni', 'modna', { lang: 'en', limit: 5 })).toBe('/api/v1/taxonomy/comuni?q=modna&limit=5&lang=en');
    expect(searchUrl('ccnl', 'metalmeccanici & affini', { lang: 'it' })).toBe(
      '/api/v1/taxonomy/ccnl?q=metalmeccanici+%26+affini&limit=10&lang=it',
    );
    expect(nearbyUrl('036023', 20)).toBe('/api/v1/taxonomy/comuni/036023/nearby?radiusKm=20');
    expect(distanceUrl('036023', '036005')).toBe('/api/v1/taxonomy/distance?from=036023&to=036005');
  });

  it('accepts whole radii from 1 to 200 km only', () => {
    expect(parseRadius('20')).toBe(20);
    expect(parseRadius(' 200 ')).toBe(200);
    for (const bad of ['', '0', '201', '2.5', '-3', 'venti', '1e2']) expect(parseRadius(bad)).toBeNull();
  });

  it('writes kilometres with one decimal in the interface language', () => {
    expect(formatKm(15.84, 'it')).toBe('15,8');
    expect(formatKm(15.84, 'en')).toBe('15.8');
    expect(formatKm(1234, 'it')).toBe('1234,0');
  });

  it('shows the matched label only when it is really another label', () => {
    expect(alternativeLabel(buildItem())).toBeNull();
    expect(alternativeLabel(buildItem({ matchedLabel: 'SALDATORI E TAGLIATORI A FIAMMA' }))).toBeNull();
    expect(alternativeLabel(buildItem({ label: 'welder', matchedLabel: 'arc welder' }))).toBe('arc welder');
  });

  it('names the classification once on the secondary line and hides opaque ESCO identifiers', () => {
    expect(optionMeta(buildItem({ detail: 'CP2011 · unità professionale' }))).toEqual(['6.2.1.2.0', 'CP2011 · unità professionale']);
    expect(optionMeta(buildItem({ kind: 'esco_occupation', code: '7212.1', detail: 'ISCO 7212' }))).toEqual([
      '7212.1',
      'ESCO',
      'ISCO 7212',
    ]);
    expect(optionMeta(buildItem({ kind: 'esco_skill', code: '0005c151-5b5a-4a66-8aac-60e734beb1ab', detail: 'conoscenza' }))).toEqual([
      'ESCO',
      'conoscenza',
    ]);
    expect(optionMeta(buildItem({ kind: 'comune', code: '036023', detail: 'MO' }))).toEqual(['036023', 'MO']);
  });

  it('tells the English texts of the sources list from the Italian ones', () => {
    expect(sourceTextLanguage('This service uses the ESCO classification of the European Commission.')).toBe('en');
    expect(sourceTextLanguage('ESCO – European Skills, Competences, Qualifications and Occupations')).toBe('en');
    for (const italian of [
      'Fonte: ISTAT – Istituto nazionale di statistica.',
      'Creative Commons Attribuzione 4.0 (CC BY 4.0)',
      'Atti pubblici del CNEL (l. 936/1986, art. 17); l’elenco compilato non dichiara una licenza',
      'Confini e centroidi dei comuni: Openpolis / ISTAT.',
    ]) {
      expect(sourceTextLanguage(italian)).toBe('it');
    }
  });
});
